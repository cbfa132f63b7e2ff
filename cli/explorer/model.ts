/**
 * From a checked design to what the explorer shows: the findings, the zones with their nodes and
 * data and whether the internet reaches them, and the hosts the reach query offers.
 */
import type { CheckedDesign } from "../../src/check.js";
import type { Lang } from "../../src/model/types.js";
import { labelOf } from "../../src/rules/render.js";
import type { FileView, ZoneNode, ZoneRow } from "./types.js";

export function fileView(checked: CheckedDesign, lang: Lang): FileView {
  const { result, design, analysis } = checked;
  const view: FileView = {
    file: result.file,
    errors: result.errors.map((e) => ({ line: e.line, column: e.column, message: e.message })),
    findings: result.findings,
    zones: [],
    hosts: [],
  };
  if (result.topology !== undefined) view.topology = result.topology;
  if (result.title !== undefined) view.title = result.title;
  if (result.model !== undefined) view.model = result.model;
  if (result.rules !== undefined) view.rules = result.rules;
  if (!design || !analysis) return view;
  const exposed = new Set(analysis.exposure().keys());
  const top = design.topology;
  const zones: ZoneRow[] = design.zones.map((z) => {
    const nodes: ZoneNode[] = [];
    for (const [id, n] of top.nodes) {
      if (!n.zones.includes(z.id)) continue;
      const host = design.hostById.get(id);
      const node: ZoneNode = {
        id,
        kind: n.kind,
        holds: n.holds.map((d) => `${d} (${top.data.get(d)?.classification ?? "?"})`),
        exposed: host !== undefined && exposed.has(host.index),
      };
      if (n.title !== undefined) node.title = n.title;
      if (host !== undefined) node.fetches = { value: n.fetches, declared: n.fetchesDeclared };
      nodes.push(node);
    }
    const implicit = design.hostById.get(`${z.id}/*`);
    const row: ZoneRow = {
      id: z.id,
      kind: z.kind,
      tier: z.tier,
      exposed: nodes.some((n) => n.exposed) || (implicit !== undefined && exposed.has(implicit.index)),
      nodes,
    };
    if (z.def.title !== undefined) row.title = z.def.title;
    if (z.def.location !== undefined) row.location = z.def.location;
    return row;
  });
  view.zones = zones;
  view.hosts = design.hosts.map((h) => ({ id: h.id, label: labelOf(design, h.id, lang) }));
  return view;
}
