/** `bunri diff` on pairs of designs: reachability gained and lost with the rule changes, findings new and resolved, git:REV:PATH. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bunri } from "../helpers/cli.js";

const base = readFileSync(join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml"), "utf8");
const FRONT = "- { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }";
const BACK = "- { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }";
/** The internet let through to the DB on postgres at both firewalls: ASP-02 and NET-08 appear. */
const opened = base
  .replace(FRONT, "- { allow: { from: internet, to: [web-inet, db], service: [https, postgres] }, title: 市民→予約サイト }")
  .replace(BACK, "- { allow: { from: [web-inet, web-lgwan, internet], to: db, service: postgres }, title: Web→DB }");

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "bunri-diff-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("bunri diff", () => {
  it("reports the pairs a change opens, the rules behind them and the new findings, and fails", () => {
    const dir = dirWith({ "old.yaml": base, "new.yaml": opened });
    const r = bunri(["diff", "old.yaml", "new.yaml", "--format", "json", "--today", "2026-11-23"], dir);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out);
    const toDb = d.reach.gained.find((p: { source: string; target: string }) => p.source === "citizen" && p.target === "db");
    expect(toDb.services).toBe("tcp/5432");
    expect(toDb.rules).toEqual(["fw-front#1", "fw-back#1"]);
    expect(d.reach.lost).toEqual([]);
    expect(d.findings.new.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(["ASP-02", "NET-08"]));
    expect(d.findings.resolved).toEqual([]);
    expect(d.findings.unchanged).toEqual([]);
  });

  it("the reverse change loses the same pairs, says what stops them now, resolves the findings and passes", () => {
    const dir = dirWith({ "old.yaml": opened, "new.yaml": base });
    const r = bunri(["diff", "old.yaml", "new.yaml"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Reachability lost: \d+ host pair\(s\)/);
    expect(r.out).toContain("- citizen → db  (tcp/5432)");
    expect(r.out).toContain("old rules removed or changed: fw-front#1, fw-back#1");
    expect(r.out).toContain("blocked on the way");
    expect(r.out).toMatch(/Resolved findings: [1-9]/);
    expect(r.out).toMatch(/New findings: 0/);
  });

  it("reads a side from git:REV:PATH", () => {
    const dir = dirWith({ "design.yaml": base });
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "base");
    writeFileSync(join(dir, "design.yaml"), opened);
    const r = bunri(["diff", "git:HEAD:design.yaml", "design.yaml", "--format", "markdown"], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain("| citizen | db | tcp/5432 | fw-front#1, fw-back#1 |");
    const bad = bunri(["diff", "git:nope:design.yaml", "design.yaml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("git cannot show design.yaml at nope");
  });

  it("an unchanged design has no change, and broken input exits 2 with the position", () => {
    const dir = dirWith({
      "a.yaml": base,
      "b.yaml": base,
      "bad.yaml": base.replace("to: web-inet, service: https", "to: web-inte, service: https"),
    });
    const same = bunri(["diff", "a.yaml", "b.yaml"], dir);
    expect(same.code).toBe(0);
    expect(same.out).toContain("0 pair(s) gained, 0 lost; findings: 0 new, 0 resolved, 0 unchanged");
    const bad = bunri(["diff", "a.yaml", "bad.yaml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/bad\.yaml:\d+:\d+: unknown node "web-inte"/);
    expect(bunri(["diff", "a.yaml"], dir).code).toBe(2);
  });
});
