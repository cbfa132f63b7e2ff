#!/usr/bin/env node
// Rewrites test/golden/* from the built reporters (`npm run golden`, after a deliberate change of a
// report's shape); test/report/golden.test.ts compares the reporters' output with these files.
// The inputs are those of test/report/golden-inputs.ts, read here from its source text.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "../dist/src/check.js";
import { loadReporter } from "../dist/src/report/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const inputs = readFileSync(join(root, "test/report/golden-inputs.ts"), "utf8");
const grab = (name) => new Function(`return ${new RegExp(`export const ${name}[^=]*= ([\\s\\S]*?);\\n`).exec(inputs)[1]}`)();
const paths = grab("GOLDEN_PATHS");
const outputs = grab("GOLDEN_OUTPUTS");
const waivers = grab("GOLDEN_WAIVERS");
const today = grab("GOLDEN_TODAY");
for (const [name, format, lang] of outputs) {
  const result = await check(paths, { lang, today, waivers, cwd: root });
  const reporter = await loadReporter(format);
  writeFileSync(join(root, "test/golden", name), reporter(result, { lang, color: false, failOn: "high" }));
}
console.log(`test/golden: ${outputs.length} file(s) written`);
