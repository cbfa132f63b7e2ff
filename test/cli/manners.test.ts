/**
 * The command line's manners, as a new user meets them with the built command: help on every
 * command, suggestions for typos, bunri's own localised option errors, and the gates that a typo
 * must not open (issue 12).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bunri } from "../helpers/cli.js";

const EXAMPLE = join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml");
const example = readFileSync(EXAMPLE, "utf8");
/** The sketch with the web tier's DB rule opened to any source: one finding (NET-02). */
const oneFinding = example.replace(
  "- { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }",
  "- { allow: { from: any, to: db, service: postgres }, title: Web→DB }",
);
const PACKS = ["--policy", "lgwan-asp", "--policy", "baseline"];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "bunri-manners-"));
}

const COMMANDS = ["check", "reach", "graph", "diff", "format", "rules", "explain", "init", "schema", "tui"];

describe("help", () => {
  it("every command has --help, -h and bunri help COMMAND, with its options and an example, in both languages", () => {
    for (const command of COMMANDS) {
      const long = bunri([command, "--help"]);
      expect(long.code, command).toBe(0);
      expect(long.err).toBe("");
      expect(long.out).toContain(`Usage: bunri ${command}`);
      expect(long.out).toMatch(/^Examples?:$/m);
      expect(long.out).toContain("-h, --help");
      expect(bunri([command, "-h"]).out).toBe(long.out);
      expect(bunri(["help", command]).out).toBe(long.out);
      const ja = bunri(["help", command, "--lang", "ja"]);
      expect(ja.code).toBe(0);
      expect(ja.out).toContain(`使い方: bunri ${command}`);
      expect(ja.out).toMatch(/^例:$/m);
    }
    expect(bunri(["check", "--help"]).out).toContain("--write-baseline FILE");
    expect(bunri(["help"]).code).toBe(0);
    expect(bunri(["help"]).out).toContain("bunri check PATH");
  });

  it("a mistyped command is a usage error with a suggestion", () => {
    const r = bunri(["chekc", "x.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command or file "chekc" (did you mean "check"?)');
    const h = bunri(["help", "raech"]);
    expect(h.code).toBe(2);
    expect(h.err).toContain('did you mean "reach"?');
  });

  it("option errors are bunri's own sentences, localised, with a suggestion and the command's help, never Node's", () => {
    const typo = bunri(["check", EXAMPLE, "--fial-on", "high"]);
    expect(typo.code).toBe(2);
    expect(typo.err).toBe(
      'bunri: unknown option "--fial-on" (did you mean "--fail-on"?)\nRun `bunri check --help` for its options.\n',
    );
    const missing = bunri(["check", EXAMPLE, "--fail-on", "--lang", "ja"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("オプション --fail-on には値が必要です");
    expect(missing.err).toContain("bunri check --help");
    const noValue = bunri(["check", EXAMPLE, "--no-color=yes"]);
    expect(noValue.code).toBe(2);
    expect(noValue.err).toContain("option --no-color takes no value");
    const reach = bunri(["reach", EXAMPLE, "--from", "--to", "db"]);
    expect(reach.code).toBe(2);
    expect(reach.err).toContain("option --from needs a value");
    const short = bunri(["graph", EXAMPLE, "-x"]);
    expect(short.err).toContain('unknown option "-x"');
    for (const r of [typo, missing, noValue, reach, short]) {
      expect(r.err).not.toMatch(/ERR_PARSE_ARGS|Unknown option|To specify an option argument/);
      expect(r.err).not.toMatch(/^\s+at /m);
    }
    const format = bunri(["check", EXAMPLE, "--format", "sarf"]);
    expect(format.code).toBe(2);
    expect(format.err).toContain('did you mean "sarif"?');
  });
});

describe("references and files", () => {
  it("reach: a host that is not there gets a suggestion and no meaningless position", () => {
    const r = bunri(["reach", EXAMPLE, "--from", "citizn", "--to", "web-inet"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `bunri: ${EXAMPLE}: "citizn" is not a host, zone, zone-kind: or tier: of this design (did you mean "citizen"?)\n`,
    );
    const ja = bunri(["reach", EXAMPLE, "--from", "citizn", "--to", "web-inet", "--lang", "ja"]);
    expect(ja.err).toContain('"citizen" のことですか?');
  });

  it("a missing file is reported in the user's language", () => {
    const r = bunri(["check", "no-such-design.yaml", "--lang", "ja"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("no-such-design.yaml:1:1: ファイルまたはディレクトリがありません");
  });

  it("a design whose first key is misspelt, in a scanned directory, is an input error naming the file", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "good.yaml"), example);
    writeFileSync(join(dir, "typo.yaml"), example.replace(/^bunri: 1$/m, "bunir: 1"));
    writeFileSync(join(dir, "other.yaml"), "name: not a design\nsteps: [a, b]\n");
    const r = bunri(["check", dir]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(
      /typo\.yaml:\d+:1: this file has the top-level "zones" and "nodes" of a design but does not start with "bunri: 1"/,
    );
    expect(r.out).not.toContain("other.yaml");
    expect(r.out).toContain("2 file(s) checked, 1 input error(s)");
  });
});

describe("reports and their destinations", () => {
  it("two formats to standard output (or to one -o file) is a usage error", () => {
    const r = bunri(["check", EXAMPLE, "--format", "json", "--format", "csv"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("json, csv: only one format can go to standard output");
    const o = bunri(["check", EXAMPLE, "--format", "json", "--format", "csv", "-o", "x.json"], tempDir());
    expect(o.code).toBe(2);
    expect(o.err).toContain("only one format can go to -o x.json");
  });

  it("when every report goes to a file, the one-line summary still goes to standard output", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "design.yaml"), oneFinding);
    const files = ["--format", "sarif=b.sarif", "--format", "junit=b.xml", "--fail-on", "medium"];
    const r = bunri(["check", "design.yaml", ...PACKS, ...files], dir);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      "FAIL: critical 0, high 0, medium 1, low 0, info 0; waived 0, baselined 0; 1 file(s) checked, 0 input error(s)\n",
    );
    expect(JSON.parse(readFileSync(join(dir, "b.sarif"), "utf8")).runs[0].results).toHaveLength(1);
    const text = bunri(
      ["check", "design.yaml", ...PACKS, "--fail-on", "medium", "--format", "sarif=b.sarif", "--format", "text"],
      dir,
    );
    expect(text.out.match(/FAIL:/g)).toHaveLength(1);
  });

  it("--write-baseline prints a summary that agrees with its exit status 0", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "design.yaml"), oneFinding);
    const r = bunri(["check", "design.yaml", ...PACKS, "--fail-on", "low", "--write-baseline", "known.json"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain("PASS:");
    expect(r.out).toContain("baselined 1;");
    expect(r.out).toContain("[baselined]");
  });

  it("--base REV uses the repository of the designs, run from anywhere", () => {
    const repo = tempDir();
    mkdirSync(join(repo, "designs"));
    writeFileSync(join(repo, "designs/city.yaml"), oneFinding);
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { cwd: repo, stdio: "pipe" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "designs");
    const elsewhere = tempDir(); // not a git repository
    const r = bunri(["check", join(repo, "designs"), ...PACKS, "--fail-on", "low", "--base", "HEAD"], elsewhere);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("baselined 1;");
    const bad = bunri(["check", join(repo, "designs"), ...PACKS, "--base", "no-such-rev"], elsewhere);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--base "no-such-rev": not a revision of the git repository that holds the designs');
  });
});

describe("waivers, diff, policies, init", () => {
  const waiver = (topology: string, subject: string, expires = "  expires: 2099-01-01\n") =>
    `- topology: ${topology}\n  rule: NET-02\n  subject: ${subject}\n  reason: accepted until the firewall is replaced\n${expires}`;

  it("a waiver for no checked design is said, with a suggestion; a misspelt subject gets one too", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "design.yaml"), oneFinding);
    writeFileSync(
      join(dir, "waivers.yaml"),
      waiver("takatsuki-card-reservaton", "fw-back#1") + waiver("takatsuki-card-reservation", "fw-bak#1"),
    );
    const r = bunri(["check", "design.yaml", ...PACKS, "--waivers", "waivers.yaml"], dir);
    expect(r.err).toBe(
      'waivers.yaml:1:3: warning: this waiver is for the design "takatsuki-card-reservaton", but no checked design has that name, so it waives nothing (did you mean "takatsuki-card-reservation"?)\n',
    );
    expect(r.out).toContain(
      'BUNRI-02 The waiver for NET-02 (fw-bak#1) matches no finding: remove it. (did you mean "fw-back#1"?)',
    );
    // the waivers file is not a design checked
    expect(r.out).toContain("1 file(s) checked");
  });

  it("a waiver without expires is one error, and the waivers file is not counted among the files checked", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "design.yaml"), oneFinding);
    writeFileSync(join(dir, "waivers.yaml"), waiver("takatsuki-card-reservation", "fw-back#1", ""));
    const r = bunri(["check", "design.yaml", ...PACKS, "--waivers", "waivers.yaml", "--format", "json"], dir);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.out);
    const file = json.files.find((f: { file: string }) => f.file === "waivers.yaml");
    expect(file.role).toBe("waivers");
    expect(file.errors.map((e: { message: string }) => e.message)).toEqual(['waiver 1: missing "expires"']);
    expect(json.summary.files).toBe(1);
    expect(json.summary.errors).toBe(1);
  });

  it("diff of two designs with different names warns that nothing can match", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.yaml"), oneFinding);
    writeFileSync(join(dir, "b.yaml"), oneFinding.replace(/^name: .*$/m, "name: takatsuki-v2"));
    const r = bunri(["diff", "a.yaml", "b.yaml", ...PACKS], dir);
    expect(r.err).toContain('the two designs have different names ("takatsuki-card-reservation" and "takatsuki-v2")');
    expect(bunri(["diff", "a.yaml", "a.yaml", ...PACKS], dir).err).toBe("");
  });

  it("--policy FILE alone says it replaces the built-in packs, and how to keep them", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "design.yaml"), example);
    writeFileSync(join(dir, "city.yaml"), "bunri-policy: 1\npack: city\nrules: {}\n");
    const r = bunri(["check", "design.yaml", "--policy", "city.yaml"], dir);
    expect(r.err).toContain("--policy city.yaml replaces the built-in rule packs");
    expect(r.err).toContain("--policy default --policy city.yaml");
    expect(bunri(["check", "design.yaml", "--policy", "default", "--policy", "city.yaml"], dir).err).toBe("");
  });

  it("init to standard output writes no schema path that could be wrong where the text is saved", () => {
    const r = bunri(["init"]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/^# yaml-language-server:/m);
    expect(r.out).toContain("bunri schema topology > topology.schema.json");
  });
});
