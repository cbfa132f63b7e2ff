/**
 * Every recipe of docs/ci.md, run: in a fresh git repository with the designs in a subdirectory
 * and bunri installed as a dependency (node_modules/bunri linked to this checkout, as `npm ci`
 * would leave it). GitHub's `${{ … }}` are evaluated for a push and a pull request; steps that
 * need GitHub itself (`uses:` other than bunri's action, `gh`) and `npm ci` are not run. The
 * pre-commit recipes run with pre-commit itself, when it is installed (Debian's package).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runAction } from "../helpers/action.js";
import { BIN, ROOT } from "../helpers/cli.js";

const doc = readFileSync(join(ROOT, "docs/ci.md"), "utf8");

/** The YAML block after `<!-- recipe: NAME -->`. */
function recipe(name: string): string {
  const m = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!m?.[1]) throw new Error(`docs/ci.md has no recipe ${name}`);
  return m[1];
}

const example = readFileSync(join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml"), "utf8");
/** The internet let through to anything: high findings. */
const failing = example.replace(
  "- { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }",
  "- { allow: { from: internet, to: any, service: any }, title: 市民→予約サイト }",
);

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { cwd, encoding: "utf8" });

/** A repository as a city keeps it: designs/ with one design, bunri as a dependency, committed on main. */
function cityRepository(design = example): string {
  const repo = mkdtempSync(join(tmpdir(), "bunri-recipe-"));
  mkdirSync(join(repo, "designs"));
  writeFileSync(join(repo, "designs/city.yaml"), design);
  writeFileSync(join(repo, ".gitignore"), "node_modules/\n");
  mkdirSync(join(repo, "node_modules/.bin"), { recursive: true });
  symlinkSync(ROOT, join(repo, "node_modules/bunri"), "dir");
  symlinkSync("../bunri/dist/cli/bunri.js", join(repo, "node_modules/.bin/bunri"));
  chmodSync(BIN, 0o755); // as npm does to a package's bin when it links it
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "designs");
  git(repo, "update-ref", "refs/remotes/origin/main", "HEAD");
  return repo;
}

type Event = { event_name: "push" | "pull_request"; base_ref: string };

/** The expressions the recipes use: `github.x`, `a == 'b'`, `format('…{0}', x)`, `&&`, `||`, `''`. */
function evaluate(expr: string, github: Event, steps: Record<string, Record<string, string>> = {}): string {
  const value = (term: string): string | boolean => {
    const t = term.trim();
    const eq = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(t);
    if (eq) return (value(eq[1] as string) === value(eq[3] as string)) === (eq[2] === "==");
    if (/^'[^']*'$/.test(t)) return t.slice(1, -1);
    if (t === "always()") return true;
    const fmt = /^format\('([^']*)',\s*(.+)\)$/.exec(t);
    if (fmt) return (fmt[1] as string).replace("{0}", String(value(fmt[2] as string)));
    const gh = /^github\.(event_name|base_ref)$/.exec(t);
    if (gh) return github[gh[1] as keyof Event];
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(t);
    if (step) return steps[step[1] as string]?.[step[2] as string] ?? "";
    throw new Error(`the test does not evaluate ${t}`);
  };
  // a && b || c, as the recipes write it
  const or = expr
    .split("||")
    .map((part) => part.split("&&").reduce<string | boolean>((acc, x) => (acc === false || acc === "" ? acc : value(x)), true));
  const out = or.find((x) => x !== false && x !== "") ?? or[or.length - 1];
  return typeof out === "boolean" ? String(out) : (out ?? "");
}

const substitute = (text: string, github: Event, steps?: Record<string, Record<string, string>>) =>
  text.replace(/\$\{\{\s*([\s\S]+?)\s*\}\}/g, (_, e: string) => evaluate(e, github, steps));

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv = {}) {
  const file = join(mkdtempSync(join(tmpdir(), "bunri-step-")), "step.sh");
  writeFileSync(file, script);
  const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", file], {
    cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", CI: "true", ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Workflow {
  jobs: Record<
    string,
    { steps: Array<{ name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, string> }> }
  >;
}

describe("docs/ci.md: GitHub Actions", () => {
  for (const event of [
    { event_name: "push", base_ref: "" },
    { event_name: "pull_request", base_ref: "main" },
  ] as const) {
    it(`the npm workflow's steps, on ${event.event_name}`, () => {
      const repo = cityRepository(failing);
      const summary = join(repo, "..", `${repo.split("/").pop()}-summary.md`);
      writeFileSync(summary, "");
      const steps = (parse(recipe("github-npm")) as Workflow).jobs.check?.steps ?? [];
      const ran: string[] = [];
      let failed = false;
      for (const step of steps) {
        if (step.run === undefined || step.run.trim() === "npm ci" || step.run.includes("gh pr comment")) continue;
        if (failed && !(step.if ?? "").includes("always()")) continue;
        const r = bash(substitute(step.run, event), repo, { GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: "true" });
        ran.push(step.name ?? step.run);
        if (step.name === "bunri" && event.event_name === "push") {
          expect(r.code).toBe(1); // high findings
          expect(r.out).toMatch(/^::error file=designs\/city\.yaml,line=\d+,col=\d+,title=ASP-/m);
          failed = true;
        } else if (step.name === "bunri") {
          expect(r.code).toBe(0); // --base origin/main: every finding was there already
          expect(r.out).toMatch(/^PASS: .*baselined [1-9]/m);
        } else expect(r.code, step.name).toBe(0);
      }
      expect(ran).toEqual(["bunri", "job summary"]);
      const sarif = JSON.parse(readFileSync(join(repo, "bunri.sarif"), "utf8"));
      expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("designs/city.yaml");
      expect(existsSync(join(repo, "bunri.html"))).toBe(true);
      expect(readFileSync(summary, "utf8")).toContain("ASP-");
      // the artifact and the SARIF upload name files that the steps wrote
      const uploads = steps.filter((s) => s.uses?.startsWith("actions/upload-artifact") || s.uses?.includes("upload-sarif"));
      for (const s of uploads) expect(existsSync(join(repo, String(s.with?.path ?? s.with?.sarif_file)))).toBe(true);
    });
  }

  it("the action recipe: its inputs are the action's, and the action runs with them", () => {
    const workflow = parse(recipe("github-action")) as Workflow;
    const steps = workflow.jobs.check?.steps ?? [];
    const step = steps.find((s) => s.uses?.includes("/bunri@"));
    expect(step).toBeDefined();
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, unknown> };
    for (const key of Object.keys(step?.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    const repo = cityRepository(failing);
    const pr = { event_name: "pull_request", base_ref: "main" } as const;
    const inputs = Object.fromEntries(Object.entries(step?.with ?? {}).map(([k, v]) => [k, substitute(String(v), pr)]));
    expect(inputs.base).toBe("origin/main");
    const r = runAction(repo, inputs);
    expect(r.steps[1]?.code).toBe(0); // every finding was on main already
    expect(r.outputs["exit-code"]).toBe("0");
    const upload = steps.find((s) => s.uses?.includes("upload-sarif"));
    const sarifFile = substitute(String(upload?.with?.sarif_file), pr, { bunri: r.outputs });
    expect(substitute(`\${{ ${String(upload?.if).replace(/^\$\{\{|\}\}$/g, "")} }}`, pr, { bunri: r.outputs })).toBe("true");
    expect(existsSync(join(repo, sarifFile))).toBe(true);
    expect(r.summary).toContain("ASP-");
  });
});

describe("docs/ci.md: GitLab CI", () => {
  it("the script runs and leaves the JUnit report and the artifact", () => {
    const repo = cityRepository(failing);
    const job = (
      parse(recipe("gitlab")) as Record<string, { script: string[]; artifacts: { reports: { junit: string }; paths: string[] } }>
    ).bunri;
    expect(job).toBeDefined();
    for (const line of job?.script ?? []) {
      if (line === "npm ci") continue;
      const r = bash(line, repo);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^FAIL: /m);
    }
    const junit = readFileSync(join(repo, job?.artifacts.reports.junit ?? ""), "utf8");
    expect(junit).toMatch(/<testcase [^>]*name="ASP-01 [^"]*"/);
    expect((junit.match(/<testcase /g) ?? []).length).toBeGreaterThan(10); // passing rules too
    for (const p of job?.artifacts.paths ?? []) expect(existsSync(join(repo, p))).toBe(true);
  });
});

const preCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;

describe.skipIf(!preCommit)("docs/ci.md: pre-commit (with pre-commit itself)", () => {
  function withConfig(config: string, design: string) {
    const repo = cityRepository(design);
    writeFileSync(join(repo, ".pre-commit-config.yaml"), config);
    mkdirSync(join(repo, ".github/workflows"), { recursive: true });
    writeFileSync(join(repo, ".github/workflows/ci.yml"), "on: push\njobs: {}\n");
    git(repo, "add", ".");
    return repo;
  }
  const run = (repo: string, home: string) =>
    spawnSync("pre-commit", ["run", "--all-files", "--verbose"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, PRE_COMMIT_HOME: home, LANG: "C.UTF-8", NO_COLOR: "1" },
    });

  it("the local hook checks the designs only, and fails on a misspelt one", () => {
    const home = mkdtempSync(join(tmpdir(), "bunri-pc-home-"));
    const ok = run(withConfig(recipe("pre-commit-local"), example), home);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain("1 file(s) checked, 0 input error(s)");
    const typo = run(withConfig(recipe("pre-commit-local"), example.replace(/^bunri: 1$/m, "bunir: 1")), home);
    expect(typo.status).toBe(1);
    expect(typo.stdout).toContain('does not start with "bunri: 1"');
  });

  it("the hook of this repository (.pre-commit-hooks.yaml) installs and runs as pre-commit installs node hooks", () => {
    const rev = git(ROOT, "rev-parse", "HEAD").trim();
    const config = recipe("pre-commit-hook")
      .replace(/repo: \S+/, `repo: ${ROOT}`)
      .replace(/rev: \S+/, `rev: ${rev}`);
    const home = mkdtempSync(join(tmpdir(), "bunri-pc-home-"));
    const repo = withConfig(config, failing);
    const r = run(repo, home);
    expect(r.stdout + r.stderr).toContain("bunri (network separation)");
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/FAIL: critical \d+, high [1-9]/);
    expect(r.stdout).toContain("1 file(s) checked");
  }, 600_000);
});
