/** Argument parsing on node:util's parseArgs, with usage errors that name the bad option. */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { CheckResult } from "../src/check.js";
import { t } from "../src/i18n/index.js";
import { type Lang, SEVERITIES, type Severity } from "../src/model/types.js";
import { loadReporter, REPORT_FORMATS } from "../src/report/index.js";
import type { ReportOptions } from "../src/report/types.js";
import type { Io } from "./main.js";

export class UsageError extends Error {}

export type OptionSpec = Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }>;

export function parse(argv: string[], options: OptionSpec): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, unknown>, positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0] ?? "invalid arguments");
  }
}

/** `--fail-on LEVEL`, default `high`. */
export function failOnOption(values: Record<string, unknown>, lang: Lang): Severity | "none" {
  const failOn = (values["fail-on"] as string | undefined) ?? "high";
  if (failOn !== "none" && !(SEVERITIES as readonly string[]).includes(failOn))
    throw new UsageError(t(lang, "cli.bad-fail-on", { value: failOn }));
  return failOn as Severity | "none";
}

/** `--today YYYY-MM-DD`, when given. */
export function todayOption(values: Record<string, unknown>, lang: Lang): string | undefined {
  const today = values.today as string | undefined;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(t(lang, "cli.bad-today", { value: today }));
  return today;
}

/** `--lang ja|en` is read before the command runs (main.ts); here it is only checked. */
export function checkLangOption(values: Record<string, unknown>, lang: Lang): void {
  if (values.lang !== undefined && values.lang !== "ja" && values.lang !== "en")
    throw new UsageError(t(lang, "cli.bad-lang", { value: String(values.lang) }));
}

export interface ReportOutput {
  format: string;
  file?: string;
}

/** `--format F` or `--format F=FILE`, repeatable; default `text`. */
export function reportOutputs(values: Record<string, unknown>, lang: Lang): ReportOutput[] {
  const outputs: ReportOutput[] = [];
  for (const f of (values.format as string[] | undefined) ?? ["text"]) {
    const eq = f.indexOf("=");
    const format = eq < 0 ? f : f.slice(0, eq);
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: REPORT_FORMATS.join(", ") }));
    outputs.push(eq < 0 ? { format } : { format, file: f.slice(eq + 1) });
  }
  return outputs;
}

/**
 * Renders the result in each asked format: to its `=FILE`, else to `-o FILE`, else to standard
 * output (the first such format only). Colours only on a terminal, never in a file.
 */
export async function writeReports(
  result: CheckResult,
  outputs: readonly ReportOutput[],
  values: Record<string, unknown>,
  io: Io,
  options: Omit<ReportOptions, "color"> & {
    /** the language of the HTML report, when it differs from the others' */
    htmlLang?: Lang;
    /** the result in that language (its findings' messages) */
    htmlResult?: CheckResult;
  },
): Promise<void> {
  const tty = Boolean(io.stdout.isTTY);
  const color = !values["no-color"] && io.env.NO_COLOR === undefined && (tty || Boolean(values.color));
  let wroteStdout = false;
  for (const out of outputs) {
    const reporter = await loadReporter(out.format);
    const file = out.file ?? (values.output as string | undefined);
    const lang = out.format === "html" && options.htmlLang ? options.htmlLang : options.lang;
    const text = reporter(out.format === "html" && options.htmlResult ? options.htmlResult : result, {
      ...options,
      lang,
      color: file ? false : color,
    });
    if (file) writeFileSync(file, text);
    else if (!wroteStdout) {
      io.stdout.write(text);
      wroteStdout = true;
    }
  }
}

/** A CI job (`CI` or `CONTINUOUS_INTEGRATION` set, not to `0` or `false`): the test Ink itself uses. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  return ["CI", "CONTINUOUS_INTEGRATION"].some((key) => key in env && env[key] !== "0" && env[key] !== "false");
}
