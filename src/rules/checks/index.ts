/** The registry of check types and code rules: each implemented once, used by any rule. */
import type { CheckFn } from "../types.js";
import { noContagion } from "./contagion.js";
import { broadAllow, shadowedRule, unusedRule } from "./firewall.js";
import { flowBetween, flowEncryption, flowHopPossible } from "./flow.js";
import { attachment, nodeCheck } from "./node.js";
import { exposure, noReach, passes } from "./reach.js";

export const CHECK_TYPES: Readonly<Record<string, CheckFn>> = {
  "no-reach": noReach,
  exposure,
  passes,
  "no-contagion": noContagion,
  node: nodeCheck,
  attachment,
  "flow-between": flowBetween,
  "flow-encryption": flowEncryption,
};

export const CODE_CHECKS: Readonly<Record<string, CheckFn>> = {
  "flow-hop-possible": flowHopPossible,
  "broad-allow": broadAllow,
  "shadowed-rule": shadowedRule,
  "unused-rule": unusedRule,
  // The waiver checks run in the engine's waiver stage, after every other rule.
  "waiver-expired": () => [],
  "waiver-stale": () => [],
};

export function checkFunction(spec: { type: string; name?: unknown }): CheckFn | undefined {
  if (spec.type === "code") return Object.hasOwn(CODE_CHECKS, String(spec.name)) ? CODE_CHECKS[String(spec.name)] : undefined;
  return Object.hasOwn(CHECK_TYPES, spec.type) ? CHECK_TYPES[spec.type] : undefined;
}
