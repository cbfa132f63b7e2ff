import type { Catalogue } from "../index.js";

/** Words of the SARIF, JUnit, Markdown and CSV reports and of `bunri format`. */
export const REPORT_MESSAGES: Catalogue = {
  // the evidence of a finding on one line (src/report/common.ts)
  "report.evidence.flow-hop": { en: "{flow}: {sender} → {receiver}", ja: "{flow}: {sender} → {receiver}" },
  "report.evidence.flow-after": { en: "{flow}: {node} comes after {after}", ja: "{flow}: {after} の後に {node}" },
  "report.evidence.value": { en: "found: {value}", ja: "設定値: {value}" },
  "csv.file": { en: "file", ja: "ファイル" },
  "csv.topology": { en: "topology", ja: "トポロジ" },
  "csv.rule": { en: "rule", ja: "規則" },
  "csv.severity": { en: "severity", ja: "重大度" },
  "csv.message": { en: "message", ja: "内容" },
  "csv.subjects": { en: "subjects", ja: "対象" },
  "csv.line": { en: "line", ja: "行" },
  "csv.column": { en: "column", ja: "列" },
  "csv.waived": { en: "waived", ja: "例外承認済み" },
  "csv.baselined": { en: "baselined", ja: "既知 (ベースライン)" },
  "csv.fingerprint": { en: "fingerprint", ja: "フィンガープリント" },
  "csv.evidence": { en: "evidence", ja: "根拠" },
  "csv.waiver-reason": { en: "waiver-reason", ja: "例外の理由" },
  "csv.waiver-approved-by": { en: "waiver-approved-by", ja: "承認者" },
  "csv.waiver-expires": { en: "waiver-expires", ja: "例外の期限" },
  "report.step.reach": { en: "connects", ja: "接続" },
  "report.step.fetch": { en: "fetches", ja: "取得" },
  "report.evidence.services": { en: "{services}; drawn for {service}", ja: "{services}、経路は {service} の例" },
  "report.evidence.zones": { en: "zones: {zones}", ja: "ゾーン: {zones}" },
  // rule metadata (SARIF help, Markdown)
  "report.why": { en: "Why it matters", ja: "なぜ重要か" },
  "report.fix": { en: "How to fix it", ja: "直し方" },
  "report.references": { en: "References", ja: "根拠" },
  "report.evidence": { en: "Evidence", ja: "根拠となる経路" },
  "report.waived-until": { en: "waived until {expires}: {reason}", ja: "{expires} まで例外承認: {reason}" },
  "report.approved-by": { en: "approved by {who}", ja: "承認: {who}" },
  "report.user-rule": {
    en: "Rule {rule} of a policy file (no catalogue entry).",
    ja: "ポリシーファイルのルール {rule} (カタログに説明はありません)。",
  },
  // Markdown
  "report.md.pass": { en: "PASS", ja: "合格" },
  "report.md.fail": { en: "FAIL", ja: "不合格" },
  "report.md.fail-on": { en: "fails at {level} and above", ja: "重大度 {level} 以上で不合格" },
  "report.md.never-fails": { en: "no severity fails the run", ja: "重大度による不合格なし" },
  "report.md.severity": { en: "Severity", ja: "重大度" },
  "report.md.count": { en: "Findings", ja: "件数" },
  "report.md.waived": { en: "waived", ja: "例外承認済み" },
  "report.md.baselined": { en: "baselined", ja: "既知 (ベースライン)" },
  "report.md.files": {
    en: "{files} file(s) checked, {errors} input error(s).",
    ja: "検査したファイル {files} 件、入力エラー {errors} 件。",
  },
  "report.md.errors": { en: "Input errors", ja: "入力エラー" },
  "report.md.rule": { en: "Rule", ja: "ルール" },
  "report.md.finding": { en: "Finding", ja: "指摘" },
  "report.md.where": { en: "Where", ja: "場所" },
  "report.md.more": { en: "{n} more", ja: "ほか {n} 件" },
  "report.md.left-out": {
    en: "{n} more finding(s) left out here; see the full report (--format text or json).",
    ja: "ほか {n} 件はここでは省略しました。全件は --format text または json で確認してください。",
  },
  "report.md.not-counted": { en: "Waived or baselined ({n})", ja: "例外承認済み・既知 ({n} 件)" },
  "report.md.clean": { en: "No findings.", ja: "指摘はありません。" },
  "report.md.paths": { en: "Offending paths", ja: "問題の経路" },
  "report.md.paths-of": { en: "{file}: {n} path(s)", ja: "{file}: 経路 {n} 本" },
  // JUnit
  "report.junit.below": { en: "below --fail-on {level}", ja: "--fail-on {level} 未満" },
  "report.junit.input-errors": { en: "{n} input error(s)", ja: "入力エラー {n} 件" },
  "report.junit.findings": { en: "{n} finding(s) at or above {level}", ja: "{level} 以上の指摘 {n} 件" },
  // bunri format
  "format.usage": {
    en: "usage: bunri format RESULT.json --format F [-o FILE] (a result saved with --format json)",
    ja: "使い方: bunri format 結果.json --format 形式 [-o ファイル] (--format json で保存した結果)",
  },
  "format.unreadable": { en: "cannot be read", ja: "読み込めません" },
  "format.not-json": {
    en: "not a JSON result of bunri (invalid JSON: {detail})",
    ja: "bunri の JSON 結果ではありません (JSON として正しくありません: {detail})",
  },
  "format.not-result": {
    en: "not a JSON result of bunri: {path} {detail}",
    ja: "bunri の JSON 結果の形式ではありません: {path} {detail}",
  },
};
