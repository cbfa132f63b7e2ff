/**
 * The design as a diagram, independent of how it is drawn: zones (clusters), nodes (hosts and
 * devices) with what they hold, and attachments; paths of findings can be highlighted. Mermaid,
 * DOT and SVG (laid out with elkjs) are drawn from this.
 */
import type { PathElement } from "../analyze/reach.js";
import type { Design } from "../model/design.js";
import type { Finding } from "../rules/types.js";
import { compareCodePoints } from "../util/compare.js";

export interface GraphZone {
  id: string;
  title?: string;
  kind: string;
  tier: string | null;
  highlighted: boolean;
}

export interface GraphNode {
  id: string;
  title?: string;
  kind: string;
  device: boolean;
  zones: string[];
  holds: string[];
  highlighted: boolean;
}

export interface GraphModel {
  title: string;
  zones: GraphZone[];
  nodes: GraphNode[];
  /** attachments: node id, zone id */
  links: Array<{ node: string; zone: string; highlighted: boolean }>;
}

/** The evidence paths of findings (chains and contagion steps), for highlighting. */
export function findingPaths(findings: readonly Finding[]): PathElement[][] {
  const out: PathElement[][] = [];
  for (const f of findings) {
    if (f.waived || f.baselined) continue;
    if (f.evidence.chain) out.push(f.evidence.chain.path);
    for (const s of f.evidence.contagion?.steps ?? []) out.push(s.path);
  }
  return out;
}

export function designGraph(design: Design, highlight: readonly PathElement[][] = []): GraphModel {
  const top = design.topology;
  const hotNodes = new Set<string>();
  const hotZones = new Set<string>();
  const hotLinks = new Set<string>();
  for (const path of highlight) {
    for (let i = 0; i < path.length; i++) {
      const p = path[i] as PathElement;
      if (p.type === "zone") hotZones.add(p.id);
      else hotNodes.add(p.id.endsWith("/*") ? p.id.slice(0, -2) : p.id);
      const next = path[i + 1];
      if (!next) continue;
      const [zone, node] = p.type === "zone" ? [p, next] : [next, p];
      if (zone.type === "zone" && node.type !== "zone" && !node.id.endsWith("/*")) hotLinks.add(`${node.id}\u0000${zone.id}`);
    }
  }
  const zones: GraphZone[] = design.zones.map((z) => {
    const g: GraphZone = { id: z.id, kind: z.kind, tier: z.tier, highlighted: hotZones.has(z.id) || hotNodes.has(z.id) };
    if (z.def.title !== undefined) g.title = z.def.title;
    return g;
  });
  const nodes: GraphNode[] = [];
  const links: GraphModel["links"] = [];
  const ids = [...top.nodes.keys()].sort(compareCodePoints);
  for (const id of ids) {
    const n = top.nodes.get(id);
    if (!n) continue;
    const g: GraphNode = {
      id,
      kind: n.kind,
      device: design.deviceById.has(id) && !design.hostById.has(id),
      zones: [...n.zones],
      holds: n.holds.map((d) => `${top.data.get(d)?.title ?? d} (${top.data.get(d)?.classification ?? "?"})`),
      highlighted: hotNodes.has(id),
    };
    if (n.title !== undefined) g.title = n.title;
    nodes.push(g);
    for (const z of n.zones) links.push({ node: id, zone: z, highlighted: hotLinks.has(`${id}\u0000${z}`) });
  }
  return { title: top.title ?? top.name, zones, nodes, links };
}
