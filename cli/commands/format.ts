/**
 * `bunri format RESULT.json --format F [-o FILE] [--fail-on LEVEL] [--lang ja|en]`: re-renders a
 * result saved with `--format json` in other formats (repeatable as `--format F=FILE`, as for
 * `check`). A file that is not such a result is an error (exit 2) saying where and what is wrong.
 * The findings' messages stay in the language they were checked in; `--lang` sets the rest.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { t } from "../../src/i18n/index.js";
import { type Lang, SEVERITIES, type Severity } from "../../src/model/types.js";
import { loadReporter, REPORT_FORMATS } from "../../src/report/index.js";
import { parseResultText } from "../../src/report/read.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

const OPTIONS = {
  format: { type: "string", multiple: true },
  output: { type: "string", short: "o" },
  "fail-on": { type: "string" },
  lang: { type: "string" },
  "no-color": { type: "boolean" },
  color: { type: "boolean" },
} as const;

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(t(lang, "format.usage"));
  if (values.lang !== undefined && values.lang !== "ja" && values.lang !== "en")
    throw new UsageError(t(lang, "cli.bad-lang", { value: String(values.lang) }));
  const failOn = (values["fail-on"] as string | undefined) ?? "high";
  if (failOn !== "none" && !(SEVERITIES as readonly string[]).includes(failOn))
    throw new UsageError(t(lang, "cli.bad-fail-on", { value: failOn }));
  const outputs: Array<{ format: string; file?: string }> = [];
  for (const f of (values.format as string[] | undefined) ?? ["text"]) {
    const eq = f.indexOf("=");
    const format = eq < 0 ? f : f.slice(0, eq);
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: REPORT_FORMATS.join(", ") }));
    outputs.push(eq < 0 ? { format } : { format, file: f.slice(eq + 1) });
  }
  let text: string;
  try {
    text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch {
    io.stderr.write(`${file}:1:1: ${t(lang, "format.unreadable")}\n`);
    return 2;
  }
  const parsed = parseResultText(text, file, lang);
  if (!parsed.result) {
    for (const e of parsed.errors) io.stderr.write(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);
    return 2;
  }
  const tty = Boolean(io.stdout.isTTY);
  const color = !values["no-color"] && io.env.NO_COLOR === undefined && (tty || Boolean(values.color));
  let wroteStdout = false;
  for (const out of outputs) {
    const reporter = await loadReporter(out.format);
    const target = out.file ?? (values.output as string | undefined);
    const rendered = reporter(parsed.result, { lang, color: target ? false : color, failOn: failOn as Severity | "none" });
    if (target) writeFileSync(target, rendered);
    else if (!wroteStdout) {
      io.stdout.write(rendered);
      wroteStdout = true;
    }
  }
  return 0;
}
