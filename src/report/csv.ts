/**
 * CSV, one row per finding, for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
 * Japanese right), CRLF line ends, RFC 4180 quoting, and values that a spreadsheet would run as a
 * formula (= + - @ and a leading tab or CR) prefixed with an apostrophe.
 */
import type { CheckResult } from "../check.js";
import { t } from "../i18n/index.js";
import { evidenceLine } from "./common.js";
import { stripControls } from "./sanitize.js";
import type { ReportOptions } from "./types.js";

export function csvField(value: string | number | boolean): string {
  let s = stripControls(String(value));
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const HEADER = [
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
];

export function reportCsv(result: CheckResult, options: ReportOptions): string {
  const rows = [HEADER.map((h) => csvField(h))];
  for (const file of result.files) {
    for (const f of file.findings) {
      rows.push(
        [
          file.file,
          file.topology ?? "",
          f.rule,
          t(options.lang, `severity.${f.severity}`),
          f.message,
          f.subjects.join(" "),
          f.location.line,
          f.location.column,
          f.waived,
          f.baselined,
          f.fingerprint,
          evidenceLine(f),
        ].map(csvField),
      );
    }
  }
  return `\uFEFF${rows.map((r) => r.join(",")).join("\r\n")}\r\n`;
}
