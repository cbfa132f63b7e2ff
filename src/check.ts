/**
 * The pipeline, as dependency-cruiser has it: load → validate → build the graph → derive the
 * expensive facts once → run the rules → apply waivers. Returns data; never prints or exits.
 */
import { readFileSync } from "node:fs";
import { Analysis } from "./analyze/index.js";
import { t } from "./i18n/index.js";
import { findTopologyFiles, loadTopologyFile, loadTopologyText, loadWaiversFile } from "./load/index.js";
import { buildDesign, type Design } from "./model/design.js";
import { type InputError, type Lang, SEVERITIES, type Severity, type Topology, type WaiverDef } from "./model/types.js";
import { runRules } from "./rules/engine.js";
import { selectPolicies } from "./rules/policy.js";
import type { Bilingual, Finding, RuleDefinition, RuleMetadata } from "./rules/types.js";
import { compareCodePoints, compareRuleIds } from "./util/compare.js";
import { packagePath } from "./util/paths.js";
import { didYouMean } from "./util/suggest.js";

export interface CheckOptions {
  lang?: Lang;
  /** YYYY-MM-DD; default: SOURCE_DATE_EPOCH's date, else today, in Japan */
  today?: string;
  /** `--policy`: replaces the topologies' own `policies` */
  policies?: string[];
  /** `--designs-only`: named YAML files that are not designs are skipped, as in a directory */
  designsOnly?: boolean;
  /** `--waivers FILE` */
  waivers?: string;
  /** where relative `--policy` paths are resolved */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Called with what is worth saying but fails nothing: an entry of the `--waivers` file whose
   * `topology` is none of the checked designs' names (a typo, or a design not checked this time).
   */
  onWarning?: (warning: InputError) => void;
  /** called with each checked design (model and analysis included), for diagrams and the explorer */
  onChecked?: (checked: CheckedDesign) => void;
  /**
   * Another language to write each finding's message in as well (`Finding.messageIn`), for a
   * report in another language than the others (the HTML report), without checking twice.
   */
  alsoLang?: Lang;
}

export interface FileResult {
  file: string;
  topology?: string;
  title?: string;
  model?: string;
  errors: InputError[];
  findings: Finding[];
  /**
   * The rules that ran on this design, in catalogue order: what a report can list as checked and
   * passed. Absent when the design did not load (and in results saved before bunri wrote it).
   */
  activeRules?: string[];
  /** Not a design: the `--waivers` or `--baseline` file, here for its input errors; not counted among the files checked. */
  role?: "waivers" | "baseline";
  /**
   * The rules of the user's policy files that have findings here, with their metadata, in id
   * order; absent when there are none. Built-in rules are not repeated: the catalogue has them.
   */
  rules?: RuleMetadata[];
}

export interface Summary {
  files: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  info: number;
  waived: number;
  baselined: number;
  errors: number;
}

export interface CheckResult {
  tool: { name: "bunri"; version: string };
  files: FileResult[];
  summary: Summary;
}

/** A checked design, with the model and analysis kept for the explorer and `reach`. */
export interface CheckedDesign {
  result: FileResult;
  topology?: Topology;
  design?: Design;
  analysis?: Analysis;
}

export function toolVersion(): string {
  return JSON.parse(readFileSync(packagePath("package.json"), "utf8")).version as string;
}

const JST_FIXED_FROM = Date.UTC(1952, 0, 1);
const JST_FIXED_UNTIL = Date.UTC(9999, 11, 31);

/** Today's date in Japan (Asia/Tokyo), or the date `SOURCE_DATE_EPOCH` fixes. */
export function todayInJapan(env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const when = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  // Japan Standard Time is UTC+9 with no summer time since 1951: plain arithmetic, as building
  // the time-zone formatter costs ~30 ms, a tenth of a typical check's start-up (issue 9). Other
  // instants (before 1952, beyond year 9999, invalid) keep the formatter's answer.
  const ms = when.getTime();
  if (ms >= JST_FIXED_FROM && ms < JST_FIXED_UNTIL) return new Date(ms + 9 * 3_600_000).toISOString().slice(0, 10);
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(when);
  return parts;
}

interface Resolved {
  lang: Lang;
  today: string;
  cwd: string;
  externalWaivers: WaiverDef[];
  waiverErrors: InputError[];
}

async function resolveOptions(options: CheckOptions): Promise<Resolved> {
  const lang = options.lang ?? "en";
  const resolved: Resolved = {
    lang,
    today: options.today ?? todayInJapan(options.env ?? process.env),
    cwd: options.cwd ?? process.cwd(),
    externalWaivers: [],
    waiverErrors: [],
  };
  if (options.waivers) {
    const w = await loadWaiversFile(options.waivers, { lang });
    resolved.externalWaivers = w.waivers;
    resolved.waiverErrors = w.errors;
  }
  return resolved;
}

/** Analyses one loaded topology with the selected policies. */
export function analyseTopology(
  topology: Topology,
  options: CheckOptions & { externalWaivers?: WaiverDef[] } = {},
): CheckedDesign {
  const lang = options.lang ?? "en";
  const result: FileResult = { file: topology.file, topology: topology.name, errors: [], findings: [] };
  if (topology.title !== undefined) result.title = topology.title;
  if (topology.model !== undefined) result.model = topology.model;
  const selectOptions: Parameters<typeof selectPolicies>[1] = { lang, cwd: options.cwd ?? process.cwd() };
  if (options.policies) selectOptions.cliPolicies = options.policies;
  const selection = selectPolicies(topology, selectOptions);
  if (selection.errors.length > 0) {
    result.errors = selection.errors;
    return { result, topology };
  }
  const design = buildDesign(topology);
  const analysis = new Analysis(design);
  const run = runRules(design, analysis, selection.rules, {
    lang,
    today: options.today ?? todayInJapan(options.env ?? process.env),
    externalWaivers: (options.externalWaivers ?? []).filter((w) => w.topology === topology.name),
    knownRuleIds: selection.knownRuleIds,
    ...(options.alsoLang && options.alsoLang !== lang ? { alsoLang: options.alsoLang } : {}),
  });
  result.findings = run.findings;
  result.errors = run.errors;
  result.activeRules = [...run.active].sort(compareRuleIds);
  const found = new Set(run.findings.map((f) => f.rule));
  const own = selection.rules.filter((r) => !r.builtIn && found.has(r.id)).sort((a, b) => compareCodePoints(a.id, b.id));
  if (own.length > 0) result.rules = own.map(ruleMetadata);
  return { result, topology, design, analysis };
}

const bilingual = (b: Bilingual): Bilingual => ({ ja: b.ja, en: b.en });

/**
 * What a result keeps of a rule of the user's policy files. Its pack only when the file declares
 * one: without, the rule's pack is the policy file's absolute path, which is no business of a report.
 */
function ruleMetadata(rule: RuleDefinition): RuleMetadata {
  return {
    id: rule.id,
    severity: rule.severity,
    ...(rule.pack !== rule.loc?.file ? { pack: rule.pack } : {}),
    title: bilingual(rule.title),
    why: bilingual(rule.why),
    fix: bilingual(rule.fix),
    references: rule.references.map((r) => ({ ...bilingual(r), ...(r.section !== undefined ? { section: r.section } : {}) })),
  };
}

/** Checks a topology given as text (tests, editors, other tools). */
export function checkText(
  text: string,
  file: string,
  options: CheckOptions & { externalWaivers?: WaiverDef[] } = {},
): CheckedDesign {
  const lang = options.lang ?? "en";
  const loaded = loadTopologyText(text, file, { lang });
  if (!loaded.topology) return { result: { file, errors: loaded.errors, findings: [] } };
  return analyseTopology(loaded.topology, options);
}

export async function checkFile(
  file: string,
  options: CheckOptions & { externalWaivers?: WaiverDef[] } = {},
): Promise<CheckedDesign> {
  const lang = options.lang ?? "en";
  const loaded = await loadTopologyFile(file, { lang });
  if (!loaded.topology) return { result: { file, errors: loaded.errors, findings: [] } };
  return analyseTopology(loaded.topology, options);
}

export function summarize(files: readonly FileResult[]): Summary {
  const summary: Summary = {
    files: files.filter((f) => f.role === undefined).length,
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
    waived: 0,
    baselined: 0,
    errors: 0,
  };
  for (const f of files) {
    summary.errors += f.errors.length;
    for (const x of f.findings) {
      if (x.waived) summary.waived++;
      else if (x.baselined) summary.baselined++;
      else summary[x.severity]++;
    }
  }
  return summary;
}

/**
 * Checks files and directories (directories are searched for topologies as cli.md says).
 * Errors of one file never stop the others.
 */
export async function check(paths: readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const resolved = await resolveOptions(options);
  const found = await findTopologyFiles([...paths], resolved.lang, { designsOnly: options.designsOnly ?? false });
  const files: FileResult[] = [];
  for (const e of found.errors) files.push({ file: e.file, errors: [e], findings: [] });
  for (const file of found.files) {
    const checked = await checkFile(file, {
      ...options,
      lang: resolved.lang,
      today: resolved.today,
      cwd: resolved.cwd,
      externalWaivers: resolved.externalWaivers,
    });
    files.push(checked.result);
    options.onChecked?.(checked);
  }
  if (options.onWarning) {
    const names = new Set(files.flatMap((f) => (f.topology !== undefined ? [f.topology] : [])));
    const loaded = files.length > 0 && files.every((f) => f.topology !== undefined);
    for (const w of resolved.externalWaivers) {
      if (w.topology === undefined || names.has(w.topology) || !loaded) continue;
      const near = didYouMean(w.topology, names);
      const warning: InputError = {
        ...w.loc,
        code: "waiver-topology",
        message: t(resolved.lang, "check.waiver-no-design", { topology: w.topology }),
      };
      if (near !== undefined) warning.hint = t(resolved.lang, "load.did-you-mean", { name: near });
      options.onWarning(warning);
    }
  }
  if (resolved.waiverErrors.length > 0 && options.waivers)
    files.push({ file: options.waivers, role: "waivers", errors: resolved.waiverErrors, findings: [] });
  return { tool: { name: "bunri", version: toolVersion() }, files, summary: summarize(files) };
}

/** Exit status of cli.md: 2 on any input error, else 1 when a counted finding is at or above `failOn`. */
export function exitCode(result: CheckResult, failOn: Severity | "none" = "high"): 0 | 1 | 2 {
  if (result.summary.errors > 0) return 2;
  if (failOn === "none") return 0;
  const limit = SEVERITIES.indexOf(failOn);
  for (const f of result.files)
    for (const x of f.findings) if (!x.waived && !x.baselined && SEVERITIES.indexOf(x.severity) <= limit) return 1;
  return 0;
}
