/**
 * A composite action's steps (action.yml) run as the GitHub runner runs them: each `run:` written
 * to a file and run with `bash --noprofile --norc -eo pipefail FILE` in the workspace, inputs
 * through `env:` (with `${{ inputs.NAME }}` and `${{ github.action_path }}` evaluated), and
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY as files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { ROOT } from "./cli.js";

interface ActionStep {
  name: string;
  id?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}
export interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** Runs action.yml's steps as the runner does, with these inputs; returns each step's result and the files the runner reads. */
export function runAction(workspace: string, inputs: Record<string, string>) {
  const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as Action;
  if (action.runs.using !== "composite") throw new Error("action.yml is not a composite action");
  const temp = mkdtempSync(join(tmpdir(), "bunri-runner-"));
  const files = { output: join(temp, "output"), summary: join(temp, "summary.md") };
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  const expression = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      if (expr === "github.action_path") return ROOT;
      const input = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expr)?.[1];
      if (input === undefined) throw new Error(`the test runner does not evaluate \${{ ${expr} }}`);
      return inputs[input] ?? action.inputs[input]?.default ?? "";
    });
  const steps: Array<{ name: string; code: number | null; out: string; err: string }> = [];
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.shell !== "bash") throw new Error(`step ${step.name}: shell ${step.shell}`);
    const script = join(temp, `step-${i}.sh`);
    writeFileSync(script, step.run);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: "C",
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: temp,
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expression(v);
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: workspace, env, encoding: "utf8" });
    steps.push({ name: step.name, code: r.status, out: r.stdout, err: r.stderr });
    if (r.status !== 0) break;
  }
  const outputs = Object.fromEntries(
    readFileSync(files.output, "utf8")
      .split("\n")
      .filter((l) => l.includes("="))
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { steps, outputs, summary: readFileSync(files.summary, "utf8") };
}
