/**
 * Closed networks (LGWAN-side PCs have no internet): the packed tarball carries its dependencies
 * (bundleDependencies), so `npm install --offline` of the file alone, with an empty cache, gives a
 * working `bunri`. Done as the README says: pack, carry the .tgz over, install, check a design.
 * Slow (npm unpacks some thousand files); skipped only where npm itself is absent.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";

const npmFound = spawnSync("npm", ["--version"], { encoding: "utf8" }).status === 0;

/** The environment of a fresh shell: none of the npm_config_* that `npm test` hands its children. */
function cleanEnv(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  return { ...env, npm_config_cache: cache, npm_config_audit: "false", npm_config_fund: "false", NO_COLOR: "1", LANG: "C" };
}

describe.skipIf(!npmFound)("installing in a closed network", () => {
  it("npm pack, then npm install --offline of the tarball into an empty directory with an empty cache, then bunri check", () => {
    const work = mkdtempSync(join(tmpdir(), "bunri-offline-"));
    const cache = mkdtempSync(join(tmpdir(), "bunri-offline-cache-")); // nothing cached
    const env = cleanEnv(cache);
    const pack = spawnSync("npm", ["pack", "--pack-destination", work], { cwd: ROOT, env, encoding: "utf8" });
    expect(pack.status, pack.stderr).toBe(0);
    const tgz = readdirSync(work).find((f) => f.endsWith(".tgz")) as string;
    expect(tgz).toMatch(/^bunri-\d+\.\d+\.\d+\.tgz$/);

    const site = mkdtempSync(join(tmpdir(), "bunri-lgwan-pc-"));
    writeFileSync(join(site, "package.json"), '{ "name": "city-designs", "private": true }\n');
    const install = spawnSync("npm", ["install", "--offline", join(work, tgz)], { cwd: site, env, encoding: "utf8" });
    expect(install.status, install.stdout + install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/install-scripts|ENOTCACHED/);

    const design = join(site, "city.yaml");
    writeFileSync(design, readFileSync(join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml"), "utf8"));
    const run = spawnSync(join(site, "node_modules/.bin/bunri"), ["check", "city.yaml", "--lang", "ja"], {
      cwd: site,
      env,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("PASS: 重大 0");
  }, 900_000);
});
