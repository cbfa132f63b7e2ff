/** `bunri check PATH…`: check designs, write the reports, set the exit status. */
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
import { oneLine } from "../../src/report/sanitize.js";
import {
  checkLangOption,
  failOnOption,
  parse,
  policyNotice,
  reportOutputs,
  todayOption,
  UsageError,
  writeReports,
} from "../args.js";
import { WriteError, writeFileAtomic } from "../io.js";
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
  "designs-only": { type: "boolean" },
} as const;

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, lang);
  if (positionals.length === 0) throw new UsageError(t(lang, "cli.no-paths"));
  const failOn = failOnOption(values, lang);
  const today = todayOption(values, lang);
  checkLangOption(values, lang);
  const outputs = reportOutputs(values, lang);
  const options: Parameters<typeof check>[1] = { lang, cwd: io.cwd, env: io.env };
  if (today) options.today = today;
  if (values.policy) options.policies = values.policy as string[];
  policyNotice(values, io, lang);
  if (values.waivers) options.waivers = values.waivers as string;
  if (values["designs-only"]) options.designsOnly = true;
  options.onWarning = (w) =>
    io.stderr.write(`${oneLine(`${w.file}:${w.line}:${w.column}: ${w.message}${w.hint ? ` (${w.hint})` : ""}`)}\n`);
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
      try {
        writeFileAtomic(writeBaseline, serializeBaseline(baseline), lang, io.cwd);
        io.stderr.write(`${oneLine(t(lang, "baseline.written", { file: writeBaseline, count: baseline.findings.length }))}\n`);
        // what was just recorded is known from now on: the reports say so, as the exit status does
        result = applyBaseline(
          result,
          baseline.findings.map((e) => e.fingerprint),
        ).result;
        code = exitCode(result, failOn);
      } catch (error) {
        if (!(error instanceof WriteError)) throw error;
        io.stderr.write(`bunri: ${oneLine(error.message)}\n`);
        code = 2;
      }
    }
  }
  const htmlResult = wantsDiagrams && htmlLang !== lang ? inLanguage(result, htmlLang) : undefined;
  let html: Awaited<ReturnType<typeof import("../../src/graph/index.js").htmlReportInputs>> | undefined;
  let reports = outputs;
  if (wantsDiagrams) {
    try {
      html = await (await import("../../src/graph/index.js")).htmlReportInputs(checkedDesigns, htmlLang);
    } catch (error) {
      // the HTML report's diagrams failing never suppresses the other formats
      io.stderr.write(
        `bunri: ${oneLine(t(lang, "cli.report-failed", { format: "html", reason: (error as Error)?.message ?? String(error) }))}\n`,
      );
      reports = outputs.filter((o) => o.format !== "html");
      code = 2;
    }
  }
  const written = await writeReports(result, reports, values, io, {
    lang,
    failOn,
    today: today ?? todayInJapan(io.env),
    ...(html ? { ...html, htmlLang, ...(htmlResult ? { htmlResult } : {}) } : {}),
  });
  return written ? code : 2;
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
      const files = [...out.files, { file: baselineFile, role: "baseline" as const, errors: read.errors, findings: [] }];
      out = { ...out, files, summary: summarize(files) };
    }
  }
  const base = values.base as string | undefined;
  if (base !== undefined) {
    try {
      const known = fingerprintsAtRevision(out, base, options ?? {});
      // the warnings name the designs' files: on one line, no controls
      for (const w of known.warnings) io.stderr.write(`${oneLine(w)}\n`);
      out = applyBaseline(out, known.fingerprints).result;
    } catch (error) {
      if (error instanceof BaseError) throw new UsageError(error.message);
      throw error;
    }
  }
  return out;
}
