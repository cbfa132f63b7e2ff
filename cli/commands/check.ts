/** `bunri check PATH…`: check designs, write the reports, set the exit status. */
import { writeFileSync } from "node:fs";
import { check, exitCode } from "../../src/check.js";
import { t } from "../../src/i18n/index.js";
import { type Lang, SEVERITIES, type Severity } from "../../src/model/types.js";
import { loadReporter, REPORT_FORMATS } from "../../src/report/index.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

const OPTIONS = {
  format: { type: "string", multiple: true },
  output: { type: "string", short: "o" },
  "fail-on": { type: "string" },
  policy: { type: "string", multiple: true },
  waivers: { type: "string" },
  today: { type: "string" },
  lang: { type: "string" },
  "no-color": { type: "boolean" },
  color: { type: "boolean" },
} as const;

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  if (positionals.length === 0) throw new UsageError(t(lang, "cli.no-paths"));
  const failOn = (values["fail-on"] as string | undefined) ?? "high";
  if (failOn !== "none" && !(SEVERITIES as readonly string[]).includes(failOn))
    throw new UsageError(t(lang, "cli.bad-fail-on", { value: failOn }));
  const today = values.today as string | undefined;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(t(lang, "cli.bad-today", { value: today }));
  if (values.lang !== undefined && values.lang !== "ja" && values.lang !== "en")
    throw new UsageError(t(lang, "cli.bad-lang", { value: String(values.lang) }));
  const outputs: Array<{ format: string; file?: string }> = [];
  for (const f of (values.format as string[] | undefined) ?? ["text"]) {
    const eq = f.indexOf("=");
    const format = eq < 0 ? f : f.slice(0, eq);
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: REPORT_FORMATS.join(", ") }));
    outputs.push(eq < 0 ? { format } : { format, file: f.slice(eq + 1) });
  }
  const options: Parameters<typeof check>[1] = { lang, cwd: io.cwd, env: io.env };
  if (today) options.today = today;
  if (values.policy) options.policies = values.policy as string[];
  if (values.waivers) options.waivers = values.waivers as string;
  const result = await check(positionals, options);
  const code = exitCode(result, failOn as Severity | "none");
  const tty = Boolean((io.stdout as { isTTY?: boolean }).isTTY);
  const color = !values["no-color"] && io.env.NO_COLOR === undefined && (tty || Boolean(values.color));
  let wroteStdout = false;
  for (const out of outputs) {
    const reporter = await loadReporter(out.format);
    const file = out.file ?? (values.output as string | undefined);
    const text = reporter(result, { lang, color: file ? false : color, failOn: failOn as Severity | "none" });
    if (file) writeFileSync(file, text);
    else if (!wroteStdout) {
      io.stdout.write(text);
      wroteStdout = true;
    }
  }
  return code;
}
