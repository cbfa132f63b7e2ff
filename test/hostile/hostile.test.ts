/**
 * A repository written by an attacker, as a pull request brings it to CI: the built command run on
 * it as a user runs it. Each case ends with a clean report, or exit 2 naming the file (and line and
 * column where there is one); no stack trace; a bounded time under a 1 GiB heap; nothing written
 * but what was asked; no control character on standard output or error; and every output accepted
 * by a strict parser of its format. docs/security.md says what these cases stand for.
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bunri, ROOT, type Run, type RunOptions } from "../helpers/cli.js";
import { controlIn, embeddedSvgs, jsonProblems, xmlProblems } from "../helpers/strict.js";

const SKETCH = readFileSync(join(ROOT, "test/fixtures/takatsuki-sketch.yaml"), "utf8");
/** Text that would drive a terminal, confuse a reader or break a consumer, as a YAML double-quoted scalar. */
const EVIL =
  '"\\e]0;owned\\a\\e]52;c;ZXZpbA==\\a\\e[2J\\e[31mRED\\x01\\x7f\\u0085\\u009b31m \\u202eevil\\u2066 \\uFFFE\\uFFFF \\uD800 \\uDC00 \\r\\nforged: line <b>&amp;</b> ]]> \\"--"';
const LIMIT_MS = 10_000;
/** every run under a 1 GiB heap: a run that needs more fails */
const HEAP = ["--max-old-space-size=1024"];

let dir: string;

/** A design whose titles, organisation and firewall-rule title are hostile, with one finding (the internet reaches the DB). */
function hostileDesign(name = "evil-design"): string {
  return SKETCH.replace(/^name: .*$/m, `name: ${name}`)
    .replace(/^title: .*$/m, `title: ${EVIL}`)
    .replace(/^organization: .*$/m, `organization: ${EVIL}`)
    .replace("title: インターネット }", `title: ${EVIL} }`)
    .replace("title: 市民のスマートフォン }", `title: ${EVIL} }`)
    .replace(
      "      - { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }",
      `      - { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }\n      - { id: maint, allow: { from: internet, to: db, service: postgres }, title: ${EVIL} }`,
    )
    .replace(
      "      - { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }",
      `      - { allow: { from: [web-inet, web-lgwan], to: db, service: postgres }, title: Web→DB }\n      - { id: maint, allow: { from: internet, to: db, service: postgres }, title: ${EVIL} }`,
    );
}

/** A small design with one finding, for the cases about files rather than designs. */
const tiny = (name: string) =>
  `bunri: 1\nname: ${name}\nzones:\n  internet: { kind: internet, title: ネット }\n  office: { kind: internet-connected }\nnodes:\n  pc: { kind: client, zone: office, title: 端末 }\n`;

/** Every file under a directory with its kind, size and time: what a run must leave as it was. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const s = lstatSync(p);
      out.set(
        p,
        s.isSymbolicLink() ? `link ${readlinkSync(p)}` : s.isDirectory() ? `dir ${s.mode}` : `${s.mode} ${s.size} ${s.mtimeMs}`,
      );
      if (s.isDirectory() && !s.isSymbolicLink()) walk(p);
    }
  };
  walk(root);
  return out;
}

/** Runs the command and checks what every case must hold; `writes` are the paths it was asked to write. */
function run(args: string[], options: RunOptions & { cwd?: string; writes?: string[] } = {}): Run {
  const cwd = options.cwd ?? dir;
  const before = snapshot(dir);
  const started = Date.now();
  const r = bunri(args, cwd, { nodeArgs: HEAP, timeout: 60_000, ...options });
  const took = Date.now() - started;
  const label = `bunri ${args.join(" ")}`;
  expect(took, `${label}: took ${took} ms`).toBeLessThan(LIMIT_MS);
  expect([0, 1, 2], `${label}: exit ${r.code}\n${r.err}`).toContain(r.code);
  for (const [name, text] of [
    ["stdout", r.out],
    ["stderr", r.err],
  ] as const) {
    expect(text, `${label}: a stack trace on ${name}`).not.toMatch(/\n\s+at .+[:(]\d+:\d+\)?\n|node:internal|Error: /);
    expect(controlIn(text), `${label}: a control character on ${name}`).toBeUndefined();
  }
  const after = snapshot(dir);
  const asked = new Set((options.writes ?? []).map((w) => join(cwd, w)));
  for (const [p, was] of after) if (!asked.has(p)) expect(before.get(p), `${label}: wrote ${p}`).toBe(was);
  return r;
}

function strictOutputs(files: Record<string, string>): void {
  for (const [format, path] of Object.entries(files)) {
    const text = readFileSync(path, "utf8");
    expect(controlIn(text), `${format}: a control character`).toBeUndefined();
    if (format === "json" || format === "sarif") expect(jsonProblems(text), format).toEqual([]);
    if (format === "junit" || format === "svg") expect(xmlProblems(text), format).toEqual([]);
    if (format === "html") {
      const svgs = embeddedSvgs(text);
      for (const svg of svgs) expect(xmlProblems(svg), "svg in html").toEqual([]);
    }
  }
}

/** A design in a file, relative to the temporary directory. */
function put(name: string, text: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, ".."), { recursive: true });
  writeFileSync(p, text);
  return name;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bunri-hostile-"));
  chmodSync(dir, 0o755);
  // a git repository: policy files stay inside it
  execFileSync("git", ["init", "-q"], { cwd: dir });
});

afterAll(() => {
  // BUNRI_KEEP_HOSTILE=1 keeps the repository for a look
  if (!process.env.BUNRI_KEEP_HOSTILE) rmSync(dir, { recursive: true, force: true });
});

describe("a hostile repository", { timeout: 90_000 }, () => {
  it("a directory of hostile designs: each is checked or an input error at its place, and every format parses strictly", () => {
    put("designs/evil.yaml", hostileDesign());
    // CR alone ends lines (YAML 1.2); UTF-16 with a byte-order mark is decoded
    put("designs/cr-only.yaml", hostileDesign("cr-only").replace(/\r?\n/g, "\r"));
    put("designs/utf16le.yaml", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tiny("utf16le"), "utf16le")]));
    put("designs/utf16be.yaml", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(tiny("utf16be"), "utf16le").swap16()]));
    put("designs/utf32.yaml", Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.alloc(40)]));
    put("designs/latin1.yaml", Buffer.from("bunri: 1\nname: latin\ntitle: caf\xe9\n", "latin1"));
    // YAML 1.1 traps, tags, prototype names as ids and keys, a huge line and a huge id
    put(
      "designs/traps.yaml",
      "bunri: 1\nname: traps\nzones:\n  no: { kind: internet }\n  on: { kind: lgwan }\n  0777: { kind: db }\n  __proto__: { kind: dmz }\n  constructor: { kind: dmz, __proto__: x }\nnodes:\n  toString: { kind: web-server, zone: constructor, title: !!js/function 'function(){}' }\n  hasOwnProperty: { kind: client, zone: no, title: !!binary aGVsbG8= }\n  x: !custom { kind: client }\n",
    );
    put("designs/huge-line.yaml", `bunri: 1\nname: huge\ntitle: "${"あ".repeat(300_000)}"\nzones: {}\nnodes: {}\n`);
    // (YAML itself ends an implicit key at 1024 characters)
    put("designs/huge-id.yaml", `bunri: 1\nname: huge-id\nzones:\n  ${"z".repeat(1000)}: { kind: internet }\nnodes: {}\n`);
    put(
      "designs/alias-bomb.yaml",
      `bunri: 1\nname: bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\n${"bcdefgh"
        .split("")
        .map((c, i) => `${c}: &${c} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)
        .join("\n")}\n`,
    );
    put("designs/deep.yaml", `bunri: 1\nname: deep\nzones: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    put(
      "designs/bad-utf8.yaml",
      Buffer.concat([Buffer.from("bunri: 1\nname: x\ntitle: ab"), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]),
    );
    // a file name with control characters and a newline
    put("designs/name\u001b]0;x\u0007\nforged.yaml", "bunri: 1\nname: 1\n");
    // what a scan never opens: links (to /dev/zero, dangling, to a directory), a FIFO
    symlinkSync("/dev/zero", join(dir, "designs/zero.yaml"));
    symlinkSync("/nonexistent/x.yaml", join(dir, "designs/dangling.yaml"));
    execFileSync("mkfifo", [join(dir, "designs/fifo.yaml")]);

    const out = {
      json: join(dir, "out/r.json"),
      sarif: join(dir, "out/r.sarif"),
      junit: join(dir, "out/r.xml"),
      html: join(dir, "out/r.html"),
      csv: join(dir, "out/r.csv"),
      markdown: join(dir, "out/r.md"),
      text: join(dir, "out/r.txt"),
    };
    mkdirSync(join(dir, "out"));
    const r = run(
      [
        "check",
        "designs",
        "--today",
        "2026-12-01",
        ...Object.entries(out).flatMap(([f, p]) => ["--format", `${f}=${p}`]),
        "--format",
        "text",
      ],
      { writes: Object.values(out).map((p) => p.slice(dir.length + 1)) },
    );
    expect(r.code).toBe(2);
    strictOutputs(out);
    const result = JSON.parse(readFileSync(out.json, "utf8")) as {
      files: Array<{
        file: string;
        errors: Array<{ line: number; column: number; message: string; code: string }>;
        findings: unknown[];
      }>;
    };
    const byName = new Map(result.files.map((f) => [f.file.replace(/^designs\//, ""), f]));
    // decoded and checked: the same finding as the UTF-8 design
    for (const name of ["evil.yaml", "cr-only.yaml", "utf16le.yaml", "utf16be.yaml"]) {
      expect(byName.get(name)?.errors, name).toEqual([]);
      expect(byName.get(name)?.findings.length, name).toBeGreaterThan(0);
    }
    const error = (name: string) => byName.get(name)?.errors[0];
    expect(error("utf32.yaml")?.message).toContain("UTF-32 LE");
    expect(error("bad-utf8.yaml")).toMatchObject({ line: 3, column: 10, code: "encoding" });
    expect(error("latin1.yaml")).toMatchObject({ line: 3, column: 11, code: "encoding" });
    expect(error("alias-bomb.yaml")?.code).toBe("alias-limit");
    expect(error("deep.yaml")?.code).toBe("too-deep");
    expect(error("huge-id.yaml")).toMatchObject({ line: 4, column: 3, code: "id-too-long" });
    expect(error("huge-id.yaml")?.message.length).toBeLessThan(200);
    expect(byName.get("traps.yaml")?.errors.length).toBeGreaterThan(0);
    for (const f of result.files) for (const e of f.errors) expect(e.line, f.file).toBeGreaterThanOrEqual(1);
    // links and the FIFO are not designs of the scan; the file with controls in its name is reported, its name made harmless
    expect([...byName.keys()].some((k) => /zero|dangling|fifo/.test(k))).toBe(false);
    expect(r.out).toContain("forged.yaml");
    const sarif = JSON.parse(readFileSync(out.sarif, "utf8"));
    expect(sarif.version).toBe("2.1.0");
  });

  it("files named directly that are no regular files: a link to /dev/zero, a FIFO, a dangling link, a directory with none", () => {
    symlinkSync("/dev/zero", join(dir, "zero.yaml"));
    execFileSync("mkfifo", [join(dir, "fifo.yaml")]);
    symlinkSync("nowhere.yaml", join(dir, "dangling.yaml"));
    mkdirSync(join(dir, "empty"));
    const r = run(["check", "zero.yaml", "fifo.yaml", "dangling.yaml", "empty"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/zero\.yaml:1:1: is a character device, not a regular file/);
    expect(r.out).toMatch(/fifo\.yaml:1:1: is a FIFO, not a regular file/);
    expect(r.out).toMatch(/dangling\.yaml:1:1: no such file/);
    expect(r.out).toMatch(/empty:1:1: no topology file/);
  });

  it("baseline, waiver and policy files that are links to /dev/zero or FIFOs end at once, naming the file", () => {
    put("d.yaml", hostileDesign("d"));
    const r1 = run(["check", "d.yaml", "--baseline", "zero.yaml", "--waivers", "fifo.yaml"]);
    expect(r1.code).toBe(2);
    expect(r1.out).toMatch(/zero\.yaml:1:1: baseline file cannot be read: is a character device/);
    expect(r1.out).toMatch(/fifo\.yaml:1:1: is a FIFO/);
    const r2 = run(["check", "d.yaml", "--policy", "zero.yaml", "--policy", "fifo.yaml"]);
    expect(r2.code).toBe(2);
    expect(r2.out).toMatch(/policy file "zero\.yaml" cannot be read: is a character device/);
    const r3 = run(["format", "zero.yaml"]);
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/zero\.yaml:1:1: cannot be read: is a character device/);
    const r4 = run(["format", "-"], { input: Buffer.alloc(33 * 1024 * 1024, 0x20) });
    expect(r4.code).toBe(2);
    expect(r4.err).toMatch(/larger than 32 MiB/);
    const r5 = run(["diff", "zero.yaml", "d.yaml"]);
    expect(r5.code).toBe(2);
    expect(r5.err).toMatch(/zero\.yaml:1:1: is a character device/);
  });

  it("a design's policies stay inside its repository; --policy may point anywhere", () => {
    const outside = mkdtempSync(join(tmpdir(), "bunri-outside-"));
    try {
      writeFileSync(join(outside, "secret.yaml"), "password: hunter2\n");
      symlinkSync(join(outside, "secret.yaml"), join(dir, "linked-secret.yaml"));
      const design = (policies: string) => hostileDesign("p").replace(/^model: alpha$/m, `model: alpha\npolicies: ${policies}`);
      put("sub/p1.yaml", design(`[default, ${JSON.stringify(join(outside, "secret.yaml"))}]`));
      put("sub/p2.yaml", design("[default, ../../../../../../etc/passwd.yaml]"));
      put("sub/p3.yaml", design("[default, ../linked-secret.yaml]"));
      for (const f of ["sub/p1.yaml", "sub/p2.yaml", "sub/p3.yaml"]) {
        const r = run(["check", f]);
        expect(r.code, f).toBe(2);
        expect(r.out, f).toMatch(/is outside the design's repository/);
        expect(r.out, f).not.toMatch(/hunter2|password/);
      }
      // a policy file inside the repository, hostile: prototype names and controls, reported cleanly
      put(
        "sub/hostile-policy.yaml",
        `bunri-policy: 1\n__proto__: { x: 1 }\noverrides:\n  constructor: off\nrules:\n  __proto__: { severity: high }\n  CITY-01:\n    severity: high\n    title: { ja: ${EVIL}, en: ${EVIL} }\n    why: { ja: x, en: x }\n    fix: { ja: x, en: x }\n    messages: { default: { ja: ${EVIL}, en: ${EVIL} } }\n    check: { type: node, select: { host-kind: [db-server] } }\n`,
      );
      put("sub/p4.yaml", design("[default, hostile-policy.yaml]"));
      const r4 = run(["check", "sub/p4.yaml"]);
      expect(r4.code).toBe(2);
      expect(r4.out).toMatch(/sub\/hostile-policy\.yaml:\d+:\d+: policy file/);
      // the user's own --policy, outside the repository, is read
      writeFileSync(
        join(outside, "mine.yaml"),
        `bunri-policy: 1\nrules:\n  CITY-01:\n    severity: high\n    title: { ja: ${EVIL}, en: ${EVIL} }\n    why: { ja: x, en: x }\n    fix: { ja: x, en: x }\n    messages: { default: { ja: ${EVIL}, en: ${EVIL} } }\n    check: { type: node, select: { host-kind: [db-server] } }\n`,
      );
      const out = join(dir, "mine.sarif");
      const r5 = run(
        [
          "check",
          "d.yaml",
          "--policy",
          "default",
          "--policy",
          join(outside, "mine.yaml"),
          "--format",
          `sarif=${out}`,
          "--format",
          "text",
        ],
        {
          writes: ["mine.sarif"],
        },
      );
      expect(r5.code).toBe(1);
      expect(r5.out).toContain("CITY-01");
      strictOutputs({ sarif: out });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("hostile waiver, baseline and result files: positioned errors, nothing of them raw on the terminal", () => {
    put(
      "w.yaml",
      `- topology: d\n  rule: ${EVIL}\n  reason: ${EVIL}\n  expires: 2027-01-01\n  __proto__: x\n- { topology: constructor, rule: NET-04, reason: x, expires: no }\n`,
    );
    const rw = run(["check", "d.yaml", "--waivers", "w.yaml"]);
    expect(rw.code).toBe(2);
    expect(rw.out).toMatch(/w\.yaml:\d+:\d+:/);
    put(
      "b1.json",
      `{"bunri-baseline": 1, "findings": [{"fingerprint": "\\ud800\\u001b]0;x\\u0007", "__proto__": {"x": 1}}, {"fingerprint": 1}]}`,
    );
    const rb1 = run(["check", "d.yaml", "--baseline", "b1.json"]);
    expect(rb1.code).toBe(2);
    expect(rb1.out).toMatch(/b1\.json:1:1: .*entry 2/);
    put("b2.json", `{\n  "bunri-baseline": 1,\n  "findings": [\u001b[31m\n`);
    const rb2 = run(["check", "d.yaml", "--baseline", "b2.json"]);
    expect(rb2.code).toBe(2);
    expect(rb2.out).toMatch(/b2\.json:3:16: baseline file is not valid JSON/);
    put("b3.json", "[".repeat(1_000_000));
    const rb3 = run(["check", "d.yaml", "--baseline", "b3.json"]);
    expect(rb3.code).toBe(2);
    // a saved result that is JSON but hostile: controls in the text it would echo, prototype names, lone surrogates
    put(
      "r1.json",
      `{"tool": {"name": "bunri\\u001b]52;c;eA==\\u0007", "version": "\\ud800"}, "files": {"__proto__": 1}, "summary": []}`,
    );
    const rr1 = run(["format", "r1.json"]);
    expect(rr1.code).toBe(2);
    expect(rr1.err).toMatch(/r1\.json:1:\d+: not a JSON result of bunri/);
    put("r2.json", `{"tool": \u001b]0;owned\u0007`);
    const rr2 = run(["format", "r2.json"]);
    expect(rr2.code).toBe(2);
    expect(rr2.err).toMatch(/r2\.json:1:10:/);
    // a genuine result of a hostile design, saved and re-rendered in every format: all strict
    const saved = join(dir, "saved.json");
    run(["check", "d.yaml", "--format", `json=${saved}`, "--fail-on", "none"], { writes: ["saved.json"] });
    const again = {
      sarif: join(dir, "again.sarif"),
      junit: join(dir, "again.xml"),
      html: join(dir, "again.html"),
      csv: join(dir, "again.csv"),
    };
    const rf = run(
      ["format", "saved.json", ...Object.entries(again).flatMap(([f, p]) => ["--format", `${f}=${p}`]), "--format", "markdown"],
      {
        writes: Object.values(again).map((p) => p.slice(dir.length + 1)),
      },
    );
    expect(rf.code).toBe(0);
    strictOutputs(again);
  });

  it("writes replace a committed link, never follow it; one format failing leaves the others written", () => {
    put("t.yaml", tiny("t"));
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "keep\n");
    for (const name of ["l1.json", "l2.txt", "l3.json", "l4.yaml", "l5.mmd", "l6.txt"]) symlinkSync(victim, join(dir, name));
    run(["check", "t.yaml", "--format", "json=l1.json", "--format", "text", "-o", "l2.txt"], { writes: ["l1.json", "l2.txt"] });
    run(["check", "t.yaml", "--write-baseline", "l3.json"], { writes: ["l3.json"] });
    run(["init", "--force", "l4.yaml"], { writes: ["l4.yaml"] });
    run(["graph", "t.yaml", "-o", "l5.mmd"], { writes: ["l5.mmd"] });
    run(["diff", "t.yaml", "t.yaml", "-o", "l6.txt"], { writes: ["l6.txt"] });
    expect(readFileSync(victim, "utf8")).toBe("keep\n");
    for (const name of ["l1.json", "l2.txt", "l3.json", "l4.yaml", "l5.mmd", "l6.txt"]) {
      expect(lstatSync(join(dir, name)).isSymbolicLink(), name).toBe(false);
      expect(statSync(join(dir, name)).size, name).toBeGreaterThan(0);
    }
    // `init` without --force does not replace a link, dangling or not
    symlinkSync("nowhere", join(dir, "l7.yaml"));
    expect(run(["init", "l7.yaml"]).code).toBe(2);
    expect(lstatSync(join(dir, "l7.yaml")).isSymbolicLink()).toBe(true);
    // one format's file cannot be written: said, exit 2, the others written
    const r = run(
      ["check", "t.yaml", "--format", "sarif=no/such/dir/r.sarif", "--format", "json=ok.json", "--format", "junit=ok.xml"],
      {
        writes: ["ok.json", "ok.xml"],
      },
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot write no\/such\/dir\/r\.sarif: its directory does not exist/);
    expect(jsonProblems(readFileSync(join(dir, "ok.json"), "utf8"))).toEqual([]);
    expect(xmlProblems(readFileSync(join(dir, "ok.xml"), "utf8"))).toEqual([]);
  });

  it("git revisions never reach git as options", () => {
    execFileSync("git", ["add", "t.yaml"], { cwd: dir });
    execFileSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "d"], { cwd: dir });
    const r1 = run(["diff", "git:--output=pwned1:t.yaml", "t.yaml"]);
    expect(r1.code).toBe(2);
    const r2 = run(["check", "t.yaml", "--base", "--output=pwned2"]);
    expect(r2.code).toBe(2);
    const r3 = run(["check", "t.yaml", "--base=--output=pwned3"]);
    expect(r3.code).toBe(2);
    for (const f of ["pwned1", "pwned2", "pwned3"]) expect(existsSync(join(dir, f)), f).toBe(false);
    // a real revision still works
    expect(run(["diff", "git:HEAD:t.yaml", "t.yaml", "--fail-on", "none"]).code).toBe(0);
  });

  it("an unreadable directory or design in a scan is an input error naming it; the rest is checked", () => {
    // root reads everything: the run is made as nobody when the tests run as root
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const scan = join(dir, "scan");
    put("scan/good.yaml", hostileDesign("good"));
    put("scan/locked/inner.yaml", hostileDesign("inner"));
    put("scan/secret.yaml", hostileDesign("secret"));
    chmodSync(join(scan, "locked"), 0o000);
    chmodSync(join(scan, "secret.yaml"), 0o000);
    try {
      const r = run(["check", "scan", "--format", "json", "--fail-on", "none"], asNobody);
      expect(r.code).toBe(2);
      const result = JSON.parse(r.out) as { files: Array<{ file: string; errors: Array<{ code: string; message: string }> }> };
      const files = Object.fromEntries(result.files.map((f) => [f.file, f.errors.map((e) => e.message)]));
      expect(files["scan/good.yaml"]).toEqual([]);
      expect(files["scan/locked"]?.[0]).toMatch(/cannot read this directory/);
      expect(files["scan/secret.yaml"]?.[0]).toMatch(/permission denied/);
    } finally {
      chmodSync(join(scan, "locked"), 0o755);
      chmodSync(join(scan, "secret.yaml"), 0o644);
    }
  });

  it("diagrams of a hostile design: no control on the terminal, SVG strict XML 1.0", () => {
    for (const format of ["dot", "mermaid", "svg"]) {
      const r = run(["graph", "d.yaml", "--format", format]);
      expect(r.code, format).toBe(0);
      if (format === "svg") expect(xmlProblems(r.out)).toEqual([]);
    }
  });

  it("init names that YAML reads as other than text are quoted, and the design passes its own check", () => {
    for (const name of ["true", "null", "010"]) run(["init", `${name}.yaml`], { writes: [`${name}.yaml`] });
    const r = run(["check", "true.yaml", "null.yaml", "010.yaml"]);
    expect(r.code, r.out).toBe(0);
  });
});
