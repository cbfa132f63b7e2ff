/**
 * The text report: grouped by file and severity, each finding with its evidence on indented lines
 * (the chain hop by hop with the firewall rule at each firewall, the contagion steps, or what
 * blocks a flow hop), input errors as file:line:column, and one summary line. Text from the input
 * (titles, messages, ids) is printed on one line each, line breaks folded and controls removed.
 */
import { styleText } from "node:util";
import type { PathElement } from "../analyze/reach.js";
import { type CheckResult, exitCode } from "../check.js";
import { t } from "../i18n/index.js";
import { type Lang, SEVERITIES } from "../model/types.js";
import { blockerMessages } from "../rules/render.js";
import type { Finding } from "../rules/types.js";
import { oneLine } from "./sanitize.js";
import type { ReportOptions } from "./types.js";

const COLOURS = { critical: "red", high: "red", medium: "yellow", low: "cyan", info: "gray" } as const;

function pathText(path: readonly PathElement[]): string {
  return path
    .map((p) => {
      if (p.type === "zone") return `[${p.id}]`;
      if (p.type === "device" && p.rule) return `${p.id} (${p.rule}${p.ruleTitle ? ` "${p.ruleTitle}"` : ""})`;
      return p.id;
    })
    .join(" → ");
}

function evidenceLines(f: Finding, lang: Lang): string[] {
  const e = f.evidence;
  const lines: string[] = [];
  if (e.chain) {
    const service =
      e.services === undefined || e.services === e.chain.service
        ? e.chain.service
        : t(lang, "report.evidence.services", {
            services: e.services === "any" ? t(lang, "label.any-service") : e.services,
            service: e.chain.service,
          });
    lines.push(`${pathText(e.chain.path)}  (${service})`);
    if ((e.sources ?? 1) > 1) lines.push(t(lang, "report.more-sources", { n: (e.sources ?? 1) - 1 }));
  }
  if (e.contagion) {
    e.contagion.steps.forEach((s, i) => {
      lines.push(`${i + 1}. ${t(lang, `report.step.${s.mode}`)}: ${pathText(s.path)}  (${s.service})`);
    });
  }
  if (e.blocked) {
    lines.push(t(lang, `reason.${e.blocked.reason}`));
    if (e.blocked.accepts) lines.push(t(lang, "evidence.accepts", { services: e.blocked.accepts }));
    lines.push(...blockerMessages(e.blocked.blockers, lang));
  }
  if (e.overlaps && e.overlaps.length > 0) lines.push(t(lang, "report.overlaps", { rules: e.overlaps.join(", ") }));
  if (f.waived && f.waiver) {
    lines.push(t(lang, "report.waived-because", { reason: f.waiver.reason, expires: f.waiver.expires }));
    if (f.waiver.approvedBy) lines.push(t(lang, "report.approved-by", { who: f.waiver.approvedBy }));
  }
  return lines;
}

export function reportText(result: CheckResult, options: ReportOptions): string {
  const { lang, color } = options;
  const paint = (c: Parameters<typeof styleText>[0], s: string) => (color ? styleText(c, s) : s);
  const out: string[] = [];
  for (const file of result.files) {
    const head = file.topology ? `${file.file} (${file.topology}${file.title ? `: ${file.title}` : ""})` : file.file;
    out.push(paint("bold", oneLine(head)));
    for (const e of file.errors) {
      out.push(`  ${paint("red", oneLine(`${e.file}:${e.line}:${e.column}: ${e.message}${e.hint ? ` (${e.hint})` : ""}`))}`);
    }
    const ordered = [
      ...file.findings.filter((f) => !f.waived && !f.baselined),
      ...file.findings.filter((f) => f.waived || f.baselined),
    ];
    for (const f of ordered) {
      const tag = t(lang, `severity.${f.severity}`);
      const state = f.waived ? ` [${t(lang, "report.waived")}]` : f.baselined ? ` [${t(lang, "report.baselined")}]` : "";
      const where = `${f.location.line}:${f.location.column}`;
      out.push(
        `  ${paint(COLOURS[f.severity], tag)} ${paint("bold", oneLine(f.rule))}${state} ${oneLine(f.message)} ${paint("gray", where)}`,
      );
      for (const line of evidenceLines(f, lang)) out.push(`      ${paint("gray", oneLine(line))}`);
    }
    if (file.errors.length === 0 && file.findings.length === 0) out.push(`  ${t(lang, "report.clean")}`);
    out.push("");
  }
  out.push(summaryLine(result, options));
  return `${out.join("\n")}\n`;
}

/** The verdict and the counts on one line: the text report's last line, and what a CI log shows when every report goes to a file. */
export function summaryLine(result: CheckResult, options: ReportOptions): string {
  const { lang, color } = options;
  const paint = (c: Parameters<typeof styleText>[0], s: string) => (color ? styleText(c, s) : s);
  const s = result.summary;
  const counts = SEVERITIES.map((sev) => `${t(lang, `severity.${sev}`)} ${s[sev]}`).join(", ");
  const verdict = exitCode(result, options.failOn) === 0 ? paint("green", "PASS") : paint("red", "FAIL");
  return t(lang, "report.summary", {
    verdict,
    counts,
    waived: s.waived,
    baselined: s.baselined,
    files: s.files,
    errors: s.errors,
  });
}
