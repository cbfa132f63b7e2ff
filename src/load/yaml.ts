/**
 * YAML with positions. Parses with the `yaml` library (YAML 1.2 core schema: no timestamps, so
 * `expires: 2027-03-31` stays text), then converts the AST itself into plain values with
 * null-prototype objects (ids such as `__proto__` or `constructor` are ordinary keys), keeping a
 * table from JSON-pointer paths to positions. Hostile input is bounded: size, nesting depth and
 * alias expansion all have limits, and every problem is an InputError, never an exception.
 */
import { type Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { t } from "../i18n/index.js";
import type { InputError, Lang, SourceLocation } from "../model/types.js";
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT, wellFormed } from "./file.js";

export const MAX_BYTES = MAX_FILE_BYTES;
export const MAX_DEPTH = 64;
/** flow brackets the parser is given at most: it recurses per bracket (thousands crash the process); MAX_DEPTH is checked on the values */
const MAX_RAW_DEPTH = 256;
/** values produced, aliases included: an alias bomb hits this long before memory runs out */
export const MAX_VALUES = 2_000_000;
/** values produced by expanding aliases: real designs reuse a few small anchors, bombs expand millions */
export const MAX_ALIAS_VALUES = 100_000;

export interface Positioned {
  value: unknown;
  /** position of the value at a path (`/nodes/web/kind`), and of a key (`/nodes/web/kind#key`) */
  positions: Map<string, SourceLocation>;
  /** keys YAML read as something other than a string (number, boolean, null) */
  nonStringKeys: Array<{ path: string; key: string; type: string }>;
  errors: InputError[];
}

export function pointer(path: readonly (string | number)[]): string {
  return path.length === 0 ? "" : `/${path.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

export function parseYaml(text: string, file: string, lang: Lang): Positioned {
  const positions = new Map<string, SourceLocation>();
  const nonStringKeys: Positioned["nonStringKeys"] = [];
  const errors: InputError[] = [];
  const out: Positioned = { value: undefined, positions, nonStringKeys, errors };
  if (Buffer.byteLength(text, "utf8") > MAX_BYTES) {
    errors.push({ file, line: 1, column: 1, code: "too-large", message: t(lang, "load.too-large", { max: MAX_FILE_SIZE_TEXT }) });
    return out;
  }
  // YAML 1.2 line breaks are CR LF, CR or LF, and a parser reads each as LF (the library knows LF
  // only, so a file saved with CR alone read as one line); no lone surrogate enters the model
  const body = wellFormed(text.replace(/^\uFEFF/, "")).replace(/\r\n?/g, "\n");
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): SourceLocation => {
    const p = lineCounter.linePos(offset ?? 0);
    // columns in code points
    const lineStart = (lineCounter.lineStarts[p.line - 1] ?? 0) as number;
    const column = [...body.slice(lineStart, offset ?? 0)].length + 1;
    return { file, line: p.line, column };
  };
  // Flow nesting is bounded on the raw text first, as the parser itself recurses (brackets in
  // comments and strings count too, hence the generous bound; the exact limit is checked below).
  let depth = 0;
  let line = 1;
  let column = 0;
  for (const ch of body) {
    column++;
    if (ch === "\n") {
      line++;
      column = 0;
    } else if (ch === "[" || ch === "{") {
      if (++depth > MAX_RAW_DEPTH) {
        errors.push({ file, line, column, code: "too-deep", message: t(lang, "load.too-deep", { max: MAX_DEPTH }) });
        return out;
      }
    } else if (ch === "]" || ch === "}") depth = Math.max(0, depth - 1);
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    // uniqueKeys is checked in convert below: the parser's own check compares every key with every
    // earlier one (quadratic; a quarter of the time on a 20,000-node design).
    doc = parseDocument(body, {
      lineCounter,
      schema: "core",
      uniqueKeys: false,
      merge: false,
      prettyErrors: false,
      strict: true,
    });
  } catch (e) {
    const deep = e instanceof RangeError;
    errors.push({
      file,
      line: 1,
      column: 1,
      code: deep ? "too-deep" : "yaml-syntax",
      message: deep ? t(lang, "load.too-deep", { max: MAX_DEPTH }) : t(lang, "load.yaml-syntax", { detail: firstLine(e) }),
    });
    return out;
  }
  for (const e of doc.errors) {
    const pos = at(e.pos[0]);
    // the parser's stack ran out (block nesting thousands deep)
    if (e.code === "RESOURCE_EXHAUSTION") {
      errors.push({ ...pos, code: "too-deep", message: t(lang, "load.too-deep", { max: MAX_DEPTH }) });
      continue;
    }
    const code = e.code === "DUPLICATE_KEY" ? "duplicate-key" : "yaml-syntax";
    errors.push({
      ...pos,
      code,
      message: t(lang, code === "duplicate-key" ? "load.duplicate-key" : "load.yaml-syntax", { detail: firstLine(e) }),
    });
  }
  if (errors.length > 0) return out;
  let produced = 0;
  let expanded = 0;
  let aliasError = false;
  const convert = (node: unknown, path: Array<string | number>, level: number, viaAlias: number): unknown => {
    if (aliasError) return undefined;
    if (++produced > MAX_VALUES || level > MAX_DEPTH || (viaAlias > 0 && ++expanded > MAX_ALIAS_VALUES)) {
      aliasError = true;
      const code = level > MAX_DEPTH ? "too-deep" : "alias-limit";
      const where = (node as Node | null)?.range ? at((node as Node).range?.[0]) : { file, line: 1, column: 1 };
      errors.push({ ...where, code, message: t(lang, `load.${code}`, { max: MAX_DEPTH }) });
      return undefined;
    }
    if (node === null || node === undefined) return null;
    const n = node as Node;
    if (viaAlias === 0 && n.range) positions.set(pointer(path), at(n.range[0]));
    if (isAlias(n)) {
      const target = (n as Alias).resolve(doc);
      if (!target) {
        errors.push({
          ...at(n.range?.[0]),
          code: "yaml-syntax",
          message: t(lang, "load.bad-alias", { alias: String((n as Alias).source) }),
        });
        return null;
      }
      return convert(target, path, level + 1, viaAlias + 1);
    }
    if (isScalar(n)) return typeof n.value === "string" ? wellFormed(n.value) : n.value;
    if (isMap(n)) {
      const obj: Record<string, unknown> = Object.create(null);
      for (const pair of n.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        let key: string;
        if (isScalar(keyNode)) {
          const kv = keyNode.value;
          if (kv === "<<" && keyNode.type === "PLAIN") {
            errors.push({ ...at(keyNode.range?.[0]), code: "merge-key", message: t(lang, "load.merge-key") });
            continue;
          }
          key = kv === null ? "null" : wellFormed(String(kv));
          if (typeof kv !== "string" && viaAlias === 0)
            nonStringKeys.push({
              path: pointer([...path, key]),
              key: String(keyNode.source ?? key),
              type: kv === null ? "null" : typeof kv,
            });
        } else {
          errors.push({ ...at((keyNode as Node | null)?.range?.[0]), code: "complex-key", message: t(lang, "load.complex-key") });
          continue;
        }
        if (Object.hasOwn(obj, key)) {
          if (viaAlias === 0)
            errors.push({
              ...at(keyNode?.range?.[0]),
              code: "duplicate-key",
              message: t(lang, "load.duplicate-key", { detail: JSON.stringify(key) }),
            });
          continue;
        }
        if (viaAlias === 0 && keyNode?.range) positions.set(`${pointer([...path, key])}#key`, at(keyNode.range[0]));
        Object.defineProperty(obj, key, {
          value: convert(pair.value, [...path, key], level + 1, viaAlias),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return obj;
    }
    if (isSeq(n)) return n.items.map((item, i) => convert(item, [...path, i], level + 1, viaAlias));
    return null;
  };
  try {
    out.value = convert(doc.contents, [], 0, 0);
  } catch (e) {
    errors.push({
      file,
      line: 1,
      column: 1,
      code: "yaml-syntax",
      message: t(lang, "load.yaml-syntax", { detail: firstLine(e) }),
    });
  }
  if (aliasError) out.value = undefined;
  return out;
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return (m.split("\n")[0] ?? m).replace(/ at line \d+, column \d+:?$/, "");
}

/** The nearest recorded position for a path, walking up to the parents. */
export function positionOf(p: Positioned, path: string, file: string, key = false): SourceLocation {
  if (key) {
    const k = p.positions.get(`${path}#key`);
    if (k) return k;
  }
  let cur = path;
  for (;;) {
    const hit = p.positions.get(cur);
    if (hit) return hit;
    if (cur === "") return { file, line: 1, column: 1 };
    cur = cur.slice(0, cur.lastIndexOf("/"));
  }
}
