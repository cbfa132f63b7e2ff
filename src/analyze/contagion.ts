/**
 * Contagion (topology.md, "Contagion"): can malware that starts on an internet host end up on a
 * host, over any number of steps? An attacker on `u` gets `v` when `u` reaches `v` on tcp/udp
 * (`reach`), or `v` is a fetcher that reaches `u` on tcp/udp (`fetch`). Mediators can be got but
 * pass nothing on; under α′ the two ends of a hop of an exception flow make no step.
 *
 * Hosts that are interchangeable for reachability, with the same fetcher, mediator and internet
 * flags, form one class; the search runs over classes. The shortest form of a path (fewest steps,
 * then fewest devices, then the id sequence) is found layer by layer: the order (devices, ids) is
 * preserved by extending a path, so the best path to a class extends a best path to its
 * predecessor, and within a class the smallest id is always the best representative.
 */
import type { Design, Host } from "../model/design.js";
import type { Bitset } from "../util/bitset.js";
import { compareSequences } from "../util/compare.js";
import type { Chain, Reachability } from "./reach.js";

export interface ContagionStep {
  mode: "reach" | "fetch";
  /** the host the attacker holds */
  from: string;
  /** the host it gets */
  to: string;
  /** the chain in the direction the connection is opened */
  chain: Chain;
}

export interface ContagionPath {
  source: string;
  target: string;
  distance: number;
  steps: ContagionStep[];
  devices: number;
}

interface HostClass {
  members: Host[];
  fetcher: boolean;
  mediator: boolean;
  internet: boolean;
  src: number;
  dst: number;
}

interface Label {
  devices: number;
  seq: string[];
  pred?: number;
  mode?: "reach" | "fetch";
}

export class Contagion {
  private readonly classes: HostClass[] = [];
  private readonly classOf: Int32Array;
  private readonly dist: Int32Array;
  private readonly labels: Array<Label | undefined>;
  /** contagion classes by their reachability source class and destination class */
  private readonly bySrc = new Map<number, number[]>();
  private readonly byDst = new Map<number, number[]>();
  private closures?: Map<number, Set<number>>;
  private sourceClasses?: number[];
  /** the chains of the steps of the paths asked for, by mode and hosts */
  private readonly steps = new Map<string, Chain | undefined>();

  constructor(
    readonly design: Design,
    readonly reach: Reachability,
    /** tcp and udp, as atoms */
    private readonly tcpUdp: Bitset,
    /** host index pairs `min,max` that make no step (α′ exception hops) */
    private readonly exceptionPairs: ReadonlySet<string> = new Set(),
  ) {
    const core = reach.core;
    const keys = new Map<string, number>();
    this.classOf = new Int32Array(design.hosts.length);
    for (const h of design.hosts) {
      const src = core.srcClassOf[h.index] as number;
      const dst = core.dstClassOf[h.index] as number;
      const key = `${src},${dst},${h.fetcher ? 1 : 0}${h.mediator ? 1 : 0}${h.internet ? 1 : 0}`;
      let c = keys.get(key);
      if (c === undefined) {
        c = this.classes.length;
        keys.set(key, c);
        this.classes.push({ members: [], fetcher: h.fetcher, mediator: h.mediator, internet: h.internet, src, dst });
      }
      this.classes[c]?.members.push(h);
      this.classOf[h.index] = c;
    }
    this.classes.forEach((c, i) => {
      const s = this.bySrc.get(c.src);
      if (s) s.push(i);
      else this.bySrc.set(c.src, [i]);
      const d = this.byDst.get(c.dst);
      if (d) d.push(i);
      else this.byDst.set(c.dst, [i]);
    });
    this.dist = new Int32Array(this.classes.length).fill(-1);
    this.labels = new Array(this.classes.length).fill(undefined);
    this.search();
  }

  private isSource(c: HostClass): boolean {
    return c.internet && !c.mediator;
  }

  /**
   * Every step out of class `u` into a class that `open` accepts, with its device count (reach
   * wins a tie): one row of `u`'s source class for the classes it attacks, one column of its
   * destination class for the fetchers that fetch from it, each following only the kind
   * signatures of classes still open.
   */
  private stepsFrom(u: number, open: OpenSet): Map<number, { mode: "reach" | "fetch"; devices: number }> {
    const out = new Map<number, { mode: "reach" | "fetch"; devices: number }>();
    const U = this.classes[u] as HostClass;
    if (U.mediator) return out;
    const a = U.members[0] as Host;
    const allowed = (v: number) =>
      v !== u &&
      open.has(v) &&
      !this.exceptionPairs.has(pairKey(a.index, ((this.classes[v] as HostClass).members[0] as Host).index));
    // reach: u attacks v
    if (open.dstSigs.some((n) => n > 0)) {
      const want = open.wantsDst;
      const row = this.reach.row(U.src, { sigs: open.dstSigs.map((n) => n > 0), want });
      for (const [ct, atoms] of row.atoms) {
        const hit = atoms.and(this.tcpUdp);
        const atom = hit.first();
        if (atom < 0) continue;
        const devices = row.distance(ct, atom);
        for (const v of this.byDst.get(ct) ?? []) if (allowed(v)) out.set(v, { mode: "reach", devices });
      }
    }
    // fetch: a fetcher v fetches from u (v reaches u)
    if (open.fetcherSigs.some((n) => n > 0)) {
      const want = open.wantsFetcherSrc;
      const col = this.reach.column(U.dst, { sigs: open.fetcherSigs.map((n) => n > 0), want });
      for (const [cs, atoms] of col.atoms) {
        const hit = atoms.and(this.tcpUdp);
        const atom = hit.first();
        if (atom < 0) continue;
        const devices = col.distance(cs, atom);
        for (const v of this.bySrc.get(cs) ?? []) {
          if (!(this.classes[v] as HostClass).fetcher || !allowed(v)) continue;
          const had = out.get(v);
          if (!had || devices < had.devices) out.set(v, { mode: "fetch", devices });
        }
      }
    }
    return out;
  }

  /** The classes a search may still get, with counts per kind signature to steer traversals. */
  private openSet(include: (c: number) => boolean = () => true): OpenSet {
    const core = this.reach.core;
    // flags and counts in typed arrays: a traversal asks, for every class it meets, whether an
    // open class has it as its destination (or a fetcher as its source)
    const member = new Uint8Array(this.classes.length);
    let size = 0;
    const dstCount = new Int32Array(core.dstClasses.length);
    const fetcherSrcCount = new Int32Array(core.srcClasses.length);
    const dstSigs: number[] = new Array(core.sigCount).fill(0);
    const fetcherSigs: number[] = new Array(core.sigCount).fill(0);
    const sigOf = (c: HostClass) => (core.dstClasses[c.dst] as { sig: number }).sig;
    this.classes.forEach((c, i) => {
      if (!include(i)) return;
      member[i] = 1;
      size++;
      const sig = sigOf(c);
      dstSigs[sig] = (dstSigs[sig] as number) + 1;
      dstCount[c.dst] = (dstCount[c.dst] as number) + 1;
      if (c.fetcher) {
        fetcherSigs[sig] = (fetcherSigs[sig] as number) + 1;
        fetcherSrcCount[c.src] = (fetcherSrcCount[c.src] as number) + 1;
      }
    });
    return {
      dstSigs,
      fetcherSigs,
      has: (c) => member[c] === 1,
      wantsDst: (ct) => (dstCount[ct] as number) > 0,
      wantsFetcherSrc: (cs) => (fetcherSrcCount[cs] as number) > 0,
      get size() {
        return size;
      },
      remove: (c) => {
        if (member[c] !== 1) return;
        member[c] = 0;
        size--;
        const cls = this.classes[c] as HostClass;
        const sig = sigOf(cls);
        dstSigs[sig] = (dstSigs[sig] as number) - 1;
        dstCount[cls.dst] = (dstCount[cls.dst] as number) - 1;
        if (cls.fetcher) {
          fetcherSigs[sig] = (fetcherSigs[sig] as number) - 1;
          fetcherSrcCount[cls.src] = (fetcherSrcCount[cls.src] as number) - 1;
        }
      },
    };
  }

  private search(): void {
    let frontier: number[] = [];
    const open = this.openSet();
    this.classes.forEach((c, i) => {
      if (this.isSource(c)) {
        this.dist[i] = 0;
        this.labels[i] = { devices: 0, seq: [(c.members[0] as Host).id] };
        frontier.push(i);
        open.remove(i);
      }
    });
    let level = 0;
    while (frontier.length > 0 && open.size > 0) {
      level++;
      const best = new Map<number, Label>();
      for (const u of frontier) {
        const lu = this.labels[u] as Label;
        for (const [v, s] of this.stepsFrom(u, open)) {
          const cand: Label = { devices: lu.devices + s.devices, seq: lu.seq, pred: u, mode: s.mode };
          const had = best.get(v);
          if (!had || cand.devices < had.devices || (cand.devices === had.devices && compareSequences(cand.seq, had.seq) < 0))
            best.set(v, cand);
        }
      }
      const next: number[] = [];
      for (const v of [...best.keys()].sort((x, y) => x - y)) {
        const b = best.get(v) as Label;
        this.dist[v] = level;
        this.labels[v] = { ...b, seq: [...b.seq, ((this.classes[v] as HostClass).members[0] as Host).id] };
        open.remove(v);
        if (!(this.classes[v] as HostClass).mediator) next.push(v);
      }
      frontier = next;
    }
  }

  /** Contagion distance of a host: 0 for a source, -1 when no path reaches it. */
  distance(h: Host): number {
    return this.dist[this.classOf[h.index] as number] as number;
  }

  /** The shortest contagion path to `h` (fewest steps, then devices, then ids). */
  path(h: Host): ContagionPath | undefined {
    const c = this.classOf[h.index] as number;
    if ((this.dist[c] as number) <= 0) return undefined;
    const classPath: number[] = [c];
    let cur = c;
    while ((this.labels[cur] as Label).pred !== undefined) {
      cur = (this.labels[cur] as Label).pred as number;
      classPath.unshift(cur);
    }
    const hostsOnPath = classPath.map((k, i) =>
      i === classPath.length - 1 ? h : ((this.classes[k] as HostClass).members[0] as Host),
    );
    const steps: ContagionStep[] = [];
    let devices = 0;
    for (let i = 1; i < classPath.length; i++) {
      const u = hostsOnPath[i - 1] as Host;
      const v = hostsOnPath[i] as Host;
      const mode = (this.labels[classPath[i] as number] as Label).mode as "reach" | "fetch";
      const chain = this.step(mode, u, v);
      if (!chain) return undefined;
      devices += chain.devices;
      steps.push({ mode, from: u.id, to: v.id, chain });
    }
    return { source: (hostsOnPath[0] as Host).id, target: h.id, distance: steps.length, steps, devices };
  }

  /**
   * The chain of one step, in the direction the connection is opened. The paths of a cascade share
   * their first steps (the representatives of the classes on the way), so each is found once.
   */
  private step(mode: "reach" | "fetch", u: Host, v: Host): Chain | undefined {
    const key = `${mode === "reach" ? "r" : "f"}${u.index},${v.index}`;
    if (this.steps.has(key)) return this.steps.get(key);
    const chain =
      mode === "reach" ? this.reach.witness(u.index, v.index, this.tcpUdp) : this.reach.witness(v.index, u.index, this.tcpUdp);
    this.steps.set(key, chain);
    return chain;
  }

  /** Every internet host (source) from which some contagion path leads to `h`, in id order. */
  sources(h: Host): Host[] {
    const target = this.classOf[h.index] as number;
    if ((this.dist[target] as number) < 0) return [];
    // one source class: the search reached every class it reached from that one (its members are
    // in host order, as they were added)
    if (!this.sourceClasses) this.sourceClasses = this.classes.flatMap((c, i) => (this.isSource(c) ? [i] : []));
    if (this.sourceClasses.length === 1)
      return (this.classes[this.sourceClasses[0] as number] as HostClass).members.filter((m) => m.index !== h.index);
    if (!this.closures) this.closures = new Map();
    const out: Host[] = [];
    this.classes.forEach((c, i) => {
      if (!this.isSource(c)) return;
      let closure = this.closures?.get(i);
      if (!closure) {
        closure = this.closure(i);
        this.closures?.set(i, closure);
      }
      if (closure.has(target)) out.push(...c.members.filter((m) => m.index !== h.index));
    });
    return out.sort((a, b) => a.index - b.index);
  }

  private closure(start: number): Set<number> {
    const seen = new Set<number>([start]);
    const open = this.openSet((c) => (this.dist[c] as number) >= 0);
    open.remove(start);
    const queue = [start];
    while (queue.length > 0 && open.size > 0) {
      const u = queue.pop() as number;
      for (const v of this.stepsFrom(u, open).keys()) {
        seen.add(v);
        open.remove(v);
        queue.push(v);
      }
    }
    return seen;
  }
}

/** The classes a contagion search may still get. */
interface OpenSet {
  has(c: number): boolean;
  /** whether an open class has destination class `ct` */
  wantsDst(ct: number): boolean;
  /** whether an open fetcher has source class `cs` */
  wantsFetcherSrc(cs: number): boolean;
  remove(c: number): void;
  readonly size: number;
  /** per kind signature, how many open classes (all of them / the fetchers) have it */
  readonly dstSigs: number[];
  readonly fetcherSigs: number[];
}

export function pairKey(a: number, b: number): string {
  return a < b ? `${a},${b}` : `${b},${a}`;
}
