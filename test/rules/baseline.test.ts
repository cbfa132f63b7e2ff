// The baseline pack (NET-01 … NET-08), table-driven: designs that must trigger each rule (subjects, variant, evidence) and designs that must not.
import { expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import {
  ADMIN,
  allow,
  type Doc,
  deny,
  flows,
  fwInet,
  nodes,
  packTests,
  RESERVE,
  SCAN,
  WEB_DB,
  zones,
} from "../helpers/pack-tests.js";

const { run, table } = packTests("baseline");

it("the base design has no finding at all", () => {
  expect(run([])).toEqual([]);
});

const INET = ["citizen", "internet/*"];
const fwDb = (rules: Doc[], extra: Doc = {}): Doc => nodes({ "fw-db": { rules, ...extra } });

// ---------------------------------------------------------------------------------------------

table(
  "NET-01",
  [
    [
      "the flow says http, the web server accepts only https",
      [flows({ reserve: { via: [{ node: "web-inet", service: "http" }] } })],
      [
        {
          subjects: ["reserve", "citizen", "web-inet"],
          hop: "citizen>web-inet",
          flowService: "tcp/80",
          reason: "not-accepted",
          blockers: [],
          accepts: "tcp/443",
        },
      ],
    ],
    [
      "a rule for tcp/443 does not make a tcp/5432 hop possible: the default deny stops it, in every flow to the DB",
      [fwDb([allow(["web-inet", "web-lgwan"], "db", "https", "web-db"), SCAN])],
      [
        { subjects: ["admin", "web-lgwan", "db"], hop: "web-lgwan>db", reason: "blocked", blockers: ["fw-db:default"] },
        {
          subjects: ["reserve", "web-inet", "db"],
          hop: "web-inet>db",
          flowService: "tcp/5432",
          reason: "blocked",
          blockers: ["fw-db:default"],
        },
      ],
    ],
    [
      "an earlier deny rule stops the hop, and is named",
      [fwDb([deny("web-lgwan", "db", "any", "stop"), WEB_DB, SCAN])],
      [{ subjects: ["admin", "web-lgwan", "db"], reason: "blocked", blockers: ["fw-db:fw-db#stop"] }],
    ],
    [
      "the flow is declared the wrong way round (the DB does not open connections to the web server)",
      [flows({ push: { from: "db", to: { node: "web-inet", service: "https" } } })],
      [{ subjects: ["push", "db", "web-inet"], reason: "blocked", blockers: ["fw-db:default"] }],
    ],
    [
      "no connection at all to an isolated segment",
      [
        zones({ offline: { kind: "internal" } }),
        nodes({ archive: { kind: "file-server", zone: "offline" } }),
        flows({ copy: { from: "db", to: "archive", service: "smb" } }),
      ],
      [{ subjects: ["copy", "db", "archive"], reason: "no-connection", blockers: [] }],
    ],
    [
      "the only route goes through a multi-homed host that does not forward",
      [
        zones({ mgmt: { kind: "management" } }),
        nodes({ ops: { kind: "server", zones: ["asp-db", "mgmt"] }, backup: { kind: "server", zone: "mgmt" } }),
        flows({ nightly: { from: "db", to: "backup", service: "ssh" } }),
      ],
      [{ subjects: ["nightly", "db", "backup"], reason: "blocked", blockers: ["host-no-forward:ops"] }],
    ],
    [
      "from an implicit host, on a service the server does not accept",
      [flows({ probe: { from: "internet/*", to: { node: "web-inet", service: "ssh" } } })],
      [{ subjects: ["probe", "internet/*", "web-inet"], hop: "internet/*>web-inet", reason: "not-accepted" }],
    ],
  ],
  [
    ["the base design (every hop, the one inside the DB segment included)", []],
    [
      "a hop on a list of services succeeds when one of them passes",
      [flows({ reserve: { via: [{ node: "web-inet", service: ["http", "https"] }] } })],
    ],
    [
      "a multi-homed host matches a zone reference by any of its zones, whichever interface it uses",
      [
        zones({ mgmt: { kind: "management" } }),
        nodes({ batch: { kind: "app-server", zones: ["asp-dmz", "mgmt"] } }),
        fwDb([WEB_DB, SCAN, allow("mgmt", "db", "postgres", "mgmt-db")]),
        flows({ "nightly-batch": { from: "batch", to: { node: "db", service: "postgres" } } }),
      ],
    ],
    ["a hop with the default service `any` succeeds on postgres", [flows({ sync: { from: "web-lgwan", to: "db" } })]],
    [
      "the multi-homed host forwards (forwards: true)",
      [
        zones({ mgmt: { kind: "management" } }),
        nodes({ ops: { kind: "server", zones: ["asp-db", "mgmt"], forwards: true }, backup: { kind: "server", zone: "mgmt" } }),
        flows({ nightly: { from: "db", to: "backup", service: "ssh" } }),
      ],
    ],
  ],
);

table(
  "NET-02",
  [
    [
      "from any to any",
      [fwDb([allow("any", "any", "postgres", "web-db"), SCAN])],
      [{ subjects: ["fw-db#web-db", "fw-db"], variant: "any-any" }],
    ],
    [
      "from any to the DB by its id",
      [fwDb([allow("any", "db", "postgres", "web-db"), SCAN])],
      [{ subjects: ["fw-db#web-db", "fw-db"], variant: "personal", value: "db" }],
    ],
    [
      "from any to the DB segment by its zone id",
      [fwDb([allow("any", "asp-db", "postgres", "web-db"), SCAN])],
      [{ subjects: ["fw-db#web-db", "fw-db"], variant: "personal", value: "db" }],
    ],
    [
      "from any to zone-kind:db",
      [fwDb([allow("any", "zone-kind:db", "postgres", "web-db"), SCAN])],
      [{ subjects: ["fw-db#web-db", "fw-db"], variant: "personal", value: "db" }],
    ],
    [
      "from any to tier:lgwan-side, where a holder of personal data sits",
      [
        nodes({
          "fw-lgwan": { rules: [allow("any", "tier:lgwan-side", "https", "admin")] },
          "web-lgwan": { holds: ["applicants"] },
        }),
      ],
      [{ subjects: ["fw-lgwan#admin", "fw-lgwan"], variant: "personal", value: "web-lgwan" }],
    ],
    [
      "`any` among other sources, and whatever the service",
      [fwDb([WEB_DB, SCAN, allow(["web-inet", "any"], "db", "ssh", "maint")])],
      [{ subjects: ["fw-db#maint", "fw-db"], variant: "personal" }],
    ],
    [
      "a rule without an id is named by its position",
      [fwDb([allow("any", "any", "any"), WEB_DB, SCAN])],
      [{ subjects: ["fw-db#1", "fw-db"], variant: "any-any" }],
    ],
  ],
  [
    ["the base design", []],
    ["deny from any to any", [fwDb([WEB_DB, SCAN, deny("any", "any", "any", "rest")])]],
    ["from any to a host without personal data", [fwDb([WEB_DB, allow("any", "av", "https", "scan")])]],
    [
      "from any to the DB segment's implicit host (it holds nothing)",
      [fwDb([WEB_DB, SCAN, allow("any", "asp-db/*", "https", "x")])],
    ],
    ["from the LGWAN tier (not `any`) to anything", [fwDb([WEB_DB, SCAN, allow("tier:lgwan-side", "any", "https", "x")])]],
    [
      "from the internet to anything (`to: any` alone)",
      [fwInet(["edge", "asp-dmz"], [allow("internet", "any", "https", "reserve")])],
    ],
  ],
);

table(
  "NET-03",
  [
    [
      "a rule added later is covered by an earlier, broader one",
      [fwDb([WEB_DB, SCAN, allow("web-inet", "db", "postgres", "dup")])],
      [{ subjects: ["fw-db#dup", "fw-db"], overlaps: ["fw-db#web-db"] }],
    ],
    [
      "covered by an earlier deny (whatever the actions)",
      [fwDb([deny("any", "db", "any", "no-db"), WEB_DB, SCAN])],
      [{ subjects: ["fw-db#web-db", "fw-db"], overlaps: ["fw-db#no-db"] }],
    ],
    [
      "covered by two earlier rules together",
      [
        fwDb([
          allow("web-inet", "db", "postgres", "a"),
          allow("web-lgwan", "db", "postgres", "b"),
          allow(["web-inet", "web-lgwan"], "db", "postgres", "both"),
          SCAN,
        ]),
      ],
      [{ subjects: ["fw-db#both", "fw-db"], overlaps: ["fw-db#a", "fw-db#b"] }],
    ],
    [
      "everything after an any-any rule",
      [fwDb([allow("any", "any", "any", "all"), WEB_DB, SCAN])],
      [
        { subjects: ["fw-db#scan", "fw-db"], overlaps: ["fw-db#all"] },
        { subjects: ["fw-db#web-db", "fw-db"], overlaps: ["fw-db#all"] },
      ],
    ],
    [
      "zone references cover the host references after them",
      [fwDb([allow(["asp-dmz", "asp-lgwan"], "asp-db", "any", "web-tier"), WEB_DB, SCAN])],
      [
        { subjects: ["fw-db#scan", "fw-db"], overlaps: ["fw-db#web-tier"] },
        { subjects: ["fw-db#web-db", "fw-db"], overlaps: ["fw-db#web-tier"] },
      ],
    ],
    [
      "a rule whose extra source is the destination itself (a host never sends to itself)",
      [fwDb([WEB_DB, SCAN, allow(["web-inet", "db"], "db", "postgres", "self")])],
      [{ subjects: ["fw-db#self", "fw-db"], overlaps: ["fw-db#web-db"] }],
    ],
    [
      "a rule without an id is named by its position",
      [fwDb([WEB_DB, SCAN, allow("web-inet", "db", "postgres")])],
      [{ subjects: ["fw-db#3", "fw-db"], overlaps: ["fw-db#web-db"] }],
    ],
    [
      "a rule from a host to itself matches nothing",
      [fwDb([WEB_DB, SCAN, allow("db", "db", "ssh", "none")])],
      [{ subjects: ["fw-db#none", "fw-db"], variant: "matches-nothing" }],
    ],
    [
      "a rule from an implicit host to itself matches nothing",
      [fwDb([WEB_DB, SCAN, allow("asp-db/*", "asp-db/*", "any", "none")])],
      [{ subjects: ["fw-db#none", "fw-db"], variant: "matches-nothing" }],
    ],
  ],
  [
    ["the base design", []],
    ["a narrower rule before a broader one", [fwDb([allow("web-inet", "db", "postgres", "narrow"), WEB_DB, SCAN])]],
    ["a later rule with one more service", [fwDb([WEB_DB, SCAN, allow("web-inet", "db", ["postgres", "ssh"], "more")])]],
    [
      "a later rule for another source",
      [fwDb([allow("web-inet", "db", "postgres", "a"), allow("web-lgwan", "db", "postgres", "b"), SCAN])],
    ],
    [
      "a rule for a service the destination does not accept still matches traffic (NET-04's business)",
      [fwDb([WEB_DB, SCAN, allow("web-lgwan", "db", "ssh", "ssh")])],
    ],
    [
      "the same rule at another firewall",
      [
        nodes({
          "fw-db2": { kind: "firewall", zones: ["asp-dmz", "asp-db"], rules: [allow("web-inet", "db", "postgres", "web-db")] },
        }),
      ],
    ],
  ],
);

table(
  "NET-04",
  [
    [
      "a maintenance SSH rule that no flow needs",
      [fwDb([WEB_DB, SCAN, allow("web-lgwan", "db", "ssh", "ssh")])],
      [{ subjects: ["fw-db#ssh", "fw-db"] }],
    ],
    [
      "a rule without an id is named by its position",
      [fwDb([WEB_DB, SCAN, allow("web-lgwan", "db", "ssh")])],
      [{ subjects: ["fw-db#3", "fw-db"] }],
    ],
    [
      "a rule for a hop that another firewall stops decides nothing that is carried",
      [
        nodes({ "fw-lgwan": { rules: [ADMIN, allow("staff-pc", "db", "postgres", "pc-db")] } }),
        flows({ report: { from: "staff-pc", to: { node: "db", service: "postgres" } } }),
      ],
      [{ subjects: ["fw-lgwan#pc-db", "fw-lgwan"] }],
    ],
    [
      "a copy of the DB rule at a firewall that is on no chain from the web server to the DB",
      [
        zones({ mgmt: { kind: "management" } }),
        nodes({
          "fw-mgmt": { kind: "firewall", zones: ["asp-dmz", "mgmt"], rules: [allow("web-inet", "db", "postgres", "copy")] },
        }),
      ],
      [{ subjects: ["fw-mgmt#copy", "fw-mgmt"] }],
    ],
    [
      "a rule for a service the destination does not accept is never used",
      [fwDb([WEB_DB, allow(["web-inet", "web-lgwan"], "av", ["https", "ssh"], "scan"), allow("web-inet", "av", "ftp", "ftp")])],
      [{ subjects: ["fw-db#ftp", "fw-db"] }],
    ],
  ],
  [
    ["the base design", []],
    [
      "no flows declared: nothing to compare with",
      [fwDb([WEB_DB, SCAN, allow("web-lgwan", "db", "ssh", "ssh")]), { flows: null }],
    ],
    ["a deny rule that no flow meets", [fwDb([WEB_DB, SCAN, deny("any", "db", "ssh", "no-ssh")])]],
    ["a shadowed rule is NET-03's, not NET-04's", [fwDb([WEB_DB, SCAN, allow("web-inet", "db", "postgres", "dup")])]],
    [
      "a parallel firewall: each decides the hop on a chain of its own",
      [
        nodes({
          "fw-db2": { kind: "firewall", zones: ["asp-dmz", "asp-db"], rules: [allow("web-inet", "db", "postgres", "web-db")] },
        }),
      ],
    ],
    [
      "each service of a hop's service set counts",
      [
        fwDb([WEB_DB, SCAN, allow("web-lgwan", "db", "ssh", "ssh")]),
        nodes({ db: { services: ["postgres", "ssh"] } }),
        flows({ admin: { to: { node: "db", service: ["postgres", "ssh"] } } }),
      ],
    ],
  ],
);

/** The smallest case of the NET-04 loop bug (issue 13): inet1 and lgwan1 joined by fw1 and by ap1. */
const loopCase = (pc2Zone: string) => `bunri: 1
name: net04-loop
zones:
  inet1: { kind: internet }
  lgwan1: { kind: lgwan }
nodes:
  fw1:
    kind: firewall
    zones: [inet1, lgwan1]
    rules:
      - { deny: { from: lgwan1, to: inet1, service: ssh } }
      - { allow: { from: any, to: any } }
  ap1: { kind: wireless-ap, zones: [inet1, lgwan1], controls: { wlan-auth: 802.1x } }
  pc2: { kind: client, zone: ${pc2Zone} }
flows:
  f1: { from: inet1/*, to: pc2 }
`;
const net04Of = (text: string) =>
  checkText(text, "loop.yaml", { lang: "en", today: "2026-12-01", policies: ["baseline"] })
    .result.findings.filter((f) => f.rule === "NET-04")
    .map((f) => f.subjects);

// The smallest case: a loop inet1 – fw1 – lgwan1 – ap1 – inet1 does not make fw1 carry a
// hop that stays in inet1 (usedRules() asks for a loop-free chain through the firewall).
it("NET-04: a hop that never leaves its zone uses no firewall, though a loop passes one (chains are loop-free)", () => {
  // the hop inet1/* → pc2 stays in inet1: its only loop-free chain passes no device
  expect(net04Of(loopCase("inet1"))).toEqual([["fw1#2", "fw1"]]);
});

it("NET-04: the same firewall is used when the hop crosses it (the control case of the loop bug)", () => {
  expect(net04Of(loopCase("lgwan1"))).toEqual([]);
});

table(
  "NET-05",
  [
    [
      "the DB firewall allows by default",
      [fwDb([WEB_DB, SCAN], { default: "allow" })],
      [{ subjects: ["fw-db"], value: "allow" }],
    ],
    [
      "two firewalls, two findings",
      [fwDb([WEB_DB, SCAN], { default: "allow" }), nodes({ "fw-city": { default: "allow" } })],
      [{ subjects: ["fw-city"] }, { subjects: ["fw-db"] }],
    ],
  ],
  [
    ["the base design (no default: deny)", []],
    ["default: deny written out", [fwDb([WEB_DB, SCAN], { default: "deny" })]],
  ],
);

table(
  "NET-06",
  [
    [
      "the LGWAN-side web server has a leg in the DB segment and forwards",
      [nodes({ "web-lgwan": { zone: null, zones: ["asp-lgwan", "asp-db"], forwards: true } })],
      [{ subjects: ["web-lgwan"], zones: ["asp-db", "asp-lgwan"] }],
    ],
    [
      "a staff PC bridging two segments",
      [nodes({ "staff-pc": { zone: null, zones: ["city", "lgwan"], forwards: true } })],
      [{ subjects: ["staff-pc"], zones: ["city", "lgwan"] }],
    ],
  ],
  [
    ["the base design", []],
    ["forwards: true on one segment", [nodes({ "web-lgwan": { forwards: true } })]],
    ["multi-homed without forwarding", [nodes({ "web-lgwan": { zone: null, zones: ["asp-lgwan", "asp-db"] } })]],
    ["a router on two segments", [nodes({ rt: { kind: "router", zones: ["asp-lgwan", "asp-db"] } })]],
  ],
);

table(
  "NET-07",
  [
    [
      "the notification mail server relays for anyone",
      [nodes({ mail: { kind: "mail-server", zone: "asp-db", services: ["smtp"], controls: { "open-relay": true } } })],
      [{ subjects: ["mail"], value: "open-relay: true" }],
    ],
    [
      "a sanitising mail relay (a mediator) is checked like any host",
      [nodes({ relay: { kind: "mail-relay", zone: "asp-dmz", controls: { sanitize: "strip", "open-relay": true } } })],
      [{ subjects: ["relay"] }],
    ],
  ],
  [
    ["the base design", []],
    ["open-relay: false", [nodes({ mail: { kind: "mail-server", zone: "asp-db", controls: { "open-relay": false } } })]],
    ["open-relay not said", [nodes({ mail: { kind: "mail-relay", zone: "asp-db" } })]],
  ],
);

table(
  "NET-08",
  [
    [
      "a maintenance rule lets the internet reach the DB on postgres",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "db"], ["https", "postgres"], "reserve")]),
        fwDb([allow(["web-inet", "web-lgwan", "internet"], "db", "postgres", "web-db"), SCAN]),
      ],
      [{ subjects: ["db", ...INET], rules: ["fw-inet#reserve", "fw-db#web-db"], service: "tcp/5432", sources: 2 }],
    ],
    [
      "the internet-side web server keeps the reservations",
      [nodes({ "web-inet": { holds: ["applicants"] } })],
      [{ subjects: ["web-inet", ...INET], rules: ["fw-inet#reserve"], devices: ["ips", "fw-inet"], service: "tcp/443" }],
    ],
    [
      "the data exported to a storage service on the internet",
      [nodes({ saas: { kind: "file-server", zone: "internet", holds: ["applicants"] } })],
      [{ subjects: ["saas", ...INET], devices: [] }],
    ],
    [
      "an exposed sanitizer that keeps personal data (mediators are hosts like any other here)",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "sani"], "https", "reserve")]),
        nodes({ sani: { kind: "sanitizer", zone: "asp-dmz", services: ["https"], holds: ["health"] } }),
      ],
      [{ subjects: ["sani", ...INET] }],
    ],
  ],
  [
    ["the base design", []],
    [
      "the internet reaches the DB segment's implicit host, which holds nothing",
      [fwInet(["edge", "asp-dmz", "asp-db"], [RESERVE, allow("internet", "asp-db/*", "https", "x")])],
    ],
    [
      "a rule for a service the DB does not accept",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "db"], "https", "reserve")]),
        fwDb([allow(["web-inet", "internet"], "db", "https", "web-db"), SCAN]),
      ],
    ],
    [
      "an earlier deny wins",
      [
        fwInet(
          ["edge", "asp-dmz"],
          [deny("internet", "db", "any", "no-db"), allow("internet", ["web-inet", "db"], "any", "reserve")],
        ),
        fwDb([allow(["web-inet", "web-lgwan", "internet"], "db", "postgres", "web-db"), SCAN]),
      ],
    ],
    [
      "the DB opening connections to the internet is the other direction",
      [
        fwInet(["edge", "asp-dmz"], [RESERVE, allow("db", "any", "https", "db-out")]),
        fwDb([WEB_DB, SCAN, allow("db", "any", "https", "db-out")]),
      ],
    ],
  ],
);
