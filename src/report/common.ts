/** What several reporters share: the chain on one line, counted findings, the verdict, rule metadata. */
import type { PathElement } from "../analyze/reach.js";
import { compareRuleIds, findRule } from "../catalogue.js";
import { type CheckResult, exitCode, type FileResult } from "../check.js";
import { joinList, t } from "../i18n/index.js";
import { wellFormed } from "../load/file.js";
import { type Lang, SEVERITIES, type Severity } from "../model/types.js";
import { formatPath } from "../rules/render.js";
import type { Finding, RuleMetadata } from "../rules/types.js";
import { stripControls } from "./sanitize.js";

/** A string that encodes: each lone surrogate becomes U+FFFD, as a UTF-8 encoder would write it. */
export { wellFormed };

/**
 * Untrusted text for a report: controls and terminal escapes removed, lone surrogates replaced,
 * and the two noncharacters XML 1.0 forbids (U+FFFE, U+FFFF) removed, so that every report, the
 * XML ones too, can carry it.
 */
export function cleanText(s: string): string {
  return wellFormed(stripControls(s)).replace(/[\uFFFE\uFFFF]/g, "");
}

/**
 * The evidence of a finding on one line: the chain and its service, the contagion steps, the flow
 * hop, what was found. Empty when the finding has none. Not escaped: each reporter escapes it.
 */
export function evidenceLine(f: Finding, lang: Lang = "en"): string {
  const e = f.evidence;
  if (e.chain)
    return `${formatPath(e.chain.path)} (${e.services === undefined || e.services === e.chain.service ? e.chain.service : t(lang, "report.evidence.services", { services: e.services === "any" ? t(lang, "label.any-service") : e.services, service: e.chain.service })})`;
  if (e.contagion) return e.contagion.steps.map((s) => `${t(lang, `report.step.${s.mode}`)}: ${formatPath(s.path)}`).join("; ");
  if (e.flow?.sender !== undefined && e.flow.receiver !== undefined)
    return t(lang, "report.evidence.flow-hop", { flow: e.flow.id, sender: e.flow.sender, receiver: e.flow.receiver });
  if (e.flow?.node !== undefined)
    return t(lang, "report.evidence.flow-after", { flow: e.flow.id, node: e.flow.node, after: e.flow.after ?? "" });
  const value = foundValue(e);
  if (value !== undefined) return t(lang, "report.evidence.value", { value });
  if (e.zones && e.zones.length > 0) return t(lang, "report.evidence.zones", { zones: joinList(lang, e.zones) });
  if (e.overlaps && e.overlaps.length > 0) return t(lang, "report.overlaps", { rules: e.overlaps.join(", ") });
  return "";
}

/**
 * What a node rule found, when it found something to show: a rule that found nothing in the design
 * (a missing declaration) carries no value, or `-` in results written before it did.
 */
export function foundValue(e: Finding["evidence"]): string | undefined {
  return e.value === undefined || e.value === "" || e.value === "-" ? undefined : e.value;
}

/** Every path a finding's evidence holds: the witness chain, or each step of a contagion path. */
export function evidencePaths(f: Finding): PathElement[][] {
  const e = f.evidence;
  const out: PathElement[][] = [];
  if (e.chain) out.push(e.chain.path);
  for (const s of e.contagion?.steps ?? []) out.push(s.path);
  return out;
}

/** Neither waived nor baselined: it counts towards the summary and the exit status. */
export function counted(f: Finding): boolean {
  return !f.waived && !f.baselined;
}

/** Does this finding fail the run at `failOn`? */
export function failing(f: Finding, failOn: Severity | "none"): boolean {
  return failOn !== "none" && counted(f) && SEVERITIES.indexOf(f.severity) <= SEVERITIES.indexOf(failOn);
}

export function passed(result: CheckResult, failOn: Severity | "none"): boolean {
  return exitCode(result, failOn) === 0;
}

/** The rules that have findings in the result, in catalogue order (ASP-2 before ASP-10). */
export function rulesOf(result: CheckResult): string[] {
  const ids = new Set<string>();
  for (const file of result.files) for (const f of file.findings) ids.add(f.rule);
  return [...ids].sort(compareRuleIds);
}

/** A rule's metadata for a report, and whether it is built in (documented at docs/rules/ID.md). */
export interface RuleInfo {
  meta: RuleMetadata;
  builtIn: boolean;
}

/**
 * A rule's metadata: for a rule of the user's policy files, from the first of `files` that carries
 * it (`FileResult.rules`), else from the catalogue. Undefined for a rule neither knows (a saved
 * result written before results carried their rules): reports then show its id.
 */
export function ruleInfo(id: string, files: readonly FileResult[]): RuleInfo | undefined {
  for (const file of files) {
    const meta = Array.isArray(file.rules) ? file.rules.find((r) => r.id === id) : undefined;
    if (meta) return { meta, builtIn: false };
  }
  const builtIn = findRule(id);
  return builtIn ? { meta: builtIn, builtIn: true } : undefined;
}

/** A rule's title in the reader's language; for a rule that neither `files` nor the catalogue knows, its id. */
export function ruleTitle(id: string, lang: Lang, files: readonly FileResult[] = []): string {
  return ruleInfo(id, files)?.meta.title[lang] ?? id;
}
