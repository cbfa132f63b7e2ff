/** `bunri rules` and `bunri explain`, spawned as users run them. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bunri } from "../helpers/cli.js";

describe("bunri rules", () => {
  it("lists the catalogue by pack, in the user's language", () => {
    const en = bunri(["rules"]);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/^lgwan-asp {2}LGWAN-ASP$/m);
    expect(en.out).toMatch(/^ {2}ASP-02 {2}critical {2}The internet does not reach the DB or holders of personal data$/m);
    expect(en.out).toMatch(/^ {2}NET-03 {2}low {7}No shadowed firewall rule$/m);
    const ja = bunri(["rules", "--lang", "ja", "--pack", "baseline"]);
    expect(ja.out).toContain("ファイアウォールの既定は拒否");
    // severities in Japanese too, the titles in one column
    expect(ja.out).toMatch(/^ {2}NET-03 {2}低 {4}\S/m);
    expect(ja.out).not.toMatch(/critical|high|medium|low/);
    expect(ja.out).not.toContain("ASP-01");
  });

  it("prints JSON for tools and rejects an unknown pack", () => {
    const json = JSON.parse(bunri(["rules", "--format", "json", "--pack", "lgwan-asp"]).out);
    expect(json.packs).toHaveLength(1);
    expect(json.packs[0].rules.map((r: { id: string }) => r.id)).toContain("ASP-10");
    const bad = bunri(["rules", "--pack", "three-layers"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown pack "three-layers"');
  });
});

describe("bunri explain", () => {
  it("shows one rule in full, case-insensitively", () => {
    const r = bunri(["explain", "asp-02"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ASP-02 {2}The internet does not reach the DB or holders of personal data$/m);
    expect(r.out).toContain("Why it matters:");
    expect(r.out).toContain("How to fix it:");
    expect(r.out).toContain("type: no-reach");
    const ja = bunri(["explain", "ASP-02", "--lang", "ja"]);
    expect(ja.out).toContain("なぜ重要か:");
  });

  it("suggests the nearest rule for a typo and exits 2", () => {
    const r = bunri(["explain", "ASP-2"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown rule "ASP-2" (did you mean "ASP-02"?)');
    expect(bunri(["explain"]).code).toBe(2);
  });

  it("explains a rule of the user's policy file with --policy, each field on one line", () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-explain-"));
    const file = join(dir, "city.yaml");
    writeFileSync(
      file,
      `bunri-policy: 1
pack: city
rules:
  CITY-01:
    severity: medium
    title: { ja: "管理画面を LGWAN 側に\\n置かない", en: "No admin web server\\u001b[31m on the LGWAN side" }
    why: { ja: 職員端末から操作できます。, en: Every staff PC can reach it. }
    fix: { ja: 管理用セグメントへ移してください。, en: Move it to a management segment. }
    messages:
      default: { ja: "{node} は LGWAN 側にあります", en: "{node} is on the LGWAN side" }
    check: { type: node, select: { host-kind: [web-server], tier: [lgwan-side] } }
`,
    );
    const en = bunri(["explain", "city-01", "--policy", file]);
    expect(en.code).toBe(0);
    expect(en.out.split("\n").slice(0, 6)).toEqual([
      "CITY-01  No admin web server on the LGWAN side",
      "",
      "Severity: medium   Pack: city",
      "",
      "Why it matters:",
      "  Every staff PC can reach it.",
    ]);
    expect(bunri(["explain", "CITY-01", "--policy", file, "--lang", "ja"]).out).toMatch(
      /^CITY-01 {2}管理画面を LGWAN 側に 置かない$/m,
    );
    const typo = bunri(["explain", "CITY-1", "--policy", file]);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('did you mean "CITY-01"?');
    expect(bunri(["explain", "CITY-01"]).code).toBe(2); // without its file, the rule is unknown
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, "bunri-policy: 1\nrules:\n  CITY-01: { severity: loud }\n");
    const bad = bunri(["explain", "CITY-01", "--policy", broken]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/broken\.yaml:3:\d+: /);
  });
});
