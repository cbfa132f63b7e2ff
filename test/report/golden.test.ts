/** Every reporter against its golden file (regenerate with `npm run golden`), plus what goldens cannot show. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { type CheckResult, check } from "../../src/check.js";
import { reportCsv } from "../../src/report/csv.js";
import { loadReporter } from "../../src/report/index.js";
import { reportJunit } from "../../src/report/junit.js";
import { reportMarkdown } from "../../src/report/markdown.js";
import { parseResultText } from "../../src/report/read.js";
import { reportSarif } from "../../src/report/sarif.js";
import type { Finding } from "../../src/rules/types.js";
import { GOLDEN_OUTPUTS, GOLDEN_PATHS, GOLDEN_TODAY, GOLDEN_WAIVERS } from "./golden-inputs.js";

const ROOT = join(import.meta.dirname, "../..");

async function golden(lang: "ja" | "en"): Promise<CheckResult> {
  return check(GOLDEN_PATHS, { lang, today: GOLDEN_TODAY, waivers: GOLDEN_WAIVERS, cwd: ROOT });
}

describe("golden files (npm run golden rewrites them)", () => {
  it.each(GOLDEN_OUTPUTS)("%s", async (name, format, lang) => {
    const reporter = await loadReporter(format);
    const out = reporter(await golden(lang), { lang, color: false, failOn: "high" });
    expect(out).toBe(readFileSync(join(ROOT, "test/golden", name), "utf8"));
  });

  it("`bunri format` gives back the same reports from the saved JSON", async () => {
    const json = readFileSync(join(ROOT, "test/golden/report.json"), "utf8");
    const parsed = parseResultText(json, "report.json", "en");
    expect(parsed.errors).toEqual([]);
    for (const [name, format, lang] of GOLDEN_OUTPUTS.filter(([, , l]) => l === "en")) {
      const reporter = await loadReporter(format);
      expect(reporter(parsed.result as CheckResult, { lang, color: false, failOn: "high" }), name).toBe(
        readFileSync(join(ROOT, "test/golden", name), "utf8"),
      );
    }
  });
});

describe("SARIF", () => {
  it("is valid SARIF 2.1.0 (the OASIS schema, vendored in test/fixtures)", async () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "test/fixtures/sarif-2.1.0-rtm.5.json"), "utf8"));
    // draft-04 → draft-07: the only difference this schema uses is `id`
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const sarif = JSON.parse(reportSarif(await golden("en"), { lang: "en", color: false, failOn: "high" }));
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate({ ...sarif, version: "2.0.0" })).toBe(false); // the schema does check
  });

  it("locates results at the YAML, suppresses waived findings with the reason, fingerprints stably", async () => {
    const sarif = JSON.parse(reportSarif(await golden("en"), { lang: "en", color: false, failOn: "high" }));
    const run = sarif.runs[0];
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...ids].sort());
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).not.toMatch(/^\//);
      expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(r.partialFingerprints["bunri/v1"]).toMatch(/^[0-9a-f]{32}$/);
    }
    const waived = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(waived).toHaveLength(1);
    expect(waived[0].suppressions[0]).toMatchObject({ kind: "external", status: "accepted" });
    expect(waived[0].suppressions[0].justification).toContain("ルール表の整理は次回の更改で行う");
  });
});

/** A result with hostile text in every place a value from the input can appear. */
function hostile(): CheckResult {
  const evil = `<script>alert(1)</script> | \`x\` =cmd() "q" \u001b[31mred\u001b[0m\u0007 <img src=x onerror=alert(1)>`;
  const f: Finding = {
    rule: "ASP-02",
    severity: "critical",
    message: evil,
    subjects: ["db", "internet/*"],
    evidence: {
      chain: {
        source: "internet/*",
        target: "db",
        service: "tcp/443",
        devices: 1,
        path: [
          { type: "host", id: "internet/*" },
          { type: "zone", id: "internet" },
          { type: "device", id: "fw", kind: "firewall", rule: "fw#1", ruleTitle: evil },
          { type: "zone", id: "dmz" },
          { type: "host", id: "db" },
        ],
      },
      sources: 1,
    },
    fingerprint: "0123456789abcdef0123456789abcdef",
    waived: false,
    baselined: false,
    location: { file: "x.yaml", line: 3, column: 5 },
  };
  return {
    tool: { name: "bunri", version: "0.0.0" },
    files: [
      {
        file: "x.yaml",
        topology: "x",
        title: evil,
        errors: [{ file: "x.yaml", line: 1, column: 1, code: "e", message: evil }],
        findings: [f, { ...f, rule: "=SUM(A1)", fingerprint: "f".repeat(32) }],
      },
    ],
    summary: { files: 1, critical: 2, high: 0, medium: 0, low: 0, info: 0, waived: 0, baselined: 0, errors: 1 },
  };
}

function hasControls(s: string): boolean {
  return s.includes("\u001b") || s.includes("\u0007");
}

describe("escaping of untrusted values", () => {
  const options = { lang: "en" as const, color: false, failOn: "high" as const };

  it("Markdown: no raw HTML, no broken table, no control characters", () => {
    const out = reportMarkdown(hostile(), options);
    expect(out).not.toMatch(/<script|<img/);
    expect(hasControls(out)).toBe(false);
    expect(out).toContain("&lt;script&gt;");
    for (const line of out.split("\n").filter((l) => l.startsWith("| **"))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(5); // three cells between the pipes
    }
  });

  it("JUnit: well-formed XML with everything escaped", () => {
    const out = reportJunit(hostile(), options);
    expect(out).not.toMatch(/<script|<img/);
    expect(hasControls(out)).toBe(false);
    expect(out).toContain("&lt;script&gt;");
    expect(out).toMatch(/<testsuites name="bunri" tests="3" failures="2" errors="1">/);
  });

  it("JUnit counts as failures only what is at or above --fail-on", async () => {
    const result = await golden("en");
    const strict = reportJunit(result, { ...options, failOn: "low" });
    const lax = reportJunit(result, { ...options, failOn: "critical" });
    const failures = (s: string) => Number(/<testsuites [^>]*failures="(\d+)"/.exec(s)?.[1]);
    expect(failures(strict)).toBeGreaterThan(failures(lax));
    expect(failures(reportJunit(result, { ...options, failOn: "none" }))).toBe(0);
  });

  it("CSV: a BOM, CRLF, quoted fields, formulas neutralised", () => {
    const out = reportCsv(hostile(), options);
    expect(out.startsWith("\uFEFFfile,topology,rule,")).toBe(true);
    expect(out.split("\r\n")).toHaveLength(4);
    expect(out).toContain(",'=SUM(A1),");
    expect(hasControls(out)).toBe(false);
  });

  it("reports are deterministic: the same input gives the same bytes", async () => {
    for (const [, format, lang] of GOLDEN_OUTPUTS) {
      const reporter = await loadReporter(format);
      const a = reporter(await golden(lang), { lang, color: false, failOn: "high" });
      const b = reporter(await golden(lang), { lang, color: false, failOn: "high" });
      expect(a === b, format).toBe(true);
    }
  });
});
