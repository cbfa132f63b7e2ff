/**
 * Reading a saved JSON result back (`bunri format`): checked against the published result schema
 * (schema/result.schema.json), then turned back into the in-memory shape the reporters take. The
 * JSON reporter writes a finding's witness chain as `evidence.path` and `evidence.service`; here
 * it becomes `evidence.chain` again, so every reporter reads one shape only.
 */
import { existsSync, readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import type { PathElement } from "../analyze/reach.js";
import type { CheckResult, FileResult } from "../check.js";
import { t } from "../i18n/index.js";
import { parseJsonWellFormed } from "../load/file.js";
import type { InputError, Lang } from "../model/types.js";
import type { Finding } from "../rules/types.js";
import { lineColumn, scanJson, scanJsonAt } from "../util/json.js";
import { packagePath } from "../util/paths.js";

type Problem = { instancePath: string; message: string };

let validator: ((value: unknown) => Problem[]) | undefined;

/** Without the schema (a partial install), the least the reporters rely on. */
function structural(value: unknown): Problem[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(value)) return [{ instancePath: "", message: "must be object" }];
  for (const key of ["tool", "files", "summary"])
    if (!(key in value)) return [{ instancePath: "", message: `must have required property '${key}'` }];
  if (!Array.isArray(value.files)) return [{ instancePath: "/files", message: "must be array" }];
  const problems: Problem[] = [];
  value.files.forEach((f, i) => {
    if (!isObject(f) || typeof f.file !== "string" || !Array.isArray(f.errors) || !Array.isArray(f.findings))
      problems.push({ instancePath: `/files/${i}`, message: "must be a file result (file, errors, findings)" });
  });
  return problems;
}

function validate(value: unknown): Problem[] {
  if (!validator) {
    const file = packagePath("schema", "result.schema.json");
    if (!existsSync(file)) validator = structural;
    else {
      const check = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(file, "utf8")));
      validator = (v) =>
        check(v)
          ? []
          : (check.errors ?? []).map((e: ErrorObject) => ({ instancePath: e.instancePath, message: e.message ?? "" }));
    }
  }
  return validator(value);
}

type JsonEvidence = Omit<Finding["evidence"], "chain"> & { path?: PathElement[]; service?: string };
type JsonFinding = Omit<Finding, "evidence"> & { evidence: JsonEvidence };
type JsonFile = Omit<FileResult, "findings"> & { findings: JsonFinding[] };

function toFinding(f: JsonFinding): Finding {
  const { path, service, ...rest } = f.evidence;
  const evidence: Finding["evidence"] = { ...rest };
  if (path && path.length > 0)
    evidence.chain = {
      source: path[0]?.id ?? "",
      target: path[path.length - 1]?.id ?? "",
      service: service ?? "",
      path,
      devices: path.filter((p) => p.type === "device").length,
    };
  return { ...f, evidence };
}

/** Parses and checks a saved result; on any problem, no result and the problems as input errors. */
export function parseResultText(text: string, file: string, lang: Lang): { result?: CheckResult; errors: InputError[] } {
  const body = text.replace(/^\uFEFF/, "");
  let data: unknown;
  try {
    data = parseJsonWellFormed(body);
  } catch (error) {
    // the parser's message quotes the text: only its first line, and the position from a linear scan
    const detail = firstLine(error instanceof Error ? error.message : String(error));
    const where = lineColumn(body, scanJson(body).error ?? 0);
    return { errors: [{ file, ...where, code: "result-json", message: t(lang, "format.not-json", { detail }) }] };
  }
  const problems = validate(data);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => ({
      ...p,
      segments: p.instancePath
        .split("/")
        .slice(1)
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")),
    }));
    // one scan of the text for the places of every problem shown
    const places = scanJsonAt(
      body,
      shown.map((p) => p.segments),
    ).found;
    return {
      errors: shown.map((p) => {
        return {
          file,
          ...lineColumn(body, places.get(p.segments.join("\u0000")) ?? 0),
          code: "result-schema",
          message: t(lang, "format.not-result", { path: p.instancePath || "/", detail: p.message }),
        };
      }),
    };
  }
  const raw = data as Omit<CheckResult, "files"> & { files: JsonFile[] };
  return { result: { ...raw, files: raw.files.map((f) => ({ ...f, findings: f.findings.map(toFinding) })) }, errors: [] };
}

function firstLine(s: string): string {
  const line = s.split("\n")[0] ?? s;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
