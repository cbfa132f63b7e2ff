/**
 * `--format github`: GitHub Actions workflow commands, one annotation per counted finding and per
 * input error, as conftest's `--output github` does; GitHub shows them on the pull request's diff
 * and in the run's summary. A finding at or above `--fail-on` is an `error`, one below it a
 * `warning` (medium and above) or a `notice`; waived and baselined findings are left out (the
 * summary line counts them). Files are named from the repository root, where GitHub looks.
 *
 * Escaping follows the runner's rules (actions/toolkit, command.ts): in the message `%`, CR and LF;
 * in a property value also `:` and `,`.
 */
import type { CheckResult } from "../check.js";
import { t } from "../i18n/index.js";
import type { SourceLocation } from "../model/types.js";
import type { Finding } from "../rules/types.js";
import { cleanText, counted, evidenceLine, failing, ruleTitle } from "./common.js";
import { summaryLine } from "./text.js";
import type { ReportOptions } from "./types.js";

/** The message of a workflow command. */
export function escapeData(s: string): string {
  // other controls and terminal escapes are removed; CR and LF are kept, escaped
  return s
    .split("\r")
    .map((part) => cleanText(part).replace(/%/g, "%25").replace(/\n/g, "%0A"))
    .join("%0D");
}

/** A property value of a workflow command (`file=…`, `title=…`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function command(
  level: "error" | "warning" | "notice",
  at: SourceLocation,
  title: string,
  message: string,
  options: ReportOptions,
) {
  const file = options.rootRelative ? options.rootRelative(at.file) : at.file;
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${Math.max(1, at.line)}`,
    `col=${Math.max(1, at.column)}`,
    `title=${escapeProperty(title)}`,
  ].join(",");
  return `::${level} ${props}::${escapeData(message)}`;
}

function level(f: Finding, options: ReportOptions): "error" | "warning" | "notice" {
  if (failing(f, options.failOn)) return "error";
  return f.severity === "low" || f.severity === "info" ? "notice" : "warning";
}

export function reportGithub(result: CheckResult, options: ReportOptions): string {
  const { lang } = options;
  const lines: string[] = [];
  for (const file of result.files) {
    for (const e of file.errors) {
      const message = e.hint ? `${e.message} (${e.hint})` : e.message;
      lines.push(command("error", e, t(lang, "report.github.input-error"), message, options));
    }
    for (const f of file.findings) {
      if (!counted(f)) continue;
      const evidence = evidenceLine(f, lang);
      const message = evidence ? `${f.message}\n${t(lang, "report.evidence")}: ${evidence}` : f.message;
      const title = `${f.rule} (${t(lang, `severity.${f.severity}`)}): ${ruleTitle(f.rule, lang, [file])}`;
      lines.push(command(level(f, options), f.location, title, message, options));
    }
  }
  lines.push(summaryLine(result, { ...options, color: false }));
  return `${lines.join("\n")}\n`;
}
