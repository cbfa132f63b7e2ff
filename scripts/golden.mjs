#!/usr/bin/env node
// Rewrites test/golden/report.<lang>.<ext> from the built reporters (`npm run golden`, after a
// deliberate change of a report or of the designs behind it); test/report/golden.test.ts compares
// the reporters' output with these files. The inputs are test/fixtures/golden/inputs.json.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { applyBaseline } from "../dist/src/baseline.js";
import { check } from "../dist/src/check.js";
import { loadReporter } from "../dist/src/report/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const inputs = JSON.parse(readFileSync(join(root, "test/fixtures/golden/inputs.json"), "utf8"));
const dir = join(root, "test/golden");
for (const name of readdirSync(dir)) if (name.startsWith("report.")) rmSync(join(dir, name));
let written = 0;
for (const lang of inputs.langs) {
  const checked = await check(inputs.paths, { lang, today: inputs.today, waivers: inputs.waivers, cwd: root });
  const known = checked.files.flatMap((file) =>
    file.findings.filter((f) => inputs.baseline.some((b) => b.file === file.file && b.rule === f.rule)).map((f) => f.fingerprint),
  );
  const { result } = applyBaseline(checked, known);
  for (const [format, ext] of inputs.formats) {
    const reporter = await loadReporter(format);
    writeFileSync(join(dir, `report.${lang}.${ext}`), reporter(result, { lang, color: false, failOn: inputs.failOn }));
    written++;
  }
}
console.log(`test/golden: ${written} file(s) written`);
