/**
 * Loading: the only part of bunri that reads topology files. Text → YAML with positions → JSON
 * Schema → references and semantics → a typed Topology; every error with file, line and column.
 */

import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { t } from "../i18n/index.js";
import type { InputError, Lang, Topology, WaiverDef } from "../model/types.js";
import { compareCodePoints } from "../util/compare.js";
import { buildTopology, buildWaivers } from "./build.js";
import { readInputFile } from "./file.js";
import { schemaErrors } from "./schema.js";
import { parseYaml } from "./yaml.js";

export interface LoadOptions {
  lang: Lang;
}

export interface LoadResult {
  topology?: Topology;
  errors: InputError[];
}

const byPosition = (a: InputError, b: InputError) => a.line - b.line || a.column - b.column;

export function loadTopologyText(text: string, file: string, options: LoadOptions): LoadResult {
  const { lang } = options;
  const parsed = parseYaml(text, file, lang);
  if (parsed.errors.length > 0) return { errors: parsed.errors.sort(byPosition) };
  const v = parsed.value;
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    return { errors: [{ file, line: 1, column: 1, code: "not-a-topology", message: t(lang, "load.not-a-map") }] };
  }
  const errors = schemaErrors(parsed, file, lang);
  // Semantic checks run too where the shape allows, so that every problem is reported at once.
  const built = buildTopology(parsed, file, lang);
  const all = [...errors, ...built.errors].sort(byPosition);
  if (all.length > 0) return { errors: all };
  return built.topology ? { topology: built.topology, errors: [] } : { errors: all };
}

async function readText(path: string, lang: Lang): Promise<{ text?: string; error?: InputError }> {
  return readInputFile(path, lang);
}

export async function loadTopologyFile(path: string, options: LoadOptions): Promise<LoadResult> {
  const r = await readText(path, options.lang);
  if (r.error) return { errors: [r.error] };
  return loadTopologyText(r.text as string, path, options);
}

/** A waivers file: a YAML list of waiver entries, each naming its `topology`. */
export function loadWaiversText(
  text: string,
  file: string,
  options: LoadOptions,
): { waivers: WaiverDef[]; errors: InputError[] } {
  const { lang } = options;
  const parsed = parseYaml(text, file, lang);
  if (parsed.errors.length > 0) return { waivers: [], errors: parsed.errors };
  if (!Array.isArray(parsed.value))
    return { waivers: [], errors: [{ file, line: 1, column: 1, code: "not-a-list", message: t(lang, "load.waivers-not-list") }] };
  // Validate each entry with the topology schema's waiver definition, by wrapping it.
  const wrapped = { bunri: 1, name: "waivers", zones: {}, nodes: {}, waivers: parsed.value };
  // The entries' positions are at /0, /1…; the wrapped value has them at /waivers/0, /waivers/1…
  const shifted = { ...parsed, positions: new Map([...parsed.positions.entries()].map(([k, v]) => [`/waivers${k}`, v])) };
  const errors = schemaErrors(shifted, file, lang, wrapped).map((e) => ({ ...e }));
  (parsed.value as Array<Record<string, unknown>>).forEach((w, i) => {
    if (w && typeof w === "object" && typeof w.topology !== "string")
      errors.push({
        ...(parsed.positions.get(`/${i}`) ?? { file, line: 1, column: 1 }),
        code: "schema",
        message: t(lang, "load.waiver-topology"),
      });
  });
  const waivers = buildWaivers(parsed.value, [], parsed, file, lang, errors);
  return { waivers: errors.length > 0 ? [] : waivers, errors: errors.sort(byPosition) };
}

export async function loadWaiversFile(
  path: string,
  options: LoadOptions,
): Promise<{ waivers: WaiverDef[]; errors: InputError[] }> {
  const r = await readText(path, options.lang);
  if (r.error) return { waivers: [], errors: [r.error] };
  return loadWaiversText(r.text as string, path, options);
}

/** True when the first document's first key is `bunri` (after a BOM, comments, directives and `---`). */
export function isTopologyText(text: string): boolean {
  const head = text.slice(0, 64 * 1024).replace(/^\uFEFF/, "");
  for (const raw of head.split(/\r\n|\r|\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === "" || line.trimStart().startsWith("#") || line.startsWith("%")) continue;
    if (line === "---" || line.startsWith("--- ")) {
      const rest = line.slice(3).trim();
      if (rest === "" || rest.startsWith("#")) continue;
      return /^["']?bunri["']?\s*:/.test(rest);
    }
    return /^["']?bunri["']?\s*:/.test(line);
  }
  return false;
}

/**
 * Where the first key is, when a YAML file that does not start with `bunri` still has the top-level
 * `zones` and `nodes` of a design (a misspelt or missing `bunri: 1`); undefined otherwise.
 */
export function designWithoutBunriKey(text: string): { line: number; column: number } | undefined {
  const head = text.slice(0, 1024 * 1024).replace(/^\uFEFF/, "");
  if (!/^["']?zones["']?\s*:/m.test(head) || !/^["']?nodes["']?\s*:/m.test(head)) return undefined;
  const lines = head.split(/\r?\n/);
  const index = lines.findIndex((l) => /^[^\s#%-]/.test(l));
  return { line: index < 0 ? 1 : index + 1, column: 1 };
}

/**
 * Files named are always taken; directories are searched as cli.md says. With `designsOnly` (a
 * hook handing over every changed YAML file), named files are sifted as a directory's are: those
 * that are not designs are skipped, a misspelt design is still an error.
 */
export async function findTopologyFiles(
  paths: string[],
  lang: Lang = "en",
  options: { designsOnly?: boolean } = {},
): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
      errors.push({
        file: p,
        line: 1,
        column: 1,
        code: missing ? "not-found" : "unreadable",
        message: t(lang, missing ? "load.not-found" : "load.unreadable"),
      });
      continue;
    }
    if (!s.isDirectory()) {
      if (!options.designsOnly || !/\.ya?ml$/i.test(p)) files.push(p);
      else {
        const head = readHead(p, lang);
        if (head.error) errors.push(head.error);
        else if (isTopologyText(head.text)) files.push(p);
        else {
          const first = designWithoutBunriKey(head.text);
          if (first) errors.push({ file: p, ...first, code: "not-a-topology", message: t(lang, "load.design-without-bunri") });
        }
      }
      continue;
    }
    const found: string[] = [];
    // an unreadable directory or file is an input error naming it; every other file is still checked
    const walk = async (dir: string) => {
      let items: Dirent[];
      try {
        items = await readdir(dir, { withFileTypes: true });
      } catch {
        errors.push({ file: dir, line: 1, column: 1, code: "unreadable", message: t(lang, "load.dir-unreadable") });
        return;
      }
      items.sort((a, b) => compareCodePoints(a.name, b.name));
      for (const it of items) {
        const full = join(dir, it.name);
        if (it.isSymbolicLink()) continue;
        if (it.isDirectory()) {
          if (!it.name.startsWith(".") && it.name !== "node_modules") await walk(full);
        } else if (it.isFile() && /\.ya?ml$/.test(it.name)) {
          const head = readHead(full, lang);
          if (head.error) errors.push(head.error);
          else if (isTopologyText(head.text)) found.push(full);
          else {
            // a misspelt first key (`bunir: 1`) must not open the gate by skipping the design unseen
            const first = designWithoutBunriKey(head.text);
            if (first)
              errors.push({
                file: full,
                ...first,
                code: "not-a-topology",
                message: t(lang, "load.design-without-bunri"),
              });
          }
        }
      }
    };
    await walk(p);
    found.sort((a, b) => compareCodePoints(relative(p, a), relative(p, b)));
    if (found.length === 0)
      errors.push({ file: p, line: 1, column: 1, code: "no-topology", message: t(lang, "load.no-topology") });
    files.push(...found);
  }
  return { files, errors };
}

/** The first 64 KiB of a file found in a directory, to tell a design from other YAML. */
function readHead(file: string, lang: Lang): { text: string; error?: undefined } | { text?: undefined; error: InputError } {
  const r = readInputFile(file, lang, { maxBytes: 64 * 1024, head: true });
  return r.error ? { error: r.error } : { text: r.text };
}
