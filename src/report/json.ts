/** `--format json`: the result in the shape of cli.md, for CI and for `bunri format`. */
import type { CheckResult } from "../check.js";
import type { Finding } from "../rules/types.js";
import { jsonText } from "./sanitize.js";
import type { ReportOptions } from "./types.js";

function findingJson(f: Finding): Record<string, unknown> {
  const { chain, ...rest } = f.evidence;
  const evidence: Record<string, unknown> = chain ? { path: chain.path, service: chain.service, ...rest } : { ...rest };
  const out: Record<string, unknown> = {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    subjects: f.subjects,
    evidence,
    fingerprint: f.fingerprint,
    waived: f.waived,
    baselined: f.baselined,
    location: f.location,
  };
  if (f.variant !== undefined) out.variant = f.variant;
  if (f.direction !== undefined) out.direction = f.direction;
  if (f.waiver) out.waiver = f.waiver;
  return out;
}

export function reportJson(result: CheckResult, _options: ReportOptions): string {
  const body = {
    tool: result.tool,
    files: result.files.map((f) => ({
      file: f.file,
      ...(f.topology !== undefined ? { topology: f.topology } : {}),
      ...(f.title !== undefined ? { title: f.title } : {}),
      ...(f.model !== undefined ? { model: f.model } : {}),
      ...(f.role !== undefined ? { role: f.role } : {}),
      ...(f.activeRules !== undefined ? { activeRules: f.activeRules } : {}),
      errors: f.errors,
      findings: f.findings.map(findingJson),
      ...(f.rules !== undefined && f.rules.length > 0 ? { rules: f.rules } : {}),
    })),
    summary: result.summary,
  };
  return `${jsonText(body)}\n`;
}
