/**
 * Every rule of the catalogue, table-driven: designs that must trigger it (with the primary
 * subject, variant and direction expected) and designs that must not, including the tricky cases
 * (both directions, mediators, implicit hosts, rule order, services, exceptions, models). Each
 * case starts from a rule's correct example design (docs/rules/examples) and changes a few lines.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import type { Finding } from "../../src/rules/types.js";

const EXAMPLES = join(import.meta.dirname, "../../docs/rules/examples");

function example(rule: string, kind: "correct" | "incorrect" = "correct"): string {
  return readFileSync(join(EXAMPLES, rule, `${kind}.yaml`), "utf8");
}

/** The LGWAN-ASP design of the ASP examples, and the three-tier α design of the TT examples. */
const ASP = example("ASP-01");
const TT = example("TT-01");
const NET = example("NET-01");

type Patch = [string, string];

function apply(text: string, patches: Patch[]): string {
  let out = text;
  for (const [from, to] of patches) {
    if (!out.includes(from)) throw new Error(`the base design has no "${from}"`);
    out = out.replace(from, to);
  }
  return out;
}

function findings(text: string, rule: string): Finding[] {
  const r = checkText(text, "case.yaml", { lang: "en", today: "2026-11-23" }).result;
  expect(r.errors).toEqual([]);
  return r.findings.filter((f) => f.rule === rule);
}

/** A finding in short: primary subject, then variant and direction when there are. */
function short(f: Finding): string {
  return [f.subjects[0], f.variant, f.direction].filter((x) => x !== undefined).join(" ");
}

type Case = [rule: string, what: string, base: string, patches: Patch[], expected: string[]];

const RESERVE = "to: web-inet, service: https }, title: 住民→予約サイト";
const WEB_DB = "allow: { from: [web-inet, web-lgwan], to: db, service: postgres }";
const FW_INET_ZONES = "    zones: [inet-edge, asp-dmz]";
const MY_RULES = "    rules: []\n  my-pc:";
const PROXY_FOR_STAFF: Patch[] = [
  [
    "      - { id: screen,",
    "      - { id: proxy, allow: { from: staff-pc, to: sc-proxy, service: tcp/8080 } }\n      - { id: screen,",
  ],
  [
    "      - { id: browse,",
    "      - { id: proxy, allow: { from: staff-pc, to: sc-proxy, service: tcp/8080 } }\n      - { id: browse,",
  ],
];

const cases: Case[] = [
  // ASP-01
  [
    "ASP-01",
    "the internet reaches the LGWAN-side web server",
    ASP,
    [
      [FW_INET_ZONES, "    zones: [inet-edge, asp-dmz, asp-lgwan]"],
      [RESERVE, "to: [web-inet, web-lgwan], service: https }"],
    ],
    ["web-lgwan"],
  ],
  [
    "ASP-01",
    "an earlier deny rule wins over the allow",
    ASP,
    [
      [FW_INET_ZONES, "    zones: [inet-edge, asp-dmz, asp-lgwan]"],
      ["      - { id: reserve,", "      - { deny: { from: internet, to: web-lgwan, service: any } }\n      - { id: reserve,"],
      [RESERVE, "to: [web-inet, web-lgwan], service: https }"],
    ],
    [],
  ],
  [
    "ASP-01",
    "the LGWAN-side segment as a whole (implicit host)",
    ASP,
    [
      [FW_INET_ZONES, "    zones: [inet-edge, asp-dmz, asp-lgwan]"],
      [RESERVE, "to: [web-inet, asp-lgwan], service: https }"],
    ],
    ["asp-lgwan/*", "web-lgwan"],
  ],
  ["ASP-01", "the correct design", ASP, [], []],
  // ASP-02
  [
    "ASP-02",
    "the internet reaches the DB on postgres",
    ASP,
    [
      [RESERVE, "to: [web-inet, db], service: [https, postgres] }"],
      [WEB_DB, "allow: { from: [web-inet, internet], to: db, service: postgres }"],
    ],
    ["db"],
  ],
  [
    "ASP-02",
    "a rule for the wrong service opens nothing (the DB accepts only postgres)",
    ASP,
    [
      [RESERVE, "to: [web-inet, db], service: https }"],
      [WEB_DB, "allow: { from: [web-inet, internet], to: db, service: https }"],
    ],
    [],
  ],
  ["ASP-02", "the correct design", ASP, [], []],
  // ASP-03
  [
    "ASP-03",
    "a rule to the whole segment exposes its implicit host",
    ASP,
    [[RESERVE, "to: asp-dmz, service: https }"]],
    ["asp-dmz/* implicit"],
  ],
  [
    "ASP-03",
    "an exposed host that is not a web server",
    ASP,
    [["  web-inet: { kind: web-server,", "  web-inet: { kind: app-server,"]],
    ["web-inet"],
  ],
  ["ASP-03", "the correct design", ASP, [], []],
  // ASP-04
  [
    "ASP-04",
    "the internet-side web server keeps personal data",
    ASP,
    [["services: [https], title: 予約サイト", "services: [https], holds: [applicants], title: 予約サイト"]],
    ["web-inet"],
  ],
  ["ASP-04", "the correct design", ASP, [], []],
  // ASP-05
  [
    "ASP-05",
    "the firewall is plugged into the internet line: a chain without the IPS",
    ASP,
    [[FW_INET_ZONES, "    zones: [internet, inet-edge, asp-dmz]"]],
    ["web-inet ips"],
  ],
  [
    "ASP-05",
    "a switch bypasses both the IPS and the firewall",
    ASP,
    [["  web-inet:", "  sw: { kind: switch, zones: [internet, asp-dmz] }\n  web-inet:"]],
    ["web-inet firewall", "web-inet ips", "asp-dmz/* firewall", "asp-dmz/* ips"],
  ],
  ["ASP-05", "the correct design", ASP, [], []],
  // ASP-06
  [
    "ASP-06",
    "one web server on both sides",
    ASP,
    [["web-lgwan: { kind: web-server, zone: asp-lgwan,", "web-lgwan: { kind: web-server, zones: [asp-lgwan, asp-dmz],"]],
    ["web-lgwan"],
  ],
  ["ASP-06", "a device on both sides is not a host", ASP, [], []],
  // ASP-07
  [
    "ASP-07",
    "the upload skips the virus check",
    ASP,
    [["via: [{ node: web-inet, service: https }, { node: av, service: https }]", "via: [{ node: web-inet, service: https }]"]],
    ["upload"],
  ],
  [
    "ASP-07",
    "the virus check after the DB does not count",
    ASP,
    [
      [
        "via: [{ node: web-inet, service: https }, { node: av, service: https }]\n    to: { node: db, service: postgres }",
        "via: [{ node: web-inet, service: https }, { node: db, service: postgres }]\n    to: { node: av, service: https }",
      ],
    ],
    ["upload"],
  ],
  ["ASP-07", "the correct design", ASP, [], []],
  // ASP-08
  [
    "ASP-08",
    "an unencrypted flow with personal data",
    ASP,
    [["    data: [applicants]\n    encrypted: true", "    data: [applicants]\n    encrypted: false"]],
    ["reserve", "reserve"],
  ],
  [
    "ASP-08",
    "no data listed, but the flow ends at a holder of personal data",
    ASP,
    [["    data: [applicants]\n    encrypted: true", "    encrypted: false"]],
    ["reserve", "reserve"],
  ],
  ["ASP-08", "the correct design", ASP, [], []],
  // ASP-09
  [
    "ASP-09",
    "a data centre abroad",
    ASP,
    [["asp-db: { kind: db, title: DB セグメント, location: JP }", "asp-db: { kind: db, title: DB セグメント, location: SG }"]],
    ["db foreign"],
  ],
  [
    "ASP-09",
    "no location at all",
    ASP,
    [["asp-db: { kind: db, title: DB セグメント, location: JP }", "asp-db: { kind: db, title: DB セグメント }"]],
    ["db undeclared"],
  ],
  [
    "ASP-09",
    "a location on the node itself",
    ASP,
    [
      ["asp-db: { kind: db, title: DB セグメント, location: JP }", "asp-db: { kind: db, title: DB セグメント }"],
      ["holds: [applicants], title: 予約データベース", "holds: [applicants], location: JP, title: 予約データベース"],
    ],
    [],
  ],
  // ASP-10
  [
    "ASP-10",
    "a router joins LGWAN and the LGWAN-side segment",
    ASP,
    [["  web-lgwan: { kind: web-server,", "  rt: { kind: router, zones: [lgwan, asp-lgwan] }\n  web-lgwan: { kind: web-server,"]],
    ["asp-lgwan/* firewall", "web-lgwan firewall"],
  ],
  ["ASP-10", "the correct design", ASP, [], []],
  // NET-01
  [
    "NET-01",
    "a flow on a service the server does not accept",
    NET,
    [
      [
        "via: [{ node: web-inet, service: https }]\n    to: { node: db, service: postgres }\n    carries: web",
        "via: [{ node: web-inet, service: http }]\n    to: { node: db, service: postgres }\n    carries: web",
      ],
    ],
    ["reserve"],
  ],
  [
    "NET-01",
    "a flow hop stopped by a deny rule",
    NET,
    [["      - { id: web-db,", "      - { deny: { from: web-lgwan, to: db, service: any } }\n      - { id: web-db,"]],
    ["admin"],
  ],
  ["NET-01", "the correct design", NET, [], []],
  // NET-02
  [
    "NET-02",
    "from any to a holder of personal data",
    NET,
    [[WEB_DB, "allow: { from: any, to: db, service: postgres }"]],
    ["fw-db#web-db personal"],
  ],
  ["NET-02", "from any to any", NET, [[WEB_DB, "allow: { from: any, to: any, service: postgres }"]], ["fw-db#web-db any-any"]],
  [
    "NET-02",
    "from any to a host without personal data",
    NET,
    [["allow: { from: [web-inet, web-lgwan], to: av, service: https }", "allow: { from: any, to: av, service: https }"]],
    [],
  ],
  // NET-03
  [
    "NET-03",
    "a rule covered by an earlier broader one",
    NET,
    [["      - { id: scan,", "      - { id: dup, allow: { from: web-inet, to: db, service: postgres } }\n      - { id: scan,"]],
    ["fw-db#dup"],
  ],
  [
    "NET-03",
    "covered by an earlier deny counts too (whatever the actions)",
    NET,
    [["      - { id: web-db,", "      - { id: no, deny: { from: any, to: db, service: any } }\n      - { id: web-db,"]],
    ["fw-db#web-db"],
  ],
  [
    "NET-03",
    "a rule that matches nothing",
    NET,
    [["      - { id: scan,", "      - { id: none, allow: { from: web-inet, to: web-inet, service: ssh } }\n      - { id: scan,"]],
    ["fw-db#none matches-nothing"],
  ],
  [
    "NET-03",
    "a partly overlapping rule is not shadowed",
    NET,
    [
      [
        "      - { id: scan,",
        "      - { id: more, allow: { from: web-inet, to: db, service: [postgres, ssh] } }\n      - { id: scan,",
      ],
    ],
    [],
  ],
  // NET-04
  [
    "NET-04",
    "an allow rule no flow uses",
    NET,
    [["      - { id: scan,", "      - { id: ssh, allow: { from: web-lgwan, to: db, service: ssh } }\n      - { id: scan,"]],
    ["fw-db#ssh"],
  ],
  [
    "NET-04",
    "no flows declared: nothing to compare with",
    NET,
    [
      ["      - { id: scan,", "      - { id: ssh, allow: { from: web-lgwan, to: db, service: ssh } }\n      - { id: scan,"],
      ["flows:\n", "x-flows:\n"],
    ],
    [],
  ],
  // NET-05
  [
    "NET-05",
    "a firewall allowing by default",
    NET,
    [["    title: DB ファイアウォール\n", "    title: DB ファイアウォール\n    default: allow\n"]],
    ["fw-db"],
  ],
  [
    "NET-05",
    "deny by default, written out",
    NET,
    [["    title: DB ファイアウォール\n", "    title: DB ファイアウォール\n    default: deny\n"]],
    [],
  ],
  // NET-06
  [
    "NET-06",
    "a multi-homed host that forwards",
    NET,
    [
      [
        "web-lgwan: { kind: web-server, zone: asp-lgwan,",
        "web-lgwan: { kind: web-server, zones: [asp-lgwan, asp-db], forwards: true,",
      ],
    ],
    ["web-lgwan"],
  ],
  [
    "NET-06",
    "a multi-homed host that does not forward",
    NET,
    [["web-lgwan: { kind: web-server, zone: asp-lgwan,", "web-lgwan: { kind: web-server, zones: [asp-lgwan, asp-db],"]],
    [],
  ],
  // NET-07
  [
    "NET-07",
    "an open relay",
    NET,
    [
      [
        "  av: { kind: virus-scan,",
        "  mail: { kind: mail-relay, zone: asp-db, controls: { open-relay: true } }\n  av: { kind: virus-scan,",
      ],
    ],
    ["mail"],
  ],
  [
    "NET-07",
    "a relay that is not open",
    NET,
    [["  av: { kind: virus-scan,", "  mail: { kind: mail-relay, zone: asp-db }\n  av: { kind: virus-scan,"]],
    [],
  ],
  // NET-08
  [
    "NET-08",
    "the internet reaches the DB",
    NET,
    [
      [RESERVE, "to: [web-inet, db], service: [https, postgres] }"],
      [WEB_DB, "allow: { from: [web-inet, internet], to: db, service: postgres }"],
    ],
    ["db"],
  ],
  ["NET-08", "the correct design", NET, [], []],
  // TT-01
  [
    "TT-01",
    "the My Number tier reaches the proxy (forward)",
    TT,
    [
      [
        "    zones: [office, mynumber]\n    rules: []",
        "    zones: [office, mynumber, sc]\n    rules:\n      - { allow: { from: mynumber, to: sc-proxy, service: tcp/8080 } }",
      ],
    ],
    ["sc-proxy forward"],
  ],
  [
    "TT-01",
    "the proxy reaches the My Number tier (reverse)",
    TT,
    [
      [
        "    zones: [office, mynumber]\n    rules: []",
        "    zones: [office, mynumber, sc]\n    rules:\n      - { allow: { from: sc-proxy, to: my-app, service: https } }",
      ],
    ],
    ["my-app reverse"],
  ],
  ["TT-01", "the correct design", TT, [], []],
  // TT-02
  [
    "TT-02",
    "staff PCs use the proxy and the My Number PC uses the file server",
    TT,
    [...PROXY_FOR_STAFF, [MY_RULES, "    rules:\n      - { allow: { from: my-pc, to: file-server, service: smb } }\n  my-pc:"]],
    ["my-app", "my-pc", "mynumber/*"],
  ],
  [
    "TT-02",
    "the same without the proxy rule: no contagion",
    TT,
    [[MY_RULES, "    rules:\n      - { allow: { from: my-pc, to: file-server, service: smb } }\n  my-pc:"]],
    [],
  ],
  // TT-03
  [
    "TT-03",
    "a My Number PC reaches the file server, no exception",
    TT,
    [[MY_RULES, "    rules:\n      - { allow: { from: my-pc, to: file-server, service: smb } }\n  my-pc:"]],
    ["file-server reverse"],
  ],
  [
    "TT-03",
    "an exception flow for another sender does not cover it",
    TT,
    [
      [MY_RULES, "    rules:\n      - { allow: { from: my-pc, to: file-server, service: smb } }\n  my-pc:"],
      [
        "  my-work:\n",
        "  share:\n    from: my-app\n    to: { node: file-server, service: smb }\n    exception: 承認済み\n  my-work:\n",
      ],
    ],
    ["file-server reverse"],
  ],
  [
    "TT-03",
    "an exception flow with that hop",
    TT,
    [
      [MY_RULES, "    rules:\n      - { allow: { from: my-pc, to: file-server, service: smb } }\n  my-pc:"],
      [
        "  my-work:\n",
        "  share:\n    from: my-pc\n    to: { node: file-server, service: smb }\n    exception: 承認済み\n  my-work:\n",
      ],
    ],
    [],
  ],
  // TT-04
  ["TT-04", "password and PIN are one category", TT, [["auth: [password, ic-card]", "auth: [password, pin]"]], ["my-pc"]],
  ["TT-04", "password and biometrics", TT, [["auth: [password, ic-card]", "auth: [password, biometric]"]], []],
  // TT-05
  ["TT-05", "removable media allowed", TT, [["removable-media: blocked", "removable-media: allowed"]], ["my-pc"]],
  [
    "TT-05",
    "approval without an approver",
    TT,
    [["removable-media: blocked", "removable-media: approval"]],
    ["my-pc no-approver"],
  ],
  ["TT-05", "approval with an approver", TT, [["removable-media: blocked", "removable-media: approval, approver: 市民課長"]], []],
  // TT-06
  [
    "TT-06",
    "an access point on the My Number tier",
    TT,
    [["  my-app:", "  ap: { kind: wireless-ap, zones: [mynumber], controls: { wlan-auth: 802.1x } }\n  my-app:"]],
    ["ap"],
  ],
  [
    "TT-06",
    "an access point on the LGWAN tier is TT-17's business",
    TT,
    [["  my-app:", "  ap: { kind: wireless-ap, zones: [office], controls: { wlan-auth: 802.1x } }\n  my-app:"]],
    [],
  ],
  // TT-07
  [
    "TT-07",
    "a staff PC reaches the internet-connected segment",
    TT,
    [["      - { id: screen,", "      - { allow: { from: staff-pc, to: inet, service: any } }\n      - { id: screen,"]],
    ["inet/* forward"],
  ],
  ["TT-07", "reaching the virtual browser (a mediator) is fine", TT, [], []],
  [
    "TT-07",
    "under alpha-prime, the hop of an exception flow is accepted",
    TT,
    [
      ["model: alpha", "model: alpha-prime"],
      ["      - { id: screen,", "      - { allow: { from: staff-pc, to: sc-proxy, service: tcp/8080 } }\n      - { id: screen,"],
      ["      - { id: browse,", "      - { allow: { from: staff-pc, to: sc-proxy, service: tcp/8080 } }\n      - { id: browse,"],
      [
        "  my-work:\n",
        "  saas:\n    from: staff-pc\n    to: { node: sc-proxy, service: tcp/8080 }\n    carries: web\n    exception: 認定クラウドサービス (α′)\n  my-work:\n",
      ],
    ],
    [],
  ],
  [
    "TT-07",
    "under alpha the same exception is not accepted",
    TT,
    [
      ["      - { id: screen,", "      - { allow: { from: staff-pc, to: sc-proxy, service: tcp/8080 } }\n      - { id: screen,"],
      ["      - { id: browse,", "      - { allow: { from: staff-pc, to: sc-proxy, service: tcp/8080 } }\n      - { id: browse,"],
      [
        "  my-work:\n",
        "  saas:\n    from: staff-pc\n    to: { node: sc-proxy, service: tcp/8080 }\n    carries: web\n    exception: 認定クラウドサービス (α′)\n  my-work:\n",
      ],
    ],
    ["sc-proxy forward"],
  ],
  // TT-08
  [
    "TT-08",
    "staff PCs fetch through the proxy directly (distance 2)",
    TT,
    PROXY_FOR_STAFF,
    ["file-server", "mail-server", "office/*", "staff-pc"],
  ],
  ["TT-08", "the correct design: mediators stop contagion", TT, [], []],
  // TT-09
  [
    "TT-09",
    "files skip the sanitizer",
    TT,
    [["    from: vbrowser\n    via: [{ node: sanitizer, service: https }]\n", "    from: vbrowser\n"]],
    ["file-in"],
  ],
  [
    "TT-09",
    "a mail relay in the flow is not a sanitizer",
    TT,
    [
      [
        "    from: vbrowser\n    via: [{ node: sanitizer, service: https }]\n",
        "    from: vbrowser\n    via: [{ node: mail-relay, service: smtp }]\n",
      ],
    ],
    ["file-in"],
  ],
  ["TT-09", "the correct design", TT, [], []],
  // TT-10
  [
    "TT-10",
    "the relay does not sanitise",
    TT,
    [["controls: { sanitize: text }, title: メール無害化リレー", "title: メール中継"]],
    ["mail-in"],
  ],
  ["TT-10", "the correct design", TT, [], []],
  // TT-11
  [
    "TT-11",
    "a staff PC on two tiers",
    TT,
    [["  staff-pc: { kind: client, zone: office,", "  staff-pc: { kind: client, zones: [office, inet],"]],
    ["staff-pc"],
  ],
  ["TT-11", "the sanitizer on two tiers is a mediator", TT, [], []],
  // TT-12
  [
    "TT-12",
    "browsing without screen transfer under alpha",
    TT,
    [
      [
        "via: [{ node: vbrowser, service: rdp }, { node: sc-proxy, service: tcp/8080 }]",
        "via: [{ node: sc-proxy, service: tcp/8080 }]",
      ],
    ],
    ["browse"],
  ],
  [
    "TT-12",
    "the same under beta: the rule does not run",
    TT,
    [
      ["model: alpha", "model: beta"],
      [
        "via: [{ node: vbrowser, service: rdp }, { node: sc-proxy, service: tcp/8080 }]",
        "via: [{ node: sc-proxy, service: tcp/8080 }]",
      ],
    ],
    [],
  ],
  [
    "TT-12",
    "under alpha-prime a flow with an exception is accepted",
    TT,
    [
      ["model: alpha", "model: alpha-prime"],
      [
        "via: [{ node: vbrowser, service: rdp }, { node: sc-proxy, service: tcp/8080 }]",
        "via: [{ node: sc-proxy, service: tcp/8080 }]",
      ],
      ["    carries: web\n  mail-in:", "    carries: web\n    exception: 認定クラウドサービス\n  mail-in:"],
    ],
    [],
  ],
  // TT-13
  [
    "TT-13",
    "the virtual browser passes the clipboard",
    TT,
    [["controls: { redirection: [] }", "controls: { redirection: [clipboard] }"]],
    ["vbrowser"],
  ],
  ["TT-13", "the correct design", TT, [], []],
  // TT-14
  [
    "TT-14",
    "a breakout that bypasses the security cloud",
    TT,
    [["  vbrowser:", "  rt: { kind: router, zones: [inet, internet] }\n  vbrowser:"]],
    ["internet/* security-cloud"],
  ],
  [
    "TT-14",
    "no security-cloud zone at all: one finding naming the zones",
    TT,
    [["  sc: { kind: security-cloud,", "  sc: { kind: dmz,"]],
    ["inet no-security-cloud"],
  ],
  ["TT-14", "the correct design", TT, [], []],
  // TT-15
  [
    "TT-15",
    "a β client without EDR",
    TT,
    [
      ["model: alpha", "model: beta"],
      ["  vbrowser:", "  pc: { kind: client, zone: inet, controls: { epp: true } }\n  vbrowser:"],
    ],
    ["pc"],
  ],
  [
    "TT-15",
    "the same client under alpha: the rule does not run",
    TT,
    [["  vbrowser:", "  pc: { kind: client, zone: inet, controls: { epp: true } }\n  vbrowser:"]],
    [],
  ],
  // TT-16
  [
    "TT-16",
    "My Number data on the file server",
    TT,
    [["holds: [documents], title: ファイルサーバ", "holds: [documents, residents], title: ファイルサーバ"]],
    ["file-server"],
  ],
  [
    "TT-16",
    "My Number data in a national zone",
    TT,
    [
      ["  mynumber: { kind: mynumber,", "  juki: { kind: national, title: 住基ネット }\n  mynumber: { kind: mynumber,"],
      ["  my-pc:\n", "  juki-server: { kind: server, zone: juki, holds: [residents] }\n  my-pc:\n"],
    ],
    [],
  ],
  // TT-17
  [
    "TT-17",
    "a shared-key wireless LAN on the LGWAN side",
    TT,
    [["  staff-pc:", "  ap: { kind: wireless-ap, zones: [office], controls: { wlan-auth: psk } }\n  staff-pc:"]],
    ["ap"],
  ],
  [
    "TT-17",
    "IEEE 802.1X",
    TT,
    [["  staff-pc:", "  ap: { kind: wireless-ap, zones: [office], controls: { wlan-auth: 802.1x } }\n  staff-pc:"]],
    [],
  ],
  // TT-18
  ["TT-18", "a vendor reaches the office file server", example("TT-18", "incorrect"), [], ["file-server"]],
  ["TT-18", "a vendor stops at the jump host", example("TT-18"), [], []],
  [
    "TT-18",
    "a vendor reaching the sanitizer (a mediator) is not TT-18's",
    example("TT-18"),
    [
      ["to: jump, service: ssh }", "to: [jump, sanitizer], service: [ssh, https] }"],
      ["    zones: [vendor, mgmt]", "    zones: [vendor, mgmt, office]"],
    ],
    [],
  ],
];

describe.each([...new Set(cases.map((c) => c[0]))])("%s", (rule) => {
  it.each(cases.filter((c) => c[0] === rule).map((c) => [c[1], c[2], c[3], c[4]] as const))(
    "%s",
    (_what, base, patches, expected) => {
      const got = findings(apply(base, [...patches]), rule)
        .map(short)
        .sort();
      expect(got).toEqual([...expected].sort());
    },
  );
});

describe("evidence", () => {
  it("a reachability finding carries the witness chain with the firewall rule, and how many share it", () => {
    const [f] = findings(
      apply(ASP, [
        [RESERVE, "to: [web-inet, db], service: [https, postgres] }"],
        [WEB_DB, "allow: { from: [web-inet, internet], to: db, service: postgres }"],
      ]),
      "ASP-02",
    );
    expect(f?.evidence.chain?.path.filter((p) => p.type === "device").map((p) => `${p.id}:${p.rule ?? ""}`)).toEqual([
      "ips:",
      "fw-inet:fw-inet#reserve",
      "fw-db:fw-db#web-db",
    ]);
    expect(f?.subjects).toEqual(["db", "citizen", "internet/*"]);
    expect(f?.evidence.sources).toBe(2);
  });

  it("a contagion finding carries its steps", () => {
    const f = findings(apply(TT, PROXY_FOR_STAFF), "TT-08").find((x) => x.subjects[0] === "staff-pc");
    expect(f?.evidence.contagion?.steps.map((s) => `${s.mode}:${s.from}>${s.to}`)).toEqual([
      "fetch:internet/*>sc-proxy",
      "fetch:sc-proxy>staff-pc",
    ]);
  });

  it("a flow finding names the flow, the node and what it comes after", () => {
    const [f] = findings(
      apply(TT, [["    from: vbrowser\n    via: [{ node: sanitizer, service: https }]\n", "    from: vbrowser\n"]]),
      "TT-09",
    );
    expect(f?.subjects).toEqual(["file-in", "file-server", "vbrowser"]);
  });

  it("NET-01 explains what stops the hop", () => {
    const [f] = findings(
      apply(NET, [
        ["      - { id: web-db,", "      - { id: stop, deny: { from: web-lgwan, to: db, service: any } }\n      - { id: web-db,"],
      ]),
      "NET-01",
    );
    expect(f?.evidence.blocked?.reason).toBe("blocked");
    expect(f?.evidence.blocked?.blockers).toContainEqual(
      expect.objectContaining({ type: "firewall", id: "fw-db", rules: ["fw-db#stop"] }),
    );
  });
});
