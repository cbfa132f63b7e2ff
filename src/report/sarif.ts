/**
 * SARIF 2.1.0 for GitHub code scanning and other tools: one rule entry per rule with its
 * metadata and help, results located at the YAML of the node, zone, flow or firewall rule,
 * waived findings as suppressions, baselined ones as `unchanged`, stable partial fingerprints.
 */

import { findRule } from "../catalogue.js";
import type { CheckResult } from "../check.js";
import type { Lang, Severity, SourceLocation } from "../model/types.js";
import type { Finding } from "../rules/types.js";
import { compareCodePoints } from "../util/compare.js";
import { evidenceLine } from "./common.js";
import type { ReportOptions } from "./types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = {
  critical: "error",
  high: "error",
  medium: "warning",
  low: "note",
  info: "note",
};

/** GitHub orders alerts by this (0–10). */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "1.0" };

const DOCS = "https://bunri.dev/docs/rules/";

/** A relative path as a URI reference (forward slashes, percent-encoded); an absolute one as a file: URI. */
export function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  const slashed = file.split("\\").join("/");
  const encoded = slashed
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
  if (slashed.startsWith("/")) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${encoded.replace("%3A", ":")}` };
  return { uri: encoded, uriBaseId: "%SRCROOT%" };
}

function physical(loc: SourceLocation) {
  return {
    physicalLocation: { artifactLocation: artifactUri(loc.file), region: { startLine: loc.line, startColumn: loc.column } },
  };
}

function ruleEntry(id: string, severity: Severity, lang: Lang) {
  const rule = findRule(id);
  const title = rule?.title[lang] ?? id;
  const refs = rule?.references.map((r) => (r.section ? `${r[lang]} ${r.section}` : r[lang])) ?? [];
  const helpText = rule ? [rule.why[lang], rule.fix[lang], ...refs.map((r) => `- ${r}`)].join("\n\n") : title;
  const helpMarkdown = rule
    ? `**${title}**\n\n${rule.why[lang]}\n\n**${lang === "ja" ? "直し方" : "How to fix it"}**: ${rule.fix[lang]}\n\n${refs.map((r) => `- ${r}`).join("\n")}`
    : title;
  return {
    id,
    name: id.replace(/-/g, ""),
    shortDescription: { text: title },
    fullDescription: { text: rule?.why[lang] ?? title },
    help: { text: helpText, markdown: helpMarkdown },
    helpUri: `${DOCS}${encodeURIComponent(id)}.md`,
    defaultConfiguration: { level: LEVEL[rule?.severity ?? severity] },
    properties: {
      tags: ["security", rule?.pack ?? "user"],
      severity: rule?.severity ?? severity,
      "security-severity": SECURITY_SEVERITY[rule?.severity ?? severity],
    },
  };
}

function result(f: Finding, ruleIndex: number) {
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ ...physical(f.location), logicalLocations: [{ name: f.subjects[0] ?? f.rule, kind: "member" }] }],
    partialFingerprints: { "bunri/v1": f.fingerprint },
    baselineState: f.baselined ? "unchanged" : "new",
    properties: {
      severity: f.severity,
      subjects: f.subjects,
      ...(f.variant ? { variant: f.variant } : {}),
      ...(f.direction ? { direction: f.direction } : {}),
      ...(evidenceLine(f) ? { evidence: evidenceLine(f) } : {}),
    },
  };
  if (f.waived && f.waiver) {
    out.suppressions = [
      {
        kind: f.waiver.location.file === f.location.file ? "inSource" : "external",
        status: "accepted",
        justification: `${f.waiver.reason} (${f.waiver.expires})`,
        location: physical(f.waiver.location),
      },
    ];
  }
  return out;
}

export function reportSarif(res: CheckResult, options: ReportOptions): string {
  const severities = new Map<string, Severity>();
  for (const file of res.files) for (const f of file.findings) if (!severities.has(f.rule)) severities.set(f.rule, f.severity);
  const ruleIds = [...severities.keys()].sort(compareCodePoints);
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = res.files.flatMap((file) => file.findings.map((f) => result(f, index.get(f.rule) as number)));
  const notifications = res.files.flatMap((file) =>
    file.errors.map((e) => ({
      level: "error",
      message: { text: e.message },
      descriptor: { id: e.code },
      locations: [physical(e)],
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
            version: res.tool.version,
            semanticVersion: res.tool.version,
            informationUri: "https://bunri.dev",
            rules: ruleIds.map((id) => ruleEntry(id, severities.get(id) as Severity, options.lang)),
          },
        },
        invocations: [{ executionSuccessful: res.summary.errors === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The directory bunri ran in." } } },
        results,
        columnKind: "unicodeCodePoints",
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
