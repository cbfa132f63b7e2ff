/** `bunri diff` as text for the terminal, Markdown for a pull-request comment, or JSON. */
import type { DiffResult, PairChange } from "../diff.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../model/types.js";
import { formatPath } from "../rules/render.js";
import type { Finding } from "../rules/types.js";
import { mdText } from "./markdown.js";
import { jsonText, oneLine } from "./sanitize.js";

function pairLines(p: PairChange, lang: Lang, kind: "gained" | "lost"): string[] {
  const lines = [`${p.source} → ${p.target}  (${p.services})`];
  if (p.chain) lines.push(`    ${formatPath(p.chain.path)}`);
  if (p.rules.length > 0)
    lines.push(`    ${t(lang, kind === "gained" ? "diff.rules-added" : "diff.rules-removed", { rules: p.rules.join(", ") })}`);
  else if (kind === "gained") lines.push(`    ${t(lang, "diff.no-rule-change")}`);
  if (p.explanation) lines.push(`    ${t(lang, `reason.${p.explanation.reason}`)}`);
  return lines;
}

function findingLine(f: Finding): string {
  return `${f.severity} ${f.rule} ${f.message} (${f.location.line}:${f.location.column})`;
}

export function diffJson(diff: DiffResult): string {
  const finding = (f: Finding) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    subjects: f.subjects,
    fingerprint: f.fingerprint,
    waived: f.waived,
    location: f.location,
  });
  return `${jsonText(
    {
      old: diff.old,
      new: diff.new,
      reach: diff.reach,
      findings: {
        new: diff.findings.new.map(finding),
        resolved: diff.findings.resolved.map(finding),
        unchanged: diff.findings.unchanged.map(finding),
      },
    },
    2,
  )}\n`;
}

export function diffText(diff: DiffResult, lang: Lang): string {
  const out: string[] = [];
  out.push(t(lang, "diff.title", { old: diff.old.file, new: diff.new.file }));
  for (const side of [diff.old, diff.new])
    for (const e of side.errors) out.push(`  ${e.file}:${e.line}:${e.column}: ${e.message}`);
  if (diff.old.errors.length + diff.new.errors.length > 0) return `${out.map(oneLine).join("\n")}\n`;
  out.push("", t(lang, "diff.gained", { n: diff.reach.gained.length }));
  for (const p of diff.reach.gained)
    out.push(...pairLines(p, lang, "gained").map((l) => `  + ${l}`.replace("  +     ", "      ")));
  out.push("", t(lang, "diff.lost", { n: diff.reach.lost.length }));
  for (const p of diff.reach.lost) out.push(...pairLines(p, lang, "lost").map((l) => `  - ${l}`.replace("  -     ", "      ")));
  out.push("", t(lang, "diff.findings-new", { n: diff.findings.new.length }));
  for (const f of diff.findings.new) out.push(`  + ${findingLine(f)}`);
  out.push("", t(lang, "diff.findings-resolved", { n: diff.findings.resolved.length }));
  for (const f of diff.findings.resolved) out.push(`  - ${findingLine(f)}`);
  out.push(
    "",
    t(lang, "diff.summary", {
      gained: diff.reach.gained.length,
      lost: diff.reach.lost.length,
      added: diff.findings.new.length,
      resolved: diff.findings.resolved.length,
      unchanged: diff.findings.unchanged.length,
    }),
  );
  return `${out.map(oneLine).join("\n")}\n`;
}

/** Markdown-escapes text from the input so it cannot break the layout or inject HTML. */
export function diffMarkdown(diff: DiffResult, lang: Lang): string {
  const out: string[] = [`### ${mdText(t(lang, "diff.title", { old: diff.old.file, new: diff.new.file }))}`, ""];
  const errors = [...diff.old.errors, ...diff.new.errors];
  if (errors.length > 0) {
    for (const e of errors) out.push(`- ${mdText(`${e.file}:${e.line}:${e.column}: ${e.message}`)}`);
    return `${out.join("\n")}\n`;
  }
  const table = (rows: PairChange[], kind: "gained" | "lost") => {
    if (rows.length === 0) return;
    out.push(
      `| ${mdText(t(lang, "diff.col.source"))} | ${mdText(t(lang, "diff.col.target"))} | ${mdText(t(lang, "diff.col.services"))} | ${mdText(t(lang, "diff.col.rules"))} |`,
      "|---|---|---|---|",
    );
    for (const p of rows)
      out.push(
        `| ${mdText(p.source)} | ${mdText(p.target)} | ${mdText(p.services)} | ${mdText(p.rules.join(", ") || (kind === "gained" ? "-" : ""))} |`,
      );
    out.push("");
  };
  out.push(`**${mdText(t(lang, "diff.gained", { n: diff.reach.gained.length }))}**`, "");
  table(diff.reach.gained, "gained");
  out.push(`**${mdText(t(lang, "diff.lost", { n: diff.reach.lost.length }))}**`, "");
  table(diff.reach.lost, "lost");
  out.push(`**${mdText(t(lang, "diff.findings-new", { n: diff.findings.new.length }))}**`, "");
  for (const f of diff.findings.new) out.push(`- ${mdText(findingLine(f))}`);
  out.push("", `**${mdText(t(lang, "diff.findings-resolved", { n: diff.findings.resolved.length }))}**`, "");
  for (const f of diff.findings.resolved) out.push(`- ${mdText(findingLine(f))}`);
  return `${out.join("\n")}\n`;
}
