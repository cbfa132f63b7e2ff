/** Mermaid and Graphviz DOT renderings of a graph model; every label from the input is escaped. */
import { stripControls } from "../report/sanitize.js";
import type { GraphModel, GraphNode } from "./model.js";

function label(n: { id: string; title?: string }): string {
  return n.title ? `${n.title}\n${n.id}` : n.id;
}

function mermaidText(s: string): string {
  return `"${stripControls(s)
    .replace(/["<>&#`]/g, (c) => `#${c.codePointAt(0)};`)
    .replace(/\n/g, "<br>")}"`;
}

export function toMermaid(model: GraphModel): string {
  const id = new Map<string, string>();
  for (const [i, z] of model.zones.entries()) id.set(`z:${z.id}`, `z${i}`);
  for (const [i, n] of model.nodes.entries()) id.set(`n:${n.id}`, `n${i}`);
  const out = ["flowchart LR"];
  const single = (n: GraphNode) => n.zones.length === 1 && !n.device;
  for (const z of model.zones) {
    out.push(`  subgraph ${id.get(`z:${z.id}`)}[${mermaidText(`${label(z)} (${z.kind})`)}]`);
    for (const n of model.nodes.filter((x) => single(x) && x.zones[0] === z.id)) {
      const shape = `[${mermaidText(label(n))}]`;
      out.push(`    ${id.get(`n:${n.id}`)}${shape}`);
    }
    out.push("  end");
  }
  for (const n of model.nodes.filter((x) => !single(x))) out.push(`  ${id.get(`n:${n.id}`)}{{${mermaidText(label(n))}}}`);
  const hot: number[] = [];
  let edge = 0;
  for (const l of model.links) {
    const n = model.nodes.find((x) => x.id === l.node);
    if (!n || single(n)) continue;
    out.push(`  ${id.get(`n:${l.node}`)} --- ${id.get(`z:${l.zone}`)}`);
    if (l.highlighted) hot.push(edge);
    edge++;
  }
  out.push("  classDef hot stroke:#c62828,stroke-width:3px,color:#b71c1c");
  const hotIds = [
    ...model.zones.filter((z) => z.highlighted).map((z) => id.get(`z:${z.id}`)),
    ...model.nodes.filter((n) => n.highlighted).map((n) => id.get(`n:${n.id}`)),
  ];
  if (hotIds.length > 0) out.push(`  class ${hotIds.join(",")} hot`);
  if (hot.length > 0) out.push(`  linkStyle ${hot.join(",")} stroke:#c62828,stroke-width:3px`);
  return `${out.join("\n")}\n`;
}

function dotText(s: string): string {
  return `"${stripControls(s).replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

const TIER_FILL: Record<string, string> = { "internet-side": "#fdecea", "lgwan-side": "#e8f0fe", "mynumber-side": "#e6f4ea" };

export function toDot(model: GraphModel): string {
  const out = ["graph bunri {", '  compound=true; rankdir=LR; node [shape=box, style=rounded, fontname="sans-serif"];'];
  model.zones.forEach((z, i) => {
    out.push(`  subgraph cluster_${i} {`);
    out.push(
      `    label=${dotText(`${label(z)} (${z.kind})`)}; style=filled; fillcolor="${TIER_FILL[z.tier ?? ""] ?? "#f1f3f4"}";${z.highlighted ? ' color="#c62828"; penwidth=2;' : ""}`,
    );
    out.push(`    ${dotText(`zone:${z.id}`)} [shape=point, style=invis];`);
    for (const n of model.nodes.filter((x) => x.zones.length === 1 && !x.device && x.zones[0] === z.id))
      out.push(`    ${dotText(n.id)} [label=${dotText(label(n))}${n.highlighted ? ', color="#c62828", penwidth=2' : ""}];`);
    out.push("  }");
  });
  const clusterOf = new Map(model.zones.map((z, i) => [z.id, i]));
  for (const n of model.nodes.filter((x) => x.zones.length !== 1 || x.device)) {
    out.push(
      `  ${dotText(n.id)} [label=${dotText(label(n))}, shape=hexagon${n.highlighted ? ', color="#c62828", penwidth=2' : ""}];`,
    );
    for (const l of model.links.filter((x) => x.node === n.id))
      out.push(
        `  ${dotText(n.id)} -- ${dotText(`zone:${l.zone}`)} [lhead=cluster_${clusterOf.get(l.zone)}${l.highlighted ? ', color="#c62828", penwidth=3' : ""}];`,
      );
  }
  out.push("}");
  return `${out.join("\n")}\n`;
}
