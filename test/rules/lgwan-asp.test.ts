// The lgwan-asp pack (ASP-01 … ASP-10), table-driven: designs that must trigger each rule (subjects, variant, evidence) and designs that must not.
import { expect, it } from "vitest";
import {
  allow,
  type Doc,
  deny,
  flows,
  fwInet,
  nodes,
  packTests,
  RESERVE,
  SCAN,
  type Value,
  WEB_DB,
  zones,
} from "../helpers/pack-tests.js";

const { run, table } = packTests("lgwan-asp");
/** The internet-side firewall also has a leg in the LGWAN-side segment (one front firewall for both). */
const FRONT = ["edge", "asp-dmz", "asp-lgwan"];

const INET = ["citizen", "internet/*"];

it("the base design has no finding at all", () => {
  expect(run([])).toEqual([]);
});

// ---------------------------------------------------------------------------------------------

table(
  "ASP-01",
  [
    [
      "the internet-side rule also names the LGWAN-side web server",
      [fwInet(FRONT, [allow("internet", ["web-inet", "web-lgwan"], "https", "reserve")])],
      [
        {
          subjects: ["web-lgwan", ...INET],
          rules: ["fw-inet#reserve"],
          devices: ["ips", "fw-inet"],
          service: "tcp/443",
          sources: 2,
        },
      ],
    ],
    [
      "a rule to the whole LGWAN-side segment reaches its implicit host (any service it opens) and the server",
      [fwInet(FRONT, [allow("internet", ["web-inet", "asp-lgwan"], "https", "reserve")])],
      [
        { subjects: ["asp-lgwan/*", ...INET], rules: ["fw-inet#reserve"], service: "tcp/443" },
        { subjects: ["web-lgwan", ...INET], rules: ["fw-inet#reserve"] },
      ],
    ],
    [
      "a rule from the internet's implicit host only: one source",
      [fwInet(FRONT, [RESERVE, allow("internet/*", "web-lgwan", "https", "any-host")])],
      [{ subjects: ["web-lgwan", "internet/*"], rules: ["fw-inet#any-host"], sources: 1 }],
    ],
    [
      "the witness names the first service in the order tcp, udp, icmp",
      [fwInet(FRONT, [RESERVE, allow("internet", "asp-lgwan/*", ["icmp", "ntp", "dns"], "diag")])],
      [{ subjects: ["asp-lgwan/*", ...INET], rules: ["fw-inet#diag"], service: "tcp/53" }],
    ],
    [
      "a zone-kind: reference",
      [fwInet(FRONT, [allow("internet", ["web-inet", "zone-kind:asp-lgwan"], "https", "reserve")])],
      [{ subjects: ["asp-lgwan/*", ...INET] }, { subjects: ["web-lgwan", ...INET] }],
    ],
    [
      "the admin rule says `from: any` where it means every LGWAN address",
      [fwInet(FRONT, [RESERVE, allow("any", "web-lgwan", "https", "admin-all")])],
      [{ subjects: ["web-lgwan", ...INET], rules: ["fw-inet#admin-all"] }],
    ],
    [
      "an earlier allow wins over a later deny",
      [
        fwInet(FRONT, [
          allow("internet", ["web-inet", "web-lgwan"], "https", "reserve"),
          deny("internet", "web-lgwan", "any", "no-lgwan"),
        ]),
      ],
      [{ subjects: ["web-lgwan", ...INET], rules: ["fw-inet#reserve"] }],
    ],
    [
      "a multi-homed web server is on the LGWAN side through its other leg",
      [nodes({ "web-inet": { zone: null, zones: ["asp-dmz", "asp-lgwan"] } })],
      [{ subjects: ["web-inet", ...INET], rules: ["fw-inet#reserve"], devices: ["ips", "fw-inet"] }],
    ],
    [
      "a host with forwards: true carries `to: any` traffic on into the LGWAN-side segment",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", "any", "https", "in")]),
        nodes({ ops: { kind: "server", zones: ["asp-dmz", "asp-lgwan"], forwards: true, services: ["ssh"] } }),
      ],
      [
        { subjects: ["asp-lgwan/*", ...INET], devices: ["ips", "fw-inet", "ops"] },
        { subjects: ["web-lgwan", ...INET], devices: ["ips", "fw-inet", "ops"], rules: ["fw-inet#in"] },
      ],
    ],
    [
      "a screen-transfer server that passes the clipboard is no mediator: reached from the internet, and reaching the LGWAN side",
      [nodes({ vb: { kind: "screen-transfer", zones: ["internet", "asp-lgwan"], controls: { redirection: ["clipboard"] } } })],
      [
        { subjects: ["asp-lgwan/*", "vb"], devices: [] },
        { subjects: ["vb", ...INET], devices: [] },
        { subjects: ["web-lgwan", "vb"], devices: [], service: "tcp/443" },
      ],
    ],
  ],
  [
    ["the base design", []],
    [
      "an earlier deny wins over the allow",
      [
        fwInet(FRONT, [
          deny("internet", "web-lgwan", "any", "no-lgwan"),
          allow("internet", ["web-inet", "web-lgwan"], "https", "reserve"),
        ]),
      ],
    ],
    [
      "a rule for a service the LGWAN-side server does not accept",
      [fwInet(FRONT, [RESERVE, allow("internet", "web-lgwan", "ssh", "maint")])],
    ],
    [
      "the admin rule names the LGWAN tier (tier:lgwan-side), which no internet host is in",
      [fwInet(FRONT, [RESERVE, allow("tier:lgwan-side", "web-lgwan", "https", "admin-all")])],
    ],
    [
      "the LGWAN side opening connections to the internet is the other direction",
      [fwInet(FRONT, [RESERVE, allow("asp-lgwan", "any", "https", "updates")])],
    ],
    [
      "the same forwarding host without forwards: true (it accepts only ssh, so the internet reaches nothing on the LGWAN side)",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", "any", "https", "in")]),
        nodes({ ops: { kind: "server", zones: ["asp-dmz", "asp-lgwan"], services: ["ssh"] } }),
      ],
    ],
    [
      "a sanitizer on the LGWAN side is a mediator: not a target",
      [
        fwInet(FRONT, [allow("internet", ["web-inet", "sani"], "https", "reserve")]),
        nodes({ sani: { kind: "sanitizer", zone: "asp-lgwan", services: ["https"] } }),
      ],
    ],
    [
      "a screen-transfer server with no redirection on both the internet and the LGWAN side: neither source nor target",
      [nodes({ vb: { kind: "screen-transfer", zones: ["internet", "asp-lgwan"], controls: { redirection: [] } } })],
    ],
  ],
);

table(
  "ASP-02",
  [
    [
      "a maintenance rule lets the internet reach the DB on postgres",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "db"], ["https", "postgres"], "reserve")]),
        nodes({ "fw-db": { rules: [allow(["web-inet", "web-lgwan", "internet"], "db", "postgres", "web-db"), SCAN] } }),
      ],
      [
        {
          subjects: ["db", ...INET],
          rules: ["fw-inet#reserve", "fw-db#web-db"],
          devices: ["ips", "fw-inet", "fw-db"],
          service: "tcp/5432",
          sources: 2,
        },
      ],
    ],
    [
      "a rule to the whole DB segment: the implicit host and the virus scanner (https), not the DB (postgres only)",
      [fwInet(["edge", "asp-dmz", "asp-db"], [RESERVE, allow("internet", "asp-db", "https", "patterns")])],
      [
        { subjects: ["asp-db/*", ...INET], rules: ["fw-inet#patterns"], service: "tcp/443" },
        { subjects: ["av", ...INET], rules: ["fw-inet#patterns"], service: "tcp/443" },
      ],
    ],
    [
      "the internet-side web server holds personal data",
      [nodes({ "web-inet": { holds: ["applicants"] } })],
      [{ subjects: ["web-inet", ...INET], rules: ["fw-inet#reserve"] }],
    ],
    [
      "a web server with a second leg in the DB segment is itself a host in a db zone",
      [nodes({ "web-inet": { zone: null, zones: ["asp-dmz", "asp-db"] } })],
      [{ subjects: ["web-inet", ...INET], rules: ["fw-inet#reserve"] }],
    ],
    [
      "a web server that forwards (forwards: true) into the DB segment under a `to: any` rule",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", "any", "https", "in")]),
        nodes({ "web-inet": { zone: null, zones: ["asp-dmz", "asp-db"], forwards: true } }),
      ],
      [
        { subjects: ["asp-db/*", ...INET], devices: ["ips", "fw-inet", "web-inet"] },
        { subjects: ["av", ...INET], devices: ["ips", "fw-inet", "web-inet"], rules: ["fw-inet#in"] },
        { subjects: ["web-inet", ...INET], devices: ["ips", "fw-inet"] },
      ],
    ],
    [
      "a sanitizer holding personal data is treated like any host (ASP-02 does not leave mediators out)",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "sani"], "https", "reserve")]),
        nodes({ sani: { kind: "sanitizer", zone: "asp-dmz", services: ["https"], holds: ["applicants"] } }),
      ],
      [{ subjects: ["sani", ...INET] }],
    ],
  ],
  [
    ["the base design", []],
    [
      "a rule for a service the DB does not accept opens nothing",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "db"], "https", "reserve")]),
        nodes({ "fw-db": { rules: [allow(["web-inet", "internet"], "db", "https", "web-db"), SCAN] } }),
      ],
    ],
    [
      "an earlier deny at the DB firewall wins",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "db"], ["https", "postgres"], "reserve")]),
        nodes({
          "fw-db": {
            rules: [deny("internet", "db", "any", "no-inet"), allow(["web-inet", "internet"], "db", "postgres", "web-db"), SCAN],
          },
        }),
      ],
    ],
    ["internal data on the exposed web server", [nodes({ "web-inet": { holds: ["leaflets"] } })]],
    [
      "the DB opening connections to the internet is the other direction",
      [
        fwInet(["edge", "asp-dmz"], [RESERVE, allow("db", "any", "https", "db-out")]),
        nodes({ "fw-db": { rules: [WEB_DB, SCAN, allow("db", "any", "https", "db-out")] } }),
      ],
    ],
  ],
);

table(
  "ASP-03",
  [
    [
      "a rule to the whole internet-side segment exposes its implicit host",
      [fwInet(["edge", "asp-dmz"], [allow("internet", "asp-dmz", "https", "reserve")])],
      [{ subjects: ["asp-dmz/*", ...INET], variant: "implicit", rules: ["fw-inet#reserve"], service: "tcp/443" }],
    ],
    [
      "the same through a tier: reference",
      [fwInet(["edge", "asp-dmz"], [allow("internet", "tier:internet-side", "https", "reserve")])],
      [{ subjects: ["asp-dmz/*", ...INET], variant: "implicit" }],
    ],
    [
      "an exposed application server",
      [nodes({ "web-inet": { kind: "app-server" } })],
      [{ subjects: ["web-inet", ...INET], rules: ["fw-inet#reserve"] }],
    ],
    [
      "a web server, but in the LGWAN-side segment",
      [fwInet(FRONT, [allow("internet", ["web-inet", "web-lgwan"], "https", "reserve")])],
      [{ subjects: ["web-lgwan", ...INET] }],
    ],
    [
      "the LGWAN-side segment as a whole: implicit variant, and its web server",
      [fwInet(FRONT, [allow("internet", ["web-inet", "asp-lgwan"], "https", "reserve")])],
      [{ subjects: ["asp-lgwan/*", ...INET], variant: "implicit" }, { subjects: ["web-lgwan", ...INET] }],
    ],
    [
      "an exposed sanitizer (ASP-03 treats mediators like any host)",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "sani"], "https", "reserve")]),
        nodes({ sani: { kind: "sanitizer", zone: "asp-dmz", services: ["https"] } }),
      ],
      [{ subjects: ["sani", ...INET] }],
    ],
  ],
  [
    ["the base design", []],
    [
      "two web servers named in the rule",
      [
        fwInet(["edge", "asp-dmz"], [allow("internet", ["web-inet", "web-inet2"], "https", "reserve")]),
        nodes({ "web-inet2": { kind: "web-server", zone: "asp-dmz", services: ["https"] } }),
      ],
    ],
    [
      "an application server in the DMZ that the internet does not reach",
      [nodes({ app: { kind: "app-server", zone: "asp-dmz" } })],
    ],
    [
      "a web server with a leg in the DB segment is still a web server in an internet-side zone (ASP-02's business)",
      [nodes({ "web-inet": { zone: null, zones: ["asp-dmz", "asp-db"] } })],
    ],
  ],
);

table(
  "ASP-04",
  [
    [
      "the internet-side web server keeps a copy of the reservations",
      [nodes({ "web-inet": { holds: ["applicants"] } })],
      [{ subjects: ["web-inet"], zones: ["asp-dmz"], value: "web-server" }],
    ],
    [
      "an access-log server in the DMZ that the internet cannot reach, holding sensitive data",
      [nodes({ logs: { kind: "log-server", zone: "asp-dmz", holds: ["health"] } })],
      [{ subjects: ["logs"], zones: ["asp-dmz"] }],
    ],
    [
      "a host with a leg in the DB segment is still in an internet-side zone",
      [nodes({ "web-inet": { zone: null, zones: ["asp-dmz", "asp-db"], holds: ["applicants"] } })],
      [{ subjects: ["web-inet"], zones: ["asp-db", "asp-dmz"] }],
    ],
    [
      "a sanitizer is treated like any host",
      [nodes({ sani: { kind: "sanitizer", zone: "asp-dmz", holds: ["applicants"] } })],
      [{ subjects: ["sani"] }],
    ],
  ],
  [
    ["the base design", []],
    ["internal data on the internet-side web server", [nodes({ "web-inet": { holds: ["leaflets"] } })]],
    ["personal data on the LGWAN-side web server", [nodes({ "web-lgwan": { holds: ["applicants"] } })]],
    ["personal data on a staff PC (LGWAN side)", [nodes({ "staff-pc": { holds: ["applicants"] } })]],
  ],
);

table(
  "ASP-05",
  [
    [
      "the firewall is also plugged into the internet line, bypassing the IPS",
      [fwInet(["internet", "edge", "asp-dmz"], [RESERVE])],
      [{ subjects: ["web-inet", ...INET], variant: "ips", devices: ["fw-inet"], rules: ["fw-inet#reserve"], sources: 2 }],
    ],
    [
      "a router joins the IPS segment to the DMZ past the firewall: firewall variant, for every DMZ host",
      [nodes({ rt: { kind: "router", zones: ["edge", "asp-dmz"] } })],
      [
        { subjects: ["asp-dmz/*", ...INET], variant: "firewall", devices: ["ips", "rt"] },
        { subjects: ["web-inet", ...INET], variant: "firewall", devices: ["ips", "rt"], service: "tcp/443" },
      ],
    ],
    [
      "a switch between the internet and the DMZ bypasses both: one finding per target and variant",
      [nodes({ sw: { kind: "switch", zones: ["internet", "asp-dmz"] } })],
      [
        { subjects: ["asp-dmz/*", ...INET], variant: "firewall", devices: ["sw"] },
        { subjects: ["asp-dmz/*", ...INET], variant: "ips", devices: ["sw"] },
        { subjects: ["web-inet", ...INET], variant: "firewall", devices: ["sw"] },
        { subjects: ["web-inet", ...INET], variant: "ips", devices: ["sw"] },
      ],
    ],
    [
      "a WAF in front is not an IPS",
      [nodes({ ips: { kind: "waf" } })],
      [{ subjects: ["web-inet", ...INET], variant: "ips", devices: ["ips", "fw-inet"] }],
    ],
  ],
  [
    ["the base design (IPS, transit segment, firewall)", []],
    [
      "a UTM: a firewall with controls.ips counts as the IPS",
      [nodes({ ips: null, "fw-inet": { zones: ["internet", "asp-dmz"], controls: { ips: true } } }), zones({ edge: null })],
    ],
    [
      "a router behind the firewall between the DMZ and a management segment: the internet reaches nothing more",
      [
        zones({ mgmt: { kind: "management" } }),
        nodes({ rt: { kind: "router", zones: ["asp-dmz", "mgmt"] }, ops: { kind: "server", zone: "mgmt" } }),
      ],
    ],
  ],
);

table(
  "ASP-06",
  [
    [
      "one web server serves both sides",
      [nodes({ "web-lgwan": { zone: null, zones: ["asp-lgwan", "asp-dmz"] } })],
      [{ subjects: ["web-lgwan"], zones: ["asp-dmz", "asp-lgwan"] }],
    ],
    [
      "a staff PC with a second NIC on the internet",
      [nodes({ "staff-pc": { zone: null, zones: ["city", "internet"] } })],
      [{ subjects: ["staff-pc"], zones: ["city", "internet"] }],
    ],
    [
      "a screen-transfer server that passes files is no mediator",
      [nodes({ vb: { kind: "screen-transfer", zones: ["asp-dmz", "asp-lgwan"], controls: { redirection: ["file"] } } })],
      [{ subjects: ["vb"] }],
    ],
    [
      "a host with forwards: true is still a host",
      [nodes({ gw: { kind: "server", zones: ["asp-dmz", "asp-lgwan"], forwards: true } })],
      [{ subjects: ["gw"] }],
    ],
  ],
  [
    ["the base design (the DB firewall straddles both sides: a device, not a host)", []],
    ["a router on both sides", [nodes({ rt: { kind: "router", zones: ["asp-dmz", "asp-lgwan"] } })]],
    ["a sanitizer on both sides is a mediator", [nodes({ sani: { kind: "sanitizer", zones: ["asp-dmz", "asp-lgwan"] } })]],
    [
      "a mail relay with a sanitize control on both sides is a mediator",
      [nodes({ relay: { kind: "mail-relay", zones: ["asp-dmz", "asp-lgwan"], controls: { sanitize: "strip" } } })],
    ],
    [
      "a screen-transfer server with no redirection is a mediator",
      [nodes({ vb: { kind: "screen-transfer", zones: ["asp-dmz", "asp-lgwan"] } })],
    ],
    [
      "internet side and DB segment (a db zone has no tier)",
      [nodes({ "web-inet": { zone: null, zones: ["asp-dmz", "asp-db"] } })],
    ],
  ],
);

const upload = (via: Value[], to: Value, extra: Doc = {}): Doc =>
  flows({ upload: { from: "citizen", via, to, carries: "files", data: ["applicants"], encrypted: true, ...extra } });
const WEB = { node: "web-inet", service: "https" };
const AV = { node: "av", service: "https" };
const DB = { node: "db", service: "postgres" };

table(
  "ASP-07",
  [
    ["the upload goes to the DB without the virus check", [upload([WEB], DB)], [{ subjects: ["upload", "db", "citizen"] }]],
    ["the virus check after the DB does not count", [upload([WEB, DB], AV)], [{ subjects: ["upload", "db", "citizen"] }]],
    [
      "a holder before the virus check",
      [upload([WEB, AV], DB), nodes({ "web-inet": { holds: ["applicants"] } })],
      [{ subjects: ["upload", "web-inet", "citizen"] }],
    ],
    [
      "a host in the DB segment that holds nothing is a target too",
      [upload([WEB], { node: "store", service: "https" }), nodes({ store: { kind: "file-server", zone: "asp-db" } })],
      [{ subjects: ["upload", "store", "citizen"] }],
    ],
    ["from an implicit host", [upload([WEB], DB, { from: "internet/*" })], [{ subjects: ["upload", "db", "internet/*"] }]],
    [
      "one finding per later node: the DB and the archive both come after the citizen with no scan",
      [
        upload([WEB, DB], { node: "archive", service: "https" }),
        nodes({ archive: { kind: "file-server", zone: "lgwan", holds: ["applicants"] } }),
      ],
      [{ subjects: ["upload", "archive", "citizen"] }, { subjects: ["upload", "db", "citizen"] }],
    ],
  ],
  [
    ["the base design", []],
    [
      "a holder after the virus-scan host",
      [
        upload([WEB, AV, DB], { node: "archive", service: "https" }),
        nodes({ archive: { kind: "file-server", zone: "asp-db", holds: ["applicants"] } }),
      ],
    ],
    ["a web flow without a virus check (only files are concerned)", [upload([WEB], DB, { carries: "web" })]],
    ["a flow that says nothing of what it carries", [upload([WEB], DB, { carries: null })]],
    ["files that stop at the internet-side web server", [upload([], WEB)]],
    [
      "a flow that returns to its sender (from = to): the sender never comes after itself",
      [
        flows({
          "round-trip": {
            from: "db",
            via: [{ node: "web-inet", service: "https" }],
            to: { node: "db", service: "postgres" },
            carries: "files",
          },
        }),
      ],
    ],
  ],
);

const reserve = (extra: Doc): Doc => flows({ reserve: extra });

table(
  "ASP-08",
  [
    [
      "the reservation flow is not encrypted: both hops touching the internet side",
      [reserve({ encrypted: false })],
      [
        { subjects: ["reserve", "citizen", "web-inet"], hop: "citizen>web-inet" },
        { subjects: ["reserve", "web-inet", "db"], hop: "web-inet>db" },
      ],
    ],
    [
      "no data listed, but the flow ends at a holder of personal data",
      [reserve({ encrypted: false, data: null })],
      [
        { subjects: ["reserve", "citizen", "web-inet"], hop: "citizen>web-inet" },
        { subjects: ["reserve", "web-inet", "db"], hop: "web-inet>db" },
      ],
    ],
    [
      "a hop may override the flow: HTTPS to the web server, plain postgres to the DB",
      [reserve({ encrypted: false, via: [{ node: "web-inet", service: "https", encrypted: true }] })],
      [{ subjects: ["reserve", "web-inet", "db"], hop: "web-inet>db" }],
    ],
    [
      "sensitive data to a server that holds nothing",
      [flows({ consult: { from: "citizen", to: { node: "web-inet", service: "https" }, data: ["health"] } })],
      [{ subjects: ["consult", "citizen", "web-inet"], hop: "citizen>web-inet" }],
    ],
    [
      "an internet-side receiver is enough",
      [flows({ notify: { from: "db", to: "web-inet", data: ["applicants"] } })],
      [{ subjects: ["notify", "db", "web-inet"], hop: "db>web-inet" }],
    ],
  ],
  [
    ["the base design", []],
    ["an unencrypted flow between the LGWAN side and the DB segment", [flows({ admin: { encrypted: false } })]],
    [
      "internal data to a server that holds nothing",
      [flows({ leaflet: { from: "citizen", to: { node: "web-inet", service: "https" }, data: ["leaflets"] } })],
    ],
    [
      "no data, and a server that holds nothing",
      [flows({ browse: { from: "citizen", to: { node: "web-inet", service: "https" }, carries: "web" } })],
    ],
  ],
);

table(
  "ASP-09",
  [
    [
      "the DB segment is in a data centre abroad (zone-level location)",
      [zones({ "asp-db": { location: "SG" } })],
      [{ subjects: ["db"], variant: "foreign", value: "SG" }],
    ],
    [
      "no location anywhere",
      [zones({ "asp-db": { location: null } })],
      [{ subjects: ["db"], variant: "undeclared" }], // no value: nothing found to show
    ],
    [
      "the node's own location overrides its zone's",
      [nodes({ db: { location: "US" } })],
      [{ subjects: ["db"], variant: "foreign", value: "US" }],
    ],
    [
      "a multi-homed holder in zones that disagree has no location",
      [zones({ "asp-backup": { kind: "db", location: "SG" } }), nodes({ db: { zone: null, zones: ["asp-db", "asp-backup"] } })],
      [{ subjects: ["db"], variant: "undeclared" }],
    ],
    [
      "a holder in the internet-side segment with no location",
      [zones({ "asp-dmz": { location: null } }), nodes({ "web-inet": { holds: ["applicants"] } })],
      [{ subjects: ["web-inet"], variant: "undeclared" }],
    ],
    [
      "a holder in a dmz zone abroad",
      [zones({ cdn: { kind: "dmz", location: "US" } }), nodes({ cache: { kind: "server", zone: "cdn", holds: ["health"] } })],
      [{ subjects: ["cache"], variant: "foreign", value: "US" }],
    ],
  ],
  [
    ["the base design", []],
    ["the location on the node itself", [zones({ "asp-db": { location: null } }), nodes({ db: { location: "JP" } })]],
    [
      "a holder in an lgwan-connected zone (not one of the four kinds) without a location",
      [nodes({ "staff-pc": { holds: ["applicants"] } })],
    ],
    ["only internal data abroad", [zones({ "asp-db": { location: "SG" } }), nodes({ db: { holds: ["leaflets"] } })]],
    ["a host that holds nothing abroad", [zones({ "asp-db": { location: "SG" } }), nodes({ db: { holds: null } })]],
  ],
);

table(
  "ASP-10",
  [
    [
      "a line-termination router joins LGWAN and the LGWAN-side segment past the firewall",
      [nodes({ rt: { kind: "router", zones: ["lgwan", "asp-lgwan"] } })],
      [
        { subjects: ["asp-lgwan/*", "lgwan/*"], variant: "firewall", devices: ["rt"] },
        { subjects: ["web-lgwan", "lgwan/*"], variant: "firewall", devices: ["rt"], service: "tcp/443" },
      ],
    ],
    [
      "a switch from the city office into the DB segment",
      [nodes({ sw: { kind: "switch", zones: ["city", "asp-db"] } })],
      [
        { subjects: ["asp-db/*", "city/*", "staff-pc"], variant: "firewall", devices: ["sw"] },
        { subjects: ["av", "city/*", "staff-pc"], variant: "firewall" },
        { subjects: ["db", "city/*", "staff-pc"], variant: "firewall", service: "tcp/5432" },
      ],
    ],
    [
      "a server with forwards: true on LGWAN and the LGWAN-side segment (itself reached directly)",
      [nodes({ gw: { kind: "server", zones: ["lgwan", "asp-lgwan"], forwards: true } })],
      [
        { subjects: ["asp-lgwan/*", "lgwan/*"], devices: ["gw"], variant: "firewall" },
        { subjects: ["gw", "lgwan/*"], devices: [], variant: "firewall" },
        { subjects: ["web-lgwan", "lgwan/*"], devices: ["gw"], variant: "firewall" },
      ],
    ],
    [
      "a plain server with a leg on LGWAN is reached with no firewall",
      [nodes({ gw: { kind: "server", zones: ["lgwan", "asp-lgwan"] } })],
      [{ subjects: ["gw", "lgwan/*"], devices: [], variant: "firewall" }],
    ],
  ],
  [
    ["the base design", []],
    [
      "a router between the LGWAN-side segment and the DB segment (its sources are in asp-lgwan)",
      [nodes({ rt: { kind: "router", zones: ["asp-lgwan", "asp-db"] } })],
    ],
    [
      "a sanitizer with a leg on LGWAN is a mediator: neither source nor target",
      [nodes({ sani: { kind: "sanitizer", zones: ["lgwan", "asp-lgwan"] } })],
    ],
  ],
);
