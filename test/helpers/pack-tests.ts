/**
 * The harness of the lgwan-asp and baseline rule tests: a small LGWAN-ASP design (the shape of
 * docs/rules/examples/ASP-* and NET-*) built as data, deep-merged patches on it, and the tables of
 * designs that must and must not trigger a rule, each finding projected on what the test names.
 */
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { Blocker } from "../../src/analyze/reach.js";
import { checkText } from "../../src/check.js";
import type { Finding } from "../../src/rules/types.js";

export type Value = string | number | boolean | null | Value[] | Doc;
export interface Doc {
  [key: string]: Value;
}

const isDoc = (v: Value | undefined): v is Doc => typeof v === "object" && v !== null && !Array.isArray(v);

/** Deep merge: objects merge, arrays and scalars replace, `null` removes the key. */
export function merge(base: Doc, patch: Doc): Doc {
  const out: Doc = {};
  for (const [k, v] of Object.entries(base)) if (!(k in patch) || patch[k] !== null) out[k] = v;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) continue;
    const b = out[k];
    out[k] = isDoc(v) && isDoc(b) ? merge(b, v) : v;
  }
  return out;
}

type Refs = string | string[];
export const rule = (action: "allow" | "deny", from: Refs, to: Refs, service: Refs, id?: string): Doc => ({
  ...(id === undefined ? {} : { id }),
  [action]: { from, to, service },
});
export const allow = (from: Refs, to: Refs, service: Refs, id?: string) => rule("allow", from, to, service, id);
export const deny = (from: Refs, to: Refs, service: Refs, id?: string) => rule("deny", from, to, service, id);

export const RESERVE = allow("internet", "web-inet", "https", "reserve");
export const ADMIN = allow("city", "web-lgwan", "https", "admin");
export const WEB_DB = allow(["web-inet", "web-lgwan"], "db", "postgres", "web-db");
export const SCAN = allow(["web-inet", "web-lgwan"], "av", "https", "scan");
export const TO_ASP = allow("city", "web-lgwan", "https", "to-asp");

export const BASE: Doc = {
  bunri: 1,
  name: "pack-rules",
  title: "LGWAN-ASP 予約サービス (テスト)",
  zones: {
    internet: { kind: "internet" },
    edge: { kind: "transit", title: "IPS–FW 間" },
    "asp-dmz": { kind: "asp-internet", location: "JP" },
    "asp-lgwan": { kind: "asp-lgwan", location: "JP" },
    "asp-db": { kind: "db", location: "JP" },
    lgwan: { kind: "lgwan" },
    city: { kind: "lgwan-connected" },
  },
  nodes: {
    citizen: { kind: "client", zone: "internet", title: "住民のスマートフォン" },
    ips: { kind: "ips", zones: ["internet", "edge"] },
    "fw-inet": { kind: "firewall", zones: ["edge", "asp-dmz"], rules: [RESERVE] },
    "web-inet": { kind: "web-server", zone: "asp-dmz", services: ["https"] },
    "fw-lgwan": { kind: "firewall", zones: ["lgwan", "asp-lgwan"], rules: [ADMIN] },
    "web-lgwan": { kind: "web-server", zone: "asp-lgwan", services: ["https"] },
    "fw-db": { kind: "firewall", zones: ["asp-dmz", "asp-lgwan", "asp-db"], rules: [WEB_DB, SCAN] },
    db: { kind: "db-server", zone: "asp-db", services: ["postgres"], holds: ["applicants"] },
    av: { kind: "virus-scan", zone: "asp-db", services: ["https"] },
    "fw-city": { kind: "firewall", zones: ["city", "lgwan"], rules: [TO_ASP] },
    "staff-pc": { kind: "client", zone: "city" },
  },
  data: {
    applicants: { classification: "personal", title: "予約者の氏名・連絡先" },
    leaflets: { classification: "internal", title: "案内文書" },
    health: { classification: "sensitive", title: "健康状態" },
  },
  flows: {
    reserve: {
      from: "citizen",
      via: [{ node: "web-inet", service: "https" }],
      to: { node: "db", service: "postgres" },
      carries: "web",
      data: ["applicants"],
      encrypted: true,
    },
    upload: {
      from: "citizen",
      via: [
        { node: "web-inet", service: "https" },
        { node: "av", service: "https" },
      ],
      to: { node: "db", service: "postgres" },
      carries: "files",
      data: ["applicants"],
      encrypted: true,
    },
    admin: {
      from: "staff-pc",
      via: [{ node: "web-lgwan", service: "https" }],
      to: { node: "db", service: "postgres" },
      carries: "web",
      data: ["applicants"],
      encrypted: true,
    },
  },
};

export const nodes = (n: Doc): Doc => ({ nodes: n });
export const zones = (z: Doc): Doc => ({ zones: z });
export const flows = (f: Doc): Doc => ({ flows: f });
export const fwInet = (zs: string[], rules: Doc[]): Doc => nodes({ "fw-inet": { zones: zs, rules } });

export function design(patches: Doc[]): string {
  return stringify(patches.reduce(merge, BASE));
}

// ---------------------------------------------------------------------------------------------
// What a test expects of a finding: always subjects (primary first), variant and direction; the
// evidence fields only when the expectation names them.

export interface Want {
  subjects: string[];
  variant?: string;
  direction?: string;
  /** the firewall rules on the witness chain, in order (`default` for a default decision) */
  rules?: string[];
  /** the devices on the witness chain, in order */
  devices?: string[];
  /** the witness service */
  service?: string;
  /** how many sources share the problem */
  sources?: number;
  /** a flow finding's hop, `sender>receiver` */
  hop?: string;
  value?: string;
  zones?: string[];
  /** NET-01: the hop's service, why it cannot pass, and what stops it (`fw:rule`, `fw:default`, `host-no-forward:id`) */
  flowService?: string;
  reason?: string;
  blockers?: string[];
  accepts?: string;
  /** NET-03: the earlier rules that overlap */
  overlaps?: string[];
}

function project(f: Finding, want: Want): Want {
  const got: Want = { subjects: f.subjects };
  if (f.variant !== undefined) got.variant = f.variant;
  if (f.direction !== undefined) got.direction = f.direction;
  const chain = f.evidence.chain;
  const devices = chain?.path.filter((p) => p.type === "device") ?? [];
  if (want.rules) got.rules = devices.flatMap((p) => (p.type === "device" && p.rule !== undefined ? [p.rule] : []));
  if (want.devices) got.devices = devices.map((p) => p.id);
  if (want.service !== undefined && chain) got.service = chain.service;
  if (want.sources !== undefined && f.evidence.sources !== undefined) got.sources = f.evidence.sources;
  const flow = f.evidence.flow;
  if (want.hop !== undefined && flow) got.hop = `${flow.sender}>${flow.receiver}`;
  if (want.value !== undefined && f.evidence.value !== undefined) got.value = f.evidence.value;
  if (want.zones && f.evidence.zones) got.zones = f.evidence.zones;
  if (want.flowService !== undefined && flow?.service !== undefined) got.flowService = flow.service;
  const blocked = f.evidence.blocked;
  if (want.reason !== undefined && blocked) got.reason = blocked.reason;
  if (want.blockers && blocked) got.blockers = blocked.blockers.flatMap(blockerText);
  if (want.accepts !== undefined && blocked?.accepts !== undefined) got.accepts = blocked.accepts;
  if (want.overlaps && f.evidence.overlaps) got.overlaps = f.evidence.overlaps;
  return got;
}

function blockerText(b: Blocker): string[] {
  if (b.type !== "firewall") return [`${b.type}:${b.id}`];
  return [...b.rules.map((r) => `${b.id}:${r}`), ...(b.defaultDeny ? [`${b.id}:default`] : [])];
}

const key = (w: Want) => `${w.subjects.join(",")} ${w.variant ?? ""} ${w.direction ?? ""}`;

const order = (a: Want, b: Want) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/**
 * The table-driven harness for one pack: `run` checks a patched base design with only that pack;
 * `table(rule, triggers, clean)` declares the designs that must and must not trigger a rule.
 */
export function packTests(pack: string) {
  function run(patches: Doc[]): Finding[] {
    const r = checkText(design(patches), "t.yaml", { lang: "en", today: "2026-11-23", policies: [pack] }).result;
    expect(r.errors).toEqual([]);
    return r.findings;
  }

  /** The rule's findings, each projected on what its expectation (matched by subjects, variant, direction) names. */
  function expectFindings(rule: string, patches: Doc[], wants: Want[]): void {
    const byKey = new Map(wants.map((w) => [key(w), w]));
    const got = run(patches)
      .filter((f) => f.rule === rule)
      .map((f) => project(f, byKey.get(key(project(f, { subjects: [] }))) ?? { subjects: [] }));
    expect(got.sort(order)).toEqual([...wants].sort(order));
  }

  type Trigger = [what: string, patches: Doc[], wants: Want[]];
  type Clean = [what: string, patches: Doc[]];

  function table(rule: string, triggers: Trigger[], clean: Clean[]): void {
    describe(rule, () => {
      it.each(triggers)("triggers: %s", (_what, patches, wants) => {
        expect(wants.length).toBeGreaterThan(0);
        expectFindings(rule, patches, wants);
      });
      it.each(clean)("does not trigger: %s", (_what, patches) => {
        expect(run(patches).filter((f) => f.rule === rule)).toEqual([]);
      });
    });
  }

  return { run, expectFindings, table };
}
