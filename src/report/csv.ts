/**
 * CSV, one row per finding, for spreadsheets: RFC 4180 (CRLF line ends, fields with a comma, a
 * quote or a line break quoted, quotes doubled), UTF-8 with a byte-order mark so that Excel reads
 * the Japanese right. A value that a spreadsheet would take for a formula (starting with = + - @,
 * a tab or a carriage return) gets a leading apostrophe; control characters and terminal escape
 * sequences are removed. The header row is in the reader's language (ids in English); waived
 * findings carry their waiver's reason, approver and expiry.
 */
import type { CheckResult } from "../check.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../model/types.js";
import { cleanText, evidenceLine } from "./common.js";
import type { ReportOptions } from "./types.js";

/** Neutralises spreadsheet formulas; checked before and after the controls are removed. */
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  let s = cleanText(value.replace(/\r\n?/g, "\n"));
  if (FORMULA.test(value) || FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = [
  "file",
  "topology",
  "rule",
  "severity",
  "message",
  "subjects",
  "line",
  "column",
  "waived",
  "baselined",
  "fingerprint",
  "evidence",
  "waiver-reason",
  "waiver-approved-by",
  "waiver-expires",
] as const;

/** The header row in the reader's language: the column names above in English, their Japanese names under `--lang ja`. */
export function csvHeader(lang: Lang): string[] {
  return CSV_HEADER.map((c) => t(lang, `csv.${c}`));
}

export function reportCsv(result: CheckResult, options: ReportOptions): string {
  const rows: string[] = [csvHeader(options.lang).map(csvField).join(",")];
  for (const file of result.files) {
    for (const f of file.findings) {
      const fields: Array<string | number | boolean> = [
        file.file,
        file.topology ?? "",
        f.rule,
        f.severity,
        f.message,
        f.subjects.join(" "),
        f.location.line,
        f.location.column,
        f.waived,
        f.baselined,
        f.fingerprint,
        evidenceLine(f, options.lang),
        f.waiver?.reason ?? "",
        f.waiver?.approvedBy ?? "",
        f.waiver?.expires ?? "",
      ];
      rows.push(fields.map(csvField).join(","));
    }
  }
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}
