/**
 * JUnit XML for GitLab, Jenkins and the like. A test suite per file; in it a test case
 * `bunri check` (failing when the file has input errors) and a test case per rule that ran on the
 * design (passing when it found nothing), failing when one of them is at or above `--fail-on` and neither waived nor
 * baselined. The findings that do not fail the case go to its `<system-out>`.
 */
import type { CheckResult, FileResult } from "../check.js";
import { t } from "../i18n/index.js";
import { type Lang, SEVERITIES, type Severity } from "../model/types.js";
import type { Finding } from "../rules/types.js";
import { compareRuleIds } from "../util/compare.js";
import { cleanText, counted, evidenceLine, failing, ruleTitle } from "./common.js";
import type { ReportOptions } from "./types.js";

/** Text content: controls, escape sequences and what XML 1.0 does not allow at all (U+FFFE, U+FFFF) removed, lone surrogates replaced, markup escaped. */
export function xmlText(s: string): string {
  return cleanText(s)
    .replace(/[\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** An attribute value (in double quotes): as text, and quotes, tabs and line ends as references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

function findingText(f: Finding, lang: Lang): string {
  const state = f.waived ? ` [${t(lang, "report.md.waived")}]` : f.baselined ? ` [${t(lang, "report.md.baselined")}]` : "";
  const lines = [
    `[${f.severity}] ${f.rule}${state}: ${f.message}`,
    `  at ${f.location.file}:${f.location.line}:${f.location.column}`,
  ];
  const evidence = evidenceLine(f, lang);
  if (evidence) lines.push(`  ${t(lang, "report.evidence")}: ${evidence}`);
  if (f.waived && f.waiver)
    lines.push(`  ${t(lang, "report.waived-until", { expires: f.waiver.expires, reason: f.waiver.reason })}`);
  return lines.join("\n");
}

function worst(findings: readonly Finding[]): Severity {
  let best = SEVERITIES.length - 1;
  for (const f of findings) best = Math.min(best, SEVERITIES.indexOf(f.severity));
  return SEVERITIES[best] as Severity;
}

interface Case {
  xml: string;
  failed: boolean;
}

function checkCase(file: FileResult, lang: Lang): Case {
  const head = `    <testcase classname="${xmlAttr(file.file)}" name="bunri check"`;
  if (file.errors.length === 0) return { xml: `${head}/>`, failed: false };
  const text = file.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}${e.hint ? ` (${e.hint})` : ""}`).join("\n");
  const message = t(lang, "report.junit.input-errors", { n: file.errors.length });
  return {
    xml: `${head}>\n      <failure message="${xmlAttr(message)}" type="input-error">${xmlText(text)}</failure>\n    </testcase>`,
    failed: true,
  };
}

function ruleCase(file: FileResult, rule: string, options: ReportOptions): Case {
  const { lang, failOn } = options;
  const findings = file.findings.filter((f) => f.rule === rule);
  const failures = findings.filter((f) => failing(f, failOn));
  const others = findings.filter((f) => !failing(f, failOn));
  const parts: string[] = [];
  const name = `${rule} ${ruleTitle(rule, lang, [file])}`.trim();
  if (findings.length === 0)
    return { xml: `    <testcase classname="${xmlAttr(file.file)}" name="${xmlAttr(name)}"/>`, failed: false };
  if (failures.length > 0) {
    const message =
      failures.length === 1
        ? (failures[0] as Finding).message
        : t(lang, "report.junit.findings", { n: failures.length, level: failOn });
    const body = failures.map((f) => findingText(f, lang)).join("\n\n");
    parts.push(`      <failure message="${xmlAttr(message)}" type="${worst(failures)}">${xmlText(body)}</failure>`);
  }
  if (others.length > 0) {
    // waived and baselined findings say so in their first line; the others are below --fail-on
    const notes = others.map((f) =>
      counted(f) ? `(${t(lang, "report.junit.below", { level: failOn })}) ${findingText(f, lang)}` : findingText(f, lang),
    );
    parts.push(`      <system-out>${xmlText(notes.join("\n\n"))}</system-out>`);
  }
  return {
    xml: `    <testcase classname="${xmlAttr(file.file)}" name="${xmlAttr(name)}">\n${parts.join("\n")}\n    </testcase>`,
    failed: failures.length > 0,
  };
}

export function reportJunit(result: CheckResult, options: ReportOptions): string {
  let tests = 0;
  let failures = 0;
  const suites: string[] = [];
  for (const file of result.files) {
    // every rule that ran is a case, passing ones too, so a CI test tab shows what was checked;
    // a result saved before bunri listed them has the rules with findings only
    const ids = new Set([...(file.activeRules ?? []), ...file.findings.map((f) => f.rule)]);
    const rules = [...ids].sort(compareRuleIds);
    const cases = [checkCase(file, options.lang), ...rules.map((r) => ruleCase(file, r, options))];
    const failed = cases.filter((c) => c.failed).length;
    tests += cases.length;
    failures += failed;
    suites.push(
      `  <testsuite name="${xmlAttr(file.file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases
        .map((c) => c.xml)
        .join("\n")}\n  </testsuite>`,
    );
  }
  const body = suites.length > 0 ? `\n${suites.join("\n")}` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bunri" tests="${tests}" failures="${failures}" errors="0">${body}\n</testsuites>\n`;
}
