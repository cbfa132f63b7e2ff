/**
 * SARIF 2.1.0, for GitHub code scanning and other tools: one run; one `rules[]` entry per rule that
 * has findings, with its metadata and its whole help in text and Markdown (from the catalogue, or
 * for a rule of the user's policy files from the result); files by their path from the root of the
 * repository that holds them (`%SRCROOT%`); results located at the YAML line and column of
 * the node, zone, flow or firewall rule; waived findings as suppressions (`inSource` for a waiver
 * in the topology, `external` for one from `--waivers`), baselined ones as `unchanged`; stable
 * partial fingerprints; input errors as tool execution notifications.
 */

import { ruleExamples } from "../catalogue.js";
import { type CheckResult, exitCode, type FileResult } from "../check.js";
import { t } from "../i18n/index.js";
import type { Lang, Severity, SourceLocation } from "../model/types.js";
import { referenceLine } from "../rules/render.js";
import type { Finding, RuleMetadata } from "../rules/types.js";
import { evidenceLine, ruleInfo, rulesOf, wellFormed } from "./common.js";
import { jsonText } from "./sanitize.js";
import type { ReportOptions } from "./types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** GitHub code scanning orders and labels alerts by this (0.0–10.0). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" };

/**
 * A file path as SARIF wants it: relative paths as a URI reference against %SRCROOT% (forward
 * slashes, each segment percent-encoded, no leading `./`); absolute ones as a file: URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  let slashed = wellFormed(file).split("\\").join("/");
  while (slashed.startsWith("./")) slashed = slashed.slice(2);
  const encoded = slashed
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
  if (slashed.startsWith("/")) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${slashed.slice(0, 2)}${encoded.slice(encoded.indexOf("/"))}` };
  return { uri: encoded, uriBaseId: "%SRCROOT%" };
}

function physicalLocation(loc: SourceLocation, options: ReportOptions) {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(options.rootRelative ? options.rootRelative(loc.file) : loc.file),
      region: { startLine: Math.max(1, loc.line), startColumn: Math.max(1, loc.column) },
    },
  };
}

/** `The internet does not reach the DB` → `TheInternetDoesNotReachTheDb`: a name for the rule. */
function pascal(title: string): string {
  return title
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join("");
}

function referenceText(rule: RuleMetadata, lang: Lang): string[] {
  return rule.references.map((r) => referenceLine(r, lang));
}

/** The example design that passes the rule (docs/rules/examples/ID/correct.yaml), for a built-in rule that has one. */
function passingExample(id: string): string | undefined {
  return ruleExamples(id).find((e) => e.kind === "correct")?.text;
}

/**
 * A rule's entry in `rules[]`: its metadata in the reader's language, from the catalogue or, for a
 * rule of the user's policy files, from the result. Code scanning shows `help` beside the alert,
 * so it holds everything (why, how to fix, references, an example design that passes): no link
 * to a page elsewhere.
 */
function ruleDescriptor(id: string, fallbackSeverity: Severity, lang: Lang, files: readonly FileResult[]) {
  const info = ruleInfo(id, files);
  if (!info) {
    const text = t(lang, "report.user-rule", { rule: id });
    return {
      id,
      name: pascal(id) || "Rule",
      shortDescription: { text: id },
      fullDescription: { text },
      help: { text, markdown: text },
      defaultConfiguration: { level: LEVEL[fallbackSeverity] },
      properties: {
        severity: fallbackSeverity,
        pack: "policy",
        tags: ["security", "policy"],
        "security-severity": SECURITY_SEVERITY[fallbackSeverity],
      },
    };
  }
  const rule = info.meta;
  const pack = rule.pack ?? "policy";
  const title = rule.title[lang];
  const why = rule.why[lang].trim();
  const fix = rule.fix[lang].trim();
  const refs = referenceText(rule, lang);
  const example = info.builtIn ? passingExample(rule.id) : undefined;
  const text = [
    `${t(lang, "report.why")}: ${why}`,
    `${t(lang, "report.fix")}: ${fix}`,
    ...(refs.length > 0 ? [`${t(lang, "report.references")}:\n${refs.map((r) => `- ${r}`).join("\n")}`] : []),
    ...(example ? [`${t(lang, "report.sarif.example")}:\n${example.trimEnd()}`] : []),
  ].join("\n\n");
  const fence = "`".repeat(Math.max(3, ...[...(example ?? "").matchAll(/`+/g)].map((m) => m[0].length + 1)));
  const markdown = [
    `**${title}** (${rule.id}, ${rule.severity})`,
    `**${t(lang, "report.why")}**: ${why}`,
    `**${t(lang, "report.fix")}**: ${fix}`,
    ...(refs.length > 0 ? [`**${t(lang, "report.references")}**\n\n${refs.map((r) => `- ${r}`).join("\n")}`] : []),
    ...(example ? [`**${t(lang, "report.sarif.example")}**\n\n${fence}yaml\n${example.trimEnd()}\n${fence}`] : []),
  ].join("\n\n");
  return {
    id: rule.id,
    name: pascal(rule.title.en) || pascal(rule.id) || "Rule",
    shortDescription: { text: title },
    fullDescription: { text: why },
    help: { text, markdown },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      severity: rule.severity,
      pack,
      tags: ["security", pack],
      "security-severity": SECURITY_SEVERITY[rule.severity],
    },
  };
}

function sarifResult(file: FileResult, f: Finding, ruleIndex: number, options: ReportOptions) {
  const { lang } = options;
  const evidence = evidenceLine(f, lang);
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: evidence ? `${f.message}\n${t(lang, "report.evidence")}: ${evidence}` : f.message },
    locations: [{ ...physicalLocation(f.location, options), logicalLocations: [{ name: f.subjects[0] ?? f.rule }] }],
    partialFingerprints: { "bunri/v1": f.fingerprint },
    baselineState: f.baselined ? "unchanged" : "new",
  };
  if (f.waived && f.waiver) {
    out.suppressions = [
      {
        kind: f.waiver.location.file === file.file ? "inSource" : "external",
        status: "accepted",
        justification: f.waiver.reason,
        location: physicalLocation(f.waiver.location, options),
        properties: { expires: f.waiver.expires, ...(f.waiver.approvedBy ? { approvedBy: f.waiver.approvedBy } : {}) },
      },
    ];
  }
  out.properties = {
    severity: f.severity,
    subjects: f.subjects,
    ...(file.topology !== undefined ? { topology: file.topology } : {}),
    ...(f.variant !== undefined ? { variant: f.variant } : {}),
    ...(f.direction !== undefined ? { direction: f.direction } : {}),
    ...(f.evidence.chain ? { service: f.evidence.chain.service } : {}),
  };
  return out;
}

export function reportSarif(result: CheckResult, options: ReportOptions): string {
  const { lang } = options;
  const ids = rulesOf(result);
  const index = new Map(ids.map((id, i) => [id, i]));
  const firstSeverity = new Map<string, Severity>();
  for (const file of result.files)
    for (const f of file.findings) if (!firstSeverity.has(f.rule)) firstSeverity.set(f.rule, f.severity);
  const results = result.files.flatMap((file) =>
    file.findings.map((f) => sarifResult(file, f, index.get(f.rule) ?? -1, options)),
  );
  const notifications = result.files.flatMap((file) =>
    file.errors.map((e) => ({
      level: "error",
      message: { text: e.hint ? `${e.message} (${e.hint})` : e.message },
      descriptor: { id: e.code },
      locations: [physicalLocation(e, options)],
    })),
  );
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "bunri",
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules: ids.map((id) => ruleDescriptor(id, firstSeverity.get(id) ?? "high", lang, result.files)),
          },
        },
        invocations: [
          {
            executionSuccessful: result.summary.errors === 0,
            exitCode: exitCode(result, options.failOn),
            toolExecutionNotifications: notifications,
          },
        ],
        originalUriBaseIds: {
          "%SRCROOT%": {
            description: {
              text: "The root of the git repository that holds the designs (for a file in no repository, the directory bunri was run in).",
            },
          },
        },
        columnKind: "unicodeCodePoints",
        results,
      },
    ],
  };
  return `${jsonText(sarif)}\n`;
}
