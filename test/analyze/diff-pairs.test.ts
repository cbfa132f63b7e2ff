/**
 * `bunri diff`'s reachability part, against the plain reading: every (source, target) pair of the
 * two versions, compared by its services. The engine compares only candidate pairs per joint
 * class; on random pairs of versions (rules changed, hosts moved or re-serviced, or a different
 * structure altogether) it must list exactly the same gained and lost pairs and services.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Analysis } from "../../src/analyze/index.js";
import type { CheckedDesign } from "../../src/check.js";
import { reachDiff } from "../../src/diff.js";
import { buildDesign } from "../../src/model/design.js";
import { formatServiceSet, isEmpty, subtract } from "../../src/model/services.js";
import type { NodeKind, ServiceSet } from "../../src/model/types.js";
import { makeTopology, type NodeInput, type RuleInput, type TopologyInput } from "../helpers/topology.js";

const ZONES = { inet: "internet", dmz: "dmz", lan: "lgwan-connected", mn: "mynumber", db: "db", tr: "transit" } as const;
const HOST_ZONES = ["inet", "dmz", "lan", "mn", "db"];
const ALL_ZONES = Object.keys(ZONES);
const HOSTS = ["h1", "h2", "web", "端末", "pc"];
const REFS = ["any", ...HOST_ZONES, ...HOSTS, "inet/*", "lan/*", "zone-kind:db", "tier:lgwan-side", "tier:internet-side"];
const SERVICES = ["any", "https", "ssh", "dns", "tcp/1000-2000", "udp/53", "icmp", "tcp/443-5432"];
const HOST_KINDS: NodeKind[] = ["client", "server", "web-server", "proxy", "db-server"];

const ref = fc.oneof(fc.constantFrom(...REFS), fc.subarray(REFS, { minLength: 1, maxLength: 2 }));
const rule = fc.record({
  action: fc.constantFrom("allow", "allow", "deny"),
  from: ref,
  to: ref,
  service: fc.oneof(fc.constantFrom(...SERVICES), fc.subarray(SERVICES, { minLength: 1, maxLength: 2 })),
});
const rules = fc.array(rule, { maxLength: 5 });
const firewall = fc.record({
  zones: fc.subarray(ALL_ZONES, { minLength: 2, maxLength: 4 }),
  rules,
  defaultAllow: fc.constantFrom(false, false, true),
});
const host = fc.record({
  kind: fc.constantFrom(...HOST_KINDS),
  zones: fc.subarray(HOST_ZONES, { minLength: 1, maxLength: 2 }),
  services: fc.option(fc.constantFrom(["https"], ["ssh", "tcp/1000-2000"], [], ["udp/53"], ["dns", "https"]), { nil: undefined }),
});
const design = fc.record({
  fwA: firewall,
  fwB: fc.option(firewall, { nil: undefined }),
  router: fc.option(fc.subarray(ALL_ZONES, { minLength: 2, maxLength: 3 }), { nil: undefined }),
  hosts: fc.array(fc.option(host, { nil: undefined, freq: 6 }), { minLength: HOSTS.length, maxLength: HOSTS.length }),
});
type Gen = typeof design extends fc.Arbitrary<infer T> ? T : never;

/** A second version: the first with some rules, defaults and hosts changed, or another design. */
const change = fc.record({
  mode: fc.constantFrom("rules", "rules", "hosts", "both", "other"),
  rulesA: rules,
  rulesB: rules,
  defaultA: fc.boolean(),
  hosts: fc.array(fc.option(host, { nil: undefined, freq: 4 }), { minLength: HOSTS.length, maxLength: HOSTS.length }),
  keep: fc.array(fc.boolean(), { minLength: HOSTS.length, maxLength: HOSTS.length }),
  other: design,
});

function build(g: Gen): TopologyInput {
  const nodes: Record<string, NodeInput> = {};
  const fw = (f: Gen["fwA"]): NodeInput => {
    const n: NodeInput = {
      kind: "firewall",
      zones: f.zones,
      rules: f.rules.map((r): RuleInput => ({ [r.action]: { from: r.from, to: r.to, service: r.service } })),
    };
    if (f.defaultAllow) n.default = "allow";
    return n;
  };
  nodes["fw-b"] = fw(g.fwA);
  if (g.fwB) nodes["fw-a"] = fw(g.fwB);
  if (g.router) nodes.rt = { kind: "router", zones: g.router };
  HOSTS.forEach((id, i) => {
    const h = g.hosts[i];
    if (!h) return;
    const n: NodeInput = { kind: h.kind, zones: h.zones };
    if (h.services) n.services = [...h.services];
    nodes[id] = n;
  });
  return { zones: { ...ZONES }, nodes };
}

/** Rules may name only hosts that exist: references to absent hosts become `any`. */
function valid(g: Gen): Gen {
  const present = new Set(HOSTS.filter((_id, i) => g.hosts[i] !== undefined));
  const fix = (r: string | string[]) => {
    const one = (x: string) => (HOSTS.includes(x) && !present.has(x) ? "any" : x);
    return Array.isArray(r) ? r.map(one) : one(r);
  };
  const fw = (f: Gen["fwA"]) => ({ ...f, rules: f.rules.map((r) => ({ ...r, from: fix(r.from), to: fix(r.to) })) });
  return { ...g, fwA: fw(g.fwA), fwB: g.fwB ? fw(g.fwB) : undefined };
}

function second(g: Gen, c: typeof change extends fc.Arbitrary<infer T> ? T : never): Gen {
  if (c.mode === "other") return c.other;
  const out: Gen = { ...g, hosts: [...g.hosts] };
  if (c.mode === "rules" || c.mode === "both") {
    out.fwA = { ...g.fwA, rules: c.rulesA, defaultAllow: c.defaultA };
    if (g.fwB) out.fwB = { ...g.fwB, rules: c.rulesB };
  }
  if (c.mode === "hosts" || c.mode === "both") out.hosts = g.hosts.map((h, i) => (c.keep[i] ? h : c.hosts[i]));
  return out;
}

function checked(g: Gen): CheckedDesign {
  const d = buildDesign(makeTopology(build(valid(g))));
  return { result: { file: "x", errors: [], findings: [] }, design: d, analysis: new Analysis(d) } as unknown as CheckedDesign;
}

/** The plain reading: every reaching pair of each version with its services, keyed by ids. */
function pairs(c: CheckedDesign): Map<string, ServiceSet> {
  const a = c.analysis as Analysis;
  const out = new Map<string, ServiceSet>();
  for (const s of a.design.hosts)
    for (const t of a.design.hosts) {
      const atoms = a.reach.reachAtoms(s.index, t.index, a.any);
      if (!atoms.isEmpty()) out.set(`${s.id} → ${t.id}`, a.atoms.toServiceSet(atoms));
    }
  return out;
}

function naiveDiff(older: CheckedDesign, newer: CheckedDesign) {
  const o = pairs(older);
  const n = pairs(newer);
  const none: ServiceSet = { tcp: [], udp: [], icmp: false };
  const side = (a: Map<string, ServiceSet>, b: Map<string, ServiceSet>) =>
    [...a]
      .map(([k, v]) => [k, subtract(v, b.get(k) ?? none)] as const)
      .filter(([, v]) => !isEmpty(v))
      .map(([k, v]) => `${k}: ${formatServiceSet(v)}`)
      .sort();
  return { gained: side(n, o), lost: side(o, n) };
}

describe("diff: reachability gained and lost", () => {
  it("lists exactly the pairs and services of the plain all-pairs comparison", () => {
    fc.assert(
      fc.property(design, change, (g, c) => {
        const older = checked(g);
        const newer = checked(second(g, c));
        const got = reachDiff(older, newer);
        const text = (list: Array<{ source: string; target: string; services: string }>) =>
          list.map((p) => `${p.source} → ${p.target}: ${p.services}`).sort();
        expect({ gained: text(got.gained), lost: text(got.lost) }).toEqual(naiveDiff(older, newer));
      }),
      { numRuns: Number(process.env.DIFF_RUNS ?? 300) },
    );
  });
});
