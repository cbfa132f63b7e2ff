/** The built command in a real pseudo-terminal (util-linux `script`): it opens, takes keys, quits cleanly. */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";

const DESIGN = join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml");
const hasScript = spawnSync("script", ["--version"]).status === 0;

/** The test's environment without the CI markers (the CI that runs these tests sets them). */
const LOCAL: NodeJS.ProcessEnv = { ...process.env, LANG: "C", TERM: "xterm-256color" };
delete LOCAL.CI;
delete LOCAL.CONTINUOUS_INTEGRATION;

/** Runs `bunri ARGS` on a pseudo-terminal, typing `keys` once `ready` shows; resolves with the output and exit code. */
function inTerminal(
  args: string[],
  ready: string,
  keys: string[],
  env: NodeJS.ProcessEnv = LOCAL,
): Promise<{ out: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const child = spawn("script", ["-qfec", `stty cols 100 rows 30; exec ${command}`, "/dev/null"], { env });
    let out = "";
    let typed = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out; output so far:\n${out}`));
    }, 20_000);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      if (!typed && out.includes(ready)) {
        typed = true;
        let i = 0;
        const next = () => {
          if (i >= keys.length) return;
          child.stdin.write(keys[i++] as string);
          setTimeout(next, 150);
        };
        setTimeout(next, 150);
      }
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ out, code });
    });
  });
}

describe.runIf(hasScript)("the explorer in a terminal", () => {
  it("opens on `bunri FILE`, shows the zones and the help, and quits with q leaving the cursor visible", async () => {
    const r = await inTerminal([DESIGN], "q quit", ["z", "\u001b", "?", "\u001b", "q"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("bunri  高槻市");
    expect(r.out).toContain("Zones (7)");
    expect(r.out).toContain("Keys");
    expect(r.out).toContain("\u001b[?25h");
  });

  it("quits on Ctrl+C too; `bunri tui` asked for by name draws its screens in a CI job as well", async () => {
    const r = await inTerminal(["tui", DESIGN, "--lang", "ja"], "q 終了", ["\u0003"], { ...LOCAL, CI: "true" });
    expect(r.out).toContain("PASS");
    expect(r.out).toContain("\u001b[?25h");
  });

  it("`bunri FILE` in a CI job is the batch check even on a terminal: it never waits for keys", async () => {
    const r = await inTerminal([DESIGN], "\u0000never", [], { ...LOCAL, CONTINUOUS_INTEGRATION: "1" });
    expect(r.code).toBe(0);
    expect(r.out).toContain("no findings");
    expect(r.out).toMatch(/PASS\S*: critical 0/);
    expect(r.out).not.toContain("q quit");
  });
});

describe("without a terminal", () => {
  it("`bunri FILE` prints the text report and `bunri tui` refuses with exit 2", () => {
    const plain = spawnSync(process.execPath, [BIN, DESIGN], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain("PASS: critical 0");
    const tui = spawnSync(process.execPath, [BIN, "tui", DESIGN], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
    expect(tui.status).toBe(2);
    expect(tui.stderr).toContain("the explorer needs a terminal");
  });
});
