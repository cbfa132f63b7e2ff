#!/usr/bin/env node
// The `dependencies` script: after `npm install` / `npm ci` has changed node_modules in a source
// checkout (src/ present, TypeScript installed), build dist/. npm runs it for the root project
// only, never when bunri is installed as a package, so users see no install script. It replaces a
// `prepare` script: `npm pack` runs `prepare` and prints its banner on standard output, where
// pre-commit (language: node) reads the tarball's name, so a hook with a `prepare` script cannot
// install.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (existsSync(join(root, "src")) && existsSync(join(root, "node_modules", "typescript"))) {
  const npm = process.env.npm_execpath;
  const r = npm
    ? spawnSync(process.execPath, [npm, "run", "build"], { cwd: root, stdio: ["ignore", 2, 2] })
    : spawnSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", 2, 2], shell: process.platform === "win32" });
  process.exitCode = r.status ?? 1;
}
