/**
 * `bunri explain RULE [--policy FILE…] [--format text|json|markdown]`: one rule in full, with its
 * example designs. With `--policy`, the rules of the user's own policy files are known too; their
 * text is the user's, so on a terminal each field stays on one line with no control characters.
 */
import { resolve } from "node:path";
import { allRuleIds, explainText, findRule, ruleExamples, ruleMarkdown } from "../../src/catalogue.js";
import { t } from "../../src/i18n/index.js";
import { readInputFile } from "../../src/load/file.js";
import { didYouMean } from "../../src/load/schema.js";
import type { Lang } from "../../src/model/types.js";
import { jsonText, oneLine } from "../../src/report/sanitize.js";
import { parsePolicyText } from "../../src/rules/policy.js";
import type { Bilingual, RuleDefinition } from "../../src/rules/types.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

const clean = (b: Bilingual): Bilingual => ({ ja: oneLine(b.ja), en: oneLine(b.en) });

/** A user's rule with every text field on one line, for the terminal. */
function printable(rule: RuleDefinition): RuleDefinition {
  return {
    ...rule,
    pack: oneLine(rule.pack),
    title: clean(rule.title),
    why: clean(rule.why),
    fix: clean(rule.fix),
    references: rule.references.map((r) => ({ ...r, ...clean(r), ...(r.section ? { section: oneLine(r.section) } : {}) })),
  };
}

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      format: { type: "string" },
      lang: { type: "string" },
      policy: { type: "string", multiple: true },
    },
    lang,
  );
  const id = positionals[0];
  if (id === undefined || positionals.length > 1) throw new UsageError(t(lang, "cli.explain-usage"));
  const own: RuleDefinition[] = [];
  for (const file of (values.policy as string[] | undefined) ?? []) {
    const read = readInputFile(resolve(io.cwd, file), lang);
    if (read.error) throw new UsageError(`${t(lang, "policy.not-found", { file })}: ${read.error.message}`);
    const text = read.text;
    const parsed = parsePolicyText(text, file, lang, false);
    if (!parsed.policy || parsed.errors.length > 0) {
      for (const e of parsed.errors) io.stderr.write(`${oneLine(`${e.file}:${e.line}:${e.column}: ${e.message}`)}\n`);
      return 2;
    }
    own.push(...parsed.policy.rules);
  }
  const mine = own.find((r) => r.id.toUpperCase() === id.toUpperCase());
  const rule = mine ?? findRule(id);
  if (!rule) {
    const near = didYouMean(id.toUpperCase(), [...allRuleIds(), ...own.map((r) => r.id)]);
    throw new UsageError(t(lang, near ? "cli.unknown-rule-suggest" : "cli.unknown-rule", { rule: id, suggestion: near ?? "" }));
  }
  const format = (values.format as string | undefined) ?? "text";
  if (format === "text") io.stdout.write(explainText(mine ? printable(mine) : rule, lang));
  else if (format === "markdown") io.stdout.write(ruleMarkdown(rule));
  else if (format === "json")
    io.stdout.write(`${jsonText({ ...rule, loc: undefined, examples: mine ? [] : ruleExamples(rule.id) })}\n`);
  else throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: "text, json, markdown" }));
  return 0;
}
