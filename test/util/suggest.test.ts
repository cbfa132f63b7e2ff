/** "Did you mean": the bounded edit distance answers as the plain one did, and long words cost little. */
import leven from "leven";
import { describe, expect, it } from "vitest";
import { loadTopologyText } from "../../src/load/index.js";
import { didYouMean, MAX_SUGGEST_LENGTH } from "../../src/util/suggest.js";

/** The reading before the bound: the first candidate at the smallest distance, if within max(2, len/3). */
function naive(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = leven(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 2 ** 32;
  };
}

describe("didYouMean", () => {
  it("suggests the nearest name, the first of equally near ones, and nothing far", () => {
    expect(didYouMean("web-sever", ["web-server", "db-server"])).toBe("web-server");
    expect(didYouMean("Internet", ["intranet", "internet"])).toBe("internet");
    expect(didYouMean("ab", ["ax", "ay"])).toBe("ax");
    expect(didYouMean("mail", ["x-ray-machine"])).toBeUndefined();
    expect(didYouMean("dmz", [])).toBeUndefined();
  });

  it("answers as the unbounded distance does, on random words and candidates", () => {
    const rand = rng(7);
    const alphabet = "abcdeXY-";
    const word = () =>
      Array.from({ length: 1 + Math.floor(rand() * 14) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
    for (let i = 0; i < 2000; i++) {
      const w = word();
      const candidates = Array.from({ length: Math.floor(rand() * 12) }, word);
      expect(didYouMean(w, candidates), `${w} among ${candidates.join(",")}`).toBe(naive(w, candidates));
    }
  });

  it("takes a few milliseconds for a 60,000-character word among thousands of names", () => {
    const names = Array.from({ length: 5000 }, (_, i) => `pc-${String(i).padStart(5, "0")}`);
    const long = `pc-${"x".repeat(60000)}`;
    const started = performance.now();
    expect(didYouMean(long, names)).toBeUndefined();
    // two near-identical strings too long to be ids: not compared at all
    expect(didYouMean(`${long}y`, [long])).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
    expect(didYouMean("a".repeat(MAX_SUGGEST_LENGTH - 1), ["a".repeat(MAX_SUGGEST_LENGTH)])).toBe("a".repeat(MAX_SUGGEST_LENGTH));
  });

  it("the loader reports an unknown 60,000-character reference, at its place, without a suggestion", () => {
    const ref = `web${"q".repeat(60000)}`;
    const text = `bunri: 1
name: t
zones:
  internet: { kind: internet }
  dmz: { kind: internet-connected }
nodes:
  fw:
    kind: firewall
    zones: [internet, dmz]
    rules:
      - { allow: { from: internet, to: ${ref}, service: https } }
  web: { kind: web-server, zone: dmz }
`;
    const r = loadTopologyText(text, "t.yaml", { lang: "en" });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: "unknown-reference", line: 11, column: 40 });
    expect(r.errors[0]?.hint).toBeUndefined();
  });
});
