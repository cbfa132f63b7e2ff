// The three-tier pack (TT-01 … TT-18), table-driven: designs that must and must not trigger each rule, with subjects, direction, variant and evidence.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import type { Finding } from "../../src/rules/types.js";

/* ------------------------------------------------------------------------------------------------
 * A design is built from a correct α design (BASE) by overriding, adding or removing entries of its
 * maps; an entry is one line of flow-style YAML. `null` removes an entry.
 * ---------------------------------------------------------------------------------------------- */

type Entries = Record<string, string | null>;

interface Spec {
  model?: string | null;
  zones?: Entries;
  nodes?: Entries;
  flows?: Entries;
  data?: Entries;
}

const BASE_ZONES: Entries = {
  internet: "{ kind: internet, title: インターネット }",
  sc: "{ kind: security-cloud, title: 自治体情報セキュリティクラウド }",
  inet: "{ kind: internet-connected, title: インターネット接続系 }",
  office: "{ kind: lgwan-connected, title: LGWAN接続系 (庁内) }",
  lgwan: "{ kind: lgwan, title: LGWAN }",
  my: "{ kind: mynumber, title: マイナンバー利用事務系 }",
};

/** `{ id: …, allow: { from: …, to: …, service: … } }` */
const allow = (id: string, from: string, to: string, service = "any") =>
  `{ id: ${id}, allow: { from: ${from}, to: ${to}, service: ${service} } }`;
const deny = (id: string, from: string, to: string, service = "any") =>
  `{ id: ${id}, deny: { from: ${from}, to: ${to}, service: ${service} } }`;
/** A firewall attached to `zones` (comma-separated) with the given rules. */
const fw = (zones: string, ...rules: string[]) => `{ kind: firewall, zones: [${zones}], rules: [${rules.join(", ")}] }`;

const BASE_NODES: Entries = {
  "fw-sc": fw(
    "internet, sc",
    allow("out", "sc-proxy", "internet", "[http, https]"),
    allow("mail", "internet", "sc-mail", "smtp"),
  ),
  "sc-proxy": "{ kind: proxy, zone: sc, services: [tcp/8080], title: プロキシ }",
  "sc-mail": "{ kind: mail-server, zone: sc, services: [smtp], title: メールゲートウェイ }",
  "fw-inet": fw("sc, inet", allow("proxy", "vbrowser", "sc-proxy", "tcp/8080"), allow("mail", "sc-mail", "relay", "smtp")),
  vbrowser: "{ kind: screen-transfer, zone: inet, services: [rdp], controls: { redirection: [] }, title: 仮想ブラウザ }",
  relay: "{ kind: mail-relay, zone: inet, services: [smtp], controls: { sanitize: text }, title: メール無害化リレー }",
  sanitizer: "{ kind: sanitizer, zones: [inet, office], services: [https], title: ファイル無害化サーバ }",
  "fw-core": fw("inet, office", allow("screen", "staff-pc", "vbrowser", "rdp"), allow("mail", "relay", "mail-server", "smtp")),
  "staff-pc": "{ kind: client, zone: office, title: 業務端末 }",
  "mail-server": "{ kind: mail-server, zone: office, services: [smtp], title: 庁内メールサーバ }",
  fs: "{ kind: file-server, zone: office, services: [smb], holds: [documents], title: ファイルサーバ }",
  "fw-lgwan": fw("office, lgwan", allow("lgwan", "office", "lgwan", "https")),
  "fw-my": fw("office, my"),
  "my-pc": "{ kind: client, zone: my, controls: { auth: [password, ic-card], removable-media: blocked }, title: 住民記録端末 }",
  "my-app": "{ kind: app-server, zone: my, services: [https], holds: [residents], title: 住民記録システム }",
};

const BASE_FLOWS: Entries = {
  browse:
    "{ from: staff-pc, via: [{ node: vbrowser, service: rdp }, { node: sc-proxy, service: tcp/8080 }], to: { node: internet/*, service: https }, carries: web }",
  "mail-in":
    "{ from: internet/*, via: [{ node: sc-mail, service: smtp }, { node: relay, service: smtp }], to: { node: mail-server, service: smtp }, carries: mail }",
  "file-in": "{ from: vbrowser, via: [{ node: sanitizer, service: https }], to: { node: fs, service: smb }, carries: files }",
  "my-work": "{ from: my-pc, to: { node: my-app, service: https }, carries: data }",
};

const BASE_DATA: Entries = {
  documents: "{ classification: internal, title: 業務文書 }",
  residents: "{ classification: mynumber, title: 住民記録 (特定個人情報) }",
  applicants: "{ classification: personal, title: 申請者の氏名・住所 }",
};

function section(name: string, base: Entries, extra: Entries = {}): string {
  const lines = Object.entries({ ...base, ...extra })
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `  ${k}: ${v}`);
  return lines.length > 0 ? `${name}:\n${lines.join("\n")}\n` : "";
}

function design(spec: Spec = {}): string {
  const model = spec.model === undefined ? "alpha" : spec.model;
  return [
    "bunri: 1\nname: tt-case\ntitle: 三層の対策 テスト用の設計\n",
    model === null ? "" : `model: ${model}\n`,
    "policies: [three-tier]\n",
    section("zones", BASE_ZONES, spec.zones),
    section("nodes", BASE_NODES, spec.nodes),
    section("data", BASE_DATA, spec.data),
    section("flows", BASE_FLOWS, spec.flows),
  ].join("");
}

/* ------------------------------------------------------------------------------------------------
 * Running a design and describing its findings
 * ---------------------------------------------------------------------------------------------- */

function run(text: string): Finding[] {
  const { result } = checkText(text, "t.yaml", { lang: "en", today: "2026-11-23", policies: ["three-tier"] });
  expect(result.errors).toEqual([]);
  return result.findings;
}

/**
 * The key evidence of a finding in one line: the witness chain's hosts and devices (a firewall by
 * the rule that let the traffic through), the contagion steps, the flow's offending node and what
 * it comes after, or a node rule's value and zones.
 */
function evidenceOf(f: Finding): string {
  const e = f.evidence;
  if (e.contagion) return `${e.contagion.distance}: ${e.contagion.steps.map((s) => `${s.mode} ${s.from}>${s.to}`).join(", ")}`;
  if (e.chain)
    return e.chain.path
      .filter((p) => p.type !== "zone")
      .map((p) => (p.type === "device" && p.rule ? p.rule : p.id))
      .join(" ");
  if (e.flow) return `${e.flow.id}: ${e.flow.after} > ${e.flow.node}`;
  if (e.value !== undefined) return `${e.value} @ ${(e.zones ?? []).join(", ")}`;
  return `zones ${(e.zones ?? []).join(", ")}`;
}

interface Expected {
  subjects: string[];
  direction?: string;
  variant?: string;
  evidence: string;
}

function describeFinding(f: Finding): Expected {
  const out: Expected = { subjects: f.subjects, evidence: evidenceOf(f) };
  if (f.direction !== undefined) out.direction = f.direction;
  if (f.variant !== undefined) out.variant = f.variant;
  return out;
}

const sortKey = (e: Expected) => `${e.subjects.join(" ")} ${e.direction ?? ""} ${e.variant ?? ""}`;
const order = (a: Expected, b: Expected) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0);

function findingsOf(text: string, rule: string): Expected[] {
  return run(text)
    .filter((f) => f.rule === rule)
    .map(describeFinding)
    .sort(order);
}

type Case = [what: string, text: string, expected: Expected[]];

function table(rule: string, cases: Case[]): void {
  describe(rule, () => {
    it.each(cases)("%s", (_what, text, expected) => {
      expect(findingsOf(text, rule)).toEqual([...expected].sort(order));
    });
  });
}

/* Frequently used pieces */

/** α′ cloud service on the internet, reached directly from the LGWAN-connected tier. */
const M365 = "{ kind: web-server, zone: internet, services: [https], title: 認定クラウドサービス }";
const CLOUD_EXCEPTION = "α′ 認定クラウドサービス (ISMAP) 令和7年4月 承認";
const CLOUD_EXC = `, exception: ${CLOUD_EXCEPTION}`;
/** a PC on the internet-connected tier that browses through the security cloud's proxy */
const INET_PC = "{ kind: client, zone: inet, title: インターネット接続系端末 }";
const FW_INET_WITH_PC = fw(
  "sc, inet",
  allow("proxy", "[vbrowser, inet-pc]", "sc-proxy", "tcp/8080"),
  allow("mail", "sc-mail", "relay", "smtp"),
);
/** staff PCs use the security cloud's proxy directly ("temporarily") */
const STAFF_PROXY: Entries = {
  "fw-inet": fw(
    "sc, inet",
    allow("proxy", "[vbrowser, staff-pc]", "sc-proxy", "tcp/8080"),
    allow("mail", "sc-mail", "relay", "smtp"),
  ),
  "fw-core": fw(
    "inet, office",
    allow("screen", "staff-pc", "vbrowser", "rdp"),
    allow("mail", "relay", "mail-server", "smtp"),
    allow("proxy", "staff-pc", "sc-proxy", "tcp/8080"),
  ),
};

it("the base design is a correct α design: no finding of the three-tier pack", () => {
  expect(run(design()).map((f) => `${f.rule} ${f.subjects[0]}`)).toEqual([]);
});

/* ------------------------------------------------------------------------------------------------
 * TT-01: no reachability between the My Number side and the internet side, both ways
 * ---------------------------------------------------------------------------------------------- */

table("TT-01", [
  [
    "a rule for updates lets the My Number tier reach the security cloud's proxy (forward)",
    design({ nodes: { "fw-my": fw("office, my, sc", allow("update", "my", "sc-proxy", "tcp/8080")) } }),
    [{ subjects: ["sc-proxy", "my-app", "my-pc", "my/*"], direction: "forward", evidence: "my-app fw-my#update sc-proxy" }],
  ],
  [
    "the internet-connected tier opens the My Number application server (reverse)",
    design({ nodes: { "fw-x": fw("inet, my", allow("in", "inet", "my-app", "https")) } }),
    [{ subjects: ["my-app", "inet/*"], direction: "reverse", evidence: "inet/* fw-x#in my-app" }],
  ],
  [
    "a My Number PC fetching from the internet directly (distance one) is TT-01's",
    design({ nodes: { "fw-x": fw("my, internet", allow("web", "my-pc", "internet", "https")) } }),
    [{ subjects: ["internet/*", "my-pc"], direction: "forward", evidence: "my-pc fw-x#web internet/*" }],
  ],
  [
    "gov-cloud is on the My Number side",
    design({
      zones: { gc: "{ kind: gov-cloud, title: ガバメントクラウド }" },
      nodes: {
        "gc-app": "{ kind: app-server, zone: gc, services: [https], title: 標準準拠システム }",
        "fw-gc": fw("gc, sc", allow("update", "gc-app", "sc-proxy", "tcp/8080")),
      },
    }),
    [{ subjects: ["sc-proxy", "gc-app"], direction: "forward", evidence: "gc-app fw-gc#update sc-proxy" }],
  ],
  [
    "a DMZ is on the internet side",
    design({
      zones: { dmz: "{ kind: dmz, title: 公開セグメント }" },
      nodes: {
        "web-pub": "{ kind: web-server, zone: dmz, services: [https], title: 公開Webサーバ }",
        "fw-dmz": fw("dmz, my", allow("publish", "my-app", "web-pub", "https")),
      },
    }),
    [{ subjects: ["web-pub", "my-app"], direction: "forward", evidence: "my-app fw-dmz#publish web-pub" }],
  ],
  [
    "a screen-transfer server with clipboard redirection straddling the two is no mediator: both ways",
    design({
      nodes: {
        vdi: "{ kind: screen-transfer, zones: [inet, my], services: [rdp], controls: { redirection: [clipboard] } }",
      },
    }),
    [
      { subjects: ["inet/*", "vdi"], direction: "forward", evidence: "vdi inet/*" },
      { subjects: ["vdi", "my-app", "my-pc", "my/*"], direction: "forward", evidence: "my-app vdi" },
      { subjects: ["my-app", "vdi"], direction: "reverse", evidence: "vdi my-app" },
      { subjects: ["my-pc", "vdi"], direction: "reverse", evidence: "vdi my-pc" },
      { subjects: ["my/*", "vdi"], direction: "reverse", evidence: "vdi my/*" },
      { subjects: ["vdi", "inet/*"], direction: "reverse", evidence: "inet/* vdi" },
    ],
  ],
  ["the correct design", design(), []],
  [
    "an earlier deny rule wins over the allow",
    design({
      nodes: { "fw-my": fw("office, my, sc", deny("closed", "my", "any"), allow("update", "my", "sc-proxy", "tcp/8080")) },
    }),
    [],
  ],
  [
    "a rule for a service the proxy does not accept is no reachability",
    design({ nodes: { "fw-my": fw("office, my, sc", allow("update", "my", "sc-proxy", "https")) } }),
    [],
  ],
  [
    "a screen-transfer server without redirection straddling the two is a mediator",
    design({ nodes: { vdi: "{ kind: screen-transfer, zones: [inet, my], services: [rdp], controls: { redirection: [] } }" } }),
    [],
  ],
  [
    "a sanitizer straddling the two is a mediator",
    design({ nodes: { "my-sanitizer": "{ kind: sanitizer, zones: [inet, my], services: [https] }" } }),
    [],
  ],
  [
    "a sanitising mail relay straddling the two is a mediator",
    design({ nodes: { "my-relay": "{ kind: mail-relay, zones: [inet, my], services: [smtp], controls: { sanitize: strip } }" } }),
    [],
  ],
  [
    "an exception flow does not excuse TT-01, even under α′",
    design({
      model: "alpha-prime",
      nodes: { "fw-my": fw("office, my, sc", allow("update", "my-app", "sc-proxy", "tcp/8080")) },
      flows: { update: `{ from: my-app, to: { node: sc-proxy, service: tcp/8080 }${CLOUD_EXC} }` },
    }),
    [{ subjects: ["sc-proxy", "my-app"], direction: "forward", evidence: "my-app fw-my#update sc-proxy" }],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-02: no contagion path of two or more steps into the My Number side
 * ---------------------------------------------------------------------------------------------- */

/** an internet-connected PC and the My Number PC share a file server in a DB segment */
const SHARED_FS = (kind: string, myService = "smb"): Spec => ({
  zones: { common: "{ kind: db, title: 共通サーバ群 }" },
  nodes: {
    "inet-pc": INET_PC,
    "fw-inet": FW_INET_WITH_PC,
    shared: `{ kind: ${kind}, zone: common, title: 共有サーバ }`,
    "fw-common": fw("inet, my, common", allow("inet", "inet-pc", "shared", "smb"), allow("my", "my-pc", "shared", myService)),
  },
});

table("TT-02", [
  [
    "an internet-connected PC and a My Number PC share a file server: distance four and five",
    design(SHARED_FS("file-server")),
    [
      {
        subjects: ["my-pc", "internet/*"],
        evidence: "4: fetch internet/*>sc-proxy, fetch sc-proxy>inet-pc, reach inet-pc>shared, fetch shared>my-pc",
      },
      {
        subjects: ["my-app", "internet/*"],
        evidence:
          "5: fetch internet/*>sc-proxy, fetch sc-proxy>inet-pc, reach inet-pc>shared, fetch shared>my-pc, reach my-pc>my-app",
      },
      {
        subjects: ["my/*", "internet/*"],
        evidence:
          "5: fetch internet/*>sc-proxy, fetch sc-proxy>inet-pc, reach inet-pc>shared, fetch shared>my-pc, reach my-pc>my/*",
      },
    ],
  ],
  [
    "distance one is TT-01's: the PC that fetches from the internet is not reported, its zone-mates are (distance two)",
    design({ nodes: { "fw-x": fw("my, internet", allow("web", "my-pc", "internet", "https")) } }),
    [
      { subjects: ["my-app", "internet/*"], evidence: "2: fetch internet/*>my-pc, reach my-pc>my-app" },
      { subjects: ["my/*", "internet/*"], evidence: "2: fetch internet/*>my-pc, reach my-pc>my/*" },
    ],
  ],
  ["a sanitizer in place of the shared file server stops the contagion", design(SHARED_FS("sanitizer")), []],
  [
    "ICMP carries no content: a My Number PC that only pings the shared server is not infected",
    design(SHARED_FS("file-server", "icmp")),
    [],
  ],
  ["the correct design", design(), []],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-03: LGWAN side ↔ My Number side only for the hop of a flow with an exception
 * ---------------------------------------------------------------------------------------------- */

const MY_TO_FS = fw("office, my", allow("share", "my-pc", "fs", "smb"));
const SHARE_FLOW = (extra: string) => `{ from: my-pc, to: { node: fs, service: smb }, carries: files${extra} }`;
const EXCEPTION = `, exception: 統計帳票の出力 (個人番号を含まない、審議会 承認済み)`;

table("TT-03", [
  [
    "My Number PCs write to the office file server with no flow (reverse)",
    design({ nodes: { "fw-my": MY_TO_FS } }),
    [{ subjects: ["fs", "my-pc"], direction: "reverse", evidence: "my-pc fw-my#share fs" }],
  ],
  [
    "a staff PC opens the My Number application (forward)",
    design({ nodes: { "fw-my": fw("office, my", allow("open", "staff-pc", "my-app", "https")) } }),
    [{ subjects: ["my-app", "staff-pc"], direction: "forward", evidence: "staff-pc fw-my#open my-app" }],
  ],
  [
    "a declared flow without an exception does not justify the hop",
    design({ nodes: { "fw-my": MY_TO_FS }, flows: { share: SHARE_FLOW("") } }),
    [{ subjects: ["fs", "my-pc"], direction: "reverse", evidence: "my-pc fw-my#share fs" }],
  ],
  [
    "the exception covers that sender only: the rest of the My Number segment is still reported",
    design({ nodes: { "fw-my": fw("office, my", allow("share", "my", "fs", "smb")) }, flows: { share: SHARE_FLOW(EXCEPTION) } }),
    [{ subjects: ["fs", "my-app", "my/*"], direction: "reverse", evidence: "my-app fw-my#share fs" }],
  ],
  [
    "an exception flow in the other direction (fs → my-pc) does not cover my-pc → fs",
    design({
      nodes: { "fw-my": MY_TO_FS },
      flows: { share: `{ from: fs, to: { node: my-pc, service: smb }, carries: files${EXCEPTION} }` },
    }),
    [{ subjects: ["fs", "my-pc"], direction: "reverse", evidence: "my-pc fw-my#share fs" }],
  ],
  [
    "the ends of a flow are not a hop: my-pc → mail-server is not covered by my-pc → fs → mail-server",
    design({
      nodes: { "fw-my": fw("office, my", allow("share", "my-pc", "[fs, mail-server]", "[smb, smtp]")) },
      flows: {
        share: `{ from: my-pc, via: [{ node: fs, service: smb }], to: { node: mail-server, service: smtp }, carries: files${EXCEPTION} }`,
      },
    }),
    [{ subjects: ["mail-server", "my-pc"], direction: "reverse", evidence: "my-pc fw-my#share mail-server" }],
  ],
  [
    "the LGWAN zone itself is on the LGWAN side",
    design({ nodes: { "fw-my": fw("office, my, lgwan", allow("lgwan", "my-app", "lgwan", "https")) } }),
    [{ subjects: ["lgwan/*", "my-app"], direction: "reverse", evidence: "my-app fw-my#lgwan lgwan/*" }],
  ],
  [
    "the exact hop of a flow with an exception is accepted (under α: TT-03 needs no α′)",
    design({ nodes: { "fw-my": MY_TO_FS }, flows: { share: SHARE_FLOW(EXCEPTION) } }),
    [],
  ],
  ["the correct design", design(), []],
  [
    "a sanitizer straddling the LGWAN-connected and My Number tiers is a mediator",
    design({ nodes: { "my-sanitizer": "{ kind: sanitizer, zones: [office, my], services: [https] }" } }),
    [],
  ],
  [
    "a screen-transfer server without redirection straddling the two is a mediator",
    design({ nodes: { vdi: "{ kind: screen-transfer, zones: [office, my], services: [rdp] }" } }),
    [],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-04 … TT-06: My Number-side clients and access points
 * ---------------------------------------------------------------------------------------------- */

const myPc = (controls: string) => ({ nodes: { "my-pc": `{ kind: client, zone: my, controls: { ${controls} } }` } });
const GC: Entries = { gc: "{ kind: gov-cloud, title: ガバメントクラウド }" };

table("TT-04", [
  [
    "password and PIN are one category (knowledge)",
    design(myPc("auth: [password, pin], removable-media: blocked")),
    [{ subjects: ["my-pc"], evidence: "password, pin @ my" }],
  ],
  [
    "a password alone",
    design(myPc("auth: [password], removable-media: blocked")),
    [{ subjects: ["my-pc"], evidence: "password @ my" }],
  ],
  ["no auth declared", design(myPc("removable-media: blocked")), [{ subjects: ["my-pc"], evidence: "[] @ my" }]],
  [
    "OTP and a certificate are one category (possession)",
    design(myPc("auth: [otp, certificate], removable-media: blocked")),
    [{ subjects: ["my-pc"], evidence: "otp, certificate @ my" }],
  ],
  [
    "a client in gov-cloud is on the My Number side",
    design({
      zones: GC,
      nodes: { "gc-pc": "{ kind: client, zone: gc, controls: { auth: [password], removable-media: blocked } }" },
    }),
    [{ subjects: ["gc-pc"], evidence: "password @ gc" }],
  ],
  ["password and biometrics", design(myPc("auth: [password, biometric], removable-media: blocked")), []],
  ["PIN and IC card", design(myPc("auth: [pin, ic-card], removable-media: blocked")), []],
  [
    "a staff PC on the LGWAN-connected tier with a password only",
    design({ nodes: { "staff-pc": "{ kind: client, zone: office, controls: { auth: [password] } }" } }),
    [],
  ],
  ["a My Number server (not a client) without auth", design({ nodes: { "my-db": "{ kind: db-server, zone: my }" } }), []],
]);

table("TT-05", [
  [
    "USB memory allowed on the My Number PC",
    design(myPc("auth: [password, ic-card], removable-media: allowed")),
    [{ subjects: ["my-pc"], evidence: "allowed @ my" }],
  ],
  [
    "approval without an approver",
    design(myPc("auth: [password, ic-card], removable-media: approval")),
    [{ subjects: ["my-pc"], variant: "no-approver", evidence: "approval @ my" }],
  ],
  // nothing declared: nothing found to show (no "found: -"), the zone only
  ["removable media not declared", design(myPc("auth: [password, ic-card]")), [{ subjects: ["my-pc"], evidence: "zones my" }]],
  ["approval with an approver", design(myPc("auth: [password, ic-card], removable-media: approval, approver: 市民課長")), []],
  ["blocked", design(myPc("auth: [password, ic-card], removable-media: blocked")), []],
  [
    "USB allowed on the LGWAN-connected staff PC",
    design({ nodes: { "staff-pc": "{ kind: client, zone: office, controls: { removable-media: allowed } }" } }),
    [],
  ],
]);

table("TT-06", [
  [
    "an access point in the My Number segment",
    design({ nodes: { "ap-my": "{ kind: wireless-ap, zones: [my], controls: { wlan-auth: 802.1x } }" } }),
    [{ subjects: ["ap-my"], evidence: "wireless-ap @ my" }],
  ],
  [
    "an access point bridging the LGWAN-connected and My Number segments",
    design({ nodes: { "ap-both": "{ kind: wireless-ap, zones: [office, my], controls: { wlan-auth: 802.1x } }" } }),
    [{ subjects: ["ap-both"], evidence: "wireless-ap @ office, my" }],
  ],
  [
    "an access point in gov-cloud",
    design({ zones: GC, nodes: { "ap-gc": "{ kind: wireless-ap, zones: [gc], controls: { wlan-auth: 802.1x } }" } }),
    [{ subjects: ["ap-gc"], evidence: "wireless-ap @ gc" }],
  ],
  [
    "an 802.1X access point on the LGWAN-connected tier",
    design({ nodes: { "ap-office": "{ kind: wireless-ap, zones: [office], controls: { wlan-auth: 802.1x } }" } }),
    [],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-07: no reachability between the LGWAN-connected tier and the internet side, both ways
 * ---------------------------------------------------------------------------------------------- */

const CORE_WITH = (...extra: string[]) =>
  fw("inet, office", allow("screen", "staff-pc", "vbrowser", "rdp"), allow("mail", "relay", "mail-server", "smtp"), ...extra);
/** α′: a firewall from the LGWAN-connected tier straight to a cloud service on the internet */
const CLOUD = (model: string, rule: string, flow: string | null, ...more: string[]): string =>
  design({
    model,
    nodes: { m365: M365, "fw-cloud": fw("office, internet", rule, ...more) },
    flows: { cloud: flow },
  });
const CLOUD_FLOW = (extra: string) => `{ from: staff-pc, to: { node: m365, service: https }, carries: data${extra} }`;

table("TT-07", [
  [
    "a 'temporary' rule lets a staff PC into the internet-connected segment (forward)",
    design({ nodes: { "fw-core": CORE_WITH(allow("direct", "staff-pc", "inet")) } }),
    [{ subjects: ["inet/*", "staff-pc"], direction: "forward", evidence: "staff-pc fw-core#direct inet/*" }],
  ],
  [
    "the internet-connected segment writes to the office file server (reverse)",
    design({ nodes: { "fw-core": CORE_WITH(allow("upload", "inet", "fs", "smb")) } }),
    [{ subjects: ["fs", "inet/*"], direction: "reverse", evidence: "inet/* fw-core#upload fs" }],
  ],
  [
    "a screen-transfer server with file redirection is no mediator",
    design({ nodes: { vbrowser: "{ kind: screen-transfer, zone: inet, services: [rdp], controls: { redirection: [file] } }" } }),
    [{ subjects: ["vbrowser", "staff-pc"], direction: "forward", evidence: "staff-pc fw-core#screen vbrowser" }],
  ],
  [
    "a mail relay without sanitize straddling the two tiers is no mediator: both ways",
    design({ nodes: { "relay-2": "{ kind: mail-relay, zones: [inet, office], services: [smtp] }" } }),
    [
      { subjects: ["inet/*", "relay-2"], direction: "forward", evidence: "relay-2 inet/*" },
      { subjects: ["relay-2", "fs", "mail-server", "office/*", "staff-pc"], direction: "forward", evidence: "fs relay-2" },
      { subjects: ["fs", "relay-2"], direction: "reverse", evidence: "relay-2 fs" },
      { subjects: ["mail-server", "relay-2"], direction: "reverse", evidence: "relay-2 mail-server" },
      { subjects: ["office/*", "relay-2"], direction: "reverse", evidence: "relay-2 office/*" },
      { subjects: ["relay-2", "inet/*"], direction: "reverse", evidence: "inet/* relay-2" },
      { subjects: ["staff-pc", "relay-2"], direction: "reverse", evidence: "relay-2 staff-pc" },
    ],
  ],
  [
    "α: a cloud service is not accepted, even declared with an exception",
    CLOUD("alpha", allow("m365", "staff-pc", "m365", "https"), CLOUD_FLOW(CLOUD_EXC)),
    [{ subjects: ["m365", "staff-pc"], direction: "forward", evidence: "staff-pc fw-cloud#m365 m365" }],
  ],
  [
    "α′: a cloud service without a declared flow",
    CLOUD("alpha-prime", allow("m365", "staff-pc", "m365", "https"), null),
    [{ subjects: ["m365", "staff-pc"], direction: "forward", evidence: "staff-pc fw-cloud#m365 m365" }],
  ],
  [
    "α′: a declared flow without an exception",
    CLOUD("alpha-prime", allow("m365", "staff-pc", "m365", "https"), CLOUD_FLOW("")),
    [{ subjects: ["m365", "staff-pc"], direction: "forward", evidence: "staff-pc fw-cloud#m365 m365" }],
  ],
  [
    "α′: the exception covers that sender only, not the whole segment",
    CLOUD("alpha-prime", allow("m365", "office", "m365", "https"), CLOUD_FLOW(CLOUD_EXC)),
    [{ subjects: ["m365", "fs", "mail-server", "office/*"], direction: "forward", evidence: "fs fw-cloud#m365 m365" }],
  ],
  [
    "α′: the exception covers staff-pc → m365, not the internet opening staff-pc (reverse)",
    CLOUD(
      "alpha-prime",
      allow("m365", "staff-pc", "m365", "https"),
      CLOUD_FLOW(CLOUD_EXC),
      allow("support", "internet", "staff-pc"),
    ),
    [{ subjects: ["staff-pc", "internet/*", "m365"], direction: "reverse", evidence: "internet/* fw-cloud#support staff-pc" }],
  ],
  [
    "α′: the exact hop of a flow with an exception is accepted",
    CLOUD("alpha-prime", allow("m365", "staff-pc", "m365", "https"), CLOUD_FLOW(CLOUD_EXC)),
    [],
  ],
  ["the correct design: staff PCs reach only mediators", design(), []],
  [
    "a host in the LGWAN zone (not lgwan-connected) reached from the internet side is not TT-07's",
    design({ nodes: { "fw-x": fw("inet, lgwan", allow("lgwan", "inet", "lgwan", "https")) } }),
    [],
  ],
  [
    "a sanitising mail relay straddling the two tiers is a mediator",
    design({
      nodes: { "relay-2": "{ kind: mail-relay, zones: [inet, office], services: [smtp], controls: { sanitize: cdr } }" },
    }),
    [],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-08: no contagion path of two or more steps into the LGWAN-connected tier
 * ---------------------------------------------------------------------------------------------- */

const VIA_PROXY = "fetch internet/*>sc-proxy, fetch sc-proxy>staff-pc";

table("TT-08", [
  [
    "staff PCs use the security cloud's proxy directly: distance two, their zone-mates three",
    design({ nodes: STAFF_PROXY }),
    [
      { subjects: ["staff-pc", "internet/*"], evidence: `2: ${VIA_PROXY}` },
      { subjects: ["fs", "internet/*"], evidence: `3: ${VIA_PROXY}, reach staff-pc>fs` },
      { subjects: ["mail-server", "internet/*"], evidence: `3: ${VIA_PROXY}, reach staff-pc>mail-server` },
      { subjects: ["office/*", "internet/*"], evidence: `3: ${VIA_PROXY}, reach staff-pc>office/*` },
    ],
  ],
  [
    "distance one is TT-07's: the PC that fetches from the internet is not reported, its zone-mates are",
    design({ nodes: { "fw-x": fw("office, internet", allow("web", "staff-pc", "internet", "https")) } }),
    [
      { subjects: ["fs", "internet/*"], evidence: "2: fetch internet/*>staff-pc, reach staff-pc>fs" },
      { subjects: ["mail-server", "internet/*"], evidence: "2: fetch internet/*>staff-pc, reach staff-pc>mail-server" },
      { subjects: ["office/*", "internet/*"], evidence: "2: fetch internet/*>staff-pc, reach staff-pc>office/*" },
    ],
  ],
  [
    "a screen-transfer server with file redirection passes the contagion on",
    design({ nodes: { vbrowser: "{ kind: screen-transfer, zone: inet, services: [rdp], controls: { redirection: [file] } }" } }),
    [
      {
        subjects: ["staff-pc", "internet/*"],
        evidence: "3: fetch internet/*>sc-proxy, fetch sc-proxy>vbrowser, fetch vbrowser>staff-pc",
      },
      {
        subjects: ["fs", "internet/*"],
        evidence: "4: fetch internet/*>sc-proxy, fetch sc-proxy>vbrowser, fetch vbrowser>staff-pc, reach staff-pc>fs",
      },
      {
        subjects: ["mail-server", "internet/*"],
        evidence: "4: fetch internet/*>sc-proxy, fetch sc-proxy>vbrowser, fetch vbrowser>staff-pc, reach staff-pc>mail-server",
      },
      {
        subjects: ["office/*", "internet/*"],
        evidence: "4: fetch internet/*>sc-proxy, fetch sc-proxy>vbrowser, fetch vbrowser>staff-pc, reach staff-pc>office/*",
      },
    ],
  ],
  [
    "α: the cloud service's exception does not stop the contagion",
    CLOUD("alpha", allow("m365", "staff-pc", "m365", "https"), CLOUD_FLOW(CLOUD_EXC)),
    [
      { subjects: ["fs", "internet/*", "m365"], evidence: "2: fetch m365>staff-pc, reach staff-pc>fs" },
      { subjects: ["mail-server", "internet/*", "m365"], evidence: "2: fetch m365>staff-pc, reach staff-pc>mail-server" },
      { subjects: ["office/*", "internet/*", "m365"], evidence: "2: fetch m365>staff-pc, reach staff-pc>office/*" },
    ],
  ],
  [
    "α′: the hop of the exception flow makes no step",
    CLOUD("alpha-prime", allow("m365", "staff-pc", "m365", "https"), CLOUD_FLOW(CLOUD_EXC)),
    [],
  ],
  [
    "the whole segment may fetch from the internet: PCs and the implicit host are distance one (TT-07's), servers do not fetch and are two",
    design({ nodes: { "fw-x": fw("office, internet", allow("web", "office", "internet", "https")) } }),
    [
      { subjects: ["fs", "internet/*"], evidence: "2: fetch internet/*>office/*, reach office/*>fs" },
      { subjects: ["mail-server", "internet/*"], evidence: "2: fetch internet/*>office/*, reach office/*>mail-server" },
    ],
  ],
  ["the correct design: the virtual browser, the sanitizer and the mail relay stop the contagion", design(), []],
  [
    "a sanitizer attached to the internet zone itself is no contagion source",
    design({ nodes: { gate: "{ kind: sanitizer, zones: [internet, office], services: [https] }" } }),
    [],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-09: files from the internet side pass a sanitizer
 * ---------------------------------------------------------------------------------------------- */

const files = (path: string) => `{ ${path}, carries: files }`;

table("TT-09", [
  [
    "files from the virtual browser go to the file server without sanitisation",
    design({ flows: { "file-in": files("from: vbrowser, to: fs") } }),
    [{ subjects: ["file-in", "fs", "vbrowser"], evidence: "file-in: vbrowser > fs" }],
  ],
  [
    "a virus scan is no sanitizer",
    design({
      nodes: { av: "{ kind: virus-scan, zone: inet, title: ウイルスチェック }" },
      flows: { "file-in": files("from: vbrowser, via: [av], to: fs") },
    }),
    [{ subjects: ["file-in", "fs", "vbrowser"], evidence: "file-in: vbrowser > fs" }],
  ],
  [
    "a sanitising mail relay is no sanitizer for files (it counts by its zone)",
    design({ flows: { "attach-in": files("from: internet/*, via: [sc-mail, relay], to: fs") } }),
    [{ subjects: ["attach-in", "fs", "internet/*"], evidence: "attach-in: internet/* > fs" }],
  ],
  [
    "a screen-transfer server straddling the tiers counts by its zones: it is itself an LGWAN-side host",
    design({
      nodes: { vdi: "{ kind: screen-transfer, zones: [inet, office], services: [rdp] }" },
      flows: { "file-in": files("from: internet/*, via: [sc-proxy, vdi], to: fs") },
    }),
    [
      { subjects: ["file-in", "vdi", "internet/*"], evidence: "file-in: internet/* > vdi" },
      { subjects: ["file-in", "fs", "internet/*"], evidence: "file-in: internet/* > fs" },
    ],
  ],
  [
    "a sanitizer before a later internet-side node does not cover what comes after that node",
    design({ flows: { "file-in": files("from: internet/*, via: [sanitizer, vbrowser], to: fs") } }),
    [{ subjects: ["file-in", "fs", "vbrowser"], evidence: "file-in: vbrowser > fs" }],
  ],
  [
    "files into the My Number tier",
    design({ flows: { "file-my": files("from: vbrowser, to: my-app") } }),
    [{ subjects: ["file-my", "my-app", "vbrowser"], evidence: "file-my: vbrowser > my-app" }],
  ],
  [
    "files to another municipality on LGWAN",
    design({ flows: { "file-lgwan": files("from: vbrowser, to: lgwan/*") } }),
    [{ subjects: ["file-lgwan", "lgwan/*", "vbrowser"], evidence: "file-lgwan: vbrowser > lgwan/*" }],
  ],
  ["the correct design: through the sanitizer", design(), []],
  [
    "files through the sanitizer into the My Number tier",
    design({ flows: { "file-my": files("from: vbrowser, via: [sanitizer], to: my-app") } }),
    [],
  ],
  ["a flow that does not carry files", design({ flows: { "file-in": "{ from: vbrowser, to: fs, carries: data }" } }), []],
  ["files within the LGWAN-connected tier", design({ flows: { share: files("from: staff-pc, to: fs") } }), []],
  [
    "a flow that returns to its sender: a node never comes after itself (a two-tier host, from = to)",
    design({
      nodes: { dual: "{ kind: file-server, zones: [inet, office], services: [smb], title: 両系にまたがるファイルサーバ }" },
      flows: { "round-trip": files("from: dual, to: dual") },
    }),
    [],
  ],
  [
    "a flow that returns to its sender through an internet-side host: the return comes after that host only",
    design({
      nodes: { dual: "{ kind: file-server, zones: [inet, office], services: [smb], title: 両系にまたがるファイルサーバ }" },
      flows: { "round-trip": files("from: dual, via: [vbrowser], to: dual") },
    }),
    [{ subjects: ["round-trip", "dual", "vbrowser"], evidence: "round-trip: vbrowser > dual" }],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-10: mail from the internet side passes a sanitising mail relay
 * ---------------------------------------------------------------------------------------------- */

table("TT-10", [
  [
    "the mail relay has no sanitize control",
    design({ nodes: { relay: "{ kind: mail-relay, zone: inet, services: [smtp], title: メール中継 }" } }),
    [{ subjects: ["mail-in", "mail-server", "internet/*"], evidence: "mail-in: internet/* > mail-server" }],
  ],
  [
    "a file sanitizer is no mail relay: it counts by its zones (here it is itself an LGWAN-connected host)",
    design({
      flows: {
        "mail-in": "{ from: internet/*, via: [sc-mail, sanitizer], to: mail-server, carries: mail }",
      },
    }),
    [
      { subjects: ["mail-in", "sanitizer", "internet/*"], evidence: "mail-in: internet/* > sanitizer" },
      { subjects: ["mail-in", "mail-server", "internet/*"], evidence: "mail-in: internet/* > mail-server" },
    ],
  ],
  [
    "a relay before a later internet-side mail server does not cover what comes after it",
    design({ flows: { "mail-in": "{ from: internet/*, via: [relay, sc-mail], to: mail-server, carries: mail }" } }),
    [{ subjects: ["mail-in", "mail-server", "sc-mail"], evidence: "mail-in: sc-mail > mail-server" }],
  ],
  ["the correct design: the relay sanitises", design(), []],
  [
    "mail to another municipality on LGWAN (not lgwan-connected) is not TT-10's",
    design({ flows: { "mail-out": "{ from: internet/*, via: [sc-mail], to: lgwan/*, carries: mail }" } }),
    [],
  ],
  [
    "a sanitising relay straddling the tiers is accepted",
    design({
      nodes: { relay: "{ kind: mail-relay, zones: [inet, office], services: [smtp], controls: { sanitize: strip } }" },
    }),
    [],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-11: no host other than a mediator attached to two tiers
 * ---------------------------------------------------------------------------------------------- */

table("TT-11", [
  [
    "a staff PC with a second network card in the internet-connected segment",
    design({ nodes: { "staff-pc": "{ kind: client, zones: [office, inet] }" } }),
    [{ subjects: ["staff-pc"], evidence: "internet-side, lgwan-side @ inet, office" }],
  ],
  [
    "a file server shared by the LGWAN-connected and My Number tiers",
    design({ nodes: { fs: "{ kind: file-server, zones: [office, my], services: [smb] }" } }),
    [{ subjects: ["fs"], evidence: "lgwan-side, mynumber-side @ my, office" }],
  ],
  [
    "a screen-transfer server with clipboard redirection is no mediator",
    design({ nodes: { vdi: "{ kind: screen-transfer, zones: [inet, office], controls: { redirection: [clipboard] } }" } }),
    [{ subjects: ["vdi"], evidence: "internet-side, lgwan-side @ inet, office" }],
  ],
  [
    "a mail relay without sanitize is no mediator",
    design({ nodes: { "relay-2": "{ kind: mail-relay, zones: [inet, office], services: [smtp] }" } }),
    [{ subjects: ["relay-2"], evidence: "internet-side, lgwan-side @ inet, office" }],
  ],
  [
    "a host that forwards is still a host",
    design({ nodes: { gw: "{ kind: server, zones: [inet, office], forwards: true }" } }),
    [{ subjects: ["gw"], evidence: "internet-side, lgwan-side @ inet, office" }],
  ],
  ["the correct design: the sanitizer straddles as a mediator, firewalls are devices", design(), []],
  [
    "a screen-transfer server without redirection",
    design({ nodes: { vdi: "{ kind: screen-transfer, zones: [inet, office] }" } }),
    [],
  ],
  [
    "a sanitising mail relay",
    design({ nodes: { "relay-2": "{ kind: mail-relay, zones: [inet, office], controls: { sanitize: cdr } }" } }),
    [],
  ],
  [
    "two zones of the same tier (LGWAN-connected and LGWAN)",
    design({ nodes: { gw: "{ kind: server, zones: [office, lgwan] }" } }),
    [],
  ],
  [
    "a zone of no tier (DB segment) and the My Number tier",
    design({ zones: { common: "{ kind: db }" }, nodes: { db: "{ kind: db-server, zones: [my, common] }" } }),
    [],
  ],
  ["My Number and gov-cloud are one tier", design({ zones: GC, nodes: { gw: "{ kind: server, zones: [my, gc] }" } }), []],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-12: under α / α′, web browsing from LGWAN-side clients goes through screen transfer
 * ---------------------------------------------------------------------------------------------- */

const DIRECT_BROWSE =
  "{ from: staff-pc, via: [{ node: sc-proxy, service: tcp/8080 }], to: { node: internet/*, service: https }, carries: web";
const browse = (model: string | null, extra = "", nodes: Entries = {}) =>
  design({ model, nodes, flows: { browse: `${DIRECT_BROWSE}${extra} }` } });
const TT12_HIT: Expected[] = [{ subjects: ["browse", "internet/*", "staff-pc"], evidence: "browse: staff-pc > internet/*" }];

table("TT-12", [
  ["α: browsing the internet through the proxy without screen transfer", browse("alpha"), TT12_HIT],
  ["α: an exception is not accepted", browse("alpha", CLOUD_EXC), TT12_HIT],
  ["α′: without an exception", browse("alpha-prime"), TT12_HIT],
  [
    "a sanitizer is no screen transfer",
    design({
      flows: {
        browse: "{ from: staff-pc, via: [sanitizer, sc-proxy], to: internet/*, carries: web }",
      },
    }),
    [{ subjects: ["browse", "internet/*", "staff-pc"], evidence: "browse: staff-pc > internet/*" }],
  ],
  [
    "a client in the LGWAN zone is on the LGWAN side",
    design({
      nodes: { "lgwan-pc": "{ kind: client, zone: lgwan }" },
      flows: { "lgwan-browse": "{ from: lgwan-pc, via: [sc-proxy], to: m365, carries: web }" },
    }).replace("  fw-sc:", `  m365: ${M365}\n  fw-sc:`),
    [{ subjects: ["lgwan-browse", "m365", "lgwan-pc"], evidence: "lgwan-browse: lgwan-pc > m365" }],
  ],
  ["α′: a flow with an exception is accepted", browse("alpha-prime", CLOUD_EXC), []],
  ["β: the rule does not run", browse("beta"), []],
  ["β′: the rule does not run", browse("beta-prime"), []],
  ["no model: the rule does not run", browse(null), []],
  ["the correct design: through the virtual browser", design(), []],
  [
    "a screen-transfer server with redirection is still screen transfer here (TT-13 reports it)",
    design({
      nodes: { vbrowser: "{ kind: screen-transfer, zone: inet, services: [rdp], controls: { redirection: [clipboard] } }" },
    }),
    [],
  ],
  ["browsing LGWAN (not the internet)", design({ flows: { "lgwan-use": "{ from: staff-pc, to: lgwan/*, carries: web }" } }), []],
  [
    "a client on the internet-connected tier browsing directly",
    design({
      nodes: { "inet-pc": INET_PC },
      flows: { "inet-browse": "{ from: inet-pc, via: [sc-proxy], to: internet/*, carries: web }" },
    }),
    [],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-13: screen transfer passes nothing but the screen
 * ---------------------------------------------------------------------------------------------- */

const vbrowserWith = (redirection: string) =>
  design({ nodes: { vbrowser: `{ kind: screen-transfer, zone: inet, services: [rdp]${redirection} }` } });

table("TT-13", [
  [
    "clipboard and file redirection",
    vbrowserWith(", controls: { redirection: [clipboard, file] }"),
    [{ subjects: ["vbrowser"], evidence: "clipboard, file @ inet" }],
  ],
  [
    "printer redirection",
    vbrowserWith(", controls: { redirection: [printer] }"),
    [{ subjects: ["vbrowser"], evidence: "printer @ inet" }],
  ],
  ["redirection empty", vbrowserWith(", controls: { redirection: [] }"), []],
  ["redirection absent", vbrowserWith(""), []],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-14: the internet-connected tier reaches the internet only through the security cloud
 * ---------------------------------------------------------------------------------------------- */

/** A design without a security cloud: the internet-connected tier's firewall faces the internet. */
function noSecurityCloud(extraZones: Entries = {}): string {
  return design({
    zones: { sc: null, ...extraZones },
    nodes: {
      "fw-sc": null,
      "sc-proxy": null,
      "sc-mail": null,
      "fw-inet": fw("internet, inet", allow("web", "vbrowser", "internet", "https"), allow("mail", "internet", "relay", "smtp")),
    },
    flows: {
      browse:
        "{ from: staff-pc, via: [{ node: vbrowser, service: rdp }], to: { node: internet/*, service: https }, carries: web }",
      "mail-in":
        "{ from: internet/*, via: [{ node: relay, service: smtp }], to: { node: mail-server, service: smtp }, carries: mail }",
    },
  });
}

table("TT-14", [
  [
    "the internet-connected segment has its own internet line (a router)",
    design({ nodes: { "rt-direct": "{ kind: router, zones: [inet, internet], title: 独自インターネット回線 }" } }),
    [
      {
        subjects: ["internet/*", "inet/*", "relay", "sanitizer", "vbrowser"],
        variant: "security-cloud",
        evidence: "inet/* rt-direct internet/*",
      },
    ],
  ],
  [
    "a firewall rule lets a PC out to the internet beside the security cloud",
    design({
      nodes: {
        "inet-pc": INET_PC,
        "fw-direct": fw("inet, internet", allow("direct", "inet-pc", "internet", "https")),
      },
    }),
    [{ subjects: ["internet/*", "inet-pc"], variant: "security-cloud", evidence: "inet-pc fw-direct#direct internet/*" }],
  ],
  [
    "no security-cloud zone at all: exactly one finding naming the internet-connected zones",
    noSecurityCloud({ inet2: "{ kind: internet-connected, title: インターネット接続系 (出先機関) }" }),
    [{ subjects: ["inet", "inet2"], variant: "no-security-cloud", evidence: "zones inet, inet2" }],
  ],
  ["the correct design: only the proxy in the security cloud goes out", design(), []],
  [
    "a PC going out through the security cloud",
    design({
      nodes: {
        "inet-pc": INET_PC,
        "fw-inet": fw(
          "sc, inet",
          allow("proxy", "vbrowser", "sc-proxy", "tcp/8080"),
          allow("mail", "sc-mail", "relay", "smtp"),
          allow("web", "inet-pc", "internet", "https"),
        ),
        "fw-sc": fw(
          "internet, sc",
          allow("out", "[sc-proxy, inet-pc]", "internet", "[http, https]"),
          allow("mail", "internet", "sc-mail", "smtp"),
        ),
      },
    }),
    [],
  ],
  [
    "a DMZ host reached beside the security cloud is not an internet host",
    design({
      zones: { dmz: "{ kind: dmz, title: 公開セグメント }" },
      nodes: {
        "web-pub": "{ kind: web-server, zone: dmz, services: [https] }",
        "fw-dmz": fw("inet, dmz", allow("publish", "inet", "web-pub", "https")),
      },
    }),
    [],
  ],
  [
    "no internet-connected zone at all",
    design({
      zones: { inet: null, sc: null },
      nodes: {
        "fw-sc": null,
        "sc-proxy": null,
        "sc-mail": null,
        "fw-inet": null,
        vbrowser: null,
        relay: null,
        sanitizer: null,
        "fw-core": null,
      },
      flows: { browse: null, "mail-in": null, "file-in": null },
    }),
    [],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-15 … TT-17: node rules
 * ---------------------------------------------------------------------------------------------- */

const betaPc = (model: string | null, controls: string, kind = "client", zone = "inet") =>
  design({ model, nodes: { "inet-pc": `{ kind: ${kind}, zone: ${zone}${controls} }` } });

table("TT-15", [
  [
    "β: no EDR",
    betaPc("beta", ", controls: { epp: true, edr: false }"),
    [{ subjects: ["inet-pc"], evidence: "edr: false @ inet" }],
  ],
  ["β′: neither EPP nor EDR", betaPc("beta-prime", ""), [{ subjects: ["inet-pc"], evidence: "epp: -, edr: - @ inet" }]],
  ["β: EPP and EDR", betaPc("beta", ", controls: { epp: true, edr: true }"), []],
  ["α: the rule does not run", betaPc("alpha", ""), []],
  ["α′: the rule does not run", betaPc("alpha-prime", ""), []],
  ["no model: the rule does not run", betaPc(null, ""), []],
  ["β: a server (not a client) on the internet-connected tier", betaPc("beta", "", "web-server"), []],
  ["β: a client on the LGWAN-connected tier", betaPc("beta", "", "client", "office"), []],
]);

const holder = (zone: string, holds = "residents", zones: Entries = {}) =>
  design({ zones, nodes: { keeper: `{ kind: file-server, zones: [${zone}], holds: [${holds}] }` } });

table("TT-16", [
  [
    "a copy of the resident records on the office file server",
    holder("office"),
    [{ subjects: ["keeper"], evidence: "office @ office" }],
  ],
  [
    "a DB segment of no tier",
    holder("common", "residents", { common: "{ kind: db }" }),
    [{ subjects: ["keeper"], evidence: "common @ common" }],
  ],
  [
    "multi-homed on the My Number tier and a DB segment",
    holder("my, common", "residents", { common: "{ kind: db }" }),
    [{ subjects: ["keeper"], evidence: "common @ common, my" }],
  ],
  ["on the My Number tier", holder("my"), []],
  ["in a national zone (中間サーバー)", holder("juki", "residents", { juki: "{ kind: national, title: 中間サーバー }" }), []],
  ["in gov-cloud", holder("gc", "residents", GC), []],
  ["personal data (not My Number data) on the office file server", holder("office", "applicants"), []],
  [
    "multi-homed on the My Number tier and the LGWAN-connected tier (a finding besides TT-11)",
    holder("my, office"),
    [{ subjects: ["keeper"], evidence: "office @ my, office" }],
  ],
  [
    "multi-homed on the My Number tier and the internet-connected tier",
    holder("my, inet"),
    [{ subjects: ["keeper"], evidence: "inet @ inet, my" }],
  ],
  [
    "multi-homed on the My Number tier and a national zone (中間サーバー連携)",
    holder("my, juki", "residents", { juki: "{ kind: national, title: 中間サーバー }" }),
    [],
  ],
  ["multi-homed on the My Number tier and gov-cloud", holder("my, gc", "residents", GC), []],
]);

const ap = (zone: string, auth: string) => design({ nodes: { "ap-1": `{ kind: wireless-ap, zones: [${zone}]${auth} }` } });

table("TT-17", [
  [
    "the office wireless LAN uses a pre-shared key",
    ap("office", ", controls: { wlan-auth: psk }"),
    [{ subjects: ["ap-1"], evidence: "wlan-auth: psk @ office" }],
  ],
  [
    "an open wireless LAN",
    ap("office", ", controls: { wlan-auth: open }"),
    [{ subjects: ["ap-1"], evidence: "wlan-auth: open @ office" }],
  ],
  ["no wlan-auth declared", ap("office", ""), [{ subjects: ["ap-1"], evidence: "wlan-auth: - @ office" }]],
  [
    "an access point in the LGWAN zone",
    ap("lgwan", ", controls: { wlan-auth: psk }"),
    [{ subjects: ["ap-1"], evidence: "wlan-auth: psk @ lgwan" }],
  ],
  ["IEEE 802.1X", ap("office", ", controls: { wlan-auth: 802.1x }"), []],
  ["an access point on the internet-connected tier (not the LGWAN side)", ap("inet", ", controls: { wlan-auth: psk }"), []],
]);

/* ------------------------------------------------------------------------------------------------
 * TT-18: third parties do not reach the LGWAN side or the My Number side
 * ---------------------------------------------------------------------------------------------- */

const vendor = (nodes: Entries) =>
  design({
    zones: {
      vendor: "{ kind: partner, title: 保守事業者 }",
      mgmt: "{ kind: management, title: 運用管理セグメント }",
    },
    nodes: { jump: "{ kind: server, zone: mgmt, services: [ssh], title: 踏み台サーバ }", ...nodes },
  });

table("TT-18", [
  [
    "the vendor's VPN reaches the office file server",
    vendor({ "fw-vendor": fw("vendor, mgmt, office", allow("maint", "vendor", "[jump, fs]", "[ssh, smb]")) }),
    [{ subjects: ["fs", "vendor/*"], evidence: "vendor/* fw-vendor#maint fs" }],
  ],
  [
    "the vendor reaches the My Number application server",
    vendor({ "fw-vendor": fw("vendor, my", allow("maint", "vendor", "my-app", "https")) }),
    [{ subjects: ["my-app", "vendor/*"], evidence: "vendor/* fw-vendor#maint my-app" }],
  ],
  [
    "a listed vendor PC and the rest of the vendor's segment",
    vendor({
      "vendor-pc": "{ kind: client, zone: vendor, title: 保守端末 }",
      "fw-vendor": fw("vendor, office", allow("maint", "vendor", "fs", "smb")),
    }),
    [{ subjects: ["fs", "vendor-pc", "vendor/*"], evidence: "vendor-pc fw-vendor#maint fs" }],
  ],
  [
    "a jump host that forwards lets the vendor through",
    vendor({
      "fw-vendor": fw("vendor, mgmt", allow("maint", "vendor", "any", "ssh")),
      jump: "{ kind: server, zones: [mgmt, office], forwards: true, title: 踏み台サーバ }",
    }),
    [
      // jump is itself on the LGWAN side now; fs and mail-server do not accept ssh
      { subjects: ["jump", "vendor/*"], evidence: "vendor/* fw-vendor#maint jump" },
      { subjects: ["office/*", "vendor/*"], evidence: "vendor/* fw-vendor#maint jump office/*" },
      { subjects: ["staff-pc", "vendor/*"], evidence: "vendor/* fw-vendor#maint jump staff-pc" },
    ],
  ],
  ["the vendor stops at the jump host", vendor({ "fw-vendor": fw("vendor, mgmt", allow("maint", "vendor", "jump", "ssh")) }), []],
  [
    "the vendor reaching the sanitizer (a mediator) is not TT-18's",
    vendor({ "fw-vendor": fw("vendor, office", allow("upload", "vendor", "sanitizer", "https")) }),
    [],
  ],
  [
    "the office reaching the vendor (one way only)",
    vendor({ "fw-vendor": fw("vendor, office", allow("report", "office", "vendor", "https")) }),
    [],
  ],
  [
    "the vendor reaching the internet-connected tier (not the LGWAN or My Number side)",
    vendor({ "fw-vendor": fw("vendor, inet", allow("maint", "vendor", "inet", "ssh")) }),
    [],
  ],
]);

/* ------------------------------------------------------------------------------------------------
 * The example designs of the rule docs: the incorrect one shows the mistake, the correct one is clean
 * ---------------------------------------------------------------------------------------------- */

const EXAMPLES = join(import.meta.dirname, "../../docs/rules/examples");

const EXAMPLE_PRIMARY: Array<[rule: string, primary: string]> = [
  ["TT-01", "sc-proxy"],
  ["TT-02", "my-pc"],
  ["TT-03", "file-server"],
  ["TT-04", "my-pc"],
  ["TT-05", "my-pc"],
  ["TT-06", "ap-my"],
  ["TT-07", "inet/*"],
  ["TT-08", "staff-pc"],
  ["TT-09", "file-in"],
  ["TT-10", "mail-in"],
  ["TT-11", "staff-pc"],
  ["TT-12", "browse"],
  ["TT-13", "vbrowser"],
  ["TT-14", "internet/*"],
  ["TT-15", "inet-pc"],
  ["TT-16", "file-server"],
  ["TT-17", "ap-office"],
  ["TT-18", "file-server"],
];

describe("the example designs of docs/rules/examples", () => {
  it.each(EXAMPLE_PRIMARY)("%s: the incorrect design reports %s, the correct one has no finding", (rule, primary) => {
    const incorrect = run(readFileSync(join(EXAMPLES, rule, "incorrect.yaml"), "utf8"));
    expect(incorrect.filter((f) => f.rule === rule).map((f) => f.subjects[0])).toContain(primary);
    const correct = run(readFileSync(join(EXAMPLES, rule, "correct.yaml"), "utf8"));
    expect(correct.map((f) => `${f.rule} ${f.subjects[0]}`)).toEqual([]);
  });
});
