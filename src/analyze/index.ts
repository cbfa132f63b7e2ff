/**
 * The expensive facts, derived once per check and only when a rule asks for them: the service
 * atoms, reachability (plain and with kinds of devices or zones taken away), exposure, contagion.
 */
import type { Design, Device, Host } from "../model/design.js";
import { ANY_SERVICE, TCP_UDP } from "../model/services.js";
import type { ServiceSet, ZoneKind } from "../model/types.js";
import type { Bitset } from "../util/bitset.js";
import { ServiceAtoms } from "./atoms.js";
import { Contagion, pairKey } from "./contagion.js";
import { Reachability, ReachCore } from "./reach.js";

export type { ContagionPath, ContagionStep } from "./contagion.js";
export type { Blocker, Chain, Explanation, PathElement } from "./reach.js";
export { Reachability } from "./reach.js";

/** What a "passes" rule asks a chain to go through. */
export type PassItem = { nodeKind: "firewall" | "ips" } | { zoneKind: ZoneKind };

export interface AnalysisOptions {
  /** service sets that queries will use beyond those of the design (ad-hoc `reach --service`) */
  extraServices?: ServiceSet[];
}

export class Analysis {
  readonly atoms: ServiceAtoms;
  readonly core: ReachCore;
  readonly reach: Reachability;
  readonly any: Bitset;
  readonly tcpUdp: Bitset;
  readonly internetHosts: Host[];
  private readonly views = new Map<string, Reachability>();
  private contagionCache?: Contagion;
  private exposureCache?: Map<number, Host[]>;
  /** host index pairs of hops of flows with an `exception` (used under α′) */
  readonly exceptionPairs: ReadonlySet<string>;

  constructor(
    readonly design: Design,
    options: AnalysisOptions = {},
  ) {
    const sets: ServiceSet[] = [ANY_SERVICE, TCP_UDP, ...(options.extraServices ?? [])];
    for (const d of design.devices) for (const r of d.rules) sets.push(r.def.service);
    for (const h of design.hosts) if (h.services) sets.push(h.services);
    for (const f of design.topology.flows.values()) for (const hop of f.hops) sets.push(hop.service);
    this.atoms = new ServiceAtoms(sets);
    const pairs = new Set<string>();
    const singletons = new Set<number>();
    for (const f of design.topology.flows.values()) {
      if (!f.exception) continue;
      for (const hop of f.hops) {
        const a = design.hostById.get(hop.sender);
        const b = design.hostById.get(hop.receiver);
        if (!a || !b) continue;
        pairs.add(pairKey(a.index, b.index));
        singletons.add(a.index);
        singletons.add(b.index);
      }
    }
    this.exceptionPairs = pairs;
    this.core = new ReachCore(design, this.atoms, design.topology.model === "alpha-prime" ? singletons : new Set());
    this.reach = new Reachability(this.core);
    this.any = this.atoms.of(ANY_SERVICE);
    this.tcpUdp = this.atoms.of(TCP_UDP);
    this.internetHosts = design.hosts.filter((h) => h.internet);
  }

  services(set: ServiceSet): Bitset {
    return this.atoms.of(set);
  }

  /** Reachability with every device or zone of `item`'s kind taken away. */
  without(item: PassItem): Reachability {
    const key = "nodeKind" in item ? `node:${item.nodeKind}` : `zone:${item.zoneKind}`;
    let view = this.views.get(key);
    if (!view) {
      const exclusion =
        "nodeKind" in item
          ? {
              key,
              device: (d: Device) => (item.nodeKind === "ips" ? d.ips : d.kind === item.nodeKind),
            }
          : { key, zone: (z: number) => this.design.zones[z]?.kind === item.zoneKind };
      view = new Reachability(this.core, exclusion);
      this.views.set(key, view);
    }
    return view;
  }

  /** Exposed hosts (reached by some internet host, not themselves internet hosts) → the internet hosts reaching them. */
  exposure(): Map<number, Host[]> {
    if (this.exposureCache) return this.exposureCache;
    const out = new Map<number, Host[]>();
    const targets = this.design.hosts.filter((h) => !h.internet);
    this.reach.pairs(this.internetHosts, targets, this.any, (s, t) => {
      const list = out.get(t.index);
      if (list) list.push(s);
      else out.set(t.index, [s]);
    });
    this.exposureCache = new Map([...out.entries()].sort((a, b) => a[0] - b[0]));
    return this.exposureCache;
  }

  contagion(): Contagion {
    if (!this.contagionCache) {
      const pairs = this.design.topology.model === "alpha-prime" ? this.exceptionPairs : new Set<string>();
      this.contagionCache = new Contagion(this.design, this.reach, this.tcpUdp, pairs);
    }
    return this.contagionCache;
  }
}
