/** "Did you mean": the nearest candidate by edit distance, when it is near enough to be a typo. */
import leven from "leven";

/**
 * Words and candidates longer than this (UTF-16 code units) are not compared: no id is longer
 * than 128 characters (256 code units), so a longer string is no typo of a name, and comparing
 * two such strings would cost their product.
 */
export const MAX_SUGGEST_LENGTH = 512;

/**
 * The candidate nearest to `word` (case-insensitive), if its edit distance is at most
 * max(2, ⌊length/3⌋); among equally near ones, the first. The distance is bounded: a candidate
 * whose length alone differs by more than the threshold (or than the best distance so far) is
 * skipped, and the others are compared only up to that bound.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const threshold = Math.max(2, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  if (w.length > MAX_SUGGEST_LENGTH) return undefined;
  let best: string | undefined;
  // only a candidate nearer than `limit + 1` can still win (ties keep the first)
  let limit = threshold;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc.length > MAX_SUGGEST_LENGTH || Math.abs(lc.length - w.length) > limit) continue;
    // with maxDistance, leven answers maxDistance itself for anything at least that far
    const d = leven(w, lc, { maxDistance: limit + 1 });
    if (d <= limit) {
      best = c;
      if (d === 0) break;
      limit = d - 1;
    }
  }
  return best;
}
