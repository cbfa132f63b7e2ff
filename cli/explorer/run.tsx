/**
 * Starts the explorer on files: checks them (keeping each model for the zones view and the reach
 * query), renders the Ink app, re-checks on change with `--watch`, and always gives the terminal
 * back in a sane state (raw mode off, cursor shown), even when something throws.
 */
import { watch } from "node:fs";
import { basename, dirname } from "node:path";
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
      errors: [{ line: e.line, column: e.column, message: e.message }],
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

export async function runExplorer(
  paths: string[],
  options: CheckOptions & { lang: Lang; watch?: boolean },
  io: ExplorerIo,
): Promise<number> {
  const initial = await checkForExplorer(paths, options);
  const files = initial.views.map((v) => v.file);
  let subscribe: ((reload: (c: Checked) => void) => () => void) | undefined;
  if (options.watch) {
    subscribe = (reload) => {
      let timer: NodeJS.Timeout | undefined;
      const changed = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          checkForExplorer(paths, options).then(reload, () => undefined);
        }, 150);
      };
      // a file that cannot be watched (missing, unreadable) is shown with its error; its directory
      // is watched instead, so that the file appearing is seen
      const watchers = files.flatMap((f) => {
        for (const [target, name] of [
          [f, undefined],
          [dirname(f), basename(f)],
        ] as const) {
          try {
            const w = watch(target, (_event, changedName) => {
              if (name === undefined || changedName === null || String(changedName) === name) changed();
            });
            w.on("error", () => undefined);
            return [w];
          } catch {
            // try the directory, then give up on this file
          }
        }
        return [];
      });
      return () => {
        clearTimeout(timer);
        for (const w of watchers) w.close();
      };
    };
  }
  const restore = () => {
    if (io.stdin.isTTY && io.stdin.isRaw) io.stdin.setRawMode(false);
    io.stdout.write("\u001b[?25h");
  };
  process.once("exit", restore);
  const appProps = subscribe ? { initial, lang: options.lang, subscribe } : { initial, lang: options.lang };
  const instance = render(<App {...appProps} />, {
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    exitOnCtrlC: true,
    patchConsole: true,
  });
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    restore();
  }
  return initial.views.some((v) => v.errors.length > 0) ? 2 : 0;
}
