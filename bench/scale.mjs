// The scale benchmark (`npm run bench:scale`, after `npm run build`): the shapes of issue 9, each
// checked end to end as a user runs it (`bunri check FILE --format json`), with wall time and peak
// RSS, judged PASS/FAIL against the targets:
//   - many organisations (bench/generate-orgs.mjs): a prefecture (179 municipalities) < 1 s, the
//     whole country (1,741) < 5 s and < 1 GiB, its cascade variant likewise; growth 200 → 800
//     at most like n log n (time ratio ≤ 5.5), with the fitted exponent printed;
//   - long chains: 2,000 zones joined by routers, 300 firewalls in a chain (< 10 s, < 1 GiB);
//   - start-up: a typical design against a bare `node -e ''` (≤ 3×);
//   - the explorer's `--watch` re-check of a typical design: < 200 ms from the save to the result
//     (bench/watch.mjs, in-process, the median of ten saves).
// Options: --only NAME[,NAME] (the row names below), --json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateOrgs } from "./generate-orgs.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const BIN = join(root, "dist", "cli", "bunri.js");
const argv = process.argv.slice(2);
const only = argv.includes("--only") ? argv[argv.indexOf("--only") + 1].split(",") : undefined;
const json = argv.includes("--json");
const log = (s) => process.stderr.write(`${s}\n`);
if (!existsSync(BIN)) {
  log("bench: dist/ is missing; run `npm run build` first.");
  process.exit(2);
}
const GNU_TIME = existsSync("/usr/bin/time");
const dir = mkdtempSync(join(os.tmpdir(), "bunri-scale-"));

function run(cmd, args) {
  const out = join(dir, "time.txt");
  const started = performance.now();
  const r = GNU_TIME
    ? spawnSync("/usr/bin/time", ["-v", "-o", out, cmd, ...args], {
        encoding: "utf8",
        maxBuffer: 2 ** 30,
        env: { ...process.env, NO_COLOR: "1" },
      })
    : spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 2 ** 30 });
  const ms = performance.now() - started;
  const rss = GNU_TIME
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(out, "utf8"))?.[1]) / 1024
    : Number.NaN;
  return { ms: Math.round(ms), rssMiB: Math.round(rss), code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function check(file) {
  const r = run(process.execPath, [BIN, "check", file, "--format", "json", "--fail-on", "none", "--today", "2026-11-23"]);
  if (r.code !== 0) throw new Error(`bunri check ${file} exited ${r.code}: ${r.stderr.slice(0, 500)}`);
  const findings = JSON.parse(r.stdout).files.reduce((n, f) => n + f.findings.length, 0);
  return { ...r, findings };
}

function chain(zones, firewalls) {
  const w = ["bunri: 1", `name: chain-${zones}-${firewalls}`, "zones:", "  internet: { kind: internet }"];
  for (let i = 1; i < zones; i++) w.push(`  z${i}: { kind: ${i === zones - 1 ? "db" : "internal"} }`);
  w.push("nodes:");
  for (let i = 1; i < zones; i++) {
    const a = i === 1 ? "internet" : `z${i - 1}`;
    if (i <= firewalls)
      w.push(
        `  fw${i}: { kind: firewall, zones: [${a}, z${i}], rules: [{ allow: { from: any, to: z${zones - 1}, service: https } }, { allow: { from: z${i}, to: any, service: dns } }] }`,
      );
    else w.push(`  r${i}: { kind: router, zones: [${a}, z${i}] }`);
  }
  w.push(`  db: { kind: db-server, zone: z${zones - 1}, services: [https] }`);
  return `${w.join("\n")}\n`;
}

const rows = [];
const want = (name) => !only || only.includes(name);
const write = (name, text) => {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
};
try {
  for (const [name, n, cascade, limitMs] of [
    ["orgs-200", 200, false, undefined],
    ["orgs-800", 800, false, undefined],
    ["prefecture-179", 179, false, 1000],
    ["national-1741", 1741, false, 5000],
    ["national-1741-cascade", 1741, true, 5000],
  ]) {
    if (!want(name)) continue;
    const file = write(name, generateOrgs(n, { cascade }).text);
    const r = check(file);
    log(`${name}: ${r.ms} ms, ${r.rssMiB} MiB, ${r.findings} findings`);
    rows.push({
      name,
      ms: r.ms,
      rssMiB: r.rssMiB,
      findings: r.findings,
      target: limitMs ? `< ${limitMs} ms, < 1024 MiB` : "growth",
      pass: limitMs ? r.ms < limitMs && r.rssMiB < 1024 : undefined,
    });
  }
  for (const [name, zones, firewalls] of [
    ["chain-2000-routers", 2000, 0],
    ["chain-300-firewalls", 301, 300],
  ]) {
    if (!want(name)) continue;
    const r = check(write(name, chain(zones, firewalls)));
    log(`${name}: ${r.ms} ms, ${r.rssMiB} MiB`);
    rows.push({
      name,
      ms: r.ms,
      rssMiB: r.rssMiB,
      findings: r.findings,
      target: "< 10000 ms, < 1024 MiB",
      pass: r.ms < 10000 && r.rssMiB < 1024,
    });
  }
  if (want("startup")) {
    const typical = join(root, "topologies", "takatsuki-card-reservation.yaml");
    const bare = Math.min(...[0, 1, 2].map(() => run(process.execPath, ["-e", ""]).ms));
    const mine = Math.min(
      ...[0, 1, 2].map(() => run(process.execPath, [BIN, "check", typical, "--format", "json", "--fail-on", "none"]).ms),
    );
    log(`startup: bunri ${mine} ms, node -e '' ${bare} ms`);
    rows.push({
      name: "startup",
      ms: mine,
      bareMs: bare,
      ratio: Number((mine / bare).toFixed(2)),
      target: "≤ 3 × node -e ''",
      pass: mine <= 3 * bare,
    });
  }
  if (want("watch-recheck")) {
    // the explorer's --watch, in its own process: from each save to the re-checked result
    const r = spawnSync(process.execPath, [join(here, "watch.mjs")], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`bench/watch.mjs exited ${r.status}: ${r.stderr.slice(0, 500)}`);
    const w = JSON.parse(r.stdout);
    log(
      `watch-recheck: save to result ${w.medianMs} ms (median of ${w.saves} saves; ${w.minMs} to ${w.maxMs}), of which debounce ${w.debounceMs} ms, re-check ${w.recheckMedianMs} ms`,
    );
    rows.push({
      name: "watch-recheck",
      ms: Math.round(w.medianMs),
      maxMs: Math.round(w.maxMs),
      recheckMs: Math.round(w.recheckMedianMs),
      debounceMs: w.debounceMs,
      target: "< 200 ms from save to result (median)",
      pass: w.medianMs < 200,
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const a = rows.find((r) => r.name === "orgs-200");
const b = rows.find((r) => r.name === "orgs-800");
let growth;
if (a && b) {
  const ratio = b.ms / a.ms;
  growth = { ratio: Number(ratio.toFixed(2)), exponent: Number((Math.log(ratio) / Math.log(4)).toFixed(2)), pass: ratio <= 5.5 };
}
if (json) console.log(JSON.stringify({ rows, growth }, null, 2));
else {
  for (const r of rows)
    console.log(
      `${r.name.padEnd(24)} ${String(r.ms).padStart(7)} ms ${String(r.rssMiB ?? "").padStart(6)} MiB  ${String(r.findings ?? "").padStart(6)} findings  ${r.target}  ${r.pass === undefined ? "" : r.pass ? "PASS" : "FAIL"}`,
    );
  if (growth)
    console.log(
      `growth 200 → 800 municipalities: time ×${growth.ratio}, fitted exponent ${growth.exponent} (target ratio ≤ 5.5): ${growth.pass ? "PASS" : "FAIL"}`,
    );
}
process.exit(rows.some((r) => r.pass === false) || growth?.pass === false ? 1 : 0);
