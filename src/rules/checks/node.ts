/**
 * `node`: every selected listed node satisfies a condition (or, with no condition, every
 * selected node is a finding). `attachment`: no host is attached to zones of two tiers.
 */
import { AUTH_CATEGORY, type Controls, TIERS, type Tier } from "../../model/types.js";
import { listedNodeFacts, matches, type NodeFacts } from "../select.js";
import type { CheckContext, CheckSpec, RawFinding, Selector } from "../types.js";

type Verdict = { ok: true } | { ok: false; variant?: string; value: string; required?: string };

const CONTROL_KEYS: Record<string, keyof Controls> = {
  auth: "auth",
  "removable-media": "removableMedia",
  approver: "approver",
  epp: "epp",
  edr: "edr",
  logging: "logging",
  sanitize: "sanitize",
  redirection: "redirection",
  "open-relay": "openRelay",
  "wlan-auth": "wlanAuth",
  ips: "ips",
};

function show(v: unknown): string {
  if (v === undefined) return "-";
  if (Array.isArray(v)) return v.length === 0 ? "[]" : v.join(", ");
  return String(v);
}

function evaluate(cond: Record<string, unknown>, f: NodeFacts, ctx: CheckContext): Verdict {
  const controls = f.def?.controls ?? {};
  if (cond["two-factor"]) {
    const factors = controls.auth ?? [];
    const categories = new Set(factors.map((a) => AUTH_CATEGORY[a]));
    if (categories.size >= 2) return { ok: true };
    return { ok: false, value: show(factors), required: "two-factor" };
  }
  if (cond["removable-media"] === "controlled") {
    const rm = controls.removableMedia;
    if (rm === "blocked" || (rm === "approval" && controls.approver)) return { ok: true };
    const variant = rm === "approval" ? "no-approver" : undefined;
    return variant ? { ok: false, variant, value: show(rm) } : { ok: false, value: show(rm) };
  }
  if (cond.controls && typeof cond.controls === "object") {
    const wanted = cond.controls as Record<string, unknown>;
    const bad: string[] = [];
    for (const [k, v] of Object.entries(wanted)) {
      const key = CONTROL_KEYS[k];
      const actual = key ? controls[key] : undefined;
      const equal = actual === v || (v === false && actual === undefined);
      if (!equal) bad.push(`${k}: ${show(actual)}`);
    }
    if (bad.length === 0) return { ok: true };
    return {
      ok: false,
      value: bad.join(", "),
      required: Object.entries(wanted)
        .map(([k, v]) => `${k}: ${show(v)}`)
        .join(", "),
    };
  }
  if (cond.redirection === "empty") {
    const r = controls.redirection ?? [];
    return r.length === 0 ? { ok: true } : { ok: false, value: show(r) };
  }
  if (typeof cond.location === "string") {
    if (!f.location) return { ok: false, variant: "undeclared", value: "-", required: cond.location };
    if (f.location !== cond.location) return { ok: false, variant: "foreign", value: f.location, required: cond.location };
    return { ok: true };
  }
  if (cond.default === "deny") {
    return f.def?.defaultAction === "allow" ? { ok: false, value: "allow", required: "deny" } : { ok: true };
  }
  if (cond.within && typeof cond.within === "object") {
    const zsel = cond.within as Selector;
    const outside = f.zoneIds.filter((zid) => {
      const z = ctx.design.zoneById.get(zid);
      if (!z) return false;
      const facts: NodeFacts = {
        id: z.id,
        kind: z.kind,
        implicit: false,
        device: false,
        tiers: new Set(z.tier ? [z.tier] : []),
        zoneKinds: new Set([z.kind]),
        zoneIds: [z.id],
        internet: z.kind === "internet",
        mediator: false,
      };
      return !matches(zsel, facts);
    });
    return outside.length === 0 ? { ok: true } : { ok: false, value: outside.join(", ") };
  }
  return { ok: false, value: "-" };
}

export function nodeCheck(spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const select = spec.select as Selector;
  const require = spec.require as Record<string, unknown> | undefined;
  const out: RawFinding[] = [];
  for (const f of listedNodeFacts(ctx.design)) {
    if (!matches(select, f)) continue;
    const verdict: Verdict = require ? evaluate(require, f, ctx) : { ok: false, value: f.kind };
    if (verdict.ok) continue;
    const finding: RawFinding = {
      subjects: [f.id],
      params: { node: f.id, value: verdict.value, required: verdict.required ?? "" },
      // a missing declaration ("-") found nothing to show
      evidence: verdict.value === "-" ? { zones: f.zoneIds } : { value: verdict.value, zones: f.zoneIds },
    };
    if (verdict.variant) finding.variant = verdict.variant;
    out.push(finding);
  }
  return out;
}

export function attachment(spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const select = spec.select as Selector | undefined;
  const tiers = spec.tiers;
  const out: RawFinding[] = [];
  for (const f of listedNodeFacts(ctx.design)) {
    if (f.device || !matches(select, f)) continue;
    const present = TIERS.filter((t) => f.tiers.has(t));
    let hit: Tier[];
    if (Array.isArray(tiers)) hit = (tiers as Tier[]).every((t) => f.tiers.has(t)) ? (tiers as Tier[]) : [];
    else hit = present.length >= 2 ? present : [];
    if (hit.length === 0) continue;
    out.push({
      subjects: [f.id],
      params: { node: f.id, zones: f.zoneIds.join(", "), tiers: present.join(", ") },
      evidence: { zones: f.zoneIds, value: present.join(", ") },
    });
  }
  return out;
}
