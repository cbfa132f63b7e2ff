/**
 * Baselines: findings already known, by fingerprint. `--write-baseline FILE` records the current
 * findings; `--baseline FILE` marks findings found there as baselined (reported, never failing);
 * `--base REV` does the same with the findings of the designs as they were at a git revision.
 * Matching is a multiset of fingerprints: two identical known findings cover two current ones.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { parseDocument } from "yaml";
import { type CheckOptions, type CheckResult, checkText, summarize } from "./check.js";
import { t } from "./i18n/index.js";
import { loadWaiversText } from "./load/index.js";
import type { InputError, Lang, WaiverDef } from "./model/types.js";
import type { Finding } from "./rules/types.js";
import { compareCodePoints } from "./util/compare.js";

export const BASELINE_FORMAT = 1;

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** the topology's name */
  topology: string;
  /** the primary subject, for people reading the file */
  subject: string;
}

export interface Baseline {
  "bunri-baseline": typeof BASELINE_FORMAT;
  findings: BaselineEntry[];
}

/** The baseline of a result: every finding that is not waived, in a stable order. */
export function makeBaseline(result: CheckResult): Baseline {
  const findings: BaselineEntry[] = [];
  for (const file of result.files) {
    for (const f of file.findings) {
      if (f.waived) continue;
      findings.push({ fingerprint: f.fingerprint, rule: f.rule, topology: file.topology ?? "", subject: f.subjects[0] ?? "" });
    }
  }
  findings.sort(
    (a, b) =>
      compareCodePoints(a.topology, b.topology) ||
      compareCodePoints(a.rule, b.rule) ||
      compareCodePoints(a.subject, b.subject) ||
      compareCodePoints(a.fingerprint, b.fingerprint),
  );
  return { "bunri-baseline": BASELINE_FORMAT, findings };
}

export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((e) => `    ${JSON.stringify(e)}`);
  return `{\n  "bunri-baseline": ${BASELINE_FORMAT},\n  "findings": [\n${lines.join(",\n")}${lines.length ? "\n" : ""}  ]\n}\n`;
}

/** Line and column (1-based) of a character offset. */
function position(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: [...text.slice(start, offset)].length + 1 };
}

/** Parses a baseline file's text; errors name the file, line and column. */
export function parseBaseline(text: string, file: string, lang: Lang): { baseline?: Baseline; errors: InputError[] } {
  const err = (message: string, line = 1, column = 1): { errors: InputError[] } => ({
    errors: [{ file, line, column, code: "baseline", message }],
  });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    // JSON.parse names no position on Node 20; the YAML parser (JSON is YAML) does.
    const yamlError = parseDocument(text).errors[0];
    const m = /position (\d+)/.exec((error as Error).message);
    const at = yamlError?.linePos?.[0] ?? (m ? position(text, Number(m[1])) : position(text, text.length));
    const detail = yamlError ? (yamlError.message.split(" at line")[0] ?? yamlError.message) : t(lang, "baseline.truncated");
    return err(t(lang, "baseline.json", { detail }), at.line, at.col);
  }
  if (typeof data !== "object" || data === null || (data as Record<string, unknown>)["bunri-baseline"] !== BASELINE_FORMAT)
    return err(t(lang, "baseline.format"));
  const list = (data as Record<string, unknown>).findings;
  if (!Array.isArray(list)) return err(t(lang, "baseline.format"));
  const findings: BaselineEntry[] = [];
  for (const [i, e] of list.entries()) {
    const entry = e as Record<string, unknown>;
    if (typeof entry !== "object" || entry === null || typeof entry.fingerprint !== "string")
      return err(t(lang, "baseline.entry", { index: i + 1 }));
    findings.push({
      fingerprint: entry.fingerprint,
      rule: String(entry.rule ?? ""),
      topology: String(entry.topology ?? ""),
      subject: String(entry.subject ?? ""),
    });
  }
  return { baseline: { "bunri-baseline": BASELINE_FORMAT, findings }, errors: [] };
}

/**
 * Marks the findings whose fingerprints the known multiset covers as baselined (waived findings
 * stay waived) and recomputes the summary. Returns how many known entries matched nothing.
 */
export function applyBaseline(result: CheckResult, known: Iterable<string>): { result: CheckResult; unmatched: number } {
  const counts = new Map<string, number>();
  for (const fp of known) counts.set(fp, (counts.get(fp) ?? 0) + 1);
  const files = result.files.map((file) => ({
    ...file,
    findings: file.findings.map((f): Finding => {
      if (f.waived || f.baselined) return f;
      const n = counts.get(f.fingerprint) ?? 0;
      if (n === 0) return f;
      counts.set(f.fingerprint, n - 1);
      return { ...f, baselined: true };
    }),
  }));
  let unmatched = 0;
  for (const n of counts.values()) unmatched += n;
  return { result: { ...result, files, summary: summarize(files) }, unmatched };
}

function git(args: string[], cwd: string): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
}

export class BaseError extends Error {}

/** A file's text at a revision of the repository the file is in, or undefined when it does not exist there. */
function showAt(rev: string, file: string, cwd: string): string | undefined {
  const path = resolve(cwd, file);
  try {
    return git(["show", `${rev}:./${basename(path)}`], dirname(path));
  } catch {
    return undefined;
  }
}

/** Whether `rev` names a commit in the repository that holds `dir` (a file's directory, not the current one). */
function isCommit(rev: string, dir: string): boolean {
  try {
    git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * The fingerprints of the findings that each checked file had at `rev`: each file is read with
 * `git show REV:path` and checked with this bunri, the same options, and that version's own
 * waivers (the topology's, and the `--waivers` file as it was at REV). Files absent or invalid
 * at REV contribute nothing; a warning says so.
 */
export function fingerprintsAtRevision(
  result: CheckResult,
  rev: string,
  options: CheckOptions,
): { fingerprints: string[]; warnings: string[] } {
  const lang = options.lang ?? "en";
  const cwd = options.cwd ?? process.cwd();
  // REV is looked up in the repository of the designs, wherever bunri is run from
  const designs = result.files.filter((f) => f.role === undefined && f.file !== options.waivers);
  const dirs = designs.length > 0 ? designs.map((f) => dirname(resolve(cwd, f.file))) : [cwd];
  if (!dirs.some((dir) => isCommit(rev, dir))) throw new BaseError(t(lang, "base.bad-rev", { rev }));
  let externalWaivers: WaiverDef[] = [];
  if (options.waivers) {
    const text = showAt(rev, options.waivers, cwd);
    if (text !== undefined) externalWaivers = loadWaiversText(text, options.waivers, { lang }).waivers;
  }
  const fingerprints: string[] = [];
  const warnings: string[] = [];
  for (const file of result.files) {
    if (file.role !== undefined || file.file === options.waivers) continue;
    const text = showAt(rev, file.file, cwd);
    if (text === undefined) {
      warnings.push(t(lang, "base.absent", { file: file.file, rev }));
      continue;
    }
    const old = checkText(text, file.file, { ...options, externalWaivers });
    if (old.result.errors.length > 0) {
      warnings.push(t(lang, "base.invalid", { file: file.file, rev }));
      continue;
    }
    for (const f of old.result.findings) fingerprints.push(f.fingerprint);
  }
  return { fingerprints, warnings };
}

export function readBaselineFile(file: string, lang: Lang): { baseline?: Baseline; errors: InputError[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { errors: [{ file, line: 1, column: 1, code: "baseline", message: t(lang, "baseline.unreadable") }] };
  }
  return parseBaseline(text, file, lang);
}
