/**
 * `bunri format RESULT.json --format F [-o FILE] [--fail-on LEVEL] [--lang ja|en]`: re-renders a
 * result saved with `--format json` in other formats (repeatable as `--format F=FILE`, as for
 * `check`). A file that is not such a result is an error (exit 2) saying where and what is wrong.
 * The findings' messages stay in the language they were checked in; `--lang` sets the rest.
 */
import { readFileSync } from "node:fs";
import { t } from "../../src/i18n/index.js";
import type { Lang } from "../../src/model/types.js";
import { parseResultText } from "../../src/report/read.js";
import { checkLangOption, failOnOption, parse, reportOutputs, UsageError, writeReports } from "../args.js";
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
  checkLangOption(values, lang);
  const failOn = failOnOption(values, lang);
  const outputs = reportOutputs(values, lang);
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
  // the council report is Japanese unless --lang says otherwise, as in `check`
  await writeReports(parsed.result, outputs, values, io, { lang, failOn, htmlLang: values.lang !== undefined ? lang : "ja" });
  return 0;
}
