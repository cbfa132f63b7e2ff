/**
 * Reading a saved JSON result back (`bunri format`): validated against the published result
 * schema, then turned back into the in-memory shape the reporters take (the JSON's
 * `evidence.path`/`service` becomes the witness chain again).
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parseDocument } from "yaml";
import type { PathElement } from "../analyze/reach.js";
import type { CheckResult } from "../check.js";
import { t } from "../i18n/index.js";
import type { InputError, Lang } from "../model/types.js";
import type { Finding } from "../rules/types.js";
import { packagePath } from "../util/paths.js";

let validator: ReturnType<Ajv2020["compile"]> | undefined;

function validate(value: unknown) {
  if (!validator) {
    const schema = JSON.parse(readFileSync(packagePath("schema", "result.schema.json"), "utf8"));
    validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  return validator(value) ? [] : (validator.errors ?? []);
}

type JsonFinding = Omit<Finding, "evidence"> & { evidence: Record<string, unknown> & { path?: PathElement[]; service?: string } };

function toFinding(f: JsonFinding): Finding {
  const { path, service, ...rest } = f.evidence;
  const evidence = { ...rest } as Finding["evidence"];
  if (path && path.length > 0)
    evidence.chain = {
      source: path[0]?.id ?? "",
      target: path[path.length - 1]?.id ?? "",
      service: service ?? "",
      path,
      devices: path.filter((p) => p.type === "device").length,
    };
  return { ...f, evidence } as Finding;
}

export function parseResultText(text: string, file: string, lang: Lang): { result?: CheckResult; errors: InputError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    const e = parseDocument(text).errors[0];
    const at = e?.linePos?.[0] ?? { line: 1, col: 1 };
    return { errors: [{ file, line: at.line, column: at.col, code: "result-json", message: t(lang, "result.json") }] };
  }
  const problems = validate(data);
  if (problems.length > 0) {
    const doc = parseDocument(text);
    return {
      errors: problems.slice(0, 20).map((p) => {
        const path = p.instancePath.split("/").slice(1);
        const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        const offset = node?.range?.[0] ?? 0;
        const before = text.slice(0, offset);
        const line = before.split("\n").length;
        const column = [...before.slice(before.lastIndexOf("\n") + 1)].length + 1;
        return {
          file,
          line,
          column,
          code: "result-schema",
          message: t(lang, "result.schema", { path: p.instancePath || "/", detail: p.message ?? "" }),
        };
      }),
    };
  }
  const raw = data as Omit<CheckResult, "files"> & {
    files: Array<Omit<CheckResult["files"][number], "findings"> & { findings: JsonFinding[] }>;
  };
  return {
    result: { ...raw, files: raw.files.map((f) => ({ ...f, findings: f.findings.map(toFinding) })) },
    errors: [],
  };
}
