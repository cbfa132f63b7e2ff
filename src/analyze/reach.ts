/**
 * IP reachability (topology.md, "Reachability").
 *
 * Host `s` reaches host `t` on service `p` when a chain of zones and forwarding devices joins
 * them, every device forwards (s → t, p), and `t` accepts `p`. Whether a device forwards depends
 * only on (s, t, p), never on the route, so for one (s, t, p) the open devices are fixed and the
 * question is plain connectivity.
 *
 * To avoid asking it for every pair of hosts, hosts are grouped into classes: two sources with the
 * same zones that match the same `from` of every rule are interchangeable, and so are two
 * destinations with the same zones, the same `to` matches and the same accepted services. Ports
 * are grouped into atoms (atoms.ts). The answer for a (source class, destination class) pair is the
 * set of atoms on which it reaches, computed once and cached; connectivity itself is cached per
 * (set of open devices, source zones). A design of thousands of hosts has few classes.
 *
 * A view with an exclusion (devices or zones taken away) answers "does every chain pass X".
 */
import type { Design, Device, Host } from "../model/design.js";
import { Bitset } from "../util/bitset.js";
import { compareCodePoints } from "../util/compare.js";
import type { ServiceAtoms } from "./atoms.js";

export interface Exclusion {
  /** a stable key for caching */
  key: string;
  device?: (d: Device) => boolean;
  zone?: (zoneIndex: number) => boolean;
}

export type PathElement =
  | { type: "host"; id: string }
  | { type: "zone"; id: string }
  | {
      type: "device";
      id: string;
      kind: string;
      /** for a firewall: the rule that let the traffic through, or `default` */
      rule?: string;
      ruleTitle?: string;
    };

export interface Chain {
  source: string;
  target: string;
  /** the witness service, first port of the first atom that reaches: `tcp/443` */
  service: string;
  /** s, z1, d1, z2, …, t */
  path: PathElement[];
  devices: number;
}

export type Blocker =
  | { type: "firewall"; id: string; rules: string[]; ruleTitles: Array<string | undefined>; defaultDeny: boolean }
  | { type: "host-no-forward"; id: string }
  | { type: "excluded"; id: string };

export interface Explanation {
  reason: "same-host" | "no-connection" | "not-accepted" | "blocked";
  blockers: Blocker[];
  /** what the destination accepts, when that is the reason */
  accepts?: Bitset;
}

interface SourceClass {
  zones: number[];
  zonesKey: string;
  /** per firewall device index, the rule indexes whose `from` holds the source */
  rules: Map<number, number[]>;
  members: number[];
}

interface DestClass {
  zones: Set<number>;
  rules: Map<number, number[]>;
  accepts: Bitset;
  members: number[];
}

/** Class partition and firewall decisions: shared by every view. */
export class ReachCore {
  readonly srcClassOf: Int32Array;
  readonly dstClassOf: Int32Array;
  readonly srcClasses: SourceClass[] = [];
  readonly dstClasses: DestClass[] = [];
  readonly ruleAtoms: Bitset[][];
  private readonly decisionCache = new Map<string, Bitset>();
  /** zone index → devices attached, ascending by device index (= id order) */
  readonly zoneDevices: number[][];

  constructor(
    readonly design: Design,
    readonly atoms: ServiceAtoms,
    /** hosts that must sit in classes of their own (ends of exception flows, for contagion) */
    singletons: ReadonlySet<number> = new Set(),
  ) {
    const { hosts, devices } = design;
    this.ruleAtoms = devices.map((d) => d.rules.map((r) => atoms.of(r.def.service)));
    const fromLists: Array<Map<number, number[]>> = hosts.map(() => new Map());
    const toLists: Array<Map<number, number[]>> = hosts.map(() => new Map());
    for (const d of devices) {
      d.rules.forEach((r, ri) => {
        for (const h of r.from) pushTo(fromLists[h] as Map<number, number[]>, d.index, ri);
        for (const h of r.to) pushTo(toLists[h] as Map<number, number[]>, d.index, ri);
      });
    }
    const all = Bitset.full(atoms.size);
    const srcKeys = new Map<string, number>();
    const dstKeys = new Map<string, number>();
    this.srcClassOf = new Int32Array(hosts.length);
    this.dstClassOf = new Int32Array(hosts.length);
    for (const h of hosts) {
      const solo = singletons.has(h.index) ? `#${h.index}` : "";
      const zonesKey = h.zones.join(",");
      const sk = `${zonesKey}|${mapKey(fromLists[h.index] as Map<number, number[]>)}${solo}`;
      let sc = srcKeys.get(sk);
      if (sc === undefined) {
        sc = this.srcClasses.length;
        srcKeys.set(sk, sc);
        this.srcClasses.push({ zones: h.zones, zonesKey, rules: fromLists[h.index] as Map<number, number[]>, members: [] });
      }
      this.srcClasses[sc]?.members.push(h.index);
      this.srcClassOf[h.index] = sc;
      const accepts = h.services ? atoms.of(h.services) : all;
      const dk = `${zonesKey}|${mapKey(toLists[h.index] as Map<number, number[]>)}|${accepts.key()}${solo}`;
      let dc = dstKeys.get(dk);
      if (dc === undefined) {
        dc = this.dstClasses.length;
        dstKeys.set(dk, dc);
        this.dstClasses.push({
          zones: new Set(h.zones),
          rules: toLists[h.index] as Map<number, number[]>,
          accepts,
          members: [],
        });
      }
      this.dstClasses[dc]?.members.push(h.index);
      this.dstClassOf[h.index] = dc;
    }
    this.zoneDevices = design.zones.map(() => []);
    for (const d of devices) for (const z of d.zones) this.zoneDevices[z]?.push(d.index);
  }

  /** The atoms on which firewall `f` forwards traffic from source class `cs` to destination class `ct`. */
  firewallAllows(f: number, cs: number, ct: number): Bitset {
    const device = this.design.devices[f] as Device;
    const a = (this.srcClasses[cs] as SourceClass).rules.get(f) ?? EMPTY;
    const b = (this.dstClasses[ct] as DestClass).rules.get(f) ?? EMPTY;
    const matching = intersectSorted(a, b);
    const key = `${f}:${matching.join(",")}`;
    let allowed = this.decisionCache.get(key);
    if (allowed) return allowed;
    allowed = new Bitset(this.atoms.size);
    let undecided = Bitset.full(this.atoms.size);
    const ruleAtoms = this.ruleAtoms[f] as Bitset[];
    for (const ri of matching) {
      const hit = (ruleAtoms[ri] as Bitset).and(undecided);
      if (hit.isEmpty()) continue;
      if ((device.rules[ri] as { def: { action: string } }).def.action === "allow") allowed.orInPlace(hit);
      undecided = undecided.andNot(hit);
    }
    if (device.defaultAllow) allowed.orInPlace(undecided);
    this.decisionCache.set(key, allowed);
    return allowed;
  }

  /** The rule of firewall `f` that decides (s → t, atom), or undefined for the default. */
  decidingRule(f: number, s: number, t: number, atom: number): number | undefined {
    const device = this.design.devices[f] as Device;
    const ruleAtoms = this.ruleAtoms[f] as Bitset[];
    for (let ri = 0; ri < device.rules.length; ri++) {
      const r = device.rules[ri] as Device["rules"][number];
      if (r.from.has(s) && r.to.has(t) && (ruleAtoms[ri] as Bitset).has(atom)) return ri;
    }
    return undefined;
  }
}

const EMPTY: number[] = [];

function pushTo(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function mapKey(map: Map<number, number[]>): string {
  const parts: string[] = [];
  for (const [k, v] of [...map.entries()].sort((x, y) => x[0] - y[0])) parts.push(`${k}:${v.join(".")}`);
  return parts.join(";");
}

function intersectSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** Reachability on the design, optionally with some devices or zones taken away. */
export class Reachability {
  private readonly pairCache = new Map<number, Bitset>();
  private readonly zoneCache = new Map<string, Bitset>();
  private readonly usableDevice: boolean[];
  private readonly usableZone: boolean[];

  constructor(
    readonly core: ReachCore,
    readonly exclusion?: Exclusion,
  ) {
    const { design } = core;
    this.usableDevice = design.devices.map((d) => !exclusion?.device?.(d));
    this.usableZone = design.zones.map((z) => !exclusion?.zone?.(z.index));
  }

  get design(): Design {
    return this.core.design;
  }

  get atoms(): ServiceAtoms {
    return this.core.atoms;
  }

  /** The atoms on which hosts of source class `cs` reach hosts of destination class `ct`. */
  classReach(cs: number, ct: number): Bitset {
    const key = cs * this.core.dstClasses.length + ct;
    const hit = this.pairCache.get(key);
    if (hit) return hit;
    const result = this.computeClassReach(cs, ct);
    this.pairCache.set(key, result);
    return result;
  }

  private computeClassReach(cs: number, ct: number): Bitset {
    const { core } = this;
    const src = core.srcClasses[cs] as SourceClass;
    const dst = core.dstClasses[ct] as DestClass;
    const result = new Bitset(core.atoms.size);
    if (dst.accepts.isEmpty()) return result;
    if (!src.zones.some((z) => this.usableZone[z]) || ![...dst.zones].some((z) => this.usableZone[z])) return result;
    // Which firewalls are open, atom by atom; group atoms that see the same open set.
    const openByAtom: string[] = new Array(core.atoms.size).fill("");
    const firewallAllowed = new Map<number, Bitset>();
    for (const d of this.design.devices) {
      if (!d.firewall || !this.usableDevice[d.index]) continue;
      const allowed = core.firewallAllows(d.index, cs, ct);
      firewallAllowed.set(d.index, allowed);
      for (const a of allowed) openByAtom[a] += `${d.index},`;
    }
    const groups = new Map<string, number[]>();
    for (const a of dst.accepts) {
      const k = openByAtom[a] as string;
      const g = groups.get(k);
      if (g) g.push(a);
      else groups.set(k, [a]);
    }
    for (const [openKey, atomList] of groups) {
      const reached = this.reachedZones(src.zones, src.zonesKey, openKey, (d) =>
        d.firewall ? (firewallAllowed.get(d.index)?.has(atomList[0] as number) ?? false) : true,
      );
      if ([...dst.zones].some((z) => reached.has(z))) for (const a of atomList) result.add(a);
    }
    return result;
  }

  private reachedZones(starts: number[], startKey: string, openKey: string, open: (d: Device) => boolean): Bitset {
    const key = `${startKey}|${openKey}`;
    const hit = this.zoneCache.get(key);
    if (hit) return hit;
    const { design, core } = this;
    const seen = new Bitset(design.zones.length);
    const usedDevice = new Bitset(design.devices.length);
    const queue: number[] = [];
    for (const z of starts) {
      if (this.usableZone[z] && !seen.has(z)) {
        seen.add(z);
        queue.push(z);
      }
    }
    while (queue.length > 0) {
      const z = queue.pop() as number;
      for (const di of core.zoneDevices[z] as number[]) {
        if (usedDevice.has(di) || !this.usableDevice[di]) continue;
        const d = design.devices[di] as Device;
        if (!open(d)) continue;
        usedDevice.add(di);
        for (const z2 of d.zones) {
          if (!seen.has(z2) && this.usableZone[z2]) {
            seen.add(z2);
            queue.push(z2);
          }
        }
      }
    }
    this.zoneCache.set(key, seen);
    return seen;
  }

  /** The atoms (within `query`) on which `s` reaches `t`. */
  reachAtoms(s: number, t: number, query: Bitset): Bitset {
    if (s === t) return new Bitset(query.size);
    return this.classReach(this.core.srcClassOf[s] as number, this.core.dstClassOf[t] as number).and(query);
  }

  reaches(s: number, t: number, query: Bitset): boolean {
    if (s === t) return false;
    return this.classReach(this.core.srcClassOf[s] as number, this.core.dstClassOf[t] as number).intersects(query);
  }

  /**
   * Every (source, target) pair that reaches on some atom of `query`, grouped by class so the
   * work is per class pair, not per host pair. Calls `visit` in source-then-target host order.
   */
  pairs(sources: readonly Host[], targets: readonly Host[], query: Bitset, visit: (s: Host, t: Host) => void): void {
    const { core } = this;
    const srcSet = new Map<number, Host[]>();
    for (const s of sources) pushHost(srcSet, core.srcClassOf[s.index] as number, s);
    const dstSet = new Map<number, Host[]>();
    for (const t of targets) pushHost(dstSet, core.dstClassOf[t.index] as number, t);
    const hits: Array<[Host, Host]> = [];
    for (const [cs, ss] of srcSet) {
      for (const [ct, ts] of dstSet) {
        if (!this.classReach(cs, ct).intersects(query)) continue;
        for (const s of ss) for (const t of ts) if (s.index !== t.index) hits.push([s, t]);
      }
    }
    hits.sort((a, b) => a[0].index - b[0].index || a[1].index - b[1].index);
    for (const [s, t] of hits) visit(s, t);
  }

  /** Who (among `sources`) reaches `t` on `query`, in host order. */
  sourcesReaching(t: Host, sources: readonly Host[], query: Bitset): Host[] {
    const ct = this.core.dstClassOf[t.index] as number;
    return sources.filter(
      (s) => s.index !== t.index && this.classReach(this.core.srcClassOf[s.index] as number, ct).intersects(query),
    );
  }

  /**
   * The witness: the first atom of `query` (tcp, udp, icmp, then by port) on which `s` reaches
   * `t`, and the shortest chain for it (fewest devices, ties broken by the id sequence).
   */
  witness(s: number, t: number, query: Bitset): Chain | undefined {
    const atoms = this.reachAtoms(s, t, query);
    const atom = atoms.first();
    if (atom < 0) return undefined;
    const { design, core } = this;
    const cs = core.srcClassOf[s] as number;
    const ct = core.dstClassOf[t] as number;
    const open = (d: Device) =>
      this.usableDevice[d.index] === true &&
      d.hostIndex !== s &&
      d.hostIndex !== t &&
      (!d.firewall || core.firewallAllows(d.index, cs, ct).has(atom));
    const source = design.hosts[s] as Host;
    const target = design.hosts[t] as Host;
    const zonePath = this.shortestChain(source.zones, target.zones, open);
    if (!zonePath) return undefined;
    const path: PathElement[] = [{ type: "host", id: source.id }];
    for (const step of zonePath) {
      if (step.zone !== undefined) path.push({ type: "zone", id: (design.zones[step.zone] as { id: string }).id });
      else {
        const d = design.devices[step.device as number] as Device;
        const el: PathElement = { type: "device", id: d.id, kind: d.kind };
        if (d.firewall) {
          const ri = core.decidingRule(d.index, s, t, atom);
          if (ri === undefined) el.rule = "default";
          else {
            const rule = (d.rules[ri] as Device["rules"][number]).def;
            el.rule = rule.name;
            if (rule.title !== undefined) el.ruleTitle = rule.title;
          }
        }
        path.push(el);
      }
    }
    path.push({ type: "host", id: target.id });
    return {
      source: source.id,
      target: target.id,
      service: this.atoms.label(atom),
      path,
      devices: path.filter((p) => p.type === "device").length,
    };
  }

  /**
   * The shortest zone/device chain from any of `starts` to any of `ends` through devices for
   * which `open` holds: fewest devices, then the smallest id sequence. Zones and devices are
   * numbered in code-point order of their ids, so comparing numbers compares ids.
   */
  shortestChain(
    starts: number[],
    ends: number[],
    open: (d: Device) => boolean,
  ): Array<{ zone?: number; device?: number }> | undefined {
    const { design, core } = this;
    const dist = new Int32Array(design.zones.length).fill(-1);
    let frontier: number[] = [];
    for (const z of ends) {
      if (this.usableZone[z] && dist[z] === -1) {
        dist[z] = 0;
        frontier.push(z);
      }
    }
    let level = 0;
    while (frontier.length > 0) {
      const next: number[] = [];
      level++;
      for (const z of frontier) {
        for (const di of core.zoneDevices[z] as number[]) {
          const d = design.devices[di] as Device;
          if (!open(d)) continue;
          for (const z2 of d.zones) {
            if (dist[z2] === -1 && this.usableZone[z2]) {
              dist[z2] = level;
              next.push(z2);
            }
          }
        }
      }
      frontier = next;
    }
    let best = -1;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const z of [...starts].sort((a, b) => a - b)) {
      const dz = dist[z] as number;
      if (dz >= 0 && dz < bestDist) {
        best = z;
        bestDist = dz;
      }
    }
    if (best < 0) return undefined;
    const chain: Array<{ zone?: number; device?: number }> = [{ zone: best }];
    let z = best;
    while ((dist[z] as number) > 0) {
      const want = (dist[z] as number) - 1;
      let chosen: { device: number; zone: number } | undefined;
      for (const di of core.zoneDevices[z] as number[]) {
        const d = design.devices[di] as Device;
        if (!open(d)) continue;
        const nextZone = d.zones.find((z2) => dist[z2] === want);
        if (nextZone !== undefined) {
          chosen = { device: di, zone: nextZone };
          break;
        }
      }
      if (!chosen) return undefined;
      chain.push({ device: chosen.device }, { zone: chosen.zone });
      z = chosen.zone;
    }
    return chain;
  }

  /**
   * Why `s` does not reach `t` on `query`: on the shortest routes through every node attached to
   * two or more zones, what stops the traffic.
   */
  explain(s: number, t: number, query: Bitset): Explanation {
    if (s === t) return { reason: "same-host", blockers: [] };
    const { design, core } = this;
    const source = design.hosts[s] as Host;
    const target = design.hosts[t] as Host;
    const cs = core.srcClassOf[s] as number;
    const ct = core.dstClassOf[t] as number;
    const accepts = (core.dstClasses[ct] as DestClass).accepts;
    // Candidate intermediates: every device, and every multi-homed host that does not forward.
    type Mid = { id: string; zones: number[]; device?: Device; host?: Host };
    const mids: Mid[] = [];
    for (const d of design.devices)
      if (d.hostIndex !== s && d.hostIndex !== t) mids.push({ id: d.id, zones: d.zones, device: d });
    for (const h of design.hosts) {
      if (h.implicit || h.index === s || h.index === t || h.zones.length < 2) continue;
      if (design.deviceById.has(h.id)) continue;
      mids.push({ id: h.id, zones: h.zones, host: h });
    }
    mids.sort((a, b) => compareCodePoints(a.id, b.id));
    const zoneMids: number[][] = design.zones.map(() => []);
    mids.forEach((m, i) => {
      for (const z of m.zones) zoneMids[z]?.push(i);
    });
    const bfs = (starts: number[]) => {
      const dz = new Int32Array(design.zones.length).fill(-1);
      const dm = new Int32Array(mids.length).fill(-1);
      let frontier = starts.filter((z) => this.usableZone[z]);
      for (const z of frontier) dz[z] = 0;
      let level = 0;
      while (frontier.length > 0) {
        level++;
        const next: number[] = [];
        for (const z of frontier) {
          for (const mi of zoneMids[z] as number[]) {
            if (dm[mi] !== -1) continue;
            dm[mi] = level;
            for (const z2 of (mids[mi] as Mid).zones) {
              if (dz[z2] === -1 && this.usableZone[z2]) {
                dz[z2] = level;
                next.push(z2);
              }
            }
          }
        }
        frontier = next;
      }
      return { dz, dm };
    };
    const fromS = bfs(source.zones);
    const fromT = bfs(target.zones);
    let total = Number.POSITIVE_INFINITY;
    for (const z of target.zones) {
      const d = fromS.dz[z] as number;
      if (d >= 0 && d < total) total = d;
    }
    if (!Number.isFinite(total)) return { reason: "no-connection", blockers: [] };
    const queryAccepted = query.and(accepts);
    if (queryAccepted.isEmpty()) return { reason: "not-accepted", blockers: [], accepts };
    // Would it get through, were every service accepted?
    const openAll = new Bitset(core.atoms.size);
    const anyOpen = (atom: number) =>
      this.shortestChain(
        source.zones,
        target.zones,
        (d) =>
          this.usableDevice[d.index] === true &&
          d.hostIndex !== s &&
          d.hostIndex !== t &&
          (!d.firewall || core.firewallAllows(d.index, cs, ct).has(atom)),
      ) !== undefined;
    for (const a of query) if (anyOpen(a)) openAll.add(a);
    if (!openAll.isEmpty()) return { reason: "not-accepted", blockers: [], accepts };
    const blockers: Blocker[] = [];
    mids.forEach((m, i) => {
      const ds = fromS.dm[i] as number;
      if (ds < 0) return;
      // m lies on a shortest route when its distance from s plus its distance to t is the total
      const dt = Math.min(...m.zones.map((z) => fromT.dz[z] as number).filter((x) => x >= 0));
      if (!Number.isFinite(dt) || ds + dt !== total) return;
      if (m.host) {
        blockers.push({ type: "host-no-forward", id: m.id });
        return;
      }
      const d = m.device as Device;
      if (!this.usableDevice[d.index]) {
        blockers.push({ type: "excluded", id: d.id });
        return;
      }
      if (!d.firewall) return;
      const allowed = core.firewallAllows(d.index, cs, ct);
      const denied = queryAccepted.andNot(allowed);
      if (denied.isEmpty()) return;
      const rules: string[] = [];
      const titles: Array<string | undefined> = [];
      let defaultDeny = false;
      for (const a of denied) {
        const ri = core.decidingRule(d.index, s, t, a);
        if (ri === undefined) defaultDeny = true;
        else {
          const def = (d.rules[ri] as Device["rules"][number]).def;
          if (!rules.includes(def.name)) {
            rules.push(def.name);
            titles.push(def.title);
          }
        }
      }
      blockers.push({ type: "firewall", id: d.id, rules, ruleTitles: titles, defaultDeny });
    });
    return { reason: "blocked", blockers };
  }
}

function pushHost(map: Map<number, Host[]>, key: number, h: Host): void {
  const list = map.get(key);
  if (list) list.push(h);
  else map.set(key, [h]);
}
