/** `bunri check PATH…`: check designs, write the reports, set the exit status. */
import { writeFileSync } from "node:fs";
import {
  applyBaseline,
  BaseError,
  fingerprintsAtRevision,
  makeBaseline,
  readBaselineFile,
  serializeBaseline,
} from "../../src/baseline.js";
import { type CheckedDesign, type CheckResult, check, exitCode, summarize, todayInJapan } from "../../src/check.js";
import { t } from "../../src/i18n/index.js";
import type { Lang } from "../../src/model/types.js";
import { checkLangOption, failOnOption, parse, reportOutputs, todayOption, UsageError, writeReports } from "../args.js";
import type { Io } from "../main.js";

const OPTIONS = {
  format: { type: "string", multiple: true },
  output: { type: "string", short: "o" },
  "fail-on": { type: "string" },
  policy: { type: "string", multiple: true },
  waivers: { type: "string" },
  baseline: { type: "string" },
  "write-baseline": { type: "string" },
  base: { type: "string" },
  today: { type: "string" },
  lang: { type: "string" },
  "no-color": { type: "boolean" },
  color: { type: "boolean" },
} as const;

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (positionals.length === 0) throw new UsageError(t(lang, "cli.no-paths"));
  const failOn = failOnOption(values, lang);
  const today = todayOption(values, lang);
  checkLangOption(values, lang);
  const outputs = reportOutputs(values, lang);
  const options: Parameters<typeof check>[1] = { lang, cwd: io.cwd, env: io.env };
  if (today) options.today = today;
  if (values.policy) options.policies = values.policy as string[];
  if (values.waivers) options.waivers = values.waivers as string;
  const wantsDiagrams = outputs.some((o) => o.format === "html");
  const checkedDesigns: CheckedDesign[] = [];
  if (wantsDiagrams) options.onChecked = (c) => checkedDesigns.push(c);
  // The council report is Japanese unless --lang says otherwise: a CI runner's locale is no
  // reader's choice (docs/interpretations.md). Its messages are written in that language too.
  const htmlLang: Lang = values.lang !== undefined ? lang : "ja";
  if (wantsDiagrams && htmlLang !== lang) options.alsoLang = htmlLang;
  let result = await check(positionals, options);
  result = applyKnown(result, values, options, io, lang);
  let code = exitCode(result, failOn);
  const writeBaseline = values["write-baseline"] as string | undefined;
  if (writeBaseline !== undefined) {
    if (result.summary.errors > 0) io.stderr.write(`${t(lang, "baseline.not-written", { file: writeBaseline })}\n`);
    else {
      const baseline = makeBaseline(result);
      writeFileSync(writeBaseline, serializeBaseline(baseline));
      io.stderr.write(`${t(lang, "baseline.written", { file: writeBaseline, count: baseline.findings.length })}\n`);
      code = 0;
    }
  }
  const htmlResult = wantsDiagrams && htmlLang !== lang ? inLanguage(result, htmlLang) : undefined;
  const html = wantsDiagrams
    ? await (await import("../../src/graph/index.js")).htmlReportInputs(checkedDesigns, htmlLang)
    : undefined;
  await writeReports(result, outputs, values, io, {
    lang,
    failOn,
    today: today ?? todayInJapan(io.env),
    ...(html ? { ...html, htmlLang, ...(htmlResult ? { htmlResult } : {}) } : {}),
  });
  return code;
}

/** `result` with each finding's message in `lang`, where the check wrote it (`CheckOptions.alsoLang`). */
function inLanguage(result: CheckResult, lang: Lang): CheckResult {
  const files = result.files.map((file) => ({
    ...file,
    findings: file.findings.map((f) => ({ ...f, message: f.messageIn?.[lang] ?? f.message })),
  }));
  return { ...result, files };
}

/** `--baseline FILE` and `--base REV`: findings already known are marked baselined. */
function applyKnown(
  result: CheckResult,
  values: Record<string, unknown>,
  options: Parameters<typeof check>[1],
  io: Io,
  lang: Lang,
): CheckResult {
  let out = result;
  const baselineFile = values.baseline as string | undefined;
  if (baselineFile !== undefined) {
    const read = readBaselineFile(baselineFile, lang);
    if (read.baseline) {
      const applied = applyBaseline(
        out,
        read.baseline.findings.map((e) => e.fingerprint),
      );
      out = applied.result;
      if (applied.unmatched > 0) io.stderr.write(`${t(lang, "baseline.unmatched", { count: applied.unmatched })}\n`);
    } else {
      const files = [...out.files, { file: baselineFile, errors: read.errors, findings: [] }];
      out = { ...out, files, summary: summarize(files) };
    }
  }
  const base = values.base as string | undefined;
  if (base !== undefined) {
    try {
      const known = fingerprintsAtRevision(out, base, options ?? {});
      for (const w of known.warnings) io.stderr.write(`${w}\n`);
      out = applyBaseline(out, known.fingerprints).result;
    } catch (error) {
      if (error instanceof BaseError) throw new UsageError(error.message);
      throw error;
    }
  }
  return out;
}
