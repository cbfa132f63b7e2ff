/**
 * The design as a diagram, independent of how it is drawn: zones (clusters) with their kind, tier
 * and title; nodes (hosts and devices) with their kind, title and the data they hold; links (the
 * attachments of nodes to zones). Paths of findings can be highlighted. Mermaid, DOT and SVG
 * (laid out with elkjs) are drawn from this; it holds no text of its own, so that each renderer
 * speaks the reader's language.
 */
import type { PathElement } from "../analyze/reach.js";
import type { Design } from "../model/design.js";
import type { Classification, Tier, ZoneKind } from "../model/types.js";
import type { Finding } from "../rules/types.js";
import { compareCodePoints } from "../util/compare.js";

export interface GraphZone {
  id: string;
  title?: string;
  kind: ZoneKind;
  tier: Tier | null;
  /** on a highlighted path (crossed, or the zone of an implicit host on it) */
  highlighted: boolean;
}

export interface GraphDatum {
  id: string;
  title?: string;
  classification: Classification;
}

export interface GraphNode {
  id: string;
  title?: string;
  kind: string;
  /** a forwarding device (firewall, router, IPS…) rather than a host */
  device: boolean;
  /** the zones it is attached to, ascending by id */
  zones: string[];
  holds: GraphDatum[];
  highlighted: boolean;
}

/** An attachment of a node to a zone. */
export interface GraphLink {
  node: string;
  zone: string;
  /** a highlighted path enters or leaves the zone through this node */
  highlighted: boolean;
}

export interface GraphModel {
  /** the design's `name` */
  name: string;
  title?: string;
  organization?: string;
  zones: GraphZone[];
  nodes: GraphNode[];
  links: GraphLink[];
}

export interface DesignGraphOptions {
  /** paths to mark (evidence chains, contagion steps): their zones, nodes and the attachments they use */
  highlight?: Iterable<readonly PathElement[]>;
}

/**
 * The evidence paths of findings, to highlight: witness chains and each step of contagion paths;
 * for a finding without a path (a node's data or controls, a flow hop, a firewall rule), its
 * subjects and the nodes of its flow hop, each as a path of one. Waived and baselined findings
 * are left out unless `all` is set.
 */
export function findingPaths(findings: readonly Finding[], all = false): PathElement[][] {
  const out: PathElement[][] = [];
  for (const f of findings) {
    if (!all && (f.waived || f.baselined)) continue;
    const e = f.evidence;
    if (e.chain) out.push(e.chain.path);
    for (const s of e.contagion?.steps ?? []) out.push(s.path);
    if (e.chain || e.contagion) continue;
    const ids = [...f.subjects.map((s) => s.split("#")[0] ?? s), e.flow?.sender, e.flow?.receiver, e.flow?.node];
    for (const id of new Set(ids)) if (id) out.push([{ type: "host", id }]);
  }
  return out;
}

const IMPLICIT = "/*";

/** A node on a path: the zone of an implicit host `<zone>/*`, else the node itself. */
function pathNode(p: PathElement): { zone?: string; node?: string } {
  if (p.type === "zone") return { zone: p.id };
  if (p.id.endsWith(IMPLICIT)) return { zone: p.id.slice(0, -IMPLICIT.length) };
  return { node: p.id };
}

export function designGraph(design: Design, options: DesignGraphOptions = {}): GraphModel {
  const top = design.topology;
  const hotNodes = new Set<string>();
  const hotZones = new Set<string>();
  const hotLinks = new Set<string>();
  for (const path of options.highlight ?? []) {
    for (let i = 0; i < path.length; i++) {
      const here = pathNode(path[i] as PathElement);
      if (here.zone !== undefined) hotZones.add(here.zone);
      if (here.node !== undefined) hotNodes.add(here.node);
      const next = path[i + 1];
      if (!next) continue;
      const there = pathNode(next);
      const link =
        here.node !== undefined && there.zone !== undefined && next.type === "zone"
          ? [here.node, there.zone]
          : here.zone !== undefined && path[i]?.type === "zone" && there.node !== undefined
            ? [there.node, here.zone]
            : undefined;
      if (link) hotLinks.add(`${link[0]}\u0000${link[1]}`);
    }
  }
  // a subject that is a zone (a path of one) marks the zone
  for (const id of hotNodes) if (design.zoneById.has(id)) hotZones.add(id);
  const zones: GraphZone[] = design.zones.map((z) => {
    const g: GraphZone = { id: z.id, kind: z.kind, tier: z.tier, highlighted: hotZones.has(z.id) };
    if (z.def.title !== undefined) g.title = z.def.title;
    return g;
  });
  const nodes: GraphNode[] = [];
  const links: GraphLink[] = [];
  for (const id of [...top.nodes.keys()].sort(compareCodePoints)) {
    const n = top.nodes.get(id);
    if (!n) continue;
    const holds = n.holds.map((d) => {
      const datum = top.data.get(d);
      const g: GraphDatum = { id: d, classification: datum?.classification ?? "internal" };
      if (datum?.title !== undefined) g.title = datum.title;
      return g;
    });
    const attached = n.zones.filter((z) => design.zoneById.has(z)).sort(compareCodePoints);
    const g: GraphNode = {
      id,
      kind: n.kind,
      device: design.deviceById.has(id) && !design.hostById.has(id),
      zones: attached,
      holds,
      highlighted: hotNodes.has(id),
    };
    if (n.title !== undefined) g.title = n.title;
    nodes.push(g);
    for (const z of attached) links.push({ node: id, zone: z, highlighted: hotLinks.has(`${id}\u0000${z}`) });
  }
  const model: GraphModel = { name: top.name, zones, nodes, links };
  if (top.title !== undefined) model.title = top.title;
  if (top.organization !== undefined) model.organization = top.organization;
  return model;
}

/** Where a node is drawn: inside its zone's box when it is attached to exactly one zone, else between the boxes. */
export function homeZone(n: GraphNode): string | undefined {
  return n.zones.length === 1 ? n.zones[0] : undefined;
}
