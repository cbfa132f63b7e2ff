/** `bunri format RESULT.json`: re-rendering a saved result, and clear errors (exit 2) on anything else. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../cli/args.js";
import { run } from "../../cli/commands/format.js";
import { type Io, main } from "../../cli/main.js";
import { reportJunit } from "../../src/report/junit.js";
import { goldenFile } from "./golden-inputs.js";

function io(): { io: Io; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  const stream = (add: (s: string) => void) =>
    ({
      write: (s: string) => {
        add(String(s));
        return true;
      },
    }) as unknown as NodeJS.WritableStream;
  return {
    io: {
      stdout: stream((s) => {
        out += s;
      }),
      stderr: stream((s) => {
        err += s;
      }),
      env: {},
      cwd: process.cwd(),
      stdinIsTTY: false,
    },
    out: () => out,
    err: () => err,
  };
}

function temp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "bunri-format-")), name);
  writeFileSync(file, text);
  return file;
}

const saved = goldenFile("en", "json");

describe("bunri format", () => {
  it("re-renders a saved result: one format to standard output, others to files", async () => {
    const file = temp("result.json", saved);
    const sarif = join(file, "..", "out.sarif");
    const t = io();
    expect(await run([file, "--format", "markdown", "--format", `sarif=${sarif}`], t.io, "en")).toBe(0);
    expect(t.out()).toBe(goldenFile("en", "md"));
    expect(readFileSync(sarif, "utf8")).toBe(goldenFile("en", "sarif"));
    expect(t.err()).toBe("");
  });

  it("takes -o, --fail-on and --lang, and is reached from the command line", async () => {
    const file = temp("result.json", `\uFEFF${saved}`);
    const out = join(file, "..", "junit.xml");
    const t = io();
    expect(await main(["format", file, "--format", "junit", "-o", out, "--fail-on", "critical", "--lang", "ja"], t.io)).toBe(0);
    const { parseResultText } = await import("../../src/report/read.js");
    const result = parseResultText(saved, file, "ja").result;
    expect(result).toBeDefined();
    if (result) expect(readFileSync(out, "utf8")).toBe(reportJunit(result, { lang: "ja", color: false, failOn: "critical" }));
  });

  it("says where a file is not JSON, and exits 2", async () => {
    const file = temp("bad.json", '{\n  "tool": { "name": "bunri",, }\n}\n');
    const t = io();
    expect(await run([file, "--format", "sarif"], t.io, "en")).toBe(2);
    expect(t.out()).toBe("");
    expect(t.err()).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:\\d+: not a JSON result of bunri \\(invalid JSON: `),
    );
  });

  it("says where a JSON file is not a result (the schema), in the reader's language, and exits 2", async () => {
    const broken = JSON.parse(saved);
    delete broken.files[4].findings[0].fingerprint;
    broken.files[4].findings[0].severity = "urgent";
    const text = JSON.stringify(broken, null, 2);
    const file = temp("result.json", text);
    const t = io();
    expect(await run([file], t.io, "en")).toBe(2);
    const line = text.split("\n").findIndex((l) => l.includes('"severity": "urgent"')) + 1;
    expect(t.err()).toContain(`${file}:${line}:`);
    expect(t.err()).toContain(
      "not a JSON result of bunri: /files/4/findings/0/severity must be equal to one of the allowed values",
    );
    expect(t.err()).toContain("/files/4/findings/0 must have required property 'fingerprint'");
    const ja = io();
    expect(await run([file], ja.io, "ja")).toBe(2);
    expect(ja.err()).toContain("bunri の JSON 結果の形式ではありません");
    const other = io();
    expect(await run([temp("sarif.json", goldenFile("en", "sarif"))], other.io, "en")).toBe(2);
    expect(other.err()).toContain("must have required property 'tool'");
  });

  it("exits 2 on a file it cannot read, and rejects bad usage", async () => {
    const t = io();
    expect(await run([join(tmpdir(), "no-such-dir-bunri", "r.json")], t.io, "en")).toBe(2);
    expect(t.err()).toContain("r.json:1:1: cannot be read");
    await expect(run([], io().io, "en")).rejects.toThrow(UsageError);
    await expect(run(["a.json", "b.json"], io().io, "en")).rejects.toThrow(/usage: bunri format/);
    await expect(run(["a.json", "--format", "pdf"], io().io, "en")).rejects.toThrow(UsageError);
    await expect(run(["a.json", "--fail-on", "urgent"], io().io, "en")).rejects.toThrow(UsageError);
  });
});
