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
  private readonly stepCache = new Map<number, { mode: "reach" | "fetch"; devices: number } | null>();
  private closures?: Map<number, Set<number>>;

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
    this.dist = new Int32Array(this.classes.length).fill(-1);
    this.labels = new Array(this.classes.length).fill(undefined);
    this.search();
  }

  private isSource(c: HostClass): boolean {
    return c.internet && !c.mediator;
  }

  /** The step from class `u` to class `v`, if any, with its device count; reach wins a tie. */
  private step(u: number, v: number): { mode: "reach" | "fetch"; devices: number } | null {
    const key = u * this.classes.length + v;
    const cached = this.stepCache.get(key);
    if (cached !== undefined) return cached;
    const U = this.classes[u] as HostClass;
    const V = this.classes[v] as HostClass;
    let result: { mode: "reach" | "fetch"; devices: number } | null = null;
    const a = U.members[0] as Host;
    const b = V.members[0] as Host;
    if (u !== v && !U.mediator && !this.exceptionPairs.has(pairKey(a.index, b.index))) {
      if (this.reach.classReach(U.src, V.dst).intersects(this.tcpUdp)) {
        const w = this.reach.witness(a.index, b.index, this.tcpUdp);
        if (w) result = { mode: "reach", devices: w.devices };
      }
      if (V.fetcher && this.reach.classReach(V.src, U.dst).intersects(this.tcpUdp)) {
        const w = this.reach.witness(b.index, a.index, this.tcpUdp);
        if (w && (!result || w.devices < result.devices)) result = { mode: "fetch", devices: w.devices };
      }
    }
    this.stepCache.set(key, result);
    return result;
  }

  private search(): void {
    let frontier: number[] = [];
    this.classes.forEach((c, i) => {
      if (this.isSource(c)) {
        this.dist[i] = 0;
        this.labels[i] = { devices: 0, seq: [(c.members[0] as Host).id] };
        frontier.push(i);
      }
    });
    let level = 0;
    while (frontier.length > 0) {
      level++;
      const next: number[] = [];
      for (let v = 0; v < this.classes.length; v++) {
        if (this.dist[v] !== -1) continue;
        let best: Label | undefined;
        for (const u of frontier) {
          const s = this.step(u, v);
          if (!s) continue;
          const lu = this.labels[u] as Label;
          const cand: Label = { devices: lu.devices + s.devices, seq: lu.seq, pred: u, mode: s.mode };
          if (!best || cand.devices < best.devices || (cand.devices === best.devices && compareSequences(cand.seq, best.seq) < 0))
            best = cand;
        }
        if (best) {
          this.dist[v] = level;
          this.labels[v] = { ...best, seq: [...best.seq, ((this.classes[v] as HostClass).members[0] as Host).id] };
          next.push(v);
        }
      }
      frontier = next.filter((c) => !(this.classes[c] as HostClass).mediator);
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
      const chain =
        mode === "reach" ? this.reach.witness(u.index, v.index, this.tcpUdp) : this.reach.witness(v.index, u.index, this.tcpUdp);
      if (!chain) return undefined;
      devices += chain.devices;
      steps.push({ mode, from: u.id, to: v.id, chain });
    }
    return { source: (hostsOnPath[0] as Host).id, target: h.id, distance: steps.length, steps, devices };
  }

  /** Every internet host (source) from which some contagion path leads to `h`, in id order. */
  sources(h: Host): Host[] {
    const target = this.classOf[h.index] as number;
    if ((this.dist[target] as number) < 0) return [];
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
    const queue = [start];
    while (queue.length > 0) {
      const u = queue.pop() as number;
      if ((this.classes[u] as HostClass).mediator) continue;
      for (let v = 0; v < this.classes.length; v++) {
        if (seen.has(v) || (this.dist[v] as number) < 0) continue;
        if (this.step(u, v)) {
          seen.add(v);
          queue.push(v);
        }
      }
    }
    return seen;
  }
}

export function pairKey(a: number, b: number): string {
  return a < b ? `${a},${b}` : `${b},${a}`;
}
