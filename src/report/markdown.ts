/**
 * Markdown for a pull-request comment: the verdict and the counts, the findings by severity with
 * their evidence, a Mermaid diagram of the offending paths. Every value from the input is escaped,
 * so an id or a title cannot break the table, inject HTML or end the diagram.
 */
import type { PathElement } from "../analyze/reach.js";
import { findRule } from "../catalogue.js";
import type { CheckResult } from "../check.js";
import { t } from "../i18n/index.js";
import { type Lang, SEVERITIES } from "../model/types.js";
import type { Finding } from "../rules/types.js";
import { evidenceLine, passed } from "./common.js";
import { stripControls } from "./sanitize.js";
import type { ReportOptions } from "./types.js";

/** Escapes Markdown (and the HTML GitHub allows in it) in a table cell or a line of text. */
export function md(s: string): string {
  return stripControls(s)
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ");
}

/** A Mermaid label: quoted, with the characters that end or break one as entities. */
function mermaidLabel(s: string): string {
  const clean = stripControls(s).replace(/["<>&#`]/g, (c) => `#${c.codePointAt(0)};`);
  return `"${clean}"`;
}

const LABELS = {
  verdictPass: { en: "PASS", ja: "合格" },
  verdictFail: { en: "FAIL", ja: "不合格" },
  severity: { en: "Severity", ja: "重大度" },
  count: { en: "Count", ja: "件数" },
  rule: { en: "Rule", ja: "ルール" },
  finding: { en: "Finding", ja: "指摘" },
  where: { en: "Where", ja: "場所" },
  waived: { en: "Waived or baselined", ja: "例外承認済み・既知" },
  paths: { en: "Offending paths", ja: "問題の経路" },
  errors: { en: "Input errors", ja: "入力エラー" },
  evidence: { en: "Evidence", ja: "根拠" },
  none: { en: "No findings.", ja: "指摘はありません。" },
} as const;

function label(key: keyof typeof LABELS, lang: Lang): string {
  return LABELS[key][lang];
}

function diagram(findings: Finding[]): string[] {
  const paths: PathElement[][] = [];
  for (const f of findings) {
    if (f.evidence.chain) paths.push(f.evidence.chain.path);
    for (const s of f.evidence.contagion?.steps ?? []) paths.push(s.path);
  }
  if (paths.length === 0) return [];
  const ids = new Map<string, string>();
  const nodes: string[] = [];
  const node = (p: PathElement) => {
    const key = `${p.type}:${p.id}`;
    let id = ids.get(key);
    if (!id) {
      id = `n${ids.size}`;
      ids.set(key, id);
      const text = mermaidLabel(p.id);
      nodes.push(p.type === "zone" ? `  ${id}([${text}])` : p.type === "device" ? `  ${id}{{${text}}}` : `  ${id}[${text}]`);
    }
    return id;
  };
  const edges = new Set<string>();
  for (const path of paths.slice(0, 50)) {
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1] as PathElement;
      const b = path[i] as PathElement;
      const rule = a.type === "device" && a.rule ? `|${mermaidLabel(a.rule)}|` : "";
      edges.add(`  ${node(a)} -->${rule} ${node(b)}`);
    }
  }
  return ["```mermaid", "flowchart LR", ...nodes, ...[...edges], "```"];
}

export function reportMarkdown(result: CheckResult, options: ReportOptions): string {
  const { lang, failOn } = options;
  const s = result.summary;
  const ok = passed(result, failOn);
  const out: string[] = [];
  out.push(`## bunri: ${ok ? `✅ ${label("verdictPass", lang)}` : `❌ ${label("verdictFail", lang)}`}`, "");
  out.push(`| ${label("severity", lang)} | ${label("count", lang)} |`, "|---|---:|");
  for (const sev of SEVERITIES) out.push(`| ${t(lang, `severity.${sev}`)} | ${s[sev]} |`);
  out.push(`| ${label("waived", lang)} | ${s.waived + s.baselined} |`, "");
  out.push(t(lang, "report.md-files", { files: s.files, errors: s.errors }), "");
  const all = result.files.flatMap((f) => f.findings);
  const errors = result.files.flatMap((f) => f.errors);
  if (errors.length > 0) {
    out.push(`### ${label("errors", lang)}`, "");
    for (const e of errors) out.push(`- \`${md(`${e.file}:${e.line}:${e.column}`)}\` ${md(e.message)}`);
    out.push("");
  }
  if (all.length === 0 && errors.length === 0) out.push(label("none", lang), "");
  for (const sev of SEVERITIES) {
    const list = all.filter((f) => f.severity === sev && !f.waived && !f.baselined);
    if (list.length === 0) continue;
    out.push(`### ${t(lang, `severity.${sev}`)} (${list.length})`, "");
    out.push(`| ${label("rule", lang)} | ${label("finding", lang)} | ${label("where", lang)} |`, "|---|---|---|");
    for (const f of list) {
      const title = findRule(f.rule)?.title[lang];
      const ev = evidenceLine(f);
      const cell = `${md(f.message)}${ev ? `<br>${label("evidence", lang)}: \`${ev.replace(/`/g, "'").replace(/\|/g, "\\|")}\`` : ""}`;
      out.push(
        `| **${md(f.rule)}**${title ? ` ${md(title)}` : ""} | ${cell} | \`${md(`${f.location.file}:${f.location.line}`)}\` |`,
      );
    }
    out.push("");
  }
  const quiet = all.filter((f) => f.waived || f.baselined);
  if (quiet.length > 0) {
    out.push(`<details><summary>${label("waived", lang)} (${quiet.length})</summary>`, "");
    for (const f of quiet) {
      const why =
        f.waived && f.waiver ? ` — ${md(f.waiver.reason)} (${md(f.waiver.expires)})` : ` — ${t(lang, "report.baselined")}`;
      out.push(`- **${md(f.rule)}** ${md(f.message)}${why}`);
    }
    out.push("", "</details>", "");
  }
  const lines = diagram(all.filter((f) => !f.waived && !f.baselined));
  if (lines.length > 0) out.push(`<details><summary>${label("paths", lang)}</summary>`, "", ...lines, "", "</details>", "");
  return `${out.join("\n")}\n`;
}
