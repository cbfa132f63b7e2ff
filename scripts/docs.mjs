#!/usr/bin/env node
// Regenerates docs/rules/*.md from the built-in packs and their example designs (run `npm run docs`
// after changing a policy file, an example or a message; test/docs/rules.test.ts checks they match).
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogue, catalogueMarkdown, ruleMarkdown } from "../dist/src/catalogue.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "rules");
const wanted = new Set(["README.md"]);
writeFileSync(join(dir, "README.md"), catalogueMarkdown());
for (const pack of catalogue()) {
  for (const rule of pack.rules) {
    writeFileSync(join(dir, `${rule.id}.md`), ruleMarkdown(rule));
    wanted.add(`${rule.id}.md`);
  }
}
for (const name of readdirSync(dir)) if (name.endsWith(".md") && !wanted.has(name)) rmSync(join(dir, name));
console.log(`docs/rules: ${wanted.size} page(s) written`);
