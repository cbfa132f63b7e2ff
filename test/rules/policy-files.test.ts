/** Users' policy files: their own rules, overrides (severity, off), default selection, and errors with positions. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";

const sketch = readFileSync(join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml"), "utf8");
/** NET-02 (any → DB) and an unencrypted hop: findings to tune. */
const design = sketch.replace(
  "- { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }",
  "- { allow: { from: any, to: db, service: postgres }, title: Web→DB }",
);

function policy(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "bunri-pol-"));
  const file = join(dir, "city.yaml");
  writeFileSync(file, text);
  return file;
}

const CITY_RULE = `bunri-policy: 1
overrides:
  NET-02: { severity: critical }
  ASP-09: off
rules:
  CITY-01:
    severity: medium
    title: { ja: 仮想化基盤を LGWAN 側に置かない, en: No management host on the LGWAN side }
    why: { ja: 理由, en: why }
    fix: { ja: 直し方, en: fix }
    messages:
      default: { ja: "{node} は LGWAN 側にあります", en: "{node} is on the LGWAN side" }
    check: { type: node, select: { host-kind: [web-server], tier: [lgwan-side] } }
`;

describe("user policy files", () => {
  it("add rules and tune built-in ones on top of the default selection", () => {
    const file = policy(CITY_RULE);
    const r = checkText(design, "d.yaml", { lang: "en", today: "2026-11-23", policies: ["default", file] }).result;
    expect(r.errors).toEqual([]);
    const net02 = r.findings.find((f) => f.rule === "NET-02");
    expect(net02?.severity).toBe("critical");
    expect(r.findings.some((f) => f.rule === "ASP-09")).toBe(false);
    const city = r.findings.filter((f) => f.rule === "CITY-01");
    expect(city.map((f) => f.subjects[0])).toEqual(["web-lgwan"]);
    expect(city[0]?.message).toContain("is on the LGWAN side");
  });

  it("replace the default selection when listed alone", () => {
    const file = policy(CITY_RULE);
    const r = checkText(design, "d.yaml", { lang: "en", policies: [file] }).result;
    expect(new Set(r.findings.map((f) => f.rule))).toEqual(new Set(["CITY-01"]));
  });

  it("report a misspelt check key and a bad enum value with their positions and suggestions", () => {
    const file = policy(CITY_RULE.replace("select: { host-kind: [web-server]", "selekt: { host-kind: [web-servr]"));
    const r = checkText(design, "d.yaml", { lang: "en", policies: [file] }).result;
    const messages = r.errors.map((e) => `${e.line}:${e.column} ${e.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(/^13:12 .*must NOT have additional properties "selekt" \(did you mean "select"\?\)/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^13:12 .*must have required property 'select'/));
  });

  it("reject a user rule id that collides with a built-in one", () => {
    const file = policy(CITY_RULE.replace("CITY-01:", "ASP-01:"));
    const r = checkText(design, "d.yaml", { lang: "en", policies: ["default", file] }).result;
    expect(r.errors.map((e) => e.message)).toContainEqual(expect.stringContaining('rule id "ASP-01" is already used'));
  });

  it("reject an unknown pack name with the list of packs", () => {
    const r = checkText(design, "d.yaml", { lang: "en", policies: ["three-layer"] }).result;
    expect(r.errors[0]?.message).toMatch(/unknown policy "three-layer"/);
  });

  it("read hostile policy files with the loader's limits: nesting, alias bombs, prototype names", () => {
    const errorsOf = (text: string) =>
      checkText(design, "d.yaml", { lang: "en", policies: ["default", policy(text)] }).result.errors.map(
        (e) => `${e.line}:${e.column} ${e.message}`,
      );
    expect(errorsOf(`bunri-policy: 1\nrules: ${"[".repeat(5000)}${"]".repeat(5000)}\n`)).toContainEqual(
      expect.stringMatching(/^2:\d+ the YAML is nested deeper than 64 levels/),
    );
    const bomb = ["bunri-policy: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 8; i++)
      bomb.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    expect(errorsOf(bomb.join("\n"))).toContainEqual(expect.stringContaining("alias bomb"));
    const proto = errorsOf("bunri-policy: 1\nrules:\n  __proto__: { severity: low }\n");
    expect(proto).toContainEqual(expect.stringMatching(/^3:3 .*\/rules must match pattern/));
    expect(proto).toContainEqual(expect.stringMatching(/^3:14 .*\/rules\/__proto__ must have required property 'title'/));
  });
});
