/**
 * The design as an inline SVG, laid out by elkjs (layered, top to bottom from the internet to the
 * My Number tier): each zone a box coloured by tier, holding the nodes attached only to it; the
 * nodes attached to several zones (firewalls, routers, multi-homed hosts) between the boxes,
 * linked to each of their zones; the highlighted paths in red and thicker. Labels are wrapped
 * (SVG has no line breaking) and escaped. The same model gives the same bytes: elkjs runs with a
 * fixed seed and coordinates are rounded. elkjs is loaded only here, and only when called.
 */
import { t } from "../i18n/index.js";
import type { Lang } from "../model/types.js";
import { columns, dataLines, nodeLines, oneLine, wrap, zoneKindName, zoneLines } from "./labels.js";
import { type GraphModel, type GraphNode, homeZone } from "./model.js";
import { HOT, OTHER_FILL, OTHER_STROKE, TIER_FILL, TIER_STROKE } from "./text.js";

export interface SvgOptions {
  /** language of the zone kinds and data classifications (default English) */
  lang?: Lang;
  /**
   * A file of its own (default): with the SVG namespace. Inline in HTML the parser supplies the
   * namespace, so the report carries no URL at all.
   */
  standalone?: boolean;
}

/** Escapes text for XML content and attribute values, on one line: `& < > " '` and `=`, controls removed. */
export function xmlText(s: string): string {
  return oneLine(s).replace(/[&<>"'=]/g, (c) => `&#${c.codePointAt(0)};`);
}

// Sizes in px. Widths of text are estimated from terminal columns (a full-width character is two):
// generous, so that text never leaves its box whatever font the reader has. The smallest text
// (11.5 px) prints at 8 pt or more as long as the diagram is not shrunk below 93 % (DIAGRAM_PRINT_WIDTH
// and DIAGRAM_PRINT_HEIGHT keep it at 8.1 pt, a margin for rounding).
const HEAD = { size: 13, line: 17, col: 6.9 };
const SMALL = { size: 11.5, line: 14.5, col: 6.2 };
const NODE_COLS = 22;
const ZONE_COLS = 34;
/** The smallest text of a diagram, in px: 8 pt is 10.67 px. */
export const SMALLEST_TEXT_PX = SMALL.size;
/**
 * The widest diagram, in CSS px, that prints on A4 portrait (184 mm between the margins, 695 px)
 * with its smallest text at 8 pt or more.
 */
export const DIAGRAM_PRINT_WIDTH = Math.floor((695 * SMALL.size) / ((8.1 * 96) / 72));
/** The tallest diagram that fits one A4 page at that scale (about 250 mm of the page's 269). */
export const DIAGRAM_PRINT_HEIGHT = Math.floor((945 * SMALL.size) / ((8.1 * 96) / 72));
const PAD = 10;
const GAP = 10;

type LineClass = "head" | "sub" | "data";
interface Line {
  text: string;
  cls: LineClass;
}
interface Block {
  lines: Line[];
  width: number;
  height: number;
}

function measure(lines: Line[], minWidth: number): Block {
  let width = minWidth;
  let height = PAD;
  for (const l of lines) {
    const f = l.cls === "head" ? HEAD : SMALL;
    width = Math.max(width, columns(l.text) * f.col * (l.cls === "head" ? 1.05 : 1) + 2 * PAD);
    height += f.line;
  }
  return { lines, width: Math.ceil(width), height: height + PAD - 2 };
}

function nodeBlock(n: GraphNode, lang: Lang): Block {
  const l = nodeLines(n);
  // long names wrap (up to six lines) rather than being cut: on paper there is no hover title
  const lines: Line[] = wrap(l.head, NODE_COLS, 6).map((text) => ({ text, cls: "head" }));
  if (l.sub) lines.push(...wrap(l.sub, NODE_COLS, 3).map((text): Line => ({ text, cls: "sub" })));
  for (const d of dataLines(n, lang)) lines.push(...wrap(d, NODE_COLS, 5).map((text): Line => ({ text, cls: "data" })));
  return measure(lines, 64);
}

/** Left to right in the layering: the internet first, the My Number tier last, so that the layers read as the tiers. */
const RANK: Readonly<Record<string, number>> = {
  internet: 0,
  partner: 1,
  "security-cloud": 1,
  transit: 1.5,
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

interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width: number;
  height: number;
}
interface ElkPoint {
  x: number;
  y: number;
}
interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  sections?: Array<{ startPoint: ElkPoint; endPoint: ElkPoint; bendPoints?: ElkPoint[] }>;
}
interface ElkGraph {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkNode[];
  edges: ElkEdge[];
  width?: number;
  height?: number;
}

const LAYOUT: Readonly<Record<string, string>> = {
  "elk.algorithm": "layered",
  "elk.direction": "DOWN",
  "elk.randomSeed": "1",
  "elk.edgeRouting": "ORTHOGONAL",
  "elk.spacing.nodeNode": "24",
  "elk.spacing.edgeNode": "12",
  "elk.spacing.edgeEdge": "8",
  "elk.layered.spacing.nodeNodeBetweenLayers": "28",
  "elk.layered.spacing.edgeNodeBetweenLayers": "14",
  "elk.layered.nodePlacement.strategy": "NETWORK_SIMPLEX",
  // at most three boxes side by side, so that the diagram fits a portrait page
  "elk.layered.layering.strategy": "COFFMAN_GRAHAM",
  "elk.layered.layering.coffmanGraham.layerBound": "3",
  "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
  "elk.padding": "[top=4,left=4,bottom=4,right=4]",
};

/** Two decimals at most, no `-0`: the same layout prints the same. */
function num(x: number | undefined): string {
  const r = Math.round((x ?? 0) * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function textLines(lines: Line[], x: number, y: number): string {
  const out: string[] = [];
  let baseline = y + PAD;
  for (const l of lines) {
    const f = l.cls === "head" ? HEAD : SMALL;
    baseline += f.line;
    out.push(`<text x="${num(x + PAD)}" y="${num(baseline - 3)}" class="${l.cls}">${xmlText(l.text)}</text>`);
  }
  return out.join("");
}

export async function toSvg(model: GraphModel, options: SvgOptions = {}): Promise<string> {
  const lang = options.lang ?? "en";
  const zoneIndex = new Map(model.zones.map((z, i) => [z.id, i]));
  const home = (n: GraphNode) => {
    const z = homeZone(n);
    return z !== undefined && zoneIndex.has(z) ? z : undefined;
  };
  const blocks = model.nodes.map((n) => nodeBlock(n, lang));

  // Each zone: its title, then the nodes attached only to it in a grid (they have no edges of their
  // own, so the box is packed here and given to elkjs whole).
  const zoneBoxes = model.zones.map((z) => {
    const l = zoneLines(z, lang);
    const header = measure(
      [
        ...wrap(l.head, ZONE_COLS, 4).map((text): Line => ({ text, cls: "head" })),
        ...wrap(l.sub, ZONE_COLS, 2).map((text): Line => ({ text, cls: "sub" })),
      ],
      120,
    );
    const members = model.nodes.map((n, i) => ({ n, i })).filter(({ n }) => home(n) === z.id);
    // two columns at most, so that three zones side by side still print legibly
    const cols = Math.min(2, members.length);
    const colWidth: number[] = [];
    const rowHeight: number[] = [];
    members.forEach(({ i }, k) => {
      const b = blocks[i] as Block;
      colWidth[k % cols] = Math.max(colWidth[k % cols] ?? 0, b.width);
      rowHeight[Math.floor(k / cols)] = Math.max(rowHeight[Math.floor(k / cols)] ?? 0, b.height);
    });
    const place = members.map(({ i }, k) => {
      const c = k % cols;
      const r = Math.floor(k / cols);
      const x = PAD + colWidth.slice(0, c).reduce((a, w) => a + w + GAP, 0);
      const y = header.height - 4 + rowHeight.slice(0, r).reduce((a, h) => a + h + GAP, 0);
      return { node: i, x, y };
    });
    const gridWidth = colWidth.reduce((a, w) => a + w, 0) + GAP * Math.max(0, cols - 1);
    const gridHeight = rowHeight.reduce((a, h) => a + h, 0) + GAP * Math.max(0, rowHeight.length - 1);
    return {
      header,
      place,
      width: Math.max(header.width, gridWidth + 2 * PAD),
      height: header.height + (members.length > 0 ? gridHeight + PAD - 4 : 0),
    };
  });

  // Each node outside the boxes is fed by its zone nearest the internet and feeds its others.
  const outside = model.nodes.map((n, i) => ({ n, i })).filter(({ n }) => home(n) === undefined);
  const edges: ElkEdge[] = [];
  const edgeHot: boolean[] = [];
  for (const { n, i } of outside) {
    const zs = n.zones.filter((z) => zoneIndex.has(z));
    const rank = (z: string) => RANK[model.zones[zoneIndex.get(z) as number]?.kind ?? ""] ?? 5;
    const first = [...zs].sort((a, b) => rank(a) - rank(b))[0];
    for (const z of zs) {
      const link = model.links.find((l) => l.node === n.id && l.zone === z);
      const zid = `z${zoneIndex.get(z)}`;
      const id = `e${edges.length}`;
      edges.push(z === first ? { id, sources: [zid], targets: [`n${i}`] } : { id, sources: [`n${i}`], targets: [zid] });
      edgeHot.push(link?.highlighted ?? false);
    }
  }
  // in the order of the tiers (the internet first), which elkjs keeps where it can
  const zoneRank = (z: string | undefined) => RANK[model.zones[zoneIndex.get(z ?? "") ?? -1]?.kind ?? ""] ?? 5;
  const children: Array<ElkNode & { rank: number }> = [
    ...zoneBoxes.map((b, i) => ({ id: `z${i}`, width: b.width, height: b.height, rank: zoneRank(model.zones[i]?.id) })),
    ...outside.map(({ n, i }) => ({
      id: `n${i}`,
      width: (blocks[i] as Block).width,
      height: (blocks[i] as Block).height,
      rank: Math.min(5, ...n.zones.map((z) => zoneRank(z))) + 0.1,
    })),
  ];
  children.sort((a, b) => a.rank - b.rank);
  const graph: ElkGraph = {
    id: "root",
    layoutOptions: { ...LAYOUT },
    children: children.map(({ rank: _rank, ...c }) => c),
    edges,
  };
  const { default: ELK } = (await import("elkjs/lib/elk.bundled.js")) as unknown as {
    default: new () => { layout(g: ElkGraph): Promise<ElkGraph> };
  };
  const laid = await new ELK().layout(graph);
  const at = new Map(laid.children.map((c) => [c.id, c]));

  const parts: string[] = [];
  const drawNode = (i: number, x: number, y: number) => {
    const n = model.nodes[i] as GraphNode;
    const b = blocks[i] as Block;
    const cls = `node${n.device ? " device" : ""}${n.highlighted ? " hot" : ""}`;
    const tip = [
      nodeLines(n).head,
      n.title ? `(${n.id})` : "",
      n.kind,
      ...n.holds.map((d) => `◆ ${d.title ?? d.id} (${d.classification})`),
    ].filter(Boolean);
    parts.push(`<g class="${cls}"><title>${xmlText(tip.join(" "))}</title>`);
    parts.push(`<rect x="${num(x)}" y="${num(y)}" width="${num(b.width)}" height="${num(b.height)}" rx="${n.device ? 2 : 6}"/>`);
    parts.push(textLines(b.lines, x, y), "</g>");
  };
  model.zones.forEach((z, i) => {
    const box = zoneBoxes[i];
    const pos = at.get(`z${i}`);
    if (!box || !pos) return;
    const x = pos.x ?? 0;
    const y = pos.y ?? 0;
    const fill = TIER_FILL[z.tier ?? ""] ?? OTHER_FILL;
    const stroke = z.highlighted ? HOT : (TIER_STROKE[z.tier ?? ""] ?? OTHER_STROKE);
    const tip = `${z.title ? `${z.title} (${z.id})` : z.id} ${zoneKindName(z.kind, lang)}`;
    parts.push(`<g class="zone${z.highlighted ? " hot" : ""}"><title>${xmlText(tip)}</title>`);
    parts.push(
      `<rect x="${num(x)}" y="${num(y)}" width="${num(box.width)}" height="${num(box.height)}" rx="8" fill="${fill}" stroke="${stroke}"/>`,
    );
    parts.push(textLines(box.header.lines, x, y - 2), "</g>");
    for (const p of box.place) drawNode(p.node, x + p.x, y + p.y);
  });
  // plain links first, the highlighted ones over them
  for (const hot of [false, true])
    for (const e of laid.edges) {
      if ((edgeHot[Number(e.id.slice(1))] ?? false) !== hot) continue;
      for (const s of e.sections ?? []) {
        const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint].map((p) => `${num(p.x)},${num(p.y)}`).join(" ");
        parts.push(`<polyline points="${pts}" class="link${hot ? " hot" : ""}"/>`);
      }
    }
  for (const { i } of outside) {
    const pos = at.get(`n${i}`);
    if (pos) drawNode(i, pos.x ?? 0, pos.y ?? 0);
  }
  const w = Math.ceil(laid.width ?? 100);
  const h = Math.ceil(laid.height ?? 100);
  const title = xmlText(model.title ?? model.name);
  const ns = options.standalone === false ? "" : ' xmlns="http://www.w3.org/2000/svg"';
  return `<svg${ns} class="bunri-graph" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${title}"><title>${title}</title><style>${STYLE}</style><rect class="bg" x="0" y="0" width="${w}" height="${h}"/>${parts.join("")}</svg>\n`;
}

/** Scoped to the diagram: an inline SVG's style sheet applies to the whole page around it. */
const STYLE = [
  `.bunri-graph text{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif;font-size:${SMALL.size}px;fill:#5f6368}`,
  `.bunri-graph .head{font-size:${HEAD.size}px;fill:#202124}`,
  ".bunri-graph .zone .head{font-weight:bold}",
  ".bunri-graph .data{fill:#6a1b9a}",
  ".bunri-graph .bg{fill:#fff}",
  ".bunri-graph .zone rect{stroke-width:1.5}",
  ".bunri-graph .zone.hot rect{stroke-width:3}",
  ".bunri-graph .node rect{fill:#fff;stroke:#5f6368;stroke-width:1}",
  ".bunri-graph .node.device rect{fill:#fff8e1;stroke:#f9a825}",
  `.bunri-graph .node.hot rect{stroke:${HOT};stroke-width:3}`,
  ".bunri-graph .link{fill:none;stroke:#80868b;stroke-width:1.2}",
  `.bunri-graph .link.hot{stroke:${HOT};stroke-width:3}`,
].join("");

/** A zone of a zone-level overview: the zone, and a line of what it holds and what it is joined to. */
export interface OverviewZone {
  zone: GraphModel["zones"][number];
  notes: string[];
}

const BAND_ORDER = ["internet-side", "lgwan-side", "mynumber-side", ""] as const;
const GRID_COLS = 3;
const CELL_WIDTH = 218;
const CELL_COLS = Math.floor((CELL_WIDTH - 2 * PAD) / (HEAD.col * 1.05));

/**
 * A zone-level overview drawn without a layout engine, for designs too large to draw node by
 * node: the zones in bands by tier (the internet side first), three to a row, each box with its
 * title, id and kind, and its notes (how many machines, what joins it to other zones); the zones on
 * offending paths framed in red. Each SVG is at most as wide and as tall as prints on one A4 page
 * with its text at 8 pt or more: a longer overview is several SVGs, one after another.
 */
export function overviewSvgs(zones: readonly OverviewZone[], options: { lang?: Lang; title: string }): string[] {
  const lang = options.lang ?? "en";
  const width = GRID_COLS * CELL_WIDTH + (GRID_COLS - 1) * GAP + 2 * PAD;
  type Row = { height: number; parts: string[] };
  const rows: Row[] = [];
  for (const band of BAND_ORDER) {
    const members = zones.filter((z) => (z.zone.tier ?? "") === band);
    if (members.length === 0) continue;
    const label = measure([{ text: t(lang, `graph.band.${band || "other"}`), cls: "head" }], 0);
    rows.push({ height: label.height - 4, parts: [textLines(label.lines, 0, -4)] });
    for (let i = 0; i < members.length; i += GRID_COLS) {
      const cells = members.slice(i, i + GRID_COLS).map((m) => {
        const l = zoneLines(m.zone, lang);
        return {
          m,
          block: measure(
            [
              ...wrap(l.head, CELL_COLS, 4).map((text): Line => ({ text, cls: "head" })),
              ...wrap(l.sub, Math.floor(CELL_COLS * 1.1), 2).map((text): Line => ({ text, cls: "sub" })),
              ...m.notes.flatMap((n) => wrap(n, Math.floor(CELL_COLS * 1.1), 3).map((text): Line => ({ text, cls: "data" }))),
            ],
            CELL_WIDTH,
          ),
        };
      });
      const height = Math.max(...cells.map((c) => c.block.height));
      const parts = cells.map(({ m, block }, k) => {
        const x = PAD + k * (CELL_WIDTH + GAP);
        const z = m.zone;
        const fill = TIER_FILL[z.tier ?? ""] ?? OTHER_FILL;
        const stroke = z.highlighted ? HOT : (TIER_STROKE[z.tier ?? ""] ?? OTHER_STROKE);
        return `<g class="zone${z.highlighted ? " hot" : ""}"><title>${xmlText(`${z.title ? `${z.title} (${z.id})` : z.id} ${zoneKindName(z.kind, lang)}`)}</title><rect x="${num(x)}" y="0" width="${CELL_WIDTH}" height="${num(height)}" rx="8" fill="${fill}" stroke="${stroke}"/>${textLines(block.lines, x, -2)}</g>`;
      });
      rows.push({ height, parts });
    }
  }
  // rows into pages: each SVG at most DIAGRAM_PRINT_HEIGHT tall
  const svgs: string[] = [];
  let current: string[] = [];
  let y = PAD;
  const flush = () => {
    if (current.length === 0) return;
    const h = Math.ceil(y + PAD);
    const title = xmlText(options.title);
    svgs.push(
      `<svg class="bunri-graph" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" role="img" aria-label="${title}"><title>${title}</title><style>${STYLE}</style><rect class="bg" x="0" y="0" width="${width}" height="${h}"/>${current.join("")}</svg>\n`,
    );
    current = [];
    y = PAD;
  };
  for (const row of rows) {
    if (y + row.height + PAD > DIAGRAM_PRINT_HEIGHT) flush();
    current.push(`<g transform="translate(0 ${num(y)})">${row.parts.join("")}</g>`);
    y += row.height + GAP;
  }
  flush();
  return svgs;
}
