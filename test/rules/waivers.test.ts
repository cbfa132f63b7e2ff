// Waivers and the BUNRI-* rules: waived findings, BUNRI-01 (expired), BUNRI-02 (stale, inactive, or of a BUNRI rule), and fingerprints that survive unrelated edits.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { checkText, summarize } from "../../src/check.js";
import type { WaiverDef } from "../../src/model/types.js";
import { fingerprint } from "../../src/rules/engine.js";
import type { Finding } from "../../src/rules/types.js";

type Value = string | number | boolean | null | Value[] | Doc;
interface Doc {
  [key: string]: Value;
}

const TODAY = "2026-11-23";

const nodes: Doc = {
  citizen: { kind: "client", zone: "internet" },
  ips: { kind: "ips", zones: ["internet", "edge"] },
  "fw-inet": {
    kind: "firewall",
    zones: ["edge", "asp-dmz"],
    rules: [{ id: "reserve", allow: { from: "internet", to: "web-inet", service: "https" } }],
  },
  "web-inet": { kind: "web-server", zone: "asp-dmz", services: ["https"] },
  "fw-lgwan": {
    kind: "firewall",
    zones: ["lgwan", "asp-lgwan"],
    rules: [{ id: "admin", allow: { from: "city", to: "web-lgwan", service: "https" } }],
  },
  "web-lgwan": { kind: "web-server", zone: "asp-lgwan", services: ["https"] },
  "fw-db": {
    kind: "firewall",
    zones: ["asp-dmz", "asp-lgwan", "asp-db"],
    default: "allow",
    rules: [
      { id: "web-db", allow: { from: ["web-inet", "web-lgwan"], to: "db", service: "postgres" } },
      { allow: { from: "web-lgwan", to: "db", service: "ssh" }, title: "保守用 SSH" },
    ],
  },
  db: { kind: "db-server", zone: "asp-db", services: ["postgres", "ssh"], holds: ["applicants"] },
  "fw-city": {
    kind: "firewall",
    zones: ["city", "lgwan"],
    default: "allow",
    rules: [{ id: "to-asp", allow: { from: "city", to: "web-lgwan", service: "https" } }],
  },
  "staff-pc": { kind: "client", zone: "city" },
};

/**
 * A design with three baseline findings: NET-05 on fw-db and on fw-city (default: allow), and
 * NET-04 on the second rule of fw-db (no id: `fw-db#2`), which no flow uses.
 */
const BASE: Doc = {
  bunri: 1,
  name: "waiver-rules",
  title: "例外のテスト",
  zones: {
    internet: { kind: "internet" },
    edge: { kind: "transit" },
    "asp-dmz": { kind: "asp-internet", location: "JP" },
    "asp-lgwan": { kind: "asp-lgwan", location: "JP" },
    "asp-db": { kind: "db", location: "JP" },
    lgwan: { kind: "lgwan" },
    city: { kind: "lgwan-connected" },
  },
  nodes,
  data: { applicants: { classification: "personal" } },
  flows: {
    reserve: {
      from: "citizen",
      via: [{ node: "web-inet", service: "https" }],
      to: { node: "db", service: "postgres" },
      data: ["applicants"],
      encrypted: true,
    },
    admin: {
      from: "staff-pc",
      via: [{ node: "web-lgwan", service: "https" }],
      to: { node: "db", service: "postgres" },
      data: ["applicants"],
      encrypted: true,
    },
  },
};

const waiver = (rule: string, subject: string | undefined, expires: string): Doc => ({
  rule,
  ...(subject === undefined ? {} : { subject }),
  reason: `${rule} は移行完了まで許容`,
  "approved-by": "情報政策課長",
  expires,
});

function text(waivers: Doc[], doc: Doc = BASE): string {
  return stringify({ ...doc, waivers });
}

function check(source: string, policies = ["baseline"], extra: { externalWaivers?: WaiverDef[]; lang?: "en" | "ja" } = {}) {
  return checkText(source, "t.yaml", { lang: extra.lang ?? "en", today: TODAY, policies, ...extra }).result;
}

function findings(waivers: Doc[], policies = ["baseline"]): Finding[] {
  const r = check(text(waivers), policies);
  expect(r.errors).toEqual([]);
  return r.findings;
}

const brief = (f: Finding) => `${f.rule} ${f.subjects[0]}${f.variant ? ` ${f.variant}` : ""}${f.waived ? " waived" : ""}`;

/** The line (1-based) of the n-th waiver entry in the generated text. */
function waiverLine(source: string, n: number): number {
  const lines = source.split("\n");
  const start = lines.indexOf("waivers:");
  const entries = lines.flatMap((l, i) => (i > start && l.startsWith("  - ") ? [i + 1] : []));
  return entries[n] as number;
}

it("the design without waivers has exactly its three findings, none waived", () => {
  expect(findings([]).map(brief)).toEqual(["NET-05 fw-city", "NET-05 fw-db", "NET-04 fw-db#2"]);
});

describe("waivers that apply", () => {
  it.each<[string, Doc[], string[]]>([
    [
      "a waiver for one subject waives that finding only",
      [waiver("NET-05", "fw-db", "2027-03-31")],
      ["NET-05 fw-city", "NET-05 fw-db waived", "NET-04 fw-db#2"],
    ],
    [
      "a waiver without a subject waives every finding of its rule",
      [waiver("NET-05", undefined, "2027-03-31")],
      ["NET-05 fw-city waived", "NET-05 fw-db waived", "NET-04 fw-db#2"],
    ],
    [
      "a firewall rule without an id is waived by its position name",
      [waiver("NET-04", "fw-db#2", "2027-03-31")],
      ["NET-05 fw-city", "NET-05 fw-db", "NET-04 fw-db#2 waived"],
    ],
    [
      "a waiver that expires today is still in force (through the end of the day in Japan)",
      [waiver("NET-05", "fw-db", TODAY)],
      ["NET-05 fw-city", "NET-05 fw-db waived", "NET-04 fw-db#2"],
    ],
    [
      "an expired waiver next to an active one: the active one waives, the expired one is BUNRI-01",
      [waiver("NET-05", "fw-db", "2026-03-31"), waiver("NET-05", "fw-db", "2027-03-31")],
      ["BUNRI-01 fw-db", "NET-05 fw-city", "NET-05 fw-db waived", "NET-04 fw-db#2"],
    ],
  ])("%s", (_what, waivers, expected) => {
    expect(findings(waivers).map(brief)).toEqual(expected);
  });

  it("a waived finding is still reported, keeps its severity, carries the waiver, and does not count against the check", () => {
    const r = check(text([waiver("NET-05", "fw-db", "2027-03-31")]));
    const f = r.findings.find((x) => x.rule === "NET-05" && x.subjects[0] === "fw-db");
    expect(f).toMatchObject({ waived: true, severity: "medium" });
    expect(f?.waiver).toMatchObject({ reason: "NET-05 は移行完了まで許容", approvedBy: "情報政策課長", expires: "2027-03-31" });
    const summary = summarize([r]);
    expect(summary).toMatchObject({ waived: 1, medium: 1, low: 1, high: 0 });
  });

  it("with every finding waived, nothing counts", () => {
    const r = check(text([waiver("NET-05", undefined, "2027-03-31"), waiver("NET-04", undefined, "2027-03-31")]));
    expect(r.findings.every((f) => f.waived)).toBe(true);
    expect(summarize([r])).toMatchObject({ waived: 3, critical: 0, high: 0, medium: 0, low: 0, info: 0, errors: 0 });
  });

  it("waivers from a separate file apply to the design they name, and only to it", () => {
    const loc = { file: "waivers.yaml", line: 3, column: 3 };
    const mine: WaiverDef = {
      rule: "NET-05",
      subject: "fw-db",
      reason: "r",
      expires: "2027-03-31",
      topology: "waiver-rules",
      loc,
    };
    const other: WaiverDef = { ...mine, subject: "fw-city", topology: "another-design" };
    const r = check(text([]), ["baseline"], { externalWaivers: [mine, other] });
    expect(r.findings.map(brief)).toEqual(["NET-05 fw-city", "NET-05 fw-db waived", "NET-04 fw-db#2"]);
  });
});

describe("BUNRI-01: expired waivers", () => {
  it.each<[string, Doc[], string[], string[]]>([
    [
      "expired yesterday: the finding counts again",
      [waiver("NET-05", "fw-db", "2026-11-22")],
      ["fw-db"],
      ["BUNRI-01 fw-db", "NET-05 fw-city", "NET-05 fw-db", "NET-04 fw-db#2"],
    ],
    [
      "an expired waiver without a subject is named by its rule",
      [waiver("NET-05", undefined, "2026-03-31")],
      ["NET-05"],
      ["BUNRI-01 NET-05", "NET-05 fw-city", "NET-05 fw-db", "NET-04 fw-db#2"],
    ],
    [
      "an expired waiver that would match nothing is BUNRI-01, never also BUNRI-02",
      [waiver("NET-07", "mail", "2025-12-31")],
      ["mail"],
      ["BUNRI-01 mail", "NET-05 fw-city", "NET-05 fw-db", "NET-04 fw-db#2"],
    ],
  ])("%s", (_what, waivers, subjects, expected) => {
    const source = text(waivers);
    const r = check(source);
    expect(r.errors).toEqual([]);
    expect(r.findings.map(brief)).toEqual(expected);
    const [b] = r.findings.filter((f) => f.rule === "BUNRI-01");
    expect(b?.subjects).toEqual(subjects);
    expect(b?.severity).toBe("high");
    expect(b?.evidence.waiver?.expires).toBe((waivers[0] as Doc).expires);
    expect(b?.location.line).toBe(waiverLine(source, 0));
  });

  it("does not trigger for a waiver in force", () => {
    expect(findings([waiver("NET-05", "fw-db", "2027-03-31")]).filter((f) => f.rule === "BUNRI-01")).toEqual([]);
  });
});

describe("BUNRI-02: stale waivers", () => {
  it.each<[string, Doc[], string[], string[]]>([
    [
      "a waiver for a rule that finds nothing in this design",
      [waiver("NET-07", undefined, "2027-03-31")],
      ["baseline"],
      ["BUNRI-02 NET-07 no-match"],
    ],
    [
      "a waiver whose subject is not the finding's primary subject",
      [waiver("NET-05", "fw-inet", "2027-03-31")],
      ["baseline"],
      ["BUNRI-02 fw-inet no-match"],
    ],
    [
      "a waiver naming a source instead of the target of a reachability finding",
      [waiver("NET-08", "citizen", "2027-03-31")],
      ["baseline"],
      ["BUNRI-02 citizen no-match"],
    ],
    [
      "a waiver for a built-in rule that is not active (its pack is not selected)",
      [waiver("ASP-09", "db", "2027-03-31")],
      ["baseline"],
      ["BUNRI-02 db inactive"],
    ],
  ])("%s", (_what, waivers, policies, expected) => {
    const source = text(waivers);
    const r = check(source, policies);
    expect(r.errors).toEqual([]);
    const stale = r.findings.filter((f) => f.rule.startsWith("BUNRI-"));
    expect(stale.map(brief)).toEqual(expected);
    expect(stale[0]?.severity).toBe("low");
    expect(stale[0]?.location.line).toBe(waiverLine(source, 0));
    expect(stale[0]?.evidence.waiver?.rule).toBe((waivers[0] as Doc).rule);
  });

  it("the stale waiver waives nothing else", () => {
    expect(findings([waiver("NET-05", "fw-inet", "2027-03-31")]).filter((f) => f.waived)).toEqual([]);
  });

  it("does not trigger for a waiver that matches", () => {
    expect(findings([waiver("NET-04", "fw-db#2", "2027-03-31")]).filter((f) => f.rule === "BUNRI-02")).toEqual([]);
  });

  it("BUNRI findings cannot be waived: a waiver for BUNRI-02 leaves the stale waiver reported, unwaived", () => {
    const f = findings([waiver("NET-07", undefined, "2027-03-31"), waiver("BUNRI-02", "NET-07", "2027-03-31")]);
    // The stale NET-07 waiver stays reported; the waiver for BUNRI-02 is itself reported as one that waives nothing.
    expect(
      f
        .filter((x) => x.rule.startsWith("BUNRI-"))
        .map(brief)
        .sort(),
    ).toEqual(["BUNRI-02 NET-07 no-match", "BUNRI-02 NET-07 unwaivable"]);
    expect(f.filter((x) => x.waived)).toEqual([]);
  });

  it("a waiver for a BUNRI rule is BUNRI-02 saying that BUNRI findings cannot be waived (not that the rule is inactive)", () => {
    // NET-05 on fw-db with an expired waiver (BUNRI-01), and waivers that try to accept that BUNRI-01 and every BUNRI-02
    const source = text([
      waiver("NET-05", "fw-db", "2026-01-31"),
      waiver("BUNRI-01", "fw-db", "2027-03-31"),
      waiver("BUNRI-02", undefined, "2027-03-31"),
    ]);
    const messages: Record<string, string[]> = {};
    const prints: Record<string, string[]> = {};
    for (const lang of ["en", "ja"] as const) {
      const r = check(source, ["baseline"], { lang });
      expect(r.errors).toEqual([]);
      const own = r.findings.filter((f) => f.rule.startsWith("BUNRI-"));
      expect(own.map(brief)).toEqual(["BUNRI-01 fw-db", "BUNRI-02 BUNRI-02 unwaivable", "BUNRI-02 fw-db unwaivable"]);
      expect(r.findings.filter((f) => f.waived)).toEqual([]);
      const [, every, one] = own as [Finding, Finding, Finding];
      for (const f of [every, one]) {
        expect(f.severity).toBe("low");
        expect(f.evidence.waiver?.rule).toMatch(/^BUNRI-0[12]$/);
      }
      expect(one.location.line).toBe(waiverLine(source, 1));
      expect(every.location.line).toBe(waiverLine(source, 2));
      messages[lang] = [one.message, every.message];
      prints[lang] = [one.fingerprint, every.fingerprint];
    }
    expect(messages.en).toEqual([
      "BUNRI-01 findings cannot be waived; remove this waiver (fw-db).",
      "BUNRI-02 findings cannot be waived; remove this waiver (every subject).",
    ]);
    expect(messages.ja).toEqual([
      "BUNRI-01 の指摘は免除できません。この例外 (fw-db) を削除してください。",
      "BUNRI-02 の指摘は免除できません。この例外 (すべての対象) を削除してください。",
    ]);
    // fingerprinted as every BUNRI-02 finding: rule, design, subject, the waiver's rule and subject, variant; not the language
    expect(prints.ja).toEqual(prints.en);
    expect(prints.en).toEqual([
      fingerprint(["BUNRI-02", "waiver-rules", "", "fw-db", "BUNRI-01|fw-db", "unwaivable"]),
      fingerprint(["BUNRI-02", "waiver-rules", "", "BUNRI-02", "BUNRI-02|", "unwaivable"]),
    ]);
  });

  it("a waiver for an inactive rule still says the rule is not active", () => {
    const r = check(text([waiver("ASP-09", "db", "2027-03-31")]));
    expect(r.findings.find((f) => f.rule === "BUNRI-02")?.message).toBe(
      "ASP-09 is not active for this design, so the waiver (db) is not used.",
    );
  });

  it("a waiver for a rule nobody knows is an input error, not a finding", () => {
    const r = check(text([waiver("NET-99", undefined, "2027-03-31")]));
    expect(r.errors.map((e) => e.code)).toEqual(["unknown-rule"]);
    expect(r.errors[0]?.message).toContain("NET-99");
    expect(r.findings.filter((f) => f.rule.startsWith("BUNRI-"))).toEqual([]);
  });
});

describe("fingerprints", () => {
  /** rule + primary subject + variant + direction → fingerprint */
  const prints = (fs: Finding[]) =>
    Object.fromEntries(
      fs.map((f) => [`${f.rule} ${f.subjects.join(",")} ${f.variant ?? ""} ${f.direction ?? ""}`, f.fingerprint]),
    );
  const reversed = (o: Doc): Doc => Object.fromEntries(Object.entries(o).reverse());
  const ALL = ["baseline", "lgwan-asp"];
  /** Adds ASP findings too: the LGWAN-side web server reachable from the internet, and a flow hop that cannot pass. */
  const leaky: Doc = {
    ...BASE,
    nodes: {
      ...nodes,
      "fw-inet": {
        kind: "firewall",
        zones: ["edge", "asp-dmz", "asp-lgwan"],
        rules: [{ id: "reserve", allow: { from: "internet", to: ["web-inet", "web-lgwan"], service: "https" } }],
      },
    },
    flows: { ...(BASE.flows as Doc), report: { from: "staff-pc", to: { node: "db", service: "postgres" } } },
  };

  it("the leaky design has reachability, flow and firewall-rule findings to compare", () => {
    const r = check(text([], leaky), ALL);
    expect(r.errors).toEqual([]);
    expect(new Set(r.findings.map((f) => f.rule))).toEqual(new Set(["ASP-01", "ASP-03", "NET-01", "NET-04", "NET-05"]));
  });

  it("survive a reordered file", () => {
    const a = check(text([], leaky), ALL).findings;
    const doc: Doc = {
      ...leaky,
      zones: reversed(leaky.zones as Doc),
      nodes: reversed(leaky.nodes as Doc),
      flows: reversed(leaky.flows as Doc),
    };
    const b = check(text([], doc), ALL).findings;
    expect(prints(b)).toEqual(prints(a));
  });

  it("survive an unrelated node, even one that adds a source to a finding", () => {
    const a = check(text([], leaky), ALL).findings;
    const doc: Doc = {
      ...leaky,
      nodes: {
        ...(leaky.nodes as Doc),
        visitor: { kind: "client", zone: "internet" },
        printer: { kind: "device", zone: "city" },
      },
    };
    const b = check(text([], doc), ALL).findings;
    const before = a.find((f) => f.rule === "ASP-01");
    const after = b.find((f) => f.rule === "ASP-01");
    expect(before?.subjects).toEqual(["web-lgwan", "citizen", "internet/*"]);
    expect(after?.subjects).toEqual(["web-lgwan", "citizen", "internet/*", "visitor"]);
    expect(after?.fingerprint).toBe(before?.fingerprint);
    expect(new Set(b.map((f) => f.fingerprint))).toEqual(new Set(a.map((f) => f.fingerprint)));
  });

  it("survive a firewall rule without an id moving down the table", () => {
    const a = check(text([], leaky), ALL).findings.find((f) => f.rule === "NET-04");
    const fwDb = nodes["fw-db"] as Doc;
    const doc: Doc = {
      ...leaky,
      nodes: {
        ...(leaky.nodes as Doc),
        "fw-db": {
          ...fwDb,
          rules: [{ id: "no-telnet", deny: { from: "any", to: "any", service: "tcp/23" } }, ...(fwDb.rules as Doc[])],
        },
      },
    };
    const b = check(text([], doc), ALL).findings.find((f) => f.rule === "NET-04");
    expect(a?.subjects[0]).toBe("fw-db#2");
    expect(b?.subjects[0]).toBe("fw-db#3");
    expect(b?.fingerprint).toBe(a?.fingerprint);
  });

  it("do not depend on the language", () => {
    const en = check(text([], leaky), ALL, { lang: "en" }).findings;
    const ja = check(text([], leaky), ALL, { lang: "ja" }).findings;
    expect(ja.map((f) => f.message)).not.toEqual(en.map((f) => f.message));
    expect(prints(ja)).toEqual(prints(en));
  });

  it("differ between designs, subjects and flow hops", () => {
    const a = check(text([], leaky), ALL).findings;
    const b = check(text([], { ...leaky, name: "another-design" }), ALL).findings;
    const fa = new Set(a.map((f) => f.fingerprint));
    expect(fa.size).toBe(a.length);
    expect(b.filter((f) => fa.has(f.fingerprint))).toEqual([]);
  });

  it("are stable for BUNRI findings, which a reordered file does not change", () => {
    const w = [waiver("NET-07", undefined, "2027-03-31"), waiver("NET-05", "fw-db", "2026-01-31")];
    const a = check(text(w)).findings.filter((f) => f.rule.startsWith("BUNRI-"));
    const b = check(text([...w].reverse())).findings.filter((f) => f.rule.startsWith("BUNRI-"));
    expect(a.map(brief)).toEqual(["BUNRI-01 fw-db", "BUNRI-02 NET-07 no-match"]);
    expect(prints(b)).toEqual(prints(a));
  });
});
