/** Argument parsing on node:util's parseArgs, with usage errors that name the bad option. */
import { parseArgs } from "node:util";
import type { CheckResult } from "../src/check.js";
import { t } from "../src/i18n/index.js";
import { type Lang, SEVERITIES, type Severity } from "../src/model/types.js";
import { loadReporter, REPORT_FORMATS } from "../src/report/index.js";
import { oneLine } from "../src/report/sanitize.js";
import type { ReportOptions } from "../src/report/types.js";
import { rootRelativePaths } from "../src/util/repo.js";
import { didYouMean } from "../src/util/suggest.js";
import { WriteError, writeFileAtomic } from "./io.js";
import type { Io } from "./main.js";

export class UsageError extends Error {}

/** `--help` or `-h` anywhere before `--`: the command prints its help instead of running. */
export class HelpRequest extends Error {}

export type OptionSpec = Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }>;

/**
 * The arguments against a command's options. Node's parser reads the tokens; the checks and their
 * messages are bunri's own (localised, with a suggestion for a mistyped option), never Node's text.
 * `--help`/`-h` is every command's.
 */
export function parse(
  argv: string[],
  options: OptionSpec,
  lang: Lang,
): { values: Record<string, unknown>; positionals: string[] } {
  const spec: OptionSpec = { ...options, help: { type: "boolean", short: "h" } };
  const { tokens } = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, unknown> = {};
  const positionals: string[] = [];
  let help = false;
  for (const token of tokens) {
    if (token.kind === "positional") positionals.push(token.value);
    if (token.kind !== "option") continue;
    // Node has already turned a known short option (-o) into its long name
    const name = Object.hasOwn(spec, token.name) ? token.name : undefined;
    const option = name === undefined ? undefined : spec[name];
    if (name === undefined || option === undefined) {
      const known = Object.keys(spec).map((n) => `--${n}`);
      const near = token.rawName.startsWith("--") ? didYouMean(token.rawName, known) : undefined;
      throw new UsageError(
        t(lang, near ? "cli.unknown-option-suggest" : "cli.unknown-option", { option: token.rawName, suggestion: near ?? "" }),
      );
    }
    if (option.type === "boolean") {
      if (token.inlineValue) throw new UsageError(t(lang, "cli.option-no-value", { option: `--${name}` }));
      if (name === "help") help = true;
      else values[name] = true;
      continue;
    }
    // `--from --to x`: the next option is not the value of the one before (Node's strict parser agrees)
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith("-") && value !== "-"))
      throw new UsageError(t(lang, "cli.option-needs-value", { option: `--${name}` }));
    if (option.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  if (help) throw new HelpRequest();
  return { values, positionals };
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

/**
 * `--format F` or `--format F=FILE`, repeatable; default `text`. Formats without `=FILE` go to
 * `-o FILE` or standard output: only one can, or the second would be lost or overwrite the first.
 */
export function reportOutputs(values: Record<string, unknown>, lang: Lang): ReportOutput[] {
  const outputs: ReportOutput[] = [];
  for (const f of (values.format as string[] | undefined) ?? ["text"]) {
    const eq = f.indexOf("=");
    const format = eq < 0 ? f : f.slice(0, eq);
    if (!REPORT_FORMATS.includes(format)) {
      const near = didYouMean(format, REPORT_FORMATS);
      throw new UsageError(
        t(lang, "cli.bad-format", { value: format, formats: REPORT_FORMATS.join(", ") }) +
          (near ? ` (${t(lang, "load.did-you-mean", { name: near })})` : ""),
      );
    }
    if (eq >= 0 && f.slice(eq + 1) === "") throw new UsageError(t(lang, "cli.format-no-file", { format }));
    outputs.push(eq < 0 ? { format } : { format, file: f.slice(eq + 1) });
  }
  const shared = outputs.filter((o) => o.file === undefined).map((o) => o.format);
  if (shared.length > 1) {
    const output = values.output as string | undefined;
    throw new UsageError(
      output === undefined
        ? t(lang, "cli.formats-to-stdout", { formats: shared.join(", ") })
        : t(lang, "cli.formats-to-output", { formats: shared.join(", "), file: output }),
    );
  }
  return outputs;
}

/**
 * Renders the result in each asked format: to its `=FILE`, else to `-o FILE`, else to standard
 * output (the first such format only). Colours only on a terminal, never in a file. When every
 * report goes to a file, the one-line summary still goes to standard output, so that a CI log says
 * what happened. False when any of them failed.
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
): Promise<boolean> {
  options = { ...options, rootRelative: rootRelativePaths(io.cwd) };
  const tty = Boolean(io.stdout.isTTY);
  const color = !values["no-color"] && io.env.NO_COLOR === undefined && (tty || Boolean(values.color));
  let wroteStdout = false;
  let failed = false;
  for (const out of outputs) {
    // each format on its own: one failing (a reporter's error, a file that cannot be written) is
    // said on standard error and makes the exit status 2, and the others are still written
    try {
      const reporter = await loadReporter(out.format);
      const file = out.file ?? (values.output as string | undefined);
      if (!file && wroteStdout) continue;
      const lang = out.format === "html" && options.htmlLang ? options.htmlLang : options.lang;
      const text = reporter(out.format === "html" && options.htmlResult ? options.htmlResult : result, {
        ...options,
        lang,
        color: file ? false : color,
      });
      if (file) writeFileAtomic(file, text, options.lang, io.cwd);
      else {
        io.stdout.write(text);
        wroteStdout = true;
      }
    } catch (error) {
      failed = true;
      const message =
        error instanceof WriteError
          ? error.message
          : t(options.lang, "cli.report-failed", { format: out.format, reason: (error as Error)?.message ?? String(error) });
      io.stderr.write(`bunri: ${oneLine(message)}\n`);
    }
  }
  if (!wroteStdout) {
    const { summaryLine } = await import("../src/report/text.js");
    io.stdout.write(`${summaryLine(result, { ...options, color })}\n`);
  }
  return !failed;
}

/**
 * `--policy city.yaml` alone replaces the built-in packs with the rules of the file: said once on
 * standard error, with the way to add the file's rules to the built-in ones instead.
 */
export function policyNotice(values: Record<string, unknown>, io: Io, lang: Lang): void {
  const policies = (values.policy as string[] | undefined) ?? [];
  if (policies.length === 0 || !policies.every((p) => /\.ya?ml$/i.test(p))) return;
  const files = policies.join(" ");
  const keep = ["default", ...policies].map((p) => `--policy ${p}`).join(" ");
  io.stderr.write(`${oneLine(t(lang, "cli.policy-replaces", { files, keep }))}\n`);
}

/** A CI job (`CI` or `CONTINUOUS_INTEGRATION` set, not to `0` or `false`): the test Ink itself uses. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  return ["CI", "CONTINUOUS_INTEGRATION"].some((key) => key in env && env[key] !== "0" && env[key] !== "false");
}
