/** Every built-in rule has its doc page (in step with the policy files), its two example designs that behave, and tests. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allRuleIds, catalogue, catalogueMarkdown, exampleFindings, ruleExamples, ruleMarkdown } from "../../src/catalogue.js";

const ROOT = join(import.meta.dirname, "../..");
const rules = catalogue().flatMap((p) => p.rules);
const ruleTests = readdirSync(join(ROOT, "test/rules"))
  .filter((f) => f.endsWith(".test.ts"))
  .map((f) => readFileSync(join(ROOT, "test/rules", f), "utf8"))
  .join("\n");

describe("the rule catalogue", () => {
  it("has every rule of rules.md", () => {
    const expected = [
      ...Array.from({ length: 10 }, (_, i) => `ASP-${String(i + 1).padStart(2, "0")}`),
      ...Array.from({ length: 18 }, (_, i) => `TT-${String(i + 1).padStart(2, "0")}`),
      ...Array.from({ length: 8 }, (_, i) => `NET-${String(i + 1).padStart(2, "0")}`),
      "BUNRI-01",
      "BUNRI-02",
    ];
    expect([...allRuleIds()].sort()).toEqual(expected.sort());
  });

  it("has an index page in step with the packs (run `npm run docs` if this fails)", () => {
    expect(readFileSync(join(ROOT, "docs/rules/README.md"), "utf8")).toBe(catalogueMarkdown());
  });

  describe.each(rules.map((r) => [r.id, r] as const))("%s", (id, rule) => {
    it("has its doc page, generated from the policy and the examples (run `npm run docs` if this fails)", () => {
      expect(readFileSync(join(ROOT, `docs/rules/${id}.md`), "utf8")).toBe(ruleMarkdown(rule));
    });

    it("has an incorrect example that triggers it and a correct one that does not", () => {
      const examples = ruleExamples(id);
      expect(examples.map((e) => e.kind)).toEqual(["incorrect", "correct"]);
      for (const ex of examples) {
        const { findings, errors } = exampleFindings(ex, "en");
        expect(errors, `${ex.file} has input errors`).toBe(0);
        const mine = findings.filter((f) => f.rule === id && !f.waived);
        if (ex.kind === "incorrect") expect(mine.length, `${ex.file} must trigger ${id}`).toBeGreaterThan(0);
        else expect(mine, `${ex.file} must not trigger ${id}`).toEqual([]);
      }
    });

    it("is covered by the rule tests", () => {
      expect(ruleTests).toContain(`"${id}"`);
    });
  });
});
