#!/usr/bin/env node
// Multi-organisation designs for the benchmark: N α-model municipalities under 47 prefectural
// security clouds, sharing LGWAN and one 中間サーバー platform (the shape of a prefecture's
// security-cloud operator, of the ガバメントクラウド connection programme, of an auditor comparing
// every municipality). Deterministic: the same options give the same bytes.
//
// Each municipality has its three tier zones (internet-connected, LGWAN-connected, My Number),
// nine listed hosts (screen transfer, sanitiser, sanitising mail relay, an internet-connected PC,
// an LGWAN PC and the LGWAN portal, a My Number PC, application server and DB), four firewalls
// whose rules name the municipality's own hosts (and `tier:lgwan-side`), and five flows.
//
// `cascade: true` plants one municipality's mistake: its screen-transfer firewall lets the whole
// internet-connected segment into the LGWAN-connected one. Malware then gets from the internet
// to that municipality's LGWAN PC and, over LGWAN, into every other municipality's LGWAN portal
// and from there its segment: thousands of TT-08 findings, each with its contagion path.
//
// Usage: node bench/generate-orgs.mjs N [-o FILE] [--cascade]
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const PREFECTURES = 47;

export function generateOrgs(n, options = {}) {
  const cascade = options.cascade === true;
  const width = String(Math.max(n, 1)).length;
  const m = (i) => `m${String(i + 1).padStart(width, "0")}`;
  const p = (i) => `p${String((i % PREFECTURES) + 1).padStart(2, "0")}`;
  const prefs = Math.min(PREFECTURES, Math.max(n, 1));
  const out = [];
  const w = (s) => out.push(s);
  w("bunri: 1");
  w(`name: national-${n}${cascade ? "-cascade" : ""}`);
  w(`title: "全国 ${n} 団体 (αモデル、${prefs} 都道府県の自治体情報セキュリティクラウド)"`);
  w("model: alpha");
  w("zones:");
  w("  internet: { kind: internet }");
  w("  lgwan: { kind: lgwan, title: LGWAN }");
  w("  chukan: { kind: national, title: 中間サーバー・プラットフォーム, location: JP }");
  for (let k = 0; k < prefs; k++) w(`  ${p(k)}-sc: { kind: security-cloud, title: "${p(k)} 自治体情報セキュリティクラウド" }`);
  for (let i = 0; i < n; i++) {
    w(`  ${m(i)}-inet: { kind: internet-connected, title: "${m(i)} インターネット接続系" }`);
    w(`  ${m(i)}-lgwan: { kind: lgwan-connected, title: "${m(i)} LGWAN接続系" }`);
    w(`  ${m(i)}-kikan: { kind: mynumber, title: "${m(i)} マイナンバー利用事務系" }`);
  }
  w("nodes:");
  w("  chukan-server: { kind: server, zone: chukan, title: 中間サーバー }");
  w("  fw-chukan:");
  w("    kind: firewall");
  w("    zones: [chukan, lgwan]");
  w("    rules:");
  w('      - { id: nothing-from-lgwan, deny: { from: "tier:lgwan-side", to: chukan-server } }');
  for (let k = 0; k < prefs; k++) {
    const sc = `${p(k)}-sc`;
    w(`  ${p(k)}-proxy: { kind: proxy, zone: ${sc}, services: [tcp/8080] }`);
    w(`  ${p(k)}-mailgw: { kind: mail-server, zone: ${sc}, services: [smtp] }`);
    w(`  ${p(k)}-fw:`);
    w("    kind: firewall");
    w(`    zones: [internet, ${sc}]`);
    w("    controls: { ips: true }");
    w("    rules:");
    w(`      - { id: web-out, allow: { from: ${p(k)}-proxy, to: any, service: [http, https] }, title: Web 閲覧 }`);
    w(`      - { id: mail-out, allow: { from: ${p(k)}-mailgw, to: any, service: smtp } }`);
    w(`      - { id: mail-in, allow: { from: internet, to: ${p(k)}-mailgw, service: smtp }, title: メール受信 }`);
  }
  for (let i = 0; i < n; i++) {
    const id = m(i);
    const sc = `${p(i)}-sc`;
    w(`  ${id}-vb: { kind: screen-transfer, zone: ${id}-inet, services: [tcp/3389], controls: { redirection: [] } }`);
    w(`  ${id}-ipc: { kind: client, zone: ${id}-inet }`);
    w(`  ${id}-relay: { kind: mail-relay, zones: [${id}-inet, ${id}-lgwan], services: [smtp], controls: { sanitize: text } }`);
    w(`  ${id}-san: { kind: sanitizer, zones: [${id}-inet, ${id}-lgwan], services: [smb] }`);
    w(`  ${id}-pc: { kind: client, zone: ${id}-lgwan, controls: { auth: [password, ic-card] } }`);
    w(`  ${id}-portal: { kind: web-server, zone: ${id}-lgwan, services: [https] }`);
    w(`  ${id}-kpc: { kind: client, zone: ${id}-kikan, controls: { auth: [password, biometric], removable-media: blocked } }`);
    w(`  ${id}-kap: { kind: app-server, zone: ${id}-kikan, services: [https] }`);
    w(`  ${id}-kdb: { kind: db-server, zone: ${id}-kikan, services: [postgres], holds: [${id}-juki] }`);
    w(`  ${id}-fw-inet:`);
    w("    kind: firewall");
    w(`    zones: [${id}-inet, ${sc}]`);
    w("    rules:");
    w(`      - { allow: { from: [${id}-vb, ${id}-ipc], to: ${p(i)}-proxy, service: tcp/8080 }, title: プロキシ経由の閲覧 }`);
    w(`      - { allow: { from: ${id}-relay, to: ${p(i)}-mailgw, service: smtp } }`);
    w(`      - { allow: { from: ${p(i)}-mailgw, to: ${id}-relay, service: smtp } }`);
    w(`  ${id}-fw-vb:`);
    w("    kind: firewall");
    w(`    zones: [${id}-lgwan, ${id}-inet]`);
    w("    rules:");
    w(`      - { allow: { from: ${id}-pc, to: ${id}-vb, service: tcp/3389 }, title: 画面転送 }`);
    if (cascade && i === 0) w(`      - { allow: { from: ${id}-inet, to: ${id}-lgwan }, title: 保守のため一時的に全開放 }`);
    w(`  ${id}-fw-lgwan:`);
    w("    kind: firewall");
    w(`    zones: [${id}-lgwan, lgwan]`);
    w("    rules:");
    w(`      - { allow: { from: ${id}-lgwan, to: "tier:lgwan-side", service: https }, title: LGWAN 上のサービス }`);
    w(`      - { allow: { from: "tier:lgwan-side", to: ${id}-portal, service: https }, title: 団体ポータル }`);
    w(`  ${id}-fw-kikan:`);
    w("    kind: firewall");
    w(`    zones: [${id}-kikan, chukan]`);
    w("    rules:");
    w(`      - { allow: { from: ${id}-kap, to: chukan-server, service: https }, title: 中間サーバー連携 }`);
    w(`      - { deny: { from: any, to: ${id}-kikan } }`);
  }
  w("data:");
  for (let i = 0; i < n; i++)
    w(`  ${m(i)}-juki: { classification: mynumber, title: "${m(i)} 住民記録", records: ${1000 + ((i * 7919) % 90000)} }`);
  w("flows:");
  for (let i = 0; i < n; i++) {
    const id = m(i);
    const next = m((i + 1) % n);
    w(`  ${id}-web:`);
    w(`    from: ${id}-pc`);
    w(`    via: [{ node: ${id}-vb, service: tcp/3389 }, { node: ${p(i)}-proxy, service: tcp/8080 }]`);
    w("    to: { node: internet/*, service: https }");
    w("    carries: web");
    w(`  ${id}-mail:`);
    w("    from: internet/*");
    w(`    via: [{ node: ${p(i)}-mailgw, service: smtp }]`);
    w(`    to: { node: ${id}-relay, service: smtp }`);
    w("    carries: mail");
    w(`  ${id}-file:`);
    w(`    from: ${id}-ipc`);
    w(`    to: { node: ${id}-san, service: smb }`);
    w("    carries: files");
    w(`  ${id}-chukan:`);
    w(`    from: ${id}-kap`);
    w("    to: { node: chukan-server, service: https }");
    w("    carries: data");
    w(`    data: [${id}-juki]`);
    w("    encrypted: true");
    w("    exception: 中間サーバー連携");
    w(`  ${id}-neighbour:`);
    w(`    from: ${id}-pc`);
    w(`    to: { node: ${next}-portal, service: https }`);
    w("    carries: web");
  }
  const text = `${out.join("\n")}\n`;
  return { text, stats: { bytes: Buffer.byteLength(text) } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const n = Number(args[0]);
  if (!Number.isInteger(n) || n < 1) {
    console.error("usage: node bench/generate-orgs.mjs N [-o FILE] [--cascade]");
    process.exit(2);
  }
  const o = args.indexOf("-o");
  const { text } = generateOrgs(n, { cascade: args.includes("--cascade") });
  if (o >= 0 && args[o + 1]) writeFileSync(args[o + 1], text);
  else process.stdout.write(text);
}
