/**
 * The firewall-rule checks, written as code: `broad-allow` (NET-02), `shadowed-rule` (NET-03),
 * `unused-rule` (NET-04). Subjects: `[<firewall>#<rule>, <firewall>]`.
 */
import type { HostClass, ReachCore } from "../../analyze/classes.js";
import type { Device, Host } from "../../model/design.js";
import { formatServiceSet } from "../../model/services.js";
import type { RuleDef } from "../../model/types.js";
import { Bitset } from "../../util/bitset.js";
import { compareCodePoints } from "../../util/compare.js";
import { memo } from "../../util/memo.js";
import type { CheckContext, CheckSpec, RawFinding } from "../types.js";

/** A firewall rule's identity for fingerprints: its id, else its normalised content. */
export function ruleIdentity(fw: string, rule: RuleDef): string {
  if (rule.id !== undefined) return `${fw}#${rule.id}`;
  const norm = (refs: string[]) => [...new Set(refs)].sort(compareCodePoints).join("|");
  return `${fw}:${rule.action}:${norm(rule.from)}>${norm(rule.to)}:${formatServiceSet(rule.service)}`;
}

function ruleFinding(
  d: Device,
  rule: RuleDef,
  params: Record<string, string | number>,
  extra: Partial<RawFinding> = {},
): RawFinding {
  return {
    subjects: [rule.name, d.id],
    fingerprintSubject: ruleIdentity(d.id, rule),
    params: { rule: rule.name, firewall: d.id, ...params },
    evidence: {},
    ...extra,
  };
}

export function broadAllow(_spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design } = ctx;
  const out: RawFinding[] = [];
  for (const d of design.devices) {
    for (const r of d.rules) {
      const rule = r.def;
      if (rule.action !== "allow" || !rule.from.includes("any")) continue;
      if (rule.to.includes("any")) {
        out.push(ruleFinding(d, rule, {}, { variant: "any-any" }));
        continue;
      }
      const holders = [...r.to.members()].map((i) => design.hosts[i] as Host).filter((h) => !h.implicit && isPersonal(h));
      if (holders.length === 0) continue;
      out.push(
        ruleFinding(
          d,
          rule,
          { target: (holders[0] as Host).id },
          { variant: "personal", evidence: { value: holders.map((h) => h.id).join(", ") } },
        ),
      );
    }
  }
  return out;
}

function isPersonal(h: Host): boolean {
  return h.holdsMax === "personal" || h.holdsMax === "sensitive" || h.holdsMax === "mynumber";
}

/** The hosts of one local class at a firewall: how many, and which when there is one. */
interface LocalMembers {
  count: number;
  sole?: number;
}

/**
 * The local classes of one side at firewall `f` (classes.ts), with their members: the classes of
 * the hosts its rules name, and the generic class of every kind signature for the rest.
 */
function localMembers(core: ReachCore, f: number, side: 0 | 1): Map<number, LocalMembers> {
  const out = new Map<number, LocalMembers>();
  const add = (id: number, count: number, sole: number | undefined) => {
    const had = out.get(id);
    if (!had) out.set(id, count === 1 && sole !== undefined ? { count, sole } : { count });
    else out.set(id, { count: had.count + count });
  };
  const classes = side === 0 ? core.srcClasses : core.dstClasses;
  const namedHere = new Set<number>();
  for (const c of (side === 0 ? core.namedSrc : core.namedDst)[f] as number[]) {
    const cls = classes[c] as HostClass;
    for (const h of cls.members) namedHere.add(h);
    add(cls.named.get(f) as number, cls.members.length, cls.members[0]);
  }
  const namedOfSig = new Map<number, number>();
  for (const h of namedHere) {
    const sig = (core.srcClasses[core.srcClassOf[h] as number] as HostClass).sig;
    namedOfSig.set(sig, (namedOfSig.get(sig) ?? 0) + 1);
  }
  core.sigHosts.forEach((hosts, sig) => {
    const count = hosts.length - (namedOfSig.get(sig) ?? 0);
    if (count <= 0) return;
    const sole = count === 1 ? hosts.find((h) => !namedHere.has(h)) : undefined;
    add(side === 0 ? core.genericFrom(f, sig) : core.genericTo(f, sig), count, sole);
  });
  return out;
}

/**
 * For every rule of a firewall: shadowed, matches nothing, or neither; with the earlier rules
 * overlapping it. The triples a rule matches are grouped by (local source class, local
 * destination class): within one such pair, every host triple sees the same rules.
 */
export function shadowAnalysis(core: ReachCore, f: number): ShadowState[] {
  const byFirewall = memo(shadowCache, core, () => new Map<number, ShadowState[]>());
  return memo(byFirewall, f, () => computeShadows(core, f));
}

type ShadowState = { state: "ok" | "shadowed" | "empty"; overlaps: number[] };

/** NET-03 and NET-04 both need every firewall's states: computed once per analysis. */
const shadowCache = new WeakMap<ReachCore, Map<number, ShadowState[]>>();

function computeShadows(core: ReachCore, f: number): ShadowState[] {
  const d = core.design.devices[f] as Device;
  const table = core.table(f);
  const ruleAtoms = core.ruleAtoms[f] as Bitset[];
  const src = localMembers(core, f, 0);
  const dst = localMembers(core, f, 1);
  const matched = new Array<boolean>(d.rules.length).fill(false);
  const uncovered = new Array<boolean>(d.rules.length).fill(false);
  const pairs: number[][] = [];
  /** rule → the pairs whose rule lists hold it */
  const where: number[][] = d.rules.map(() => []);
  for (const [l, lm] of src) {
    if (table.lists[0][l]?.length === 0) continue;
    for (const [m, mm] of dst) {
      if (lm.count === 1 && mm.count === 1 && lm.sole === mm.sole) continue;
      const rules = table.matching(l, m);
      if (rules.length === 0) continue;
      const p = pairs.length;
      pairs.push(rules);
      const cover = new Bitset(core.atoms.size);
      for (const i of rules) {
        (where[i] as number[]).push(p);
        const mine = ruleAtoms[i] as Bitset;
        if (mine.isEmpty()) continue;
        matched[i] = true;
        if (!mine.isSubsetOf(cover)) uncovered[i] = true;
        cover.orInPlace(mine);
      }
    }
  }
  // the earlier rules met in the pairs of a shadowed rule, each tested once per rule; a rule's
  // atoms folded into 32 bits rule out most disjoint pairs before the full test
  const seen = new Int32Array(d.rules.length).fill(-1);
  const folded = new Int32Array(d.rules.length);
  ruleAtoms.forEach((b, i) => {
    let x = 0;
    for (const w of b.words) x |= w;
    folded[i] = x;
  });
  return d.rules.map((_r, i) => {
    const state = !matched[i] ? "empty" : uncovered[i] ? "ok" : "shadowed";
    const overlaps: number[] = [];
    if (state === "shadowed") {
      const mine = ruleAtoms[i] as Bitset;
      const mineFolded = folded[i] as number;
      for (const p of where[i] as number[]) {
        for (const j of pairs[p] as number[]) {
          if (j >= i) break;
          if (seen[j] === i) continue;
          seen[j] = i;
          if (((folded[j] as number) & mineFolded) !== 0 && (ruleAtoms[j] as Bitset).intersects(mine)) overlaps.push(j);
        }
      }
    }
    return { state, overlaps: overlaps.sort((a, b) => a - b) };
  });
}

export function shadowedRule(_spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design, analysis } = ctx;
  const out: RawFinding[] = [];
  for (const d of design.devices) {
    if (!d.firewall) continue;
    const states = shadowAnalysis(analysis.core, d.index);
    states.forEach((st, i) => {
      const rule = (d.rules[i] as Device["rules"][number]).def;
      if (st.state === "empty") out.push(ruleFinding(d, rule, { earlier: "" }, { variant: "matches-nothing" }));
      if (st.state === "shadowed") {
        const earlier = st.overlaps.map((j) => (d.rules[j] as Device["rules"][number]).def.name);
        out.push(ruleFinding(d, rule, { earlier: earlier.join(", ") }, { evidence: { overlaps: earlier } }));
      }
    });
  }
  return out;
}

/**
 * Whether some loop-free chain from `s` to `t` passes firewall `f` (topology.md: a chain visits no
 * zone twice), with every other device open for (s → t, atom). That is two zone-disjoint paths
 * from two different zones of `f`, one to a zone of `s` and one to a zone of `t`: a unit-capacity
 * flow of value 2 over zones (each zone split into in and out with capacity 1).
 */
function onLoopFreeChain(ctx: CheckContext, s: Host, t: Host, atom: number, f: number, region: Set<number>): boolean {
  const { design, analysis } = ctx;
  const core = analysis.core;
  const cs = core.srcClassOf[s.index] as number;
  const ct = core.dstClassOf[t.index] as number;
  // nodes: 0 = F, 1 = sink, zones: 2 + 2i (in), 3 + 2i (out), devices after, A and B last
  const zones = [...region].sort((a, b) => a - b);
  const zi = new Map(zones.map((z, i) => [z, i]));
  const open = (di: number) => {
    if (di === f) return false;
    const dev = design.devices[di] as Device;
    if (dev.hostIndex === s.index || dev.hostIndex === t.index) return false;
    return !dev.firewall || core.firewallAllows(di, cs, ct).has(atom);
  };
  const devs = new Map<number, number>();
  const base = 2 + 2 * zones.length;
  for (const z of zones)
    for (const di of core.openDevices(z, cs, ct)) if (!devs.has(di) && open(di)) devs.set(di, base + devs.size);
  const A = base + devs.size;
  const B = A + 1;
  const n = B + 1;
  const head: number[] = new Array(n).fill(-1);
  const to: number[] = [];
  const cap: number[] = [];
  const next: number[] = [];
  const edge = (u: number, v: number, c: number) => {
    to.push(v, u);
    cap.push(c, 0);
    next.push(head[u] as number, head[v] as number);
    head[u] = to.length - 2;
    head[v] = to.length - 1;
  };
  const INF = 4;
  const fDevice = design.devices[f] as Device;
  for (const z of fDevice.zones) if (zi.has(z)) edge(0, 2 + 2 * (zi.get(z) as number), 1);
  for (const [z, i] of zi) {
    edge(2 + 2 * i, 3 + 2 * i, 1);
    if (s.zones.includes(z)) edge(3 + 2 * i, A, 1);
    if (t.zones.includes(z)) edge(3 + 2 * i, B, 1);
  }
  for (const [di, node] of devs) {
    for (const z of (design.devices[di] as Device).zones) {
      const i = zi.get(z);
      if (i === undefined) continue;
      edge(3 + 2 * i, node, INF);
      edge(node, 2 + 2 * i, INF);
    }
  }
  edge(A, 1, 1);
  edge(B, 1, 1);
  let flow = 0;
  while (flow < 2) {
    const prev: number[] = new Array(n).fill(-1);
    prev[0] = -2;
    const queue = [0];
    for (let qi = 0; qi < queue.length && (prev[1] as number) === -1; qi++) {
      const u = queue[qi] as number;
      for (let e = head[u] as number; e !== -1; e = next[e] as number) {
        const v = to[e] as number;
        if ((cap[e] as number) > 0 && prev[v] === -1) {
          prev[v] = e;
          queue.push(v);
        }
      }
    }
    if (prev[1] === -1) break;
    for (let v = 1; v !== 0; ) {
      const e = prev[v] as number;
      cap[e] = (cap[e] as number) - 1;
      cap[e ^ 1] = (cap[e ^ 1] as number) + 1;
      v = to[e ^ 1] as number;
    }
    flow++;
  }
  return flow === 2;
}

/** Zones reachable from `s`'s zones through devices open for (s → t, atom). */
function region(ctx: CheckContext, s: Host, t: Host, atom: number): Set<number> {
  const { design, analysis } = ctx;
  const core = analysis.core;
  const cs = core.srcClassOf[s.index] as number;
  const ct = core.dstClassOf[t.index] as number;
  const seen = new Set<number>(s.zones);
  const queue = [...s.zones];
  while (queue.length > 0) {
    const z = queue.pop() as number;
    for (const di of core.openDevices(z, cs, ct)) {
      const dev = design.devices[di] as Device;
      if (dev.hostIndex === s.index || dev.hostIndex === t.index) continue;
      if (dev.firewall && !core.firewallAllows(di, cs, ct).has(atom)) continue;
      for (const z2 of dev.zones) {
        if (!seen.has(z2)) {
          seen.add(z2);
          queue.push(z2);
        }
      }
    }
  }
  return seen;
}

/**
 * The allow rules that decide some hop of some declared flow, for some service of the hop that
 * gets through, at a firewall on some loop-free chain that carries the hop.
 */
export function usedRules(ctx: CheckContext): Set<string> {
  const { design, analysis } = ctx;
  const core = analysis.core;
  const used = new Set<string>();
  for (const flow of design.topology.flows.values()) {
    for (const hop of flow.hops) {
      const s = design.hostById.get(hop.sender);
      const t = design.hostById.get(hop.receiver);
      if (!s || !t) continue;
      const atoms = analysis.reach.reachAtoms(s.index, t.index, analysis.services(hop.service));
      const cs = core.srcClassOf[s.index] as number;
      const ct = core.dstClassOf[t.index] as number;
      for (const a of atoms) {
        const zones = region(ctx, s, t, a);
        const candidates = new Set<number>();
        for (const z of zones) for (const di of core.openDevices(z, cs, ct)) candidates.add(di);
        for (const di of [...candidates].sort((x, y) => x - y)) {
          const d = design.devices[di] as Device;
          if (!d.firewall || d.hostIndex === s.index || d.hostIndex === t.index) continue;
          if (!core.firewallAllows(di, cs, ct).has(a)) continue;
          const ri = core.decidingRule(di, s.index, t.index, a);
          if (ri === undefined) continue;
          const name = (d.rules[ri] as Device["rules"][number]).def.name;
          if (used.has(name)) continue;
          if (onLoopFreeChain(ctx, s, t, a, di, zones)) used.add(name);
        }
      }
    }
  }
  return used;
}

export function unusedRule(_spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design, analysis } = ctx;
  if (design.topology.flows.size === 0) return [];
  const used = usedRules(ctx);
  const out: RawFinding[] = [];
  for (const d of design.devices) {
    if (!d.firewall) continue;
    const states = shadowAnalysis(analysis.core, d.index);
    d.rules.forEach((r, i) => {
      if (r.def.action !== "allow" || states[i]?.state !== "ok" || used.has(r.def.name)) return;
      out.push(ruleFinding(d, r.def, {}));
    });
  }
  return out;
}
