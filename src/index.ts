/**
 * bunri as a library: load, analyse and check designs. Everything here returns data; nothing
 * prints or exits (only the CLI does).
 */
export { check, checkFile, checkText, analyseTopology, exitCode, summarize, todayInJapan, toolVersion } from "./check.js";
export type { CheckOptions, CheckResult, CheckedDesign, FileResult, Summary } from "./check.js";
export { reachQuery } from "./query.js";
export type { ReachAnswer, PairAnswer } from "./query.js";
export { loadTopologyFile, loadTopologyText, findTopologyFiles } from "./load/index.js";
export { buildDesign } from "./model/design.js";
export type { Design, Host, Device, Zone } from "./model/design.js";
export { Analysis } from "./analyze/index.js";
export type { Chain, PathElement, Explanation, Blocker, ContagionPath, ContagionStep } from "./analyze/index.js";
export type { Finding, Evidence, RuleDefinition } from "./rules/types.js";
export type * from "./model/types.js";
