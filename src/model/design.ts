/**
 * The design as a graph: zones and nodes, attachments between them, plus the implicit host
 * `<zone>/*` of every non-transit zone. The analysis reads the indexes (hosts and devices by
 * number, their zones, each firewall's rules compiled to reference sets); the same graph as a
 * graphology `UndirectedGraph` (`design.graph`) is built when first asked for.
 */
import { createRequire } from "node:module";
import type { UndirectedGraph } from "graphology";
import { Bitset } from "../util/bitset.js";
import { compareCodePoints } from "../util/compare.js";
import {
  CLASSIFICATIONS,
  type Classification,
  FORWARDER_KINDS,
  type NodeDef,
  type NodeKind,
  type RuleDef,
  type ServiceSet,
  type Tier,
  type Topology,
  ZONE_TIER,
  type ZoneDef,
  type ZoneKind,
} from "./types.js";

export interface Zone {
  index: number;
  id: string;
  kind: ZoneKind;
  tier: Tier | null;
  def: ZoneDef;
}

export interface Host {
  index: number;
  /** a node id, or `<zone>/*` */
  id: string;
  implicit: boolean;
  /** the node's kind; for an implicit host, `client` (it counts as one in contagion only) */
  kind: NodeKind;
  /** indexes of the zones it is attached to, ascending by zone id */
  zones: number[];
  def?: NodeDef;
  tiers: Set<Tier>;
  zoneKinds: Set<ZoneKind>;
  internet: boolean;
  mediator: boolean;
  /** the node's resolved `fetches` (default by kind: client, proxy, screen-transfer), or implicit */
  fetcher: boolean;
  /** what it accepts; undefined means anything */
  services?: ServiceSet;
  /** the highest classification held, or undefined */
  holdsMax?: Classification;
  /** declared, else the zones' common location */
  location?: string;
}

export interface CompiledRule {
  def: RuleDef;
  from: RefSet;
  to: RefSet;
}

/**
 * The hosts one side of a firewall rule matches, kept as the references say them rather than as
 * a host set (a `tier:` reference in every municipality's rule table would otherwise be a set of
 * every LGWAN-side host, once per rule): `any`, hosts named by id, zones named by id, zone kinds
 * (a `tier:` is its kinds). A host is *named* by a side when its id or one of its zones is; a host
 * that is not named matches exactly when `any` or one of its zones' kinds does, so hosts with the
 * same zone kinds that no rule names are interchangeable (the analysis relies on it).
 */
export class RefSet {
  any = false;
  readonly hosts = new Set<number>();
  readonly zones = new Set<number>();
  readonly kinds = new Set<ZoneKind>();
  constructor(private readonly all: readonly Host[]) {}

  /** Whether the side matches host `h` (by index). */
  has(h: number): boolean {
    const host = this.all[h];
    if (!host) return false;
    return this.any || this.names(host) || this.matchesKinds(host.zoneKinds);
  }

  /** Named: the host's id or one of its zones appears in the references. */
  names(host: Host): boolean {
    if (this.hosts.has(host.index)) return true;
    for (const z of host.zones) if (this.zones.has(z)) return true;
    return false;
  }

  /** Matches a host that it does not name, whose zones are of these kinds. */
  matchesKinds(kinds: ReadonlySet<ZoneKind>): boolean {
    if (this.any) return true;
    for (const k of kinds) if (this.kinds.has(k)) return true;
    return false;
  }

  /** Every host it matches, ascending. */
  *members(): IterableIterator<number> {
    for (const h of this.all) if (this.has(h.index)) yield h.index;
  }
}

export interface Device {
  index: number;
  id: string;
  kind: NodeKind;
  def: NodeDef;
  zones: number[];
  /** forwards everything (router, switch, ips, waf, vpn-gateway, wireless-ap, or a host with forwards) */
  open: boolean;
  firewall: boolean;
  /** an `ips`, or a firewall with `controls.ips` */
  ips: boolean;
  rules: CompiledRule[];
  defaultAllow: boolean;
  /** the host index when the device is a forwarding host */
  hostIndex?: number;
}

export interface Design {
  topology: Topology;
  graph: UndirectedGraph;
  zones: Zone[];
  zoneById: Map<string, Zone>;
  hosts: Host[];
  hostById: Map<string, Host>;
  devices: Device[];
  deviceById: Map<string, Device>;
}

const FORWARDERS = new Set<string>(FORWARDER_KINDS);

export function classificationRank(c: Classification): number {
  return CLASSIFICATIONS.indexOf(c);
}

export function isMediatorNode(def: NodeDef): boolean {
  if (def.kind === "sanitizer") return true;
  if (def.kind === "screen-transfer") return (def.controls.redirection ?? []).length === 0;
  if (def.kind === "mail-relay") return def.controls.sanitize !== undefined;
  return false;
}

export function implicitHostId(zoneId: string): string {
  return `${zoneId}/*`;
}

export function buildDesign(topology: Topology): Design {
  const zoneIds = [...topology.zones.keys()].sort(compareCodePoints);
  const zones: Zone[] = zoneIds.map((id, index) => {
    const def = topology.zones.get(id) as ZoneDef;
    return { index, id, kind: def.kind, tier: ZONE_TIER[def.kind], def };
  });
  const zoneById = new Map(zones.map((z) => [z.id, z]));

  const nodeIds = [...topology.nodes.keys()].sort(compareCodePoints);
  const hostEntries: Array<{ id: string; def?: NodeDef; zone?: Zone }> = [];
  for (const id of nodeIds) {
    const def = topology.nodes.get(id) as NodeDef;
    if (!FORWARDERS.has(def.kind)) hostEntries.push({ id, def });
  }
  for (const zone of zones) {
    if (zone.kind === "transit") continue;
    const id = implicitHostId(zone.id);
    hostEntries.push({ id, zone });
  }
  hostEntries.sort((a, b) => compareCodePoints(a.id, b.id));

  const hosts: Host[] = hostEntries.map((e, index) => {
    const zoneList = e.def
      ? e.def.zones
          .map((z) => zoneById.get(z))
          .filter((z): z is Zone => z !== undefined)
          .sort((a, b) => a.index - b.index)
      : [e.zone as Zone];
    const uniqueZones = [...new Set(zoneList)];
    const tiers = new Set<Tier>();
    const zoneKinds = new Set<ZoneKind>();
    for (const z of uniqueZones) {
      if (z.tier) tiers.add(z.tier);
      zoneKinds.add(z.kind);
    }
    let holdsMax: Classification | undefined;
    for (const d of e.def?.holds ?? []) {
      const datum = topology.data.get(d);
      if (datum && (holdsMax === undefined || classificationRank(datum.classification) > classificationRank(holdsMax)))
        holdsMax = datum.classification;
    }
    const host: Host = {
      index,
      id: e.id,
      implicit: !e.def,
      kind: e.def ? e.def.kind : "client",
      zones: uniqueZones.map((z) => z.index),
      tiers,
      zoneKinds,
      internet: zoneKinds.has("internet"),
      mediator: e.def ? isMediatorNode(e.def) : false,
      fetcher: e.def ? e.def.fetches : true,
    };
    if (e.def) {
      host.def = e.def;
      if (e.def.services) host.services = e.def.services;
    }
    if (holdsMax) host.holdsMax = holdsMax;
    const location = e.def?.location ?? commonLocation(uniqueZones);
    if (location) host.location = location;
    return host;
  });
  const hostById = new Map(hosts.map((h) => [h.id, h]));

  const resolver = new ReferenceResolver(zones, hosts);
  const devices: Device[] = [];
  for (const id of nodeIds) {
    const def = topology.nodes.get(id) as NodeDef;
    const isForwarder = FORWARDERS.has(def.kind);
    if (!isForwarder && !def.forwards) continue;
    const firewall = def.kind === "firewall";
    const device: Device = {
      index: devices.length,
      id,
      kind: def.kind,
      def,
      zones: def.zones
        .map((z) => zoneById.get(z)?.index)
        .filter((z): z is number => z !== undefined)
        .sort((a, b) => a - b),
      open: !firewall,
      firewall,
      ips: def.kind === "ips" || (firewall && def.controls.ips === true),
      rules: firewall ? def.rules.map((r) => ({ def: r, from: resolver.refSet(r.from), to: resolver.refSet(r.to) })) : [],
      defaultAllow: firewall && def.defaultAction === "allow",
    };
    const host = hostById.get(id);
    if (host && !isForwarder) device.hostIndex = host.index;
    devices.push(device);
  }
  let graph: UndirectedGraph | undefined;
  return {
    topology,
    // the graphology view is built when first asked for (library users, tools); the analysis
    // works on the indexes below, and a national design's graph costs a second to build
    get graph(): UndirectedGraph {
      graph ??= designGraph(topology, zones, nodeIds);
      return graph;
    },
    zones,
    zoneById,
    hosts,
    hostById,
    devices,
    deviceById: new Map(devices.map((d) => [d.id, d])),
  };
}

/** Zones and nodes as graphology nodes (`zone:ID`, `node:ID`), attachments as edges, implicit hosts included. */
function designGraph(topology: Topology, zones: readonly Zone[], nodeIds: readonly string[]): UndirectedGraph {
  // graphology is loaded here, on first use, not with this module: ~12 ms of every check's
  // start-up (issue 9) for a graph the check does not read. A getter cannot wait for import(), so
  // it is graphology's CommonJS build (its package exports one for `require`), the same API.
  const { UndirectedGraph } = createRequire(import.meta.url)("graphology") as typeof import("graphology");
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  const known = new Set<string>();
  for (const z of zones) {
    graph.addNode(`zone:${z.id}`, { type: "zone", id: z.id, kind: z.kind });
    known.add(z.id);
  }
  for (const id of nodeIds) {
    const def = topology.nodes.get(id) as NodeDef;
    graph.addNode(`node:${id}`, { type: "node", id, kind: def.kind });
    for (const z of def.zones) if (known.has(z)) graph.mergeEdge(`node:${id}`, `zone:${z}`);
  }
  for (const zone of zones) {
    if (zone.kind === "transit") continue;
    const id = implicitHostId(zone.id);
    graph.addNode(`node:${id}`, { type: "implicit", id, kind: "client" });
    graph.addEdge(`node:${id}`, `zone:${zone.id}`);
  }
  return graph;
}

function commonLocation(zones: Zone[]): string | undefined {
  let loc: string | undefined;
  for (const z of zones) {
    if (!z.def.location) return undefined;
    if (loc === undefined) loc = z.def.location;
    else if (loc !== z.def.location) return undefined;
  }
  return loc;
}

/**
 * Turns firewall-rule references into host sets: `any`, a host id, `<zone>/*`, a zone id (its
 * hosts, implicit included), `zone-kind:<kind>`, `tier:<tier>`. The loader has already rejected
 * references to devices, transit zones and unknown names; anything unresolvable here is empty.
 */
export class ReferenceResolver {
  private readonly hostIndex: Map<string, number>;
  private readonly zoneIndex: Map<string, number>;
  /** hosts of each zone, and the sets already resolved (rule tables repeat the same references) */
  private readonly zoneHosts: number[][];
  private readonly cache = new Map<string, Bitset>();
  private readonly refSets = new Map<string, RefSet>();
  constructor(
    private readonly zones: Zone[],
    private readonly hosts: Host[],
  ) {
    this.hostIndex = new Map(hosts.map((h) => [h.id, h.index]));
    this.zoneIndex = new Map(zones.map((z) => [z.id, z.index]));
    this.zoneHosts = zones.map(() => []);
    for (const h of hosts) for (const z of h.zones) this.zoneHosts[z]?.push(h.index);
  }

  /** The hosts a reference names; the Bitset returned is shared, so callers must not change it. */
  resolve(ref: string): Bitset {
    const cached = this.cache.get(ref);
    if (cached) return cached;
    const set = this.compute(ref);
    this.cache.set(ref, set);
    return set;
  }

  private compute(ref: string): Bitset {
    const set = new Bitset(this.hosts.length);
    if (ref === "any") {
      for (let i = 0; i < this.hosts.length; i++) set.add(i);
      return set;
    }
    const direct = this.hostIndex.get(ref);
    if (direct !== undefined && !ref.endsWith("/*")) {
      set.add(direct);
      return set;
    }
    if (ref.endsWith("/*")) {
      if (direct !== undefined) set.add(direct);
      return set;
    }
    let zoneMatch: (z: Zone) => boolean;
    if (ref.startsWith("zone-kind:")) {
      const kind = ref.slice("zone-kind:".length);
      zoneMatch = (z) => z.kind === kind;
    } else if (ref.startsWith("tier:")) {
      const tier = ref.slice("tier:".length);
      zoneMatch = (z) => z.tier === tier;
    } else {
      zoneMatch = (z) => z.id === ref;
    }
    for (const z of this.zones) if (zoneMatch(z)) for (const i of this.zoneHosts[z.index] ?? []) set.add(i);
    return set;
  }

  /**
   * The references of one rule side, kept as references (see RefSet). Rule tables repeat the same
   * sides (`tier:lgwan-side` in every municipality's), so one RefSet is kept per list of
   * references and shared: it is never changed once made.
   */
  refSet(refs: readonly string[]): RefSet {
    const key = refs.length === 1 ? (refs[0] as string) : refs.join("\u0000");
    const hit = this.refSets.get(key);
    if (hit) return hit;
    const out = this.makeRefSet(refs);
    this.refSets.set(key, out);
    return out;
  }

  private makeRefSet(refs: readonly string[]): RefSet {
    const out = new RefSet(this.hosts);
    for (const ref of refs) {
      if (ref === "any") out.any = true;
      else if (ref.startsWith("zone-kind:")) out.kinds.add(ref.slice("zone-kind:".length) as ZoneKind);
      else if (ref.startsWith("tier:")) {
        const tier = ref.slice("tier:".length);
        for (const [kind, t] of Object.entries(ZONE_TIER)) if (t === tier) out.kinds.add(kind as ZoneKind);
      } else {
        const h = this.hostIndex.get(ref);
        if (h !== undefined) out.hosts.add(h);
        else {
          const z = this.zoneIndex.get(ref);
          if (z !== undefined) out.zones.add(z);
        }
      }
    }
    return out;
  }
}
