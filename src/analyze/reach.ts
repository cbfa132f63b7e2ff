/**
 * IP reachability (topology.md, "Reachability").
 *
 * Host `s` reaches host `t` on service `p` when a chain of zones and forwarding devices joins
 * them, every device forwards (s → t, p), and `t` accepts `p`. Whether a device forwards depends
 * only on (s, t, p), never on the route, so for one (s, t, p) the open devices are fixed and the
 * question is plain connectivity.
 *
 * Hosts are grouped into classes (classes.ts) and ports into atoms (atoms.ts). One pair of
 * classes is answered by a traversal that opens a firewall only when it forwards for that pair;
 * a set of pairs (who of these reaches whom of those) by one traversal per source class, or per
 * destination class, whichever side has fewer (flow.ts), never by pairing every class with every
 * other. A view with an exclusion (devices or zones taken away) answers "does every chain pass X".
 */
import type { Design, Device, Host } from "../model/design.js";
import { Bitset } from "../util/bitset.js";
import { compareCodePoints } from "../util/compare.js";
import type { ServiceAtoms } from "./atoms.js";
import { type DestClass, ReachCore } from "./classes.js";
import { type FlowOptions, type FlowResult, traverse } from "./flow.js";

export { ReachCore };

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

/** A node a route can pass: a device, or a multi-homed host that does not forward. */
type Mid = { id: string; zones: number[]; device?: Device; host?: Host };

/** Distances (in nodes passed) from a target's zones, and the intermediates one step nearer it, by zone. */
type TargetDistances = { dz: Int32Array; nearer: Map<number, number[]> };

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

/** Reachability on the design, optionally with some devices or zones taken away. */
export class Reachability {
  private readonly pairCache = new Map<number, Bitset>();
  /** explain's distances from a zone set (when neither end is an intermediate) */
  private readonly bfsCache = new Map<string, TargetDistances>();
  private midsCache?: { mids: Mid[]; zoneMids: number[][]; midOfHost: Map<number, number[]> };
  /** shortestChain's distances, stamped per call */
  private chainScratch?: { stamp: number; mark: Int32Array; dist: Int32Array };
  /** explain's scratch marks of the zones and intermediates met, stamped per call */
  private scratch?: { stamp: number; zone: Int32Array; mid: Int32Array };
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

  /** One pair of classes: a traversal that opens a firewall only where it forwards for this pair. */
  private computeClassReach(cs: number, ct: number): Bitset {
    const { core, design } = this;
    const src = core.srcClasses[cs];
    const dst = core.dstClasses[ct] as DestClass;
    const size = core.atoms.size;
    if (!src || dst.accepts.isEmpty()) return new Bitset(size);
    // sparse: a pair's traversal visits a few zones of thousands
    const label = new Map<number, Bitset>();
    const queue: number[] = [];
    const full = Bitset.full(size);
    for (const z of src.zones) {
      if (!this.usableZone[z] || label.has(z)) continue;
      label.set(z, full);
      queue.push(z);
    }
    while (queue.length > 0) {
      const z = queue.pop() as number;
      const here = label.get(z) as Bitset;
      for (const di of core.openDevices(z, cs, ct)) {
        if (!this.usableDevice[di]) continue;
        const d = design.devices[di] as Device;
        const out = d.firewall ? here.and(core.firewallAllows(di, cs, ct)) : here;
        if (out.isEmpty()) continue;
        for (const z2 of d.zones) {
          if (!this.usableZone[z2]) continue;
          const there = label.get(z2);
          if (there && out.isSubsetOf(there)) continue;
          label.set(z2, there ? there.or(out) : out);
          queue.push(z2);
        }
      }
    }
    const result = new Bitset(size);
    for (const z of dst.zones) {
      const l = label.get(z);
      if (l) result.orInPlace(l);
    }
    return result.and(dst.accepts);
  }

  /** Everything source class `cs` reaches: destination class → atoms, with chain lengths. */
  row(cs: number, options: FlowOptions = {}): FlowResult {
    return traverse(this.core, 0, cs, this.usableDevice, this.usableZone, options);
  }

  /** Every source class that reaches destination class `ct`: source class → atoms, with chain lengths. */
  column(ct: number, options: FlowOptions = {}): FlowResult {
    return traverse(this.core, 1, ct, this.usableDevice, this.usableZone, options);
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
   * Every (source, target) pair that reaches on some atom of `query`: one traversal per source
   * class, or per destination class when there are fewer of those. Calls `visit` in
   * source-then-target host order.
   */
  pairs(sources: readonly Host[], targets: readonly Host[], query: Bitset, visit: (s: Host, t: Host) => void): void {
    const { core } = this;
    const srcSet = new Map<number, Host[]>();
    for (const s of sources) pushHost(srcSet, core.srcClassOf[s.index] as number, s);
    const dstSet = new Map<number, Host[]>();
    for (const t of targets) pushHost(dstSet, core.dstClassOf[t.index] as number, t);
    const hits: Array<[Host, Host]> = [];
    const add = (cs: number, ct: number, atoms: Bitset) => {
      this.pairCache.set(cs * core.dstClasses.length + ct, atoms);
      if (!atoms.intersects(query)) return;
      for (const s of srcSet.get(cs) as Host[])
        for (const t of dstSet.get(ct) as Host[]) if (s.index !== t.index) hits.push([s, t]);
    };
    if (srcSet.size <= dstSet.size) {
      const options = this.filter(dstSet.keys(), core.dstClasses, (c) => dstSet.has(c));
      for (const cs of srcSet.keys()) {
        const row = this.row(cs, options);
        for (const [ct, atoms] of row.atoms) add(cs, ct, atoms);
      }
    } else {
      const options = this.filter(srcSet.keys(), core.srcClasses, (c) => srcSet.has(c));
      for (const ct of dstSet.keys()) {
        const col = this.column(ct, options);
        for (const [cs, atoms] of col.atoms) add(cs, ct, atoms);
      }
    }
    hits.sort((a, b) => a[0].index - b[0].index || a[1].index - b[1].index);
    for (const [s, t] of hits) visit(s, t);
  }

  /** Traversal options that follow only the kind signatures of `classes` and report only `want`. */
  filter(wanted: Iterable<number>, classes: ReadonlyArray<{ sig: number }>, want: (cls: number) => boolean): FlowOptions {
    const sigs: boolean[] = new Array(this.core.sigCount).fill(false);
    for (const c of wanted) sigs[(classes[c] as { sig: number }).sig] = true;
    return { sigs, want };
  }

  /** Who (among `sources`) reaches `t` on `query`, in host order. */
  sourcesReaching(t: Host, sources: readonly Host[], query: Bitset): Host[] {
    const out: Host[] = [];
    this.pairs(sources, [t], query, (s) => out.push(s));
    return out;
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
    // only the devices that forward something for the pair are looked at (openDevices ⊇ open)
    const zonePath = this.shortestChain(source.zones, target.zones, open, (z) => core.openDevices(z, cs, ct));
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
    /** the devices of a zone to consider, ascending (a superset of the open ones); all by default */
    devicesAt: (z: number) => readonly number[] = (z) => this.core.zoneDevices[z] as number[],
  ): Array<{ zone?: number; device?: number }> | undefined {
    const { design } = this;
    // distances from the ends, in scratch arrays stamped per call (thousands of witnesses for a
    // cascade's paths allocate nothing the size of the design); unset reads as -1
    if (!this.chainScratch || this.chainScratch.stamp >= 0x3fffffff)
      this.chainScratch = {
        stamp: 0,
        mark: new Int32Array(design.zones.length),
        dist: new Int32Array(design.zones.length),
      };
    const sc = this.chainScratch;
    const stamp = ++sc.stamp;
    const { mark, dist: distance } = sc;
    const dist = (z: number): number => (mark[z] === stamp ? (distance[z] as number) : -1);
    const set = (z: number, d: number) => {
      mark[z] = stamp;
      distance[z] = d;
    };
    let frontier: number[] = [];
    for (const z of ends) {
      if (this.usableZone[z] && dist(z) === -1) {
        set(z, 0);
        frontier.push(z);
      }
    }
    // the search stops after the level at which a start is first met: the nearest starts are all
    // met by then, and the chain back needs only the distances below it
    const met = () => starts.some((z) => dist(z) >= 0);
    let level = 0;
    while (frontier.length > 0 && !met()) {
      const next: number[] = [];
      level++;
      for (const z of frontier) {
        for (const di of devicesAt(z)) {
          const d = design.devices[di] as Device;
          if (!open(d)) continue;
          for (const z2 of d.zones) {
            if (dist(z2) === -1 && this.usableZone[z2]) {
              set(z2, level);
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
      const dz = dist(z);
      if (dz >= 0 && dz < bestDist) {
        best = z;
        bestDist = dz;
      }
    }
    if (best < 0) return undefined;
    const chain: Array<{ zone?: number; device?: number }> = [{ zone: best }];
    let z = best;
    while (dist(z) > 0) {
      const want = dist(z) - 1;
      let chosen: { device: number; zone: number } | undefined;
      for (const di of devicesAt(z)) {
        const d = design.devices[di] as Device;
        if (!open(d)) continue;
        const nextZone = d.zones.find((z2) => dist(z2) === want);
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
   * The nodes a route can pass, in id order, built once per view: every device, and every
   * multi-homed host that does not forward; by zone, and the ones that are a given host.
   */
  private intermediates(): { mids: Mid[]; zoneMids: number[][]; midOfHost: Map<number, number[]> } {
    if (this.midsCache) return this.midsCache;
    const { design } = this;
    const mids: Mid[] = [];
    for (const d of design.devices) mids.push({ id: d.id, zones: d.zones, device: d });
    for (const h of design.hosts) {
      if (h.implicit || h.zones.length < 2) continue;
      if (design.deviceById.has(h.id)) continue;
      mids.push({ id: h.id, zones: h.zones, host: h });
    }
    mids.sort((a, b) => compareCodePoints(a.id, b.id));
    const zoneMids: number[][] = design.zones.map(() => []);
    const midOfHost = new Map<number, number[]>();
    mids.forEach((m, i) => {
      for (const z of m.zones) zoneMids[z]?.push(i);
      const h = m.device ? m.device.hostIndex : m.host?.index;
      if (h !== undefined) midOfHost.set(h, [...(midOfHost.get(h) ?? []), i]);
    });
    this.midsCache = { mids, zoneMids, midOfHost };
    return this.midsCache;
  }

  /**
   * Distances (in nodes passed) from a set of zones over every usable zone and intermediate, the
   * intermediates that are the hosts `ends` themselves marked -2 (never passed). Without `ends`,
   * kept per zone set (a diff explains thousands of lost pairs towards a few targets).
   */
  private distancesFrom(starts: readonly number[], ends?: readonly number[]): TargetDistances {
    const key = ends === undefined ? starts.join(",") : undefined;
    const hit = key === undefined ? undefined : this.bfsCache.get(key);
    if (hit && key !== undefined) {
      // least recently used goes first: a hit moves to the back
      this.bfsCache.delete(key);
      this.bfsCache.set(key, hit);
      return hit;
    }
    const { design } = this;
    const { mids, zoneMids, midOfHost } = this.intermediates();
    const dz = new Int32Array(design.zones.length).fill(-1);
    const dm = new Int32Array(mids.length).fill(-1);
    for (const h of ends ?? []) for (const mi of midOfHost.get(h) ?? []) dm[mi] = -2;
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
    const out: TargetDistances = { dz, nearer: new Map() };
    if (key !== undefined) {
      // bounded: an entry is an array the size of the design's zones (20 KB for the whole
      // country) and the nearer intermediates of the zones explanations passed
      if (this.bfsCache.size >= 1024) this.bfsCache.delete(this.bfsCache.keys().next().value as string);
      this.bfsCache.set(key, out);
    }
    return out;
  }

  /**
   * The intermediates of `zoneMids[z]` one step nearer the target than `z` (the smallest
   * distance of their zones is one less than z's), kept with the distances they were found from.
   */
  private nearerMids(z: number, fromT: TargetDistances): readonly number[] {
    let list = fromT.nearer.get(z);
    if (list) return list;
    const { mids, zoneMids } = this.intermediates();
    const want = (fromT.dz[z] as number) - 1;
    list = [];
    for (const mi of zoneMids[z] as number[]) {
      let near = Number.POSITIVE_INFINITY;
      for (const z2 of (mids[mi] as Mid).zones) {
        const d = fromT.dz[z2] as number;
        if (d >= 0 && d < near) near = d;
      }
      if (near === want) list.push(mi);
    }
    fromT.nearer.set(z, list);
    return list;
  }

  /**
   * The intermediates on a shortest route from the source's zones to the target's, `total` nodes
   * apart, in the order found. A shortest route enters every zone and node one step nearer the
   * target than the one before, so the walk goes forward from the source along those steps only:
   * from a zone whose two distances add up to the total, to the intermediates one step nearer
   * the target, to their zones at that distance. Every prefix of a shortest route is one, so
   * each node is met first at its distance from the source; nothing off the shortest routes is
   * visited (a route across the LGWAN backbone looks at the backbone's few nodes on the way,
   * not its thousands of firewalls). The hosts `ends` themselves are never passed. Scratch marks
   * are stamped per call, so thousands of calls allocate nothing the size of the design.
   */
  private shortestRouteMids(starts: readonly number[], fromT: TargetDistances, total: number, ends: readonly number[]): number[] {
    const { design } = this;
    const { mids, midOfHost } = this.intermediates();
    if (!this.scratch || this.scratch.stamp >= 0x3fffffff) {
      this.scratch = { stamp: 0, zone: new Int32Array(design.zones.length), mid: new Int32Array(mids.length) };
    }
    const sc = this.scratch;
    const stamp = ++sc.stamp;
    const { zone: zoneMark, mid: midMark } = sc;
    for (const h of ends) for (const mi of midOfHost.get(h) ?? []) midMark[mi] = stamp;
    const out: number[] = [];
    let frontier: number[] = [];
    for (const z of starts) {
      if (!this.usableZone[z] || zoneMark[z] === stamp) continue;
      zoneMark[z] = stamp;
      // a start zone farther from the target than the total is on no shortest route
      if (fromT.dz[z] === total) frontier.push(z);
    }
    let level = 0;
    while (frontier.length > 0 && level < total) {
      level++;
      const next: number[] = [];
      for (const z of frontier) {
        for (const mi of this.nearerMids(z, fromT)) {
          if (midMark[mi] === stamp) continue;
          midMark[mi] = stamp;
          out.push(mi);
          for (const z2 of (mids[mi] as Mid).zones) {
            if (zoneMark[z2] === stamp || !this.usableZone[z2] || fromT.dz[z2] !== total - level) continue;
            zoneMark[z2] = stamp;
            next.push(z2);
          }
        }
      }
      frontier = next;
    }
    return out;
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
    // Candidate intermediates: every device, and every multi-homed host that does not forward;
    // neither `s` nor `t` itself (never passed, never a blocker)
    const { mids, midOfHost } = this.intermediates();
    // Distances from the target's zones, kept per zone set, unless an end is an intermediate
    // attached to a zone the end itself is not in. An end's intermediate (a multi-homed host, a
    // forwarding host) that joins only the end's own zones never lies on a shortest route between
    // the ends (a route through it could start, or stop, one zone earlier), and it shortens the
    // distance to the target only for nodes farther than the total, which are on no shortest
    // route either way: the distances of the design without it answer alike.
    const within = (h: number, zones: readonly number[]) =>
      (midOfHost.get(h) ?? []).every((mi) => (mids[mi] as Mid).zones.every((z) => zones.includes(z)));
    const shared = within(s, source.zones) && within(t, target.zones);
    const fromT = this.distancesFrom(target.zones, shared ? undefined : [s, t]);
    // the distance is the same from either end: the target's side first (a few targets, many
    // sources in a diff), then the source's side only along shortest routes
    let total = Number.POSITIVE_INFINITY;
    for (const z of source.zones) {
      const d = fromT.dz[z] as number;
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
        (z) => core.openDevices(z, cs, ct),
      ) !== undefined;
    for (const a of query) if (anyOpen(a)) openAll.add(a);
    if (!openAll.isEmpty()) return { reason: "not-accepted", blockers: [], accepts };
    const onRoute = this.shortestRouteMids(source.zones, fromT, total, [s, t]);
    const blockers: Blocker[] = [];
    for (const i of onRoute.sort((a, b) => a - b)) {
      const m = mids[i] as Mid;
      if (m.host) {
        blockers.push({ type: "host-no-forward", id: m.id });
        continue;
      }
      const d = m.device as Device;
      if (!this.usableDevice[d.index]) {
        blockers.push({ type: "excluded", id: d.id });
        continue;
      }
      if (!d.firewall) continue;
      const allowed = core.firewallAllows(d.index, cs, ct);
      const denied = queryAccepted.andNot(allowed);
      if (denied.isEmpty()) continue;
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
    }
    return { reason: "blocked", blockers };
  }
}

function pushHost(map: Map<number, Host[]>, key: number, h: Host): void {
  const list = map.get(key);
  if (list) list.push(h);
  else map.set(key, [h]);
}
