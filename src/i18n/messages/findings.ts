import type { Catalogue } from "../index.js";

/** Words that findings and evidence use; the rules' own texts live in policies/*.yaml. */
export const FINDINGS_MESSAGES: Catalogue = {
  "label.every-subject": { en: "every subject", ja: "すべての対象" },
  "label.implicit-host": { en: "any host on {zone} ({id})", ja: "{zone} 上の任意の端末 ({id})" },
  "kind.firewall": { en: "a firewall", ja: "ファイアウォール" },
  "kind.ips": { en: "an IPS", ja: "IPS" },
  "kind.security-cloud": { en: "the security cloud", ja: "自治体情報セキュリティクラウド" },
  "reason.no-connection": { en: "no connection between them", ja: "両者をつなぐ経路がありません" },
  "reason.not-accepted": { en: "the destination does not accept the service", ja: "宛先がそのサービスを受け付けていません" },
  "reason.blocked": { en: "blocked on the way", ja: "途中で遮断されています" },
  "reason.same-host": { en: "sender and receiver are the same host", ja: "送信元と宛先が同じホストです" },
  "engine.unknown-waiver-rule": {
    en: 'waiver names rule "{rule}", which no active or built-in rule has',
    ja: '例外 (waiver) に指定されたルール "{rule}" は、有効なルールにも組み込みルールにもありません',
  },
  "blocker.firewall-rule": { en: "{firewall} denies it by rule {rules}", ja: "{firewall} のルール {rules} が拒否しています" },
  "blocker.firewall-default": {
    en: "{firewall} denies it by its default deny",
    ja: "{firewall} が既定 (default: deny) で拒否しています",
  },
  "blocker.host-no-forward": { en: "{host} is a host that does not forward", ja: "{host} は転送しないホストです" },
  "blocker.excluded": { en: "{host} is left out", ja: "{host} を除外しています" },
  "evidence.accepts": { en: "the destination accepts only {services}", ja: "宛先が受け付けるのは {services} のみです" },
  "evidence.reach": { en: "opens a connection to", ja: "から接続して感染させる" },
  "evidence.fetch": { en: "fetches content from", ja: "がコンテンツを取得して感染する" },
  "severity.critical": { en: "critical", ja: "重大" },
  "severity.high": { en: "high", ja: "高" },
  "severity.medium": { en: "medium", ja: "中" },
  "severity.low": { en: "low", ja: "低" },
  "severity.info": { en: "info", ja: "情報" },
  "report.waived": { en: "waived", ja: "例外承認済み" },
  "report.baselined": { en: "baselined", ja: "既知 (ベースライン)" },
  "report.waived-because": { en: "waived: {reason} (until {expires})", ja: "例外: {reason} ({expires} まで)" },
  "report.more-sources": { en: "and {n} more source(s)", ja: "ほか {n} 件の送信元" },
  "report.overlaps": { en: "overlapped by {rules}", ja: "先行するルール {rules} と重なっています" },
  "report.clean": { en: "no findings", ja: "指摘はありません" },
  "report.summary": {
    en: "{verdict}: {counts}; waived {waived}, baselined {baselined}; {files} file(s) checked, {errors} input error(s)",
    ja: "{verdict}: {counts} / 例外 {waived}、既知 {baselined} / 検査ファイル {files} 件、入力エラー {errors} 件",
  },
};
