/**
 * The engine on inline rule definitions: findings, subjects, evidence, fingerprints, waivers.
 * (The built-in packs' own rules are tested against their YAML in test/rules/packs.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { Analysis } from "../../src/analyze/index.js";
import { buildDesign } from "../../src/model/design.js";
import type { Topology, WaiverDef } from "../../src/model/types.js";
import { runRules } from "../../src/rules/engine.js";
import type { RuleDefinition } from "../../src/rules/types.js";
import { makeTopology, type TopologyInput } from "../helpers/topology.js";

const text = (s: string) => ({ ja: s, en: s });
function rule(
  id: string,
  severity: RuleDefinition["severity"],
  check: RuleDefinition["check"],
  messages: Record<string, string> = {},
): RuleDefinition {
  return {
    id,
    pack: "test",
    severity,
    title: text(id),
    why: text("why"),
    fix: text("fix"),
    references: [],
    messages: Object.fromEntries(
      Object.entries({ default: `${id} {target}{node}{flow}`, ...messages }).map(([k, v]) => [k, text(v)]),
    ),
    check,
    builtIn: true,
  };
}

const RULES: RuleDefinition[] = [
  rule("ASP-01", "critical", {
    type: "no-reach",
    from: { "internet-host": true, mediator: false },
    to: { tier: ["lgwan-side"], mediator: false },
  }),
  rule("ASP-02", "critical", {
    type: "no-reach",
    from: { "internet-host": true },
    to: { "any-of": [{ "zone-kind": ["db"] }, { "holds-at-least": "personal" }] },
  }),
  rule("ASP-04", "high", { type: "node", select: { tier: ["internet-side"], "holds-at-least": "personal", listed: true } }),
  rule("NET-01", "high", { type: "code", name: "flow-hop-possible" }, { default: "{flow}: {sender} → {receiver} ({reason})" }),
  rule("BUNRI-01", "high", { type: "code", name: "waiver-expired" }, { default: "expired {rule}" }),
  rule(
    "BUNRI-02",
    "low",
    { type: "code", name: "waiver-stale" },
    { default: "stale {rule}", "no-match": "no match {rule}", inactive: "inactive {rule}" },
  ),
];

const leaky: TopologyInput = {
  name: "leaky",
  zones: { internet: "internet", dmz: "asp-internet", lgwan: "asp-lgwan", common: "db" },
  nodes: {
    fw: {
      kind: "firewall",
      zones: ["internet", "dmz", "lgwan", "common"],
      rules: [
        { allow: { from: "internet", to: "web", service: "https" }, title: "公開" },
        { allow: { from: "web", to: "db", service: "postgres" } },
        { allow: { from: "internet", to: "staff-web", service: "https" } },
      ],
    },
    web: { kind: "web-server", zones: ["dmz"], holds: ["cards"] },
    "staff-web": { kind: "web-server", zones: ["lgwan"] },
    db: { kind: "db-server", zones: ["common"], holds: ["cards"] },
  },
  data: { cards: "personal" },
  flows: { upload: { path: ["web", "db"], service: "https" } },
};

function run(input: TopologyInput, waivers: WaiverDef[] = [], today = "2026-11-23") {
  const topology: Topology = makeTopology(input);
  topology.waivers = waivers;
  const design = buildDesign(topology);
  return runRules(design, new Analysis(design), RULES, { lang: "en", today, knownRuleIds: new Set(RULES.map((r) => r.id)) });
}

const loc = { file: "test.yaml", line: 40, column: 5 };

describe("engine", () => {
  it("reports ASP-01, ASP-02, ASP-04 and NET-01 with subjects and evidence", () => {
    const { findings, errors } = run(leaky);
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.rule, f.subjects])).toEqual([
      ["ASP-01", ["staff-web", "internet/*"]],
      ["ASP-02", ["web", "internet/*"]],
      ["ASP-04", ["web"]],
      ["NET-01", ["upload", "web", "db"]],
    ]);
    const asp01 = findings[0];
    expect(asp01?.evidence.chain?.path.map((p) => p.id)).toEqual(["internet/*", "internet", "fw", "lgwan", "staff-web"]);
    expect(asp01?.evidence.chain?.path[2]).toMatchObject({ rule: "fw#3" });
    expect(asp01?.evidence.sources).toBe(1);
    const net01 = findings[3];
    expect(net01?.evidence.blocked).toMatchObject({ reason: "blocked", service: "tcp/443" });
    // fw#2 allows postgres only: the https hop falls to the default deny
    expect(net01?.evidence.blocked?.blockers).toEqual([
      { type: "firewall", id: "fw", rules: [], ruleTitles: [], defaultDeny: true },
    ]);
    expect(net01?.message).toBe("upload: web → db (blocked on the way)");
  });

  it("keeps fingerprints through reordering and unrelated additions", () => {
    const a = run(leaky).findings.map((f) => f.fingerprint);
    const reordered: TopologyInput = {
      ...leaky,
      nodes: Object.fromEntries(Object.entries(leaky.nodes).reverse()),
      zones: { ...leaky.zones, extra: "internal" },
    };
    reordered.nodes = { ...reordered.nodes, printer: { kind: "device", zones: ["extra"] } };
    expect(run(reordered).findings.map((f) => f.fingerprint)).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it("waives matching findings, reports expired and stale waivers", () => {
    const waivers: WaiverDef[] = [
      { rule: "ASP-04", subject: "web", reason: "暗号化して保持", expires: "2026-11-23", loc },
      { rule: "ASP-02", reason: "old", expires: "2026-11-22", loc },
      { rule: "ASP-01", subject: "nobody", reason: "typo", expires: "2027-01-01", loc },
    ];
    const { findings } = run(leaky, waivers);
    const asp04 = findings.find((f) => f.rule === "ASP-04");
    expect(asp04?.waived).toBe(true);
    expect(asp04?.waiver?.reason).toBe("暗号化して保持");
    expect(findings.find((f) => f.rule === "ASP-02")?.waived).toBe(false);
    expect(findings.filter((f) => f.rule === "BUNRI-01").map((f) => f.subjects)).toEqual([["ASP-02"]]);
    const stale = findings.filter((f) => f.rule === "BUNRI-02");
    expect(stale.map((f) => [f.subjects, f.variant, f.location.line])).toEqual([[["nobody"], "no-match", 40]]);
    // the next day the first waiver has expired too
    const later = run(leaky, waivers, "2026-11-24").findings;
    expect(later.find((f) => f.rule === "ASP-04")?.waived).toBe(false);
  });

  it("rejects a waiver naming a rule nobody has", () => {
    const { errors } = run(leaky, [{ rule: "ASP-99", reason: "x", expires: "2027-01-01", loc }]);
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([["unknown-rule", 40, 5]]);
  });

  it("a clean design has no findings", () => {
    const clean: TopologyInput = structuredClone(leaky);
    clean.nodes.fw = {
      kind: "firewall",
      zones: ["internet", "dmz", "lgwan", "common"],
      rules: [
        { allow: { from: "internet", to: "web", service: "https" } },
        { allow: { from: "web", to: "db", service: "https" } },
      ],
    };
    (clean.nodes.web as { holds?: string[] }).holds = [];
    expect(run(clean).findings).toEqual([]);
  });
});
