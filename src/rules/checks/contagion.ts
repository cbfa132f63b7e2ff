/**
 * `no-contagion`: no target host has a contagion distance of `min-distance` or more. Subjects:
 * the target, then the internet hosts it is got from; evidence: the shortest contagion path.
 */
import { selectHosts } from "../select.js";
import type { CheckContext, CheckSpec, RawFinding, Selector } from "../types.js";

export function noContagion(spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design, analysis } = ctx;
  const min = typeof spec["min-distance"] === "number" ? spec["min-distance"] : 1;
  const targets = selectHosts(design, spec.targets as Selector);
  if (targets.length === 0) return [];
  const contagion = analysis.contagion();
  const out: RawFinding[] = [];
  for (const t of targets) {
    const d = contagion.distance(t);
    if (d < min || d < 1) continue;
    const path = contagion.path(t);
    if (!path) continue;
    const sources = contagion.sources(t);
    out.push({
      subjects: [t.id, ...sources.map((s) => s.id)],
      params: { target: t.id, source: path.source, count: sources.length, distance: d },
      evidence: {
        sources: sources.length,
        contagion: {
          source: path.source,
          distance: d,
          steps: path.steps.map((s) => ({
            mode: s.mode,
            from: s.from,
            to: s.to,
            service: s.chain.service,
            path: s.chain.path,
          })),
        },
      },
    });
  }
  return out;
}
