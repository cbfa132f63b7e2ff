/**
 * Differential tests: the engine (classes, service atoms, cached views) against a naive reading of
 * topology.md (test/helpers/oracle.ts) on random designs with two firewalls, a router, an IPS,
 * multi-homed and forwarding hosts, transit zones, services on hosts, every reference form and
 * α′ exceptions, `fetches` overridden both ways. They agree on who reaches whom on every service
 * (also with the loop-free condition dropped: it changes no reachability), on the witness (service,
 * chain, deciding rule at each firewall), on "every chain passes a firewall / an IPS", on exposure,
 * on contagion distances, and on which allow rules NET-04 finds unused (loop-free chains only).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseTopology } from "../../src/check.js";
import { parseServiceList } from "../../src/model/services.js";
import type { NodeKind } from "../../src/model/types.js";
import { checkExplanation, Oracle } from "../helpers/oracle.js";
import { checkWitness, engineAndOracle, serviceOf } from "../helpers/oracle-engine.js";
import { makeTopology, type NodeInput, type RuleInput, type TopologyInput } from "../helpers/topology.js";

const ZONES = { inet: "internet", dmz: "dmz", lan: "lgwan-connected", mn: "mynumber", db: "db", tr: "transit" } as const;
const HOST_ZONES = ["inet", "dmz", "lan", "mn", "db"];
const ALL_ZONES = Object.keys(ZONES);
const HOSTS = ["h1", "h2", "web", "端末"];
const REFS = [
  "any",
  ...HOST_ZONES,
  ...HOSTS,
  "inet/*",
  "lan/*",
  "zone-kind:db",
  "zone-kind:internet",
  "tier:lgwan-side",
  "tier:internet-side",
  "tier:mynumber-side",
];
const SERVICES = ["any", "https", "ssh", "dns", "tcp/1000-2000", "udp/53", "icmp", "tcp/443-5432"];
const HOST_KINDS: NodeKind[] = ["client", "server", "web-server", "proxy", "sanitizer", "screen-transfer", "db-server"];

const ref = fc.oneof(fc.constantFrom(...REFS), fc.subarray(REFS, { minLength: 1, maxLength: 2 }));
const rule = fc.record({
  action: fc.constantFrom("allow", "allow", "deny"),
  from: ref,
  to: ref,
  service: fc.oneof(fc.constantFrom(...SERVICES), fc.subarray(SERVICES, { minLength: 1, maxLength: 2 })),
  id: fc.option(fc.constantFrom("web", "mgmt"), { nil: undefined }),
});
const firewall = fc.record({
  zones: fc.subarray(ALL_ZONES, { minLength: 2, maxLength: 4 }),
  rules: fc.array(rule, { maxLength: 5 }),
  defaultAllow: fc.constantFrom(false, false, true),
  ips: fc.boolean(),
});
const host = fc.record({
  kind: fc.constantFrom(...HOST_KINDS),
  zones: fc.subarray(HOST_ZONES, { minLength: 1, maxLength: 2 }),
  forwards: fc.constantFrom(false, false, false, true),
  services: fc.option(fc.constantFrom(["https"], ["ssh", "tcp/1000-2000"], [], ["udp/53"], ["icmp"], ["dns", "https"]), {
    nil: undefined,
  }),
  /** `fetches` written on the node (either way), or left to the kind's default */
  fetches: fc.constantFrom(undefined, undefined, true, false),
});
const design = fc.record({
  fwA: firewall,
  fwB: fc.option(firewall, { nil: undefined }),
  other: fc.option(
    fc.record({
      kind: fc.constantFrom("router", "ips", "switch"),
      zones: fc.subarray(ALL_ZONES, { minLength: 2, maxLength: 3 }),
    }),
    { nil: undefined },
  ),
  hosts: fc.array(host, { minLength: HOSTS.length, maxLength: HOSTS.length }),
  alphaPrime: fc.boolean(),
});

type Gen = typeof design extends fc.Arbitrary<infer T> ? T : never;

function build(g: Gen): TopologyInput {
  const nodes: Record<string, NodeInput> = {};
  const fw = (f: Gen["fwA"]): NodeInput => {
    const n: NodeInput = {
      kind: "firewall",
      zones: f.zones,
      rules: f.rules.map((r, i): RuleInput => {
        const out: RuleInput = { [r.action]: { from: r.from, to: r.to, service: r.service } };
        if (r.id) out.id = `${r.id}${i}`;
        return out;
      }),
    };
    if (f.defaultAllow) n.default = "allow";
    if (f.ips) n.controls = { ips: true };
    return n;
  };
  nodes["fw-b"] = fw(g.fwA); // ids chosen so that code-point order and declaration order differ
  if (g.fwB) nodes["fw-a"] = fw(g.fwB);
  if (g.other) nodes.rt = { kind: g.other.kind as NodeKind, zones: g.other.zones };
  HOSTS.forEach((id, i) => {
    const h = g.hosts[i] as Gen["hosts"][number];
    const n: NodeInput = { kind: h.kind, zones: h.zones, forwards: h.forwards };
    if (h.services) n.services = [...h.services];
    if (h.fetches !== undefined) n.fetches = h.fetches;
    nodes[id] = n;
  });
  const input: TopologyInput = { zones: { ...ZONES }, nodes };
  if (g.alphaPrime) {
    input.model = "alpha-prime";
    input.flows = { cloud: { path: ["h1", "h2"], exception: "α′ クラウド利用" } };
  }
  return input;
}

function setUp(g: Gen) {
  return engineAndOracle(build(g));
}

/** `ORACLE_RUNS=5000 npx vitest run test/analyze/oracle.test.ts` for a longer hunt */
const RUNS = { numRuns: Number(process.env.ORACLE_RUNS ?? 120) };

describe("the engine agrees with a naive reading of the spec", () => {
  it("on the hosts, and on who reaches whom for every service", () => {
    fc.assert(
      fc.property(design, (g) => {
        const { oracle, d, a, index } = setUp(g);
        expect(d.hosts.map((h) => h.id).sort()).toEqual(oracle.hosts.map((h) => h.id).sort());
        for (const p of oracle.packets) {
          const q = a.services(parseServiceList([serviceOf(p)]));
          for (const s of oracle.hosts)
            for (const t of oracle.hosts)
              expect(a.reach.reaches(index(s), index(t), q), `${s.id} → ${t.id} on ${serviceOf(p)}`).toBe(
                oracle.reaches(s, t, p),
              );
        }
      }),
      RUNS,
    );
  });

  it("on reachability read without the loop-free condition (a walk may repeat zones): it is the same", () => {
    fc.assert(
      fc.property(design, (g) => {
        const { oracle, a, index } = setUp(g);
        for (const p of oracle.packets) {
          const q = a.services(parseServiceList([serviceOf(p)]));
          for (const s of oracle.hosts)
            for (const t of oracle.hosts)
              expect(a.reach.reaches(index(s), index(t), q), `${s.id} → ${t.id} on ${serviceOf(p)}`).toBe(
                oracle.reachesByWalk(s, t, p),
              );
        }
      }),
      RUNS,
    );
  });

  it("on the witness: first service, shortest chain (fewest devices, then ids), the rule at each firewall", () => {
    fc.assert(
      fc.property(design, (g) => {
        const { oracle, a, index } = setUp(g);
        for (const s of oracle.hosts)
          for (const t of oracle.hosts) {
            checkWitness(s, t, a.reach.witness(index(s), index(t), a.any), oracle.witness(s, t), expect);
          }
      }),
      RUNS,
    );
  });

  it("on every chain passing a firewall, and an IPS (a firewall with ips: true counts)", () => {
    fc.assert(
      fc.property(design, (g) => {
        const { oracle, a, index } = setUp(g);
        for (const kind of ["firewall", "ips"] as const) {
          const view = a.without({ nodeKind: kind });
          for (const s of oracle.hosts)
            for (const t of oracle.hosts) {
              const want = oracle.packets.some((p) => oracle.reaches(s, t, p, Oracle.kind(kind)));
              expect(view.reaches(index(s), index(t), a.any), `${s.id} → ${t.id} without ${kind}`).toBe(want);
            }
        }
      }),
      RUNS,
    );
  });

  it("on exposure and on contagion distances (fetchers, mediators, α′ exceptions)", () => {
    fc.assert(
      fc.property(design, (g) => {
        const { oracle, d, a } = setUp(g);
        const internet = oracle.hosts.filter((h) => h.internet);
        const exposed = oracle.hosts
          .filter((t) => !t.internet && internet.some((s) => oracle.packets.some((p) => oracle.reaches(s, t, p))))
          .map((h) => h.id)
          .sort();
        expect([...a.exposure().keys()].map((i) => d.hosts[i]?.id).sort()).toEqual(exposed);
        const want = oracle.contagion();
        const contagion = a.contagion();
        for (const h of d.hosts) expect(contagion.distance(h), h.id).toBe(want.get(h.id));
      }),
      RUNS,
    );
  });

  it("on what stops a pair that does not reach: no connection, not accepted, or the blockers on the way", () => {
    fc.assert(
      fc.property(design, (g) => {
        const { oracle, a, index } = setUp(g);
        for (const s of oracle.hosts)
          for (const t of oracle.hosts) {
            if (s.id === t.id || oracle.witness(s, t)) continue;
            checkExplanation(oracle, s, t, a.reach.explain(index(s), index(t), a.any), expect);
          }
      }),
      RUNS,
    );
  });
});

/* NET-04 (rules.md): an allow rule is used when it decides, at its firewall, some hop of some
 * declared flow on some chain that carries the hop; chains are loop-free. Random designs as above,
 * with one to three declared flows between listed and implicit hosts. */
const ENDPOINTS = [...HOSTS, "inet/*", "lan/*", "dmz/*"];
const withFlows = fc.record({
  g: design,
  flows: fc.array(
    fc.record({
      path: fc.array(fc.constantFrom(...ENDPOINTS), { minLength: 2, maxLength: 3 }),
      service: fc.constantFrom(...SERVICES),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

function net04(g: Gen, flows: Array<{ path: string[]; service: string }>) {
  const input = build(g);
  input.flows = { ...input.flows };
  flows.forEach((f, i) => {
    (input.flows as NonNullable<TopologyInput["flows"]>)[`f${i}`] = { path: f.path, service: f.service };
  });
  const oracle = new Oracle(input);
  const { result } = analyseTopology(makeTopology(input), { lang: "en", today: "2026-12-01", policies: ["baseline"] });
  expect(result.errors).toEqual([]);
  const of = (rule: string) => new Set(result.findings.filter((f) => f.rule === rule).map((f) => f.subjects[0] as string));
  const shadowed = of("NET-03");
  const used = oracle.usedRules();
  const want = oracle
    .allowRules()
    .filter((r) => !used.has(r) && !shadowed.has(r))
    .sort();
  return { got: [...of("NET-04")].sort(), want };
}

describe("NET-04 agrees with a naive reading of the spec", () => {
  it("on the smallest loop case: a hop inside one zone uses no firewall, though a loop passes one", () => {
    // inet1 and lgwan1 joined by fw1 (rule 2 allows any → any) and by the access point ap1; the hop
    // inet1/* → pc2 stays in inet1, so its only loop-free chain passes no device.
    const input: TopologyInput = {
      zones: { inet1: "internet", lgwan1: "lgwan" },
      nodes: {
        fw1: {
          kind: "firewall",
          zones: ["inet1", "lgwan1"],
          rules: [{ deny: { from: "lgwan1", to: "inet1", service: "ssh" } }, { allow: { from: "any", to: "any" } }],
        },
        ap1: { kind: "wireless-ap", zones: ["inet1", "lgwan1"] },
        pc2: { kind: "client", zones: ["inet1"] },
      },
      flows: { f1: { path: ["inet1/*", "pc2"] } },
    };
    const oracle = new Oracle(input);
    expect(oracle.usedRules()).toEqual(new Set());
    expect(oracle.allowRules()).toEqual(["fw1#2"]);
    // the loop inet1 – fw1 – lgwan1 – ap1 – inet1 would carry the hop through fw1#2, were it a chain
    expect(oracle.chains(oracle.host("inet1/*"), oracle.host("pc2"), { proto: "tcp", port: 443 }).map((c) => c.ids)).toEqual([
      ["inet1"],
    ]);
  });

  // seed 13 once found the loop bug (its 16th design: fw-b#1 taken as used through the loop
  // inet – fw-b – mn – rt – inet); the run now uses fresh seeds like the others.
  it("on random designs with declared flows: the unused allow rules, counting loop-free chains only", () => {
    fc.assert(
      fc.property(withFlows, ({ g, flows }) => {
        const { got, want } = net04(g, flows);
        expect(got).toEqual(want);
      }),
      RUNS,
    );
  });
});
