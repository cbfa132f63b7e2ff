/**
 * Fuzzing by mutation: the example designs with lines deleted, duplicated, swapped or re-indented,
 * tokens swapped for other tokens of the same file, and stray characters. Whatever comes out, the
 * check returns (never throws), and every error it reports is placed inside the file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";

const DIR = join(import.meta.dirname, "../../topologies");
const designs = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml"))
  .sort()
  .map((f) => readFileSync(join(DIR, f), "utf8"));

type Mutation =
  | { kind: "delete" | "duplicate" | "indent" | "dedent"; line: number }
  | { kind: "swap"; line: number; other: number }
  | { kind: "token"; from: number; to: number }
  | { kind: "insert"; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete", "duplicate", "indent", "dedent"), line: fc.nat() }),
  fc.record({ kind: fc.constant("swap"), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant("token"), from: fc.nat(), to: fc.nat() }),
  fc.record({
    kind: fc.constant("insert"),
    at: fc.nat(),
    text: fc.constantFrom(
      "{",
      "]",
      ": ",
      "- ",
      "&a ",
      "*a",
      "!!binary ",
      "\t",
      "'",
      '"',
      "#",
      "<<: *a",
      "any",
      "tier:",
      "\u0000",
      "\u202e",
    ),
  }),
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
    case "swap": {
      const a = m.line % n;
      const b = m.other % n;
      [lines[a], lines[b]] = [lines[b] as string, lines[a] as string];
      break;
    }
    case "token": {
      const tokens = text.match(/[\w:/*#.-]+/g) ?? [];
      if (tokens.length === 0) break;
      const from = tokens[m.from % tokens.length] as string;
      const to = tokens[m.to % tokens.length] as string;
      return text.replace(from, to);
    }
    case "insert": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
  }
  return lines.join("\n");
}

/** `MUTATION_RUNS=20000 npx vitest run test/load/mutations.test.ts` for a longer hunt */
const RUNS = Number(process.env.MUTATION_RUNS ?? 150);

describe("mutated designs", () => {
  it(
    "are checked or rejected with positioned errors, never with an exception",
    () => {
      fc.assert(
        fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
          const text = mutations.reduce(apply, designs[which % designs.length] as string);
          const lineCount = text.split("\n").length;
          const { result } = checkText(text, "mutated.yaml", { today: "2026-11-23" });
          for (const e of result.errors) {
            expect(e.message.length).toBeGreaterThan(0);
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.line).toBeLessThanOrEqual(lineCount + 1);
            expect(e.column).toBeGreaterThanOrEqual(1);
          }
          for (const f of result.findings) expect(f.location.line).toBeGreaterThanOrEqual(1);
        }),
        { numRuns: RUNS },
      );
    },
    60_000 + RUNS * 50,
  );
});
