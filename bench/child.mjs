// One measured check, in a fresh process: load, then analysis and rules, with the peak RSS.
// Usage: node bench/child.mjs FILE  → prints one JSON line.
import { analyseTopology, loadTopologyFile } from "../dist/src/index.js";

const file = process.argv[2];
const t0 = performance.now();
const loaded = await loadTopologyFile(file, { lang: "en" });
const t1 = performance.now();
if (!loaded.topology) {
  console.log(JSON.stringify({ error: loaded.errors.slice(0, 3) }));
  process.exit(2);
}
const checked = analyseTopology(loaded.topology, { lang: "en", today: "2026-11-23" });
const t2 = performance.now();
const design = checked.design;
console.log(
  JSON.stringify({
    nodes: loaded.topology.nodes.size,
    hosts: design?.hosts.length ?? 0,
    rules: design?.devices.reduce((n, d) => n + d.rules.length, 0) ?? 0,
    flows: loaded.topology.flows.size,
    loadMs: Math.round(t1 - t0),
    analyseMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    findings: checked.result.findings.length,
    errors: checked.result.errors.length,
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
