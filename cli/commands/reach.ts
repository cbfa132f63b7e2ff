/** `bunri reach FILE --from REF --to REF [--service S]`: exit 0 when some pair reaches, 1 when none. */
import { t } from "../../src/i18n/index.js";
import type { Lang } from "../../src/model/types.js";
import { reachQuery } from "../../src/query.js";
import { jsonText, oneLine } from "../../src/report/sanitize.js";
import { blockerMessages, formatPath } from "../../src/rules/render.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      from: { type: "string" },
      to: { type: "string" },
      service: { type: "string" },
      format: { type: "string" },
      lang: { type: "string" },
      "no-color": { type: "boolean" },
    },
    lang,
  );
  const file = positionals[0];
  if (!file || positionals.length > 1 || typeof values.from !== "string" || typeof values.to !== "string")
    throw new UsageError(t(lang, "cli.reach-usage"));
  const format = (values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json")
    throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: "text, json" }));
  const q: { from: string; to: string; service?: string } = { from: values.from, to: values.to };
  if (typeof values.service === "string") q.service = values.service;
  const answer = await reachQuery(file, q, { lang });
  if (answer.errors.length > 0) {
    // a bad --from, --to or --service is the command line's, not a place in the file: no position
    for (const e of answer.errors) {
      const where = e.code === "bad-reference" ? `bunri: ${e.file}` : `${e.file}:${e.line}:${e.column}`;
      io.stderr.write(`${oneLine(`${where}: ${e.message}${e.hint ? ` (${e.hint})` : ""}`)}\n`);
    }
    return 2;
  }
  if (format === "json") {
    const { design: _design, ...rest } = answer;
    io.stdout.write(`${jsonText(rest)}\n`);
  } else {
    const lines: string[] = [];
    for (const p of answer.pairs) {
      if (p.reaches && p.chain) {
        lines.push(
          t(lang, "reach.yes", { source: p.source, target: p.target, service: p.chain.service, services: p.services ?? "" }),
        );
        lines.push(`  ${formatPath(p.chain.path)}`);
        for (const el of p.chain.path)
          if (el.type === "device" && el.rule)
            lines.push(
              `    ${el.id}: ${el.rule === "default" ? t(lang, "reach.default-allow") : el.rule}${el.ruleTitle ? ` "${el.ruleTitle}"` : ""}`,
            );
      } else if (p.explanation) {
        lines.push(t(lang, "reach.no", { source: p.source, target: p.target, service: answer.service }));
        lines.push(`  ${t(lang, `reason.${p.explanation.reason}`)}`);
        if (p.explanation.accepts) lines.push(`  ${t(lang, "evidence.accepts", { services: p.explanation.accepts })}`);
        for (const l of blockerMessages(p.explanation.blockers, lang)) lines.push(`  - ${l}`);
      }
    }
    if (answer.pairs.length === 0) lines.push(t(lang, "reach.no-pairs"));
    // each line on its own: a title from the design cannot add lines or escape sequences
    io.stdout.write(`${lines.map(oneLine).join("\n")}\n`);
  }
  return answer.pairs.some((p) => p.reaches) ? 0 : 1;
}
