/** The built command, spawned as a user runs it (npm test builds it first). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bunri } from "../helpers/cli.js";

const EXAMPLE = join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml");

function temp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "bunri-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const example = readFileSync(EXAMPLE, "utf8");

describe("bunri check", () => {
  it("passes the example and prints the summary", () => {
    const r = bunri(["check", EXAMPLE, "--today", "2026-11-23"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("PASS: critical 0, high 0");
  });

  it("reports a design that lets the internet reach the DB, with the chain and the rule, and exits 1", () => {
    const broken = example
      .replace(
        "- { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }",
        "- { allow: { from: any, to: db, service: postgres }, title: Web→DB }",
      )
      .replace(
        "- { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }",
        "- { allow: { from: internet, to: any, service: any }, title: 市民→予約サイト }",
      );
    const file = temp("broken.yaml", broken);
    const r = bunri(["check", file, "--format", "json"]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    const asp02 = json.files[0].findings.find((f: { rule: string }) => f.rule === "ASP-02");
    expect(asp02.subjects).toEqual(["db", "citizen", "internet/*"]);
    expect(asp02.evidence.path.map((p: { id: string }) => p.id)).toEqual([
      "citizen",
      "internet",
      "ips",
      "asp-edge",
      "fw-front",
      "asp-dmz",
      "fw-back",
      "asp-common",
      "db",
    ]);
    expect(asp02.evidence.path.filter((p: { rule?: string }) => p.rule).map((p: { rule: string }) => p.rule)).toEqual([
      "fw-front#1",
      "fw-back#1",
    ]);
    expect(asp02.location.line).toBeGreaterThan(1);
    // deterministic
    expect(bunri(["check", file, "--format", "json"]).out).toBe(r.out);
  });

  it("names file, line and column for a misspelt reference, with a suggestion, and exits 2", () => {
    const file = temp("typo.yaml", example.replace("to: web-inet, service: https", "to: web-inte, service: https"));
    const r = bunri(["check", file]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/typo\.yaml:30:\d+: unknown node "web-inte" in fw-front#1 \(did you mean "web-inet"\?\)/);
  });

  it("survives hostile input without a stack trace", () => {
    const bomb = temp(
      "bomb.yaml",
      `bunri: 1\na: &a [x,x,x,x,x,x,x,x,x,x]\n${Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(",")}]`,
      ).join("\n")}\n`,
    );
    const deep = temp("deep.yaml", `bunri: 1\nx: ${"[".repeat(10000)}${"]".repeat(10000)}\n`);
    const garbage = temp("garbage.yaml", "bunri: \u0000\u0001\u0002: [\n");
    for (const f of [bomb, deep, garbage]) {
      const r = bunri(["check", f]);
      expect(r.code).toBe(2);
      expect(r.err + r.out).not.toMatch(/\n\s+at /);
    }
  });

  it("treats ids like constructor and toString as ordinary ids, and rejects __proto__ cleanly", () => {
    const ok = temp(
      "proto.yaml",
      "bunri: 1\nname: proto\nzones:\n  valueOf: { kind: internal }\n  constructor: { kind: internal }\nnodes:\n  toString: { kind: server, zone: valueOf }\n  hasOwnProperty: { kind: client, zone: constructor }\n",
    );
    expect(bunri(["check", ok]).code).toBe(0);
    // ids start with a letter or digit (topology.md), so __proto__ is an input error, not a crash
    const bad = temp("bad-proto.yaml", "bunri: 1\nname: proto\nzones:\n  __proto__: { kind: internal }\nnodes: {}\n");
    const r = bunri(["check", bad]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/bad-proto\.yaml:4:3: id "__proto__"/);
  });

  it("rejects unknown options with exit 2", () => {
    expect(bunri(["check", EXAMPLE, "--frobnicate"]).code).toBe(2);
    expect(bunri(["check", EXAMPLE, "--fail-on", "severe"]).code).toBe(2);
  });
});

describe("bunri reach", () => {
  it("prints the chain and the firewall rule, or what stops it", () => {
    const yes = bunri(["reach", EXAMPLE, "--from", "citizen", "--to", "web-inet", "--service", "https"]);
    expect(yes.code).toBe(0);
    expect(yes.out).toContain("fw-front#1");
    const no = bunri(["reach", EXAMPLE, "--from", "citizen", "--to", "db"]);
    expect(no.code).toBe(1);
    expect(no.out).toContain("does not reach");
  });
});
