// The benchmark (`npm run bench`, after `npm run build`). Speed and memory targets are measured
// here, never by timed unit tests.
//
// For each size it generates a municipality design (bench/generate.mjs) into a temporary
// directory, then measures:
//   - the phases through the library API (bench/child.mjs, a fresh process per run): load, and
//     analysis + rules with every default pack (baseline, three-tier, lgwan-asp);
//   - `bunri check FILE --format json` end to end as a user runs it (process start to exit), with
//     the process's peak resident memory (GNU time -v, or a preloaded exit hook without it);
//   - on the target size, a few `bunri reach` queries.
// Target: a 10,000-node design checks in under 10 s end to end and under 1 GiB peak RSS. Every
// size is judged against those same limits (PASS/FAIL); only the 10,000-node size decides the
// exit status: 1 when it fails, 2 when the benchmark itself goes wrong.
//
// Options: --sizes 1000,5000,10000,20000 (or BENCH_SIZES), --repeat N (median of N runs, default
// 1), --json (machine-readable results on stdout), --keep DIR (write the designs there and keep
// them), --seed N.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const BIN = join(root, "dist", "cli", "bunri.js");
const TODAY = "2026-11-23";
const TARGET = { nodes: 10_000, ms: 10_000, rssMiB: 1024 };

// ---- options ------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const json = argv.includes("--json");
const sizes = (option("--sizes") ?? process.env.BENCH_SIZES ?? "1000,5000,10000,20000")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isFinite(n) && n > 0);
const repeat = Math.max(1, Number(option("--repeat") ?? 1));
const seed = Number(option("--seed") ?? 1);
const keep = option("--keep");
const log = (s) => process.stderr.write(`${s}\n`);

if (!existsSync(BIN)) {
  log("bench: dist/ is missing; run `npm run build` first.");
  process.exit(2);
}

// ---- measuring a spawned bunri ------------------------------------------------------------
function hasGnuTime() {
  try {
    return /GNU/.test(
      execFileSync("/usr/bin/time", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) || "",
    );
  } catch (e) {
    return /GNU/.test(String(e.stderr ?? ""));
  }
}
const GNU_TIME = !process.env.BENCH_NO_GNU_TIME && existsSync("/usr/bin/time") && hasGnuTime();
const RSS_METHOD = GNU_TIME ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS (preloaded hook)";

/** Runs `node dist/cli/bunri.js ...args`; wall time, exit status, peak RSS, stdout. */
function runBunri(args, scratch) {
  const measureFile = join(scratch, `measure-${process.pid}.txt`);
  rmSync(measureFile, { force: true });
  const [cmd, cmdArgs, env] = GNU_TIME
    ? ["/usr/bin/time", ["-v", "-o", measureFile, process.execPath, BIN, ...args], process.env]
    : [
        process.execPath,
        ["--import", join(here, "rss-hook.mjs"), BIN, ...args],
        { ...process.env, BUNRI_BENCH_RSS_FILE: measureFile },
      ];
  const started = performance.now();
  const r = spawnSync(cmd, cmdArgs, { encoding: "utf8", maxBuffer: 1024 * 2 ** 20, env: { ...env, NO_COLOR: "1" } });
  const ms = performance.now() - started;
  let rssKiB = Number.NaN;
  if (existsSync(measureFile)) {
    const text = readFileSync(measureFile, "utf8");
    rssKiB = GNU_TIME ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]) : Number(text);
  }
  return { ms: Math.round(ms), code: r.status, rssMiB: Math.round(rssKiB / 1024), stdout: r.stdout, stderr: r.stderr };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
};

/** The benchmark itself went wrong (not a missed target): reported, temp files removed, exit 2. */
function fail(message) {
  throw new Error(message);
}

// ---- the runs -----------------------------------------------------------------------------
const dir = keep ? resolve(keep) : mkdtempSync(join(os.tmpdir(), "bunri-bench-"));
mkdirSync(dir, { recursive: true });
const loadBefore = os.loadavg()[0];
const results = [];
const reach = [];
try {
  for (const n of sizes) {
    const file = join(dir, `bench-city-${n}.yaml`);
    const t0 = performance.now();
    const { text, stats, samples } = generate(n, { seed });
    writeFileSync(file, text);
    log(`[${n}] generated ${file} (${(stats.bytes / 1024).toFixed(0)} KiB) in ${Math.round(performance.now() - t0)} ms`);

    // phases through the library, fresh process per run
    const libRuns = [];
    for (let i = 0; i < repeat; i++) {
      const child = spawnSync(process.execPath, [join(here, "child.mjs"), file, TODAY], { encoding: "utf8" });
      const last = child.stdout.trim().split("\n").pop() ?? "";
      let m;
      try {
        m = JSON.parse(last);
      } catch {
        fail(`the library run on ${n} nodes failed:\n${child.stderr}`);
      }
      if (m.error) fail(`the generated design of ${n} nodes does not check cleanly: ${JSON.stringify(m.error)}`);
      libRuns.push(m);
    }
    const lib = libRuns[libRuns.findIndex((m) => m.totalMs === median(libRuns.map((x) => x.totalMs)))];
    log(`[${n}] library: load ${lib.loadMs} ms, analysis+rules ${lib.analyseMs} ms`);

    // end to end, as a user runs it
    const cliRuns = [];
    for (let i = 0; i < repeat; i++) {
      const r = runBunri(["check", file, "--format", "json", "--today", TODAY], dir);
      if (r.code !== 0 && r.code !== 1) fail(`bunri check on ${n} nodes exited ${r.code}:\n${r.stderr.slice(0, 2000)}`);
      cliRuns.push(r);
    }
    const report = JSON.parse(cliRuns[0].stdout);
    const cliMs = median(cliRuns.map((r) => r.ms));
    const cliRssMiB = Math.max(...cliRuns.map((r) => r.rssMiB));
    log(`[${n}] bunri check: ${cliMs} ms, peak RSS ${cliRssMiB} MiB, exit ${cliRuns[0].code}`);

    const pass = cliMs < TARGET.ms && cliRssMiB < TARGET.rssMiB;
    results.push({
      size: n,
      nodes: lib.nodes,
      hosts: lib.hosts,
      zones: lib.zones,
      firewalls: lib.firewalls,
      rules: lib.rules,
      flows: lib.flows,
      fileKiB: Math.round(stats.bytes / 1024),
      srcClasses: lib.srcClasses,
      dstClasses: lib.dstClasses,
      atoms: lib.atoms,
      loadMs: lib.loadMs,
      analyseMs: lib.analyseMs,
      totalMs: lib.totalMs,
      libRssMiB: lib.maxRssMiB,
      cliMs,
      cliRssMiB,
      cliExit: cliRuns[0].code,
      findings: report.files[0].findings.length,
      summary: report.summary,
      target: pass ? "PASS" : "FAIL",
      decides: n === TARGET.nodes,
    });

    if (n === TARGET.nodes) {
      const queries = [
        { name: "host to host, reaches", args: ["--from", samples.pc, "--to", samples.fileServer, "--service", "smb"] },
        { name: "host to host, blocked", args: ["--from", "citizen", "--to", samples.kikanDb] },
        { name: "zone to zone (every pair)", args: ["--from", samples.deptZone, "--to", "lgwan-srv"] },
      ];
      for (const q of queries) {
        const runs = [];
        for (let i = 0; i < repeat; i++) {
          const r = runBunri(["reach", file, ...q.args], dir);
          if (r.code !== 0 && r.code !== 1) fail(`bunri reach ${q.args.join(" ")} exited ${r.code}:\n${r.stderr.slice(0, 2000)}`);
          runs.push(r);
        }
        const row = {
          size: n,
          query: q.name,
          args: q.args.join(" "),
          exit: runs[0].code,
          ms: median(runs.map((r) => r.ms)),
          rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
          outputLines: runs[0].stdout.split("\n").length - 1,
        };
        reach.push(row);
        log(`[${n}] bunri reach ${row.args}: ${row.ms} ms, exit ${row.exit}`);
      }
    }
  }
} catch (e) {
  log(`bench: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 2;
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
if (process.exitCode === 2) process.exit(2);

// ---- report -------------------------------------------------------------------------------
const machine = {
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  loadAverageAtStart: Number(loadBefore.toFixed(2)),
  rssMethod: RSS_METHOD,
};
const targetRow = results.find((r) => r.decides);
const failed = targetRow?.target === "FAIL";

if (json) {
  console.log(
    JSON.stringify(
      { tool: "bunri-bench", date: new Date().toISOString(), seed, repeat, machine, target: TARGET, results, reach },
      null,
      2,
    ),
  );
} else {
  const table = (cols, rows) => {
    const width = cols.map(([h, k]) => Math.max(h.length, ...rows.map((r) => String(r[k] ?? "").length)));
    const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join("  ");
    console.log(line(cols.map(([h]) => h)));
    console.log(line(width.map((w) => "-".repeat(w))));
    for (const r of rows) console.log(line(cols.map(([, k]) => String(r[k] ?? ""))));
  };
  console.log(
    `bunri benchmark — node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, load average ${machine.loadAverageAtStart} at start`,
  );
  console.log(
    `target: ${TARGET.nodes.toLocaleString("en")} nodes checked end to end in < ${TARGET.ms / 1000} s and < ${TARGET.rssMiB} MiB peak RSS; ` +
      `times are medians of ${repeat} run(s); peak RSS by ${RSS_METHOD}\n`,
  );
  table(
    [
      ["nodes", "nodes"],
      ["hosts", "hosts"],
      ["fw rules", "rules"],
      ["flows", "flows"],
      ["file KiB", "fileKiB"],
      ["load ms", "loadMs"],
      ["analysis+rules ms", "analyseMs"],
      ["total ms", "totalMs"],
      ["CLI e2e ms", "cliMs"],
      ["peak RSS MiB", "cliRssMiB"],
      ["findings", "findings"],
      ["target", "targetLabel"],
    ],
    results.map((r) => ({ ...r, targetLabel: r.decides ? `${r.target} *` : r.target })),
  );
  console.log(
    "\nload, analysis+rules, total: in-process, library API; CLI e2e: `bunri check FILE --format json`, process start to exit;\n" +
      "peak RSS: of that CLI process. * decides the exit status.",
  );
  if (reach.length > 0) {
    console.log("");
    table(
      [
        ["bunri reach (" + reach[0].size + " nodes)", "query"],
        ["arguments", "args"],
        ["exit", "exit"],
        ["ms", "ms"],
        ["peak RSS MiB", "rssMiB"],
        ["output lines", "outputLines"],
      ],
      reach,
    );
  }
  if (!targetRow) console.log(`\n(no ${TARGET.nodes}-node run: the target was not checked)`);
  else console.log(`\n${TARGET.nodes} nodes: ${targetRow.target}`);
}
process.exit(failed ? 1 : 0);
