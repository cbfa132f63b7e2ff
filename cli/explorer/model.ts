/**
 * From a checked design to what the explorer shows: the findings, the zones with their nodes and
 * data and whether the internet reaches them, and the hosts the reach query offers.
 */
import type { CheckedDesign } from "../../src/check.js";
import { hasMessage, t } from "../../src/i18n/index.js";
import { type Lang, TIERS } from "../../src/model/types.js";
import { labelOf } from "../../src/rules/render.js";
import type { FileView, ZoneNode, ZoneRow } from "./types.js";

export function fileView(checked: CheckedDesign, lang: Lang): FileView {
  const { result, design, analysis } = checked;
  const view: FileView = {
    file: result.file,
    // with the hint ("did you mean …"), as the text report shows it
    errors: result.errors.map((e) => ({
      line: e.line,
      column: e.column,
      message: e.hint ? `${e.message} (${e.hint})` : e.message,
    })),
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
        holds: n.holds.map((d) => {
          const datum = top.data.get(d);
          const cls = `graph.classification.${datum?.classification ?? ""}`;
          return `${datum?.title ? `${datum.title} (${d})` : d}: ${hasMessage(cls) ? t(lang, cls) : (datum?.classification ?? "?")}`;
        }),
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
  // by tier, as a network engineer reads a design: the internet side (the internet first), the
  // LGWAN side, the My Number tier, then zones of no tier; in file order within each
  const tierRank = (z: ZoneRow) => (z.tier ? (TIERS as readonly string[]).indexOf(z.tier) : TIERS.length);
  const kindRank = (z: ZoneRow) => (z.kind === "internet" ? 0 : 1);
  view.zones = zones
    .map((z, i) => ({ z, i }))
    .sort((a, b) => tierRank(a.z) - tierRank(b.z) || kindRank(a.z) - kindRank(b.z) || a.i - b.i)
    .map(({ z }) => z);
  view.hosts = design.hosts.map((h) => ({ id: h.id, label: labelOf(design, h.id, lang) }));
  return view;
}
