/**
 * The topology JSON Schema (schema/topology.schema.json, also published for editors), run with
 * ajv's standalone validator generated from it at build time (src/generated/, by
 * scripts/validators.mjs); its errors become positioned messages a system integrator can act on.
 */
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { validator as generated } from "../generated/topology-validator.js";
import { t } from "../i18n/index.js";
import type { InputError, Lang } from "../model/types.js";
import { showValue } from "../util/show.js";
import { didYouMean } from "../util/suggest.js";
import { type Positioned, positionOf } from "./yaml.js";

export { didYouMean };

/** `/nodes/web/kind` → `node "web"` for messages. */
function where(path: string, lang: Lang): string {
  const parts = path
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  const [top, id] = parts;
  const names: Record<string, string> = { zones: "zone", nodes: "node", data: "datum", flows: "flow" };
  if (top && names[top] && id !== undefined) return t(lang, `load.where.${names[top]}`, { id });
  if (top === "waivers" && id !== undefined) return t(lang, "load.where.waiver", { n: Number(id) + 1 });
  return t(lang, "load.where.top");
}

export function schemaErrors(p: Positioned, file: string, lang: Lang, value: unknown = p.value): InputError[] {
  // compiled with `{ allErrors: true, strict: false, verbose: true }`: errors carry `data` and `parentSchema`
  const validate = generated() as unknown as ValidateFunction;
  if (validate(value)) return [];
  const out: InputError[] = [];
  const seen = new Set<string>();
  const errs = (validate.errors ?? []).filter((e) => !(e.keyword === "anyOf" || e.keyword === "if"));
  // Prefer the most specific error per location: drop `type` errors under an anyOf that has others.
  for (const e of errs) {
    const msg = describe(e, lang);
    if (!msg) continue;
    const key =
      e.keyword === "additionalProperties"
        ? `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`
        : e.instancePath;
    const pos = e.keyword === "additionalProperties" ? positionOf(p, key, file, true) : positionOf(p, e.instancePath, file);
    const dedupe = `${pos.line}:${pos.column}:${msg.message}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const err: InputError = { ...pos, code: "schema", message: `${where(e.instancePath, lang)}: ${msg.message}` };
    if (msg.hint) err.hint = msg.hint;
    out.push(err);
  }
  return out;
}

function describe(e: ErrorObject, lang: Lang): { message: string; hint?: string } | undefined {
  // the key the value sits under; an item of a list is named by its list and place: `auth[1]`
  const parts = e.instancePath.split("/").map((x) => x.replace(/~1/g, "/").replace(/~0/g, "~"));
  const last = parts.pop() ?? "";
  const field = /^\d+$/.test(last) && parts.length > 0 ? `${parts[parts.length - 1]}[${Number(last) + 1}]` : last;
  switch (e.keyword) {
    case "additionalProperties": {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      const schemaProps = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = didYouMean(key, schemaProps);
      return {
        message: t(lang, "load.unknown-key", { key }),
        ...(guess ? { hint: t(lang, "load.did-you-mean", { name: guess }) } : {}),
      };
    }
    case "required":
      return { message: t(lang, "load.missing-key", { key: (e.params as { missingProperty: string }).missingProperty }) };
    case "enum": {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = showValue(e.data);
      const guess = didYouMean(value, allowed);
      return {
        message: t(lang, "load.bad-value", { key: field, value, allowed: allowed.join(", ") }),
        ...(guess ? { hint: t(lang, "load.did-you-mean", { name: guess }) } : {}),
      };
    }
    case "const":
      return { message: t(lang, "load.bad-version") };
    case "type":
      return { message: t(lang, "load.bad-type", { key: field, type: (e.params as { type: string }).type }) };
    case "pattern":
      return { message: t(lang, "load.bad-pattern", { key: field, value: showValue(e.data) }) };
    case "minItems":
    case "minLength":
      return { message: t(lang, "load.empty", { key: field }) };
    case "minimum":
      return { message: t(lang, "load.bad-type", { key: field, type: "number ≥ 0" }) };
    default:
      return { message: e.message ?? e.keyword };
  }
}
