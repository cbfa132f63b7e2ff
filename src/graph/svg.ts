/**
 * The design as an inline SVG, laid out by elkjs (layered, left to right): zones as boxes coloured
 * by tier with their single-homed hosts inside, devices and multi-homed hosts between them, linked
 * to each zone they sit in; the paths of findings in red. elkjs is loaded only here.
 */
import stringWidth from "string-width";
import { stripControls } from "../report/sanitize.js";
import type { GraphModel, GraphNode } from "./model.js";

export function xmlText(s: string): string {
  return stripControls(s).replace(/[&<>"']/g, (c) => `&#${c.codePointAt(0)};`);
}

const FONT = 12;
const CHAR = 7; // px per column at 12px
const TIER_FILL: Record<string, string> = { "internet-side": "#fdecea", "lgwan-side": "#e8f0fe", "mynumber-side": "#e6f4ea" };
const TIER_STROKE: Record<string, string> = { "internet-side": "#e57373", "lgwan-side": "#64b5f6", "mynumber-side": "#81c784" };

interface Box {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: Box[];
  edges?: Array<{
    id: string;
    sources: string[];
    targets: string[];
    sections?: Array<{ startPoint: P; endPoint: P; bendPoints?: P[] }>;
  }>;
  labels?: Array<{ text: string; width: number; height: number }>;
  layoutOptions?: Record<string, string>;
}
interface P {
  x: number;
  y: number;
}

function lines(n: { id: string; title?: string }): string[] {
  return n.title ? [n.title, n.id] : [n.id];
}

function textWidth(ls: string[]): number {
  return Math.max(...ls.map((l) => stringWidth(stripControls(l)))) * CHAR;
}

/** Left to right: the internet first, the My Number tier last, so that the layers read as the tiers. */
const RANK: Record<string, number> = {
  internet: 0,
  partner: 1,
  transit: 1.5,
  "security-cloud": 1,
  dmz: 2,
  "asp-internet": 2,
  "internet-connected": 2,
  lgwan: 3,
  "asp-lgwan": 4,
  "lgwan-connected": 4,
  db: 5,
  management: 5,
  internal: 5,
  mynumber: 6,
  "gov-cloud": 6,
  national: 7,
};

function inside(n: GraphNode): boolean {
  return n.zones.length === 1 && !n.device;
}

export async function toSvg(model: GraphModel): Promise<string> {
  const mod = (await import("elkjs/lib/elk.bundled.js")) as unknown as {
    default: new () => { layout(g: unknown): Promise<unknown> };
  };
  const elk = new mod.default();
  const zoneRank = new Map(model.zones.map((z) => [z.id, RANK[z.kind] ?? 5]));
  const outsideLinks = model.links.filter((l) => {
    const n = model.nodes.find((x) => x.id === l.node);
    return n !== undefined && !inside(n);
  });
  const lowest = new Map<string, string>();
  for (const l of outsideLinks) {
    const cur = lowest.get(l.node);
    if (cur === undefined || (zoneRank.get(l.zone) ?? 5) < (zoneRank.get(cur) ?? 5)) lowest.set(l.node, l.zone);
  }
  const nodeBox = (n: GraphNode): Box => ({
    id: `n:${n.id}`,
    width: Math.max(60, textWidth(lines(n)) + 20),
    height: 14 + 15 * lines(n).length,
  });
  const root: Box = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.spacing.nodeNode": "18",
      "elk.layered.spacing.nodeNodeBetweenLayers": "36",
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.randomSeed": "1",
      "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
    },
    children: [
      ...model.zones.map((z) => {
        const title = `${z.title ?? z.id}  (${z.kind})`;
        return {
          id: `z:${z.id}`,
          labels: [{ text: title, width: textWidth([title]) + 8, height: 16 }],
          layoutOptions: {
            "elk.padding": "[top=28,left=12,bottom=12,right=12]",
            "elk.nodeLabels.placement": "[H_LEFT, V_TOP, INSIDE]",
          },
          children: model.nodes.filter((n) => inside(n) && n.zones[0] === z.id).map(nodeBox),
          width: Math.max(80, textWidth([title]) + 24),
          height: 50,
        } as Box;
      }),
      ...model.nodes.filter((n) => !inside(n)).map(nodeBox),
    ],
    edges: outsideLinks.map((l, i) => {
      // the node's lowest-ranked zone feeds it; it feeds the others
      const first = lowest.get(l.node);
      return l.zone === first
        ? { id: `e${i}`, sources: [`z:${l.zone}`], targets: [`n:${l.node}`] }
        : { id: `e${i}`, sources: [`n:${l.node}`], targets: [`z:${l.zone}`] };
    }),
  };
  const laid = (await elk.layout(root as never)) as unknown as Box;
  const parts: string[] = [];
  const zoneById = new Map(model.zones.map((z) => [z.id, z]));
  const nodeById = new Map(model.nodes.map((n) => [n.id, n]));
  const drawNode = (b: Box, ox: number, oy: number) => {
    const n = nodeById.get(b.id.slice(2));
    if (!n) return;
    const x = ox + (b.x ?? 0);
    const y = oy + (b.y ?? 0);
    const cls = `node${n.device ? " device" : ""}${n.highlighted ? " hot" : ""}`;
    const tip = `${n.title ? `${n.title} ` : ""}(${n.id}) ${n.kind}${n.holds.length ? `: ${n.holds.join(", ")}` : ""}`;
    parts.push(`<g class="${cls}"><title>${xmlText(tip)}</title>`);
    parts.push(`<rect x="${x}" y="${y}" width="${b.width}" height="${b.height}" rx="${n.device ? 2 : 8}"/>`);
    lines(n).forEach((l, i) => {
      parts.push(`<text x="${x + 10}" y="${y + 19 + i * 15}"${i > 0 ? ' class="id"' : ""}>${xmlText(l)}</text>`);
    });
    if (n.holds.length > 0) parts.push(`<circle cx="${x + (b.width ?? 0) - 8}" cy="${y + 8}" r="4" class="data"/>`);
    parts.push("</g>");
  };
  for (const b of laid.children ?? []) {
    if (b.id.startsWith("z:")) {
      const z = zoneById.get(b.id.slice(2));
      if (!z) continue;
      const fill = TIER_FILL[z.tier ?? ""] ?? "#f1f3f4";
      const stroke = z.highlighted ? "#c62828" : (TIER_STROKE[z.tier ?? ""] ?? "#9aa0a6");
      parts.push(
        `<g class="zone${z.highlighted ? " hot" : ""}"><rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="6" fill="${fill}" stroke="${stroke}"/>`,
      );
      parts.push(
        `<text x="${(b.x ?? 0) + 10}" y="${(b.y ?? 0) + 18}" class="zone-title">${xmlText(b.labels?.[0]?.text ?? z.id)}</text></g>`,
      );
      for (const c of b.children ?? []) drawNode(c, b.x ?? 0, b.y ?? 0);
    }
  }
  const linkAt = new Map(outsideLinks.map((l, i) => [`e${i}`, l]));
  for (const e of laid.edges ?? []) {
    const l = linkAt.get(e.id);
    for (const s of e.sections ?? []) {
      const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => `${p.x},${p.y}`).join(" ");
      parts.push(`<polyline points="${pts}" class="link${l?.highlighted ? " hot" : ""}"/>`);
    }
  }
  for (const b of laid.children ?? []) if (b.id.startsWith("n:")) drawNode(b, 0, 0);
  const w = Math.ceil((laid.width ?? 100) + 4);
  const h = Math.ceil((laid.height ?? 100) + 4);
  const style = `<style>
text{font:${FONT}px sans-serif;fill:#202124}
.zone-title{font-weight:bold}
.id{fill:#5f6368;font-size:11px}
.node rect{fill:#fff;stroke:#5f6368}
.node.device rect{fill:#fff8e1;stroke:#f9a825}
.node.hot rect{stroke:#c62828;stroke-width:3}
.zone.hot rect{stroke-width:3}
.link{fill:none;stroke:#80868b;stroke-width:1.2}
.link.hot{stroke:#c62828;stroke-width:3}
.data{fill:#8e24aa}
</style>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-2 -2 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${xmlText(model.title)}">${style}${parts.join("")}</svg>\n`;
}
