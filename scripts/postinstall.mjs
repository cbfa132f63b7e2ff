#!/usr/bin/env node
// After `npm install` / `npm ci` in a source checkout (src/ present, TypeScript installed): build
// dist/. In an installed package (dist/ shipped, no src/) it does nothing. It replaces a `prepare`
// script: `npm pack` runs `prepare` and prints its banner on standard output, where pre-commit
// (language: node) reads the tarball's name, so a hook with a `prepare` script cannot install.
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
