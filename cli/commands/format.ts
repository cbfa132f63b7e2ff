/** `bunri format RESULT.json --format F`: re-render a saved JSON result in another format. */
import { readFileSync, writeFileSync } from "node:fs";
import { t } from "../../src/i18n/index.js";
import { type Lang, SEVERITIES, type Severity } from "../../src/model/types.js";
import { loadReporter, REPORT_FORMATS } from "../../src/report/index.js";
import { parseResultText } from "../../src/report/read.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: "string", multiple: true },
    output: { type: "string", short: "o" },
    "fail-on": { type: "string" },
    lang: { type: "string" },
    "no-color": { type: "boolean" },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(t(lang, "cli.format-usage"));
  const failOn = (values["fail-on"] as string | undefined) ?? "high";
  if (failOn !== "none" && !(SEVERITIES as readonly string[]).includes(failOn))
    throw new UsageError(t(lang, "cli.bad-fail-on", { value: failOn }));
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    io.stderr.write(`${file}:1:1: ${t(lang, "load.not-found")}\n`);
    return 2;
  }
  const parsed = parseResultText(text, file, lang);
  if (!parsed.result) {
    for (const e of parsed.errors) io.stderr.write(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);
    return 2;
  }
  const tty = Boolean(io.stdout.isTTY);
  let wroteStdout = false;
  for (const f of (values.format as string[] | undefined) ?? ["text"]) {
    const eq = f.indexOf("=");
    const format = eq < 0 ? f : f.slice(0, eq);
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: REPORT_FORMATS.join(", ") }));
    const target = eq < 0 ? (values.output as string | undefined) : f.slice(eq + 1);
    const reporter = await loadReporter(format);
    const color = !target && tty && !values["no-color"] && io.env.NO_COLOR === undefined;
    const out = reporter(parsed.result, { lang, color, failOn: failOn as Severity | "none" });
    if (target) writeFileSync(target, out);
    else if (!wroteStdout) {
      io.stdout.write(out);
      wroteStdout = true;
    }
  }
  return 0;
}
