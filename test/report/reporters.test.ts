/**
 * What golden files cannot show: SARIF valid against the SARIF 2.1.0 schema, JUnit failures
 * counted at each --fail-on, long Markdown lists folded, and every value from the input escaped
 * in every format (HTML, table pipes, backticks, formulas, ANSI escapes, control characters).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import type { PathElement } from "../../src/analyze/reach.js";
import { findRule, ruleExamples } from "../../src/catalogue.js";
import type { CheckResult, FileResult } from "../../src/check.js";
import { messageTemplate } from "../../src/i18n/index.js";
import { REPORT_MESSAGES } from "../../src/i18n/messages/report.js";
import type { Severity } from "../../src/model/types.js";
import { failing } from "../../src/report/common.js";
import { CSV_HEADER, csvField, reportCsv } from "../../src/report/csv.js";
import { loadReporter, REPORT_FORMATS } from "../../src/report/index.js";
import { reportJunit } from "../../src/report/junit.js";
import { mdCode, mdText, mermaidLabel, reportMarkdown } from "../../src/report/markdown.js";
import { artifactLocation, reportSarif } from "../../src/report/sarif.js";
import type { Finding, RuleDefinition } from "../../src/rules/types.js";
import { goldenResult } from "./golden-inputs.js";

const ROOT = join(import.meta.dirname, "../..");
const EN = { lang: "en" as const, color: false, failOn: "high" as const };
const JA = { ...EN, lang: "ja" as const };

// ---------------------------------------------------------------------------------------------
// A result with hostile text in every place a value from the input can reach a report.

const EVIL =
  '<script>alert(1)</script> | `x` ``y`` =cmd() "q" \'s\' *b* _i_ [l](javascript:alert(1)) @everyone ~~s~~ $x$ \u001b[31mred\u001b[0m\u0007\u0000 \u202eevil <img src=x onerror=alert(1)>\n```\n%%{init: {"securityLevel": "loose"}}%% end & &amp; \ud800 \\';

function evilFinding(over: Partial<Finding> = {}): Finding {
  const path: PathElement[] = [
    { type: "host", id: `h${EVIL}` },
    { type: "zone", id: `z${EVIL}` },
    { type: "device", id: `fw${EVIL}`, kind: "firewall", rule: `fw#${EVIL}`, ruleTitle: EVIL },
    { type: "zone", id: "dmz" },
    { type: "device", id: "fw2", kind: "firewall", rule: "default" },
    { type: "zone", id: `z${EVIL}` },
    { type: "host", id: "db" },
  ];
  return {
    rule: "ASP-02",
    severity: "critical",
    message: EVIL,
    subjects: [`db${EVIL}`, "internet/*"],
    evidence: { chain: { source: path[0]?.id ?? "", target: "db", service: "tcp/5432", devices: 2, path }, sources: 1 },
    fingerprint: "0123456789abcdef0123456789abcdef",
    waived: false,
    baselined: false,
    location: { file: `dir/${EVIL}.yaml`, line: 3, column: 5 },
    ...over,
  };
}

function hostile(): CheckResult {
  const file = `dir/${EVIL}.yaml`;
  const waiver = { reason: EVIL, approvedBy: EVIL, expires: "2099-12-31", location: { file, line: 9, column: 3 } };
  const files: FileResult[] = [
    {
      file,
      topology: EVIL,
      title: EVIL,
      errors: [{ file, line: 1, column: 1, code: "e", message: EVIL, hint: EVIL }],
      findings: [
        evilFinding(),
        evilFinding({ rule: "=SUM(A1)", severity: "high", fingerprint: "f".repeat(32) }),
        evilFinding({ rule: `-X${EVIL}`, severity: "low", fingerprint: "e".repeat(32), waived: true, waiver }),
        evilFinding({ severity: "medium", fingerprint: "d".repeat(32), baselined: true }),
      ],
    },
  ];
  return {
    tool: { name: "bunri", version: "0.0.0" },
    files,
    summary: { files: 1, critical: 1, high: 1, medium: 0, low: 0, info: 0, waived: 1, baselined: 1, errors: 1 },
  };
}

/** Characters no report may carry through: ESC, BEL, NUL, the RTL override, a lone surrogate. */
function controls(s: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
  return [...s.matchAll(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]|[\ud800-\udbff](?![\udc00-\udfff])/g)].map(
    (m) => m[0],
  );
}

/** The parts of SARIF the tests read. */
interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } };
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { severity: string; pack: string; tags: string[] };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  baselineState: string;
  suppressions?: Array<{ kind: string; status: string; justification: string }>;
}
interface SarifRun {
  tool: { driver: { rules: SarifRule[] } };
  invocations: Array<{ executionSuccessful: boolean; exitCode: number; toolExecutionNotifications: unknown[] }>;
  results: SarifResult[];
}
function sarifRun(result: CheckResult, options: typeof EN | typeof JA): SarifRun {
  return JSON.parse(reportSarif(result, options)).runs[0];
}

// ---------------------------------------------------------------------------------------------
// Small checkers: XML well-formedness, RFC 4180 parsing, Markdown table cells.

/** Problems of an XML document: unbalanced tags, `<` or a bare `&` in text, a quote in an attribute. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, "");
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  const text = (s: string) => {
    if (s.includes("<")) problems.push(`"<" in text: ${s.slice(0, 40)}`);
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(s)) problems.push(`bare "&" in text: ${s.slice(0, 40)}`);
  };
  for (const m of body.matchAll(tag)) {
    text(body.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    const [, close, name, attrs, selfClose] = m;
    for (const a of (attrs ?? "").matchAll(/="([^"]*)"/g))
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(a[1] ?? "")) problems.push(`bare "&" in an attribute of ${name}`);
    if (close) {
      if (stack.pop() !== name) problems.push(`unbalanced </${name}>`);
    } else if (!selfClose) stack.push(name as string);
  }
  text(body.slice(last));
  if (stack.length > 0) problems.push(`unclosed ${stack.join(", ")}`);
  return problems;
}

/** RFC 4180 records (the BOM and the last CRLF removed first). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const s = csv.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      if (field !== "") throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && s[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\r" || c === "\n") throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (quoted) throw new Error("unterminated quote");
  if (field !== "" || row.length > 0) throw new Error("the last record has no CRLF");
  return rows;
}

/** Markdown without its code spans (each fenced by a run of backticks longer than any inside). */
function withoutCode(md: string): string {
  return md.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, "");
}

/** The cells of a Markdown table row: split at pipes that no backslash escapes. */
function cells(line: string): string[] {
  return line.split(/(?<!\\)\|/).slice(1, -1);
}

// ---------------------------------------------------------------------------------------------

describe("SARIF", () => {
  let golden: CheckResult;
  beforeAll(async () => {
    golden = await goldenResult("en");
  });

  /**
   * The SARIF 2.1.0 schema (sarif-2.1.0-rtm.5, the version that https://json.schemastore.org/sarif-2.1.0.json
   * serves), vendored from the npm package @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/), © Microsoft
   * Corporation, MIT licence; CI cannot download it. It is draft-04: Ajv reads it as draft-07 once its
   * `id` is named `$id` (the only draft-04 keyword it uses).
   */
  function sarifValidator() {
    const schema = JSON.parse(readFileSync(join(ROOT, "test/fixtures/sarif-2.1.0-rtm.5.json"), "utf8"));
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    return new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
  }

  it("is valid SARIF 2.1.0 for the golden inputs, a hostile result and an empty one, in both languages", () => {
    const validate = sarifValidator();
    const empty: CheckResult = {
      tool: { name: "bunri", version: "0.1.0" },
      files: [],
      summary: { ...golden.summary, errors: 0 },
    };
    for (const result of [golden, hostile(), empty]) {
      for (const options of [EN, JA]) {
        const sarif = JSON.parse(reportSarif(result, options));
        validate(sarif);
        expect(validate.errors ?? []).toEqual([]);
      }
    }
    expect(validate({ ...JSON.parse(reportSarif(golden, EN)), version: "2.0.0" })).toBe(false); // the schema does check
  });

  it("has one rule entry per rule with findings, with the catalogue's metadata and its whole help, no link elsewhere", () => {
    const run = sarifRun(golden, EN);
    const rules = run.tool.driver.rules;
    const used = new Set(golden.files.flatMap((f) => f.findings.map((x) => x.rule)));
    expect(rules.map((r) => r.id).sort()).toEqual([...used].sort());
    for (const r of rules) {
      const rule = findRule(r.id) as RuleDefinition;
      expect(r.shortDescription.text.length).toBeGreaterThan(0);
      expect(r.fullDescription.text.length).toBeGreaterThan(0);
      expect(r.helpUri).toBeUndefined();
      for (const help of [r.help.text, r.help.markdown]) {
        expect(help).toContain(rule.why.en.trim());
        expect(help).toContain(rule.fix.en.trim());
        for (const ref of rule.references) expect(help).toContain(ref.en);
      }
      const example = ruleExamples(r.id).find((e) => e.kind === "correct");
      if (example) {
        expect(r.help.markdown).toContain(`\`\`\`yaml\n${example.text.trimEnd()}\n\`\`\``);
        expect(r.help.text).toContain(example.text.trimEnd());
      }
      expect(r.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(["error", "warning", "note"]).toContain(r.defaultConfiguration.level);
      expect(r.properties).toMatchObject({ severity: expect.any(String), pack: expect.any(String) });
      expect(r.properties.tags).toContain("security");
    }
    expect(JSON.stringify(run)).not.toContain("bunri.dev");
    const ja = sarifRun(golden, JA).tool.driver.rules;
    expect(ja.find((r) => r.id === "ASP-02")?.shortDescription.text).toMatch(/[ぁ-んァ-ン一-龥]/);
  });

  it("locates results at the YAML, maps severities to levels, suppresses waived findings, marks baselined ones", () => {
    const run = sarifRun(golden, EN);
    const findings = golden.files.flatMap((file) => file.findings.map((f) => ({ file, f })));
    expect(run.results).toHaveLength(findings.length);
    const level: Record<Severity, string> = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
    run.results.forEach((r, i) => {
      const { file, f } = findings[i] as { file: FileResult; f: Finding };
      expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(r.level).toBe(level[f.severity]);
      const loc = (r.locations[0] as SarifLocation).physicalLocation;
      expect(loc.artifactLocation).toEqual({ uri: f.location.file, uriBaseId: "%SRCROOT%" });
      expect(loc.region).toEqual({ startLine: f.location.line, startColumn: f.location.column });
      expect(r.partialFingerprints["bunri/v1"]).toBe(f.fingerprint);
      expect(r.baselineState).toBe(f.baselined ? "unchanged" : "new");
      if (f.waived) {
        const kind = f.waiver?.location.file === file.file ? "inSource" : "external";
        expect(r.suppressions).toEqual([expect.objectContaining({ kind, status: "accepted", justification: f.waiver?.reason })]);
      } else expect(r.suppressions).toBeUndefined();
    });
    const kinds = run.results.flatMap((r) => (r.suppressions ?? []).map((x) => x.kind)).sort();
    expect(kinds).toEqual(["external", "inSource"]);
    expect(run.results.filter((r) => r.baselineState === "unchanged")).toHaveLength(1);
  });

  it("reports input errors as tool execution notifications and the run as unsuccessful", () => {
    const invocation = sarifRun(golden, EN).invocations[0] as SarifRun["invocations"][number];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.exitCode).toBe(2);
    expect(invocation.toolExecutionNotifications).toEqual([
      expect.objectContaining({
        level: "error",
        descriptor: { id: "unknown-zone" },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: "test/fixtures/golden/sketch-error.yaml", uriBaseId: "%SRCROOT%" },
              region: { startLine: 38, startColumn: 40 },
            },
          },
        ],
      }),
    ]);
    const clean: CheckResult = { ...golden, files: golden.files.filter((f) => f.errors.length === 0) };
    const ok = sarifRun({ ...clean, summary: { ...clean.summary, errors: 0 } }, EN).invocations[0];
    expect(ok).toMatchObject({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it("writes file paths as relative URI references with forward slashes, absolute ones as file: URIs", () => {
    expect(artifactLocation("topologies/a.yaml")).toEqual({ uri: "topologies/a.yaml", uriBaseId: "%SRCROOT%" });
    expect(artifactLocation("./topologies\\b c.yaml")).toEqual({ uri: "topologies/b%20c.yaml", uriBaseId: "%SRCROOT%" });
    expect(artifactLocation("設計/高槻.yaml").uri).toBe("%E8%A8%AD%E8%A8%88/%E9%AB%98%E6%A7%BB.yaml");
    expect(artifactLocation("/srv/x#1.yaml")).toEqual({ uri: "file:///srv/x%231.yaml" });
    expect(artifactLocation("C:\\work\\a.yaml")).toEqual({ uri: "file:///C:/work/a.yaml" });
    const uri = sarifRun(hostile(), EN).results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
    expect(uri).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/);
  });
});

describe("JUnit XML", () => {
  let golden: CheckResult;
  beforeAll(async () => {
    golden = await goldenResult("en");
  });

  const count = (xml: string, attr: string) => Number(new RegExp(`<testsuites [^>]*${attr}="(\\d+)"`).exec(xml)?.[1]);

  it("lists every rule that ran as a test case, failing those with findings at or above --fail-on, and one per file with input errors", () => {
    let previous = Number.POSITIVE_INFINITY;
    for (const failOn of ["info", "low", "medium", "high", "critical", "none"] as const) {
      const xml = reportJunit(golden, { ...EN, failOn });
      let expected = 0;
      let tests = 0;
      for (const file of golden.files) {
        const rules = new Set(file.findings.map((f) => f.rule));
        tests += 1 + new Set([...rules, ...(file.activeRules ?? [])]).size;
        if (file.errors.length > 0) expected++;
        for (const rule of rules) if (file.findings.some((f) => f.rule === rule && failing(f, failOn))) expected++;
      }
      expect(count(xml, "failures"), failOn).toBe(expected);
      expect(count(xml, "tests"), failOn).toBe(tests);
      expect(count(xml, "failures")).toBeLessThanOrEqual(previous);
      expect((xml.match(/<failure /g) ?? []).length).toBe(expected);
      previous = count(xml, "failures");
    }
    expect(count(reportJunit(golden, { ...EN, failOn: "none" }), "failures")).toBe(1); // only the input error
  });

  it("keeps findings below --fail-on, waived and baselined ones out of the failures, in <system-out>", () => {
    const xml = reportJunit(golden, { ...EN, failOn: "high" });
    const waived = golden.files.flatMap((f) => f.findings).filter((f) => f.waived);
    for (const f of waived) {
      const at = xml.indexOf(f.message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
      expect(at).toBeGreaterThan(0);
      expect(xml.lastIndexOf("<system-out>", at)).toBeGreaterThan(xml.lastIndexOf("<failure", at));
    }
    expect(xml).toContain('name="bunri check"');
    expect(xml).toMatch(
      /<failure message="1 input error\(s\)" type="input-error">test\/fixtures\/golden\/sketch-error.yaml:38:40: /,
    );
    expect(xmlProblems(xml)).toEqual([]);
    expect(xmlProblems(reportJunit(golden, JA))).toEqual([]);
  });
});

describe("Markdown", () => {
  it("folds a long list of findings into <details> and says how many more", () => {
    const base = hostile();
    const many = Array.from({ length: 25 }, (_, i) =>
      evilFinding({ message: `finding ${i}`, subjects: [`h${i}`], fingerprint: i.toString(16).padStart(32, "0") }),
    );
    const result: CheckResult = { ...base, files: [{ file: "a.yaml", errors: [], findings: many }] };
    const out = reportMarkdown(result, EN);
    expect(out).toContain("### critical (25)");
    expect(out).toContain("<details><summary>15 more</summary>");
    expect(out.indexOf("finding 9")).toBeLessThan(out.indexOf("<details><summary>15 more"));
    expect(out.indexOf("finding 10")).toBeGreaterThan(out.indexOf("<details><summary>15 more"));
    expect(reportMarkdown(result, JA)).toContain("<details><summary>ほか 15 件</summary>");
  });

  it("says PASS or FAIL by --fail-on, with the counts, in the reader's language", async () => {
    const golden = await goldenResult("ja");
    const clean: CheckResult = {
      tool: golden.tool,
      files: [{ file: "a.yaml", errors: [], findings: [] }],
      summary: { files: 1, critical: 0, high: 0, medium: 0, low: 0, info: 0, waived: 0, baselined: 0, errors: 0 },
    };
    expect(reportMarkdown(clean, EN)).toMatch(/^## bunri: ✅ PASS\n/);
    expect(reportMarkdown(clean, JA)).toContain("指摘はありません。");
    const ja = reportMarkdown(golden, JA);
    expect(ja).toMatch(/^## bunri: ❌ 不合格\n/);
    expect(ja).toContain("| 重大 | ");
    expect(ja).toContain("インターネットから DB");
  });
});

describe("escaping of untrusted values", () => {
  it("Markdown: no HTML, tables keep their three cells, code spans and the diagram stay closed", () => {
    for (const options of [EN, JA]) {
      const out = reportMarkdown(hostile(), options);
      // outside code spans (shown as they are), only the report's own tags
      expect(withoutCode(out)).not.toMatch(/<(?!\/?(?:details|summary|br|code)>)[a-z!/?]/i);
      expect(controls(out)).toEqual([]);
      expect(out.slice(0, out.indexOf("```mermaid"))).not.toMatch(/@everyone/); // a word joiner keeps it from mentioning
      const rows = out.split("\n").filter((l) => l.startsWith("| **"));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(cells(row), row).toHaveLength(3);
      const fences = out.split("\n").filter((l) => l.startsWith("```"));
      expect(fences.length % 2).toBe(0);
      const mermaid = out.slice(out.indexOf("```mermaid") + 11, out.lastIndexOf("```"));
      const label = '"[^"<>`%&|]*"';
      const grammar = new RegExp(
        [
          "flowchart LR",
          `  subgraph z\\d+\\[${label}\\]`,
          `    n\\d+\\[${label}\\]`,
          `  n\\d+(\\{\\{${label}\\}\\}|\\[${label}\\])`,
          "  end",
          `  [nz]\\d+ -->(\\|${label}\\|)? [nz]\\d+`,
        ]
          .map((p) => `^${p}$`)
          .join("|"),
      );
      for (const line of mermaid.trim().split("\n")) expect(line, line).toMatch(grammar);
    }
  });

  it("Markdown helpers: text, code spans and Mermaid labels", () => {
    expect(mdText("a|b*c_d`e<f>g&h@i")).toBe("a\\|b\\*c\\_d\\`e&lt;f&gt;g&amp;h@\u2060i");
    expect(mdCode("a`b", false)).toBe("``a`b``");
    expect(mdCode("`x`", true)).toBe("`` `x` ``");
    expect(mdCode("a|b", true)).toBe("`a\\|b`");
    expect(mermaidLabel('a"b#c%d<e>`f|g\nh')).toBe('"a#34;b#35;c#37;d#60;e#62;#96;f#124;g h"');
  });

  it("JUnit: well-formed XML 1.0, everything escaped, no control characters or lone surrogates", () => {
    for (const options of [EN, JA]) {
      const out = reportJunit(hostile(), options);
      expect(xmlProblems(out)).toEqual([]);
      expect(out).not.toMatch(/<script|<img/);
      expect(out).toContain("&lt;script&gt;");
      expect(controls(out)).toEqual([]);
      expect(out).toMatch(/<testsuites name="bunri" tests="4" failures="3" errors="0">/);
    }
  });

  it("CSV: a BOM, CRLF, RFC 4180 quoting, formulas neutralised, no control characters", () => {
    const out = reportCsv(hostile(), EN);
    expect(out.startsWith("\uFEFFfile,topology,rule,severity,")).toBe(true);
    expect(controls(out)).toEqual([]);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length);
    expect(rows.map((r) => r[2])).toEqual(["rule", "ASP-02", "'=SUM(A1)", expect.stringMatching(/^'-X</), "ASP-02"]);
    expect(rows[1]?.[4]).toContain("<script>"); // kept as text: a spreadsheet does not run HTML
    for (const row of rows.slice(1)) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[3]?.slice(8, 10)).toEqual(["true", "false"]);
    expect(csvField("=1+1")).toBe("'=1+1");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(1)")).toBe("'@SUM(1)");
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField("\r=1")).toBe('"\'\n=1"'); // a lone CR is a line break
    expect(csvField("\u0007=1")).toBe("'=1");
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvField(-1)).toBe("-1");
    expect(csvField("高槻市")).toBe("高槻市");
  });

  it("SARIF: valid JSON that keeps the values as data", () => {
    const run = sarifRun(hostile(), EN);
    expect(run.results[0]?.message.text.startsWith(EVIL)).toBe(true);
    expect(run.results[2]?.suppressions?.[0]).toMatchObject({ kind: "inSource", justification: EVIL });
    expect(run.tool.driver.rules.map((r) => r.id)).toContain("=SUM(A1)");
  });

  it("every format renders the hostile result twice to the same bytes", async () => {
    for (const format of REPORT_FORMATS) {
      const reporter = await loadReporter(format);
      for (const options of [EN, JA]) {
        const a = reporter(hostile(), options);
        const b = reporter(hostile(), options);
        expect(a === b, format).toBe(true);
      }
    }
  });
});

describe("the report messages", () => {
  it("use the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();
    for (const id of Object.keys(REPORT_MESSAGES))
      expect(names(messageTemplate(id, "ja")), id).toEqual(names(messageTemplate(id, "en")));
  });
});
