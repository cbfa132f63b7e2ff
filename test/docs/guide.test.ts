/**
 * The Japanese guide (docs/ja/guide.md) and the English one (docs/guide.md) are kept in step: the
 * same sections in the same order, the same commands, the same YAML (but for the prose in it); and
 * their commands do what the guides say, run in a city's repository with bunri installed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, ROOT } from "../helpers/cli.js";

const en = readFileSync(join(ROOT, "docs/guide.md"), "utf8");
const ja = readFileSync(join(ROOT, "docs/ja/guide.md"), "utf8");

const sections = (md: string) => [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1] as string);
const blocks = (md: string, lang: string) =>
  [...md.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, "gm"))].map((m) => m[1] as string);

/** The waiver's prose is in the reader's language; its structure is the same. */
function structure(yamlText: string): unknown {
  return JSON.parse(JSON.stringify(parse(yamlText)), (key, value) =>
    key === "reason" || key === "approved-by" ? typeof value : value,
  );
}

describe("the guides, Japanese and English", () => {
  it("have the same sections, the same commands and the same YAML", () => {
    expect(sections(ja)).toHaveLength(sections(en).length);
    expect(sections(en)).toEqual([
      "Install",
      "First check",
      "Reading a finding",
      "Waivers",
      "CI",
      "The council report",
      "Closed networks",
    ]);
    expect(sections(ja)).toEqual([
      "導入",
      "最初の検査",
      "指摘の読み方",
      "例外 (waiver)",
      "CI",
      "審議会向けの報告書",
      "閉域網での導入",
    ]);
    expect(blocks(ja, "sh")).toEqual(blocks(en, "sh"));
    expect(blocks(ja, "yaml").map(structure)).toEqual(blocks(en, "yaml").map(structure));
    // the in-page links point at headings that exist
    for (const [md, slug] of [
      [en, "closed-networks"],
      [ja, "閉域網での導入"],
    ] as const)
      expect(md).toContain(`](#${slug})`);
  });

  it("their commands run as the guides say, in a repository with bunri installed", () => {
    const repo = mkdtempSync(join(tmpdir(), "bunri-guide-"));
    mkdirSync(join(repo, "node_modules/.bin"), { recursive: true });
    symlinkSync(ROOT, join(repo, "node_modules/bunri"), "dir");
    symlinkSync("../bunri/dist/cli/bunri.js", join(repo, "node_modules/.bin/bunri"));
    chmodSync(BIN, 0o755);
    writeFileSync(join(repo, ".gitignore"), "node_modules/\n");
    const sh = (line: string) =>
      spawnSync("bash", ["-c", line], { cwd: repo, encoding: "utf8", env: { ...process.env, LANG: "C" } });
    const commands = blocks(en, "sh")
      .flatMap((b) => b.split("\n"))
      .map((l) => l.replace(/\s+#.*$/, "").trim())
      .filter((l) => l.startsWith("npx bunri"));
    const seen: string[] = [];
    for (const command of commands) {
      if (command.includes("check designs/") && !seen.some((c) => c.includes("check designs/"))) {
        // the first check, of the design bunri init wrote: it passes
        const r = sh(command);
        expect(r.status, `${command}\n${r.stdout}${r.stderr}`).toBe(0);
        // the rest of the guide speaks of the Takatsuki sketch, with its citizen and db, committed on origin/main
        writeFileSync(
          join(repo, "designs/city.yaml"),
          readFileSync(join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml"), "utf8"),
        );
        execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
        execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "x", "--allow-empty"], {
          cwd: repo,
        });
        execFileSync("git", ["add", "."], { cwd: repo });
        execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "designs"], {
          cwd: repo,
        });
        execFileSync("git", ["update-ref", "refs/remotes/origin/main", "HEAD"], { cwd: repo });
      } else {
        const r = sh(command);
        // reach: 0 when it reaches, 1 when not (and says what stops it)
        expect(command.includes(" reach ") ? [0, 1] : [0], `${command}\n${r.stdout}${r.stderr}`).toContain(r.status);
        expect(r.stderr, command).not.toMatch(/error/i);
      }
      seen.push(command);
    }
    expect(seen.length).toBeGreaterThanOrEqual(10);
    expect(readFileSync(join(repo, "report.html"), "utf8")).toMatch(/^<!doctype html>/i);
    expect(JSON.parse(readFileSync(join(repo, ".bunri-baseline.json"), "utf8"))["bunri-baseline"]).toBe(1);
  }, 300_000);
});
