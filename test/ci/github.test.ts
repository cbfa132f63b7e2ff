/**
 * GitHub as it runs bunri: SARIF placed from the repository root wherever bunri runs, workflow
 * command annotations escaped as the runner reads them, and the composite action (action.yml) run
 * step by step the way the runner does (each `run:` written to a file and run with
 * `bash --noprofile --norc -eo pipefail`, inputs through `env:`, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY as files). GitHub's own services (code scanning, the job summary page)
 * cannot be reached from here.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty } from "../../src/report/github.js";
import { runAction } from "../helpers/action.js";
import { bunri } from "../helpers/cli.js";

const example = readFileSync(join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml"), "utf8");
/** The sketch with the web tier's DB rule opened to any source: NET-02 (medium) on fw-back#1. */
const oneFinding = example.replace(
  "- { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }",
  "- { allow: { from: any, to: db, service: postgres }, title: Web→DB }",
);
const PACKS = ["--policy", "lgwan-asp", "--policy", "baseline"];

/** A git repository with designs/city.yaml (one finding) and an ops/ directory to run from. */
function repository(): string {
  const repo = mkdtempSync(join(tmpdir(), "bunri-gh-"));
  mkdirSync(join(repo, "designs"));
  mkdirSync(join(repo, "ops"));
  writeFileSync(join(repo, "designs/city.yaml"), oneFinding);
  execFileSync("git", ["init", "-q"], { cwd: repo });
  return repo;
}

interface SarifLog {
  runs: Array<{
    results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }>;
  }>;
}

describe("SARIF for code scanning", () => {
  it("names files from the repository root, run from a subdirectory or from the root", () => {
    const repo = repository();
    for (const [cwd, path] of [
      [join(repo, "ops"), "../designs"],
      [repo, "designs"],
      [join(repo, "designs"), "city.yaml"],
    ] as const) {
      const r = bunri(["check", path, ...PACKS, "--format", "sarif"], cwd);
      expect(r.err).toBe("");
      const sarif = JSON.parse(r.out) as SarifLog;
      const locations = sarif.runs[0]?.results.map((x) => x.locations[0]?.physicalLocation.artifactLocation);
      expect(locations, cwd).toEqual([{ uri: "designs/city.yaml", uriBaseId: "%SRCROOT%" }]);
    }
  });
});

describe("--format github", () => {
  it("escapes messages and properties as the runner's toolkit does", () => {
    expect(escapeData("100% ok\r\nnext: a, b")).toBe("100%25 ok%0D%0Anext: a, b");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
    expect(escapeData("\u001b[31mred\u001b[0m")).toBe("red");
  });

  it("annotates each counted finding at its file, line and column, from the repository root", () => {
    const repo = repository();
    writeFileSync(join(repo, "designs/odd, name: 100%.yaml"), oneFinding);
    const r = bunri(["check", "../designs", ...PACKS, "--format", "github", "--fail-on", "medium"], join(repo, "ops"));
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^::error file=designs\/city\.yaml,line=\d+,col=\d+,title=NET-02 \(medium\)%3A [^:]+::.*fw-back#1/);
    expect(lines[1]).toMatch(/^::error file=designs\/odd%2C name%3A 100%25\.yaml,line=\d+,col=\d+,title=NET-02/);
    expect(lines[2]).toMatch(/^FAIL: critical 0, high 0, medium 2/);
    // below --fail-on a finding is a warning, not an error
    const warn = bunri(["check", "designs/city.yaml", ...PACKS, "--format", "github"], repo);
    expect(warn.code).toBe(0);
    expect(warn.out).toMatch(/^::warning file=designs\/city\.yaml,/);
  });

  it("annotates input errors too", () => {
    const repo = repository();
    writeFileSync(join(repo, "designs/city.yaml"), oneFinding.replace("to: db,", "to: dbb,"));
    const r = bunri(["check", "designs", "--format", "github"], repo);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^::error file=designs\/city\.yaml,line=\d+,col=\d+,title=bunri%3A input error::.*dbb/m);
  });
});

describe("action.yml (the composite action, run as the runner runs it)", () => {
  it("checks the designs, annotates, writes SARIF and the job summary, and fails the step on findings", () => {
    const repo = repository();
    const r = runAction(repo, { paths: "designs", "fail-on": "medium", policy: "lgwan-asp\nbaseline", lang: "en" });
    const [setup, check] = r.steps;
    expect(setup?.code).toBe(0);
    expect(setup?.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(check?.code).toBe(1);
    expect(check?.out).toMatch(/^::error file=designs\/city\.yaml,line=\d+,col=\d+,title=NET-02/m);
    expect(check?.out).toMatch(/^FAIL: /m);
    expect(r.outputs).toEqual({ "exit-code": "1", "sarif-file": "bunri.sarif" });
    const sarif = JSON.parse(readFileSync(join(repo, "bunri.sarif"), "utf8")) as SarifLog;
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe("designs/city.yaml");
    expect(r.summary).toMatch(/^#+ .*bunri/m);
    expect(r.summary).toContain("NET-02");
  });

  it("passes a clean design in Japanese by default, with a summary and no SARIF when none is asked for", () => {
    const repo = repository();
    writeFileSync(join(repo, "designs/city.yaml"), example);
    const r = runAction(repo, { paths: "designs", "sarif-file": "", annotations: "false" });
    expect(r.steps[1]?.code).toBe(0);
    expect(r.steps[1]?.out).toContain("PASS");
    expect(r.outputs).toEqual({ "exit-code": "0" });
    expect(r.summary).toMatch(/[ぁ-んァ-ン一-龥]/);
  });
});
