/**
 * Pins the findings of every example design (topologies/) and every deliberately broken variant
 * (test/fixtures/broken/): rule, primary subject, variant, direction. A change to the engine or the
 * packs that changes what these designs get must change this table, on purpose.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile } from "../../src/check.js";

const ROOT = join(import.meta.dirname, "../..");

const PINNED: Array<[file: string, findings: string[]]> = [
  ["topologies/chofu-library-cloud.yaml", []],
  ["topologies/higashimurayama-gis.yaml", ["ASP-09 gis-db undeclared"]],
  ["topologies/higashimurayama-myna-assist.yaml", []],
  ["topologies/kitakyushu-resident-records.yaml", ["ASP-09 konbini-server undeclared"]],
  ["topologies/odawara-facility-reservation.yaml", ["NET-08 yoyaku-server", "TT-14 minami-office no-security-cloud"]],
  ["topologies/reference-alpha-prime.yaml", []],
  ["topologies/reference-alpha.yaml", []],
  ["topologies/reference-beta-prime.yaml", []],
  ["topologies/reference-beta.yaml", []],
  ["topologies/reference-lgwan-asp.yaml", []],
  ["topologies/takatsuki-card-reservation.yaml", ["ASP-08 reservation-mail"]],
  [
    "test/fixtures/broken/reference-alpha--direct-proxy.yaml",
    [
      "NET-04 fw-core#proxy-tmp",
      "NET-04 fw-inet#proxy-tmp",
      "TT-07 sc-proxy forward",
      "TT-08 lgwan-fs",
      "TT-08 lgwan-mail",
      "TT-08 lgwan-office/*",
      "TT-08 lgwan-pc",
      "TT-08 office-wlan/*",
      "TT-08 wlan-pc",
    ],
  ],
  ["test/fixtures/broken/reference-alpha--kikan-usb.yaml", ["TT-05 kikan-pc"]],
  [
    "test/fixtures/broken/reference-alpha--vbrowser-clipboard.yaml",
    [
      "TT-07 vbrowser forward",
      "TT-08 lgwan-fs",
      "TT-08 lgwan-mail",
      "TT-08 lgwan-office/*",
      "TT-08 lgwan-pc",
      "TT-08 office-wlan/*",
      "TT-08 wlan-pc",
      "TT-13 vbrowser",
    ],
  ],
  [
    "test/fixtures/broken/reference-alpha-prime--breakout-zone.yaml",
    [
      "TT-07 saas forward",
      "TT-08 lgwan-fs",
      "TT-08 lgwan-mail",
      "TT-08 lgwan-pc",
      "TT-08 office-wlan/*",
      "TT-08 wlan-pc",
      "TT-14 saas security-cloud",
    ],
  ],
  [
    "test/fixtures/broken/reference-alpha-prime--declared-alpha.yaml",
    [
      "TT-07 saas forward",
      "TT-08 lgwan-fs",
      "TT-08 lgwan-mail",
      "TT-08 lgwan-office/*",
      "TT-08 office-wlan/*",
      "TT-08 wlan-pc",
      "TT-12 cloud-use",
    ],
  ],
  ["test/fixtures/broken/reference-beta--no-edr.yaml", ["TT-15 inet-pc"]],
  ["test/fixtures/broken/reference-beta--own-breakout.yaml", ["NET-08 inet-fs", "TT-14 internet/* security-cloud"]],
  ["test/fixtures/broken/reference-beta-prime--mynumber-on-inet.yaml", ["TT-16 naibu-app"]],
  ["test/fixtures/broken/reference-lgwan-asp--dc-abroad.yaml", ["ASP-09 db foreign"]],
  ["test/fixtures/broken/reference-lgwan-asp--ips-bypass.yaml", ["ASP-05 web-inet ips"]],
  [
    "test/fixtures/broken/reference-lgwan-asp--web-keeps-data.yaml",
    ["ASP-02 web-inet", "ASP-04 web-inet", "ASP-07 upload", "NET-08 web-inet"],
  ],
  [
    "test/fixtures/broken/takatsuki-card-reservation--db-from-any.yaml",
    [
      "ASP-08 reservation-mail",
      "NET-02 fw-back#inet-db personal",
      "NET-03 fw-back#lgwan-db",
      "TT-08 city-office/*",
      "TT-08 itaku-pc",
      "TT-08 shimin-pc",
    ],
  ],
  [
    "test/fixtures/broken/takatsuki-card-reservation--upload-unscanned.yaml",
    ["ASP-07 card-list-upload", "ASP-08 reservation-mail", "NET-04 fw-back#virus-check"],
  ],
];

describe("example designs and broken variants", () => {
  it("the table covers every file", () => {
    const files = [
      ...readdirSync(join(ROOT, "topologies"))
        .filter((f) => f.endsWith(".yaml"))
        .map((f) => `topologies/${f}`),
      ...readdirSync(join(ROOT, "test/fixtures/broken")).map((f) => `test/fixtures/broken/${f}`),
    ];
    expect(PINNED.map(([f]) => f).sort()).toEqual(files.sort());
  });

  it.each(PINNED)("%s", async (file, expected) => {
    const r = (await checkFile(join(ROOT, file), { lang: "en", today: "2026-11-23" })).result;
    expect(r.errors).toEqual([]);
    const got = r.findings
      .map((f) => [f.rule, f.subjects[0], f.variant, f.direction].filter((x) => x !== undefined).join(" "))
      .sort();
    expect(got).toEqual(expected);
  });

  it("the reference designs pass every rule", async () => {
    for (const [file, expected] of PINNED.filter(([f]) => f.startsWith("topologies/reference-")))
      expect(expected, file).toEqual([]);
  });
});
