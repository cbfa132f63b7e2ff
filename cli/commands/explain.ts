/** `bunri explain RULE [--format text|json|markdown]`: one rule in full, with its example designs. */
import { allRuleIds, explainText, findRule, ruleExamples, ruleMarkdown } from "../../src/catalogue.js";
import { t } from "../../src/i18n/index.js";
import { didYouMean } from "../../src/load/schema.js";
import type { Lang } from "../../src/model/types.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, { format: { type: "string" }, lang: { type: "string" } });
  const id = positionals[0];
  if (id === undefined || positionals.length > 1) throw new UsageError(t(lang, "cli.explain-usage"));
  const rule = findRule(id);
  if (!rule) {
    const near = didYouMean(id.toUpperCase(), allRuleIds());
    throw new UsageError(t(lang, near ? "cli.unknown-rule-suggest" : "cli.unknown-rule", { rule: id, suggestion: near ?? "" }));
  }
  const format = (values.format as string | undefined) ?? "text";
  if (format === "text") io.stdout.write(explainText(rule, lang));
  else if (format === "markdown") io.stdout.write(ruleMarkdown(rule));
  else if (format === "json")
    io.stdout.write(`${JSON.stringify({ ...rule, loc: undefined, examples: ruleExamples(rule.id) }, null, 2)}\n`);
  else throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: "text, json, markdown" }));
  return 0;
}
