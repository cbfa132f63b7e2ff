/**
 * Fuzzing the inputs beside the designs: policy files, waiver files, baselines, saved results and
 * raw bytes, mutated as text (lines deleted, duplicated, re-indented; hostile characters inserted)
 * and, for JSON, as values (a subtree replaced by any JSON, hostile strings included). Whatever
 * comes in: no exception, every error placed inside the file, and a saved result that is accepted
 * renders in every format to output a strict parser accepts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseBaseline } from "../../src/baseline.js";
import { checkText } from "../../src/check.js";
import { decodeInput } from "../../src/load/file.js";
import { loadWaiversText } from "../../src/load/index.js";
import type { InputError } from "../../src/model/types.js";
import { loadReporter, REPORT_FORMATS } from "../../src/report/index.js";
import { reportJson } from "../../src/report/json.js";
import { parseResultText } from "../../src/report/read.js";
import type { Reporter } from "../../src/report/types.js";
import { parsePolicyText } from "../../src/rules/policy.js";
import { lineColumn, scanJson } from "../../src/util/json.js";
import { ROOT } from "../helpers/cli.js";
import { controlIn, jsonProblems, xmlProblems } from "../helpers/strict.js";

/** `MUTATION_RUNS=20000 npx vitest run test/load/input-mutations.test.ts` for a longer hunt */
const RUNS = Number(process.env.MUTATION_RUNS ?? 100);
const TIMEOUT = 60_000 + RUNS * 100;

const HOSTILE = [
  "{",
  "]",
  ": ",
  "- ",
  "&a ",
  "*a",
  "!!binary ",
  "!!js/function ",
  "<<: *a",
  "__proto__: ",
  "constructor",
  "\t",
  '"',
  "'",
  "\\",
  "\\ud800",
  "\\u001b]0;x\\u0007",
  "\u0000",
  "\u001b[31m",
  "\u202e",
  "\uFFFE",
  "\uD800",
  "\r",
  "no",
  "0777",
  "null",
  "1e400",
  "-",
  ",",
];

type Mutation =
  | { kind: "delete" | "duplicate" | "indent" | "dedent"; line: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "cut"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete", "duplicate", "indent", "dedent"), line: fc.nat() }),
  fc.record({
    kind: fc.constant("insert"),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 })),
  }),
  fc.record({ kind: fc.constant("cut"), at: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const n = lines.length;
  switch (m.kind) {
    case "delete":
      lines.splice(m.line % n, 1);
      break;
    case "duplicate":
      lines.splice(m.line % n, 0, lines[m.line % n] as string);
      break;
    case "indent":
      lines[m.line % n] = `  ${lines[m.line % n]}`;
      break;
    case "dedent":
      lines[m.line % n] = (lines[m.line % n] as string).replace(/^ {1,2}/, "");
      break;
    case "insert": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case "cut":
      return text.slice(0, m.at % (text.length + 1));
  }
  return lines.join("\n");
}

/** Every error names the file and a place inside it (one line past the end for a file cut short). */
function placed(errors: readonly InputError[], file: string, text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const e of errors) {
    expect(e.file).toBe(file);
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.line).toBeLessThanOrEqual(lineCount + 1);
    expect(e.column).toBeGreaterThanOrEqual(1);
  }
}

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const POLICIES = ["policies/baseline.yaml", "policies/lgwan-asp.yaml", "policies/three-tier.yaml"].map(read);
const WAIVERS = read("test/fixtures/golden/waivers.yaml");
const DESIGN = read("test/fixtures/golden/sketch-internet-db.yaml");

let savedResult: string;
let baseline: string;
const reporters = new Map<string, Reporter>();

beforeAll(async () => {
  const checked = checkText(DESIGN, "d.yaml", { today: "2026-11-23" });
  const result = {
    tool: { name: "bunri" as const, version: "0.0.0" },
    files: [checked.result],
    summary: { files: 1, critical: 0, high: 0, medium: 0, low: 0, info: 0, waived: 0, baselined: 0, errors: 0 },
  };
  savedResult = reportJson(result, { lang: "en", color: false, failOn: "high" });
  baseline = JSON.stringify({
    "bunri-baseline": 1,
    findings: checked.result.findings.map((f) => ({
      fingerprint: f.fingerprint,
      rule: f.rule,
      topology: "d",
      subject: f.subjects[0],
    })),
  });
  for (const format of REPORT_FORMATS) reporters.set(format, await loadReporter(format));
});

/** A saved result accepted by `bunri format` renders in every format, each accepted by a strict parser. */
function rendersStrictly(text: string): void {
  const parsed = parseResultText(text, "r.json", "en");
  placed(parsed.errors, "r.json", text);
  if (!parsed.result) return;
  for (const [format, reporter] of reporters) {
    const out = reporter(parsed.result, { lang: "en", color: false, failOn: "high" });
    if (format === "json" || format === "sarif") expect(jsonProblems(out), format).toEqual([]);
    if (format === "junit") expect(xmlProblems(out), format).toEqual([]);
    if (format !== "csv") expect(controlIn(out), format).toBeUndefined();
  }
}

describe("mutated inputs beside the designs", () => {
  it(
    "policy files: a policy or positioned errors, never an exception",
    () => {
      fc.assert(
        fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
          const text = ms.reduce(apply, POLICIES[which % POLICIES.length] as string);
          const r = parsePolicyText(text, "p.yaml", "en", false);
          placed(r.errors, "p.yaml", text);
          if (r.errors.length === 0) expect(r.policy).toBeDefined();
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "waiver files: waivers or positioned errors, never an exception",
    () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
          const text = ms.reduce(apply, WAIVERS);
          placed(loadWaiversText(text, "w.yaml", { lang: "ja" }).errors, "w.yaml", text);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "baselines, mutated as text: a baseline or one positioned error",
    () => {
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
          const text = ms.reduce(apply, baseline);
          const r = parseBaseline(text, "b.json", "en");
          placed(r.errors, "b.json", text);
          expect(Boolean(r.baseline) !== r.errors.length > 0).toBe(true);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "saved results, mutated as text and as values: rejected with positions, or rendered strictly in every format",
    () => {
      const original = JSON.parse(savedResult);
      // the JSON paths of the saved result, to replace one subtree at a time
      const paths: Array<Array<string | number>> = [];
      const walk = (v: unknown, p: Array<string | number>) => {
        paths.push(p);
        if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...p, i]);
        else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
      };
      walk(original, []);
      const hostileString = fc.oneof(
        fc.string(),
        fc.constantFrom("\uD800", "\u001b]52;c;eA==\u0007", "\uFFFF", "__proto__", "<![CDATA[", "]]>"),
      );
      const replacement = fc.oneof(hostileString, fc.jsonValue({ maxDepth: 3 }), fc.constant("__proto__"));
      fc.assert(
        fc.property(fc.nat(), replacement, fc.array(mutation, { maxLength: 2 }), (which, value, ms) => {
          const copy = JSON.parse(savedResult);
          const path = paths[which % paths.length] as Array<string | number>;
          if (path.length > 0) {
            let parent = copy;
            for (const k of path.slice(0, -1)) parent = parent[k];
            parent[path[path.length - 1] as string] = value;
          }
          rendersStrictly(ms.reduce(apply, path.length > 0 ? JSON.stringify(copy) : JSON.stringify(value)));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "hostile strings in every text of a genuine result render strictly in every format",
    () => {
      fc.assert(
        fc.property(fc.string({ unit: "binary", maxLength: 20 }), (s) => {
          // the texts a design or a policy gives a result get the hostile text appended
          const TEXT = new Set(["message", "title", "file", "topology", "reason", "ja", "en", "label", "id"]);
          const walk = (v: unknown): unknown => {
            if (Array.isArray(v)) return v.map(walk);
            if (!v || typeof v !== "object") return v;
            const out: Record<string, unknown> = {};
            for (const [k, x] of Object.entries(v)) out[k] = TEXT.has(k) && typeof x === "string" ? `${x}${s}` : walk(x);
            return out;
          };
          const text = JSON.stringify(walk(JSON.parse(savedResult)));
          expect(parseResultText(text, "r.json", "en").result, text.slice(0, 300)).toBeDefined();
          rendersStrictly(text);
        }),
        { numRuns: Math.ceil(RUNS / 2) },
      );
    },
    TIMEOUT,
  );

  it(
    "raw bytes: decoded, or an encoding error inside the file",
    () => {
      fc.assert(
        fc.property(
          fc.uint8Array({ maxLength: 64 }),
          fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xff, 0xfe, 0, 0]),
          (bytes, bom) => {
            const all = Uint8Array.from([...bom, ...bytes]);
            const r = decodeInput(all, "x.yaml", "en");
            if (r.error) {
              expect(r.error.line).toBeGreaterThanOrEqual(1);
              expect(r.error.column).toBeGreaterThanOrEqual(1);
            } else expect(jsonProblems(JSON.stringify(r.text))).toEqual([]);
          },
        ),
        { numRuns: RUNS * 5 },
      );
    },
    TIMEOUT,
  );

  it(
    "the JSON scanner agrees with JSON.parse, and places an error where the text stops being JSON",
    () => {
      fc.assert(
        fc.property(fc.json(), fc.array(mutation, { maxLength: 2 }), (json, ms) => {
          const text = ms.reduce(apply, json);
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          const scan = scanJson(text);
          expect(scan.error === undefined).toBe(valid);
          if (scan.error !== undefined) {
            expect(scan.error).toBeLessThanOrEqual(text.length);
            // the text before the error is a prefix some JSON text could continue
            expect(lineColumn(text, scan.error).line).toBeGreaterThanOrEqual(1);
          }
        }),
        { numRuns: RUNS * 5 },
      );
    },
    TIMEOUT,
  );
});
