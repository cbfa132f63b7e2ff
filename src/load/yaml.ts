/**
 * YAML with positions. Two readers give the same result:
 *
 * - the fast one reads js-yaml's event stream (`parseEvents`: offsets, no syntax tree), resolves
 *   plain scalars with the YAML 1.2 core schema (no timestamps, so `expires: 2027-03-31` stays
 *   text) and builds the values and the position table in one pass; it takes the documents
 *   designs are made of, and hands anything unusual to the other reader: a syntax error, several
 *   documents, anchors, aliases, tags, merge keys, complex or over-long keys, a duplicate key,
 *   nesting or size past the limits, an empty or block scalar whose position it cannot place;
 * - the full one parses with the `yaml` library (loaded only when needed) and converts its syntax
 *   tree, with every error that library names and the limits below.
 *
 * Both build plain values with null-prototype objects (ids such as `__proto__` or `constructor`
 * are ordinary keys) and a table from JSON-pointer paths to positions (line, and column in code
 * points). `BUNRI_YAML_VERIFY=1` runs both on every file and fails loudly where they differ (the
 * test suite runs once that way). Hostile input is bounded: size, nesting depth and alias
 * expansion all have limits, and every problem is an InputError, never an exception.
 */
import { createRequire } from "node:module";
import {
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  type Event,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE_DOUBLE_QUOTED,
  SCALAR_STYLE_PLAIN,
  SCALAR_STYLE_SINGLE_QUOTED,
  type ScalarEvent,
} from "js-yaml";
import type { Alias, Node } from "yaml";
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
/** the longest implicit key YAML allows (the `yaml` library reports longer ones) */
const MAX_KEY_CHARS = 1024;

export interface Positioned {
  value: unknown;
  /** position of the value at a path (`/nodes/web/kind`), and of a key (`/nodes/web/kind#key`) */
  positions: PositionTable;
  /** keys YAML read as something other than a string (number, boolean, null) */
  nonStringKeys: Array<{ path: string; key: string; type: string }>;
  errors: InputError[];
}

/** Positions by JSON pointer (a Map is one). */
export interface PositionTable {
  get(path: string): SourceLocation | undefined;
  entries(): IterableIterator<[string, SourceLocation]>;
}

export function pointer(path: readonly (string | number)[]): string {
  return path.reduce<string>(step, "");
}

/** one more step of a JSON pointer */
function step(base: string, key: string | number): string {
  const k = String(key);
  return `${base}/${k.includes("~") || k.includes("/") ? k.replace(/~/g, "~0").replace(/\//g, "~1") : k}`;
}

/** Offsets to lines and columns (in code points), in logarithmic time: a design written on one line is 0.5 MB wide. */
class Locator {
  private readonly lineStarts: number[] = [0];
  /** offsets of the high halves of surrogate pairs: two code units, one code point */
  private readonly astral: number[] = [];
  constructor(
    private readonly body: string,
    private readonly file: string,
  ) {
    for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
    if (/[\uD800-\uDBFF]/.test(body)) for (const m of body.matchAll(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)) this.astral.push(m.index);
  }
  at(offset: number): SourceLocation {
    const o = Math.max(0, Math.min(offset, this.body.length));
    const line = upperBound(this.lineStarts, o);
    const start = this.lineStarts[line - 1] ?? 0;
    let column = o - start + 1;
    if (this.astral.length > 0) column -= upperBound(this.astral, o - 1) - upperBound(this.astral, start - 1);
    return { file: this.file, line, column };
  }
}

/** how many of the sorted numbers are ≤ x */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The text both readers see: no byte-order mark; YAML 1.2 line breaks (CR LF, CR or LF) as LF, as
 * a parser reads them (the `yaml` library knows LF only, so a file saved with CR alone read as one
 * line); no lone surrogate enters the model.
 */
function yamlBody(text: string): string {
  return wellFormed(text.replace(/^\uFEFF/, "")).replace(/\r\n?/g, "\n");
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
  const body = yamlBody(text);
  const locator = new Locator(body, file);
  // Flow nesting is bounded on the raw text first, as the parsers recurse (brackets in comments
  // and strings count too, hence the generous bound; the exact limit is checked on the values).
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_RAW_DEPTH) {
        errors.push({ ...locator.at(i), code: "too-deep", message: t(lang, "load.too-deep", { max: MAX_DEPTH }) });
        return out;
      }
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  const verify = process.env.BUNRI_YAML_VERIFY === "1";
  const fast = readEvents(body, locator);
  if (fast && !verify) return { ...fast, errors };
  const full = readTree(body, file, lang, locator);
  if (verify && fast) {
    const problem = difference(fast, full);
    if (problem) throw new Error(`BUNRI_YAML_VERIFY: the two YAML readers differ on ${file}: ${problem}`);
  }
  return full;
}

/** Which reader takes a document (for tests and benchmarks): "fast" for the event reader, "full" when it hands over. */
export function yamlReader(text: string): "fast" | "full" {
  const body = yamlBody(text);
  return readEvents(body, new Locator(body, "")) ? "fast" : "full";
}

type Read = Omit<Positioned, "errors">;

/** the reader gives the document to the full one */
const BAIL = Symbol("bail");

// The YAML 1.2 core schema, as the `yaml` library resolves plain scalars (its order, its patterns).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

export function resolvePlain(s: string): string | number | boolean | null {
  // most plain scalars are words: no digit, sign, dot, tilde or n/t/f start can be anything else
  const c = s.charCodeAt(0);
  if (s.length === 0 || c === 0x7e) return NULL.test(s) ? null : s;
  if (c === 0x6e || c === 0x4e) return NULL.test(s) ? null : s;
  if (c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) return BOOL.test(s) ? c === 0x74 || c === 0x54 : s;
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e)) return s;
  if (INT_OCT.test(s)) return Number.parseInt(s.substring(2), 8);
  if (INT.test(s)) return Number.parseInt(s, 10);
  if (INT_HEX.test(s)) return Number.parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === "nan" ? Number.NaN : s[0] === "-" ? -Infinity : Infinity;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return Number.parseFloat(s);
  return s;
}

/** a scalar's text; escapes in double quotes can spell a lone surrogate */
function decode(body: string, e: ScalarEvent): string {
  const s = getScalarValue(body, e);
  return e.style === SCALAR_STYLE_DOUBLE_QUOTED ? wellFormed(s) : s;
}

/** The fast reader; undefined when the document needs the full one. */
function readEvents(body: string, locator: Locator): Read | undefined {
  let events: Event[];
  try {
    events = parseEvents(body, { maxDepth: MAX_DEPTH + 1 });
  } catch {
    return undefined;
  }
  // a Map, not a WeakMap: the table lives as long as the values, and ephemerons cost the GC
  const recs = new Map<object, Offsets>();
  const nonStringKeys: Positioned["nonStringKeys"] = [];
  if (events.length < 3 || events[0]?.type !== EVENT_DOCUMENT || events[events.length - 1]?.type !== EVENT_POP) return undefined;
  // an empty document (`---` alone): nothing to read, and its one position is the full reader's to give
  const first = events[1] as Event;
  if (first.type === EVENT_SCALAR && first.valueStart === -1) return undefined;
  let i = 1;
  let produced = 0;
  /** the path of the value being read, for the rare non-string key */
  const segments: Array<string | number> = [];
  /** the offset of the value node() last read, or -1 where the full reader records none */
  let at = -1;
  /** the end of the last token read, where an empty or block scalar's indicator is looked for; -1 after a collection ends */
  let lastEnd = 0;
  /** Where the `yaml` library places an empty or block scalar: after the indicator before it (`:`, `-` or `?`) and its spaces. */
  const afterIndicator = (): number => {
    if (lastEnd < 0) throw BAIL;
    let p = lastEnd;
    for (;;) {
      const c = body.charCodeAt(p);
      if (c === 0x20 || c === 0x09 || c === 0x0a) p++;
      else if (c === 0x23) {
        const nl = body.indexOf("\n", p);
        if (nl === -1) return -1;
        p = nl + 1;
      } else break;
    }
    const c = body.charCodeAt(p);
    if (c !== 0x3a && c !== 0x2d && c !== 0x3f) return -1;
    p++;
    while (body.charCodeAt(p) === 0x20 || body.charCodeAt(p) === 0x09) p++;
    return p;
  };
  const scalarStart = (e: ScalarEvent): number => {
    if (e.style === SCALAR_STYLE_PLAIN) return e.valueStart;
    if (e.style === SCALAR_STYLE_SINGLE_QUOTED || e.style === SCALAR_STYLE_DOUBLE_QUOTED) return e.valueStart - 1;
    return -1;
  };
  const node = (level: number): unknown => {
    const e = events[i++] as Event;
    if (++produced > MAX_VALUES || level > MAX_DEPTH) throw BAIL;
    if (e.type === EVENT_SCALAR) {
      if (e.anchorStart !== -1 || e.tagStart !== -1) throw BAIL;
      at = scalarStart(e);
      if (at === -1 || e.valueStart === -1) {
        at = afterIndicator();
        const c = body.charCodeAt(at);
        // a block scalar starts at its header (`|` or `>`); an empty one where its indicator left off
        if (e.valueStart !== -1 && c !== 0x7c && c !== 0x3e) throw BAIL;
      }
      const raw = e.valueStart === -1 ? "" : decode(body, e);
      lastEnd =
        e.valueStart === -1
          ? at === -1
            ? lastEnd
            : at
          : e.style === SCALAR_STYLE_PLAIN
            ? e.valueEnd
            : e.style === SCALAR_STYLE_SINGLE_QUOTED || e.style === SCALAR_STYLE_DOUBLE_QUOTED
              ? e.valueEnd + 1
              : -1;
      return e.style === SCALAR_STYLE_PLAIN ? resolvePlain(raw) : raw;
    }
    if (e.type === EVENT_MAPPING) {
      if (e.anchorStart !== -1 || e.tagStart !== -1) throw BAIL;
      const start = e.start;
      lastEnd = start;
      const obj: Record<string, unknown> = Object.create(null);
      const rec: Offsets = { keys: [], keyAt: [], valueAt: [] };
      while (events[i]?.type !== EVENT_POP) {
        const k = events[i++] as Event;
        if (k.type !== EVENT_SCALAR || k.anchorStart !== -1 || k.tagStart !== -1 || k.valueStart === -1) throw BAIL;
        const keyAt = scalarStart(k);
        if (keyAt === -1 || k.valueEnd - k.valueStart > MAX_KEY_CHARS) throw BAIL;
        const raw = decode(body, k);
        const plain = k.style === SCALAR_STYLE_PLAIN;
        if (plain && raw === "<<") throw BAIL;
        const kv = plain ? resolvePlain(raw) : raw;
        const key = kv === null ? "null" : typeof kv === "string" ? kv : String(kv);
        // no value is undefined: a null-prototype object has the key iff it is defined
        if (obj[key] !== undefined) throw BAIL;
        if (typeof kv !== "string")
          nonStringKeys.push({ path: pointer([...segments, key]), key: raw, type: kv === null ? "null" : typeof kv });
        lastEnd = plain ? k.valueEnd : k.valueEnd + 1;
        if (events[i]?.type === EVENT_POP) throw BAIL;
        segments.push(key);
        obj[key] = node(level + 1);
        segments.pop();
        (rec.keys as string[]).push(key);
        (rec.keyAt as number[]).push(keyAt);
        rec.valueAt.push(at);
      }
      i++;
      recs.set(obj, rec);
      at = start;
      lastEnd = -1;
      return obj;
    }
    if (e.type === EVENT_SEQUENCE) {
      if (e.anchorStart !== -1 || e.tagStart !== -1) throw BAIL;
      const start = e.start;
      lastEnd = start;
      const items: unknown[] = [];
      const rec: Offsets = { valueAt: [] };
      while (events[i]?.type !== EVENT_POP) {
        segments.push(items.length);
        items.push(node(level + 1));
        segments.pop();
        rec.valueAt.push(at);
      }
      i++;
      recs.set(items, rec);
      at = start;
      lastEnd = -1;
      return items;
    }
    // aliases, a second document, anything else
    throw BAIL;
  };
  try {
    const value = node(0);
    if (i !== events.length - 1) return undefined;
    return { value, positions: new TreePositions(value, at, recs, locator), nonStringKeys };
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

/** Offsets of a collection's keys and values, in document order (-1: no position). */
interface Offsets {
  keys?: string[];
  keyAt?: number[];
  valueAt: number[];
  /** key → index, made at the first lookup of a large mapping */
  index?: Map<string, number>;
}

/**
 * The fast reader's positions: offsets kept beside the values, turned into lines and columns only
 * when asked. A design of 20,000 nodes has some 600,000 positions, of which a run asks for a few
 * thousand; building a table of them all cost more than parsing.
 */
class TreePositions implements PositionTable {
  constructor(
    private readonly root: unknown,
    private readonly rootAt: number,
    private readonly recs: Map<object, Offsets>,
    private readonly locator: Locator,
  ) {}

  get(path: string): SourceLocation | undefined {
    const isKey = path.endsWith("#key");
    const p = isKey ? path.slice(0, -4) : path;
    if (p === "") return isKey || this.rootAt < 0 ? undefined : this.locator.at(this.rootAt);
    if (p[0] !== "/") return undefined;
    const segs = p
      .slice(1)
      .split("/")
      .map((raw) => (raw.includes("~") ? raw.replace(/~1/g, "/").replace(/~0/g, "~") : raw));
    return this.getAt(segs, segs.length, isKey);
  }

  /** The position at the first `count` segments of a path (unescaped), of the key or the value. */
  getAt(segs: readonly (string | number)[], count: number, isKey: boolean): SourceLocation | undefined {
    if (count === 0) return isKey || this.rootAt < 0 ? undefined : this.locator.at(this.rootAt);
    let cur: unknown = this.root;
    let offset = -1;
    for (let n = 0; n < count; n++) {
      if (cur === null || typeof cur !== "object") return undefined;
      const rec = this.recs.get(cur);
      if (!rec) return undefined;
      const seg = String(segs[n]);
      const last = n === count - 1;
      if (rec.keys) {
        const idx = indexOfKey(rec, seg);
        if (idx < 0) return undefined;
        offset = last && isKey ? ((rec.keyAt as number[])[idx] as number) : (rec.valueAt[idx] as number);
        cur = (cur as Record<string, unknown>)[seg];
      } else {
        if (isKey && last) return undefined;
        if (!/^(?:0|[1-9][0-9]*)$/.test(seg)) return undefined;
        const idx = Number(seg);
        if (idx >= rec.valueAt.length) return undefined;
        offset = rec.valueAt[idx] as number;
        cur = (cur as unknown[])[idx];
      }
    }
    return offset < 0 ? undefined : this.locator.at(offset);
  }

  *entries(): IterableIterator<[string, SourceLocation]> {
    if (this.rootAt >= 0) yield ["", this.locator.at(this.rootAt)];
    const walk = function* (self: TreePositions, v: unknown, path: string): Generator<[string, SourceLocation]> {
      if (v === null || typeof v !== "object") return;
      const rec = self.recs.get(v);
      if (!rec) return;
      for (let n = 0; n < rec.valueAt.length; n++) {
        const key = rec.keys ? (rec.keys[n] as string) : n;
        const child = step(path, key);
        if (rec.keyAt) yield [`${child}#key`, self.locator.at(rec.keyAt[n] as number)];
        const at = rec.valueAt[n] as number;
        if (at >= 0) yield [child, self.locator.at(at)];
        yield* walk(self, (v as Record<string | number, unknown>)[key], child);
      }
    };
    yield* walk(this, this.root, "");
  }
}

function indexOfKey(rec: Offsets, key: string): number {
  const keys = rec.keys as string[];
  if (keys.length <= 8) return keys.indexOf(key);
  if (!rec.index) rec.index = new Map(keys.map((k, n) => [k, n]));
  return rec.index.get(key) ?? -1;
}

/** What differs between the two readers' results, or undefined (BUNRI_YAML_VERIFY). */
function difference(a: Read, b: Positioned): string | undefined {
  if (b.errors.length > 0)
    return `the full reader found errors: ${b.errors.map((e) => `${e.line}:${e.column} ${e.code}`).join(", ")}`;
  const va = JSON.stringify(tagged(a.value));
  const vb = JSON.stringify(tagged(b.value));
  if (va !== vb) return `values ${va.slice(0, 300)} / ${vb.slice(0, 300)}`;
  const pa = [...a.positions.entries()].map(([k, v]) => `${k}@${v.line}:${v.column}`).sort();
  const pb = [...b.positions.entries()].map(([k, v]) => `${k}@${v.line}:${v.column}`).sort();
  const sa = new Set(pa);
  const sb = new Set(pb);
  const onlyA = pa.filter((x) => !sb.has(x));
  const onlyB = pb.filter((x) => !sa.has(x));
  if (onlyA.length + onlyB.length > 0) return `positions ${onlyA.slice(0, 5).join(" ")} / ${onlyB.slice(0, 5).join(" ")}`;
  const ka = JSON.stringify(a.nonStringKeys);
  const kb = JSON.stringify(b.nonStringKeys);
  if (ka !== kb) return `non-string keys ${ka} / ${kb}`;
  return undefined;
}

/** a value with its types spelled out (NaN, infinities and key order survive JSON) */
function tagged(v: unknown): unknown {
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (Array.isArray(v)) return v.map(tagged);
  if (v !== null && typeof v === "object") return Object.entries(v).map(([k, x]) => [k, tagged(x)]);
  return v;
}

const require = createRequire(import.meta.url);

/** The full reader: the `yaml` library's syntax tree, with its errors. */
function readTree(body: string, file: string, lang: Lang, locator: Locator): Positioned {
  const { isAlias, isMap, isPair, isScalar, isSeq, parseDocument } = require("yaml") as typeof import("yaml");
  const positions = new Map<string, SourceLocation>();
  const nonStringKeys: Positioned["nonStringKeys"] = [];
  const errors: InputError[] = [];
  const out: Positioned = { value: undefined, positions, nonStringKeys, errors };
  const at = (offset: number | undefined): SourceLocation => locator.at(offset ?? 0);
  let doc: ReturnType<typeof parseDocument>;
  try {
    // uniqueKeys is checked in convert below: the parser's own check compares every key with every
    // earlier one (quadratic; a quarter of the time on a 20,000-node design).
    doc = parseDocument(body, {
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

/** The nearest recorded position for a path given as its segments, walking up to the parents. */
export function positionAt(p: Positioned, path: readonly (string | number)[], file: string, key = false): SourceLocation {
  const table = p.positions;
  if (!(table instanceof TreePositions)) return positionOf(p, pointer(path), file, key);
  if (key) {
    const k = table.getAt(path, path.length, true);
    if (k) return k;
  }
  for (let n = path.length; n >= 0; n--) {
    const hit = table.getAt(path, n, false);
    if (hit) return hit;
  }
  return { file, line: 1, column: 1 };
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
