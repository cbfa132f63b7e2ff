/**
 * The rule catalogue: the built-in packs' rules with their metadata and example designs, as
 * `bunri rules` lists them, `bunri explain RULE` shows one, and docs/rules/ID.md documents it.
 * The doc pages are generated from here (`npm run docs`) and a test keeps them in step.
 */
import { existsSync, readFileSync } from "node:fs";
import stringWidth from "string-width";
import { stringify } from "yaml";
import { checkText } from "./check.js";
import { t } from "./i18n/index.js";
import { type Lang, SEVERITIES } from "./model/types.js";
import { BUILTIN_ORDER, builtinPacks, type PolicyFile } from "./rules/policy.js";
import { referenceLine } from "./rules/render.js";
import { compareRuleIds } from "./util/compare.js";

export { compareRuleIds };

import type { Finding, RuleDefinition } from "./rules/types.js";
import { packagePath } from "./util/paths.js";

/** The date the examples are checked on (waiver expiry), so that docs and tests stay stable. */
export const EXAMPLE_DATE = "2026-11-23";

export interface CataloguePack {
  id: string;
  policy: PolicyFile;
  rules: RuleDefinition[];
}

export interface RuleExample {
  kind: "incorrect" | "correct";
  /** path relative to the package root, e.g. docs/rules/examples/ASP-01/incorrect.yaml */
  file: string;
  text: string;
}

/** The built-in packs in catalogue order, each with its rules in id order. */
export function catalogue(): CataloguePack[] {
  const packs = builtinPacks();
  const out: CataloguePack[] = [];
  for (const id of BUILTIN_ORDER) {
    const policy = packs.get(id);
    if (policy) out.push({ id, policy, rules: [...policy.rules].sort((a, b) => compareRuleIds(a.id, b.id)) });
  }
  return out;
}

/** A built-in rule by id (case-insensitive). */
export function findRule(id: string): RuleDefinition | undefined {
  const want = id.toUpperCase();
  for (const p of catalogue()) for (const r of p.rules) if (r.id.toUpperCase() === want) return r;
  return undefined;
}

export function allRuleIds(): string[] {
  return catalogue().flatMap((p) => p.rules.map((r) => r.id));
}

export function ruleExamples(id: string): RuleExample[] {
  const out: RuleExample[] = [];
  for (const kind of ["incorrect", "correct"] as const) {
    const file = `docs/rules/examples/${id}/${kind}.yaml`;
    const path = packagePath(file);
    if (existsSync(path)) out.push({ kind, file, text: readFileSync(path, "utf8") });
  }
  return out;
}

/** The findings an example design gets from its own policies (a fixed date, for stable docs). */
export function exampleFindings(example: RuleExample, lang: Lang): { findings: Finding[]; errors: number } {
  const r = checkText(example.text, example.file, { lang, today: EXAMPLE_DATE }).result;
  return { findings: r.findings, errors: r.errors.length };
}

function checkYaml(rule: RuleDefinition): string {
  const spec: Record<string, unknown> = { ...rule.check };
  if (rule.models) return stringify({ models: rule.models, check: spec }, { lineWidth: 0 }).trimEnd();
  return stringify({ check: spec }, { lineWidth: 0 }).trimEnd();
}

const LABELS = {
  severity: { ja: "重大度", en: "Severity" },
  pack: { ja: "パック", en: "Pack" },
  models: { ja: "対象モデル", en: "Models" },
  why: { ja: "なぜ重要か", en: "Why it matters" },
  fix: { ja: "直し方", en: "How to fix it" },
  references: { ja: "根拠", en: "References" },
  check: { ja: "検査の定義", en: "The check" },
  examples: { ja: "例", en: "Examples" },
  incorrect: { ja: "誤った設計", en: "Incorrect design" },
  correct: { ja: "正しい設計", en: "Correct design" },
  reports: { ja: "bunri の指摘", en: "What bunri reports" },
  none: { ja: "この規則の指摘はありません。", en: "No finding of this rule." },
  all: { ja: "すべての設計", en: "all" },
} as const;

function label(key: keyof typeof LABELS, lang: Lang): string {
  return LABELS[key][lang];
}

function findingLines(rule: RuleDefinition, example: RuleExample, lang: Lang): string[] {
  const { findings } = exampleFindings(example, lang);
  const mine = findings.filter((f) => f.rule === rule.id);
  if (mine.length === 0) return [label("none", lang)];
  return mine.map((f) => `${f.severity} ${f.rule} ${f.message} (${f.location.line}:${f.location.column})`);
}

/** One rule in full, as text for the terminal. */
export function explainText(rule: RuleDefinition, lang: Lang): string {
  const lines: string[] = [];
  lines.push(`${rule.id}  ${rule.title[lang]}`, "");
  lines.push(`${label("severity", lang)}: ${t(lang, `severity.${rule.severity}`)}   ${label("pack", lang)}: ${rule.pack}`);
  if (rule.models) lines.push(`${label("models", lang)}: ${rule.models.join(", ")}`);
  lines.push("", `${label("why", lang)}:`, `  ${rule.why[lang]}`, "", `${label("fix", lang)}:`, `  ${rule.fix[lang]}`);
  if (rule.references.length > 0) {
    lines.push("", `${label("references", lang)}:`);
    for (const r of rule.references) lines.push(`  - ${referenceLine(r, lang)}`);
  }
  lines.push(
    "",
    `${label("check", lang)}:`,
    ...checkYaml(rule)
      .split("\n")
      .map((l) => `  ${l}`),
  );
  for (const ex of ruleExamples(rule.id)) {
    lines.push("", `${label(ex.kind, lang)} (${ex.file}):`, "");
    lines.push(
      ...ex.text
        .trimEnd()
        .split("\n")
        .map((l) => `  ${l}`),
    );
    lines.push("", `${label("reports", lang)}:`, ...findingLines(rule, ex, lang).map((l) => `  ${l}`));
  }
  return `${lines.join("\n")}\n`;
}

/** One rule's documentation page (docs/rules/ID.md), Japanese first, then English. */
export function ruleMarkdown(rule: RuleDefinition): string {
  const out: string[] = [];
  out.push("<!-- Generated from policies/*.yaml and docs/rules/examples by `npm run docs`; do not edit. -->");
  out.push(`# ${rule.id}: ${rule.title.ja}`, "", `*${rule.title.en}*`, "");
  out.push("| | |", "|---|---|");
  out.push(`| ${label("severity", "ja")} / ${label("severity", "en")} | \`${rule.severity}\` |`);
  out.push(`| ${label("pack", "ja")} / ${label("pack", "en")} | \`${rule.pack}\` |`);
  if (rule.models)
    out.push(`| ${label("models", "ja")} / ${label("models", "en")} | ${rule.models.map((m) => `\`${m}\``).join(", ")} |`);
  for (const lang of ["ja", "en"] as const) {
    out.push("", `## ${label("why", lang)}`, "", rule.why[lang], "", `## ${label("fix", lang)}`, "", rule.fix[lang]);
  }
  if (rule.references.length > 0) {
    out.push("", `## ${label("references", "ja")} / ${label("references", "en")}`, "");
    for (const r of rule.references) out.push(`- ${referenceLine(r, "ja")} / ${referenceLine(r, "en")}`);
  }
  out.push("", `## ${label("check", "ja")} / ${label("check", "en")}`, "", "```yaml", checkYaml(rule), "```");
  const examples = ruleExamples(rule.id);
  if (examples.length > 0) out.push("", `## ${label("examples", "ja")} / ${label("examples", "en")}`);
  for (const ex of examples) {
    out.push(
      "",
      `### ${label(ex.kind, "ja")} / ${label(ex.kind, "en")}`,
      "",
      `[\`${ex.file.slice("docs/rules/".length)}\`](${ex.file.slice("docs/rules/".length)})`,
      "",
    );
    out.push("```yaml", ex.text.trimEnd(), "```", "");
    out.push(`${label("reports", "ja")} / ${label("reports", "en")}:`, "");
    const ja = findingLines(rule, ex, "ja");
    const en = findingLines(rule, ex, "en");
    for (let i = 0; i < ja.length; i++) out.push(`- ${ja[i]}`, `  ${en[i] ?? ""}`.trimEnd());
  }
  return `${out.join("\n")}\n`;
}

/** The index page (docs/rules/README.md): every pack with its rules. */
export function catalogueMarkdown(): string {
  const out: string[] = [];
  out.push("<!-- Generated from policies/*.yaml by `npm run docs`; do not edit. -->");
  out.push("# bunri のルール / The rules of bunri", "");
  out.push("`bunri rules` lists them in the terminal; `bunri explain ID` shows one in full.", "");
  for (const p of catalogue()) {
    const title = p.policy.title ? `${p.policy.title.ja} / ${p.policy.title.en}` : p.id;
    out.push(`## \`${p.id}\`: ${title}`, "");
    if (p.policy.description) out.push(p.policy.description.ja, "", p.policy.description.en, "");
    out.push("| id | severity | ルール | rule |", "|---|---|---|---|");
    for (const r of p.rules) out.push(`| [${r.id}](${r.id}.md) | ${r.severity} | ${r.title.ja} | ${r.title.en} |`);
    out.push("");
  }
  return out.join("\n");
}

/** The catalogue as text for the terminal, one line a rule, grouped by pack. */
export function rulesText(lang: Lang, packFilter?: string): string {
  const out: string[] = [];
  for (const p of catalogue()) {
    if (packFilter && p.id !== packFilter) continue;
    out.push(`${p.id}${p.policy.title ? `  ${p.policy.title[lang]}` : ""}`);
    const width = Math.max(...p.rules.map((r) => r.id.length));
    // severities in the reader's language, padded by display columns (a full-width character is two)
    const severity = (r: RuleDefinition) => t(lang, `severity.${r.severity}`);
    const sevWidth = Math.max(...SEVERITIES.map((s) => stringWidth(t(lang, `severity.${s}`))));
    for (const r of p.rules) {
      const models = r.models ? ` [${r.models.join(", ")}]` : "";
      const sev = severity(r);
      out.push(`  ${r.id.padEnd(width)}  ${sev}${" ".repeat(sevWidth - stringWidth(sev))}  ${r.title[lang]}${models}`);
    }
    out.push("");
  }
  return out.join("\n");
}

/** The catalogue as data (`bunri rules --format json`). */
export function rulesJson(packFilter?: string): unknown {
  return {
    packs: catalogue()
      .filter((p) => !packFilter || p.id === packFilter)
      .map((p) => ({
        id: p.id,
        title: p.policy.title,
        rules: p.rules.map((r) => ({
          id: r.id,
          severity: r.severity,
          ...(r.models ? { models: r.models } : {}),
          title: r.title,
          why: r.why,
          fix: r.fix,
          references: r.references,
          check: r.check,
        })),
      })),
  };
}
