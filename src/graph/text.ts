/**
 * Mermaid and Graphviz DOT renderings of a graph model: a cluster (subgraph) per zone holding the
 * nodes attached only to it, the other nodes between the clusters linked to each of their zones,
 * tiers coloured, highlighted paths in red. Identifiers are generated (`z0`, `n3`), never taken
 * from the input; every label is quoted and escaped.
 */
import type { Lang } from "../model/types.js";
import { dataLines, nodeLines, oneLine, zoneLines } from "./labels.js";
import { type GraphModel, type GraphNode, type GraphZone, homeZone } from "./model.js";

export interface TextGraphOptions {
  /** language of the zone kinds and data classifications (default English) */
  lang?: Lang;
}

export const TIER_FILL: Readonly<Record<string, string>> = {
  "internet-side": "#fdecea",
  "lgwan-side": "#e8f0fe",
  "mynumber-side": "#e6f4ea",
};
export const TIER_STROKE: Readonly<Record<string, string>> = {
  "internet-side": "#e57373",
  "lgwan-side": "#64b5f6",
  "mynumber-side": "#81c784",
};
export const OTHER_FILL = "#f1f3f4";
export const OTHER_STROKE = "#9aa0a6";
export const HOT = "#c62828";

/** `z0`, `z1`… for zones and `n0`, `n1`… for nodes, by position: never an id from the input. */
function generatedIds(model: GraphModel): Map<string, string> {
  const id = new Map<string, string>();
  for (const [i, z] of model.zones.entries()) id.set(`z:${z.id}`, `z${i}`);
  for (const [i, n] of model.nodes.entries()) id.set(`n:${n.id}`, `n${i}`);
  return id;
}

function zoneText(z: GraphZone, lang: Lang): string[] {
  const l = zoneLines(z, lang);
  return [l.head, l.sub];
}

function nodeText(n: GraphNode, lang: Lang): string[] {
  const l = nodeLines(n);
  return [l.head, ...(l.sub ? [l.sub] : []), ...dataLines(n, lang)];
}

/**
 * A quoted Mermaid label, lines joined by `<br>`: quotes, angle brackets, `&`, `#`, `%` (Mermaid
 * reads `%%{…}%%` directives anywhere in the text), backticks (Markdown strings) and brackets as
 * entity codes. Labels are on one line already, so nothing can start a statement of its own.
 */
export function mermaidLabel(lines: readonly string[]): string {
  const esc = lines.map((l) => l.replace(/["<>&#%`\\|{}[\]]/g, (c) => `#${c.codePointAt(0)};`));
  return `"${esc.join("<br>")}"`;
}

/** The zone box a node is drawn inside (its home zone, when the diagram has it), or undefined: drawn apart and linked. */
function insideOf(zoneIds: ReadonlySet<string>): (n: GraphNode) => string | undefined {
  return (n) => {
    const home = homeZone(n);
    return home !== undefined && zoneIds.has(home) ? home : undefined;
  };
}

export function toMermaid(model: GraphModel, options: TextGraphOptions = {}): string {
  const lang = options.lang ?? "en";
  const id = generatedIds(model);
  const zoneIds = new Set(model.zones.map((z) => z.id));
  const inside = insideOf(zoneIds);
  const out = ["flowchart LR"];
  for (const z of model.zones) {
    out.push(`  subgraph ${id.get(`z:${z.id}`)}[${mermaidLabel(zoneText(z, lang))}]`);
    for (const n of model.nodes.filter((x) => inside(x) === z.id))
      out.push(`    ${id.get(`n:${n.id}`)}[${mermaidLabel(nodeText(n, lang))}]`);
    out.push("  end");
  }
  for (const n of model.nodes.filter((x) => inside(x) === undefined))
    out.push(`  ${id.get(`n:${n.id}`)}{{${mermaidLabel(nodeText(n, lang))}}}`);
  const hotEdges: number[] = [];
  let edge = 0;
  for (const l of model.links) {
    const n = model.nodes.find((x) => x.id === l.node);
    if (!n || inside(n) !== undefined || !zoneIds.has(l.zone)) continue;
    out.push(`  ${id.get(`n:${l.node}`)} --- ${id.get(`z:${l.zone}`)}`);
    if (l.highlighted) hotEdges.push(edge);
    edge++;
  }
  for (const z of model.zones)
    out.push(
      `  style ${id.get(`z:${z.id}`)} fill:${TIER_FILL[z.tier ?? ""] ?? OTHER_FILL},stroke:${z.highlighted ? HOT : (TIER_STROKE[z.tier ?? ""] ?? OTHER_STROKE)}${z.highlighted ? ",stroke-width:3px" : ""}`,
    );
  out.push(`  classDef device fill:#fff8e1,stroke:#f9a825`);
  out.push(`  classDef hot stroke:${HOT},stroke-width:3px,color:#b71c1c`);
  const devices = model.nodes.filter((n) => n.device && !n.highlighted).map((n) => id.get(`n:${n.id}`));
  if (devices.length > 0) out.push(`  class ${devices.join(",")} device`);
  const hot = model.nodes.filter((n) => n.highlighted).map((n) => id.get(`n:${n.id}`));
  if (hot.length > 0) out.push(`  class ${hot.join(",")} hot`);
  if (hotEdges.length > 0) out.push(`  linkStyle ${hotEdges.join(",")} stroke:${HOT},stroke-width:3px`);
  return `${out.join("\n")}\n`;
}

/** A quoted DOT string: each line from the input on one line (controls removed), backslashes and quotes escaped, lines joined by `\n`. */
export function dotString(lines: readonly string[]): string {
  return `"${lines.map((l) => oneLine(l).replace(/\\/g, "\\\\").replace(/"/g, '\\"')).join("\\n")}"`;
}

export function toDot(model: GraphModel, options: TextGraphOptions = {}): string {
  const lang = options.lang ?? "en";
  const id = generatedIds(model);
  const zoneIds = new Set(model.zones.map((z) => z.id));
  const inside = insideOf(zoneIds);
  const hot = `color="${HOT}", penwidth=3`;
  const out = [
    "graph bunri {",
    `  label=${dotString([model.title ?? model.name])}; labelloc=t; compound=true; rankdir=TB; newrank=true;`,
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="sans-serif"];',
    '  graph [fontname="sans-serif"];',
  ];
  model.zones.forEach((z, i) => {
    const stroke = z.highlighted ? HOT : (TIER_STROKE[z.tier ?? ""] ?? OTHER_STROKE);
    out.push(`  subgraph cluster_${i} {`);
    out.push(
      `    label=${dotString(zoneText(z, lang))}; style="rounded,filled"; fillcolor="${TIER_FILL[z.tier ?? ""] ?? OTHER_FILL}"; color="${stroke}";${z.highlighted ? " penwidth=3;" : ""}`,
    );
    out.push(`    ${id.get(`z:${z.id}`)} [shape=point, style=invis, width=0, label=""];`);
    for (const n of model.nodes.filter((x) => inside(x) === z.id))
      out.push(`    ${id.get(`n:${n.id}`)} [label=${dotString(nodeText(n, lang))}${n.highlighted ? `, ${hot}` : ""}];`);
    out.push("  }");
  });
  const clusterOf = new Map(model.zones.map((z, i) => [z.id, i]));
  for (const n of model.nodes.filter((x) => inside(x) === undefined)) {
    const style = n.device ? ', shape=box, style="filled", fillcolor="#fff8e1"' : "";
    out.push(`  ${id.get(`n:${n.id}`)} [label=${dotString(nodeText(n, lang))}${style}${n.highlighted ? `, ${hot}` : ""}];`);
    for (const l of model.links.filter((x) => x.node === n.id && zoneIds.has(x.zone)))
      out.push(
        `  ${id.get(`n:${n.id}`)} -- ${id.get(`z:${l.zone}`)} [lhead=cluster_${clusterOf.get(l.zone)}${l.highlighted ? `, ${hot}` : ""}];`,
      );
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}
