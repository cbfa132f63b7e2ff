// Where the time of one check goes: `node bench/phases.mjs FILE` (after `npm run build`) prints the
// wall and CPU time of each phase of `bunri check FILE` (load, policy selection, graph, classes)
// and of each rule, in the order the engine runs them (later rules reuse what earlier ones
// cached, as in a real run). For finding what to make faster; `npm run bench` measures targets.

import { Analysis } from "../dist/src/analyze/index.js";
import { analyseTopology } from "../dist/src/check.js";
import { loadTopologyFile } from "../dist/src/load/index.js";
import { buildDesign } from "../dist/src/model/design.js";
import { runRules } from "../dist/src/rules/engine.js";
import { selectPolicies } from "../dist/src/rules/policy.js";

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/phases.mjs FILE");
  process.exit(2);
}
const rows = [];
async function phase(name, fn) {
  const c = process.cpuUsage();
  const t = performance.now();
  const v = await fn();
  const u = process.cpuUsage(c);
  rows.push([name, performance.now() - t, (u.user + u.system) / 1000]);
  return v;
}
const loaded = await phase("load (read, YAML, schema, build)", () => loadTopologyFile(file, { lang: "en" }));
if (!loaded.topology) {
  console.error(loaded.errors.slice(0, 5));
  process.exit(2);
}
const topology = loaded.topology;
const selection = await phase("policy selection", () => selectPolicies(topology, { lang: "en", cwd: process.cwd() }));
const design = await phase("design graph", () => buildDesign(topology));
const analysis = await phase("classes (ReachCore)", () => new Analysis(design));
const options = { lang: "en", today: "2026-11-23", externalWaivers: [], knownRuleIds: selection.knownRuleIds };
let findings = 0;
for (const rule of selection.rules) {
  const r = await phase(`rule ${rule.id} (${rule.check.type})`, () => runRules(design, analysis, [rule], options));
  findings += r.findings.length;
}
rows.push(["", 0, 0]);
const total = rows.reduce((a, r) => [a[0] + r[1], a[1] + r[2]], [0, 0]);
for (const [name, ms, cpu] of [...rows, ["total", ...total]])
  if (name === "" || ms >= 1)
    console.log(name === "" ? "" : `${ms.toFixed(0).padStart(7)} ms ${cpu.toFixed(0).padStart(7)} ms cpu  ${name}`);
console.log(`${findings} findings`);
void analyseTopology;
