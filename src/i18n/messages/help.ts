import type { Catalogue } from "../index.js";

/**
 * `bunri COMMAND --help` and `bunri help COMMAND`: each command's usage, options and an example.
 * Option names are the same in both languages; what they take and do is in the reader's.
 */
export const HELP_MESSAGES: Catalogue = {
  "help.check": {
    en: `Usage: bunri check PATH… [options]

Checks topology files, or the designs found in directories (*.yaml and *.yml whose first key is
bunri), and writes the reports. Exit status: 0 nothing at or above --fail-on, 1 findings at or
above it, 2 invalid input or usage.

Options:
  --format F[=FILE]      text (default), json, sarif, junit, markdown, html, csv, github;
                         repeatable; without =FILE to standard output (one format only)
  -o, --output FILE      write the report to FILE instead of standard output
  --fail-on LEVEL        critical, high (default), medium, low, info, none
  --policy P             a built-in pack, "default", or a policy file (repeatable);
                         replaces the packs the designs select
  --waivers FILE         waivers kept outside the designs
  --baseline FILE        known findings: reported, but they do not fail
  --write-baseline FILE  write the current findings as the baseline (exit 0)
  --base REV             fail only on findings the designs at git REV did not have
  --today YYYY-MM-DD     the date for waiver expiry (default: today in Japan)
  --designs-only         skip named YAML files that are not designs (for hooks that
                         pass every changed file)
  --lang ja|en           language of messages
  --no-color, --color    colours off, or on even when not on a terminal
  -h, --help             this help

Examples:
  bunri check designs/
  bunri check designs/ --fail-on medium --format sarif=bunri.sarif --format junit=bunri.xml
  bunri check designs/ --base origin/main`,
    ja: `使い方: bunri check パス… [オプション]

トポロジファイル、またはディレクトリ内の設計 (最初のキーが bunri の *.yaml・*.yml) を検査し、
レポートを出力します。終了コード: 0 --fail-on 以上の指摘なし、1 --fail-on 以上の指摘あり、
2 入力または使い方の誤り。

オプション:
  --format 形式[=ファイル] text (既定), json, sarif, junit, markdown, html, csv, github。
                         複数指定可。=ファイル なしは標準出力へ (1 形式のみ)
  -o, --output ファイル  レポートを標準出力ではなくファイルへ書き出す
  --fail-on 重大度       critical, high (既定), medium, low, info, none
  --policy P             組み込みパック、"default"、またはポリシーファイル (複数指定可)。
                         設計が選んだパックの代わりに使う
  --waivers ファイル     設計の外に置いた例外 (waiver)
  --baseline ファイル    既知の指摘: 報告するが失敗にしない
  --write-baseline ファイル
                         現在の指摘をベースラインとして書き出す (終了コード 0)
  --base REV             git の REV の時点の設計になかった指摘だけで失敗にする
  --today YYYY-MM-DD     例外の期限判定に使う日付 (既定: 日本の今日)
  --designs-only         指定した YAML ファイルのうち設計でないものを飛ばす
                         (変更されたファイルをすべて渡すフック向け)
  --lang ja|en           メッセージの言語
  --no-color, --color    色を付けない / 端末でなくても色を付ける
  -h, --help             このヘルプ

例:
  bunri check designs/
  bunri check designs/ --fail-on medium --format sarif=bunri.sarif --format junit=bunri.xml
  bunri check designs/ --base origin/main`,
  },
  "help.reach": {
    en: `Usage: bunri reach FILE --from REF --to REF [--service S] [--format text|json]

Does REF reach REF? Prints the chain hop by hop with the firewall rule that lets each hop through,
or what stops it. A REF is a host id, a zone id, zone-kind:KIND or tier:TIER
(internet-side, lgwan-side, mynumber-side). Exit status: 0 some pair reaches, 1 none does,
2 invalid input or usage.

Options:
  --from REF             the source
  --to REF               the target
  --service S            one service (tcp/443, https, …); default: any
  --format text|json     text (default) or json
  --lang ja|en           language of messages
  -h, --help             this help

Example:
  bunri reach city.yaml --from internet --to zone-kind:mynumber`,
    ja: `使い方: bunri reach ファイル --from 参照 --to 参照 [--service サービス] [--format text|json]

送信元から宛先へ通信できるかを調べ、通信できる経路 (各ホップを通すファイアウォールルール付き)、
または通信を止めているものを表示します。参照は、ホスト ID、ゾーン ID、zone-kind:種別、
tier:層 (internet-side, lgwan-side, mynumber-side) のいずれかです。
終了コード: 0 通信できる組あり、1 なし、2 入力または使い方の誤り。

オプション:
  --from 参照            送信元
  --to 参照              宛先
  --service サービス     1 つのサービス (tcp/443, https など)。既定: すべて
  --format text|json     text (既定) または json
  --lang ja|en           メッセージの言語
  -h, --help             このヘルプ

例:
  bunri reach city.yaml --from internet --to zone-kind:mynumber`,
  },
  "help.graph": {
    en: `Usage: bunri graph FILE [--format mermaid|dot|svg] [--highlight RULE] [-o FILE]

The design as a diagram, zones as clusters. --highlight marks the evidence paths of a rule's
findings.

Options:
  --format F             mermaid (default), dot or svg
  --highlight RULE       mark the paths of this rule's findings
  -o, --output FILE      write the diagram to FILE instead of standard output
  --policy P             a built-in pack or a policy file (repeatable)
  --lang ja|en           language of labels and messages
  -h, --help             this help

Example:
  bunri graph city.yaml --format svg --highlight SEP-01 -o city.svg`,
    ja: `使い方: bunri graph ファイル [--format mermaid|dot|svg] [--highlight ルールID] [-o ファイル]

設計を構成図にします (ゾーンはまとまりとして描画)。--highlight でルールの指摘の経路を強調します。

オプション:
  --format 形式          mermaid (既定), dot, svg
  --highlight ルールID   このルールの指摘の経路を強調する
  -o, --output ファイル  標準出力ではなくファイルへ書き出す
  --policy P             組み込みパックまたはポリシーファイル (複数指定可)
  --lang ja|en           ラベルとメッセージの言語
  -h, --help             このヘルプ

例:
  bunri graph city.yaml --format svg --highlight SEP-01 -o city.svg`,
  },
  "help.diff": {
    en: `Usage: bunri diff OLD NEW [options]

Reachability gained and lost between two versions of a design, with the rule changes behind
them, and findings new and resolved. OLD or NEW may be git:REV:PATH. Exit status: 1 when a new
finding is at or above --fail-on, else 0; 2 invalid input or usage.

Options:
  --format F             text (default), json or markdown
  -o, --output FILE      write the report to FILE instead of standard output
  --fail-on LEVEL        critical, high (default), medium, low, info, none
  --policy P             a built-in pack or a policy file (repeatable)
  --today YYYY-MM-DD     the date for waiver expiry
  --lang ja|en           language of messages
  -h, --help             this help

Example:
  bunri diff git:origin/main:designs/city.yaml designs/city.yaml`,
    ja: `使い方: bunri diff 旧 新 [オプション]

設計の 2 つの版のあいだで、新たに通信できるようになった組・できなくなった組 (原因のルール変更付き) と、
指摘の新規・解消を表示します。旧・新には git:REV:PATH も指定できます。
終了コード: 1 --fail-on 以上の新しい指摘あり、それ以外 0、2 入力または使い方の誤り。

オプション:
  --format 形式          text (既定), json, markdown
  -o, --output ファイル  標準出力ではなくファイルへ書き出す
  --fail-on 重大度       critical, high (既定), medium, low, info, none
  --policy P             組み込みパックまたはポリシーファイル (複数指定可)
  --today YYYY-MM-DD     例外の期限判定に使う日付
  --lang ja|en           メッセージの言語
  -h, --help             このヘルプ

例:
  bunri diff git:origin/main:designs/city.yaml designs/city.yaml`,
  },
  "help.format": {
    en: `Usage: bunri format RESULT.json --format F[=FILE] [options]

Re-renders a result saved with \`bunri check --format json\` (or - for standard input) in other
formats. The findings keep the language they were checked in.

Options:
  --format F[=FILE]      text (default), json, sarif, junit, markdown, html, csv, github;
                         repeatable
  -o, --output FILE      write the report to FILE instead of standard output
  --fail-on LEVEL        the level that counts as failing in the report
  --lang ja|en           language of headings and messages
  --no-color, --color    colours off, or on even when not on a terminal
  -h, --help             this help

Example:
  bunri check designs/ --format json -o result.json
  bunri format result.json --format html=report.html --format markdown=report.md`,
    ja: `使い方: bunri format 結果.json --format 形式[=ファイル] [オプション]

\`bunri check --format json\` で保存した結果 (- で標準入力) を、別の形式で出力し直します。
指摘の本文は検査したときの言語のままです。

オプション:
  --format 形式[=ファイル] text (既定), json, sarif, junit, markdown, html, csv, github。複数指定可
  -o, --output ファイル  標準出力ではなくファイルへ書き出す
  --fail-on 重大度       レポートで失敗として扱う重大度
  --lang ja|en           見出しとメッセージの言語
  --no-color, --color    色を付けない / 端末でなくても色を付ける
  -h, --help             このヘルプ

例:
  bunri check designs/ --format json -o result.json
  bunri format result.json --format html=report.html --format markdown=report.md`,
  },
  "help.rules": {
    en: `Usage: bunri rules [--pack P] [--format text|json|markdown]

The rule catalogue: each rule's id, severity and title, pack by pack.

Options:
  --pack P               only this pack
  --format F             text (default), json or markdown
  --lang ja|en           language of titles
  -h, --help             this help

Example:
  bunri rules --pack lgwan-asp`,
    ja: `使い方: bunri rules [--pack P] [--format text|json|markdown]

ルールの一覧 (パックごとに ID・重大度・タイトル) を表示します。

オプション:
  --pack P               このパックだけ
  --format 形式          text (既定), json, markdown
  --lang ja|en           タイトルの言語
  -h, --help             このヘルプ

例:
  bunri rules --pack lgwan-asp`,
  },
  "help.explain": {
    en: `Usage: bunri explain RULE [--policy FILE…] [--format text|json|markdown]

One rule in full: why it matters, how to fix it, its references and example designs.

Options:
  --policy FILE          a policy file whose rules are known too (repeatable)
  --format F             text (default), json or markdown
  --lang ja|en           language of the text
  -h, --help             this help

Example:
  bunri explain ASP-02`,
    ja: `使い方: bunri explain ルールID [--policy ファイル…] [--format text|json|markdown]

1 つのルールの詳細 (なぜ重要か・直し方・根拠・例の設計) を表示します。

オプション:
  --policy ファイル      このポリシーファイルのルールも対象にする (複数指定可)
  --format 形式          text (既定), json, markdown
  --lang ja|en           本文の言語
  -h, --help             このヘルプ

例:
  bunri explain ASP-02`,
  },
  "help.init": {
    en: `Usage: bunri init [--template T] [--force] [FILE]

Writes a commented starting design that passes the check, to FILE or to standard output.

Options:
  -t, --template T       alpha (default), alpha-prime, beta, beta-prime, lgwan-asp
  --force                overwrite FILE when it exists
  --lang ja|en           language of messages
  -h, --help             this help

Example:
  bunri init --template beta designs/city.yaml`,
    ja: `使い方: bunri init [--template テンプレート] [--force] [ファイル]

検査に合格する、コメント付きの設計のひな形を、ファイルまたは標準出力へ書き出します。

オプション:
  -t, --template T       alpha (既定), alpha-prime, beta, beta-prime, lgwan-asp
  --force                ファイルが既にあれば上書きする
  --lang ja|en           メッセージの言語
  -h, --help             このヘルプ

例:
  bunri init --template beta designs/city.yaml`,
  },
  "help.schema": {
    en: `Usage: bunri schema [topology|policy|result]

Prints a JSON Schema: of the designs (default), of policy files, or of the JSON result.

Options:
  -h, --help             this help

Example:
  bunri schema topology > topology.schema.json`,
    ja: `使い方: bunri schema [topology|policy|result]

JSON Schema を出力します: 設計 (既定)、ポリシーファイル、JSON の結果のいずれか。

オプション:
  -h, --help             このヘルプ

例:
  bunri schema topology > topology.schema.json`,
  },
  "help.tui": {
    en: `Usage: bunri tui FILE… [--watch] [options]

The interactive explorer: findings, their evidence, zones and reach queries (? for the keys).
It needs a terminal; scripts and CI use bunri check.

Options:
  -w, --watch            check again when a file changes
  --policy P             a built-in pack or a policy file (repeatable)
  --waivers FILE         waivers kept outside the designs
  --today YYYY-MM-DD     the date for waiver expiry
  --lang ja|en           language of the screens
  -h, --help             this help

Example:
  bunri tui designs/ --watch`,
    ja: `使い方: bunri tui ファイル… [--watch] [オプション]

対話型エクスプローラ: 指摘とその根拠、ゾーン、到達性の確認 (? でキー操作)。
端末が必要です。スクリプトや CI では bunri check を使ってください。

オプション:
  -w, --watch            ファイルが変わったら検査し直す
  --policy P             組み込みパックまたはポリシーファイル (複数指定可)
  --waivers ファイル     設計の外に置いた例外 (waiver)
  --today YYYY-MM-DD     例外の期限判定に使う日付
  --lang ja|en           画面の言語
  -h, --help             このヘルプ

例:
  bunri tui designs/ --watch`,
  },
  "help.help": {
    en: `Usage: bunri help [COMMAND]

Without a command, the list of commands; with one, its options and an example
(the same as bunri COMMAND --help).

Example:
  bunri help check`,
    ja: `使い方: bunri help [コマンド]

コマンドなしではコマンドの一覧を、コマンドを指定するとそのオプションと例を表示します
(bunri コマンド --help と同じ)。

例:
  bunri help check`,
  },
};
