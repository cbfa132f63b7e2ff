/** Baselines end to end: --write-baseline, --baseline, --base REV in a real git repository. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bunri as run } from "../helpers/cli.js";

const example = readFileSync(join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml"), "utf8");

/** The sketch with the web tier's DB rule opened to any source: NET-02 on fw-back#1. */
const oneFinding = example.replace(
  "- { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }",
  "- { allow: { from: any, to: db, service: postgres }, title: Web→DB }",
);
/** …and the internet let through to anything: ASP-01, ASP-02, ASP-03… on top. */
const moreFindings = oneFinding.replace(
  "- { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }",
  "- { allow: { from: internet, to: any, service: any }, title: 市民→予約サイト }",
);

/** The packs are fixed so that these tests speak of baselines, not of which rules a design triggers. */
function bunri(args: string[], cwd: string) {
  const packs = args[0] === "check" ? ["--policy", "lgwan-asp", "--policy", "baseline"] : [];
  return run([...args, ...packs], cwd);
}

function findings(out: string): Array<{ rule: string; baselined: boolean; fingerprint: string }> {
  return JSON.parse(out).files.flatMap((f: { findings: unknown[] }) => f.findings);
}

describe("baselines", () => {
  it("writes the current findings and then reports them as baselined, not failing", () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-bl-"));
    writeFileSync(join(dir, "design.yaml"), oneFinding);
    const w = bunri(["check", "design.yaml", "--write-baseline", "known.json", "--today", "2026-11-23"], dir);
    expect(w.code).toBe(0);
    expect(w.err).toMatch(/wrote 1 finding\(s\) to the baseline known\.json/);
    const baseline = JSON.parse(readFileSync(join(dir, "known.json"), "utf8"));
    expect(baseline["bunri-baseline"]).toBe(1);
    expect(baseline.findings).toEqual([expect.objectContaining({ rule: "NET-02", subject: "fw-back#1" })]);

    const plain = bunri(["check", "design.yaml", "--today", "2026-11-23"], dir);
    const r = bunri(["check", "design.yaml", "--baseline", "known.json", "--today", "2026-11-23", "--fail-on", "low"], dir);
    expect(bunri(["check", "design.yaml", "--today", "2026-11-23", "--fail-on", "low"], dir).code).toBe(1);
    expect(r.code).toBe(0);
    expect(r.out).toContain("[baselined]");
    expect(r.out).toMatch(/baselined 1;/);
    expect(plain.out).toMatch(/baselined 0;/);
  });

  it("fails only on findings that are not in the baseline, and says when baseline entries are fixed", () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-bl-"));
    writeFileSync(join(dir, "design.yaml"), oneFinding);
    bunri(["check", "design.yaml", "--write-baseline", "known.json"], dir);
    writeFileSync(join(dir, "design.yaml"), moreFindings);
    const r = bunri(["check", "design.yaml", "--baseline", "known.json", "--format", "json"], dir);
    expect(r.code).toBe(1);
    const all = findings(r.out);
    expect(all.filter((f) => f.baselined).map((f) => f.rule)).toEqual(["NET-02"]);
    expect(all.filter((f) => !f.baselined).map((f) => f.rule)).toContain("ASP-02");

    writeFileSync(join(dir, "design.yaml"), example);
    const fixed = bunri(["check", "design.yaml", "--baseline", "known.json"], dir);
    expect(fixed.code).toBe(0);
    expect(fixed.err).toMatch(/1 finding\(s\) of the baseline no longer occur/);
  });

  it("rejects a broken baseline file with its position and exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-bl-"));
    writeFileSync(join(dir, "design.yaml"), example);
    writeFileSync(join(dir, "bad.json"), '{\n  "bunri-baseline": 1,\n  "findings": [,]\n}\n');
    const r = bunri(["check", "design.yaml", "--baseline", "bad.json"], dir);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/bad\.json:3:\d+: baseline file is not valid JSON/);
    writeFileSync(join(dir, "other.json"), '{ "findings": [] }');
    const other = bunri(["check", "design.yaml", "--baseline", "other.json"], dir);
    expect(other.code).toBe(2);
    expect(other.out).toContain("not a bunri baseline");
  });

  it("--base REV fails only on findings the design at REV did not have", () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-git-"));
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    writeFileSync(join(dir, "design.yaml"), oneFinding);
    git("add", ".");
    git("commit", "-qm", "one");
    // unchanged design: its finding is known at HEAD
    const same = bunri(["check", "design.yaml", "--base", "HEAD", "--fail-on", "low"], dir);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/baselined 1;/);
    // a change that adds findings fails on them only
    writeFileSync(join(dir, "design.yaml"), moreFindings);
    const r = bunri(["check", "design.yaml", "--base", "HEAD", "--format", "json"], dir);
    expect(r.code).toBe(1);
    const all = findings(r.out);
    expect(all.filter((f) => f.baselined).map((f) => f.rule)).toEqual(["NET-02"]);
    expect(all.some((f) => !f.baselined && f.rule === "ASP-02")).toBe(true);
    // a file that did not exist at REV: everything is new, with a warning
    writeFileSync(join(dir, "new.yaml"), oneFinding.replace("name: takatsuki-card-reservation", "name: another"));
    const fresh = bunri(["check", "new.yaml", "--base", "HEAD", "--fail-on", "low"], dir);
    expect(fresh.code).toBe(1);
    expect(fresh.err).toMatch(/new\.yaml does not exist at HEAD/);
    // an unknown revision is a usage error
    const bad = bunri(["check", "design.yaml", "--base", "no-such-rev"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--base "no-such-rev"');
  });
});
