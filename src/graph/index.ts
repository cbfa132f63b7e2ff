/**
 * Diagrams of designs: the neutral model (`designGraph`), Mermaid and DOT (`toMermaid`, `toDot`),
 * and the SVG (`toSvg` in ./svg.js, which loads elkjs; import it only when drawing one).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { CheckedDesign } from "../check.js";
import { joinList, t } from "../i18n/index.js";
import type { Design } from "../model/design.js";
import type { Lang } from "../model/types.js";
import type { ReportDiagram } from "../report/types.js";
import { compareCodePoints } from "../util/compare.js";
import { zoneLines } from "./labels.js";
import { designGraph, findingPaths, type GraphModel, homeZone } from "./model.js";

export {
  type DesignGraphOptions,
  designGraph,
  findingPaths,
  type GraphDatum,
  type GraphLink,
  type GraphModel,
  type GraphNode,
  type GraphZone,
} from "./model.js";
export { type TextGraphOptions, toDot, toMermaid } from "./text.js";

/**
 * What is drawn node by node: beyond these the layout takes too long (120 zones took a minute,
 * 200 overflowed elkjs's stack) and the diagram could not be read anyway.
 */
export const DETAIL_LIMITS = { zones: 30, nodes: 120 } as const;
/** The most zones a zone-level overview draws. */
export const OVERVIEW_ZONES = 24;

/** Left to right in the tiers: the internet first, the My Number tier last (for the order of an overview). */
const TIER_ORDER: Readonly<Record<string, number>> = { "internet-side": 0, "lgwan-side": 1, "mynumber-side": 2 };

/** Ids in the order a reader counts: `dept-2` before `dept-10`. */
function byNumber(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true }) || compareCodePoints(a, b);
}

/** The zones the overview keeps: all of them when they are at most `max`, else those on the offending paths, in tier order, at most `max`. */
function overviewZones(model: GraphModel, max: number): Set<string> {
  const rank = (z: GraphModel["zones"][number]) => (z.highlighted ? 0 : 10) + (TIER_ORDER[z.tier ?? ""] ?? 3);
  // every zone when they all fit; else those on the offending paths
  const hot = model.zones.filter((z) => z.highlighted);
  const pool = hot.length > 0 && model.zones.length > max ? hot : model.zones;
  return new Set(
    [...pool]
      .sort((a, b) => rank(a) - rank(b) || byNumber(a.id, b.id))
      .slice(0, max)
      .map((z) => z.id),
  );
}

/**
 * A zone-level overview of `model`: the zones in `keep`, each with how many machines it holds and
 * the zones a device joins it to (SVGs of at most a printed page each, see `overviewSvgs`).
 */
async function overviewSvg(model: GraphModel, keep: ReadonlySet<string>, lang: Lang): Promise<string> {
  const { overviewSvgs } = await import("./svg.js");
  const hosts = new Map<string, number>();
  /** zone → device → the other zones it joins the zone to */
  const joined = new Map<string, Map<string, string[]>>();
  for (const n of model.nodes) {
    const home = homeZone(n);
    if (home !== undefined) hosts.set(home, (hosts.get(home) ?? 0) + 1);
    if (n.zones.length < 2) continue;
    for (const z of n.zones) {
      if (!keep.has(z)) continue;
      const by = joined.get(z) ?? new Map<string, string[]>();
      by.set(
        n.id,
        n.zones.filter((other) => other !== z),
      );
      joined.set(z, by);
    }
  }
  const KIND_ORDER = ["internet", "partner", "security-cloud", "transit", "dmz", "asp-internet", "internet-connected"];
  const kindOf = new Map(model.zones.map((z) => [z.id, z.kind as string]));
  const kindRank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  const zones = model.zones
    .filter((z) => keep.has(z.id))
    .sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || byNumber(a.id, b.id))
    .map((zone) => {
      const notes = [t(lang, "graph.overview.machines", { n: hosts.get(zone.id) ?? 0 })];
      // what joins it to other zones: each device (two at most) with the zones' ids (four at most)
      const by = [...(joined.get(zone.id) ?? new Map<string, string[]>()).entries()].sort(([a], [b]) => byNumber(a, b));
      for (const [device, others] of by.slice(0, 2)) {
        // the zones nearest the internet first: where the traffic comes from
        const sorted = [...others].sort(
          (a, b) => kindRank(kindOf.get(a) ?? "") - kindRank(kindOf.get(b) ?? "") || byNumber(a, b),
        );
        notes.push(
          t(lang, "graph.overview.via", {
            via: device,
            zones: sorted.slice(0, 4).join(", "),
            more: sorted.length > 4 ? t(lang, "graph.overview.more", { n: sorted.length - 4 }) : "",
          }),
        );
      }
      if (by.length > 2) notes.push(t(lang, "graph.overview.more-devices", { n: by.length - 2 }));
      return { zone, notes };
    });
  return overviewSvgs(zones, { lang, title: model.title ?? model.name }).join("");
}

/** The note under a diagram that leaves something out: what was drawn, and what was not. */
function omittedNote(model: GraphModel, keep: ReadonlySet<string>, lang: Lang, reason: "size" | "print"): string {
  const left = model.zones.filter((z) => !keep.has(z.id)).sort((a, b) => byNumber(a.id, b.id));
  const names = left.slice(0, 8).map((z) => zoneLines(z, lang).head);
  const list =
    left.length === 0
      ? ""
      : t(lang, "graph.overview.left-out", {
          zones: joinList(lang, names),
          more: left.length > names.length ? t(lang, "graph.overview.more", { n: left.length - names.length }) : "",
        });
  const hot = model.zones.some((z) => z.highlighted && keep.has(z.id));
  return [
    t(lang, reason === "size" ? "graph.overview.too-large" : "graph.overview.too-wide", {
      zones: model.zones.length,
      nodes: model.nodes.length,
    }),
    t(lang, left.length === 0 ? "graph.overview.shows-all" : hot ? "graph.overview.shows-hot" : "graph.overview.shows", {
      n: keep.size,
    }),
    list,
    t(lang, "graph.overview.paths"),
  ]
    .filter(Boolean)
    .join(lang === "ja" ? "" : " ");
}

/**
 * The diagram of one design for the HTML report, with the paths of its counted findings in red.
 * A design small enough is drawn node by node; when that drawing is too wide or too tall to print
 * with its labels at 8 pt, the printout gets a zone-level overview instead. A design too large to
 * draw node by node gets the overview of the zones on the offending paths, on screen and on paper,
 * with a note of what was left out. The layout never takes the report down: should it fail, the
 * overview (or no diagram, with a note) is drawn instead.
 */
export async function diagramOf(design: Design, checked: CheckedDesign, lang: Lang): Promise<ReportDiagram> {
  const { toSvg, DIAGRAM_PRINT_WIDTH, DIAGRAM_PRINT_HEIGHT } = await import("./svg.js");
  const model = designGraph(design, { highlight: findingPaths(checked.result.findings) });
  const small = model.zones.length <= DETAIL_LIMITS.zones && model.nodes.length <= DETAIL_LIMITS.nodes;
  if (small) {
    try {
      const svg = await toSvg(model, { standalone: false, lang });
      const [w, h] = (svg.match(/viewBox="0 0 (\d+) (\d+)"/)?.slice(1) ?? ["0", "0"]).map(Number) as [number, number];
      if (w <= DIAGRAM_PRINT_WIDTH && h <= DIAGRAM_PRINT_HEIGHT) return { svg };
      const keep = overviewZones(model, OVERVIEW_ZONES);
      return { svg, print: await overviewSvg(model, keep, lang), printNote: omittedNote(model, keep, lang, "print") };
    } catch {
      // fall through to the overview
    }
  }
  const keep = overviewZones(model, OVERVIEW_ZONES);
  try {
    return { svg: await overviewSvg(model, keep, lang), note: omittedNote(model, keep, lang, "size") };
  } catch {
    return { note: t(lang, "graph.overview.failed", { zones: model.zones.length, nodes: model.nodes.length }) };
  }
}

/** The diagram of each checked design, by file (see `diagramOf`). */
export async function diagramsOf(
  checked: readonly CheckedDesign[],
  options: { lang?: Lang } = {},
): Promise<Map<string, ReportDiagram>> {
  const out = new Map<string, ReportDiagram>();
  for (const c of checked) if (c.design) out.set(c.result.file, await diagramOf(c.design, c, options.lang ?? "en"));
  return out;
}

/** The SHA-256 of each design file, by file, to tie a printout to a version of the design; absent when it cannot be read again. */
export function fileDigests(checked: readonly CheckedDesign[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of checked) {
    try {
      out.set(c.result.file, createHash("sha256").update(readFileSync(c.result.file)).digest("hex"));
    } catch {
      // an in-memory design, or a file gone since: no digest
    }
  }
  return new Map([...out].sort(([a], [b]) => compareCodePoints(a, b)));
}

/** What the HTML report takes besides the result: the designs (names of zones and nodes, the organisation), their diagrams and digests. */
export async function htmlReportInputs(
  checked: readonly CheckedDesign[],
  lang: Lang,
): Promise<{ designs: Map<string, Design>; diagrams: Map<string, ReportDiagram>; digests: Map<string, string> }> {
  const designs = new Map<string, Design>();
  for (const c of checked) if (c.design) designs.set(c.result.file, c.design);
  return { designs, diagrams: await diagramsOf(checked, { lang }), digests: fileDigests(checked) };
}
