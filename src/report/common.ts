/** What several reporters share: the chain on one line, counted findings, the verdict. */
import type { PathElement } from "../analyze/reach.js";
import { type CheckResult, exitCode } from "../check.js";
import { SEVERITIES, type Severity } from "../model/types.js";
import type { Finding } from "../rules/types.js";

/** `citizen → [internet] → fw (fw#1) → [dmz] → web` */
export function pathLine(path: readonly PathElement[]): string {
  return path
    .map((p) => (p.type === "zone" ? `[${p.id}]` : p.type === "device" && p.rule ? `${p.id} (${p.rule})` : p.id))
    .join(" → ");
}

/** The evidence of a finding on one line, when it has a path or steps. */
export function evidenceLine(f: Finding): string {
  const e = f.evidence;
  if (e.chain) return `${pathLine(e.chain.path)} (${e.chain.service})`;
  if (e.contagion) return e.contagion.steps.map((s) => `${s.mode}: ${pathLine(s.path)}`).join("; ");
  if (e.flow?.sender && e.flow.receiver) return `${e.flow.id}: ${e.flow.sender} → ${e.flow.receiver}`;
  if (e.flow?.node) return `${e.flow.id}: ${e.flow.node} after ${e.flow.after ?? ""}`;
  if (e.value !== undefined) return e.value;
  return "";
}

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
