/**
 * Turning ids into words for messages: a node's title with its id, an implicit host as "any host
 * on <zone>", a chain as `a → [zone] → fw (rule) → …`. Shared by the engine and the reporters.
 */
import type { Blocker, PathElement } from "../analyze/reach.js";
import { t } from "../i18n/index.js";
import type { Design } from "../model/design.js";
import type { Lang } from "../model/types.js";
import type { Reference } from "./types.js";

export function labelOf(design: Design | undefined, id: string, lang: Lang): string {
  if (!design) return id;
  if (id.endsWith("/*")) {
    const zoneId = id.slice(0, -2);
    const zone = design.zoneById.get(zoneId);
    const zoneName = zone?.def.title ? `${zone.def.title}` : zoneId;
    return t(lang, "label.implicit-host", { zone: spacedBefore(zoneName, lang), id });
  }
  const node = design.topology.nodes.get(id);
  if (node?.title) return `${node.title} (${id})`;
  const flow = design.topology.flows.get(id);
  if (flow?.title) return `${flow.title} (${id})`;
  const zone = design.topology.zones.get(id);
  if (zone?.title) return `${zone.title} (${id})`;
  return id;
}

/**
 * A name followed by Japanese text: a space after a Latin name (`dmz 上の`), none after a
 * Japanese one (`公開セグメント上の`). English messages carry their own spaces.
 */
export function spacedBefore(name: string, lang: Lang): string {
  return lang === "ja" && /[\x21-\x7e]$/.test(name) ? `${name} ` : name;
}

/** A chain on one line: `internet/* → [internet] → ips → [asp-edge] → fw-front (fw-front#1) → [asp-dmz] → web-inet`. */
export function formatPath(path: readonly PathElement[]): string {
  return path
    .map((p) => {
      if (p.type === "zone") return `[${p.id}]`;
      if (p.type === "device" && p.rule) return `${p.id} (${p.rule})`;
      return p.id;
    })
    .join(" → ");
}

/** What stops traffic, one sentence each: a firewall's deny rules and its default deny, a host that does not forward. */
export function blockerMessages(blockers: readonly Blocker[], lang: Lang): string[] {
  const out: string[] = [];
  for (const b of blockers) {
    if (b.type === "firewall") {
      if (b.rules.length > 0) out.push(t(lang, "blocker.firewall-rule", { firewall: b.id, rules: b.rules.join(", ") }));
      if (b.defaultDeny) out.push(t(lang, "blocker.firewall-default", { firewall: b.id }));
    } else out.push(t(lang, `blocker.${b.type}`, { host: b.id }));
  }
  return out;
}

/** A rule's reference in one language: the document, then the section where known. */
export function referenceLine(r: Reference, lang: Lang): string {
  return r.section ? `${r[lang]} ${r.section}` : r[lang];
}
