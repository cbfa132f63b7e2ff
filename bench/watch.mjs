// The explorer's `--watch` re-check, timed in its own process (run by bench/scale.mjs, row
// watch-recheck; also by itself: `node bench/watch.mjs [--saves N]`, after `npm run build`).
//
// It does what `bunri tui --watch` does, with the explorer's own code (dist/cli/explorer/run.js):
// the typical design is checked (and checked again a few times, as a session that has been open a
// while), its directory is watched by `watchFiles`, and each change runs `checkForExplorer`. Then
// the design is saved N times as vim saves it (a new file renamed over it), alternating between
// the design as written and the design with one more finding, and for each save it measures the
// time from the save to the re-checked result (debounce, file-watch latency and re-check), and
// that the result is the new design's. Prints one JSON object on stdout.
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const saves = argv.includes("--saves") ? Number(argv[argv.indexOf("--saves") + 1]) : 10;
const { checkForExplorer, watchFiles, WATCH_DEBOUNCE_MS } = await import(
  pathToFileURL(join(root, "dist", "cli", "explorer", "run.js")).href
);

const dir = mkdtempSync(join(os.tmpdir(), "bunri-watch-"));
const file = join(dir, "design.yaml");
copyFileSync(join(root, "topologies", "takatsuki-card-reservation.yaml"), file);
const clean = readFileSync(file, "utf8");
// one more high finding: the LGWAN-side web server holds the reservation data
const anchor = "    title: LGWAN側 Web サーバ (管理画面)\n";
const withData = clean.replace(anchor, `${anchor}    holds: [yoyaku]\n`);
if (withData === clean) throw new Error("bench/watch: the typical design no longer has the line this benchmark edits");

const options = { lang: "en", cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: "1795000000" } };
const highs = (checked) => checked.views[0].findings.filter((f) => f.severity === "high").length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

try {
  const expected = { clean: highs(await checkForExplorer([file], options)), withData: 0 };
  // a session open for a while: the code is warm
  const recheck = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await checkForExplorer([file], options);
    recheck.push(performance.now() - t);
  }
  let pending;
  const stop = watchFiles([file], () => {
    const t = performance.now();
    checkForExplorer([file], options).then((checked) => {
      recheck.push(performance.now() - t);
      pending?.(checked);
    });
  });
  const latency = [];
  try {
    for (let i = 0; i < saves; i++) {
      await sleep(300); // quiet between saves, so that each is its own re-check
      const text = i % 2 === 0 ? withData : clean;
      const seen = new Promise((resolve) => {
        pending = resolve;
      });
      const tmp = join(dir, `.design.yaml.${i}`);
      writeFileSync(tmp, text);
      const saved = performance.now();
      renameSync(tmp, file);
      let timer;
      const checked = await Promise.race([
        seen,
        new Promise((resolve) => {
          timer = setTimeout(resolve, 10_000);
        }),
      ]);
      clearTimeout(timer);
      if (!checked) throw new Error(`bench/watch: save ${i + 1} was not re-checked within 10 s`);
      latency.push(performance.now() - saved);
      const highNow = highs(checked);
      if (i === 0) expected.withData = highNow;
      if (highNow !== (i % 2 === 0 ? expected.withData : expected.clean) || expected.withData !== expected.clean + 1)
        throw new Error(`bench/watch: save ${i + 1}: the re-check did not see the saved design (${highNow} high findings)`);
    }
  } finally {
    stop();
  }
  const round = (x) => Math.round(x * 10) / 10;
  console.log(
    JSON.stringify({
      saves,
      debounceMs: WATCH_DEBOUNCE_MS,
      medianMs: round(median(latency)),
      maxMs: round(Math.max(...latency)),
      minMs: round(Math.min(...latency)),
      recheckMedianMs: round(median(recheck.slice(5))),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
