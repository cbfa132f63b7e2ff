/**
 * The built-in packs saved at build time (scripts/builtin-packs.mjs → dist/src/rules/builtin-packs.json):
 * read back, they are exactly what parsing policies/*.yaml gives (same values, same key order,
 * null-prototype maps as the YAML reader makes them, same rule positions), and they are not used
 * once a pack file's text differs from the one they were made from.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinPacks, loadSavedPacks, saveBuiltinPacks } from "../../src/rules/policy.js";

const ROOT = join(import.meta.dirname, "../..");
const DIST_SAVED = join(ROOT, "dist", "src", "rules", "builtin-packs.json");

function packFiles() {
  const dir = join(ROOT, "policies");
  return readdirSync(dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()
    .map((name) => ({ name, file: resolve(dir, name), text: readFileSync(join(dir, name), "utf8") }));
}

/** The first place where `a` and `b` differ in value, key order, prototype or type; undefined when none. */
function difference(a: unknown, b: unknown, at = "$"): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return `${at}: ${String(a)} ≠ ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototypes differ`;
  if (a instanceof Map && b instanceof Map) return difference([...a], [...b], `${at}<map>`);
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b as object);
  if (ka.join("\u0000") !== kb.join("\u0000")) return `${at}: keys [${ka.join(", ")}] ≠ [${kb.join(", ")}]`;
  for (const k of ka) {
    const d = difference((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k], `${at}.${String(k)}`);
    if (d) return d;
  }
  return undefined;
}

describe("built-in packs saved at build time", () => {
  // under vitest the sources run, with no saved file beside src/rules/policy.ts: the YAML is parsed
  const parsed = builtinPacks();

  it("read back, are exactly the packs parsed from policies/*.yaml", () => {
    const saved = loadSavedPacks(saveBuiltinPacks(), packFiles());
    expect(saved).toBeDefined();
    expect([...(saved as Map<string, unknown>).keys()]).toEqual(["baseline", "lgwan-asp", "three-tier", "waivers"]);
    expect(difference(saved, parsed)).toBeUndefined();
    // the rules keep where they are written, in the file they are written in
    const rule = parsed.get("three-tier")?.rules[0];
    expect(rule?.loc?.file).toBe(resolve(ROOT, "policies", "three-tier.yaml"));
    expect(rule?.loc?.line).toBeGreaterThan(1);
  });

  it("are not used when a pack file's text is not the one they were made from", () => {
    const text = saveBuiltinPacks();
    const files = packFiles();
    const edited = files.map((f, i) => (i === 0 ? { ...f, text: `${f.text}# edited\n` } : f));
    expect(loadSavedPacks(text, edited)).toBeUndefined();
    expect(loadSavedPacks(text, files.slice(1))).toBeUndefined();
    expect(loadSavedPacks(text, [...files, { name: "zz.yaml", file: "/x/zz.yaml", text: "" }])).toBeUndefined();
    expect(loadSavedPacks("{ not json", files)).toBeUndefined();
    expect(loadSavedPacks("null", files)).toBeUndefined();
  });

  it.skipIf(!existsSync(DIST_SAVED))("the build's saved packs are those of the current policies/", () => {
    expect(readFileSync(DIST_SAVED, "utf8")).toBe(saveBuiltinPacks());
  });
});
