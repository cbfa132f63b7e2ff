// The benchmark (`npm run bench`): generated municipality designs of several sizes, checked with
// every default pack. Per size: the in-process phases and peak memory (bench/child.mjs, a fresh
// process each), the end-to-end time of `bunri check --format json`, and for the largest size a
// `bunri reach` query. Targets: a 10,000-node design checks in under 10 s end to end and under
// 1 GiB. Exit 1 when a target is missed. `--json` prints the measurements as JSON.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, "..", "dist", "cli", "bunri.js");
const SIZES = (process.env.BENCH_SIZES ?? "1000,5000,10000,20000").split(",").map(Number);
const TARGET = { nodes: 10_000, seconds: 10, mib: 1024 };
const json = process.argv.includes("--json");

function wall(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  return { ms: Math.round(performance.now() - started), code: r.status, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "bunri-bench-"));
const rows = [];
let failed = false;
try {
  for (const n of SIZES) {
    const file = join(dir, `design-${n}.yaml`);
    writeFileSync(file, generate(n));
    const child = spawnSync(process.execPath, [join(here, "child.mjs"), file], { encoding: "utf8" });
    const m = JSON.parse(child.stdout.trim().split("\n").pop() ?? "{}");
    if (m.error) throw new Error(`the generated design of ${n} nodes does not load: ${JSON.stringify(m.error)}`);
    const cli = wall(["check", file, "--format", "json", "--today", "2026-11-23"]);
    if (cli.code === 2) throw new Error(`bunri check failed on ${n} nodes: ${cli.stderr}`);
    const row = { ...m, cliMs: cli.ms };
    if (n === Math.max(...SIZES) || n === TARGET.nodes) {
      const reach = wall(["reach", file, "--from", "pc-0", "--to", "kikan-db1"]);
      row.reachMs = reach.ms;
    }
    if (n === TARGET.nodes) {
      row.target = cli.ms <= TARGET.seconds * 1000 && m.maxRssMiB <= TARGET.mib ? "PASS" : "FAIL";
      if (row.target === "FAIL") failed = true;
    }
    rows.push(row);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (json) console.log(JSON.stringify({ node: process.version, target: TARGET, results: rows }, null, 2));
else {
  const cols = [
    "nodes",
    "hosts",
    "rules",
    "flows",
    "loadMs",
    "analyseMs",
    "totalMs",
    "cliMs",
    "reachMs",
    "maxRssMiB",
    "findings",
    "target",
  ];
  console.log(
    `bunri benchmark (node ${process.version}); target: ${TARGET.nodes} nodes in < ${TARGET.seconds} s and < ${TARGET.mib} MiB`,
  );
  console.log(cols.map((c) => c.padStart(10)).join(""));
  for (const r of rows) console.log(cols.map((c) => String(r[c] ?? "").padStart(10)).join(""));
}
process.exit(failed ? 1 : 0);
