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
import type { Design, Device, Host } from "./model/design.js";
import { formatServiceSet, isEmpty, subtract } from "./model/services.js";
import { type InputError, SEVERITIES, type ServiceSet, type Severity } from "./model/types.js";
import type { Finding } from "./rules/types.js";
import type { Bitset } from "./util/bitset.js";
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

/** A firewall's rules by content, in table order, then its default: as a list and as a set. */
interface FirewallContents {
  list: string[];
  set: ReadonlySet<string>;
}

/**
 * Every firewall's rule contents (a rule's content is what it says, whatever its id or position):
 * what the other version is compared on, made once per version.
 */
function ruleContents(design: Design): Map<string, FirewallContents> {
  const out = new Map<string, FirewallContents>();
  for (const d of design.devices) {
    if (!d.firewall) continue;
    const list = [...d.rules.map((r) => ruleContent(r.def)), `default:${d.defaultAllow ? "allow" : "deny"}`];
    out.set(d.id, { list, set: new Set(list) });
  }
  return out;
}

function ruleContent(r: { action: string; from: string[]; to: string[]; service: ServiceSet }): string {
  const norm = (refs: string[]) => [...new Set(refs)].sort(compareCodePoints).join("|");
  return `${r.action}:${norm(r.from)}>${norm(r.to)}:${formatServiceSet(r.service)}`;
}

/** The rules of a chain that the other design's same firewall does not have. */
function changedRules(chain: Chain, design: Design, other: Map<string, FirewallContents>): string[] {
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
    if (!theirs?.set.has(content)) out.push(p.rule === "default" ? `${p.id} (default)` : p.rule);
  }
  return out;
}

function comparePairs(a: PairChange, b: PairChange): number {
  return compareCodePoints(a.source, b.source) || compareCodePoints(a.target, b.target);
}

/** One host id of either version: its host in each (absent on one side when added or removed). */
interface BothHost {
  id: string;
  o?: Host;
  n?: Host;
}

/** A set of (source, target) pairs to compare: hosts (indexes into the BothHost list) on each side, or all. */
interface Candidates {
  sources?: number[];
  targets?: number[];
}

/**
 * Whether the two versions have the same zones (ids and kinds) and the same forwarding devices
 * (ids, zones, firewall or not), in the same order: then a pair of hosts present in both, attached
 * alike and accepting alike, can reach differently only through a firewall whose rules changed.
 */
function sameStructure(a: Design, b: Design): boolean {
  if (a.zones.length !== b.zones.length || a.devices.length !== b.devices.length) return false;
  for (let i = 0; i < a.zones.length; i++) {
    const x = a.zones[i] as Design["zones"][number];
    const y = b.zones[i] as Design["zones"][number];
    if (x.id !== y.id || x.kind !== y.kind) return false;
  }
  for (let i = 0; i < a.devices.length; i++) {
    const x = a.devices[i] as Device;
    const y = b.devices[i] as Device;
    if (x.id !== y.id || x.firewall !== y.firewall || x.open !== y.open || x.zones.join(",") !== y.zones.join(",")) return false;
  }
  return true;
}

/** The services of a set of atoms (none when undefined), merged back into ranges. */
function servicesOf(analysis: Analysis, atoms: Bitset | undefined): ServiceSet {
  return atoms ? analysis.atoms.toServiceSet(atoms.and(analysis.any)) : { tcp: [], udp: [], icmp: false };
}

/** A service set's canonical text, to compare across versions (whose atoms differ). */
function servicesKey(set: ServiceSet): string {
  return isEmpty(set) ? "" : JSON.stringify(set);
}

/** Whether two lists hold the same strings in the same order. */
function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The pairs that may reach differently: every pair of a host added, removed, moved or accepting
 * otherwise; and, at each firewall whose rules changed, the pairs it now decides otherwise
 * (compared per local class of the two versions, never per host pair). Any other change of
 * structure (zones, devices) makes every pair a candidate.
 */
function candidatePairs(
  O: Analysis,
  N: Analysis,
  hosts: BothHost[],
  oldRules: Map<string, FirewallContents>,
  newRules: Map<string, FirewallContents>,
): Candidates[] {
  if (!sameStructure(O.design, N.design)) return [{}];
  const out: Candidates[] = [];
  const dirty: number[] = [];
  const clean: number[] = [];
  hosts.forEach((h, i) => {
    const moved =
      !h.o ||
      !h.n ||
      h.o.zones.join(",") !== h.n.zones.join(",") ||
      JSON.stringify(h.o.services ?? null) !== JSON.stringify(h.n.services ?? null);
    (moved ? dirty : clean).push(i);
  });
  if (dirty.length > 0) out.push({ sources: dirty }, { targets: dirty });
  for (const od of O.design.devices) {
    if (!od.firewall) continue;
    const nd = N.design.devices[od.index] as Device;
    if (sameList((oldRules.get(od.id) as FirewallContents).list, (newRules.get(nd.id) as FirewallContents).list)) continue;
    const f = od.index;
    // the clean hosts by their local classes at f in the two versions, per side
    const group = (side: 0 | 1) => {
      const groups = new Map<string, { o: number; n: number; hosts: number[] }>();
      for (const i of clean) {
        const h = hosts[i] as BothHost;
        const o =
          side === 0
            ? O.core.fromClass(f, O.core.srcClassOf[(h.o as Host).index] as number)
            : O.core.toClass(f, O.core.dstClassOf[(h.o as Host).index] as number);
        const n =
          side === 0
            ? N.core.fromClass(f, N.core.srcClassOf[(h.n as Host).index] as number)
            : N.core.toClass(f, N.core.dstClassOf[(h.n as Host).index] as number);
        const key = `${o},${n}`;
        const g = groups.get(key);
        if (g) g.hosts.push(i);
        else groups.set(key, { o, n, hosts: [i] });
      }
      return [...groups.values()];
    };
    const froms = group(0);
    const tos = group(1);
    for (const x of froms) {
      const targets: number[] = [];
      for (const y of tos) {
        const before = servicesKey(servicesOf(O, O.core.table(f).decision(x.o, y.o)));
        const after = servicesKey(servicesOf(N, N.core.table(f).decision(x.n, y.n)));
        if (before !== after) targets.push(...y.hosts);
      }
      if (targets.length > 0) out.push({ sources: x.hosts, targets });
    }
  }
  return out;
}

/**
 * The pairs whose services differ between the versions, with both service sets. Hosts of one
 * class in each version reach alike, so candidates are compared per pair of joint classes, by
 * one row per source class (or one column per destination class, whichever side has fewer
 * classes) in each version; only the pairs that differ are listed host by host.
 */
function changedPairs(
  O: Analysis,
  N: Analysis,
  hosts: BothHost[],
  oldRules: Map<string, FirewallContents>,
  newRules: Map<string, FirewallContents>,
): Array<{ s: BothHost; t: BothHost; before: ServiceSet; after: ServiceSet }> {
  // joint classes: (class in the old version, class in the new), -1 where the host is absent
  const joint = (side: 0 | 1) => {
    const keys = new Map<string, number>();
    const classes: Array<{ o: number; n: number }> = [];
    const of = new Int32Array(hosts.length);
    hosts.forEach((h, i) => {
      const o = h.o ? ((side === 0 ? O.core.srcClassOf : O.core.dstClassOf)[h.o.index] as number) : -1;
      const n = h.n ? ((side === 0 ? N.core.srcClassOf : N.core.dstClassOf)[h.n.index] as number) : -1;
      const key = `${o},${n}`;
      let c = keys.get(key);
      if (c === undefined) {
        c = classes.length;
        keys.set(key, c);
        classes.push({ o, n });
      }
      of[i] = c;
    });
    return { classes, of };
  };
  const src = joint(0);
  const dst = joint(1);
  const all = hosts.map((_h, i) => i);
  const rows: [Map<number, Map<number, Bitset>>, Map<number, Map<number, Bitset>>] = [new Map(), new Map()];
  const cols: [Map<number, Map<number, Bitset>>, Map<number, Map<number, Bitset>>] = [new Map(), new Map()];
  const line = (which: 0 | 1, side: 0 | 1, cls: number): Map<number, Bitset> => {
    if (cls < 0) return new Map();
    const cache = (side === 0 ? rows : cols)[which];
    let m = cache.get(cls);
    if (!m) {
      const reach = (which === 0 ? O : N).reach;
      m = (side === 0 ? reach.row(cls) : reach.column(cls)).atoms;
      cache.set(cls, m);
    }
    return m;
  };
  const found = new Map<string, { s: BothHost; t: BothHost; before: ServiceSet; after: ServiceSet }>();
  const byClass = (list: number[], of: Int32Array) => {
    const m = new Map<number, number[]>();
    for (const i of list) {
      const c = of[i] as number;
      const g = m.get(c);
      if (g) g.push(i);
      else m.set(c, [i]);
    }
    return m;
  };
  for (const cand of candidatePairs(O, N, hosts, oldRules, newRules)) {
    const sources = byClass(cand.sources ?? all, src.of);
    const targets = byClass(cand.targets ?? all, dst.of);
    const compare = (cs: number, ct: number, oAtoms: Bitset | undefined, nAtoms: Bitset | undefined) => {
      // the services once per pair of classes, shared by its host pairs
      const before = servicesOf(O, oAtoms);
      const after = servicesOf(N, nAtoms);
      if (servicesKey(before) === servicesKey(after)) return;
      for (const si of sources.get(cs) as number[])
        for (const ti of targets.get(ct) as number[]) {
          if (si === ti) continue;
          const key = `${si},${ti}`;
          if (found.has(key)) continue;
          found.set(key, { s: hosts[si] as BothHost, t: hosts[ti] as BothHost, before, after });
        }
    };
    // one row per source class, or one column per destination class, whichever side has fewer
    const byRows = sources.size <= targets.size;
    const side = byRows ? 0 : 1;
    const [outer, inner, outerClasses, innerClasses] = byRows ? [sources, targets, src, dst] : [targets, sources, dst, src];
    for (const x of outer.keys()) {
      const { o, n } = outerClasses.classes[x] as { o: number; n: number };
      const before = line(0, side, o);
      const after = line(1, side, n);
      for (const y of inner.keys()) {
        const c = innerClasses.classes[y] as { o: number; n: number };
        const oAtoms = c.o < 0 ? undefined : before.get(c.o);
        const nAtoms = c.n < 0 ? undefined : after.get(c.n);
        if (byRows) compare(x, y, oAtoms, nAtoms);
        else compare(y, x, oAtoms, nAtoms);
      }
    }
  }
  return [...found.values()];
}

export function reachDiff(older: CheckedDesign, newer: CheckedDesign): DiffResult["reach"] {
  if (!older.analysis || !newer.analysis || !older.design || !newer.design) return { gained: [], lost: [] };
  const O = older.analysis;
  const N = newer.analysis;
  const hosts: BothHost[] = older.design.hosts.map((h) => {
    const n = newer.design?.hostById.get(h.id);
    return n ? { id: h.id, o: h, n } : { id: h.id, o: h };
  });
  for (const h of newer.design.hosts) if (!older.design.hostById.has(h.id)) hosts.push({ id: h.id, n: h });
  const oldRules = ruleContents(older.design);
  const newRules = ruleContents(newer.design);
  const gained: PairChange[] = [];
  const lost: PairChange[] = [];
  for (const { s, t, before, after } of changedPairs(O, N, hosts, oldRules, newRules)) {
    const extra = subtract(after, before);
    if (!isEmpty(extra) && s.n && t.n) {
      const change: PairChange = { source: s.id, target: t.id, services: formatServiceSet(extra), rules: [] };
      const chain = N.reach.witness(s.n.index, t.n.index, N.services(extra));
      if (chain) {
        change.chain = chain;
        change.rules = changedRules(chain, newer.design, oldRules);
      }
      gained.push(change);
    }
    const gone = subtract(before, after);
    if (!isEmpty(gone) && s.o && t.o) {
      const change: PairChange = { source: s.id, target: t.id, services: formatServiceSet(gone), rules: [] };
      const chain = O.reach.witness(s.o.index, t.o.index, O.services(gone));
      if (chain) {
        change.chain = chain;
        change.rules = changedRules(chain, older.design, newRules);
      }
      if (s.n && t.n) {
        const why = N.reach.explain(s.n.index, t.n.index, N.services(gone));
        change.explanation = { reason: why.reason, blockers: why.blockers };
      }
      lost.push(change);
    }
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
