/**
 * Differential tests on random multi-organisation designs (test/helpers/multi-org.ts): two to six
 * municipalities sharing LGWAN, security clouds and the national zone, each with firewalls whose
 * rules name its own hosts and `tier:`/`zone-kind:` references, and sometimes a mistake that
 * lets contagion cascade from one municipality into the others. The engine (classes, local
 * classes per firewall, rows and columns) is compared with the naive reading of topology.md
 * (test/helpers/oracle.ts) on who reaches whom for every service, the witnesses, "every chain
 * passes a firewall / an IPS", exposure, contagion (distances, shortest paths, sources), and the
 * findings that read those directly: TT-01, TT-07, ASP-01, ASP-02, NET-08 (targets, sources and
 * the best witness), TT-02, TT-08 (targets, sources and the contagion path), NET-03 (shadowed and
 * empty rules with the earlier rules overlapping them) and NET-04 (unused allow rules).
 *
 * Each design is a function of its seed. A run takes ORACLE_MULTI_RUNS designs (default 12) from
 * a fresh base seed, or from ORACLE_MULTI_SEED; a failure names the seed and prints the design as
 * a bunri file (`bunri check` reproduces it).
 */
import { afterAll, describe, expect, it } from "vitest";
import { analyseTopology } from "../../src/check.js";
import { loadTopologyText } from "../../src/load/index.js";
import { parseServiceList } from "../../src/model/services.js";
import type { Finding } from "../../src/rules/types.js";
import { generateMultiOrg, Rng, toYaml } from "../helpers/multi-org.js";
import { checkExplanation, type OHost, Oracle, TIER } from "../helpers/oracle.js";
import { checkWitness, engineAndOracle, serviceOf } from "../helpers/oracle-engine.js";
import { makeTopology, type TopologyInput } from "../helpers/topology.js";

const RUNS = Number(process.env.ORACLE_MULTI_RUNS ?? 12);
const BASE = process.env.ORACLE_MULTI_SEED !== undefined ? Number(process.env.ORACLE_MULTI_SEED) : (Date.now() * 7919) >>> 0;
const SEEDS = Array.from({ length: RUNS }, (_, i) => (BASE + i) >>> 0);

/** Runs `body` on the design of `seed`; a failure names the seed and prints the design. */
const designs = new Map<number, TopologyInput>();
function onDesign(seed: number, body: (input: TopologyInput) => void): void {
  let input = designs.get(seed);
  if (!input) {
    input = generateMultiOrg(seed);
    designs.set(seed, input);
  }
  try {
    body(input);
  } catch (e) {
    const err = e as Error;
    err.message = `${err.message}\n\nseed ${seed} (ORACLE_MULTI_SEED=${seed} ORACLE_MULTI_RUNS=1 to replay); the design:\n\n${toYaml(input)}`;
    throw err;
  }
}

const setUps = new WeakMap<TopologyInput, ReturnType<typeof engineAndOracle>>();
/** The oracle and the engine of a design, shared by the tests of its seed (the oracle memoises its walks). */
function setUp(input: TopologyInput) {
  let got = setUps.get(input);
  if (!got) {
    got = engineAndOracle(input);
    setUps.set(input, got);
  }
  return got;
}

const RANK = ["public", "internal", "personal", "sensitive", "mynumber"];

/** The reachability findings of a `no-reach` rule as the oracle reads them: per direction and target. */
function expectedReach(
  oracle: Oracle,
  rule: string,
  from: OHost[],
  to: OHost[],
  bothWays: boolean,
  accepted: (s: OHost, t: OHost) => boolean = () => false,
) {
  const out: Array<{ key: string; subjects: string[]; service: string; path: string[] }> = [];
  const directions: Array<[string, OHost[], OHost[]]> = bothWays
    ? [
        ["forward", from, to],
        ["reverse", to, from],
      ]
    : [["", from, to]];
  for (const [direction, ss, ts] of directions)
    for (const t of ts) {
      let best: { service: string; path: string[] } | undefined;
      const sources: string[] = [];
      for (const s of ss) {
        if (accepted(s, t)) continue;
        const w = oracle.witness(s, t);
        if (!w) continue;
        sources.push(s.id);
        const path = [s.id, ...w.chain.ids, t.id];
        if (!best || path.length < best.path.length || (path.length === best.path.length && seqLess(path, best.path)))
          best = { service: serviceOf(w.packet), path };
      }
      if (best) out.push({ key: `${rule} ${direction} ${t.id}`, subjects: [t.id, ...sources.sort(cmp)], ...best });
    }
  return out.sort((x, y) => cmp(x.key, y.key));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
function seqLess(a: string[], b: string[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string);
  return a.length < b.length;
}

function gotReach(findings: Finding[], rule: string) {
  return findings
    .filter((f) => f.rule === rule)
    .map((f) => {
      const chain = (f.evidence as { chain: { service: string; path: Array<{ id: string }> } }).chain;
      return {
        key: `${rule} ${f.direction ?? ""} ${f.subjects[0]}`,
        subjects: f.subjects,
        service: chain.service,
        path: chain.path.map((e) => e.id),
      };
    })
    .sort((x, y) => cmp(x.key, y.key));
}

describe.each(SEEDS)("the engine agrees with a naive reading of the spec on the multi-organisation design of seed %i", (seed) => {
  // the design, its oracle and its engine are shared by the tests of one seed, then let go
  afterAll(() => {
    designs.delete(seed);
  });

  it("generates valid, varied designs: every one loads from its YAML without errors and gives the same findings", () => {
    onDesign(seed, (input) => {
      const yaml = toYaml(input);
      const loaded = loadTopologyText(yaml, "multi.yaml", { lang: "en" });
      expect(loaded.errors.map((e) => e.message)).toEqual([]);
      const opts = { lang: "en" as const, today: "2026-12-01" };
      const viaYaml = analyseTopology(loaded.topology as NonNullable<typeof loaded.topology>, opts).result.findings;
      const direct = analyseTopology(makeTopology(input), opts).result.findings;
      const brief = (fs: Finding[]) =>
        fs.map((f) => `${f.rule} ${f.direction ?? ""} ${f.variant ?? ""} ${f.subjects.join(",")}`).sort();
      expect(brief(viaYaml)).toEqual(brief(direct));
    });
  });

  it("on the hosts, and on who reaches whom for every service", () => {
    onDesign(seed, (input) => {
      const { oracle, d, a, index } = setUp(input);
      expect(d.hosts.map((h) => h.id).sort()).toEqual(oracle.hosts.map((h) => h.id).sort());
      // the disagreements, gathered (one expect per triple would cost more than the engine)
      const wrong: string[] = [];
      for (const p of oracle.packets) {
        const q = a.services(parseServiceList([serviceOf(p)]));
        for (const s of oracle.hosts)
          for (const t of oracle.hosts) {
            const want = oracle.reachesByWalk(s, t, p);
            if (a.reach.reaches(index(s), index(t), q) !== want)
              wrong.push(`${s.id} → ${t.id} on ${serviceOf(p)}: oracle ${want}`);
          }
      }
      expect(wrong).toEqual([]);
    });
  });

  it("on the witness of every pair: first service, shortest chain (fewest devices, then ids), the rule at each firewall", () => {
    onDesign(seed, (input) => {
      const { oracle, a, index } = setUp(input);
      for (const s of oracle.hosts)
        for (const t of oracle.hosts) {
          checkWitness(s, t, a.reach.witness(index(s), index(t), a.any), oracle.witness(s, t), expect);
        }
    });
  });

  it("on every chain passing a firewall, and an IPS; on exposure", () => {
    onDesign(seed, (input) => {
      const { oracle, d, a, index } = setUp(input);
      const wrong: string[] = [];
      for (const kind of ["firewall", "ips"] as const) {
        const view = a.without({ nodeKind: kind });
        for (const s of oracle.hosts)
          for (const t of oracle.hosts) {
            const want = oracle.packets.some((p) => oracle.reachesByWalk(s, t, p, Oracle.kind(kind)));
            if (view.reaches(index(s), index(t), a.any) !== want) wrong.push(`${s.id} → ${t.id} without ${kind}: oracle ${want}`);
          }
      }
      expect(wrong).toEqual([]);
      const internet = oracle.hosts.filter((h) => h.internet);
      const exposed = oracle.hosts
        .filter((t) => !t.internet && internet.some((s) => oracle.packets.some((p) => oracle.reachesByWalk(s, t, p))))
        .map((h) => h.id)
        .sort();
      expect([...a.exposure().keys()].map((i) => d.hosts[i]?.id).sort()).toEqual(exposed);
    });
  });

  it("on what stops a pair that does not reach (a sample of 150 pairs): no connection, not accepted, or the blockers", () => {
    onDesign(seed, (input) => {
      const { oracle, a, index } = setUp(input);
      const rng = new Rng(seed);
      for (let k = 0; k < 150; k++) {
        const s = rng.pick(oracle.hosts);
        const t = rng.pick(oracle.hosts);
        if (s.id === t.id || oracle.packets.some((p) => oracle.reachesByWalk(s, t, p))) continue;
        checkExplanation(oracle, s, t, a.reach.explain(index(s), index(t), a.any), expect);
      }
    });
  });

  it("on contagion: distances, the shortest path to every host (steps, modes, chains), and its sources", () => {
    onDesign(seed, (input) => {
      const { oracle, d, a } = setUp(input);
      const dist = oracle.contagion();
      const paths = oracle.contagionPaths();
      const sources = oracle.contagionSources();
      const contagion = a.contagion();
      for (const h of d.hosts) {
        expect(contagion.distance(h), `distance of ${h.id}`).toBe(dist.get(h.id));
        const want = paths.get(h.id);
        const got = contagion.path(h);
        expect(got === undefined, `${h.id} has a contagion path`).toBe(want === undefined);
        if (got && want) {
          expect(
            got.steps.map((s) => `${s.mode} ${s.from} → ${s.to} ${s.chain.service} ${s.chain.path.map((e) => e.id).join(" ")}`),
            `contagion path to ${h.id}`,
          ).toEqual(
            want.steps.map(
              (s) =>
                `${s.mode} ${s.from} → ${s.to} ${serviceOf(s.packet)} ${[s.mode === "reach" ? s.from : s.to, ...s.chain.ids, s.mode === "reach" ? s.to : s.from].join(" ")}`,
            ),
          );
          expect(got.source, `source of the path to ${h.id}`).toBe(want.source);
          expect(got.devices, `devices of the path to ${h.id}`).toBe(want.devices);
        }
        if ((dist.get(h.id) as number) > 0)
          expect(
            contagion.sources(h).map((s) => s.id),
            `sources of ${h.id}`,
          ).toEqual(sources.get(h.id));
      }
    });
  });

  it("on the findings that read reachability and contagion: TT-01, TT-07, ASP-01, ASP-02, NET-08, TT-02, TT-08", () => {
    onDesign(seed, (input) => {
      const { oracle } = setUp(input);
      const { result } = analyseTopology(makeTopology(input), { lang: "en", today: "2026-12-01" });
      expect(result.errors).toEqual([]);
      const findings = result.findings;
      const zoneKind = (z: string) => {
        const k = input.zones[z];
        return typeof k === "string" ? k : (k?.kind as string);
      };
      const tier = (h: OHost, t: string) => h.zones.some((z) => TIER[zoneKind(z)] === t);
      const plain = oracle.hosts.filter((h) => !h.mediator);
      const listed = (h: OHost) => !h.id.endsWith("/*");
      const personal = (h: OHost) =>
        listed(h) &&
        (input.nodes[h.id]?.holds ?? []).some((x) => RANK.indexOf(input.data?.[x] as string) >= RANK.indexOf("personal"));
      const exceptionHops = new Set<string>();
      if (input.model === "alpha-prime")
        for (const f of Object.values(input.flows ?? {}))
          if (f.exception) for (let i = 1; i < f.path.length; i++) exceptionHops.add(`${f.path[i - 1]} ${f.path[i]}`);

      const inetSide = plain.filter((h) => tier(h, "internet-side"));
      expect(gotReach(findings, "TT-01"), "TT-01").toEqual(
        expectedReach(
          oracle,
          "TT-01",
          plain.filter((h) => tier(h, "mynumber-side")),
          inetSide,
          true,
        ),
      );
      expect(gotReach(findings, "TT-07"), "TT-07").toEqual(
        expectedReach(
          oracle,
          "TT-07",
          plain.filter((h) => h.zones.some((z) => zoneKind(z) === "lgwan-connected")),
          inetSide,
          true,
          (s, t) => exceptionHops.has(`${s.id} ${t.id}`),
        ),
      );
      const internetHosts = oracle.hosts.filter((h) => h.internet);
      expect(gotReach(findings, "NET-08"), "NET-08").toEqual(
        expectedReach(oracle, "NET-08", internetHosts, oracle.hosts.filter(personal), false),
      );
      const asp = Object.values(input.zones).some((z) =>
        ["asp-lgwan", "asp-internet"].includes(typeof z === "string" ? z : z.kind),
      );
      expect(gotReach(findings, "ASP-01"), "ASP-01").toEqual(
        asp
          ? expectedReach(
              oracle,
              "ASP-01",
              internetHosts.filter((h) => !h.mediator),
              plain.filter((h) => tier(h, "lgwan-side")),
              false,
            )
          : [],
      );
      expect(gotReach(findings, "ASP-02"), "ASP-02").toEqual(
        asp
          ? expectedReach(
              oracle,
              "ASP-02",
              internetHosts,
              oracle.hosts.filter((h) => personal(h) || h.zones.some((z) => zoneKind(z) === "db")),
              false,
            )
          : [],
      );

      const dist = oracle.contagion();
      const paths = oracle.contagionPaths();
      const sources = oracle.contagionSources();
      for (const [rule, targets] of [
        ["TT-02", plain.filter((h) => tier(h, "mynumber-side"))],
        ["TT-08", plain.filter((h) => h.zones.some((z) => zoneKind(z) === "lgwan-connected"))],
      ] as const) {
        const got = findings
          .filter((f) => f.rule === rule)
          .map((f) => {
            const c = (f.evidence as { contagion: { source: string; steps: Array<{ mode: string; from: string; to: string }> } })
              .contagion;
            return { subjects: f.subjects, source: c.source, steps: c.steps.map((s) => `${s.mode} ${s.from} → ${s.to}`) };
          })
          .sort((x, y) => cmp(x.subjects[0] as string, y.subjects[0] as string));
        const want = targets
          .filter((t) => (dist.get(t.id) as number) >= 2)
          .map((t) => {
            const p = paths.get(t.id) as NonNullable<ReturnType<typeof paths.get>>;
            return {
              subjects: [t.id, ...(sources.get(t.id) ?? [])],
              source: p.source,
              steps: p.steps.map((s) => `${s.mode} ${s.from} → ${s.to}`),
            };
          })
          .sort((x, y) => cmp(x.subjects[0] as string, y.subjects[0] as string));
        expect(got, rule).toEqual(want);
      }
    });
  });

  it("on NET-03 (shadowed rules and rules that match nothing, with the earlier rules overlapping) and NET-04 (unused allow rules)", () => {
    onDesign(seed, (input) => {
      const { oracle } = setUp(input);
      const { result } = analyseTopology(makeTopology(input), { lang: "en", today: "2026-12-01", policies: ["baseline"] });
      expect(result.errors).toEqual([]);
      const shadowed = oracle.shadowed();
      const got03 = result.findings
        .filter((f) => f.rule === "NET-03")
        .map((f) => ({
          rule: f.subjects[0] as string,
          state: f.variant === "matches-nothing" ? "empty" : "shadowed",
          earlier: (f.evidence as { overlaps?: string[] }).overlaps ?? [],
        }))
        .sort((x, y) => cmp(x.rule, y.rule));
      const want03 = [...shadowed.entries()]
        .map(([rule, s]) => ({ rule, state: s.state, earlier: s.earlier }))
        .sort((x, y) => cmp(x.rule, y.rule));
      expect(got03, "NET-03").toEqual(want03);
      const used = oracle.usedRules();
      const want04 = oracle
        .allowRules()
        .filter((r) => !used.has(r) && !shadowed.has(r))
        .sort(cmp);
      const got04 = result.findings
        .filter((f) => f.rule === "NET-04")
        .map((f) => f.subjects[0] as string)
        .sort(cmp);
      expect(got04, "NET-04").toEqual(want04);
    });
  });
});

describe("the multi-organisation generator", () => {
  it("is a function of the seed", () => {
    expect(toYaml(generateMultiOrg(4242))).toBe(toYaml(generateMultiOrg(4242)));
    expect(toYaml(generateMultiOrg(4242))).not.toBe(toYaml(generateMultiOrg(4243)));
  });

  it("gives clean designs and designs where contagion cascades from one municipality into others (seeds 1–12)", () => {
    const municipality = (id: string) => /^(m\d+)-/.exec(id)?.[1];
    let clean = 0;
    let cascades = 0;
    const sizes = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const input = generateMultiOrg(seed);
      sizes.add(Object.keys(input.zones).filter((z) => z.endsWith("-lg")).length);
      const { result } = analyseTopology(makeTopology(input), { lang: "en", today: "2026-12-01" });
      const tt08 = result.findings.filter((f) => f.rule === "TT-08");
      if (tt08.length === 0) clean++;
      const crossing = tt08.some((f) => {
        const steps = (f.evidence as { contagion: { steps: Array<{ from: string; to: string }> } }).contagion.steps;
        return new Set(steps.flatMap((s) => [municipality(s.from), municipality(s.to)]).filter(Boolean)).size > 1;
      });
      if (crossing) cascades++;
    }
    expect(clean).toBeGreaterThanOrEqual(2);
    expect(cascades).toBeGreaterThanOrEqual(2);
    expect(sizes.size).toBeGreaterThanOrEqual(3);
  });
});
