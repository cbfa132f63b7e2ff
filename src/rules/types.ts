/**
 * Rules and findings. A rule is metadata (bilingual title, why, fix, references, messages) plus a
 * check; the check returns raw findings (subjects, parameters, evidence) and the engine turns
 * them into findings: message in the user's language, fingerprint, location, waiver state.
 */

import type { ContagionPath } from "../analyze/contagion.js";
import type { Analysis } from "../analyze/index.js";
import type { Chain, Explanation } from "../analyze/reach.js";
import type { Design } from "../model/design.js";
import type { Lang, NetworkModel, Severity, SourceLocation } from "../model/types.js";

export interface Bilingual {
  ja: string;
  en: string;
}

export interface Reference extends Bilingual {
  section?: string;
}

/** Host selector of the policy format (docs/policy-format.md). */
export interface Selector {
  tier?: string[];
  "zone-kind"?: string[];
  "not-zone-kind"?: string[];
  "host-kind"?: string[];
  "node-kind"?: string[];
  "internet-host"?: boolean;
  "holds-at-least"?: string;
  listed?: boolean;
  mediator?: boolean;
  forwards?: boolean;
  "min-zones"?: number;
  sanitizing?: boolean;
  "any-of"?: Selector[];
}

export type CheckSpec = { type: string } & Record<string, unknown>;

export interface RuleDefinition {
  id: string;
  /** the pack or policy file it comes from */
  pack: string;
  severity: Severity;
  models?: NetworkModel[];
  title: Bilingual;
  why: Bilingual;
  fix: Bilingual;
  references: Reference[];
  messages: Record<string, Bilingual>;
  check: CheckSpec;
  /** where the rule is written */
  loc?: SourceLocation;
  builtIn: boolean;
}

/**
 * What a report shows of a rule: its metadata without the check. A result carries it for the rules
 * of the user's policy files that have findings (`FileResult.rules`), as the reporters cannot look
 * those up in the catalogue, and a saved result (`bunri format`) must still show them.
 */
export interface RuleMetadata {
  id: string;
  /** the severity the rule ran with (after the policies' overrides) */
  severity: Severity;
  /** the `pack` its policy file declares, if it declares one */
  pack?: string;
  title: Bilingual;
  why: Bilingual;
  fix: Bilingual;
  references: Reference[];
}

/** What a check reports, before the engine renders it. */
export interface RawFinding {
  subjects: string[];
  /** the message variant; `default` when absent */
  variant?: string;
  direction?: string;
  /** the hop (`sender>receiver`) or node of a flow finding, for the fingerprint */
  detail?: string;
  /** replaces the primary subject in the fingerprint (a firewall rule without an id: its content) */
  fingerprintSubject?: string;
  params: Record<string, string | number>;
  evidence: Evidence;
  /** for a contagion path, what each step's connection carries (`any`, or the services), for the message */
  stepServices?: string[];
}

export interface EvidenceStep {
  mode: "reach" | "fetch";
  from: string;
  to: string;
  service: string;
  path: Chain["path"];
}

export interface Evidence {
  /** a reachability witness (the chain, hop by hop, with the firewall rule at each firewall) */
  chain?: Chain;
  /** how many sources share the problem */
  sources?: number;
  /** what reaches from the chain's source to its target: `any`, or the services (`tcp/80, tcp/443`) */
  services?: string;
  /** a contagion path */
  contagion?: { source: string; distance: number; steps: EvidenceStep[] };
  flow?: { id: string; sender?: string; receiver?: string; node?: string; after?: string; service?: string };
  /** why a flow hop cannot pass */
  blocked?: { reason: Explanation["reason"]; blockers: Explanation["blockers"]; service: string; accepts?: string };
  /** for node rules: what was found */
  value?: string;
  zones?: string[];
  /** for firewall-rule rules: the earlier rules that overlap */
  overlaps?: string[];
  waiver?: { rule: string; subject?: string; expires: string; reason: string };
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** the message in another language, when the check was asked for one (`CheckOptions.alsoLang`); not part of the result's JSON */
  messageIn?: Partial<Record<Lang, string>>;
  variant?: string;
  direction?: string;
  subjects: string[];
  evidence: Evidence;
  fingerprint: string;
  waived: boolean;
  waiver?: { reason: string; approvedBy?: string; expires: string; location: SourceLocation };
  baselined: boolean;
  location: SourceLocation;
}

export interface CheckContext {
  design: Design;
  analysis: Analysis;
}

export type CheckFn = (spec: CheckSpec, ctx: CheckContext) => RawFinding[];

export type ContagionEvidence = ContagionPath;
