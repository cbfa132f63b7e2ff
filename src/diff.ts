/**
 * What a change does (`bunri diff OLD NEW`): the host pairs that can newly open connections, or
 * no longer can, with the services and the firewall-rule changes behind them; and the findings
 * new, resolved and unchanged, matched by fingerprint as a multiset. Either side may be
 * `git:REV:PATH` (PATH relative to the repository root).
 */
import { resolve } from "node:path";
import type { Analysis } from "./analyze/index.js";
import type { Chain, Explanation } from "./analyze/reach.js";
import { type CheckedDesign, type CheckOptions, checkText } from "./check.js";
import { t } from "./i18n/index.js";
import { decodeInput, MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT, readInputFile } from "./load/file.js";
import type { Design, Host } from "./model/design.js";
import { formatServiceSet, isEmpty, subtract } from "./model/services.js";
import { type InputError, SEVERITIES, type ServiceSet, type Severity } from "./model/types.js";
import type { Finding } from "./rules/types.js";
import { compareCodePoints } from "./util/compare.js";
import { blobAt, verifyCommit } from "./util/git.js";

export interface PairChange {
  source: string;
  target: string;
  /** the services gained (or lost) */
  services: string;
  /** gained: the new witness; lost: the old one */
  chain?: Chain;
  /** firewall rules on that chain that the other version does not have (added, changed or removed) */
  rules: string[];
  /** lost: what stops it now */
  explanation?: Pick<Explanation, "reason" | "blockers">;
}

export interface DiffSide {
  file: string;
  topology?: string;
  errors: InputError[];
}

export interface DiffResult {
  old: DiffSide;
  new: DiffSide;
  reach: { gained: PairChange[]; lost: PairChange[] };
  findings: { new: Finding[]; resolved: Finding[]; unchanged: Finding[] };
}

export class DiffSourceError extends Error {}

/** Reads `git:REV:PATH` through git, or a plain file, with the loader's limits. */
export async function readSide(spec: string, cwd: string, lang: "ja" | "en"): Promise<string> {
  const m = /^git:([^:]+):(.+)$/.exec(spec);
  if (!m) {
    const read = readInputFile(resolve(cwd, spec), lang);
    if (read.error) throw new DiffSourceError(`${spec}:${read.error.line}:${read.error.column}: ${read.error.message}`);
    return read.text;
  }
  const rev = m[1] as string;
  const path = m[2] as string;
  // the revision never reaches git as an option: it is resolved to a commit first
  const commit = verifyCommit(rev, cwd);
  const blob = commit === undefined ? undefined : blobAt(commit, path, cwd, MAX_FILE_BYTES);
  if (!blob?.bytes) {
    if (blob?.tooLarge) throw new DiffSourceError(`${spec}:1:1: ${t(lang, "load.too-large", { max: MAX_FILE_SIZE_TEXT })}`);
    throw new DiffSourceError(t(lang, "diff.git", { rev, path }));
  }
  const decoded = decodeInput(blob.bytes, spec, lang);
  if (decoded.error) throw new DiffSourceError(`${spec}:${decoded.error.line}:${decoded.error.column}: ${decoded.error.message}`);
  return decoded.text;
}

/** Every reaching (source, target) pair of a design with the services, keyed `source\0target`. */
function reachingPairs(analysis: Analysis): Map<string, { s: Host; t: Host; services: ServiceSet }> {
  const hosts = analysis.design.hosts;
  const out = new Map<string, { s: Host; t: Host; services: ServiceSet }>();
  analysis.reach.pairs(hosts, hosts, analysis.any, (s, t) => {
    const atoms = analysis.reach.reachAtoms(s.index, t.index, analysis.any);
    out.set(`${s.id}\u0000${t.id}`, { s, t, services: analysis.atoms.toServiceSet(atoms) });
  });
  return out;
}

/** A firewall rule's content, whatever its id or position: what the other version is compared on. */
function ruleContents(design: Design): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const d of design.devices) {
    if (!d.firewall) continue;
    const set = new Set<string>();
    for (const r of d.rules) set.add(ruleContent(r.def));
    set.add(`default:${d.defaultAllow ? "allow" : "deny"}`);
    out.set(d.id, set);
  }
  return out;
}

function ruleContent(r: { action: string; from: string[]; to: string[]; service: ServiceSet }): string {
  const norm = (refs: string[]) => [...new Set(refs)].sort(compareCodePoints).join("|");
  return `${r.action}:${norm(r.from)}>${norm(r.to)}:${formatServiceSet(r.service)}`;
}

/** The rules of a chain that the other design's same firewall does not have. */
function changedRules(chain: Chain, design: Design, other: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const p of chain.path) {
    if (p.type !== "device" || !p.rule) continue;
    const device = design.deviceById.get(p.id);
    if (!device) continue;
    const theirs = other.get(p.id);
    let content: string;
    if (p.rule === "default") content = `default:${device.defaultAllow ? "allow" : "deny"}`;
    else {
      const rule = device.rules.find((r) => r.def.name === p.rule);
      if (!rule) continue;
      content = ruleContent(rule.def);
    }
    if (!theirs?.has(content)) out.push(p.rule === "default" ? `${p.id} (default)` : p.rule);
  }
  return out;
}

function comparePairs(a: PairChange, b: PairChange): number {
  return compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target);
}

function reachDiff(older: CheckedDesign, newer: CheckedDesign): DiffResult["reach"] {
  if (!older.analysis || !newer.analysis || !older.design || !newer.design) return { gained: [], lost: [] };
  const oldPairs = reachingPairs(older.analysis);
  const newPairs = reachingPairs(newer.analysis);
  const oldRules = ruleContents(older.design);
  const newRules = ruleContents(newer.design);
  const gained: PairChange[] = [];
  for (const [key, p] of newPairs) {
    const before = oldPairs.get(key);
    const extra = before ? subtract(p.services, before.services) : p.services;
    if (isEmpty(extra)) continue;
    const query = newer.analysis.services(extra);
    const chain = newer.analysis.reach.witness(p.s.index, p.t.index, query);
    const change: PairChange = { source: p.s.id, target: p.t.id, services: formatServiceSet(extra), rules: [] };
    if (chain) {
      change.chain = chain;
      change.rules = changedRules(chain, newer.design, oldRules);
    }
    gained.push(change);
  }
  const lost: PairChange[] = [];
  for (const [key, p] of oldPairs) {
    const after = newPairs.get(key);
    const gone = after ? subtract(p.services, after.services) : p.services;
    if (isEmpty(gone)) continue;
    const change: PairChange = { source: p.s.id, target: p.t.id, services: formatServiceSet(gone), rules: [] };
    const chain = older.analysis.reach.witness(p.s.index, p.t.index, older.analysis.services(gone));
    if (chain) {
      change.chain = chain;
      change.rules = changedRules(chain, older.design, newRules);
    }
    const s = newer.design.hostById.get(p.s.id);
    const d = newer.design.hostById.get(p.t.id);
    if (s && d) {
      const why = newer.analysis.reach.explain(s.index, d.index, newer.analysis.services(gone));
      change.explanation = { reason: why.reason, blockers: why.blockers };
    }
    lost.push(change);
  }
  return { gained: gained.sort(comparePairs), lost: lost.sort(comparePairs) };
}

function findingsDiff(older: Finding[], newer: Finding[]): DiffResult["findings"] {
  const counts = new Map<string, Finding[]>();
  for (const f of older) {
    const list = counts.get(f.fingerprint);
    if (list) list.push(f);
    else counts.set(f.fingerprint, [f]);
  }
  const added: Finding[] = [];
  const unchanged: Finding[] = [];
  for (const f of newer) {
    const list = counts.get(f.fingerprint);
    if (list && list.length > 0) {
      list.pop();
      unchanged.push(f);
    } else added.push(f);
  }
  const resolved = [...counts.values()].flat();
  return { new: added, resolved, unchanged };
}

export async function diffDesigns(oldSpec: string, newSpec: string, options: CheckOptions = {}): Promise<DiffResult> {
  const lang = options.lang ?? "en";
  const cwd = options.cwd ?? process.cwd();
  const [oldText, newText] = await Promise.all([readSide(oldSpec, cwd, lang), readSide(newSpec, cwd, lang)]);
  const older = checkText(oldText, oldSpec, options);
  const newer = checkText(newText, newSpec, options);
  const side = (c: CheckedDesign, file: string): DiffSide => {
    const s: DiffSide = { file, errors: c.result.errors };
    if (c.result.topology !== undefined) s.topology = c.result.topology;
    return s;
  };
  const result: DiffResult = {
    old: side(older, oldSpec),
    new: side(newer, newSpec),
    reach: { gained: [], lost: [] },
    findings: { new: [], resolved: [], unchanged: [] },
  };
  if (older.result.errors.length > 0 || newer.result.errors.length > 0) return result;
  result.reach = reachDiff(older, newer);
  result.findings = findingsDiff(older.result.findings, newer.result.findings);
  return result;
}

/** 2 on input errors; 1 when the change adds a counted finding at or above `failOn`. */
export function diffExitCode(diff: DiffResult, failOn: Severity | "none"): 0 | 1 | 2 {
  if (diff.old.errors.length > 0 || diff.new.errors.length > 0) return 2;
  if (failOn === "none") return 0;
  const limit = SEVERITIES.indexOf(failOn);
  return diff.findings.new.some((f) => !f.waived && !f.baselined && SEVERITIES.indexOf(f.severity) <= limit) ? 1 : 0;
}
