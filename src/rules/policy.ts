/**
 * Policies: the built-in packs (policies/*.yaml) and the user's policy files, validated by the
 * policy JSON Schema, and the selection of what runs for one design: the topology's `policies`
 * or `--policy` (`default` standing for baseline plus the packs whose zones the design has),
 * the waiver checks always, and the users' overrides (severity, off) on top.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { validator as generated } from "../generated/policy-validator.js";
import { t } from "../i18n/index.js";
import { readInputFile } from "../load/file.js";
import { didYouMean } from "../load/schema.js";
import { parseYaml, pointer, positionOf } from "../load/yaml.js";
import type { InputError, Lang, Severity, SourceLocation, Topology } from "../model/types.js";
import { packagePath } from "../util/paths.js";
import { showValue } from "../util/show.js";
import type { Bilingual, Reference, RuleDefinition } from "./types.js";

export interface PolicyFile {
  file: string;
  pack?: string;
  title?: Bilingual;
  description?: Bilingual;
  sources?: Reference[];
  rules: RuleDefinition[];
  overrides: Map<string, "off" | { severity: Severity }>;
}

export interface PolicySelection {
  rules: RuleDefinition[];
  /** every rule id known (built-in and the user's), for waiver validation */
  knownRuleIds: Set<string>;
  errors: InputError[];
}

export const BUILTIN_ORDER = ["lgwan-asp", "three-tier", "baseline", "waivers"];

/**
 * schema/policy.schema.json, as ajv's standalone validator generated at build time
 * (scripts/validators.mjs), compiled with `{ allErrors: true, strict: false, verbose: true }`; built
 * on first use (a run with the built-in packs only reads them saved, below, and validates nothing).
 */
function validate(value: unknown): ValidateFunction["errors"] {
  const validator = generated() as unknown as ValidateFunction;
  return validator(value) ? null : (validator.errors ?? null);
}

/** Parses and validates one policy file's text. */
export function parsePolicyText(
  text: string,
  file: string,
  lang: Lang,
  builtIn: boolean,
): { policy?: PolicyFile; errors: InputError[] } {
  const read = readPolicyText(text, file, lang);
  if (!read.valid) return { errors: read.errors };
  return { policy: assemblePolicy(read.value, file, builtIn, read.ruleLoc), errors: [] };
}

/** A policy file's YAML, parsed and validated: its value and where each rule is written. */
function readPolicyText(
  text: string,
  file: string,
  lang: Lang,
): { valid: boolean; value: unknown; ruleLoc: (id: string) => SourceLocation; errors: InputError[] } {
  // the loader's YAML reader: size, nesting and alias limits, null-prototype objects, positions
  const parsed = parseYaml(text, file, lang);
  const ruleLoc = (id: string): SourceLocation => positionOf(parsed, pointer(["rules", id]), file, true);
  if (parsed.errors.length > 0) return { valid: false, value: undefined, ruleLoc, errors: parsed.errors };
  const value = parsed.value;
  const errors: InputError[] = [];
  const schemaErrors = validate(value);
  if (schemaErrors) {
    for (const e of schemaErrors) {
      if (e.keyword === "if") continue; // the failing branch of a check type reports its own errors
      let detail = e.message;
      if (e.keyword === "additionalProperties") {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const near = didYouMean(extra, known);
        detail = `${e.message} "${extra}"${near ? ` (did you mean "${near}"?)` : ""}`;
      } else if (e.keyword === "enum") {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const near = typeof e.data === "string" ? didYouMean(e.data, allowed) : undefined;
        detail = near
          ? `"${showValue(e.data)}" is not allowed (did you mean "${near}"?)`
          : `must be one of: ${allowed.join(", ")}`;
      }
      errors.push({
        ...positionOf(parsed, e.instancePath, file),
        code: "policy-schema",
        message: t(lang, "policy.schema", { path: e.instancePath || "/", detail: detail ?? "" }),
      });
    }
  }
  return { valid: !schemaErrors, value, ruleLoc, errors };
}

/** The policy a valid file's value describes. */
function assemblePolicy(value: unknown, file: string, builtIn: boolean, ruleLoc: (id: string) => SourceLocation): PolicyFile {
  const v = value as {
    pack?: string;
    title?: Bilingual;
    description?: Bilingual;
    sources?: Reference[];
    rules?: Record<string, Omit<RuleDefinition, "id" | "pack" | "builtIn" | "references" | "messages"> & Partial<RuleDefinition>>;
    overrides?: Record<string, "off" | { severity: Severity }>;
  };
  const rules: RuleDefinition[] = [];
  for (const [id, r] of Object.entries(v.rules ?? {})) {
    const def: RuleDefinition = {
      ...(r as RuleDefinition),
      id,
      pack: v.pack ?? file,
      references: r.references ?? [],
      messages: r.messages ?? {},
      builtIn,
      loc: ruleLoc(id),
    };
    rules.push(def);
  }
  const overrides = new Map(Object.entries(v.overrides ?? {}));
  const policy: PolicyFile = { file, rules, overrides };
  if (v.pack !== undefined) policy.pack = v.pack;
  if (v.title !== undefined) policy.title = v.title;
  if (v.description !== undefined) policy.description = v.description;
  if (v.sources !== undefined) policy.sources = v.sources;
  return policy;
}

let builtins: Map<string, PolicyFile> | undefined;

/**
 * The built-in packs as `npm run build` saved them (scripts/builtin-packs.mjs), beside the
 * compiled module: each pack file's text, its parsed value and where its rules are written. A
 * run reads that instead of parsing about 70 KB of YAML with positions and validating it (most
 * of what remained of a typical check's start-up). Only while the files in policies/ are exactly
 * the texts it was made from: an edited pack, or the sources run by vitest (no such file beside
 * src/rules/policy.ts), parse the YAML as always.
 */
interface SavedPacks {
  files: Array<{ name: string; text: string; value: unknown; rules: Record<string, [line: number, column: number]> }>;
}
const SAVED_PACKS = "builtin-packs.json";

/** The pack files of policies/, in name order, with their texts. */
function packFiles(): Array<{ name: string; file: string; text: string }> {
  const dir = packagePath("policies");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml"))
    .sort()
    .map((name) => {
      const file = resolve(dir, name);
      return { name, file, text: readFileSync(file, "utf8") };
    });
}

/** The built-in packs parsed from their YAML, by pack id. */
function parseBuiltinPacks(lang: Lang, files = packFiles()): Map<string, PolicyFile> {
  const out = new Map<string, PolicyFile>();
  for (const { name, file, text } of files) {
    const { policy, errors } = parsePolicyText(text, file, lang, true);
    if (errors.length > 0 || !policy)
      throw new Error(`built-in policy ${name} is invalid: ${errors.map((e) => e.message).join("; ")}`);
    out.set(policy.pack ?? name.replace(/\.yaml$/, ""), policy);
  }
  return out;
}

/** What scripts/builtin-packs.mjs writes beside the compiled module: the packs of policies/ as they are now. */
export function saveBuiltinPacks(): string {
  const saved: SavedPacks = { files: [] };
  for (const { name, file, text } of packFiles()) {
    const read = readPolicyText(text, file, "en");
    if (!read.valid) throw new Error(`built-in policy ${name} is invalid: ${read.errors.map((e) => e.message).join("; ")}`);
    const rules: SavedPacks["files"][number]["rules"] = {};
    for (const id of Object.keys((read.value as { rules?: object }).rules ?? {})) {
      const loc = read.ruleLoc(id);
      rules[id] = [loc.line, loc.column];
    }
    saved.files.push({ name, text, value: read.value, rules });
  }
  return `${JSON.stringify(saved)}\n`;
}

/**
 * The packs of a saved text, as parsing their YAML gives them (maps as null-prototype objects, as
 * the YAML reader makes them), or undefined when it was not made from exactly `files`.
 */
export function loadSavedPacks(savedText: string, files = packFiles()): Map<string, PolicyFile> | undefined {
  let saved: SavedPacks;
  try {
    saved = JSON.parse(savedText, (_key, v: unknown) =>
      v !== null && typeof v === "object" && !Array.isArray(v) ? Object.assign(Object.create(null), v) : v,
    ) as SavedPacks;
  } catch {
    return undefined;
  }
  if (!Array.isArray(saved?.files) || saved.files.length !== files.length) return undefined;
  if (saved.files.some((f, i) => f.name !== files[i]?.name || f.text !== files[i]?.text)) return undefined;
  const out = new Map<string, PolicyFile>();
  for (const [i, { name, value, rules }] of saved.files.entries()) {
    const file = (files[i] as { file: string }).file;
    const ruleLoc = (id: string): SourceLocation => {
      const [line, column] = rules[id] ?? [1, 1];
      return { file, line, column };
    };
    const policy = assemblePolicy(value, file, true, ruleLoc);
    out.set(policy.pack ?? name.replace(/\.yaml$/, ""), policy);
  }
  return out;
}

/** The packs that ship with bunri, by pack id. */
export function builtinPacks(lang: Lang = "en"): Map<string, PolicyFile> {
  if (builtins) return builtins;
  const files = packFiles();
  const savedFile = fileURLToPath(new URL(SAVED_PACKS, import.meta.url));
  if (existsSync(savedFile)) builtins = loadSavedPacks(readFileSync(savedFile, "utf8"), files);
  builtins ??= parseBuiltinPacks(lang, files);
  return builtins;
}

export function builtinRules(): RuleDefinition[] {
  const packs = builtinPacks();
  return BUILTIN_ORDER.flatMap((p) => packs.get(p)?.rules ?? []);
}

/** `default`: baseline, plus lgwan-asp and three-tier where the design has their zones. */
export function defaultPacks(topology: Topology): string[] {
  const kinds = new Set([...topology.zones.values()].map((z) => z.kind));
  const out = ["baseline"];
  if (kinds.has("asp-internet") || kinds.has("asp-lgwan")) out.push("lgwan-asp");
  if (["mynumber", "gov-cloud", "lgwan-connected", "internet-connected"].some((k) => kinds.has(k as never)))
    out.push("three-tier");
  return out;
}

export interface SelectOptions {
  lang: Lang;
  /** `--policy` values: replace the topology's `policies` */
  cliPolicies?: string[];
  /** where `--policy` paths are relative to */
  cwd: string;
}

export function selectPolicies(topology: Topology, options: SelectOptions): PolicySelection {
  const { lang } = options;
  const packs = builtinPacks();
  const errors: InputError[] = [];
  const fromCli = options.cliPolicies !== undefined && options.cliPolicies.length > 0;
  const entries = fromCli ? (options.cliPolicies as string[]) : (topology.policies ?? ["default"]);
  const base = fromCli ? options.cwd : dirname(resolve(topology.file));
  const where: SourceLocation = fromCli ? { file: "<command line>", line: 1, column: 1 } : (topology.policiesLoc ?? topology.loc);
  const packIds: string[] = [];
  const userFiles: PolicyFile[] = [];
  for (const entry of entries) {
    if (entry === "default") {
      for (const p of defaultPacks(topology)) if (!packIds.includes(p)) packIds.push(p);
    } else if (packs.has(entry) && entry !== "waivers") {
      if (!packIds.includes(entry)) packIds.push(entry);
    } else if (/\.ya?ml$/i.test(entry)) {
      let file = resolve(base, entry);
      if (!fromCli) {
        // a design names policy files inside its own repository only (docs/security.md)
        const inside = containedPath(file, designRoot(dirname(resolve(topology.file))));
        if (!inside.path) {
          errors.push({
            ...where,
            code: inside.missing ? "policy-not-found" : "policy-outside",
            message: t(lang, inside.missing ? "policy.not-found" : "policy.outside", { file: entry }),
          });
          continue;
        }
        file = inside.path;
      }
      const read = readInputFile(file, lang);
      if (read.error) {
        errors.push({
          ...where,
          code: "policy-not-found",
          message: `${t(lang, "policy.not-found", { file: entry })}: ${read.error.message}`,
        });
        continue;
      }
      const text = read.text;
      const { policy, errors: errs } = parsePolicyText(text, file, lang, false);
      errors.push(...errs);
      if (policy) userFiles.push(policy);
    } else {
      errors.push({
        ...where,
        code: "unknown-policy",
        message: t(lang, "policy.unknown", { name: entry, packs: [...packs.keys()].filter((p) => p !== "waivers").join(", ") }),
      });
    }
  }
  const builtinIds = new Set(builtinRules().map((r) => r.id));
  const rules: RuleDefinition[] = [];
  for (const id of BUILTIN_ORDER) if (packIds.includes(id) || id === "waivers") rules.push(...(packs.get(id)?.rules ?? []));
  const known = new Set(builtinIds);
  for (const u of userFiles) {
    for (const r of u.rules) {
      if (builtinIds.has(r.id) || known.has(r.id)) {
        errors.push({
          ...(r.loc as SourceLocation),
          code: "rule-id-collision",
          message: t(lang, "policy.collision", { rule: r.id }),
        });
        continue;
      }
      known.add(r.id);
      rules.push(r);
    }
  }
  let result = rules.map((r) => ({ ...r }));
  for (const u of userFiles) {
    for (const [id, o] of u.overrides) {
      if (!known.has(id)) {
        errors.push({
          file: u.file,
          line: 1,
          column: 1,
          code: "unknown-rule",
          message: t(lang, "policy.unknown-override", { rule: id }),
        });
        continue;
      }
      if (id.startsWith("BUNRI-") && o === "off") continue;
      if (o === "off") result = result.filter((r) => r.id !== id);
      else for (const r of result) if (r.id === id) r.severity = o.severity;
    }
  }
  return { rules: result, knownRuleIds: known, errors };
}

/**
 * Where a design's own policy files may be: the git work tree that holds the design (the nearest
 * directory above it with a `.git`), or, outside git, the design's directory and those below it.
 */
export function designRoot(designDir: string): string {
  let dir = safeRealpath(designDir) ?? designDir;
  for (;;) {
    if (existsSync(join(dir, ".git"))) return dir;
    const up = dirname(dir);
    if (up === dir) return safeRealpath(designDir) ?? designDir;
    dir = up;
  }
}

/** The file's real path (links followed) when it is inside root; `missing` when it does not exist. */
export function containedPath(file: string, root: string): { path?: string; missing?: boolean } {
  const real = safeRealpath(file);
  if (real === undefined) {
    // a missing file: said so only when its name stays inside root (no probing of paths outside)
    const rel = relative(root, resolve(file));
    return { missing: rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) };
  }
  const rel = relative(root, real);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return {};
  return { path: real };
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}
