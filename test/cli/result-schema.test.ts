/** The JSON result matches its published schema (`bunri schema result`) on every example and on broken input. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { bunri, ROOT } from "../helpers/cli.js";

const schema = JSON.parse(readFileSync(join(ROOT, "schema/result.schema.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const sketch = readFileSync(join(ROOT, "test/fixtures/takatsuki-sketch.yaml"), "utf8");

function temp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bunri-schema-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function expectValid(json: unknown) {
  const ok = validate(json);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
  expect(ok).toBe(true);
}

describe("the result schema", () => {
  it("is what `bunri schema result` prints", () => {
    expect(JSON.parse(bunri(["schema", "result"]).out)).toEqual(schema);
  });

  it("describes the result for every example design, in both languages", () => {
    for (const lang of ["ja", "en"]) {
      const r = bunri(["check", join(ROOT, "topologies"), "--format", "json", "--lang", lang, "--today", "2026-11-23"]);
      const json = JSON.parse(r.out);
      expectValid(json);
      expect(json.files.length).toBeGreaterThanOrEqual(10);
    }
  });

  it("describes findings with every kind of evidence, waivers and input errors", () => {
    const broken = sketch
      .replace(
        "- { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }",
        "- { allow: { from: internet, to: any, service: any }, title: 市民→予約サイト }\n      - { allow: { from: internet, to: web-inet, service: https } }",
      )
      .replace(
        "- { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }",
        "- { allow: { from: any, to: db, service: ssh }, title: Web→DB }",
      );
    const waived = broken.replace(
      "waivers: []",
      "waivers:\n  - { rule: NET-03, reason: 移行期間中, expires: 2027-03-31 }\n  - { rule: ASP-09, reason: stale, expires: 2020-01-01 }",
    );
    const dir = temp({
      "broken.yaml": waived,
      "typo.yaml": sketch.replace("to: web-inet, service: https", "to: web-inte, service: https"),
    });
    const r = bunri(["check", dir, "--format", "json", "--today", "2026-11-23", "--fail-on", "none"]);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    expectValid(json);
    const findings = json.files.flatMap((f: { findings: unknown[] }) => f.findings) as Array<{
      rule: string;
      evidence: Record<string, unknown>;
      waived: boolean;
    }>;
    const kinds = new Set(findings.flatMap((f) => Object.keys(f.evidence)));
    for (const k of ["path", "contagion", "flow", "blocked", "overlaps", "waiver"]) expect(kinds, k).toContain(k);
    expect(findings.some((f) => f.waived)).toBe(true);
    expect(json.summary.errors).toBeGreaterThan(0);
  });
});
