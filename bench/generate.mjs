// Generates a large, realistic municipality design (topology format 1) for the benchmark.
//
// The design is what a big city's network looks like on paper under the α model:
//
//   internet ── fw-sc (IPS) ── security cloud (proxies, mail gateway, DNS, the city's web site)
//     ── fw-inet ── internet-connected zones (screen-transfer farm, mail relay, sanitiser;
//                   a few internet-connected office segments)
//     ── fw-core ── LGWAN-connected department segments (PCs, printers, department servers,
//                   administrators' PCs), wireless segments behind 802.1x access points,
//                   the shared server segment (mail, groupware, AD, DNS, file servers)
//     ── fw-lgwan ── transit ── LGWAN router ── LGWAN
//   My Number segments (業務端末) ── fw-kikan ── business-system servers, DB segment,
//     住基ネット, LGWAN (for the 中間サーバー) ── fw-chukan ── 中間サーバー・プラットフォーム
//   My Number segments ── fw-gc ── ガバメントクラウド (標準準拠システム)
//   management segment ── fw-mgmt ── transit ── VPN gateway ── maintenance contractor
//   optionally an LGWAN-ASP provider: IPS, fw-asp-inet, fw-asp-lgwan, fw-asp-db, its segments.
//
// Firewall rule tables are long and mixed, as real ones are: zone references, `zone-kind:` and
// `tier:` references, individual hosts (servers, administrators' PCs), lists, `<zone>/*`,
// service names, ports, ranges and lists, per-department allow rules, deny blocks. Flows have
// hops (`via`), services, data and exceptions. The design is not clean: like a real one it has
// some findings (a screen-transfer server with clipboard redirection, a few PCs without two
// factors, unused rules...), so the report stage is exercised too.
//
// Deterministic: a seeded PRNG (mulberry32), never the global random source, so a (size, seed, options) always
// gives the same bytes. The node count is exact: `nodes` in the file is the size asked for.
//
// Library:  import { generate } from "./generate.mjs"; const { text, stats } = generate(10000);
// Command:  node bench/generate.mjs NODES [--seed N] [--no-asp] [-o FILE]   (stats on stderr)

/** mulberry32: small, fast, good enough for test data (generate-shapes.mjs uses it too) */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 課 of a city hall: [romanised id part, title]
const DEPARTMENTS = [
  ["somu", "総務課"],
  ["jinji", "人事課"],
  ["zaisei", "財政課"],
  ["kikaku", "企画政策課"],
  ["koho", "広報広聴課"],
  ["kiki", "危機管理課"],
  ["shimin", "市民課"],
  ["zeimu", "税務課"],
  ["shuno", "収納課"],
  ["fukushi", "福祉総務課"],
  ["shogai", "障害福祉課"],
  ["kosodate", "子育て支援課"],
  ["hoiku", "保育課"],
  ["kenko", "健康推進課"],
  ["kokuho", "保険年金課"],
  ["kaigo", "介護保険課"],
  ["kankyo", "環境政策課"],
  ["seiso", "清掃課"],
  ["toshi", "都市計画課"],
  ["kenchiku", "建築指導課"],
  ["doboku", "道路課"],
  ["suido", "上下水道局"],
  ["nosei", "農政課"],
  ["shoko", "商工観光課"],
  ["kyoiku", "教育総務課"],
  ["gakko", "学校教育課"],
  ["shogaku", "生涯学習課"],
  ["kaikei", "会計課"],
  ["gikai", "議会事務局"],
  ["senkyo", "選挙管理委員会事務局"],
  ["kansa", "監査委員事務局"],
  ["shobo", "消防本部"],
];

// My Number business systems: [id part, title, data title]
const KIKAN_SYSTEMS = [
  ["juki", "住民記録システム", "住民基本台帳ファイル"],
  ["atena", "団体内統合宛名システム", "宛名番号と個人番号の対応"],
  ["zei", "税務システム", "課税台帳"],
  ["kokuho", "国民健康保険システム", "国保被保険者台帳"],
  ["kaigo", "介護保険システム", "介護保険被保険者台帳"],
  ["fukushi", "福祉総合システム", "福祉受給者台帳"],
  ["kodomo", "子ども・子育て支援システム", "児童手当受給者台帳"],
  ["inkan", "印鑑登録システム", "印鑑登録原票"],
  ["senkyo", "選挙人名簿システム", "選挙人名簿"],
  ["koki", "後期高齢者医療システム", "後期高齢者医療被保険者台帳"],
  ["nenkin", "国民年金システム", "国民年金被保険者名簿"],
  ["shuno", "収納管理システム", "収納履歴"],
];

const GOV_CLOUD_SYSTEMS = [
  ["gc-juki", "住民記録 (標準準拠)"],
  ["gc-zei", "個人住民税 (標準準拠)"],
  ["gc-kokuho", "国民健康保険 (標準準拠)"],
  ["gc-jidou", "児童手当 (標準準拠)"],
];

const RISKY = ["tcp/23", "ssh", "rdp", "smb", "tcp/135-139", "udp/137-138", "mssql", "mysql", "postgres", "oracle"];
const RISKY_MORE = ["tcp/5900-5910", "tcp/6000-6063", "udp/161-162", "ldap", "tcp/3268-3269", "tcp/8000-8999", "ftp"];

const pad = (n, width) => String(n).padStart(width, "0");

/**
 * @param {number} nodes exact number of nodes to write (at least 200)
 * @param {{ seed?: number, asp?: boolean, model?: string }} [options]
 * @returns {{ text: string, stats: Record<string, number>, samples: Record<string, string> }}
 */
export function generate(nodes, options = {}) {
  const seed = options.seed ?? 1;
  const asp = options.asp ?? true;
  const model = options.model ?? "alpha";
  const N = Math.max(200, Math.floor(nodes));
  const rnd = prng(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => rnd() < p;
  const shuffledPick = (list, k) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  };

  // ---- sizes ------------------------------------------------------------------------------
  const D = Math.min(200, Math.max(6, Math.round(N / 250))); // department segments
  const W = Math.max(1, Math.round(D / 8)); // wireless segments
  const I = Math.max(1, Math.round(D / 10)); // internet-connected office segments
  const M = Math.max(2, Math.round(D / 5)); // My Number client segments
  const FS = Math.max(2, Math.ceil(D / 4)); // shared file servers
  const VB = Math.max(2, Math.round(N / 1000)); // screen-transfer servers
  const PROXIES = N >= 5000 ? 2 : 1;
  const K = Math.min(KIKAN_SYSTEMS.length, 4 + M); // business systems
  const APP_REPLICAS = N >= 5000 ? 2 : 1;

  const depts = Array.from({ length: D }, (_, i) => {
    const [part, title] = DEPARTMENTS[i % DEPARTMENTS.length];
    const round = Math.floor(i / DEPARTMENTS.length);
    return {
      zone: round === 0 ? `lg-${part}` : `lg-${part}-${round + 1}`,
      part: round === 0 ? part : `${part}${round + 1}`,
      title: round === 0 ? title : `${title} (第${round + 1}庁舎)`,
      fs: `fs-${pad(i % FS, 2)}`,
      app: i % 3 === 0 ? `app-${round === 0 ? part : `${part}${round + 1}`}` : undefined,
      admin: `adm-${round === 0 ? part : `${part}${round + 1}`}`,
      vb: `vb-${pad(i % VB, 2)}`,
      pcs: [],
      mfps: [],
    };
  });
  const wlans = Array.from({ length: W }, (_, i) => ({
    zone: `wlan-${pad(i, 2)}`,
    ap: `ap-${pad(i, 2)}`,
    dept: depts[(i * 7) % D],
    pcs: [],
  }));
  const inets = Array.from({ length: I }, (_, i) => ({ zone: `inet-office-${pad(i, 2)}`, pcs: [] }));
  const kikanSegs = Array.from({ length: M }, (_, i) => ({
    zone: `kb-${pad(i, 2)}`,
    systems: [],
    pcs: [],
  }));
  const systems = KIKAN_SYSTEMS.slice(0, K).map(([part, title, dataTitle], i) => ({
    part,
    title,
    dataTitle,
    apps: Array.from({ length: APP_REPLICAS }, (_, r) => `k-${part}-ap${r + 1}`),
    db: `k-${part}-db`,
    data: `d-${part}`,
    dbService: i % 3 === 0 ? "oracle" : "postgres",
  }));
  // each My Number segment works with the 住民記録 system plus two or three others
  for (const seg of kikanSegs) {
    const others = shuffledPick(systems.slice(1), Math.min(systems.length - 1, 2 + int(2)));
    seg.systems = [systems[0], ...others];
  }
  const gcSystems = GOV_CLOUD_SYSTEMS.map(([id, title]) => ({ id, title }));
  const partnerCount = Math.max(2, Math.round(N / 2000));

  // ---- fixed nodes (everything but the PCs); count them to fill the rest with PCs ----------
  const fixed = [];
  const addFixed = (id) => fixed.push(id);
  const scHosts = ["sc-mail", "sc-dns", "sc-web"];
  const proxies = Array.from({ length: PROXIES }, (_, i) => `sc-proxy${i + 1}`);
  [...scHosts, ...proxies].forEach(addFixed);
  const vbs = Array.from({ length: VB }, (_, i) => `vb-${pad(i, 2)}`);
  [...vbs, "mail-relay", "sanitizer"].forEach(addFixed);
  const sharedSrv = ["lgwan-mail", "groupware", "ad-1", "ad-2", "dns-in", "print-srv", "wsus"];
  const fileServers = Array.from({ length: FS }, (_, i) => `fs-${pad(i, 2)}`);
  [...sharedSrv, ...fileServers].forEach(addFixed);
  for (const d of depts) {
    addFixed(d.admin);
    if (d.app) addFixed(d.app);
  }
  for (const w of wlans) addFixed(w.ap);
  for (const s of systems) {
    s.apps.forEach(addFixed);
    addFixed(s.db);
  }
  for (const g of gcSystems) addFixed(g.id);
  ["juki-cs", "juki-zenkoku", "chukan-server"].forEach(addFixed);
  ["log-1", "log-2", "monitor", "jump", "backup"].forEach(addFixed);
  ["vpn-gw", "lgwan-router"].forEach(addFixed);
  const firewalls = ["fw-sc", "fw-inet", "fw-core", "fw-lgwan", "fw-kikan", "fw-chukan", "fw-gc", "fw-mgmt"];
  firewalls.forEach(addFixed);
  const aspHosts = asp
    ? ["asp-web-inet1", "asp-web-inet2", "asp-web-lgwan1", "asp-web-lgwan2", "asp-db1", "asp-db2", "asp-av"]
    : [];
  if (asp) [...aspHosts, "asp-ips", "fw-asp-inet", "fw-asp-lgwan", "fw-asp-db"].forEach(addFixed);
  const partners = Array.from({ length: partnerCount }, (_, i) => `vendor-pc${pad(i + 1, 2)}`);
  partners.forEach(addFixed);
  const mgmtPcs = Array.from({ length: Math.max(2, Math.round(N / 1500)) }, (_, i) => `ops-pc${pad(i + 1, 2)}`);
  mgmtPcs.forEach(addFixed);
  addFixed("citizen"); // a resident's PC on the internet (used by the web-site and ASP flows)

  // ---- PCs and printers: the rest, spread over the segments with some unevenness ----------
  const rest = N - fixed.length;
  if (rest < 50) throw new Error(`generate: ${N} nodes is too small for this design (needs ${fixed.length + 50})`);
  const share = { dept: 0.7, wlan: 0.06, inet: 0.06, kikan: 0.18 };
  const counts = {
    wlan: Math.round(rest * share.wlan),
    inet: Math.round(rest * share.inet),
    kikan: Math.round(rest * share.kikan),
  };
  counts.dept = rest - counts.wlan - counts.inet - counts.kikan;
  const spread = (total, groups) => {
    const weights = groups.map(() => 0.5 + rnd());
    const sum = weights.reduce((a, b) => a + b, 0);
    const out = weights.map((w) => Math.floor((total * w) / sum));
    let left = total - out.reduce((a, b) => a + b, 0);
    for (let i = 0; left > 0; i = (i + 1) % out.length, left--) out[i]++;
    return out;
  };
  spread(counts.dept, depts).forEach((n, i) => {
    const d = depts[i];
    const mfps = Math.max(1, Math.round(n / 40));
    for (let k = 1; k <= mfps; k++) d.mfps.push(`mfp-${d.part}-${pad(k, 2)}`);
    for (let k = 1; k <= n - mfps; k++) d.pcs.push(`pc-${d.part}-${pad(k, 4)}`);
  });
  spread(counts.wlan, wlans).forEach((n, i) => {
    for (let k = 1; k <= n; k++) wlans[i].pcs.push(`mpc-${pad(i, 2)}-${pad(k, 4)}`);
  });
  spread(counts.inet, inets).forEach((n, i) => {
    for (let k = 1; k <= n; k++) inets[i].pcs.push(`ipc-${pad(i, 2)}-${pad(k, 4)}`);
  });
  spread(counts.kikan, kikanSegs).forEach((n, i) => {
    for (let k = 1; k <= n; k++) kikanSegs[i].pcs.push(`kpc-${pad(i, 2)}-${pad(k, 4)}`);
  });

  // ---- writing ----------------------------------------------------------------------------
  const out = [];
  const w = (s) => out.push(s);
  let nodeCount = 0;
  let ruleCount = 0;
  let flowCount = 0;
  const node = (s) => {
    nodeCount++;
    w(s);
  };

  w("# yaml-language-server: $schema=../schema/topology.schema.json");
  w(`# Generated by bench/generate.mjs (nodes=${N}, seed=${seed}, asp=${asp}); do not edit.`);
  w("bunri: 1");
  w(`name: bench-city-${N}`);
  w(`title: ベンチマーク用 ○○市 庁内ネットワーク (${N} ノード)`);
  w("description: >-");
  w("  Generated municipality design for the bunri benchmark: three tiers, security cloud,");
  w("  screen transfer, sanitisation, mail relay, government cloud and an LGWAN-ASP provider.");
  w("organization: ○○市 (ベンチマーク)");
  w(`model: ${model}`);

  // zones
  w("\nzones:");
  const zonesFrom = out.length;
  w("  internet: { kind: internet, title: インターネット }");
  w("  pref-cloud: { kind: security-cloud, title: 自治体情報セキュリティクラウド, owner: 都道府県 }");
  w("  inet-med: { kind: internet-connected, title: インターネット接続系 (画面転送・無害化) }");
  for (const z of inets) w(`  ${z.zone}: { kind: internet-connected, title: インターネット接続系 業務端末 ${z.zone.slice(-2)} }`);
  for (const d of depts) w(`  ${d.zone}: { kind: lgwan-connected, title: ${d.title} (LGWAN接続系) }`);
  for (const z of wlans) w(`  ${z.zone}: { kind: lgwan-connected, title: 庁内無線LAN ${z.zone.slice(-2)} (${z.dept.title}) }`);
  w("  lgwan-srv: { kind: lgwan-connected, title: LGWAN接続系 共通サーバ }");
  w("  lgwan-edge: { kind: transit, title: LGWAN ルータ–ファイアウォール間 }");
  w("  lgwan: { kind: lgwan, title: LGWAN (総合行政ネットワーク) }");
  for (const z of kikanSegs) w(`  ${z.zone}: { kind: mynumber, title: マイナンバー利用事務系 業務端末 ${z.zone.slice(-2)} }`);
  w("  kikan-srv: { kind: mynumber, title: マイナンバー利用事務系 業務サーバ }");
  w("  kikan-db: { kind: mynumber, title: 基幹系 DB セグメント, location: JP }");
  w("  gov-cloud: { kind: gov-cloud, title: ガバメントクラウド (標準準拠システム), location: JP }");
  w("  jukinet: { kind: national, title: 住基ネット, owner: 地方公共団体情報システム機構 (J-LIS) }");
  w("  chukan-pf: { kind: national, title: 中間サーバー・プラットフォーム, owner: 地方公共団体情報システム機構 (J-LIS) }");
  w("  mgmt: { kind: management, title: 運用管理セグメント }");
  w("  vpn-edge: { kind: transit, title: 保守用 VPN–ファイアウォール間 }");
  w("  vendor-net: { kind: partner, title: 保守委託先 }");
  if (asp) {
    w("  asp-edge: { kind: transit, title: ASP IPS–ファイアウォール間 }");
    w("  asp-dmz: { kind: asp-internet, title: LGWAN-ASP インターネット側セグメント, location: JP }");
    w("  asp-lgwan: { kind: asp-lgwan, title: LGWAN-ASP LGWAN側セグメント, location: JP }");
    w("  asp-db: { kind: db, title: LGWAN-ASP DB セグメント, location: JP }");
  }

  const zoneCount = out.length - zonesFrom;
  // nodes
  w("\nnodes:");
  const rule = (fw, action, from, to, service, extra = {}) => {
    ruleCount++;
    const parts = [];
    if (extra.id) parts.push(`id: ${extra.id}`);
    parts.push(`${action}: { from: ${from}, to: ${to}${service ? `, service: ${service}` : ""} }`);
    if (extra.title) parts.push(`title: ${extra.title}`);
    fw.push(`      - { ${parts.join(", ")} }`);
  };
  const list = (items) => (items.length === 1 ? items[0] : `[${items.join(", ")}]`);
  const q = (s) => `"${s}"`;
  const firewall = (id, title, zones, body, extra = "") => {
    node(`  ${id}:\n    kind: firewall\n    title: ${title}\n    zones: [${zones.join(", ")}]${extra}\n    rules:`);
    out.push(...body);
  };

  // -- security cloud
  w("  # --- 自治体情報セキュリティクラウド ---");
  for (const p of proxies)
    node(`  ${p}: { kind: proxy, zone: pref-cloud, services: [tcp/8080], title: Web プロキシ ${p.slice(-1)} }`);
  node(
    "  sc-mail: { kind: mail-server, zone: pref-cloud, services: [smtp], controls: { open-relay: false }, title: メールゲートウェイ }",
  );
  node("  sc-dns: { kind: dns-server, zone: pref-cloud, services: [dns], title: キャッシュ DNS }");
  node("  sc-web: { kind: web-server, zone: pref-cloud, services: [http, https], title: 市公式ホームページ (CMS) }");
  {
    const r = [];
    rule(r, "allow", list(proxies), "internet", "[http, https]", { id: "proxy-out", title: "プロキシ→インターネット" });
    rule(r, "allow", "internet", "sc-mail", "smtp", { id: "mail-in", title: "インターネット→メールゲートウェイ" });
    rule(r, "allow", "sc-mail", "internet", "smtp", { id: "mail-out" });
    rule(r, "allow", "sc-dns", "internet", "dns", { id: "dns-out" });
    rule(r, "allow", "internet", "sc-web", "[http, https]", { id: "web-in", title: "住民→ホームページ" });
    rule(r, "allow", list(proxies), "internet", "ftp", { id: "proxy-ftp" });
    rule(r, "allow", "sc-dns", "internet", "ntp", { id: "ntp-out" });
    for (const h of [...proxies, ...scHosts]) for (const s of RISKY) rule(r, "deny", "internet", h, s);
    for (const s of RISKY_MORE) rule(r, "deny", "internet", "pref-cloud", s);
    // threat-intelligence block list: odd ports the vendor pushes
    const blocks = Math.round(N / 400);
    for (let i = 0; i < blocks; i++) {
      const lo = 1024 + int(60000);
      rule(r, "deny", "internet", q("zone-kind:security-cloud"), `${pick(["tcp", "udp"])}/${lo}-${lo + int(50)}`);
    }
    rule(r, "deny", "pref-cloud", "internet", "[smb, tcp/135-139, udp/137-138]", { id: "no-smb-out" });
    firewall(
      "fw-sc",
      "セキュリティクラウド 境界ファイアウォール (IPS 機能付き)",
      ["internet", "pref-cloud"],
      r,
      "\n    controls: { ips: true }\n    default: deny",
    );
  }

  // -- internet-connected
  w("  # --- インターネット接続系 ---");
  vbs.forEach((id, i) => {
    node(
      `  ${id}: { kind: screen-transfer, zone: inet-med, services: [rdp], controls: { redirection: [], epp: true, logging: true }, title: 仮想ブラウザ ${i + 1} }`,
    );
  });
  node(
    "  mail-relay: { kind: mail-relay, zone: inet-med, services: [smtp], controls: { sanitize: text, open-relay: false }, title: メール無害化リレー }",
  );
  node(
    "  sanitizer: { kind: sanitizer, zones: [inet-med, lgwan-srv], services: [smb], controls: { sanitize: cdr }, title: ファイル無害化サーバ }",
  );
  for (const z of inets)
    for (const id of z.pcs) {
      const edr = chance(0.9) ? ", edr: true" : "";
      node(
        `  ${id}: { kind: client, zone: ${z.zone}, controls: { auth: [password], epp: true${edr}, removable-media: blocked } }`,
      );
    }
  {
    const r = [];
    rule(r, "allow", list(vbs), list(proxies), "tcp/8080", { id: "vb-proxy", title: "仮想ブラウザ→プロキシ" });
    rule(r, "allow", "sc-mail", "mail-relay", "smtp", { id: "mail-in" });
    rule(r, "allow", "mail-relay", "sc-mail", "smtp", { id: "mail-out" });
    rule(r, "allow", q("zone-kind:internet-connected"), "sc-dns", "dns", { id: "dns" });
    for (const z of inets) rule(r, "allow", z.zone, list(proxies), "tcp/8080", { title: `${z.zone} → プロキシ` });
    for (const z of ["inet-med", ...inets.map((x) => x.zone)])
      for (const s of ["ssh", "rdp", "smb", "tcp/1-1023"]) rule(r, "deny", z, "pref-cloud", s);
    rule(r, "deny", "pref-cloud", q("tier:internet-side"), "any", { id: "no-inbound", title: "クラウド側からの接続を拒否" });
    firewall("fw-inet", "インターネット接続系 境界ファイアウォール", ["pref-cloud", "inet-med", ...inets.map((z) => z.zone)], r);
  }

  // -- LGWAN-connected
  w("  # --- LGWAN接続系 ---");
  node(
    "  lgwan-mail: { kind: mail-server, zone: lgwan-srv, services: [smtp, submission, tcp/993], controls: { open-relay: false }, title: 庁内メールサーバ }",
  );
  node("  groupware: { kind: app-server, zone: lgwan-srv, services: [https], holds: [d-groupware], title: グループウェア }");
  node("  ad-1: { kind: auth-server, zone: lgwan-srv, services: [ldap, ldaps, tcp/88, udp/88, dns], title: Active Directory 1 }");
  node("  ad-2: { kind: auth-server, zone: lgwan-srv, services: [ldap, ldaps, tcp/88, udp/88, dns], title: Active Directory 2 }");
  node("  dns-in: { kind: dns-server, zone: lgwan-srv, services: [dns], title: 庁内 DNS }");
  node("  print-srv: { kind: server, zone: lgwan-srv, services: [tcp/9100, tcp/631, smb], title: プリントサーバ }");
  node("  wsus: { kind: server, zone: lgwan-srv, services: [tcp/8530-8531], title: 更新プログラム配信 }");
  fileServers.forEach((id, i) => {
    const held = depts.filter((d) => d.fs === id).map((d) => `d-docs-${d.part}`);
    node(
      `  ${id}: { kind: file-server, zone: lgwan-srv, services: [smb], holds: [${held.join(", ")}], title: ファイルサーバ ${i + 1} }`,
    );
  });
  for (const d of depts) {
    const factors = pick([["password", "ic-card"], ["password", "ic-card"], ["password", "certificate"], ["password"]]);
    node(
      `  ${d.admin}: { kind: client, zone: ${d.zone}, controls: { auth: [${factors.join(", ")}], epp: true, logging: true, removable-media: approval, approver: ${d.title}長 }, title: ${d.title} 管理者端末 }`,
    );
    if (d.app)
      node(
        `  ${d.app}: { kind: app-server, zone: ${d.zone}, services: [https, rdp], holds: [d-app-${d.part}], title: ${d.title} 業務サーバ }`,
      );
    for (const id of d.mfps) node(`  ${id}: { kind: device, zone: ${d.zone}, services: [tcp/9100, tcp/631, http] }`);
    for (const id of d.pcs) {
      const media = chance(0.8) ? "approval, approver: 情報政策課長" : "blocked";
      const epp = chance(0.97) ? ", epp: true" : "";
      node(
        `  ${id}: { kind: client, zone: ${d.zone}, controls: { auth: [password, ic-card], removable-media: ${media}${epp}, logging: true } }`,
      );
    }
  }
  wlans.forEach((z, i) => {
    const auth = i === W - 1 && W > 2 ? "psk" : "802.1x";
    node(
      `  ${z.ap}: { kind: wireless-ap, zones: [${z.zone}, ${z.dept.zone}], controls: { wlan-auth: ${auth} }, title: 無線LAN AP ${i + 1} }`,
    );
    for (const id of z.pcs)
      node(
        `  ${id}: { kind: client, zone: ${z.zone}, controls: { auth: [password, certificate], epp: true, removable-media: blocked } }`,
      );
  });
  const lgZones = [...depts.map((d) => d.zone), ...wlans.map((z) => z.zone)];
  {
    // fw-core: between the LGWAN-connected and internet-connected tiers
    const r = [];
    rule(r, "allow", list(wlans.map((z) => z.zone)), list(vbs), "rdp", { id: "wlan-screen", title: "無線端末→仮想ブラウザ" });
    for (const d of depts) rule(r, "allow", d.zone, d.vb, "rdp", { title: `${d.title}→仮想ブラウザ` });
    rule(r, "allow", "mail-relay", "lgwan-mail", "smtp", { id: "mail-in", title: "無害化済みメール→庁内メール" });
    rule(r, "allow", "lgwan-mail", "mail-relay", "smtp", { id: "mail-out" });
    for (const d of depts) {
      rule(r, "deny", d.zone, q("tier:internet-side"), pick(["any", "[http, https]", "smb", "tcp/1-1023"]));
      rule(r, "deny", q("tier:internet-side"), d.zone, "any");
      if (chance(0.5)) rule(r, "deny", d.zone, "inet-med", pick(["ssh", "ftp", "tcp/8080"]));
    }
    rule(r, "deny", q("zone-kind:internet-connected"), "lgwan-srv", "any", { id: "no-inet-srv" });
    firewall(
      "fw-core",
      "庁内ファイアウォール (インターネット接続系 / LGWAN接続系)",
      ["inet-med", ...inets.map((z) => z.zone), ...lgZones, "lgwan-srv"],
      r,
      "\n    default: deny",
    );
  }
  {
    // fw-lgwan: the LGWAN-connected segments among themselves, management, and LGWAN
    const r = [];
    rule(r, "allow", q("zone-kind:lgwan-connected"), list(["ad-1", "ad-2"]), "[ldap, ldaps, tcp/88, udp/88, dns]", {
      id: "ad",
      title: "認証",
    });
    rule(r, "allow", q("zone-kind:lgwan-connected"), "dns-in", "dns", { id: "dns" });
    rule(r, "allow", q("zone-kind:lgwan-connected"), "wsus", "tcp/8530-8531", { id: "wsus" });
    rule(r, "allow", q("tier:lgwan-side"), "log-1", "syslog", { id: "syslog" });
    rule(r, "allow", "monitor", q("tier:lgwan-side"), "[icmp, udp/161]", { id: "monitor" });
    rule(r, "allow", "jump", q("zone-kind:lgwan-connected"), "[ssh, rdp]", { id: "jump" });
    rule(r, "allow", "backup", list(fileServers), "smb", { id: "backup" });
    for (const d of depts) {
      rule(r, "allow", d.zone, d.fs, "smb", { title: `${d.title}→ファイルサーバ` });
      rule(r, "allow", d.zone, "lgwan-mail", "[submission, tcp/993]");
      rule(r, "allow", d.zone, "groupware", "https");
      rule(r, "allow", d.zone, "print-srv", "[tcp/9100, tcp/631]");
      if (d.app) {
        rule(r, "allow", d.zone, d.app, "https");
        rule(r, "allow", d.admin, d.app, "rdp", { title: `${d.title} 管理者→業務サーバ保守` });
      }
      if (chance(0.6)) rule(r, "allow", d.zone, "lgwan", "https");
    }
    for (const z of wlans) {
      rule(r, "allow", z.zone, z.dept.fs, "smb");
      rule(r, "allow", z.zone, list(["lgwan-mail", "groupware"]), "[submission, tcp/993, https]");
      rule(r, "deny", z.zone, "lgwan-srv", "[ssh, rdp]");
    }
    if (asp)
      rule(r, "allow", q("zone-kind:lgwan-connected"), q("zone-kind:asp-lgwan"), "https", { id: "asp", title: "職員→LGWAN-ASP" });
    rule(r, "allow", "lgwan-mail", "lgwan", "smtp", { id: "lgwan-mail" });
    rule(r, "deny", "lgwan", q("zone-kind:lgwan-connected"), "any", { id: "no-inbound" });
    for (let i = 0; i < Math.round(D * 1.5); i++)
      rule(
        r,
        "deny",
        pick(lgZones),
        pick([...fileServers, "groupware", "lgwan-mail"]),
        pick(["ssh", "rdp", "tcp/8000-8999", "udp/161", "tcp/23"]),
      );
    firewall(
      "fw-lgwan",
      "LGWAN接続系 基幹ファイアウォール",
      ["lgwan-edge", ...lgZones, "lgwan-srv", "mgmt"],
      r,
      "\n    default: deny",
    );
  }
  node("  lgwan-router: { kind: router, zones: [lgwan-edge, lgwan], title: LGWAN 接続ルータ }");

  // -- My Number
  w("  # --- マイナンバー利用事務系 ---");
  for (const s of systems) {
    s.apps.forEach((id, r) => {
      node(`  ${id}: { kind: app-server, zone: kikan-srv, services: [https], holds: [${s.data}], title: ${s.title} AP${r + 1} }`);
    });
    node(`  ${s.db}: { kind: db-server, zone: kikan-db, services: [${s.dbService}], holds: [${s.data}], title: ${s.title} DB }`);
  }
  const mediaExceptions = [];
  for (const seg of kikanSegs)
    for (const id of seg.pcs) {
      const auth = chance(0.98) ? pick(["[password, biometric]", "[password, ic-card]", "[pin, ic-card]"]) : "[password]";
      const media = chance(0.97) ? "blocked" : "approval";
      if (media === "approval") mediaExceptions.push(id);
      node(
        `  ${id}: { kind: client, zone: ${seg.zone}, services: [], controls: { auth: ${auth}, removable-media: ${media}, epp: true, logging: true } }`,
      );
    }
  const atena = systems.find((s) => s.part === "atena");
  {
    const r = [];
    for (const seg of kikanSegs)
      for (const s of seg.systems) rule(r, "allow", seg.zone, list(s.apps), "https", { title: `${seg.zone}→${s.title}` });
    for (const s of systems) rule(r, "allow", list(s.apps), s.db, s.dbService, { id: `${s.part}-db` });
    rule(r, "allow", list(systems[0].apps), "juki-cs", "https", { id: "jukinet", title: "住民記録→住基ネット CS" });
    if (atena) rule(r, "allow", list(atena.apps), "chukan-server", "https", { id: "chukan", title: "統合宛名→中間サーバー" });
    if (atena)
      rule(r, "allow", list(systems.flatMap((s) => s.apps)), list(atena.apps), "https", {
        id: "atena-link",
        title: "各業務→統合宛名",
      });
    rule(r, "allow", q("zone-kind:mynumber"), "log-2", "syslog", { id: "syslog", title: "基幹系のログは専用のログサーバへ" });
    rule(r, "allow", "jump", list(["kikan-srv", "kikan-db"]), "ssh", { id: "maint" });
    rule(r, "allow", "backup", "kikan-db", "tcp/10000", { id: "backup" });
    for (const seg of kikanSegs) {
      rule(r, "deny", seg.zone, "kikan-db", "any", { title: "端末から DB への直接接続を拒否" });
      rule(r, "deny", seg.zone, "lgwan", "any");
      rule(r, "deny", seg.zone, "mgmt", "[ssh, rdp, smb]");
    }
    rule(r, "deny", q("tier:mynumber-side"), "lgwan", "any", { id: "no-lgwan" });
    rule(r, "deny", "lgwan", q("tier:mynumber-side"), "any", { id: "no-lgwan-in" });
    firewall(
      "fw-kikan",
      "基幹系ファイアウォール",
      [...kikanSegs.map((z) => z.zone), "kikan-srv", "kikan-db", "mgmt", "lgwan", "jukinet"],
      r,
      "\n    default: deny",
    );
  }
  for (const g of gcSystems)
    node(`  ${g.id}: { kind: app-server, zone: gov-cloud, services: [https], holds: [d-${g.id}], title: ${g.title} }`);
  {
    const r = [];
    for (const seg of kikanSegs) rule(r, "allow", seg.zone, list(["gc-juki", pick(gcSystems.slice(1)).id]), "https");
    rule(r, "allow", list(systems[0].apps), "gc-juki", "https", { id: "migration", title: "標準準拠システムへのデータ移行" });
    rule(r, "deny", "gov-cloud", q("tier:mynumber-side"), "any", { id: "no-inbound" });
    firewall(
      "fw-gc",
      "ガバメントクラウド接続ファイアウォール (専用線)",
      [...kikanSegs.map((z) => z.zone), "kikan-srv", "gov-cloud"],
      r,
    );
  }
  node("  juki-cs: { kind: server, zone: jukinet, services: [https], holds: [d-honnin], title: 住基ネット CS }");
  node("  juki-zenkoku: { kind: server, zone: jukinet, services: [https], title: 都道府県サーバ・全国サーバ }");
  node("  chukan-server: { kind: server, zone: chukan-pf, services: [https], holds: [d-fuhon], title: 中間サーバー }");
  {
    const r = [];
    if (atena) rule(r, "allow", list(atena.apps), "chukan-server", "https", { id: "atena" });
    rule(r, "deny", "lgwan", "chukan-pf", "any", { id: "no-lgwan" });
    firewall("fw-chukan", "中間サーバー・プラットフォーム ファイアウォール", ["lgwan", "chukan-pf"], r);
  }

  // -- management, contractor
  w("  # --- 運用管理・保守 ---");
  node("  log-1: { kind: log-server, zone: mgmt, services: [syslog], holds: [d-logs], title: ログサーバ 1 }");
  node("  log-2: { kind: log-server, zone: mgmt, services: [syslog], holds: [d-logs], title: ログサーバ 2 }");
  node("  monitor: { kind: server, zone: mgmt, services: [https], title: 監視サーバ }");
  node(
    "  jump: { kind: server, zone: mgmt, services: [ssh, rdp], controls: { auth: [password, otp], logging: true }, title: 踏み台サーバ }",
  );
  node("  backup: { kind: server, zone: mgmt, services: [tcp/10000], holds: [d-logs], title: バックアップサーバ }");
  for (const id of mgmtPcs)
    node(
      `  ${id}: { kind: client, zone: mgmt, controls: { auth: [password, otp], epp: true, logging: true, removable-media: blocked }, title: 運用端末 }`,
    );
  node("  vpn-gw: { kind: vpn-gateway, zones: [vendor-net, vpn-edge], title: 保守用 VPN 装置 }");
  for (const id of partners) node(`  ${id}: { kind: client, zone: vendor-net, title: 保守委託先端末 }`);
  {
    const r = [];
    rule(r, "allow", list(partners), "jump", "rdp", { id: "vendor", title: "保守委託先→踏み台" });
    rule(r, "allow", q("zone-kind:management"), "monitor", "https", { id: "ops" });
    rule(r, "deny", "vendor-net", "mgmt", "any", { id: "vendor-deny" });
    firewall("fw-mgmt", "保守接続ファイアウォール", ["vpn-edge", "mgmt"], r);
  }
  node("  citizen: { kind: client, zone: internet, title: 住民の PC・スマートフォン }");

  // -- LGWAN-ASP provider
  if (asp) {
    w("  # --- LGWAN-ASP 事業者 ---");
    node("  asp-ips: { kind: ips, zones: [internet, asp-edge], title: ASP IPS }");
    node("  asp-web-inet1: { kind: web-server, zone: asp-dmz, services: [https], title: 予約サイト 1 }");
    node("  asp-web-inet2: { kind: web-server, zone: asp-dmz, services: [https], title: 予約サイト 2 }");
    node("  asp-web-lgwan1: { kind: web-server, zone: asp-lgwan, services: [https], title: 職員向け画面 1 }");
    node("  asp-web-lgwan2: { kind: web-server, zone: asp-lgwan, services: [https], title: 職員向け画面 2 }");
    node("  asp-db1: { kind: db-server, zone: asp-db, services: [postgres], holds: [d-reservations], title: 予約 DB 1 }");
    node("  asp-db2: { kind: db-server, zone: asp-db, services: [postgres], holds: [d-reservations], title: 予約 DB 2 }");
    node("  asp-av: { kind: virus-scan, zone: asp-db, services: [https], title: ウイルスチェック }");
    const a = [];
    rule(a, "allow", "internet", list(["asp-web-inet1", "asp-web-inet2"]), "https", { id: "reserve" });
    for (const s of RISKY) rule(a, "deny", "internet", "asp-dmz", s);
    firewall("fw-asp-inet", "ASP インターネット側ファイアウォール", ["asp-edge", "asp-dmz"], a);
    const l = [];
    rule(l, "allow", q("tier:lgwan-side"), list(["asp-web-lgwan1", "asp-web-lgwan2"]), "https", { id: "staff" });
    for (const s of RISKY) rule(l, "deny", "lgwan", "asp-lgwan", s);
    firewall("fw-asp-lgwan", "ASP LGWAN側ファイアウォール", ["lgwan", "asp-lgwan"], l);
    const b = [];
    rule(
      b,
      "allow",
      list(["asp-web-inet1", "asp-web-inet2", "asp-web-lgwan1", "asp-web-lgwan2"]),
      list(["asp-db1", "asp-db2"]),
      "postgres",
      { id: "db" },
    );
    rule(b, "allow", list(["asp-web-inet1", "asp-web-inet2", "asp-web-lgwan1", "asp-web-lgwan2"]), "asp-av", "https", {
      id: "av",
    });
    rule(b, "allow", "asp-av", list(["asp-db1", "asp-db2"]), "postgres", { id: "av-db" });
    rule(b, "deny", "asp-dmz", "asp-lgwan", "any", { id: "split" });
    rule(b, "deny", "asp-lgwan", "asp-dmz", "any", { id: "split-back" });
    firewall("fw-asp-db", "ASP DB ファイアウォール", ["asp-dmz", "asp-lgwan", "asp-db"], b);
  }

  // data
  w("\ndata:");
  const population = 100_000 + Math.round(N * 30);
  for (const d of depts)
    w(`  d-docs-${d.part}: { classification: ${pick(["internal", "personal", "personal"])}, title: ${d.title} 業務ファイル }`);
  for (const d of depts)
    if (d.app)
      w(
        `  d-app-${d.part}: { classification: ${pick(["personal", "sensitive"])}, title: ${d.title} 業務データ, records: ${int(population)} }`,
      );
  for (const s of systems) w(`  ${s.data}: { classification: mynumber, title: ${s.dataTitle}, records: ${population} }`);
  for (const g of gcSystems) w(`  d-${g.id}: { classification: mynumber, title: ${g.title} データ, records: ${population} }`);
  w("  d-groupware: { classification: internal, title: 掲示板・スケジュール }");
  w("  d-logs: { classification: internal, title: 操作ログ・通信ログ }");
  w(`  d-honnin: { classification: mynumber, title: 本人確認情報, records: ${population} }`);
  w(`  d-fuhon: { classification: mynumber, title: 中間サーバーの副本, records: ${population} }`);
  w("  d-mail: { classification: personal, title: メール (個人情報を含みうる) }");
  if (asp)
    w(`  d-reservations: { classification: personal, title: 施設予約者の氏名・連絡先, records: ${Math.round(population / 5)} }`);

  // flows
  w("\nflows:");
  const flow = (id, body) => {
    flowCount++;
    w(`  ${id}:`);
    for (const [k, v] of Object.entries(body)) if (v !== undefined) w(`    ${k}: ${v}`);
  };
  const hop = (n, s) => `{ node: ${n.includes("/") ? q(n) : n}, service: ${s} }`;
  flow("f-mail-in", {
    title: "インターネットメールの受信 (無害化)",
    from: q("internet/*"),
    via: "[sc-mail, mail-relay]",
    to: "lgwan-mail",
    service: "smtp",
    carries: "mail",
    data: "[d-mail]",
    encrypted: "true",
  });
  flow("f-file-import", {
    title: "ファイル取込み (無害化)",
    from: vbs[0],
    via: "[sanitizer]",
    to: fileServers[0],
    service: "smb",
    carries: "files",
  });
  flow("f-homepage", {
    title: "住民のホームページ閲覧",
    from: "citizen",
    to: hop("sc-web", "https"),
    carries: "web",
    encrypted: "true",
  });
  for (const d of depts) {
    const pc = d.pcs[0] ?? d.admin;
    flow(`f-browse-${d.part}`, {
      title: `${d.title} Web 閲覧 (画面転送)`,
      from: pc,
      via: `[${hop(d.vb, "rdp")}, ${hop(pick(proxies), "tcp/8080")}]`,
      to: hop("internet/*", "https"),
      carries: "web",
      encrypted: "true",
    });
    flow(`f-files-${d.part}`, {
      from: pick(d.pcs.length ? d.pcs : [d.admin]),
      to: d.fs,
      service: "smb",
      carries: "files",
      data: `[d-docs-${d.part}]`,
    });
    flow(`f-mail-${d.part}`, {
      from: pc,
      via: `[${hop("lgwan-mail", "submission")}, ${hop("mail-relay", "smtp")}, ${hop("sc-mail", "smtp")}]`,
      to: hop("internet/*", "smtp"),
      carries: "mail",
      data: "[d-mail]",
      encrypted: "true",
    });
    flow(`f-gw-${d.part}`, {
      from: pick(d.pcs.length ? d.pcs : [d.admin]),
      to: hop("groupware", "https"),
      carries: "data",
      encrypted: "true",
    });
    if (d.app)
      flow(`f-app-${d.part}`, {
        from: pc,
        to: hop(d.app, "https"),
        carries: "data",
        data: `[d-app-${d.part}]`,
        encrypted: "true",
      });
    if (d.app) flow(`f-adm-${d.part}`, { from: d.admin, to: hop(d.app, "rdp"), carries: "screen" });
  }
  for (const z of wlans)
    if (z.pcs.length)
      flow(`f-wlan-${z.zone}`, {
        from: z.pcs[0],
        to: z.dept.fs,
        service: "smb",
        carries: "files",
        data: `[d-docs-${z.dept.part}]`,
      });
  for (const z of inets)
    if (z.pcs.length)
      flow(`f-inet-${z.zone}`, {
        from: z.pcs[0],
        via: `[${hop(proxies[0], "tcp/8080")}]`,
        to: hop("internet/*", "https"),
        carries: "web",
        encrypted: "true",
      });
  for (const seg of kikanSegs)
    for (const s of seg.systems) {
      if (!seg.pcs.length) continue;
      flow(`f-${seg.zone}-${s.part}`, {
        title: `${s.title} 業務`,
        from: pick(seg.pcs),
        via: `[${hop(pick(s.apps), "https")}]`,
        to: hop(s.db, s.dbService),
        carries: "data",
        data: `[${s.data}]`,
        encrypted: "true",
      });
    }
  for (const seg of kikanSegs)
    if (seg.pcs.length)
      flow(`f-gc-${seg.zone}`, { from: seg.pcs[0], to: hop("gc-juki", "https"), carries: "data", encrypted: "true" });
  flow("f-jukinet", {
    title: "住基ネットへの本人確認情報の通知",
    from: systems[0].apps[0],
    via: "[juki-cs]",
    to: "juki-zenkoku",
    service: "https",
    carries: "data",
    data: "[d-honnin]",
    encrypted: "true",
    exception: "住基ネット (住民基本台帳法)",
  });
  if (atena)
    flow("f-chukan", {
      title: "中間サーバーとの情報連携",
      from: systems[0].apps[0],
      via: `[${atena.apps[0]}]`,
      to: "chukan-server",
      service: "https",
      carries: "data",
      data: `[${atena.data}]`,
      encrypted: "true",
      exception: "中間サーバー連携 (番号法)",
    });
  flow("f-syslog-lgwan", { from: "lgwan-mail", to: "log-1", service: "syslog", carries: "data", data: "[d-logs]" });
  flow("f-syslog-kikan", { from: systems[0].apps[0], to: "log-2", service: "syslog", carries: "data", data: "[d-logs]" });
  flow("f-backup", { from: "backup", to: fileServers[0], service: "smb", carries: "files" });
  flow("f-vendor", {
    title: "保守作業",
    from: partners[0],
    via: `[${hop("jump", "rdp")}]`,
    to: hop("monitor", "https"),
    carries: "screen",
  });
  if (asp) {
    flow("f-asp-reserve", {
      title: "施設予約",
      from: "citizen",
      via: `[${hop("asp-web-inet1", "https")}]`,
      to: hop("asp-db1", "postgres"),
      carries: "web",
      data: "[d-reservations]",
      encrypted: "true",
    });
    flow("f-asp-upload", {
      title: "添付ファイルのアップロード",
      from: q("internet/*"),
      via: `[${hop("asp-web-inet2", "https")}, ${hop("asp-av", "https")}]`,
      to: hop("asp-db2", "postgres"),
      carries: "files",
      data: "[d-reservations]",
      encrypted: "true",
    });
    flow("f-asp-staff", {
      title: "職員の予約管理",
      from: depts[0].pcs[0] ?? depts[0].admin,
      via: `[${hop("asp-web-lgwan1", "https")}]`,
      to: hop("asp-db1", "postgres"),
      carries: "data",
      data: "[d-reservations]",
      encrypted: "true",
    });
  }

  // waivers: one accepted risk, one that no longer matches anything
  w("\nwaivers:");
  if (mediaExceptions.length > 0) {
    w("  - rule: TT-05");
    w(`    subject: ${mediaExceptions[0]}`);
    w("    reason: 住基カード読取装置の接続のため承認制とする (承認者は運用手順書で指定)");
    w("    approved-by: CISO");
    w("    expires: 2027-03-31");
  }
  w("  - rule: NET-06");
  w("    reason: 旧構成の例外 (撤去済み)");
  w("    expires: 2027-03-31");

  if (nodeCount !== N) throw new Error(`generate: wrote ${nodeCount} nodes, meant ${N}`);
  const text = `${out.join("\n")}\n`;
  return {
    text,
    stats: {
      nodes: nodeCount,
      zones: zoneCount,
      firewalls: firewalls.length + (asp ? 3 : 0),
      rules: ruleCount,
      flows: flowCount,
      bytes: Buffer.byteLength(text),
    },
    // ids for ad-hoc queries (`bunri reach`) on the generated design
    samples: {
      pc: depts[0].pcs[0] ?? depts[0].admin,
      fileServer: depts[0].fs,
      deptZone: depts[0].zone,
      kikanDb: systems[0].db,
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && !["--seed", "-o"].includes(args[i - 1])) ?? 1000);
  const { text, stats } = generate(n, { seed: Number(opt("--seed") ?? 1), asp: !args.includes("--no-asp") });
  const file = opt("-o");
  if (file) (await import("node:fs")).writeFileSync(file, text);
  else process.stdout.write(text);
  process.stderr.write(`${JSON.stringify(stats)}\n`);
}
