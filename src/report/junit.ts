/**
 * JUnit XML for GitLab, Jenkins and the like: a test suite per file, a test case per rule that
 * has findings there (failing when one of them is at or above --fail-on), and a test case for
 * loading the design (an error when the file has input errors).
 */

import { findRule } from "../catalogue.js";
import type { CheckResult } from "../check.js";
import type { Finding } from "../rules/types.js";
import { compareCodePoints } from "../util/compare.js";
import { counted, evidenceLine, failing } from "./common.js";
import type { ReportOptions } from "./types.js";

/** Characters XML 1.0 does not allow at all, even escaped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\u001b\[[0-?]*[ -/]*[@-~]/g;

export function xml(s: string): string {
  return s
    .replace(ILLEGAL, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function findingText(f: Finding): string {
  const state = f.waived ? " [waived]" : f.baselined ? " [baselined]" : "";
  const ev = evidenceLine(f);
  return `${f.severity} ${f.rule}${state}: ${f.message} (${f.location.file}:${f.location.line}:${f.location.column})${ev ? `\n  ${ev}` : ""}`;
}

export function reportJunit(result: CheckResult, options: ReportOptions): string {
  const { lang, failOn } = options;
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const file of result.files) {
    const cases: string[] = [];
    let suiteFailures = 0;
    const loadCase = `classname="${xml(file.file)}" name="load and validate"`;
    if (file.errors.length > 0) {
      errors++;
      const text = file.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`).join("\n");
      cases.push(
        `    <testcase ${loadCase}>\n      <error message="${xml(file.errors[0]?.message ?? "")}" type="input">${xml(text)}</error>\n    </testcase>`,
      );
    } else cases.push(`    <testcase ${loadCase}/>`);
    const byRule = new Map<string, Finding[]>();
    for (const f of file.findings) {
      const list = byRule.get(f.rule);
      if (list) list.push(f);
      else byRule.set(f.rule, [f]);
    }
    for (const rule of [...byRule.keys()].sort(compareCodePoints)) {
      const list = byRule.get(rule) as Finding[];
      const title = findRule(rule)?.title[lang] ?? rule;
      const head = `classname="${xml(file.file)}" name="${xml(`${rule} ${title}`)}"`;
      const bad = list.filter((f) => failing(f, failOn));
      const text = list.map(findingText).join("\n");
      if (bad.length > 0) {
        suiteFailures++;
        const first = bad[0] as Finding;
        cases.push(
          `    <testcase ${head}>\n      <failure message="${xml(first.message)}" type="${first.severity}">${xml(text)}</failure>\n    </testcase>`,
        );
      } else {
        const note = list.every((f) => !counted(f)) ? "waived or baselined" : `below --fail-on ${failOn}`;
        cases.push(`    <testcase ${head}>\n      <system-out>${xml(`${note}\n${text}`)}</system-out>\n    </testcase>`);
      }
    }
    tests += cases.length;
    failures += suiteFailures;
    const suiteErrors = file.errors.length > 0 ? 1 : 0;
    suites.push(
      `  <testsuite name="${xml(file.file)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bunri" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join("\n")}\n</testsuites>\n`;
}
