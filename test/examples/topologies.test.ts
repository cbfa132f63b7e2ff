/**
 * Pins the findings of every example design (topologies/: the council designs and the reference
 * designs) and of every deliberately broken variant (test/fixtures/broken/). Each finding is written `${rule} ${variant} ${direction} ${primary subject}`
 * (an absent variant or direction leaves its place empty). A change to the engine or the packs that
 * changes what these designs get must change this table, on purpose: every entry was reviewed
 * against the design (each broken variant's header says which findings it must produce and why).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { checkFile, checkText, type FileResult } from "../../src/check.js";
import { reachQuery } from "../../src/query.js";

const ROOT = join(import.meta.dirname, "../..");
const OPTIONS = { lang: "en", today: "2026-11-23" } as const;
const DIRS = ["topologies", "test/fixtures/broken"];

const PINNED: Array<[file: string, findings: string[]]> = [
  // --- council designs (expected findings: topologies/README.md) ---------------------------------
  ["topologies/chofu-library-cloud.yaml", []],
  ["topologies/chofu-online-shomei.yaml", ["NET-08   graffer-app", "NET-08   pittari"]],
  ["topologies/chofu-zaimu-kaikei.yaml", []],
  ["topologies/higashimurayama-anzen-shisetsu.yaml", ["NET-08   anzen-app"]],
  ["topologies/higashimurayama-gis.yaml", ["ASP-09 undeclared  gis-db"]],
  ["topologies/higashimurayama-myna-assist.yaml", []],
  ["topologies/kitakyushu-resident-records.yaml", ["ASP-09 undeclared  konbini-server"]],
  ["topologies/odawara-facility-reservation.yaml", ["NET-08   yoyaku-server", "TT-14 no-security-cloud  minami-office"]],
  ["topologies/takatsuki-card-reservation.yaml", ["ASP-08   reservation-mail"]],

  // --- reference designs: no finding at all -------------------------------------------------------
  ["topologies/reference-alpha.yaml", []],
  ["topologies/reference-alpha-prime.yaml", []],
  ["topologies/reference-beta.yaml", []],
  ["topologies/reference-beta-prime.yaml", []],
  ["topologies/reference-lgwan-asp.yaml", []],

  // --- topologies/broken: one mistake each (the header of each file explains its findings) --------
  ["test/fixtures/broken/reference-alpha--file-import-unsanitized.yaml", ["TT-09   file-import"]],
  [
    "test/fixtures/broken/reference-alpha--fs-update-tmp.yaml",
    ["NET-04   fw-core#fs-update-tmp", "NET-04   fw-inet#fs-update-tmp", "TT-07  forward sc-proxy"],
  ],
  ["test/fixtures/broken/reference-alpha--kikan-pin-as-2fa.yaml", ["TT-04   kikan-pc"]],
  [
    "test/fixtures/broken/reference-alpha--wsus-through-cloud.yaml",
    [
      "TT-07  forward sc-proxy",
      "TT-08   lgwan-fs",
      "TT-08   lgwan-mail",
      "TT-08   lgwan-office/*",
      "TT-08   lgwan-pc",
      "TT-08   office-wlan/*",
      "TT-08   wlan-pc",
      "TT-08   wsus",
    ],
  ],
  [
    "test/fixtures/broken/reference-alpha--mail-relay-passthrough.yaml",
    [
      "TT-07  forward mail-relay",
      "TT-07  reverse lgwan-mail",
      "TT-08   lgwan-fs",
      "TT-08   lgwan-mail",
      "TT-08   lgwan-office/*",
      "TT-08   lgwan-pc",
      "TT-08   office-wlan/*",
      "TT-08   wlan-pc",
      "TT-10   mail-in",
    ],
  ],
  ["test/fixtures/broken/reference-alpha-prime--kikan-vendor-line.yaml", ["TT-18   juki-server"]],
  [
    "test/fixtures/broken/reference-alpha-prime--mgmt-two-tiers.yaml",
    [
      "TT-07  forward asset-mgr",
      "TT-07  forward inet-office/*",
      "TT-07  reverse asset-mgr",
      "TT-07  reverse lgwan-fs",
      "TT-07  reverse lgwan-mail",
      "TT-07  reverse lgwan-office/*",
      "TT-07  reverse lgwan-pc",
      "TT-07  reverse office-wlan/*",
      "TT-07  reverse wlan-pc",
      "TT-11   asset-mgr",
    ],
  ],
  [
    "test/fixtures/broken/reference-alpha-prime--vbrowser-own-line.yaml",
    ["NET-04   fw-vb-line#direct", "TT-14 security-cloud  internet/*", "TT-14 security-cloud  saas"],
  ],
  ["test/fixtures/broken/reference-alpha-prime--wlan-psk.yaml", ["TT-17   ap-office"]],
  [
    "test/fixtures/broken/reference-beta--file-share-unsanitized.yaml",
    [
      "TT-07  reverse lgwan-fs",
      "TT-08   lgwan-app",
      "TT-08   lgwan-fs",
      "TT-08   lgwan-mail",
      "TT-08   lgwan-office/*",
      "TT-09   file-in",
    ],
  ],
  [
    "test/fixtures/broken/reference-beta--kikan-vendor-vpn.yaml",
    ["NET-08   juki-server", "TT-01  reverse juki-server", "TT-02   atena", "TT-02   kikan-pc", "TT-02   kikan/*"],
  ],
  [
    "test/fixtures/broken/reference-beta--vdi-drive-redirect.yaml",
    [
      "TT-07  reverse vdi",
      "TT-08   lgwan-app",
      "TT-08   lgwan-fs",
      "TT-08   lgwan-mail",
      "TT-08   lgwan-office/*",
      "TT-08   vdi",
      "TT-13   vdi",
    ],
  ],
  ["test/fixtures/broken/reference-beta-prime--kikan-export-to-lgwan.yaml", ["TT-03  reverse lgwan-fs"]],
  ["test/fixtures/broken/reference-beta-prime--kikan-media-no-approver.yaml", ["TT-05 no-approver  kikan-pc"]],
  ["test/fixtures/broken/reference-beta-prime--kikan-wlan.yaml", ["TT-06   ap-kikan"]],
  ["test/fixtures/broken/reference-beta-prime--naibu-telework.yaml", ["NET-08   naibu-app"]],
  ["test/fixtures/broken/reference-lgwan-asp--dmz-segment-open.yaml", ["ASP-03 implicit  asp-dmz/*"]],
  ["test/fixtures/broken/reference-lgwan-asp--maint-line-ips-bypass.yaml", ["ASP-05 ips  web-inet"]],
  ["test/fixtures/broken/reference-lgwan-asp--upload-unscanned.yaml", ["ASP-07   upload"]],
  [
    "test/fixtures/broken/reference-lgwan-asp--web-two-legs.yaml",
    ["ASP-01   web-inet", "ASP-06   web-inet", "TT-08   city-office/*", "TT-08   staff-pc", "TT-09   upload", "TT-11   web-inet"],
  ],
  [
    "test/fixtures/broken/takatsuki-card-reservation--backup-abroad.yaml",
    ["ASP-08   reservation-mail", "ASP-09 foreign  backup"],
  ],
  [
    "test/fixtures/broken/takatsuki-card-reservation--itaku-remote-desktop.yaml",
    ["ASP-08   reservation-mail", "TT-18   itaku-pc"],
  ],
  [
    "test/fixtures/broken/takatsuki-card-reservation--lgwan-router-no-fw.yaml",
    ["ASP-08   reservation-mail", "ASP-10 firewall  asp-lgwan/*", "ASP-10 firewall  web-lgwan"],
  ],
  [
    "test/fixtures/broken/takatsuki-card-reservation--web-inet-cache.yaml",
    ["ASP-02   web-inet", "ASP-04   web-inet", "ASP-08   reservation-mail", "NET-08   web-inet"],
  ],

  // --- test/fixtures/broken: the first variants, also inputs of the reporters' golden files -------
  [
    "test/fixtures/broken/reference-alpha--direct-proxy.yaml",
    [
      "NET-04   fw-core#proxy-tmp",
      "NET-04   fw-inet#proxy-tmp",
      "TT-07  forward sc-proxy",
      "TT-08   lgwan-fs",
      "TT-08   lgwan-mail",
      "TT-08   lgwan-office/*",
      "TT-08   lgwan-pc",
      "TT-08   office-wlan/*",
      "TT-08   wlan-pc",
    ],
  ],
  ["test/fixtures/broken/reference-alpha--kikan-usb.yaml", ["TT-05   kikan-pc"]],
  [
    "test/fixtures/broken/reference-alpha--vbrowser-clipboard.yaml",
    [
      "TT-07  forward vbrowser",
      "TT-08   lgwan-fs",
      "TT-08   lgwan-mail",
      "TT-08   lgwan-office/*",
      "TT-08   lgwan-pc",
      "TT-08   office-wlan/*",
      "TT-08   wlan-pc",
      "TT-13   vbrowser",
    ],
  ],
  [
    "test/fixtures/broken/reference-alpha-prime--breakout-zone.yaml",
    [
      "TT-07  forward saas",
      "TT-08   lgwan-fs",
      "TT-08   lgwan-mail",
      "TT-08   lgwan-pc",
      "TT-08   office-wlan/*",
      "TT-08   wlan-pc",
      "TT-14 security-cloud  saas",
    ],
  ],
  [
    "test/fixtures/broken/reference-alpha-prime--declared-alpha.yaml",
    [
      "TT-07  forward saas",
      "TT-08   lgwan-fs",
      "TT-08   lgwan-mail",
      "TT-08   lgwan-office/*",
      "TT-08   office-wlan/*",
      "TT-08   wlan-pc",
      "TT-12   cloud-use",
    ],
  ],
  ["test/fixtures/broken/reference-beta--no-edr.yaml", ["TT-15   inet-pc"]],
  ["test/fixtures/broken/reference-beta--own-breakout.yaml", ["NET-08   inet-fs", "TT-14 security-cloud  internet/*"]],
  ["test/fixtures/broken/reference-beta-prime--mynumber-on-inet.yaml", ["TT-16   naibu-app"]],
  ["test/fixtures/broken/reference-lgwan-asp--dc-abroad.yaml", ["ASP-09 foreign  db"]],
  ["test/fixtures/broken/reference-lgwan-asp--ips-bypass.yaml", ["ASP-05 ips  web-inet"]],
  [
    "test/fixtures/broken/reference-lgwan-asp--web-keeps-data.yaml",
    ["ASP-02   web-inet", "ASP-04   web-inet", "ASP-07   upload", "NET-08   web-inet"],
  ],
  [
    "test/fixtures/broken/takatsuki-card-reservation--db-from-any.yaml",
    [
      "ASP-08   reservation-mail",
      "NET-02 personal  fw-back#inet-db",
      "NET-03   fw-back#lgwan-db",
      "TT-08   city-office/*",
      "TT-08   itaku-pc",
      "TT-08   shimin-pc",
    ],
  ],
  [
    "test/fixtures/broken/takatsuki-card-reservation--upload-unscanned.yaml",
    ["ASP-07   card-list-upload", "ASP-08   reservation-mail", "NET-04   fw-back#virus-check"],
  ],
];

/** Every topology file under the pinned directories, relative to the repository, `/`-separated. */
function exampleFiles(): string[] {
  return DIRS.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => `${dir}/${f.split(sep).join("/")}`),
  );
}

const results = new Map<string, Promise<FileResult>>();
function result(file: string): Promise<FileResult> {
  let r = results.get(file);
  if (r === undefined) {
    r = checkFile(join(ROOT, file), OPTIONS).then((c) => c.result);
    results.set(file, r);
  }
  return r;
}

const compact = (f: FileResult["findings"][number]) => `${f.rule} ${f.variant ?? ""} ${f.direction ?? ""} ${f.subjects[0]}`;

/** A file that is not a deliberately broken variant: a council design or a reference design. */
const isClean = (file: string) => file.startsWith("topologies/") && !file.startsWith("test/fixtures/broken/");

describe("example designs and broken variants", () => {
  it("the table covers every file, once", () => {
    const pinned = PINNED.map(([f]) => f);
    expect(new Set(pinned).size).toBe(pinned.length);
    expect([...pinned].sort()).toEqual(exampleFiles().sort());
  });

  it.each(PINNED)("%s", async (file, expected) => {
    const r = await result(file);
    expect(r.errors).toEqual([]);
    expect(r.findings.map(compact).sort()).toEqual([...expected].sort());
  });

  it("every broken variant has a finding, a name of its own and a header naming its base and its rules", () => {
    for (const [file, expected] of PINNED.filter(([f]) => !isClean(f))) {
      expect(expected.length, file).toBeGreaterThan(0);
      const text = readFileSync(join(ROOT, file), "utf8");
      const base = file.replace(/^.*\//, "").replace(/--.*$/, "");
      expect(text, file).toContain(`topologies/${base}.yaml`);
      const name = /^name: (\S+)$/m.exec(text)?.[1];
      expect(name, file).toMatch(new RegExp(`^${base}-broken-`));
      // the hand-written variants (marked 誤り / MISTAKE) name every rule they must trigger in their header
      if (text.includes("MISTAKE"))
        for (const rule of new Set(expected.map((e) => e.split(" ")[0]))) expect(text, `${file}: ${rule}`).toContain(rule);
    }
  });

  it("the reference designs pass every rule", () => {
    for (const [file, expected] of PINNED.filter(([f]) => f.startsWith("topologies/reference-")))
      expect(expected, file).toEqual([]);
  });

  const README = readFileSync(join(ROOT, "topologies/README.md"), "utf8");
  const expectedSection = README.slice(README.indexOf("## Expected findings"));

  it.each(PINNED.filter(([f]) => isClean(f)).map(([f]) => f))(
    "%s: every finding at or above high is documented in topologies/README.md",
    async (file) => {
      const name = file.replace(/^topologies\//, "");
      const row = expectedSection.split("\n").find((l) => l.startsWith(`| \`${name}\``));
      expect(row, `no row for ${name} in README.md's expected findings`).toBeDefined();
      const r = await result(file);
      for (const f of r.findings.filter((x) => x.severity === "critical" || x.severity === "high")) {
        expect(row, compact(f)).toContain(`**${f.rule}**, ${f.severity}`);
        expect(row, compact(f)).toContain(`[${f.subjects[0]}`);
      }
    },
  );
});

/* What the minutes say, read back from the designs (topologies/README.md, "The council designs
 * against their minutes"): each claim is a reach query that must hold. */
const CLAIMS: Array<[file: string, statement: string, from: string, to: string, reaches: boolean]> = [
  [
    "kitakyushu-resident-records",
    "基幹系システムは、外部からアクセスできない設計",
    "zone-kind:internet",
    "tier:mynumber-side",
    false,
  ],
  [
    "kitakyushu-resident-records",
    "個人情報に係る部分については…外部から一切アクセスできない",
    "telework-pc",
    "tier:lgwan-side",
    false,
  ],
  ["kitakyushu-resident-records", "多くの職員がリモートワークを行っている", "telework-pc", "telework-gw", true],
  [
    "kitakyushu-resident-records",
    "庁内で個人情報を扱う端末…インターネットには繋がらない",
    "madoguchi-pc",
    "zone-kind:internet",
    false,
  ],
  [
    "kitakyushu-resident-records",
    "庁内で個人情報を扱う端末…インターネットには繋がらない",
    "office-pc",
    "zone-kind:internet",
    false,
  ],
  ["kitakyushu-resident-records", "コンビニからは、LGWANに直接アクセスすることはできない", "kiosk", "tier:lgwan-side", false],
  ["odawara-facility-reservation", "IPアドレスを固定化し、使用機器を限定します", "odawara-office/*", "yoyaku-server", false],
  ["odawara-facility-reservation", "IPアドレスを固定化し、使用機器を限定します", "odawara-pc", "yoyaku-server", true],
  ["higashimurayama-anzen-shisetsu", "テレワーク時は自宅", "home-pc", "anzen-app", true],
  [
    "higashimurayama-anzen-shisetsu",
    "(the city reaches the service only through the security cloud)",
    "city-inet/*",
    "zone-kind:internet",
    false,
  ],
  ["chofu-zaimu-kaikei", "セキュリティの高い回線", "city-office/*", "zaimu-app", true],
  ["chofu-online-shomei", "スマートフォンとマイナンバーカードを用いた…オンライン申請", "citizen", "pittari", true],
];

describe("the council designs say what their minutes say", () => {
  it.each(CLAIMS)("%s: %s (%s → %s)", async (name, _statement, from, to, reaches) => {
    const answer = await reachQuery(join(ROOT, "topologies", `${name}.yaml`), { from, to }, { lang: "en" });
    expect(answer.errors).toEqual([]);
    expect(answer.pairs.length).toBeGreaterThan(0);
    expect(answer.pairs.some((p) => p.reaches)).toBe(reaches);
  });

  it("takatsuki: its one finding rests on the elements marked x-assumption; without them it has none", () => {
    const file = join(ROOT, "topologies/takatsuki-card-reservation.yaml");
    const doc = parseDocument(readFileSync(file, "utf8"));
    const marked: string[] = [];
    for (const section of ["flows", "data"]) {
      const map = doc.get(section) as { items: Array<{ key: { value: string }; value: { has: (k: string) => boolean } }> };
      for (const item of [...map.items]) if (item.value.has("x-assumption")) marked.push(`${section}.${item.key.value}`);
    }
    for (const fw of ["fw-inet", "fw-back"]) {
      const rules = doc.getIn(["nodes", fw, "rules"]) as {
        items: Array<{ has: (k: string) => boolean; get: (k: string) => unknown }>;
      };
      for (const r of [...rules.items]) if (r.has("x-assumption")) marked.push(`${fw}#${r.get("id")}`);
      rules.items = rules.items.filter((r) => !r.has("x-assumption"));
    }
    expect(marked.sort()).toEqual(["data.yoyaku-tsuchi", "flows.reservation-mail", "fw-back#mail-out", "fw-inet#mail-out"]);
    doc.deleteIn(["flows", "reservation-mail"]);
    doc.deleteIn(["data", "yoyaku-tsuchi"]);
    const { result } = checkText(String(doc), file, OPTIONS);
    expect(result.errors).toEqual([]);
    expect(result.findings.map(compact)).toEqual([]);
  });

  it("chofu-zaimu-kaikei: were the statements held with My Numbers (the minutes do not say), TT-16", () => {
    const file = join(ROOT, "topologies/chofu-zaimu-kaikei.yaml");
    const doc = parseDocument(readFileSync(file, "utf8"));
    doc.setIn(["data", "chosho", "classification"], "mynumber");
    const { result } = checkText(String(doc), file, OPTIONS);
    expect(result.findings.map(compact)).toEqual(["TT-16   zaimu-app"]);
  });
});
