/**
 * Terminal output of text from the input: a title with line breaks, escape sequences, C1 controls
 * or bidirectional overrides is printed on one line, without them, by `bunri check` (text report),
 * `bunri reach` and `bunri diff`, so a hostile design cannot forge report lines or colour the screen.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, bunri as run } from "../helpers/cli.js";

const sketch = readFileSync(join(ROOT, "test/fixtures/takatsuki-sketch.yaml"), "utf8");

/** A title that tries to end its line, start a forged one, colour it and reverse it. */
const hostile = (tag: string) =>
  `${tag}\nFORGED ${tag}\r\n\u001b[31mred\u001b[0m \u202eevil\u202c\ttab \u009b2J\u2028sep\u2066iso\u2069 end`;
/** What it becomes on one line. */
const folded = (tag: string) => `${tag} FORGED ${tag} red evil tab 2J sepiso end`;

/** A YAML double-quoted scalar with every character YAML may not hold raw written as an escape. */
function yamlString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, "0")}`,
  );
}

/** The sketch with the internet let through to the DB (ASP-02 and more), and hostile titles where reports show them. */
const design = sketch
  .replace("title: 高槻市 個人番号カード予約・管理システム (LGWAN-ASP)", `title: ${yamlString(hostile("TOPOLOGY"))}`)
  .replace("title: 予約・申請データベース", `title: ${yamlString(hostile("DBNODE"))}`)
  .replace("lgwan:        { kind: lgwan, title: LGWAN }", `lgwan:        { kind: lgwan, title: ${yamlString(hostile("ZONE"))} }`)
  .replace(
    "- { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }",
    `- { allow: { from: internet, to: any, service: any }, title: ${yamlString(hostile("FRONTRULE"))} }`,
  )
  .replace(
    "- { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }",
    `- { allow: { from: any, to: db, service: postgres }, title: ${yamlString(hostile("BACKRULE"))} }`,
  );

let dir: string;

function bunri(args: string[]) {
  return run(args, dir);
}

/** What must never reach the terminal: C0 controls but the line feed, DEL, C1, bidi controls, line and paragraph separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectClean(out: string) {
  expect(out).not.toMatch(CONTROLS);
  for (const line of out.split("\n")) expect(line.trimStart().startsWith("FORGED"), line).toBe(false);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bunri-terminal-"));
  writeFileSync(join(dir, "design.yaml"), design);
  writeFileSync(
    join(dir, "fixed.yaml"),
    sketch.replace("title: 予約・申請データベース", `title: ${yamlString(hostile("DBNODE"))}`),
  );
});

describe("text from the input on the terminal", () => {
  it("the design really carries the hostile titles", () => {
    const json = JSON.parse(bunri(["check", "design.yaml", "--format", "json", "--today", "2026-11-23"]).out);
    expect(json.files[0].title).toBe(hostile("TOPOLOGY"));
    const asp02 = json.files[0].findings.find((f: { rule: string }) => f.rule === "ASP-02");
    expect(asp02.message).toContain(hostile("DBNODE"));
  });

  it("bunri check: every line is the file's head, a finding, its evidence, blank or the summary", () => {
    const r = bunri(["check", "design.yaml", "--today", "2026-11-23"]);
    expect(r.code).toBe(1);
    expectClean(r.out);
    const lines = r.out.trimEnd().split("\n");
    expect(lines[0]).toBe(`design.yaml (takatsuki-card-reservation: ${folded("TOPOLOGY")})`);
    for (const line of lines.slice(1, -1))
      expect(line, line).toMatch(/^(?:$| {2}(?:critical|high|medium|low|info) [A-Z]+-\d+ | {6}\S)/);
    expect(lines.at(-1)).toMatch(/^FAIL: critical \d+, high \d+/);
    const asp02 = lines.findIndex((l) => l.startsWith("  critical ASP-02 "));
    expect(lines[asp02]).toContain(`${folded("DBNODE")} (db)`);
    expect(lines[asp02 + 1]).toBe(
      `      citizen → [internet] → ips → [asp-edge] → fw-front (fw-front#1 "${folded("FRONTRULE")}") → [asp-dmz] → fw-back (fw-back#1 "${folded("BACKRULE")}") → [asp-common] → db  (tcp/5432)`,
    );
    expect(lines.some((l) => l.includes(`any host on ${folded("ZONE")} (lgwan/*)`))).toBe(true);
  });

  it("bunri reach: the answer, the chain and one line per firewall rule", () => {
    const r = bunri(["reach", "design.yaml", "--from", "citizen", "--to", "db"]);
    expect(r.code).toBe(0);
    expectClean(r.out);
    expect(r.out.trimEnd().split("\n")).toEqual([
      "citizen reaches db on tcp/5432 (all: tcp/5432)",
      "  citizen → [internet] → ips → [asp-edge] → fw-front (fw-front#1) → [asp-dmz] → fw-back (fw-back#1) → [asp-common] → db",
      `    fw-front: fw-front#1 "${folded("FRONTRULE")}"`,
      `    fw-back: fw-back#1 "${folded("BACKRULE")}"`,
    ]);
  });

  it("bunri diff: the findings gained and resolved, one line each", () => {
    const r = bunri(["diff", "fixed.yaml", "design.yaml", "--today", "2026-11-23", "--fail-on", "none"]);
    expectClean(r.out);
    const asp02 = r.out.split("\n").filter((l) => l.includes(" ASP-02 "));
    expect(asp02).toHaveLength(1);
    expect(asp02[0]).toMatch(/^ {2}\+ critical ASP-02 /);
    expect(asp02[0]).toContain(`${folded("DBNODE")} (db)`);
  });

  it("a usage error quoting an argument (bunri explain RULE) stays on its line", () => {
    const r = bunri(["explain", "ASP-99\nFORGED \u001b[31mred\u202e"]);
    expect(r.code).toBe(2);
    expectClean(r.err);
    expect(r.err.trimEnd().split("\n")).toHaveLength(2);
    expect(r.err).toContain('"ASP-99 FORGED red"');
  });
});
