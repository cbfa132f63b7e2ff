/**
 * Starts the explorer on files: checks them (keeping each model for the zones view and the reach
 * query), renders the Ink app on the terminal's alternate screen (as lazygit, htop and tig do),
 * re-checks on change with `--watch`, and always gives the terminal back exactly as it was (the
 * main screen and its text, raw mode off, cursor shown) on `q`, Ctrl+C, a signal or an error.
 */
import { type FSWatcher, watch } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { render } from "ink";
import { type CheckOptions, checkFile } from "../../src/check.js";
import { findTopologyFiles } from "../../src/load/index.js";
import type { Lang } from "../../src/model/types.js";
import { App, type Checked } from "./App.js";
import { fileView } from "./model.js";

export async function checkForExplorer(paths: string[], options: CheckOptions & { lang: Lang }): Promise<Checked> {
  const found = await findTopologyFiles(paths, options.lang);
  const views: Checked["views"] = [];
  const models: Checked["models"] = new Map();
  for (const e of found.errors)
    views.push({
      file: e.file,
      errors: [{ line: e.line, column: e.column, message: e.hint ? `${e.message} (${e.hint})` : e.message }],
      findings: [],
      zones: [],
      hosts: [],
    });
  for (const file of found.files) {
    const checked = await checkFile(file, options);
    views.push(fileView(checked, options.lang));
    if (checked.design && checked.analysis)
      models.set(checked.result.file, { design: checked.design, analysis: checked.analysis });
  }
  return { views, models };
}

export interface ExplorerIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * How long the directory stays quiet after a change before the re-check: an editor's save is a
 * burst of events within a few milliseconds (truncate and write, or write a temporary file and
 * rename it), and the re-check of a typical design must be on screen within 200 ms of the save
 * (issue 9; `npm run bench:scale`, row watch-recheck).
 */
export const WATCH_DEBOUNCE_MS = 50;

/**
 * Calls `changed` (debounced) when one of `files` changes. Each file's directory is watched, not
 * the file: an editor that saves by writing a temporary file and renaming it over the design (vim,
 * `sed -i`) replaces the inode, and a watch on the old inode would never fire again.
 */
export function watchFiles(files: readonly string[], changed: () => void, delay = WATCH_DEBOUNCE_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    const dir = dirname(resolve(f));
    const names = byDir.get(dir) ?? new Set<string>();
    names.add(basename(f));
    byDir.set(dir, names);
  }
  const watchers: FSWatcher[] = [];
  for (const [dir, names] of byDir) {
    try {
      watchers.push(
        watch(dir, (_event, name) => {
          // some platforms give no name: then any change in the directory may be ours
          if (name !== null && !names.has(String(name))) return;
          clearTimeout(timer);
          timer = setTimeout(changed, delay);
        }),
      );
    } catch {
      // a directory that cannot be watched: that file is not followed
    }
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

/** Enter the alternate screen (its own blank page, the main screen kept), and leave it. */
const ALT_SCREEN_ON = "\u001b[?1049h\u001b[H";
const ALT_SCREEN_OFF = "\u001b[?1049l";
const SHOW_CURSOR = "\u001b[?25h";

export async function runExplorer(
  paths: string[],
  options: CheckOptions & { lang: Lang; watch?: boolean; colour?: boolean },
  io: ExplorerIo,
): Promise<number> {
  const initial = await checkForExplorer(paths, options);
  const files = initial.views.map((v) => v.file);
  let subscribe: ((reload: (c: Checked) => void) => () => void) | undefined;
  let stopWatching = () => {};
  if (options.watch) {
    // Watching starts now, before the first frame, not when the app subscribes (its effect runs
    // after the frame is on screen): a save the moment the explorer appears is not missed. Saves
    // close together start re-checks that may overlap: only the last one started is shown.
    let latest = 0;
    let listener: ((c: Checked) => void) | undefined;
    let waiting: Checked | undefined; // re-checked before the app listens
    stopWatching = watchFiles(files, () => {
      const mine = ++latest;
      checkForExplorer(paths, options).then(
        (c) => {
          if (mine !== latest) return;
          if (listener) listener(c);
          else waiting = c;
        },
        () => undefined,
      );
    });
    subscribe = (reload) => {
      listener = reload;
      if (waiting) {
        const c = waiting;
        waiting = undefined;
        reload(c);
      }
      return () => {
        if (listener === reload) listener = undefined;
      };
    };
  }
  let restored = false;
  let instance: ReturnType<typeof render> | undefined;
  // Ink first (its last frame goes to the alternate screen), then the terminal as it was
  const restore = () => {
    if (restored) return;
    restored = true;
    instance?.unmount();
    if (io.stdin.isTTY && io.stdin.isRaw) io.stdin.setRawMode(false);
    io.stdout.write(`${ALT_SCREEN_OFF}${SHOW_CURSOR}`);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.kill(process.pid, signal);
  };
  io.stdout.write(ALT_SCREEN_ON);
  const appProps = {
    initial,
    lang: options.lang,
    colour: options.colour ?? true,
    ...(subscribe ? { subscribe } : {}),
  };
  try {
    instance = render(<App {...appProps} />, {
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      exitOnCtrlC: true,
      patchConsole: true,
    });
    // registered after Ink's own handlers, so that they run after Ink has drawn its last frame
    process.once("exit", restore);
    process.once("SIGTERM", onSignal);
    process.once("SIGHUP", onSignal);
    try {
      await instance.waitUntilExit();
    } finally {
      instance.cleanup();
    }
  } finally {
    stopWatching();
    restore();
    process.off("SIGTERM", onSignal);
    process.off("SIGHUP", onSignal);
    process.off("exit", restore);
  }
  return initial.views.some((v) => v.errors.length > 0) ? 2 : 0;
}
