/**
 * Every reporter, in both languages, against its golden file in test/golden/ (`npm run golden`
 * rewrites them after a deliberate change), and `bunri format` giving back the same reports from
 * the saved JSON. The inputs are test/fixtures/golden/inputs.json, which scripts/golden.mjs reads
 * too: the example designs, the Takatsuki sketch broken three ways, a broken reference design.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/check.js";
import type { Lang } from "../../src/model/types.js";
import { loadReporter } from "../../src/report/index.js";
import { parseResultText } from "../../src/report/read.js";
import { goldenFile as golden, goldenResult, INPUTS } from "./golden-inputs.js";

const CASES = INPUTS.langs.flatMap((lang) => INPUTS.formats.map(([format, ext]) => ({ lang, format, ext })));

describe("golden files (npm run golden rewrites them)", () => {
  const results = new Map<Lang, CheckResult>();
  beforeAll(async () => {
    for (const lang of INPUTS.langs) results.set(lang, await goldenResult(lang));
  });

  it("the inputs cover what the reports must show", () => {
    const result = results.get("en") as CheckResult;
    const findings = result.files.flatMap((f) => f.findings);
    expect(result.summary.errors).toBeGreaterThan(0);
    expect(findings.some((f) => f.rule === "ASP-02")).toBe(true); // the internet reaches the DB
    expect(findings.some((f) => f.waived && f.waiver?.location.file.endsWith("sketch-waived.yaml"))).toBe(true);
    expect(findings.some((f) => f.waived && f.waiver?.location.file === INPUTS.waivers)).toBe(true);
    expect(findings.some((f) => f.baselined)).toBe(true);
    expect(findings.some((f) => f.evidence.contagion)).toBe(true);
    expect(findings.some((f) => f.rule === "BUNRI-01")).toBe(true);
  });

  it.each(CASES)("report.$lang.$ext", async ({ lang, format, ext }) => {
    const reporter = await loadReporter(format);
    const out = reporter(results.get(lang) as CheckResult, { lang, color: false, failOn: INPUTS.failOn });
    expect(out).toBe(golden(lang, ext));
  });

  it.each(CASES)("`bunri format` re-renders report.$lang.json as report.$lang.$ext", async ({ lang, format, ext }) => {
    const parsed = parseResultText(golden(lang, "json"), `report.${lang}.json`, lang);
    expect(parsed.errors).toEqual([]);
    const reporter = await loadReporter(format);
    expect(reporter(parsed.result as CheckResult, { lang, color: false, failOn: INPUTS.failOn })).toBe(golden(lang, ext));
  });

  it("reports are deterministic: the same input gives the same bytes", async () => {
    const again = await goldenResult("ja");
    for (const [format] of INPUTS.formats) {
      const reporter = await loadReporter(format);
      const options = { lang: "ja" as const, color: false, failOn: INPUTS.failOn };
      const a = reporter(results.get("ja") as CheckResult, options);
      const b = reporter(again, options);
      expect(a === b, format).toBe(true);
      expect(reporter(again, options) === b, format).toBe(true);
    }
  });
});
