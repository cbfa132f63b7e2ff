/**
 * The explorer as a person sees it, in a real terminal emulator (tmux, on a server of its own):
 * what is on the screen at 60, 80 and 120 columns, and what is left on it after quitting. Skipped
 * where tmux is not installed (.ci/run installs it when it can).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers/cli.js";

const hasTmux = spawnSync("tmux", ["-V"]).status === 0;
const SOCKET = `bunri-test-${process.pid}`;
const DESIGN = join(ROOT, "test/fixtures/broken/takatsuki-card-reservation--web-inet-cache.yaml");
const DIR = mkdtempSync(join(tmpdir(), "bunri-term-"));

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-L", SOCKET, "-f", "/dev/null", ...args], { encoding: "utf8" });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A shell in a terminal `cols` wide, 24 rows, with a marker line printed before anything runs. */
async function terminal(name: string, cols: number): Promise<void> {
  const env = ["env", "-u", "CI", "-u", "CONTINUOUS_INTEGRATION", "-u", "NO_COLOR", "LANG=C.UTF-8", "TERM=xterm-256color"];
  tmux("new-session", "-d", "-s", name, "-x", String(cols), "-y", "24", [...env, "sh"].join(" "));
  tmux("send-keys", "-t", name, "PS1='$ '; echo before-marker", "Enter");
  await waitFor(name, (s) => s.includes("before-marker\n$"));
}

function screen(name: string, escapes = false): string {
  return tmux("capture-pane", "-p", ...(escapes ? ["-e"] : []), "-t", name);
}

async function waitFor(name: string, ok: (screen: string) => boolean, timeout = 20_000): Promise<string> {
  const until = Date.now() + timeout;
  let last = "";
  while (Date.now() < until) {
    last = screen(name);
    if (ok(last)) return last;
    await sleep(100);
  }
  throw new Error(`the screen never showed what was expected:\n${last}`);
}

/** Waits for the explorer to show `text`, then a moment more (it takes keys once its first frame is up). */
async function ready(name: string, text: string): Promise<string> {
  await waitFor(name, (x) => x.includes(text));
  await sleep(400);
  return screen(name);
}

/** Types keys (tmux key names) one by one, then waits for the screen to settle. */
async function keys(name: string, ...list: string[]): Promise<string> {
  for (const k of list) {
    tmux("send-keys", "-t", name, k);
    await sleep(120);
  }
  await sleep(300);
  return screen(name);
}

function run(name: string, args: string, env = ""): void {
  tmux("send-keys", "-t", name, `${env}${process.execPath} ${BIN} ${args}`, "Enter");
}

/** The rows of the screen, trailing blanks removed. */
function rows(s: string): string[] {
  return s
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => l.trimEnd());
}

/** The explorer gone and the shell's prompt back. */
const prompted = (s: string) =>
  !/q 終了|q quit/.test(s) &&
  rows(s)
    .filter((l) => l !== "")
    .at(-1) === "$";

/** After quitting: the main screen as it was (the marker, the command), the prompt on a line of its own, nothing of the explorer. */
function expectRestored(s: string): void {
  expect(s).toContain("before-marker");
  expect(s).not.toContain("bunri  高槻市");
  expect(s).not.toMatch(/q 終了|q quit/);
  const lines = rows(s).filter((l) => l !== "");
  expect(lines.at(-1)).toBe("$");
}

afterAll(() => {
  if (hasTmux) spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
});

describe.runIf(hasTmux)("the explorer in a terminal emulator", () => {
  it.each([60, 80, 120])(
    "at %i columns: everything fits, the key bar is whole, the help lines up, hops align, q restores the screen",
    async (cols) => {
      const name = `w${cols}`;
      await terminal(name, cols);
      run(name, `tui ${DESIGN} --lang ja`);
      let s = await ready(name, "q 終了");
      for (const line of rows(s)) expect(stringWidth(line), line).toBeLessThanOrEqual(cols);
      // the key bar: its last line at the bottom, every key whole (wrapped or fewer, never cut)
      const bar = rows(s).slice(-2).join(" ");
      expect(bar).toContain("q 終了");
      expect(bar).toContain("? ヘルプ");
      expect(bar).toContain("Enter 開く");
      expect(bar).not.toContain("…");
      expect(rows(s).at(-1)).toMatch(/q 終了/);

      // the help: the descriptions start in one column
      s = await keys(name, "?");
      const help = rows(s).filter((l) => /^(↑ ↓ {2}j k|Enter {2}→|q {2}Ctrl\+C|\/) {2,}/.test(l));
      expect(help).toHaveLength(4);
      // where each description starts: after the last run of two spaces or more
      const starts = help.map((l) => {
        const at = [...l.matchAll(/ {2,}(?=\S)/g)].at(-1);
        return stringWidth(l.slice(0, (at?.index ?? 0) + (at?.[0].length ?? 0)));
      });
      expect(new Set(starts)).toEqual(new Set([24]));

      // a finding: every hop's name starts in the same column
      s = await keys(name, "Escape", "Enter");
      const hops = rows(s).filter((l) => /^ {4}\S|^ {2}→ /.test(l));
      expect(hops.length).toBeGreaterThanOrEqual(5);
      expect(new Set(hops.map((l) => stringWidth(l.slice(0, l.search(/[^ →]/)))))).toEqual(new Set([4]));

      await keys(name, "q");
      expectRestored(await waitFor(name, prompted));
      tmux("kill-session", "-t", name);
    },
    60_000,
  );

  it("at 60 columns an input error is shown in full, wrapped", async () => {
    await terminal("e", 60);
    run("e", `tui ${join(ROOT, "test/fixtures/golden/sketch-error.yaml")}`);
    const s = await ready("e", "q quit");
    for (const line of rows(s)) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    const text = rows(s).join(" ").replace(/\s+/g, " ");
    expect(text).toContain('unknown zone "asp-commons" in node "av" (did you mean "asp-common"?)');
    await keys("e", "q");
    expectRestored(await waitFor("e", prompted));
    tmux("kill-session", "-t", "e");
  }, 60_000);

  it("Ctrl+C and a signal leave the screen as it was too; an empty reach query says so", async () => {
    await terminal("c", 80);
    run("c", `tui ${DESIGN}`);
    await ready("c", "q quit");
    let s = await keys("c", "r", "/", "z", "z", "q");
    expect(s, s).toContain("No host matches “zzq”");
    // several Backspaces at once (typed fast: one chunk) all delete; Esc gives the old text back
    tmux("send-keys", "-t", "c", "BSpace", "BSpace", "BSpace");
    s = await keys("c");
    expect(s).toMatch(/filter: ▏ \(\d+\)/);
    s = await keys("c", "w", "e", "b", "Escape");
    expect(s).toMatch(/filter: {2}\(\d+\)/);
    await keys("c", "C-c");
    expectRestored(await waitFor("c", prompted));

    const pidFile = join(DIR, "pid");
    tmux("send-keys", "-t", "c", `sh -c 'echo $$ > ${pidFile}; exec ${process.execPath} ${BIN} tui ${DESIGN}'`, "Enter");
    await ready("c", "q quit");
    process.kill(Number(readFileSync(pidFile, "utf8").trim()), "SIGTERM");
    expectRestored(await waitFor("c", prompted));
    tmux("kill-session", "-t", "c");
  }, 60_000);

  it("draws no colour with NO_COLOR or --no-color (bold and inverse stay), and colours otherwise", async () => {
    await terminal("n", 100);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences are what is looked for
    const colour = /\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|38;[0-9;]+)m/;
    for (const [env, args] of [
      ["NO_COLOR=1 ", `tui ${DESIGN}`],
      ["", `tui --no-color ${DESIGN}`],
    ] as const) {
      run("n", args, env);
      await ready("n", "q quit");
      const s = screen("n", true);
      expect(s).not.toMatch(colour);
      expect(s).toContain("\u001b[7m"); // the selection and the key bar, in inverse
      await keys("n", "q");
      await waitFor("n", prompted);
    }
    run("n", `tui ${DESIGN}`);
    await ready("n", "q quit");
    expect(screen("n", true)).toMatch(colour);
    await keys("n", "q");
    await waitFor("n", prompted);
    tmux("kill-session", "-t", "n");
  }, 60_000);

  it("--watch follows every save, also an editor's that renames a new file over the design", async () => {
    const file = join(DIR, "design.yaml");
    copyFileSync(join(ROOT, "topologies/takatsuki-card-reservation.yaml"), file);
    const clean = readFileSync(file, "utf8");
    const withData = clean.replace(
      "    title: LGWAN側 Web サーバ (管理画面)\n",
      "    title: LGWAN側 Web サーバ (管理画面)\n    holds: [yoyaku]\n",
    );
    expect(withData).not.toBe(clean);
    /** what vim and `sed -i` do: write a temporary file, rename it over the design */
    const save = (text: string) => {
      const tmp = join(DIR, `.design.yaml.${Date.now()}`);
      writeFileSync(tmp, text);
      renameSync(tmp, file);
    };
    await terminal("w", 100);
    run("w", `tui --watch ${file}`);
    await waitFor("w", (x) => x.includes("high 1 "));
    for (let i = 0; i < 3; i++) {
      save(withData);
      await waitFor("w", (x) => x.includes("high 2 "));
      save(clean);
      await waitFor("w", (x) => x.includes("high 1 "));
    }
    await keys("w", "q");
    tmux("kill-session", "-t", "w");
  }, 90_000);
});
