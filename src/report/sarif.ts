/**
 * SARIF 2.1.0, for GitHub code scanning and other tools: one run; one `rules[]` entry per rule that
 * has findings, with its metadata and help (from the catalogue, or for a rule of the user's policy
 * files from the result, which has no help page); results located at the YAML line and column of
 * the node, zone, flow or firewall rule; waived findings as suppressions (`inSource` for a waiver
 * in the topology, `external` for one from `--waivers`), baselined ones as `unchanged`; stable
 * partial fingerprints; input errors as tool execution notifications.
 */
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

/** Where the project lives; each rule is documented at docs/rules/ID.md there. */
export const HOME = "https://bunri.dev/";
const RULE_DOCS = `${HOME}docs/rules/`;

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

function physicalLocation(loc: SourceLocation) {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(loc.file),
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

/**
 * A rule's entry in `rules[]`: its metadata in the reader's language, from the catalogue or, for a
 * rule of the user's policy files, from the result. Only a built-in rule has a help page (helpUri).
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
  const helpUri = info.builtIn ? `${RULE_DOCS}${encodeURIComponent(rule.id)}.md` : undefined;
  const text = [
    `${t(lang, "report.why")}: ${why}`,
    `${t(lang, "report.fix")}: ${fix}`,
    ...(refs.length > 0 ? [`${t(lang, "report.references")}:\n${refs.map((r) => `- ${r}`).join("\n")}`] : []),
  ].join("\n\n");
  const markdown = [
    `**${title}**`,
    why,
    `**${t(lang, "report.fix")}**: ${fix}`,
    ...(refs.length > 0 ? [`**${t(lang, "report.references")}**\n\n${refs.map((r) => `- ${r}`).join("\n")}`] : []),
    ...(helpUri ? [`[${rule.id}](${helpUri})`] : []),
  ].join("\n\n");
  return {
    id: rule.id,
    name: pascal(rule.title.en) || pascal(rule.id) || "Rule",
    shortDescription: { text: title },
    fullDescription: { text: why },
    help: { text, markdown },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      severity: rule.severity,
      pack,
      tags: ["security", pack],
      "security-severity": SECURITY_SEVERITY[rule.severity],
    },
  };
}

function sarifResult(file: FileResult, f: Finding, ruleIndex: number, lang: Lang) {
  const evidence = evidenceLine(f, lang);
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: evidence ? `${f.message}\n${t(lang, "report.evidence")}: ${evidence}` : f.message },
    locations: [{ ...physicalLocation(f.location), logicalLocations: [{ name: f.subjects[0] ?? f.rule }] }],
    partialFingerprints: { "bunri/v1": f.fingerprint },
    baselineState: f.baselined ? "unchanged" : "new",
  };
  if (f.waived && f.waiver) {
    out.suppressions = [
      {
        kind: f.waiver.location.file === file.file ? "inSource" : "external",
        status: "accepted",
        justification: f.waiver.reason,
        location: physicalLocation(f.waiver.location),
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
  const results = result.files.flatMap((file) => file.findings.map((f) => sarifResult(file, f, index.get(f.rule) ?? -1, lang)));
  const notifications = result.files.flatMap((file) =>
    file.errors.map((e) => ({
      level: "error",
      message: { text: e.hint ? `${e.message} (${e.hint})` : e.message },
      descriptor: { id: e.code },
      locations: [physicalLocation(e)],
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
            informationUri: HOME,
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
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The directory bunri was run in." } } },
        columnKind: "unicodeCodePoints",
        results,
      },
    ],
  };
  return `${jsonText(sarif)}\n`;
}
