/**
 * Markdown for a pull-request comment: the verdict and the counts, the input errors, the findings
 * grouped by severity (rule, message, evidence path on one line, `file:line`; long lists folded in
 * `<details>`), the waived and baselined findings, and per file a Mermaid flowchart of the
 * offending paths (zones as subgraphs, edges out of a firewall labelled with the rule that let the
 * traffic through).
 *
 * Every value from the input is escaped: it cannot add HTML, break a table cell, end a code span or
 * the diagram, mention someone, or carry control characters.
 */
import type { PathElement } from "../analyze/reach.js";
import type { CheckResult, FileResult } from "../check.js";
import { t } from "../i18n/index.js";
import { type Lang, SEVERITIES } from "../model/types.js";
import type { Finding } from "../rules/types.js";
import { cleanText, counted, evidenceLine, evidencePaths, passed, ruleTitle } from "./common.js";
import type { ReportOptions } from "./types.js";

/** Rows of a severity shown before the rest is folded away. */
const SHOWN_ROWS = 10;
/** Rows in all; GitHub takes comments up to 65,536 characters. */
const MAX_ROWS = 150;
/** Paths and distinct edges of one diagram (GitHub's Mermaid refuses very large ones). */
const MAX_PATHS = 40;
const MAX_EDGES = 120;

/** One line of plain text: controls removed, line breaks and tabs as spaces. */
function oneLine(s: string): string {
  return cleanText(s).replace(/[\t\n]+/g, " ");
}

/**
 * Markdown-escaped text for a paragraph or a table cell (never at the start of a line): the
 * characters of inline Markdown, tables and math get a backslash, `&`, `<` and `>` become entities
 * (no HTML), and a word joiner after `@` keeps it from mentioning anyone.
 */
export function mdText(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@/g, "@\u2060");
}

/** Text inside HTML (`<summary>`, where Markdown is not read): entities only. */
function htmlText(s: string): string {
  return oneLine(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/@/g, "@\u2060");
}

/**
 * A code span that shows the text as it is: fenced with more backticks than it contains, padded
 * when it starts or ends with one. In a table cell `|` still ends the cell, even in code, so there
 * it is escaped (GitHub drops the backslash).
 */
export function mdCode(s: string, inTable: boolean): string {
  let text = oneLine(s).replace(/@/g, "@\u2060");
  if (inTable) text = text.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text.trim() === "" ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A quoted Mermaid label: characters that could end it, start an entity, a directive or Markdown are entities. */
export function mermaidLabel(s: string): string {
  return `"${oneLine(s).replace(/["#%&<>`|]/g, (c) => `#${c.codePointAt(0)};`)}"`;
}

function where(f: Finding): string {
  return `${f.location.file}:${f.location.line}`;
}

function findingRow(f: Finding, lang: Lang, files: readonly FileResult[]): string {
  const evidence = evidenceLine(f, lang);
  const rule = `**${mdText(f.rule)}** ${mdText(ruleTitle(f.rule, lang, files))}`;
  const finding = evidence
    ? `${mdText(f.message)}<br>${t(lang, "report.evidence")}: ${mdCode(evidence, true)}`
    : mdText(f.message);
  return `| ${rule} | ${finding} | ${mdCode(where(f), true)} |`;
}

function tableHead(lang: Lang): string[] {
  return [`| ${t(lang, "report.md.rule")} | ${t(lang, "report.md.finding")} | ${t(lang, "report.md.where")} |`, "|---|---|---|"];
}

function counts(result: CheckResult, lang: Lang): string[] {
  const s = result.summary;
  const rows = [`| ${t(lang, "report.md.severity")} | ${t(lang, "report.md.count")} |`, "|---|---:|"];
  for (const sev of SEVERITIES) rows.push(`| ${t(lang, `severity.${sev}`)} | ${s[sev]} |`);
  rows.push(`| ${t(lang, "report.md.waived")} | ${s.waived} |`, `| ${t(lang, "report.md.baselined")} | ${s.baselined} |`);
  return rows;
}

/** The offending paths of one file as a Mermaid flowchart; empty when no finding there has one. */
function diagram(file: FileResult): { lines: string[]; paths: number } {
  const distinct = new Map<string, PathElement[]>();
  for (const path of file.findings.filter(counted).flatMap(evidencePaths)) distinct.set(JSON.stringify(path), path);
  const paths = [...distinct.values()].slice(0, MAX_PATHS);
  if (paths.length === 0) return { lines: [], paths: 0 };
  const zoneIds = new Map<string, string>();
  const zoneLabels = new Map<string, string>();
  const nodeIds = new Map<string, string>();
  const members = new Map<string, string[]>();
  const devices: string[] = [];
  const zoneOf = new Map<string, string>();
  const zone = (id: string) => {
    let z = zoneIds.get(id);
    if (!z) {
      z = `z${zoneIds.size}`;
      zoneIds.set(id, z);
      zoneLabels.set(z, id);
      members.set(z, []);
    }
    return z;
  };
  const node = (p: PathElement, inZone?: string) => {
    const key = `${p.type}:${p.id}`;
    let n = nodeIds.get(key);
    if (!n) {
      n = `n${nodeIds.size}`;
      nodeIds.set(key, n);
      if (p.type === "device") devices.push(`  ${n}{{${mermaidLabel(p.id)}}}`);
      else if (inZone) {
        zoneOf.set(n, inZone);
        members.get(inZone)?.push(`    ${n}[${mermaidLabel(p.id)}]`);
      } else devices.push(`  ${n}[${mermaidLabel(p.id)}]`);
    }
    return n;
  };
  const edges: string[] = [];
  const seen = new Set<string>();
  const edge = (from: string, to: string, label?: string) => {
    const line = `  ${from} -->${label ? `|${mermaidLabel(label)}|` : ""} ${to}`;
    if (seen.has(line) || edges.length >= MAX_EDGES) return;
    seen.add(line);
    edges.push(line);
  };
  for (const path of paths) {
    // the elements other than zones, each with the zone before it
    const hops: Array<{ el: PathElement; via?: string }> = [];
    let via: string | undefined;
    path.forEach((p, i) => {
      if (p.type === "zone") via = zone(p.id);
      else {
        const next = path[i + 1];
        const home = p.type === "host" ? (via ?? (next?.type === "zone" ? zone(next.id) : undefined)) : undefined;
        hops.push(via === undefined ? { el: p } : { el: p, via });
        node(p, home);
        via = undefined;
      }
    });
    for (let i = 1; i < hops.length; i++) {
      const a = hops[i - 1] as { el: PathElement; via?: string };
      const b = hops[i] as { el: PathElement; via?: string };
      const from = nodeIds.get(`${a.el.type}:${a.el.id}`) as string;
      const to = nodeIds.get(`${b.el.type}:${b.el.id}`) as string;
      const label = a.el.type === "device" && a.el.rule ? a.el.rule : undefined;
      const z = b.via;
      // the zone between them shows when one of the two is drawn in it; else the edge passes through it
      if (z === undefined || zoneOf.get(from) === z || zoneOf.get(to) === z) edge(from, to, label);
      else {
        edge(from, z, label);
        edge(z, to);
      }
    }
  }
  const lines = ["```mermaid", "flowchart LR"];
  for (const [z, label] of zoneLabels) lines.push(`  subgraph ${z}[${mermaidLabel(label)}]`, ...(members.get(z) ?? []), "  end");
  lines.push(...devices, ...edges, "```");
  return { lines, paths: distinct.size };
}

export function reportMarkdown(result: CheckResult, options: ReportOptions): string {
  const { lang, failOn } = options;
  const out: string[] = [];
  const ok = passed(result, failOn);
  const level =
    failOn === "none" ? t(lang, "report.md.never-fails") : t(lang, "report.md.fail-on", { level: t(lang, `severity.${failOn}`) });
  out.push(`## bunri: ${ok ? `✅ ${t(lang, "report.md.pass")}` : `❌ ${t(lang, "report.md.fail")}`}`, "");
  out.push(...counts(result, lang), "");
  out.push(`${t(lang, "report.md.files", { files: result.summary.files, errors: result.summary.errors })} (${level})`, "");

  const errors = result.files.flatMap((f) => f.errors);
  if (errors.length > 0) {
    out.push(`### ${t(lang, "report.md.errors")} (${errors.length})`, "");
    for (const e of errors)
      out.push(
        `- ${mdCode(`${e.file}:${e.line}:${e.column}`, false)} ${mdText(e.message)}${e.hint ? ` (${mdText(e.hint)})` : ""}`,
      );
    out.push("");
  }

  const all = result.files.flatMap((f) => f.findings);
  if (all.length === 0 && errors.length === 0) out.push(t(lang, "report.md.clean"), "");
  let budget = MAX_ROWS;
  let leftOut = 0;
  for (const sev of SEVERITIES) {
    const list = all.filter((f) => f.severity === sev && counted(f));
    if (list.length === 0) continue;
    const rows = list.slice(0, Math.max(0, budget)).map((f) => findingRow(f, lang, result.files));
    leftOut += list.length - rows.length;
    budget -= rows.length;
    out.push(`### ${t(lang, `severity.${sev}`)} (${list.length})`, "");
    if (rows.length === 0) continue;
    out.push(...tableHead(lang), ...rows.slice(0, SHOWN_ROWS), "");
    if (rows.length > SHOWN_ROWS) {
      out.push(`<details><summary>${t(lang, "report.md.more", { n: rows.length - SHOWN_ROWS })}</summary>`, "");
      out.push(...tableHead(lang), ...rows.slice(SHOWN_ROWS), "", "</details>", "");
    }
  }
  if (leftOut > 0) out.push(t(lang, "report.md.left-out", { n: leftOut }), "");

  const quiet = all.filter((f) => !counted(f));
  if (quiet.length > 0) {
    out.push(`<details><summary>${t(lang, "report.md.not-counted", { n: quiet.length })}</summary>`, "");
    for (const f of quiet.slice(0, MAX_ROWS)) {
      const state =
        f.waived && f.waiver
          ? t(lang, "report.waived-until", { expires: mdText(f.waiver.expires), reason: mdText(f.waiver.reason) })
          : t(lang, "report.md.baselined");
      out.push(
        `- **${mdText(f.rule)}** ${mdText(f.message)} ${mdCode(where(f), false)} — ${state}${
          f.waived && f.waiver?.approvedBy ? ` (${t(lang, "report.approved-by", { who: mdText(f.waiver.approvedBy) })})` : ""
        }`,
      );
    }
    if (quiet.length > MAX_ROWS) out.push(`- ${t(lang, "report.md.more", { n: quiet.length - MAX_ROWS })}`);
    out.push("", "</details>", "");
  }

  const diagrams = result.files.map((file) => ({ file, ...diagram(file) })).filter((d) => d.lines.length > 0);
  if (diagrams.length > 0) {
    out.push(`### ${t(lang, "report.md.paths")}`, "");
    for (const d of diagrams) {
      const summary = t(lang, "report.md.paths-of", { file: `<code>${htmlText(d.file.file)}</code>`, n: d.paths });
      out.push(`<details><summary>${summary}</summary>`, "", ...d.lines, "", "</details>", "");
    }
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}
