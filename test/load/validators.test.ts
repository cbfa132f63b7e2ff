/**
 * The JSON Schema validators generated at build time (scripts/validators.mjs → src/generated/):
 * the committed modules are what the schemas give, and on valid and broken designs and policies
 * they report exactly the errors (keyword, place, params, data, schema, parentSchema, message) that
 * ajv compiling the same schema at run time, with the same options, reports.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validator as policyValidator } from "../../src/generated/policy-validator.js";
import { validator as topologyValidator } from "../../src/generated/topology-validator.js";

const ROOT = join(import.meta.dirname, "../..");

function runtime(name: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(ROOT, "schema", `${name}.schema.json`), "utf8"));
  return new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(schema);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => join(ROOT, dir, f));
}

type Json = unknown;

/**
 * Deterministic variants of a document, each broken in one place: an unknown key beside a known
 * one (a near miss, for the did-you-mean), a key removed, a string turned into a number, a list
 * or an object turned into a string, a string value misspelled (enums, patterns), an empty list.
 */
function* mutations(doc: Json): Generator<[string, Json]> {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: Json, path: Array<string | number>) => {
    paths.push(path);
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
  const edit = (path: Array<string | number>, f: (parent: Record<string | number, Json>, key: string | number) => void) => {
    const copy = structuredClone(doc) as Record<string | number, Json>;
    let parent = copy;
    for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
    f(parent, path[path.length - 1] as string | number);
    return copy;
  };
  // about 25 places per document, spread over it: a big design gives dozens of variants, not thousands
  const stride = Math.max(5, Math.ceil(paths.length / 25));
  for (const [i, path] of paths.entries()) {
    if (path.length === 0 || i % stride !== 0) continue;
    const at = path.join("/");
    const value = path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], doc);
    const key = path[path.length - 1];
    if (typeof key === "string") {
      yield [`${at}: near-miss key`, edit(path, (p, k) => Object.assign(p, { [`${String(k).slice(0, -1)}x`]: 1 }))];
      yield [`${at}: key removed`, edit(path, (p, k) => delete p[k])];
    }
    if (typeof value === "string") {
      yield [`${at}: misspelled`, edit(path, (p, k) => Object.assign(p, { [k]: `${value}x` }))];
      yield [`${at}: number`, edit(path, (p, k) => Object.assign(p, { [k]: 42 }))];
    } else if (Array.isArray(value)) {
      yield [`${at}: empty list`, edit(path, (p, k) => Object.assign(p, { [k]: [] }))];
      yield [`${at}: string for a list`, edit(path, (p, k) => Object.assign(p, { [k]: "x" }))];
    } else if (value && typeof value === "object")
      yield [`${at}: string for a map`, edit(path, (p, k) => Object.assign(p, { [k]: "x" }))];
  }
}

/** The schema objects an error points to, compared by their JSON (written once per object). */
const shown = new WeakMap<object, string>();
function show(schema: unknown): unknown {
  if (!schema || typeof schema !== "object") return schema;
  let text = shown.get(schema);
  if (text === undefined) {
    text = JSON.stringify(schema);
    shown.set(schema, text);
  }
  return text;
}

function outcome(validate: ValidateFunction, value: Json) {
  const ok = validate(value);
  const errors = validate.errors?.map((e) => ({ ...e, schema: show(e.schema), parentSchema: show(e.parentSchema) }));
  return { ok, errors: errors ?? null };
}

describe("generated validators", () => {
  it("are up to date with the schemas (scripts/validators.mjs --check)", () => {
    const r = spawnSync(process.execPath, [join(ROOT, "scripts", "validators.mjs"), "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it.each([
    ["topology", topologyValidator, ["topologies", "test/fixtures"]],
    ["policy", policyValidator, ["policies"]],
  ] as const)("%s: the same errors as ajv compiling the schema at run time", (name, generated, dirs) => {
    const reference = runtime(name);
    const mine = generated() as unknown as ValidateFunction;
    expect(generated()).toBe(mine); // built once
    let variants = 0;
    let failing = 0;
    for (const file of dirs.flatMap(yamlFiles)) {
      let doc: Json;
      try {
        doc = parse(readFileSync(file, "utf8"));
      } catch {
        continue; // not YAML at all: the loader stops before the schema
      }
      for (const [what, value] of [["as written", doc] as [string, Json], ...mutations(doc)]) {
        const expected = outcome(reference, value);
        expect(outcome(mine, value), `${file}: ${what}`).toStrictEqual(expected);
        variants++;
        if (!expected.ok) failing++;
      }
    }
    // the comparison saw many documents, valid and broken
    expect(variants).toBeGreaterThan(200);
    expect(failing).toBeGreaterThan(100);
  });
});
