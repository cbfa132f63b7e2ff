/**
 * The scrolling pages of the explorer as styled lines, built by pure functions: a finding (message,
 * evidence hop by hop with zone names and the firewall rule at each firewall, why, fix,
 * references), a reach answer, the zones, the help. The views slice them to the screen.
 */
import type { PathElement } from "../../src/analyze/reach.js";
import { findRule } from "../../src/catalogue.js";
import { zoneKindName } from "../../src/graph/labels.js";
import { hasMessage, t } from "../../src/i18n/index.js";
import type { Design } from "../../src/model/design.js";
import type { Lang } from "../../src/model/types.js";
import type { PairAnswer } from "../../src/query.js";
import { blockerMessages, labelOf, referenceLine } from "../../src/rules/render.js";
import type { Finding, RuleMetadata } from "../../src/rules/types.js";
import { type Line, paragraph, wrap } from "./text.js";
import type { ZoneRow } from "./types.js";

const SEVERITY_COLOUR = { critical: "red", high: "red", medium: "yellow", low: "cyan", info: "gray" } as const;

export function severityColour(s: Finding["severity"]): Line["color"] {
  return SEVERITY_COLOUR[s];
}

function zoneName(design: Design | undefined, id: string): string {
  const z = design?.zoneById.get(id);
  return z?.def.title ? `${z.def.title} (${id})` : id;
}

/** A chain, one hop a line: hosts and devices with their titles, zones between, the rule at each firewall. */
export function pathLines(path: readonly PathElement[], design: Design | undefined, lang: Lang, cols: number): Line[] {
  const out: Line[] = [];
  path.forEach((p, i) => {
    // every hop's name starts in the same column: the first has no arrow, but its room
    const arrow = i === 0 ? "    " : "  → ";
    const cont = "      ";
    const lines = (text: string, style: Omit<Line, "text">): Line[] => wrap(text, cols, cont).map((l) => ({ ...style, text: l }));
    if (p.type === "zone") {
      out.push(...lines(`${arrow}[${zoneName(design, p.id)}]`, { color: "gray" }));
      return;
    }
    const label = labelOf(design, p.id, lang);
    if (p.type === "device" && p.rule) {
      out.push(...lines(`${arrow}${label}`, { bold: true }));
      const rule =
        p.rule === "default"
          ? t(lang, "tui.rule-default")
          : t(lang, "tui.rule-used", { rule: p.rule, title: p.ruleTitle ? ` "${p.ruleTitle}"` : "" });
      out.push(...paragraph(rule, cols, { color: "yellow" }, cont));
      return;
    }
    out.push(...lines(`${arrow}${label}`, p.type === "host" ? { bold: true } : {}));
  });
  return out;
}

function heading(text: string): Line[] {
  return [{ text: "" }, { text, bold: true, color: "blue" }];
}

/** Everything about one finding, as lines `cols` wide. */
export function findingPage(
  f: Finding,
  design: Design | undefined,
  lang: Lang,
  cols: number,
  /** the rules of the user's policy files (FileView.rules); the catalogue has the built-in ones */
  policyRules: readonly RuleMetadata[] = [],
): Line[] {
  const out: Line[] = [];
  const state = f.waived ? ` [${t(lang, "report.waived")}]` : f.baselined ? ` [${t(lang, "report.baselined")}]` : "";
  out.push({ text: `${t(lang, `severity.${f.severity}`)}  ${f.rule}${state}`, bold: true, color: severityColour(f.severity) });
  const rule: RuleMetadata | undefined = policyRules.find((r) => r.id === f.rule) ?? findRule(f.rule);
  if (rule) out.push(...paragraph(rule.title[lang], cols, { bold: true }));
  out.push({ text: "" }, ...paragraph(f.message, cols));
  out.push({
    text: t(lang, "tui.location", { file: f.location.file, line: f.location.line, column: f.location.column }),
    dim: true,
  });
  const e = f.evidence;
  if (e.chain) {
    out.push(...heading(t(lang, "tui.evidence-path", { service: e.chain.service })));
    out.push(...pathLines(e.chain.path, design, lang, cols));
    if ((e.sources ?? 1) > 1) out.push({ text: `  ${t(lang, "report.more-sources", { n: (e.sources ?? 1) - 1 })}`, dim: true });
  }
  if (e.contagion) {
    out.push(...heading(t(lang, "tui.evidence-contagion", { distance: e.contagion.distance })));
    e.contagion.steps.forEach((s, i) => {
      out.push({
        text: t(lang, `tui.step-${s.mode}`, { n: i + 1, from: labelOf(design, s.from, lang), to: labelOf(design, s.to, lang) }),
        bold: true,
      });
      out.push(...pathLines(s.path, design, lang, cols).map((l) => ({ ...l, text: `  ${l.text}` })));
    });
  }
  if (e.flow) {
    out.push(...heading(t(lang, "tui.evidence-flow")));
    const flow = labelOf(design, e.flow.id, lang);
    out.push(...paragraph(flow, cols, { bold: true }, "  "));
    if (e.flow.sender && e.flow.receiver)
      out.push(
        ...paragraph(
          `${labelOf(design, e.flow.sender, lang)} → ${labelOf(design, e.flow.receiver, lang)}${e.flow.service ? ` (${e.flow.service})` : ""}`,
          cols,
          {},
          "  ",
        ),
      );
    if (e.flow.node && e.flow.after)
      out.push(
        ...paragraph(
          t(lang, "tui.flow-after", { node: labelOf(design, e.flow.node, lang), after: labelOf(design, e.flow.after, lang) }),
          cols,
          {},
          "  ",
        ),
      );
  }
  if (e.blocked) {
    out.push(...paragraph(t(lang, `reason.${e.blocked.reason}`), cols, { color: "yellow" }, "  "));
    if (e.blocked.accepts) out.push(...paragraph(t(lang, "evidence.accepts", { services: e.blocked.accepts }), cols, {}, "  "));
    for (const line of blockerMessages(e.blocked.blockers, lang)) out.push(...paragraph(`- ${line}`, cols, {}, "  "));
  }
  if (e.value !== undefined && !e.chain) out.push(...paragraph(t(lang, "tui.value", { value: e.value }), cols, {}, "  "));
  if (e.zones && e.zones.length > 0 && !e.chain)
    out.push(...paragraph(t(lang, "tui.zones", { zones: e.zones.map((z) => zoneName(design, z)).join(", ") }), cols, {}, "  "));
  if (e.overlaps && e.overlaps.length > 0)
    out.push(...paragraph(t(lang, "report.overlaps", { rules: e.overlaps.join(", ") }), cols, {}, "  "));
  if (f.waived && f.waiver)
    out.push(
      ...paragraph(
        t(lang, "report.waived-because", { reason: f.waiver.reason, expires: f.waiver.expires }),
        cols,
        { color: "green" },
        "  ",
      ),
    );
  if (rule) {
    out.push(...heading(t(lang, "tui.why")), ...paragraph(rule.why[lang], cols, {}, "  "));
    out.push(...heading(t(lang, "tui.fix")), ...paragraph(rule.fix[lang], cols, {}, "  "));
    if (rule.references.length > 0) {
      out.push(...heading(t(lang, "tui.references")));
      for (const r of rule.references) out.push(...paragraph(`- ${referenceLine(r, lang)}`, cols, {}, "  "));
    }
  }
  return out;
}

/** A reach answer: the chain with the rules, or what stops it. */
export function reachPage(answer: PairAnswer, design: Design | undefined, lang: Lang, cols: number): Line[] {
  const out: Line[] = [];
  const src = labelOf(design, answer.source, lang);
  const dst = labelOf(design, answer.target, lang);
  if (answer.reaches && answer.chain) {
    out.push(
      ...paragraph(t(lang, "tui.reach-yes", { source: src, target: dst, services: answer.services ?? "" }), cols, {
        bold: true,
        color: "red",
      }),
    );
    out.push(...heading(t(lang, "tui.evidence-path", { service: answer.chain.service })));
    out.push(...pathLines(answer.chain.path, design, lang, cols));
    return out;
  }
  out.push(...paragraph(t(lang, "tui.reach-no", { source: src, target: dst }), cols, { bold: true, color: "green" }));
  const ex = answer.explanation;
  if (ex) {
    out.push({ text: "" }, ...paragraph(t(lang, `reason.${ex.reason}`), cols, { color: "yellow" }, "  "));
    if (ex.accepts) out.push(...paragraph(t(lang, "evidence.accepts", { services: ex.accepts }), cols, {}, "  "));
    for (const l of blockerMessages(ex.blockers, lang)) out.push(...paragraph(`- ${l}`, cols, {}, "  "));
  }
  return out;
}

/** A node's kind in the reader's language (a kind the catalogue does not name stays as written). */
function nodeKindName(kind: string, lang: Lang): string {
  const id = `tui.node-kind.${kind}`;
  return hasMessage(id) ? t(lang, id) : kind;
}

/** One zone's block in the zones view: its kind, tier and nodes with what they hold, in the reader's language. */
export function zoneBlock(z: ZoneRow, lang: Lang, cols: number, selected: boolean): Line[] {
  const reach =
    z.kind === "internet"
      ? t(lang, "tui.zone-internet")
      : z.exposed
        ? t(lang, "tui.zone-exposed")
        : t(lang, "tui.zone-not-exposed");
  const kind = zoneKindName(z.kind, lang);
  const tier = z.tier ? t(lang, `graph.band.${z.tier}`) : "";
  const facts = [kind, ...(tier && tier !== kind ? [tier] : []), ...(z.location ? [z.location] : [])].join(" / ");
  const head = `${z.title ? `${z.title} (${z.id})` : z.id}  ${facts}`;
  // the marker shows the selection where a terminal has no attributes (NO_COLOR, a screen reader)
  const out: Line[] = wrap(`${selected ? "› " : "  "}${head}`, cols, "    ").map((text) => ({
    text,
    bold: true,
    inverse: selected,
  }));
  out.push(...paragraph(reach, cols, { color: z.kind === "internet" ? "gray" : z.exposed ? "red" : "green" }, "  "));
  for (const n of z.nodes) {
    const holds = n.holds.length > 0 ? `  ${t(lang, "tui.holds", { data: n.holds.join(", ") })}` : "";
    const exposed = n.exposed && z.kind !== "internet" ? `  ${t(lang, "tui.node-exposed")}` : "";
    const style: Omit<Line, "text"> = n.exposed && z.kind !== "internet" ? { color: "red" } : {};
    // whether a host fetches: shown for every fetcher, and for a host declared not to fetch
    const fetches =
      n.fetches?.value === true
        ? `  ${t(lang, n.fetches.declared ? "tui.node-fetches-declared" : "tui.node-fetches")}`
        : n.fetches?.declared
          ? `  ${t(lang, "tui.node-no-fetch")}`
          : "";
    const text = `    - ${n.title ? `${n.title} (${n.id})` : n.id} [${nodeKindName(n.kind, lang)}]${holds}${fetches}${exposed}`;
    out.push(...wrap(text, cols, "      ").map((l) => ({ ...style, text: l })));
  }
  return out;
}

export function helpPage(lang: Lang, cols: number): Line[] {
  const out: Line[] = [{ text: t(lang, "tui.help-title"), bold: true }, { text: "" }];
  const keys: Array<[string, string]> = [
    ["↑ ↓  j k", "tui.help.move"],
    ["PgUp PgDn  Space  g G", "tui.help.page"],
    ["Enter  →", "tui.help.open"],
    ["Esc  ←  Backspace", "tui.help.back"],
    ["/", "tui.help.filter"],
    ["1 2 3 4 5", "tui.help.severity"],
    ["z", "tui.help.zones"],
    ["r", "tui.help.reach"],
    ["f", "tui.help.files"],
    ["?", "tui.help.help"],
    ["q  Ctrl+C", "tui.help.quit"],
  ];
  // two columns: the keys, then what they do from column 24 (its continuation lines too)
  for (const [k, id] of keys) out.push(...wrap(`${k.padEnd(24)}${t(lang, id)}`, cols, " ".repeat(24)).map((text) => ({ text })));
  return out;
}
