#!/usr/bin/env node
// Saves the built-in packs (policies/*.yaml) parsed and validated, as JSON beside the compiled
// policy module (dist/src/rules/builtin-packs.json), so that a run does not parse their 70 KB of
// YAML again (issue 9, start-up). `npm run build` runs it after tsc, with the code just compiled;
// a run uses the file only while policies/ holds exactly the texts it was made from
// (src/rules/policy.ts, `builtinPacks`).
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const module = join(root, "dist", "src", "rules", "policy.js");
if (!existsSync(module)) {
  process.stderr.write("builtin-packs: dist/ is missing; run `npm run build`\n");
  process.exit(2);
}
const { saveBuiltinPacks } = await import(pathToFileURL(module).href);
const out = join(dirname(module), "builtin-packs.json");
const text = saveBuiltinPacks();
if (!existsSync(out) || readFileSync(out, "utf8") !== text) {
  writeFileSync(`${out}.tmp`, text);
  renameSync(`${out}.tmp`, out);
}
