/**
 * bunri as a library: load, analyse and check designs. Everything here returns data; nothing
 * prints or exits (only the CLI does).
 */

export type { Blocker, Chain, ContagionPath, ContagionStep, Explanation, PathElement } from "./analyze/index.js";
export { Analysis } from "./analyze/index.js";
export type { CheckedDesign, CheckOptions, CheckResult, FileResult, Summary } from "./check.js";
export { analyseTopology, check, checkFile, checkText, exitCode, summarize, todayInJapan, toolVersion } from "./check.js";
export { findTopologyFiles, loadTopologyFile, loadTopologyText } from "./load/index.js";
export type { Design, Device, Host, Zone } from "./model/design.js";
export { buildDesign } from "./model/design.js";
export type * from "./model/types.js";
export type { PairAnswer, ReachAnswer } from "./query.js";
export { reachQuery } from "./query.js";
export type { Evidence, Finding, RuleDefinition } from "./rules/types.js";
