/**
 * Baselines: findings already known, by fingerprint. `--write-baseline FILE` records the current
 * findings; `--baseline FILE` marks findings found there as baselined (reported, never failing);
 * `--base REV` does the same with the findings of the designs as they were at a git revision.
 * Matching is a multiset of fingerprints: two identical known findings cover two current ones.
 */
import { basename, dirname, resolve } from "node:path";
import { type CheckOptions, type CheckResult, checkText, summarize } from "./check.js";
import { t } from "./i18n/index.js";
import { decodeInput, MAX_FILE_BYTES, MAX_JSON_BYTES, parseJsonWellFormed, readInputFile } from "./load/file.js";
import { loadWaiversText } from "./load/index.js";
import type { InputError, Lang, WaiverDef } from "./model/types.js";
import type { Finding } from "./rules/types.js";
import { compareCodePoints } from "./util/compare.js";
import { blobAt, verifyCommit } from "./util/git.js";
import { lineColumn, scanJson } from "./util/json.js";

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

/** Parses a baseline file's text; errors name the file, line and column. */
export function parseBaseline(text: string, file: string, lang: Lang): { baseline?: Baseline; errors: InputError[] } {
  const err = (message: string, line = 1, column = 1): { errors: InputError[] } => ({
    errors: [{ file, line, column, code: "baseline", message }],
  });
  let data: unknown;
  const body = text.replace(/^\uFEFF/, "");
  try {
    data = parseJsonWellFormed(body);
  } catch {
    // JSON.parse names no position on Node 20: a linear scan finds it
    const offset = scanJson(body).error ?? body.length;
    const at = lineColumn(body, offset);
    const detail =
      offset >= body.length
        ? t(lang, "baseline.truncated")
        : t(lang, "baseline.unexpected", { char: JSON.stringify(String.fromCodePoint(body.codePointAt(offset) ?? 0)) });
    return err(t(lang, "baseline.json", { detail }), at.line, at.column);
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

export class BaseError extends Error {}

/** A file's text at a commit of the repository the file is in, or undefined when the file does not exist there or is not a readable design. */
function showAt(commit: string, file: string, cwd: string, lang: Lang): string | undefined {
  const path = resolve(cwd, file);
  const blob = blobAt(commit, `./${basename(path)}`, dirname(path), MAX_FILE_BYTES);
  if (!blob.bytes) return undefined;
  const decoded = decodeInput(blob.bytes, file, lang);
  return decoded.text;
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
  // REV is looked up in the repository of the designs, wherever bunri is run from; it never
  // reaches git as an option: resolved to a commit first, then only the commit's name is used
  const designs = result.files.filter((f) => f.role === undefined && f.file !== options.waivers);
  const dirs = designs.length > 0 ? designs.map((f) => dirname(resolve(cwd, f.file))) : [cwd];
  let commit: string | undefined;
  for (const dir of dirs) {
    commit = verifyCommit(rev, dir);
    if (commit !== undefined) break;
  }
  if (commit === undefined) throw new BaseError(t(lang, "base.bad-rev", { rev }));
  let externalWaivers: WaiverDef[] = [];
  if (options.waivers) {
    const text = showAt(commit, options.waivers, cwd, lang);
    if (text !== undefined) externalWaivers = loadWaiversText(text, options.waivers, { lang }).waivers;
  }
  const fingerprints: string[] = [];
  const warnings: string[] = [];
  for (const file of result.files) {
    if (file.role !== undefined || file.file === options.waivers) continue;
    const text = showAt(commit, file.file, cwd, lang);
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
  const read = readInputFile(file, lang, { maxBytes: MAX_JSON_BYTES });
  if (read.error)
    return { errors: [{ ...read.error, code: "baseline", message: `${t(lang, "baseline.unreadable")}: ${read.error.message}` }] };
  return parseBaseline(read.text, file, lang);
}
