/**
 * A valid design with many zones (for the reports of large designs): the internet, a DMZ behind
 * an edge firewall, then `zones` − 2 LGWAN-connected department segments, each with two PCs and a
 * file server, all behind one core firewall that lets the internet through to every file server,
 * so that every department is on an offending path. `publicHosts`: how many web servers in the
 * DMZ (the sources of each finding on a department). `open`: the core firewall lets the DMZ reach
 * only the file servers of the first `open` departments (few findings on a large design).
 */
export function manyZones(zones: number, options: { publicHosts?: number; open?: number } = {}): string {
  const lines = [
    "bunri: 1",
    "name: many-zones",
    `title: ゾーンの多い設計 (${zones} ゾーン)`,
    "model: alpha",
    "zones:",
    "  internet: { kind: internet, title: インターネット }",
    "  dmz: { kind: dmz, title: 公開セグメント }",
  ];
  const depts = Math.max(0, zones - 2);
  for (let i = 1; i <= depts; i++)
    lines.push(`  dept-${i}: { kind: lgwan-connected, title: 部署 ${i} の業務セグメント (LGWAN接続系、本庁舎 ${i} 階) }`);
  lines.push("nodes:");
  lines.push("  citizen: { kind: client, zone: internet, title: 市民の端末 }");
  for (let i = 2; i <= (options.publicHosts ?? 1); i++)
    lines.push(`  web-${i}: { kind: web-server, zone: dmz, title: 公開 Web サーバ ${i} }`);
  lines.push("  web: { kind: web-server, zone: dmz, title: 公開 Web サーバ }");
  lines.push("  fw-edge:");
  lines.push("    kind: firewall");
  lines.push("    zones: [internet, dmz]");
  lines.push("    rules:");
  lines.push("      - { allow: { from: internet, to: web, service: https } }");
  lines.push("      - { allow: { from: internet, to: dmz, service: any } }");
  lines.push("  fw-core:");
  lines.push("    kind: firewall");
  lines.push(`    zones: [dmz${Array.from({ length: depts }, (_, i) => `, dept-${i + 1}`).join("")}]`);
  lines.push("    rules:");
  if (options.open === undefined) lines.push("      - { allow: { from: dmz, to: tier:lgwan-side, service: any } }");
  else
    for (let i = 1; i <= Math.min(options.open, depts); i++)
      lines.push(`      - { allow: { from: dmz, to: fs-${i}, service: smb } }`);
  for (let i = 1; i <= depts; i++) {
    lines.push(`  pc-${i}a: { kind: client, zone: dept-${i}, title: 部署 ${i} の職員端末 A }`);
    lines.push(`  pc-${i}b: { kind: client, zone: dept-${i}, title: 部署 ${i} の職員端末 B }`);
    lines.push(`  fs-${i}: { kind: file-server, zone: dept-${i}, title: 部署 ${i} のファイルサーバ, holds: [records] }`);
  }
  lines.push("data:");
  lines.push("  records: { classification: personal, title: 住民記録 }");
  return `${lines.join("\n")}\n`;
}
