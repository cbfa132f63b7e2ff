/**
 * Host selectors of the policy format, evaluated on the facts of a node: its zones' kinds and
 * tiers, its kind, what it holds, its flags. Devices (firewalls, access points…) get the same
 * facts so that node rules can select them too.
 */
import { classificationRank, type Design, type Host } from "../model/design.js";
import { type Classification, FORWARDER_KINDS, type NodeDef, type Tier, ZONE_TIER, type ZoneKind } from "../model/types.js";
import { compareCodePoints as compare } from "../util/compare.js";
import { memo } from "../util/memo.js";
import type { Selector } from "./types.js";

export interface NodeFacts {
  id: string;
  kind: string;
  implicit: boolean;
  device: boolean;
  tiers: Set<Tier>;
  zoneKinds: Set<ZoneKind>;
  zoneIds: string[];
  internet: boolean;
  mediator: boolean;
  holdsMax?: Classification;
  def?: NodeDef;
  location?: string;
  host?: Host;
}

const FORWARDERS = new Set<string>(FORWARDER_KINDS);

/** facts are read by every node rule and selector: made once per design (they are never changed) */
const hostFactsCache = new WeakMap<Design, Array<NodeFacts | undefined>>();
const listedCache = new WeakMap<Design, NodeFacts[]>();

export function hostFacts(h: Host, design: Design): NodeFacts {
  if (design.hosts[h.index] !== h) return makeHostFacts(h, design);
  const facts = memo(hostFactsCache, design, () => new Array<NodeFacts | undefined>(design.hosts.length));
  facts[h.index] ??= makeHostFacts(h, design);
  return facts[h.index] as NodeFacts;
}

function makeHostFacts(h: Host, design: Design): NodeFacts {
  const f: NodeFacts = {
    id: h.id,
    kind: h.kind,
    implicit: h.implicit,
    device: false,
    tiers: h.tiers,
    zoneKinds: h.zoneKinds,
    zoneIds: h.zones.map((z) => design.zones[z]?.id as string),
    internet: h.internet,
    mediator: h.mediator,
    host: h,
  };
  if (h.holdsMax) f.holdsMax = h.holdsMax;
  if (h.def) f.def = h.def;
  if (h.location) f.location = h.location;
  return f;
}

/** Facts for every listed node (hosts and devices), in id order. */
export function listedNodeFacts(design: Design): readonly NodeFacts[] {
  return memo(listedCache, design, () => makeListedNodeFacts(design));
}

function makeListedNodeFacts(design: Design): NodeFacts[] {
  const out: NodeFacts[] = [];
  for (const h of design.hosts) if (!h.implicit) out.push(hostFacts(h, design));
  for (const d of design.devices) {
    if (!FORWARDERS.has(d.kind)) continue;
    const zones = d.def.zones.map((z) => design.zoneById.get(z)).filter((z) => z !== undefined);
    const tiers = new Set<Tier>();
    const zoneKinds = new Set<ZoneKind>();
    for (const z of zones) {
      const tier = ZONE_TIER[z.kind];
      if (tier) tiers.add(tier);
      zoneKinds.add(z.kind);
    }
    const f: NodeFacts = {
      id: d.id,
      kind: d.kind,
      implicit: false,
      device: true,
      tiers,
      zoneKinds,
      zoneIds: zones.map((z) => z.id),
      internet: zoneKinds.has("internet"),
      mediator: false,
      def: d.def,
    };
    const loc = d.def.location ?? commonLocation(zones.map((z) => z.def.location));
    if (loc) f.location = loc;
    out.push(f);
  }
  return out.sort((a, b) => (a.id === b.id ? 0 : compare(a.id, b.id)));
}

function commonLocation(locs: Array<string | undefined>): string | undefined {
  let loc: string | undefined;
  for (const l of locs) {
    if (!l) return undefined;
    if (loc === undefined) loc = l;
    else if (loc !== l) return undefined;
  }
  return loc;
}

function overlaps<T>(set: Set<T>, list: readonly unknown[] | undefined): boolean {
  if (!list) return true;
  return list.some((x) => set.has(x as T));
}

export function matches(sel: Selector | undefined, f: NodeFacts): boolean {
  if (!sel) return true;
  if (sel.tier && !overlaps(f.tiers, sel.tier)) return false;
  if (sel["zone-kind"] && !overlaps(f.zoneKinds, sel["zone-kind"])) return false;
  if (sel["not-zone-kind"]?.some((k) => f.zoneKinds.has(k as ZoneKind))) return false;
  if (sel["host-kind"] && (f.implicit || f.device || !sel["host-kind"].includes(f.kind))) return false;
  if (sel["node-kind"] && (f.implicit || !sel["node-kind"].includes(f.kind))) return false;
  if (sel["internet-host"] !== undefined && f.internet !== sel["internet-host"]) return false;
  if (sel["holds-at-least"] !== undefined) {
    const want = classificationRank(sel["holds-at-least"] as Classification);
    if (f.holdsMax === undefined || classificationRank(f.holdsMax) < want) return false;
  }
  if (sel.listed !== undefined && f.implicit === sel.listed) return false;
  if (sel.mediator !== undefined && f.mediator !== sel.mediator) return false;
  if (sel.forwards !== undefined && (f.def?.forwards ?? false) !== sel.forwards) return false;
  if (sel["min-zones"] !== undefined && f.zoneIds.length < sel["min-zones"]) return false;
  if (sel.sanitizing !== undefined && (f.def?.controls.sanitize !== undefined) !== sel.sanitizing) return false;
  if (sel["any-of"] && !sel["any-of"].some((s) => matches(s, f))) return false;
  return true;
}

/** selections by design and selector text: the packs' rules ask for the same few sets again and again */
const selectionCache = new WeakMap<Design, Map<string, readonly Host[]>>();

/** Hosts (listed and implicit) matching a selector, in id order (a shared list: not to be changed). */
export function selectHosts(design: Design, sel: Selector | undefined): readonly Host[] {
  const selections = memo(selectionCache, design, () => new Map<string, readonly Host[]>());
  return memo(selections, JSON.stringify(sel ?? null), () =>
    Object.freeze(design.hosts.filter((h) => matches(sel, hostFacts(h, design)))),
  );
}
