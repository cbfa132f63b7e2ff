/** The built command, run as a user runs it: `bunri ARGS` in a directory, no colours, the C locale. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "../..");
export const BIN = join(ROOT, "dist/cli/bunri.js");

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

export interface RunOptions {
  /** run as this user and group (the tests run as root: a permission error needs another user) */
  uid?: number;
  gid?: number;
  /** standard input */
  input?: string | Buffer;
  /** node's own options, e.g. a heap limit */
  nodeArgs?: readonly string[];
  timeout?: number;
}

export function bunri(args: readonly string[], cwd?: string, options: RunOptions = {}): Run {
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    ...(cwd === undefined ? {} : { cwd }),
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", LANG: "C" },
    maxBuffer: 256 * 1024 * 1024,
    ...(options.uid === undefined ? {} : { uid: options.uid }),
    ...(options.gid === undefined ? {} : { gid: options.gid }),
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
