/**
 * The inputs of the golden-file tests, test/fixtures/golden/inputs.json (scripts/golden.mjs reads
 * the same file), and the result they give, computed as scripts/golden.mjs computes it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyBaseline } from "../../src/baseline.js";
import { type CheckResult, check } from "../../src/check.js";
import type { Lang, Severity } from "../../src/model/types.js";

export const ROOT = join(import.meta.dirname, "../..");

export interface GoldenInputs {
  paths: string[];
  waivers: string;
  today: string;
  failOn: Severity;
  /** findings marked baselined, by file and rule */
  baseline: Array<{ file: string; rule: string }>;
  /** [format, extension of report.<lang>.<extension>] */
  formats: Array<[string, string]>;
  langs: Lang[];
}

export const INPUTS: GoldenInputs = JSON.parse(readFileSync(join(ROOT, "test/fixtures/golden/inputs.json"), "utf8"));

export async function goldenResult(lang: Lang): Promise<CheckResult> {
  const checked = await check(INPUTS.paths, { lang, today: INPUTS.today, waivers: INPUTS.waivers, cwd: ROOT });
  const known = checked.files.flatMap((file) =>
    file.findings.filter((f) => INPUTS.baseline.some((b) => b.file === file.file && b.rule === f.rule)).map((f) => f.fingerprint),
  );
  return applyBaseline(checked, known).result;
}

export function goldenFile(lang: Lang, ext: string): string {
  return readFileSync(join(ROOT, "test/golden", `report.${lang}.${ext}`), "utf8");
}
