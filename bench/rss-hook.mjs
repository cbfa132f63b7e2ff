// Preloaded into a measured `bunri` process when /usr/bin/time is not available
// (`node --import ./bench/rss-hook.mjs dist/cli/bunri.js …`): on exit, writes the process's peak
// resident set size in KiB to the file named by BUNRI_BENCH_RSS_FILE.
import { writeFileSync } from "node:fs";

const out = process.env.BUNRI_BENCH_RSS_FILE;
if (out) process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
