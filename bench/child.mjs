// One measured check through the library API, in a fresh process (so each size starts with a cold
// heap and its peak memory is its own): load (read, YAML with positions, schema, references), then
// analysis and rules (policy selection, the design graph, reachability, contagion, every rule of
// the default packs, waivers). Prints one JSON line.
// Usage: node bench/child.mjs FILE [TODAY]
import { analyseTopology, loadTopologyFile } from "../dist/src/index.js";

const file = process.argv[2];
const today = process.argv[3] ?? "2026-11-23";
const t0 = performance.now();
const loaded = await loadTopologyFile(file, { lang: "en" });
const t1 = performance.now();
if (!loaded.topology) {
  console.log(JSON.stringify({ error: loaded.errors.slice(0, 5) }));
  process.exit(2);
}
const heapAfterLoad = process.memoryUsage().heapUsed;
const checked = analyseTopology(loaded.topology, { lang: "en", today });
const t2 = performance.now();
const { design, result } = checked;
if (result.errors.length > 0) {
  console.log(JSON.stringify({ error: result.errors.slice(0, 5) }));
  process.exit(2);
}
const analysis = checked.analysis;
console.log(
  JSON.stringify({
    nodes: loaded.topology.nodes.size,
    hosts: design?.hosts.length ?? 0,
    zones: loaded.topology.zones.size,
    firewalls: design?.devices.filter((d) => d.firewall).length ?? 0,
    rules: design?.devices.reduce((n, d) => n + d.rules.length, 0) ?? 0,
    flows: loaded.topology.flows.size,
    srcClasses: analysis?.core.srcClasses.length,
    dstClasses: analysis?.core.dstClasses.length,
    atoms: analysis?.atoms.size,
    loadMs: Math.round(t1 - t0),
    analyseMs: Math.round(t2 - t1),
    totalMs: Math.round(t2 - t0),
    findings: result.findings.length,
    heapAfterLoadMiB: Math.round(heapAfterLoad / 2 ** 20),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
