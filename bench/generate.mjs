// Generates a large, realistic municipality design (topology format 1) for the benchmark: the
// three tiers with departments, the security cloud, screen transfer, sanitisation, mail relay,
// servers holding data, firewalls with hundreds of rules mixing every reference form, and flows.
// Deterministic: a seeded PRNG, so the same size always gives the same bytes.
// Usage: node bench/generate.mjs NODES > design.yaml

/** mulberry32: small, fast, good enough for test data */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(nodes, seed = 1) {
  const rnd = prng(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const depts = Math.max(4, Math.round(nodes / 250));
  const myZones = Math.max(2, Math.round(depts / 4));
  const inetZones = Math.max(2, Math.round(depts / 4));
  const out = [];
  const w = (s) => out.push(s);
  w("bunri: 1");
  w(`name: bench-${nodes}`);
  w(`title: ベンチマーク用 自治体ネットワーク (${nodes} ノード)`);
  w("model: alpha");
  w("zones:");
  w("  internet: { kind: internet, title: インターネット }");
  w("  sc: { kind: security-cloud, title: 自治体情報セキュリティクラウド }");
  w("  lgwan: { kind: lgwan, title: LGWAN }");
  w("  kikan-db: { kind: db, title: 基幹系DB }");
  w("  mgmt: { kind: management, title: 運用管理 }");
  for (let i = 0; i < inetZones; i++) w(`  inet-${i}: { kind: internet-connected, title: インターネット接続系 ${i} }`);
  for (let i = 0; i < depts; i++) w(`  dept-${i}: { kind: lgwan-connected, title: 部署 ${i} (LGWAN接続系) }`);
  for (let i = 0; i < myZones; i++) w(`  my-${i}: { kind: mynumber, title: マイナンバー利用事務系 ${i} }`);

  const hosts = []; // { id, zone, kind }
  const servers = { dept: [], my: [], inet: [] };
  w("nodes:");
  // mediators and shared services
  w(
    "  vbrowser: { kind: screen-transfer, zones: [inet-0], services: [rdp], controls: { redirection: [] }, title: 仮想ブラウザ }",
  );
  w(
    "  mail-relay: { kind: mail-relay, zones: [inet-0], services: [smtp], controls: { sanitize: text }, title: メール無害化リレー }",
  );
  w("  sanitizer: { kind: sanitizer, zones: [inet-0, dept-0], services: [https], title: ファイル無害化 }");
  w("  sc-proxy: { kind: proxy, zone: sc, services: [tcp/8080], title: プロキシ }");
  w("  sc-mail: { kind: mail-server, zone: sc, services: [smtp], title: メールゲートウェイ }");
  w("  kikan-db1: { kind: db-server, zone: kikan-db, services: [postgres], holds: [jumin], location: JP, title: 住民記録DB }");
  w("  log: { kind: log-server, zone: mgmt, services: [syslog], title: ログサーバ }");
  let count = 8;
  // servers: a file server per department, app servers on the My Number side
  for (let i = 0; i < depts; i++) {
    const id = `fs-${i}`;
    w(
      `  ${id}: { kind: file-server, zone: dept-${i}, services: [smb, https], holds: [docs-${i % 8}], title: 部署 ${i} ファイルサーバ }`,
    );
    servers.dept.push({ id, zone: `dept-${i}` });
    count++;
  }
  for (let i = 0; i < myZones; i++) {
    const id = `app-${i}`;
    w(`  ${id}: { kind: app-server, zone: my-${i}, services: [https], holds: [mynumber-${i % 4}], title: 基幹業務サーバ ${i} }`);
    servers.my.push({ id, zone: `my-${i}` });
    count++;
  }
  // firewalls (written after the counts are known, below)
  const firewallCount = 6;
  const clientsWanted = Math.max(0, nodes - count - firewallCount);
  for (let c = 0; c < clientsWanted; c++) {
    const r = rnd();
    let zone;
    if (r < 0.7) zone = `dept-${Math.floor(rnd() * depts)}`;
    else if (r < 0.85) zone = `my-${Math.floor(rnd() * myZones)}`;
    else zone = `inet-${Math.floor(rnd() * inetZones)}`;
    const id = `pc-${c}`;
    const my = zone.startsWith("my-");
    const controls = my
      ? "{ auth: [password, ic-card], removable-media: blocked }"
      : "{ auth: [password], removable-media: approval, approver: 課長 }";
    w(`  ${id}: { kind: client, zone: ${zone}, controls: ${controls} }`);
    hosts.push({ id, zone });
  }
  // firewalls with realistic rule tables
  const rule = (action, from, to, service, id) =>
    `      - { ${id ? `id: ${id}, ` : ""}${action}: { from: ${from}, to: ${to}, service: ${service} } }`;
  const deptList = Array.from({ length: depts }, (_, i) => `dept-${i}`);
  const myList = Array.from({ length: myZones }, (_, i) => `my-${i}`);
  const inetList = Array.from({ length: inetZones }, (_, i) => `inet-${i}`);

  w("  fw-sc:\n    kind: firewall\n    title: セキュリティクラウド境界\n    zones: [internet, sc]\n    rules:");
  w(rule("allow", "sc-proxy", "internet", "[http, https]", "proxy-out"));
  w(rule("allow", "internet", "sc-mail", "smtp", "mail-in"));
  w(rule("allow", "sc-mail", "internet", "smtp", "mail-out"));

  w(
    "  fw-inet:\n    kind: firewall\n    title: インターネット接続系境界\n    zones: [sc, " +
      inetList.join(", ") +
      "]\n    rules:",
  );
  w(rule("allow", "vbrowser", "sc-proxy", "tcp/8080", "vb-proxy"));
  w(rule("allow", "sc-mail", "mail-relay", "smtp", "mail-relay"));
  w(rule("allow", "mail-relay", "sc-mail", "smtp", "mail-back"));
  for (const z of inetList) w(rule("allow", z, "sc-proxy", "tcp/8080"));
  for (let i = 0; i < 40; i++) w(rule("deny", pick(inetList), "sc", pick(["ssh", "rdp", "smb", "tcp/1-1023"])));

  w(
    "  fw-core:\n    kind: firewall\n    title: LGWAN接続系とインターネット接続系の境界\n    zones: [" +
      [...deptList, ...inetList].join(", ") +
      "]\n    rules:",
  );
  w(rule("allow", '"zone-kind:lgwan-connected"', "vbrowser", "rdp", "to-vbrowser"));
  w(
    rule(
      "allow",
      "mail-relay",
      "[" +
        servers.dept
          .slice(0, 1)
          .map((s) => s.id)
          .join(", ") +
        "]",
      "smtp",
      "relay-in",
    ),
  );
  for (let i = 0; i < Math.min(depts * 4, 400); i++)
    w(rule("deny", pick(deptList), '"tier:internet-side"', pick(["any", "https", "smb"])));

  w("  fw-lgwan:\n    kind: firewall\n    title: LGWAN 接続\n    zones: [lgwan, mgmt, " + deptList.join(", ") + "]\n    rules:");
  for (const d of deptList) w(rule("allow", d, "lgwan", "https"));
  for (const s of servers.dept) w(rule("allow", `[${pick(deptList)}, ${s.zone}]`, s.id, "[smb, https]"));
  w(rule("allow", '"tier:lgwan-side"', "log", "syslog", "syslog"));
  for (let i = 0; i < Math.min(depts * 3, 300); i++)
    w(rule(pick(["allow", "deny"]), pick(deptList), pick(servers.dept).id, pick(["https", "smb", "tcp/8000-8100", "udp/161"])));

  w("  fw-kikan:\n    kind: firewall\n    title: 基幹系境界\n    zones: [kikan-db, mgmt, " + myList.join(", ") + "]\n    rules:");
  for (const s of servers.my) w(rule("allow", s.zone, s.id, "https"));
  for (const s of servers.my) w(rule("allow", s.id, "kikan-db1", "postgres"));
  w(rule("allow", '"zone-kind:mynumber"', "log", "syslog", "syslog"));
  for (let i = 0; i < Math.min(myZones * 10, 200); i++)
    w(rule("deny", pick(myList), '"zone-kind:db"', pick(["ssh", "rdp", "any"])));

  w("  ap-0:\n    kind: wireless-ap\n    title: 庁内無線LAN\n    zones: [dept-0]\n    controls: { wlan-auth: 802.1x }");

  w("data:");
  w("  jumin: { classification: mynumber, title: 住民記録 }");
  for (let i = 0; i < 8; i++) w(`  docs-${i}: { classification: ${pick(["internal", "personal"])}, title: 部署文書 ${i} }`);
  for (let i = 0; i < 4; i++) w(`  mynumber-${i}: { classification: mynumber, title: 特定個人情報 ${i} }`);

  w("flows:");
  const flows = Math.min(200, Math.max(10, Math.round(nodes / 50)));
  for (let f = 0; f < flows; f++) {
    const pc = pick(hosts.filter((h) => h.zone.startsWith("dept-")) ?? hosts);
    if (!pc) break;
    const server = servers.dept.find((s) => s.zone === pc.zone) ?? servers.dept[0];
    w(`  flow-${f}: { from: ${pc.id}, to: { node: ${server.id}, service: smb }, carries: files }`);
  }
  w(
    "  browse: { from: pc-0, via: [{ node: vbrowser, service: rdp }, { node: sc-proxy, service: tcp/8080 }], to: { node: internet/*, service: https }, carries: web }",
  );
  return `${out.join("\n")}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  process.stdout.write(generate(n));
}
