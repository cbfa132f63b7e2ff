import type { Catalogue } from "../index.js";

export const CLI_MESSAGES: Catalogue = {
  "policy.yaml-syntax": {
    en: "policy file is not valid YAML: {detail}",
    ja: "ポリシーファイルの YAML が正しくありません: {detail}",
  },
  "policy.schema": { en: "policy file: {path} {detail}", ja: "ポリシーファイル: {path} {detail}" },
  "policy.not-found": { en: 'policy file "{file}" cannot be read', ja: 'ポリシーファイル "{file}" を読み込めません' },
  "policy.outside": {
    en: 'policy file "{file}" is outside the design\'s repository: a design names policy files in its own repository (or, outside git, in its own directory); give another with --policy',
    ja: 'ポリシーファイル "{file}" はトポロジのリポジトリの外にあります。トポロジが指定できるのは同じリポジトリ (git の外では同じディレクトリ以下) のポリシーファイルだけです。ほかのファイルは --policy で指定してください',
  },
  "policy.unknown": {
    en: 'unknown policy "{name}": give a built-in pack ({packs}), "default", or a .yaml policy file',
    ja: 'ポリシー "{name}" はありません。組み込みパック ({packs})、"default"、または .yaml のポリシーファイルを指定してください',
  },
  "policy.collision": {
    en: 'rule id "{rule}" is already used by a built-in rule or another policy: choose another id',
    ja: 'ルール ID "{rule}" は組み込みルールまたは他のポリシーで使われています。別の ID にしてください',
  },
  "policy.unknown-override": {
    en: 'overrides name rule "{rule}", which no policy defines',
    ja: 'overrides に指定されたルール "{rule}" はどのポリシーにもありません',
  },
  "baseline.json": {
    en: "baseline file is not valid JSON: {detail}",
    ja: "ベースラインファイルの JSON が正しくありません: {detail}",
  },
  "baseline.truncated": { en: "the file ends too early", ja: "ファイルが途中で終わっています" },
  "baseline.unexpected": { en: "unexpected {char}", ja: "{char} はここに書けません" },
  "baseline.format": {
    en: 'not a bunri baseline: expected { "bunri-baseline": 1, "findings": [...] } (write one with --write-baseline)',
    ja: 'bunri のベースラインではありません。{ "bunri-baseline": 1, "findings": [...] } の形式です (--write-baseline で作成できます)',
  },
  "baseline.entry": {
    en: "baseline entry {index} has no fingerprint",
    ja: "ベースラインの {index} 番目の項目に fingerprint がありません",
  },
  "baseline.unreadable": { en: "baseline file cannot be read", ja: "ベースラインファイルを読み込めません" },
  "baseline.written": {
    en: "bunri: wrote {count} finding(s) to the baseline {file}",
    ja: "bunri: {count} 件の指摘をベースライン {file} に書き出しました",
  },
  "baseline.not-written": {
    en: "bunri: the baseline {file} was not written: fix the input errors first",
    ja: "bunri: 入力エラーがあるため、ベースライン {file} は書き出していません",
  },
  "baseline.unmatched": {
    en: "bunri: {count} finding(s) of the baseline no longer occur (fixed); refresh it with --write-baseline",
    ja: "bunri: ベースラインの指摘のうち {count} 件はもう発生していません (解消済み)。--write-baseline で更新してください",
  },
  "base.bad-rev": {
    en: '--base "{rev}": not a revision of the git repository that holds the designs',
    ja: '--base "{rev}": 設計のある git リポジトリのリビジョンではありません',
  },
  "base.absent": {
    en: "bunri: warning: {file} does not exist at {rev}; all its findings count as new",
    ja: "bunri: 警告: {file} は {rev} に存在しません。すべての指摘を新規として扱います",
  },
  "base.invalid": {
    en: "bunri: warning: {file} is not a valid design at {rev}; all its findings count as new",
    ja: "bunri: 警告: {file} は {rev} の時点で正しい設計ではありません。すべての指摘を新規として扱います",
  },
  "check.waiver-no-design": {
    en: 'warning: this waiver is for the design "{topology}", but no checked design has that name, so it waives nothing',
    ja: '警告: この例外は設計 "{topology}" のものですが、検査した設計にその名前のものがないため、何も免除しません',
  },
  "cli.policy-replaces": {
    en: "bunri: note: --policy {files} replaces the built-in rule packs: only its own rules run. To add them to the built-in rules: {keep}",
    ja: "bunri: 注意: --policy {files} は組み込みのルールパックを置き換えます (このファイルのルールだけが動きます)。組み込みのルールに追加するには: {keep}",
  },
  "diff.names-differ": {
    en: 'bunri: warning: the two designs have different names ("{old}" and "{new}"): findings are matched by name, so every finding counts as new or resolved',
    ja: 'bunri: 警告: 2 つの設計の名前 (name) が違います ("{old}" と "{new}")。指摘は名前で対応付けるため、すべての指摘が新規または解消として扱われます',
  },
  "cli.unexpected": { en: 'unexpected argument "{value}"', ja: '余分な引数 "{value}" があります' },
  "cli.bad-pack": { en: 'unknown pack "{value}": use {packs}', ja: 'パック "{value}" はありません。{packs} のいずれかです' },
  "cli.explain-usage": {
    en: "usage: bunri explain RULE [--policy FILE…] (e.g. bunri explain ASP-02)",
    ja: "使い方: bunri explain ルールID [--policy ファイル…] (例: bunri explain ASP-02)",
  },
  "cli.unknown-rule": {
    en: 'unknown rule "{rule}": `bunri rules` lists them',
    ja: 'ルール "{rule}" はありません。`bunri rules` で一覧を確認できます',
  },
  "cli.unknown-rule-suggest": {
    en: 'unknown rule "{rule}" (did you mean "{suggestion}"?)',
    ja: 'ルール "{rule}" はありません ("{suggestion}" ですか?)',
  },
  "cli.bad-template": {
    en: 'unknown template "{value}": use {templates}',
    ja: 'テンプレート "{value}" はありません。{templates} のいずれかです',
  },
  "cli.write-failed": { en: "cannot write {file}: {reason}", ja: "{file} に書き込めません: {reason}" },
  "cli.write-no-directory": { en: "its directory does not exist", ja: "書き込み先のディレクトリがありません" },
  "cli.write-denied": { en: "permission denied", ja: "アクセス権がありません" },
  "cli.write-is-directory": { en: "it is a directory", ja: "ディレクトリです" },
  "cli.write-no-space": { en: "no space left on the device", ja: "ディスクの空きがありません" },
  "cli.report-failed": {
    en: "the {format} report could not be made: {reason}",
    ja: "{format} 形式のレポートを作成できませんでした: {reason}",
  },
  "cli.init-exists": {
    en: "{file} exists already: choose another name, or --force to overwrite it",
    ja: "{file} は既にあります。別の名前にするか、--force で上書きしてください",
  },
  "cli.init-written": {
    en: "bunri: wrote {file} from the {template} template; check it with `bunri check {file}`",
    ja: "bunri: テンプレート {template} から {file} を作成しました。`bunri check {file}` で検査できます",
  },
  "cli.tui-no-terminal": {
    en: "the explorer needs a terminal on standard input and output; use `bunri check` in scripts and CI",
    ja: "エクスプローラには端末 (標準入出力) が必要です。スクリプトや CI では `bunri check` を使ってください",
  },
  "tui.no-host-match": {
    en: "No host matches “{query}”: / to change the filter.",
    ja: "「{query}」に当てはまる機器はありません。/ で条件を変えられます。",
  },
  "tui.key.done": { en: "done", ja: "確定" },
  "tui.key.cancel": { en: "cancel", ja: "取消" },
  "tui.key.help": { en: "help", ja: "ヘルプ" },
  "tui.key.quit": { en: "quit", ja: "終了" },
  "tui.key.files": { en: "files", ja: "ファイル" },
  "tui.key.move": { en: "move", ja: "移動" },
  "tui.key.open": { en: "open", ja: "開く" },
  "tui.key.filter": { en: "filter", ja: "絞り込み" },
  "tui.key.severity": { en: "severity", ja: "重大度" },
  "tui.key.zones": { en: "zones", ja: "ゾーン" },
  "tui.key.reach": { en: "reach", ja: "到達性" },
  "tui.key.scroll": { en: "scroll", ja: "スクロール" },
  "tui.key.back": { en: "back", ja: "戻る" },
  "tui.key.type": { en: "type to filter", ja: "文字で絞り込み" },
  "tui.key.pick": { en: "pick", ja: "選択" },
  "tui.rule-default": { en: "let through by the firewall's default (allow)", ja: "ファイアウォールの既定 (許可) で通過" },
  "tui.rule-used": { en: "rule {rule}{title} lets it through", ja: "ルール {rule}{title} で通過" },
  "tui.location": { en: "at {file}:{line}:{column}", ja: "場所: {file}:{line}:{column}" },
  "tui.evidence-path": { en: "Path, hop by hop ({service})", ja: "経路 (1 ホップずつ、{service})" },
  "tui.evidence-contagion": { en: "Contagion path (distance {distance})", ja: "感染経路 (距離 {distance})" },
  "tui.step-reach": { en: "{n}. {from} opens a connection to {to}", ja: "{n}. {from} から {to} へ通信を開始" },
  "tui.step-fetch": { en: "{n}. {to} fetches from {from}", ja: "{n}. {to} が {from} から取得" },
  "tui.evidence-flow": { en: "Flow", ja: "データの流れ (フロー)" },
  "tui.flow-after": { en: "{node} comes after {after}", ja: "{after} の後に {node} があります" },
  "tui.value": { en: "found: {value}", ja: "設定値: {value}" },
  "tui.zones": { en: "zones: {zones}", ja: "ゾーン: {zones}" },
  "tui.why": { en: "Why it matters", ja: "なぜ重要か" },
  "tui.fix": { en: "How to fix it", ja: "直し方" },
  "tui.references": { en: "References", ja: "根拠" },
  "tui.reach-yes": { en: "{source} reaches {target} on {services}", ja: "{source} から {target} へ通信できます ({services})" },
  "tui.reach-no": { en: "{source} does not reach {target}", ja: "{source} から {target} へは通信できません" },
  "tui.node-kind.firewall": { en: "firewall", ja: "ファイアウォール" },
  "tui.node-kind.router": { en: "router", ja: "ルータ" },
  "tui.node-kind.switch": { en: "switch", ja: "スイッチ" },
  "tui.node-kind.ips": { en: "IPS", ja: "IPS" },
  "tui.node-kind.waf": { en: "WAF", ja: "WAF" },
  "tui.node-kind.vpn-gateway": { en: "VPN gateway", ja: "VPN 装置" },
  "tui.node-kind.wireless-ap": { en: "wireless access point", ja: "無線アクセスポイント" },
  "tui.node-kind.client": { en: "client", ja: "端末" },
  "tui.node-kind.web-server": { en: "web server", ja: "Web サーバ" },
  "tui.node-kind.app-server": { en: "application server", ja: "アプリケーションサーバ" },
  "tui.node-kind.db-server": { en: "database server", ja: "DB サーバ" },
  "tui.node-kind.file-server": { en: "file server", ja: "ファイルサーバ" },
  "tui.node-kind.mail-server": { en: "mail server", ja: "メールサーバ" },
  "tui.node-kind.mail-relay": { en: "mail relay", ja: "メール中継サーバ" },
  "tui.node-kind.virus-scan": { en: "virus scanner", ja: "ウイルスチェックサーバ" },
  "tui.node-kind.sanitizer": { en: "file sanitiser", ja: "無害化装置" },
  "tui.node-kind.screen-transfer": { en: "screen transfer", ja: "画面転送" },
  "tui.node-kind.proxy": { en: "proxy", ja: "プロキシ" },
  "tui.node-kind.dns-server": { en: "DNS server", ja: "DNS サーバ" },
  "tui.node-kind.auth-server": { en: "authentication server", ja: "認証サーバ" },
  "tui.node-kind.log-server": { en: "log server", ja: "ログサーバ" },
  "tui.node-kind.server": { en: "server", ja: "サーバ" },
  "tui.node-kind.device": { en: "device", ja: "機器" },
  "tui.zone-internet": {
    en: "the internet itself: whatever is on it is outside the city's control",
    ja: "インターネットそのものです。ここにある機器は団体の管理外です",
  },
  "tui.zone-exposed": { en: "the internet reaches hosts of this zone", ja: "インターネットからこのゾーンの機器へ通信できます" },
  "tui.zone-not-exposed": {
    en: "the internet reaches no host of this zone",
    ja: "インターネットからこのゾーンの機器へは通信できません",
  },
  "tui.holds": { en: "holds {data}", ja: "保存: {data}" },
  "tui.node-exposed": { en: "reached from the internet", ja: "インターネットから到達可能" },
  "tui.node-fetches": { en: "fetches content (by its kind)", ja: "取得する (種別の既定)" },
  "tui.node-fetches-declared": { en: "fetches content (declared)", ja: "取得する (fetches: true)" },
  "tui.node-no-fetch": { en: "does not fetch (declared)", ja: "取得しない (fetches: false)" },
  "tui.help-title": { en: "Keys", ja: "キー操作" },
  "tui.help.move": { en: "move the selection or scroll", ja: "選択の移動・スクロール" },
  "tui.help.page": { en: "a page down or up, to the top or the end", ja: "1 画面ずつ、先頭・末尾へ" },
  "tui.help.open": { en: "open the finding, pick the host", ja: "指摘を開く・機器を選ぶ" },
  "tui.help.back": { en: "back", ja: "戻る" },
  "tui.help.filter": { en: "filter the findings by text (rule, message, ids)", ja: "文字で指摘を絞り込む (ルール・本文・ID)" },
  "tui.help.severity": {
    en: "show one severity: 1 critical … 5 info (again: all)",
    ja: "重大度で絞り込む: 1 重大 … 5 情報 (もう一度で解除)",
  },
  "tui.help.zones": {
    en: "zones: nodes, data, reached from the internet or not",
    ja: "ゾーン一覧: 機器・データ・インターネットからの到達",
  },
  "tui.help.reach": { en: "reach query: pick a source and a target", ja: "到達性の確認: 送信元と宛先を選ぶ" },
  "tui.help.files": { en: "the list of files", ja: "ファイルの一覧" },
  "tui.help.help": { en: "this help", ja: "このヘルプ" },
  "tui.help.quit": { en: "quit", ja: "終了" },
  "tui.model": { en: "model", ja: "モデル" },
  "tui.not-counted": { en: "{n} waived or baselined", ja: "例外・既知 {n} 件" },
  "tui.filter": { en: "filter", ja: "絞り込み" },
  "tui.no-match": { en: "no finding matches", ja: "該当する指摘はありません" },
  "tui.pick-file": { en: "Choose a design:", ja: "設計を選んでください:" },
  "tui.input-errors": { en: "{n} input error(s)", ja: "入力エラー {n} 件" },
  "tui.findings-count": { en: "{n} finding(s)", ja: "指摘 {n} 件" },
  "tui.zones-title": { en: "Zones ({n})", ja: "ゾーン ({n})" },
  "tui.pick-source": { en: "Reach query: choose the source host", ja: "到達性の確認: 送信元の機器を選んでください" },
  "tui.pick-target": { en: "Reach query from {source}: choose the target host", ja: "{source} から: 宛先の機器を選んでください" },
  "tui.no-model": {
    en: "this file did not load; fix its input errors first",
    ja: "このファイルは読み込めませんでした。先に入力エラーを直してください",
  },
  "tui.files-title": { en: "{n} designs", ja: "{n} 件の設計" },
  "diff.unreadable": { en: "{file} cannot be read", ja: "{file} を読み込めません" },
  "diff.git": {
    en: "git cannot show {path} at {rev} (is this a git checkout, and does the file exist there?)",
    ja: "git で {rev} の {path} を取得できません (git リポジトリ内か、その時点にファイルがあるか確認してください)",
  },
  "diff.title": { en: "bunri diff {old} → {new}", ja: "bunri diff {old} → {new}" },
  "diff.gained": { en: "Reachability gained: {n} host pair(s)", ja: "新たに通信できるようになった組: {n} 件" },
  "diff.lost": { en: "Reachability lost: {n} host pair(s)", ja: "通信できなくなった組: {n} 件" },
  "diff.rules-added": { en: "through new or changed rules: {rules}", ja: "追加・変更されたルール: {rules}" },
  "diff.rules-removed": { en: "old rules removed or changed: {rules}", ja: "削除・変更された旧ルール: {rules}" },
  "diff.no-rule-change": {
    en: "no firewall rule on this path changed: the change is in zones, attachments or nodes",
    ja: "経路上のファイアウォールルールは変わっていません (ゾーン・接続・機器の変更によるもの)",
  },
  "diff.findings-new": { en: "New findings: {n}", ja: "新しい指摘: {n} 件" },
  "diff.findings-resolved": { en: "Resolved findings: {n}", ja: "解消した指摘: {n} 件" },
  "diff.summary": {
    en: "{gained} pair(s) gained, {lost} lost; findings: {added} new, {resolved} resolved, {unchanged} unchanged",
    ja: "通信の増加 {gained} 件・減少 {lost} 件 / 指摘: 新規 {added} 件・解消 {resolved} 件・変化なし {unchanged} 件",
  },
  "diff.col.source": { en: "source", ja: "送信元" },
  "diff.col.target": { en: "target", ja: "宛先" },
  "diff.col.services": { en: "services", ja: "サービス" },
  "diff.col.rules": { en: "rule changes", ja: "ルールの変更" },
  "cli.diff-usage": {
    en: "usage: bunri diff OLD NEW (either may be git:REV:PATH)",
    ja: "使い方: bunri diff 旧 新 (どちらも git:REV:PATH を指定可)",
  },
  "cli.graph-usage": {
    en: "usage: bunri graph FILE [--format mermaid|dot|svg] [--highlight RULE] [-o FILE]",
    ja: "使い方: bunri graph ファイル [--format mermaid|dot|svg] [--highlight ルールID] [-o 出力先]",
  },
  "cli.usage": {
    en: `bunri: checks network designs against 三層の対策 (three-tier separation) and LGWAN-ASP rules

Usage:
  bunri check PATH…      check topology files or directories (text, json reports)
  bunri [FILE…]          on a terminal: the interactive explorer; otherwise as check
  bunri tui FILE… [--watch]
                         the interactive explorer (keys: ? for help)
  bunri reach FILE --from REF --to REF [--service S]
                         does REF reach REF, by which chain, or what stops it
  bunri graph FILE [--format mermaid|dot|svg] [--highlight RULE]
                         the design as a diagram
  bunri diff OLD NEW     reachability gained and lost, findings new and resolved
                         (OLD or NEW may be git:REV:PATH)
  bunri format RESULT.json --format F
                         re-render a saved JSON result
  bunri rules [--pack P] [--format text|json|markdown]
                         the rule catalogue
  bunri explain RULE     one rule in full: why, fix, references, examples
                         (--policy FILE: a rule of your own policy file)
  bunri init [--template alpha|alpha-prime|beta|beta-prime|lgwan-asp] [FILE]
                         a commented starting design that passes the check
  bunri schema [topology|policy|result]
                         print a JSON Schema
  bunri help [COMMAND]   a command's options and an example (also bunri COMMAND --help)

Options of check:
  --format F[=FILE]      text (default), json, sarif, junit, markdown, html, csv, github;
                         repeatable
  -o, --output FILE      write the report to FILE
  --fail-on LEVEL        critical, high (default), medium, low, info, none
  --policy P             built-in pack or policy file (repeatable)
  --waivers FILE         waivers kept outside the topology
  --baseline FILE        known findings: reported, but they do not fail
  --write-baseline FILE  write the current findings as the baseline
  --base REV             fail only on findings the design at git REV did not have
  --today YYYY-MM-DD     the date for waiver expiry
  --lang ja|en           language of messages
  --no-color             no colours

Exit status: 0 clean, 1 findings at or above --fail-on, 2 invalid input or usage.`,
    ja: `bunri: ネットワーク設計を 三層の対策・LGWAN-ASP のルールに照らして検査します

使い方:
  bunri check パス…      トポロジファイルまたはディレクトリを検査 (text, json)
  bunri [ファイル…]      端末では対話型エクスプローラ。それ以外は check と同じ
  bunri tui ファイル… [--watch]
                         対話型エクスプローラ (? でキー操作の説明)
  bunri reach ファイル --from 参照 --to 参照 [--service サービス]
                         通信できるか、どの経路か、何が止めているか
  bunri graph ファイル [--format mermaid|dot|svg] [--highlight ルールID]
                         設計の構成図
  bunri diff 旧 新       通信の増減と、指摘の新規・解消 (git:REV:PATH も可)
  bunri format 結果.json --format 形式
                         保存した JSON 結果を別の形式で出力
  bunri rules [--pack P] [--format text|json|markdown]
                         ルールの一覧
  bunri explain ルールID ルールの詳細 (理由・直し方・根拠・例)
                         (--policy ファイル: 独自のポリシーファイルのルール)
  bunri init [--template alpha|alpha-prime|beta|beta-prime|lgwan-asp] [ファイル]
                         検査に合格する、コメント付きの設計のひな形
  bunri schema [topology|policy|result]
                         JSON Schema を出力
  bunri help [コマンド]  コマンドのオプションと例 (bunri コマンド --help と同じ)

check のオプション:
  --format 形式[=ファイル] text (既定), json, sarif, junit, markdown, html, csv, github。
                         複数指定可
  -o, --output ファイル  レポートの出力先
  --fail-on 重大度       critical, high (既定), medium, low, info, none
  --policy P             組み込みパックまたはポリシーファイル (複数指定可)
  --waivers ファイル     トポロジの外に置いた例外 (waiver)
  --baseline ファイル    既知の指摘: 報告するが失敗にしない
  --write-baseline ファイル 現在の指摘をベースラインとして書き出す
  --base REV             git の REV の時点になかった指摘だけで失敗にする
  --today YYYY-MM-DD     例外の期限判定に使う日付
  --lang ja|en           メッセージの言語
  --no-color             色を付けない

終了コード: 0 問題なし、1 --fail-on 以上の指摘あり、2 入力または使い方の誤り。`,
  },
  "cli.see-help": { en: "Run `bunri --help` for usage.", ja: "使い方は `bunri --help` で確認できます。" },
  "cli.see-help-command": {
    en: "Run `bunri {command} --help` for its options.",
    ja: "オプションは `bunri {command} --help` で確認できます。",
  },
  "cli.unknown-command-suggest": {
    en: 'unknown command or file "{command}" (did you mean "{suggestion}"?)',
    ja: 'コマンドまたはファイル "{command}" はありません ("{suggestion}" のことですか?)',
  },
  "cli.unknown-option": { en: 'unknown option "{option}"', ja: 'オプション "{option}" はありません' },
  "cli.unknown-option-suggest": {
    en: 'unknown option "{option}" (did you mean "{suggestion}"?)',
    ja: 'オプション "{option}" はありません ("{suggestion}" のことですか?)',
  },
  "cli.option-needs-value": { en: "option {option} needs a value", ja: "オプション {option} には値が必要です" },
  "cli.option-no-value": { en: "option {option} takes no value", ja: "オプション {option} は値を取りません" },
  "cli.unknown-command": {
    en: 'unknown command or file "{command}"',
    ja: 'コマンドまたはファイル "{command}" はありません',
  },
  "cli.no-paths": {
    en: "give at least one topology file or directory",
    ja: "トポロジファイルまたはディレクトリを 1 つ以上指定してください",
  },
  "cli.bad-fail-on": {
    en: '--fail-on "{value}": use critical, high, medium, low, info or none',
    ja: '--fail-on "{value}": critical, high, medium, low, info, none のいずれかを指定してください',
  },
  "cli.bad-today": { en: '--today "{value}": use YYYY-MM-DD', ja: '--today "{value}": YYYY-MM-DD の形式で指定してください' },
  "cli.bad-lang": { en: '--lang "{value}": use ja or en', ja: '--lang "{value}": ja または en を指定してください' },
  "cli.bad-format": {
    en: 'unknown format "{value}": use {formats}',
    ja: '形式 "{value}" はありません。{formats} のいずれかを指定してください',
  },
  "cli.formats-to-stdout": {
    en: "{formats}: only one format can go to standard output; give the others a file (--format F=FILE)",
    ja: "{formats}: 標準出力に出せる形式は 1 つだけです。ほかの形式にはファイルを指定してください (--format 形式=ファイル)",
  },
  "cli.formats-to-output": {
    en: "{formats}: only one format can go to -o {file}; give the others a file of their own (--format F=FILE)",
    ja: "{formats}: -o {file} に出せる形式は 1 つだけです。ほかの形式には別のファイルを指定してください (--format 形式=ファイル)",
  },
  "cli.format-no-file": {
    en: "--format {format}=: the file name is missing",
    ja: "--format {format}=: ファイル名がありません",
  },
  "cli.bad-schema": {
    en: 'unknown schema "{value}": use {schemas}',
    ja: 'スキーマ "{value}" はありません。{schemas} のいずれかを指定してください',
  },
  "cli.reach-usage": {
    en: "usage: bunri reach FILE --from REF --to REF [--service S]",
    ja: "使い方: bunri reach ファイル --from 参照 --to 参照 [--service サービス]",
  },
  "reach.yes": {
    en: "{source} reaches {target} on {service} (all: {services})",
    ja: "{source} から {target} へ {service} で通信できます (全体: {services})",
  },
  "reach.no": {
    en: "{source} does not reach {target} on {service}",
    ja: "{source} から {target} へ {service} では通信できません",
  },
  "reach.default-allow": { en: "default allow", ja: "既定で許可 (default: allow)" },
  "reach.no-pairs": {
    en: "no pair of distinct hosts matches these references",
    ja: "指定に当てはまる異なるホストの組はありません",
  },
  "query.bad-service": { en: 'unknown service "{ref}"', ja: 'サービス "{ref}" は正しくありません' },
  "query.bad-zone-kind": { en: 'unknown zone kind in "{ref}"', ja: '"{ref}" のゾーン種別が正しくありません' },
  "query.bad-tier": {
    en: 'unknown tier in "{ref}": use internet-side, lgwan-side or mynumber-side',
    ja: '"{ref}" の層が正しくありません (internet-side, lgwan-side, mynumber-side)',
  },
  "query.unknown-ref": {
    en: '"{ref}" is not a host, zone, zone-kind: or tier: of this design',
    ja: '"{ref}" はこの設計のホスト・ゾーン・zone-kind:・tier: のいずれでもありません',
  },
  "query.device-ref": {
    en: '"{ref}" is a forwarding device, not a host: it carries traffic but is neither source nor destination',
    ja: '"{ref}" は転送機器で、ホストではありません (送信元・宛先にはなりません)',
  },
  "query.transit-ref": {
    en: '"{ref}" is a transit zone, which holds no hosts',
    ja: '"{ref}" は中継区間 (transit) で、ホストを持ちません',
  },
};
