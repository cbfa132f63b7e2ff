/**
 * `bunri format RESULT.json --format F [-o FILE] [--fail-on LEVEL] [--lang ja|en]`: re-renders a
 * result saved with `--format json` in other formats (repeatable as `--format F=FILE`, as for
 * `check`). A file that is not such a result is an error (exit 2) saying where and what is wrong.
 * The findings' messages stay in the language they were checked in; `--lang` sets the rest.
 */
import { resolve } from "node:path";
import { t } from "../../src/i18n/index.js";
import { MAX_JSON_BYTES, readInputFile } from "../../src/load/file.js";
import type { Lang } from "../../src/model/types.js";
import { parseResultText } from "../../src/report/read.js";
import { oneLine } from "../../src/report/sanitize.js";
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
  const { values, positionals } = parse(argv, OPTIONS, lang);
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(t(lang, "format.usage"));
  checkLangOption(values, lang);
  const failOn = failOnOption(values, lang);
  const outputs = reportOutputs(values, lang);
  // the loader's limits: a regular file (or standard input) of at most 32 MiB, in UTF-8 or UTF-16
  const limits = { maxBytes: MAX_JSON_BYTES };
  const read =
    file === "-" ? readInputFile("-", lang, { stdin: true, ...limits }) : readInputFile(resolve(io.cwd, file), lang, limits);
  if (read.error) {
    io.stderr.write(
      `${oneLine(`${file}:${read.error.line}:${read.error.column}: ${t(lang, "format.unreadable")}: ${read.error.message}`)}\n`,
    );
    return 2;
  }
  const parsed = parseResultText(read.text, file, lang);
  if (!parsed.result) {
    // the messages may quote the file: nothing of it reaches the terminal unfiltered
    for (const e of parsed.errors) io.stderr.write(`${oneLine(`${e.file}:${e.line}:${e.column}: ${e.message}`)}\n`);
    return 2;
  }
  // the council report is Japanese unless --lang says otherwise, as in `check`
  const written = await writeReports(parsed.result, outputs, values, io, {
    lang,
    failOn,
    htmlLang: values.lang !== undefined ? lang : "ja",
  });
  return written ? 0 : 2;
}
