/** `bunri init`: every template writes a design that passes the check, named after the file. */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bunri } from "../helpers/cli.js";

describe("bunri init", () => {
  it.each(["alpha", "alpha-prime", "beta", "beta-prime", "lgwan-asp"])("--template %s passes the check", (template) => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-init-"));
    const w = bunri(["init", "--template", template, "Town Net.yaml"], dir);
    expect(w.code).toBe(0);
    expect(w.err).toContain(`wrote Town Net.yaml from the ${template} template`);
    const text = readFileSync(join(dir, "Town Net.yaml"), "utf8");
    expect(text).toMatch(/^name: town-net$/m);
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schema\/topology\.schema\.json$/m);
    const c = bunri(["check", "Town Net.yaml", "--fail-on", "info"], dir);
    expect(c.out).toContain("PASS: critical 0, high 0, medium 0, low 0, info 0");
    expect(c.code).toBe(0);
  });

  it("prints to standard output without a file, and never overwrites without --force", () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-init-"));
    const out = bunri(["init"], dir);
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/^bunri: 1$/m);
    bunri(["init", "a.yaml"], dir);
    const again = bunri(["init", "a.yaml"], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain("a.yaml exists already");
    expect(bunri(["init", "--force", "--template", "beta", "a.yaml"], dir).code).toBe(0);
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toContain("βモデル");
    const bad = bunri(["init", "--template", "gamma", "b.yaml"], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown template "gamma"');
    expect(existsSync(join(dir, "b.yaml"))).toBe(false);
  });
});
