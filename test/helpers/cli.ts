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

export function bunri(args: readonly string[], cwd?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    ...(cwd === undefined ? {} : { cwd }),
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", LANG: "C" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
