/**
 * The firewall-rule checks, written as code: `broad-allow` (NET-02), `shadowed-rule` (NET-03),
 * `unused-rule` (NET-04). Subjects: `[<firewall>#<rule>, <firewall>]`.
 */
import type { Device, Host } from "../../model/design.js";
import { formatServiceSet } from "../../model/services.js";
import type { RuleDef } from "../../model/types.js";
import { Bitset } from "../../util/bitset.js";
import { compareCodePoints } from "../../util/compare.js";
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
      const holders = [...r.to].map((i) => design.hosts[i] as Host).filter((h) => !h.implicit && isPersonal(h));
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

interface Group {
  sig: number[];
  members: number[];
}

function groupBy(hosts: number, sets: Bitset[]): Group[] {
  const groups = new Map<string, Group>();
  for (let h = 0; h < hosts; h++) {
    const sig: number[] = [];
    sets.forEach((s, i) => {
      if (s.has(h)) sig.push(i);
    });
    if (sig.length === 0) continue;
    const key = sig.join(",");
    const g = groups.get(key);
    if (g) g.members.push(h);
    else groups.set(key, { sig, members: [h] });
  }
  return [...groups.values()];
}

/** For every rule of a firewall: shadowed, matches nothing, or neither; with the earlier rules overlapping it. */
export function shadowAnalysis(
  d: Device,
  hostCount: number,
  ruleAtoms: Bitset[],
): Array<{ state: "ok" | "shadowed" | "empty"; overlaps: number[] }> {
  const src = groupBy(
    hostCount,
    d.rules.map((r) => r.from),
  );
  const dst = groupBy(
    hostCount,
    d.rules.map((r) => r.to),
  );
  return d.rules.map((_r, i) => {
    const mine = ruleAtoms[i] as Bitset;
    let anyTriple = false;
    let covered = true;
    const overlaps = new Set<number>();
    for (const g of src) {
      if (!g.sig.includes(i)) continue;
      for (const h of dst) {
        if (!h.sig.includes(i)) continue;
        if (g.members.length === 1 && h.members.length === 1 && g.members[0] === h.members[0]) continue;
        if (mine.isEmpty()) continue;
        anyTriple = true;
        const cover = new Bitset(mine.size);
        for (const j of g.sig) {
          if (j >= i || !h.sig.includes(j)) continue;
          const theirs = ruleAtoms[j] as Bitset;
          if (theirs.intersects(mine)) overlaps.add(j);
          cover.orInPlace(theirs);
        }
        if (!mine.isSubsetOf(cover)) covered = false;
      }
    }
    const state = !anyTriple ? "empty" : covered ? "shadowed" : "ok";
    return { state, overlaps: [...overlaps].sort((a, b) => a - b) };
  });
}

export function shadowedRule(_spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design, analysis } = ctx;
  const out: RawFinding[] = [];
  for (const d of design.devices) {
    if (!d.firewall) continue;
    const states = shadowAnalysis(d, design.hosts.length, analysis.core.ruleAtoms[d.index] as Bitset[]);
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

/** Zones reachable from `starts` through devices open for (s, t, atom), leaving out device `skip`. */
function reachableZones(ctx: CheckContext, s: Host, t: Host, atom: number, skip: number, starts: number[]): Bitset {
  const { design, analysis } = ctx;
  const core = analysis.core;
  const cs = core.srcClassOf[s.index] as number;
  const ct = core.dstClassOf[t.index] as number;
  const seen = new Bitset(design.zones.length);
  const queue = [...starts];
  for (const z of starts) seen.add(z);
  while (queue.length > 0) {
    const z = queue.pop() as number;
    for (const di of core.zoneDevices[z] as number[]) {
      if (di === skip) continue;
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
      for (const a of atoms) {
        const cs = core.srcClassOf[s.index] as number;
        const ct = core.dstClassOf[t.index] as number;
        for (const d of design.devices) {
          if (!d.firewall || !core.firewallAllows(d.index, cs, ct).has(a)) continue;
          const fromS = reachableZones(ctx, s, t, a, d.index, s.zones);
          const fromT = reachableZones(ctx, s, t, a, d.index, t.zones);
          const enter = d.zones.filter((z) => fromS.has(z));
          const leave = d.zones.filter((z) => fromT.has(z));
          if (!enter.some((za) => leave.some((zb) => zb !== za))) continue;
          const ri = core.decidingRule(d.index, s.index, t.index, a);
          if (ri !== undefined) used.add((d.rules[ri] as Device["rules"][number]).def.name);
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
    const states = shadowAnalysis(d, design.hosts.length, analysis.core.ruleAtoms[d.index] as Bitset[]);
    d.rules.forEach((r, i) => {
      if (r.def.action !== "allow" || states[i]?.state !== "ok" || used.has(r.def.name)) return;
      out.push(ruleFinding(d, r.def, {}));
    });
  }
  return out;
}
