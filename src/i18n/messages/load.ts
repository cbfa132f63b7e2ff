import type { Catalogue } from "../index.js";

/** Input errors: what is wrong, in words a system integrator understands. */
export const LOAD_MESSAGES: Catalogue = {
  "load.too-large": { en: "the file is larger than {max}", ja: "ファイルが {max} を超えています" },
  "load.too-deep": { en: "the YAML is nested deeper than {max} levels", ja: "YAML の入れ子が {max} 段を超えています" },
  "load.alias-limit": {
    en: "anchors and aliases expand to too many values (an alias bomb?)",
    ja: "アンカーとエイリアスの展開が多すぎます (エイリアス爆弾の可能性)",
  },
  "load.yaml-syntax": { en: "invalid YAML: {detail}", ja: "YAML の書式が正しくありません: {detail}" },
  "load.duplicate-key": {
    en: "duplicate key {detail}: it appears earlier in this mapping",
    ja: "キー {detail} が重複しています (同じマッピングの前の方にあります)",
  },
  "load.bad-alias": { en: "alias *{alias} has no anchor", ja: "エイリアス *{alias} に対応するアンカーがありません" },
  "load.merge-key": {
    en: "merge keys (<<) are not supported: write the keys out",
    ja: "マージキー (<<) は使えません。キーを直接書いてください",
  },
  "load.complex-key": { en: "a key must be a plain string", ja: "キーは文字列で書いてください" },
  "load.not-a-map": {
    en: "a topology is a YAML mapping that starts with `bunri: 1`",
    ja: "トポロジは `bunri: 1` で始まる YAML のマッピングです",
  },
  "load.design-without-bunri": {
    en: 'this file has the top-level "zones" and "nodes" of a design but does not start with "bunri: 1": a design\'s first key must be bunri (is it misspelt?)',
    ja: 'このファイルには設計の "zones" と "nodes" がありますが、"bunri: 1" で始まっていません。設計の最初のキーは bunri です (綴りの誤りではありませんか?)',
  },
  "load.not-found": { en: "no such file or directory", ja: "ファイルまたはディレクトリがありません" },
  "load.unreadable": { en: "cannot read the file", ja: "ファイルを読み込めません" },
  "load.is-directory": { en: "is a directory, not a topology file", ja: "ディレクトリです (トポロジファイルではありません)" },
  "load.not-regular": {
    en: "is a {kind}, not a regular file: bunri reads regular files only",
    ja: "通常のファイルではありません ({kind})。bunri は通常のファイルだけを読み込みます",
  },
  "load.kind.fifo": { en: "FIFO", ja: "FIFO (名前付きパイプ)" },
  "load.kind.character-device": { en: "character device", ja: "キャラクタデバイス" },
  "load.kind.block-device": { en: "block device", ja: "ブロックデバイス" },
  "load.kind.socket": { en: "socket", ja: "ソケット" },
  "load.kind.special": { en: "special file", ja: "特殊ファイル" },
  "load.permission": { en: "cannot read the file: permission denied", ja: "ファイルを読み込めません (アクセス権がありません)" },
  "load.link-loop": {
    en: "cannot read the file: too many levels of symbolic links",
    ja: "ファイルを読み込めません (シンボリックリンクが循環しています)",
  },
  "load.dir-unreadable": {
    en: "cannot read this directory: its designs are not checked",
    ja: "このディレクトリを読み込めません (中のトポロジは検査されていません)",
  },
  "load.encoding": {
    en: "the file is in {encoding}: save it as UTF-8",
    ja: "ファイルの文字コードが {encoding} です。UTF-8 で保存してください",
  },
  "load.encoding-truncated": {
    en: "the file starts with a {encoding} byte-order mark but has an odd number of bytes",
    ja: "{encoding} のバイト順マークで始まりますが、バイト数が奇数です",
  },
  "load.not-utf8": {
    en: "the file is not valid UTF-8 (byte {byte} here): save it as UTF-8",
    ja: "UTF-8 として正しくないバイト ({byte}) があります。UTF-8 で保存してください",
  },
  "load.no-topology": {
    en: "no topology file (*.yaml or *.yml starting with `bunri:`) in this directory",
    ja: "このディレクトリには `bunri:` で始まるトポロジファイル (*.yaml, *.yml) がありません",
  },
  "load.where.top": { en: "top level", ja: "最上位" },
  "load.where.zone": { en: 'zone "{id}"', ja: 'ゾーン "{id}"' },
  "load.where.node": { en: 'node "{id}"', ja: 'ノード "{id}"' },
  "load.where.datum": { en: 'data "{id}"', ja: 'データ "{id}"' },
  "load.where.flow": { en: 'flow "{id}"', ja: 'フロー "{id}"' },
  "load.where.waiver": { en: "waiver {n}", ja: "例外 (waiver) {n} 件目" },
  "load.unknown-key": { en: 'unknown key "{key}"', ja: 'キー "{key}" は使えません' },
  "load.did-you-mean": { en: 'did you mean "{name}"?', ja: '"{name}" のことですか?' },
  "load.missing-key": { en: 'missing "{key}"', ja: '"{key}" がありません' },
  "load.bad-value": {
    en: '"{value}" is not a valid {key} (one of: {allowed})',
    ja: '"{value}" は {key} に使えません (使える値: {allowed})',
  },
  "load.bad-version": { en: "`bunri` must be 1 (format version 1)", ja: "`bunri` は 1 (形式バージョン 1) にしてください" },
  "load.bad-type": { en: '"{key}" must be of type {type}', ja: '"{key}" は {type} 型で書いてください' },
  "load.bad-pattern": { en: '"{value}" is not a valid {key}', ja: '"{value}" は {key} として正しくありません' },
  "load.empty": { en: '"{key}" must not be empty', ja: '"{key}" を空にはできません' },
  "load.id-not-string": {
    en: "id {id} is read by YAML as a {type}, not text",
    ja: "ID {id} は YAML では文字列ではなく {type} として読まれます",
  },
  "load.quote-it": { en: 'quote it: "{id}"', ja: '引用符で囲んでください: "{id}"' },
  "load.duplicate-id": {
    en: 'id "{id}" is already used (ids are unique across zones, nodes and flows; first in {other})',
    ja: 'ID "{id}" はすでに使われています (ゾーン・ノード・フローで共通。先に {other} にあります)',
  },
  "load.reserved-id": {
    en: '"{id}" is reserved (it means every host): choose another id',
    ja: '"{id}" は予約語 (すべてのホスト) です。別の ID にしてください',
  },
  "load.id-too-long": {
    en: 'id "{id}" is longer than {max} characters',
    ja: 'ID "{id}" が {max} 文字を超えています',
  },
  "load.not-nfc": { en: 'id "{id}" is not in Unicode NFC', ja: 'ID "{id}" が Unicode NFC 正規化されていません' },
  "load.bad-id": {
    en: 'id "{id}" may contain only letters, digits, ".", "_" and "-", and starts with a letter or digit',
    ja: 'ID "{id}" に使えるのは文字・数字・「.」「_」「-」で、先頭は文字か数字です',
  },
  "load.zone-and-zones": {
    en: 'node "{id}" has both "zone" and "zones": keep one',
    ja: 'ノード "{id}" に "zone" と "zones" の両方があります。どちらか一方にしてください',
  },
  "load.no-zone": {
    en: 'node "{id}" is attached to no zone: add "zone" or "zones"',
    ja: 'ノード "{id}" がどのゾーンにも接続されていません。"zone" か "zones" を書いてください',
  },
  "load.unknown-zone": { en: 'unknown zone "{zone}" in node "{id}"', ja: 'ノード "{id}" のゾーン "{zone}" はありません' },
  "load.host-on-transit": {
    en: 'host "{id}" is attached to transit zone "{zone}": only forwarding devices sit in a transit zone',
    ja: 'ホスト "{id}" が中継区間 "{zone}" に接続されています。中継区間には転送機器だけを置けます',
  },
  "load.hosts-only": { en: '"{key}" is for hosts; "{id}" is a {kind}', ja: '"{key}" はホスト用です。"{id}" は {kind} です' },
  "load.firewall-only": {
    en: '"{key}" is for firewalls; "{id}" is a {kind}',
    ja: '"{key}" はファイアウォール用です。"{id}" は {kind} です',
  },
  "load.control-kind": {
    en: 'control "{control}" does not apply to "{id}", a {kind}',
    ja: '制御 "{control}" は {kind} の "{id}" には使えません',
  },
  "load.unknown-data": { en: 'unknown data "{data}" in "{id}"', ja: '"{id}" のデータ "{data}" は data にありません' },
  "load.rule-action": {
    en: "{rule} needs exactly one of allow and deny",
    ja: "{rule} には allow か deny のどちらか一方を書いてください",
  },
  "load.duplicate-rule-id": {
    en: 'rule id "{rule}" is used twice in firewall "{id}"',
    ja: 'ファイアウォール "{id}" でルール ID "{rule}" が重複しています',
  },
  "load.bad-service-syntax": {
    en: '"{service}" is not a service (any, tcp/443, udp/53, tcp/8000-8080, icmp, or a name like https)',
    ja: '"{service}" はサービスとして正しくありません (any, tcp/443, udp/53, tcp/8000-8080, icmp, https などの名前)',
  },
  "load.bad-service-range": {
    en: 'port range in "{service}" must be within 1–65535, low ≤ high',
    ja: '"{service}" のポート範囲は 1〜65535、下限 ≤ 上限 にしてください',
  },
  "load.bad-service-unknown-name": { en: 'unknown service name "{service}"', ja: 'サービス名 "{service}" はありません' },
  "load.bad-zone-kind-ref": {
    en: 'unknown zone kind in "{ref}" in {rule}',
    ja: '{rule} の "{ref}" のゾーン種別が正しくありません',
  },
  "load.bad-tier-ref": {
    en: 'unknown tier in "{ref}" in {rule} (internet-side, lgwan-side, mynumber-side)',
    ja: '{rule} の "{ref}" の層が正しくありません (internet-side, lgwan-side, mynumber-side)',
  },
  "load.unknown-zone-ref": { en: 'unknown zone "{ref}" in {rule}', ja: '{rule} のゾーン "{ref}" はありません' },
  "load.transit-ref": {
    en: '"{ref}" in {rule} is a transit zone, which has no hosts',
    ja: '{rule} の "{ref}" は中継区間 (transit) で、ホストを持ちません',
  },
  "load.device-ref": {
    en: '"{ref}" in {rule} is a forwarding device: rules match hosts (sources and destinations), not devices',
    ja: '{rule} の "{ref}" は転送機器です。ルールが対象にするのはホスト (送信元・宛先) です',
  },
  "load.unknown-ref": { en: 'unknown node "{ref}" in {rule}', ja: '{rule} の "{ref}" というノードはありません' },
  "load.flow-unknown-node": {
    en: 'unknown node "{ref}" in flow "{flow}"',
    ja: 'フロー "{flow}" の "{ref}" というノードはありません',
  },
  "load.device-in-flow": {
    en: '"{ref}" in flow "{flow}" is a forwarding device: a flow lists hosts only (the network finds the devices)',
    ja: 'フロー "{flow}" の "{ref}" は転送機器です。フローにはホストだけを書きます (機器は経路から求めます)',
  },
  "load.implicit-in-via": {
    en: '"{ref}" cannot be in the via of flow "{flow}": via lists listed hosts',
    ja: 'フロー "{flow}" の via に "{ref}" は書けません。via には記載したホストを書きます',
  },
  "load.bad-date": {
    en: '"{value}" is not a date: write YYYY-MM-DD',
    ja: '"{value}" は日付ではありません。YYYY-MM-DD で書いてください',
  },
  "load.waivers-not-list": {
    en: "a waivers file is a YAML list of waivers",
    ja: "例外 (waiver) ファイルは waiver の YAML リストです",
  },
  "load.waiver-topology": {
    en: 'each waiver in a waivers file needs "topology": the design\'s name',
    ja: '例外ファイルの各 waiver には "topology" (設計の name) が必要です',
  },
};
