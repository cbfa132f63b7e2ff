/**
 * Properties that hold for every design: a deny rule never adds reachability, removing a zone
 * attachment never adds it, and the analysis is deterministic.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Analysis } from "../../src/analyze/index.js";
import { buildDesign } from "../../src/model/design.js";
import { parseServiceList } from "../../src/model/services.js";
import { makeTopology, type RuleInput, type TopologyInput } from "../helpers/topology.js";

const ZONES = ["internet", "dmz", "lan", "db"] as const;
const KINDS = { internet: "internet", dmz: "dmz", lan: "lgwan-connected", db: "db" } as const;
const HOSTS = ["h1", "h2", "h3", "h4"];
const REFS = ["any", ...ZONES, ...HOSTS, "internet/*", "tier:internet-side", "zone-kind:db"];
const SERVICES = ["any", "https", "ssh", "tcp/1000-2000", "udp/53", "icmp"];

const rule = fc.record({
  action: fc.constantFrom("allow", "deny"),
  from: fc.constantFrom(...REFS),
  to: fc.constantFrom(...REFS),
  service: fc.constantFrom(...SERVICES),
});

const design = fc.record({
  rules: fc.array(rule, { maxLength: 6 }),
  hostZones: fc.array(fc.subarray([...ZONES], { minLength: 1, maxLength: 2 }), { minLength: 4, maxLength: 4 }),
  fwZones: fc.subarray([...ZONES], { minLength: 2 }),
  router: fc.option(fc.subarray([...ZONES], { minLength: 2, maxLength: 2 }), { nil: undefined }),
  forwards: fc.boolean(),
});

type Gen = typeof design extends fc.Arbitrary<infer T> ? T : never;

function build(g: Gen): TopologyInput {
  const nodes: TopologyInput["nodes"] = {
    fw: {
      kind: "firewall",
      zones: g.fwZones,
      rules: g.rules.map((r): RuleInput => ({ [r.action]: { from: r.from, to: r.to, service: r.service } })),
    },
  };
  if (g.router) nodes.rt = { kind: "router", zones: g.router };
  HOSTS.forEach((h, i) => {
    nodes[h] = { kind: "server", zones: g.hostZones[i] as string[], forwards: i === 0 && g.forwards };
  });
  return { zones: Object.fromEntries(ZONES.map((z) => [z, KINDS[z]])), nodes };
}

/** Every (source, target, atom) that reaches, as strings, over the full service space. */
function reachable(input: TopologyInput): Set<string> {
  const d = buildDesign(makeTopology(input));
  // the same atom partition for every design, so that before and after compare port for port
  const a = new Analysis(d, { extraServices: SERVICES.map((x) => parseServiceList([x])) });
  const out = new Set<string>();
  for (const s of d.hosts)
    for (const t of d.hosts)
      for (const atom of a.reach.reachAtoms(s.index, t.index, a.any)) out.add(`${s.id}>${t.id}:${a.atoms.rangeLabel(atom)}`);
  return out;
}

function subset(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

describe("reachability properties", () => {
  it("adding a deny rule anywhere never adds reachability", () => {
    fc.assert(
      fc.property(design, rule, fc.nat(), (g, extra, pos) => {
        const before = build(g);
        const after = build(g);
        const rules = after.nodes.fw?.rules as RuleInput[];
        rules.splice(pos % (rules.length + 1), 0, { deny: { from: extra.from, to: extra.to, service: extra.service } });
        expect(subset(reachable(after), reachable(before))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("removing a zone attachment never adds reachability", () => {
    fc.assert(
      fc.property(design, fc.nat(), (g, which) => {
        const before = build(g);
        const after = build(g);
        const candidates = Object.keys(after.nodes).filter((n) => (after.nodes[n]?.zones.length ?? 0) > 1);
        if (candidates.length === 0) return;
        const node = after.nodes[candidates[which % candidates.length] as string];
        node?.zones.splice(which % (node.zones.length ?? 1), 1);
        expect(subset(reachable(after), reachable(before))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("gives the same answer every time", () => {
    fc.assert(
      fc.property(design, (g) => {
        expect([...reachable(build(g))]).toEqual([...reachable(build(g))]);
      }),
      { numRuns: 50 },
    );
  });
});
