/**
 * The rule engine: runs the active rules' checks on the analysed design, renders each raw finding
 * into a finding (message in the user's language, fingerprint, location), then applies waivers
 * and reports the waivers themselves (BUNRI-01 expired, BUNRI-02 stale, of an inactive rule, or of
 * a BUNRI rule, which cannot be waived).
 */
import { hash } from "node:crypto";
import type { Analysis } from "../analyze/index.js";
import type { Chain } from "../analyze/reach.js";
import { interpolate, t } from "../i18n/index.js";
import type { Design } from "../model/design.js";
import { formatServiceSet } from "../model/services.js";
import {
  type InputError,
  type Lang,
  type NodeDef,
  type RuleDef,
  SEVERITIES,
  type SourceLocation,
  type WaiverDef,
} from "../model/types.js";
import { compareCodePoints } from "../util/compare.js";
import { memo } from "../util/memo.js";
import { didYouMean } from "../util/suggest.js";
import { checkFunction } from "./checks/index.js";
import { formatPath, labelOf } from "./render.js";
import type { EvidenceStep, Finding, RawFinding, RuleDefinition } from "./types.js";

export interface RunOptions {
  lang: Lang;
  /** YYYY-MM-DD, the date in Japan that waiver expiry is judged on */
  today: string;
  /** waivers from `--waivers FILE` that belong to this design */
  externalWaivers?: WaiverDef[];
  /** every rule id bunri or the user's policies know, active or not (for waiver validation) */
  knownRuleIds: ReadonlySet<string>;
  /** another language to write the messages in too (`Finding.messageIn`) */
  alsoLang?: Lang;
}

export interface RunResult {
  findings: Finding[];
  errors: InputError[];
  /** the ids of the rules that ran on the design (its models considered), in no particular order */
  active: string[];
}

const LABEL_PARAMS = new Set(["target", "source", "node", "sender", "receiver", "after", "flow", "subject"]);

export function fingerprint(parts: readonly string[]): string {
  // the one-shot hash (Node ≥ 20.12): a cascade has thousands of findings to fingerprint
  return hash("sha256", JSON.stringify(parts), "hex").slice(0, 32);
}

/** A firewall's rules by name (the first of a name), built once: a table of 50,000 rules has as many findings. */
const ruleIndex = new WeakMap<NodeDef, Map<string, RuleDef>>();
function rulesByName(node: NodeDef): Map<string, RuleDef> {
  return memo(ruleIndex, node, () => {
    const index = new Map<string, RuleDef>();
    for (const r of node.rules) if (!index.has(r.name)) index.set(r.name, r);
    return index;
  });
}

/** Where the YAML of a subject is: a node, a zone (also for its implicit host), a flow, a firewall rule. */
export function locate(design: Design, subject: string | undefined): SourceLocation {
  const top = design.topology;
  if (subject === undefined) return top.loc;
  if (subject.endsWith("/*")) return top.zones.get(subject.slice(0, -2))?.loc ?? top.loc;
  const ruleMark = subject.indexOf("#");
  if (ruleMark > 0) {
    const fw = top.nodes.get(subject.slice(0, ruleMark));
    const rule = fw ? rulesByName(fw).get(subject) : undefined;
    if (rule) return rule.loc;
  }
  return top.nodes.get(subject)?.loc ?? top.zones.get(subject)?.loc ?? top.flows.get(subject)?.loc ?? top.loc;
}

/**
 * What reaches from the witness chain's source to its target, as a person would name it: `any`
 * when every service does, else the services (`tcp/80, tcp/443`). The chain is drawn for one of them.
 */
function reachingServices(design: Design, analysis: Analysis, chain: Pick<Chain, "source" | "target">): string | undefined {
  const s = design.hostById.get(chain.source);
  const t = design.hostById.get(chain.target);
  if (!s || !t) return undefined;
  const atoms = analysis.reach.reachAtoms(s.index, t.index, analysis.any);
  const members: number[] = [];
  for (let i = 0; i < atoms.size; i++) if (atoms.has(i)) members.push(i);
  if (members.length === 0) return undefined;
  return formatServiceSet(analysis.atoms.toServiceSet(members));
}

/** A service for a sentence: `any` becomes "any service", a list stays a list. */
export function serviceWords(service: string, lang: Lang): string {
  return service === "any" ? t(lang, "label.any-service") : service;
}

/** Step sentences by design: the paths of a cascade share their first steps. */
const stepSentences = new WeakMap<Design, Map<string, string>>();

/** A contagion path as a sentence: "A fetches from B, then C connects to D". */
function contagionSentence(
  steps: readonly EvidenceStep[],
  services: readonly string[] | undefined,
  design: Design,
  lang: Lang,
): string {
  const sentences = memo(stepSentences, design, () => new Map<string, string>());
  return steps
    .map((s, i) => {
      const service = services?.[i] ?? s.service;
      const key = `${lang}\u0000${s.mode}\u0000${s.from}\u0000${s.to}\u0000${service}\u0000${i === 0 ? 0 : 1}`;
      return memo(sentences, key, () =>
        t(lang, s.mode === "reach" ? "label.step.reach" : "label.step.fetch", {
          from: labelOf(design, s.from, lang),
          to: labelOf(design, s.to, lang),
          service: serviceWords(service, lang),
          next: i === 0 ? "" : t(lang, "label.step.then"),
        }),
      );
    })
    .join(t(lang, "label.step.join"));
}

function renderMessage(rule: RuleDefinition, raw: RawFinding, design: Design, lang: Lang): string {
  const template = rule.messages[raw.variant ?? "default"] ?? rule.messages.default ?? Object.values(rule.messages)[0];
  if (!template) return rule.title[lang];
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(raw.params)) {
    params[k] = LABEL_PARAMS.has(k) && typeof v === "string" && v !== "" ? labelOf(design, v, lang) : v;
  }
  if (raw.evidence.chain) params.path = formatPath(raw.evidence.chain.path);
  if (raw.evidence.contagion) params.path = contagionSentence(raw.evidence.contagion.steps, raw.stepServices, design, lang);
  if (typeof raw.evidence.services === "string") params.service = serviceWords(raw.evidence.services, lang);
  if (typeof raw.params.missing === "string") params.missing = t(lang, `kind.${raw.params.missing}`);
  if (typeof raw.params.reason === "string") params.reason = t(lang, `reason.${raw.params.reason}`);
  return interpolate(template[lang], params);
}

function severityRank(s: string): number {
  return SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareCodePoints(a.rule, b.rule) ||
    compareCodePoints(a.subjects[0] ?? "", b.subjects[0] ?? "") ||
    compareCodePoints(a.direction ?? "", b.direction ?? "") ||
    compareCodePoints(a.fingerprint, b.fingerprint)
  );
}

export function runRules(design: Design, analysis: Analysis, rules: readonly RuleDefinition[], options: RunOptions): RunResult {
  const { lang } = options;
  const topology = design.topology;
  const findings: Finding[] = [];
  const active = new Map<string, RuleDefinition>();
  for (const rule of rules) {
    if (rule.models && (!topology.model || !rule.models.includes(topology.model))) continue;
    active.set(rule.id, rule);
    const fn = checkFunction(rule.check as { type: string; name?: unknown });
    if (!fn) continue;
    const type = (rule.check as { type: string }).type;
    for (const raw of fn(rule.check, { design, analysis })) {
      if (raw.evidence.chain && (type === "no-reach" || type === "exposure")) {
        const services = reachingServices(design, analysis, raw.evidence.chain);
        if (services !== undefined) raw.evidence.services = services;
      }
      if (raw.evidence.contagion)
        raw.stepServices = raw.evidence.contagion.steps.map((s) => {
          // a fetch is a connection from the fetcher (`to`) to where it fetches from (`from`)
          const [a, b] = s.mode === "reach" ? [s.from, s.to] : [s.to, s.from];
          return reachingServices(design, analysis, { source: a, target: b }) ?? s.service;
        });
      const f = toFinding(rule, raw, design, lang);
      if (options.alsoLang) f.messageIn = { [options.alsoLang]: renderMessage(rule, raw, design, options.alsoLang) };
      findings.push(f);
    }
  }
  const errors: InputError[] = [];
  const waivers = [...topology.waivers, ...(options.externalWaivers ?? [])];
  for (const w of waivers) {
    if (!options.knownRuleIds.has(w.rule) && !active.has(w.rule)) {
      errors.push({
        file: w.loc.file,
        line: w.loc.line,
        column: w.loc.column,
        code: "unknown-rule",
        message: t(lang, "engine.unknown-waiver-rule", { rule: w.rule }),
      });
    }
  }
  const waiverFindings: Finding[] = [];
  for (const w of waivers) {
    if (!options.knownRuleIds.has(w.rule) && !active.has(w.rule)) continue;
    const subject = w.subject ?? w.rule;
    const evidence = {
      waiver: { rule: w.rule, expires: w.expires, reason: w.reason, ...(w.subject ? { subject: w.subject } : {}) },
    };
    const params = { rule: w.rule, subject: w.subject ?? t(lang, "label.every-subject"), expires: w.expires };
    if (w.expires < options.today) {
      const meta = active.get("BUNRI-01");
      if (meta) waiverFindings.push(waiverFinding(meta, design, subject, w, { params, evidence, subjects: [subject] }, lang));
      continue;
    }
    // BUNRI-* findings cannot be waived (topology.md): such a waiver matches nothing and says so
    const unwaivable = w.rule.startsWith("BUNRI-");
    const ruleActive = active.has(w.rule) && !unwaivable;
    let matched = 0;
    if (ruleActive) {
      for (const f of findings) {
        if (f.rule !== w.rule || (w.subject !== undefined && f.subjects[0] !== w.subject)) continue;
        matched++;
        if (f.waived) continue;
        f.waived = true;
        f.waiver = { reason: w.reason, expires: w.expires, location: w.loc };
        if (w.approvedBy !== undefined) f.waiver.approvedBy = w.approvedBy;
      }
    }
    if (matched === 0) {
      const meta = active.get("BUNRI-02");
      if (meta) {
        const stale = waiverFinding(
          meta,
          design,
          subject,
          w,
          {
            params,
            evidence,
            subjects: [subject],
            variant: unwaivable ? "unwaivable" : ruleActive ? "no-match" : "inactive",
          },
          lang,
        );
        // a mistyped subject: the nearest subject of this rule's findings, else the nearest id of the design
        if (ruleActive && w.subject !== undefined) {
          const ofRule = findings.filter((f) => f.rule === w.rule).map((f) => f.subjects[0] ?? "");
          const ids = [...design.zoneById.keys(), ...design.hostById.keys(), ...design.deviceById.keys()];
          const near =
            didYouMean(
              w.subject,
              ofRule.filter((x) => x !== ""),
            ) ?? didYouMean(w.subject, ids);
          if (near !== undefined && near !== w.subject) stale.message += ` (${t(lang, "load.did-you-mean", { name: near })})`;
        }
        waiverFindings.push(stale);
      }
    }
  }
  if (options.alsoLang) {
    const also = options.alsoLang;
    for (const f of waiverFindings) {
      const w = waivers.find((x) => f.location === x.loc);
      const meta = active.get(f.rule);
      if (!w || !meta) continue;
      const params = { rule: w.rule, subject: w.subject ?? t(also, "label.every-subject"), expires: w.expires };
      const raw: RawFinding = { params, evidence: f.evidence, subjects: f.subjects };
      if (f.variant !== undefined) raw.variant = f.variant;
      f.messageIn = { [also]: renderMessage(meta, raw, design, also) };
    }
  }
  findings.push(...waiverFindings);
  findings.sort(compareFindings);
  return { findings, errors, active: [...active.keys()] };
}

function waiverFinding(
  meta: RuleDefinition,
  design: Design,
  subject: string,
  w: WaiverDef,
  raw: RawFinding,
  lang: Lang,
): Finding {
  const f = toFinding(meta, { ...raw, detail: `${w.rule}|${w.expires}` }, design, lang);
  f.location = w.loc;
  f.fingerprint = fingerprint([meta.id, design.topology.name, "", subject, `${w.rule}|${w.subject ?? ""}`, raw.variant ?? ""]);
  return f;
}

function toFinding(rule: RuleDefinition, raw: RawFinding, design: Design, lang: Lang): Finding {
  const primary = raw.subjects[0];
  const f: Finding = {
    rule: rule.id,
    severity: rule.severity,
    message: renderMessage(rule, raw, design, lang),
    subjects: raw.subjects,
    evidence: raw.evidence,
    fingerprint: fingerprint([
      rule.id,
      design.topology.name,
      raw.direction ?? "",
      raw.fingerprintSubject ?? primary ?? "",
      raw.detail ?? "",
      raw.variant ?? "",
    ]),
    waived: false,
    baselined: false,
    location: locate(design, primary),
  };
  if (raw.variant) f.variant = raw.variant;
  if (raw.direction) f.direction = raw.direction;
  return f;
}
