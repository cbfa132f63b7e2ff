/**
 * The HTML report for privacy councils: one self-contained file (inline CSS and SVG, no script,
 * nothing fetched: a Content-Security-Policy forbids it), in the reader's language, printable on
 * A4. Per design: the verdict in plain words, the counts, the diagram with the offending paths in
 * red, then each finding with its evidence hop by hop, why it matters, the fix and the references;
 * then the waived and known findings and the input errors. Every value from the input is escaped.
 *
 * A reporter is a pure function of the result; the result has ids only, so the names of zones and
 * nodes and the organisation come from `options.designs`, and the diagrams (laid out beforehand,
 * as elkjs is asynchronous) from `options.diagrams`. Without them the report shows ids and no diagram.
 */
import type { PathElement } from "../analyze/reach.js";
import type { CheckResult, FileResult } from "../check.js";
import { hasMessage, joinList, t } from "../i18n/index.js";
import type { Design } from "../model/design.js";
import { type Lang, SEVERITIES, type Severity } from "../model/types.js";
import { blockerMessages, referenceLine, spacedBefore } from "../rules/render.js";
import type { Finding } from "../rules/types.js";
import { cleanText, counted, failing, foundValue, ruleInfo } from "./common.js";
import type { ReportDiagram, ReportOptions } from "./types.js";

/**
 * Escapes text for HTML content and attribute values: `& < > " '` (and `=`, so that not even the
 * text of a hostile value reads as an attribute), after removing controls and lone surrogates.
 */
export function h(s: string | number): string {
  return cleanText(String(s)).replace(/[&<>"'=]/g, (c) => `&#${c.codePointAt(0)};`);
}

/** A message of the catalogue, escaped (its parameters come from the input). */
function m(lang: Lang, id: string, params: Record<string, string | number> = {}): string {
  return h(t(lang, id, params));
}

interface Ctx {
  lang: Lang;
  failOn: Severity | "none";
  design: Design | undefined;
  /** the file reported on (the metadata of its policy files' rules) */
  file: FileResult;
}

/** A zone's or node's name for a reader: its title and id, or its id. Escaped. */
function named(ctx: Ctx, id: string, kind: "zone" | "node"): string {
  const title = kind === "zone" ? ctx.design?.zoneById.get(id)?.def.title : ctx.design?.topology.nodes.get(id)?.title;
  if (id.endsWith("/*") && kind === "node") {
    const zone = id.slice(0, -2);
    return `${m(ctx.lang, "html.implicit-host", { zone: spacedBefore(ctx.design?.zoneById.get(zone)?.def.title ?? zone, ctx.lang) })} <code>${h(id)}</code>`;
  }
  return title && title !== id ? `${h(title)} <code>${h(id)}</code>` : `<code>${h(id)}</code>`;
}

/** A name in plain text (for sentences built from messages, escaped as a whole). */
function plainName(ctx: Ctx, id: string): string {
  if (id.endsWith("/*")) {
    const zone = id.slice(0, -2);
    return `${t(ctx.lang, "html.implicit-host", { zone: spacedBefore(ctx.design?.zoneById.get(zone)?.def.title ?? zone, ctx.lang) })} (${id})`;
  }
  const title = ctx.design?.topology.nodes.get(id)?.title;
  return title && title !== id ? `${title} (${id})` : id;
}

function hop(p: PathElement, ctx: Ctx): string {
  if (p.type === "zone") {
    const tier = ctx.design?.zoneById.get(p.id)?.tier;
    return `<li class="hop-zone${tier ? ` tier-${tier}` : ""}">${named(ctx, p.id, "zone")}</li>`;
  }
  if (p.type === "device" && p.rule) {
    const how =
      p.rule === "default"
        ? t(ctx.lang, "html.allowed-default")
        : p.ruleTitle
          ? t(ctx.lang, "html.allowed-by-titled", { rule: p.rule, title: p.ruleTitle })
          : t(ctx.lang, "html.allowed-by", { rule: p.rule });
    return `<li class="hop-device">${named(ctx, p.id, "node")} <span class="rule">${h(how)}</span></li>`;
  }
  return `<li class="hop-${p.type}">${named(ctx, p.id, "node")}</li>`;
}

/** A path as a small diagram: one box a hop, zones coloured by tier, firewalls with the rule that lets it through, arrows between. */
function pathHtml(path: readonly PathElement[], ctx: Ctx): string {
  return `<ol class="path" aria-label="${m(ctx.lang, "html.path")}">${path.map((p) => hop(p, ctx)).join("")}</ol>`;
}

/** The sources besides the one drawn: listed, the rest folded when there are many. */
function otherSources(f: Finding, ctx: Ctx): string {
  const drawn = f.evidence.chain?.source;
  const others = f.subjects.slice(1).filter((s) => s !== drawn);
  const total = (f.evidence.sources ?? 1) - 1;
  if (total <= 0) return "";
  const head = `<p>${m(ctx.lang, "html.sources", { n: total })}</p>`;
  if (others.length === 0) return head;
  const item = (id: string) => `<li>${named(ctx, id, "node")}</li>`;
  const shown = others.slice(0, SOURCES_SHOWN);
  const rest = others.slice(SOURCES_SHOWN);
  const folded =
    rest.length > 0
      ? `<details class="more"><summary>${m(ctx.lang, "html.sources-more", { n: rest.length })}</summary><ul class="sources">${rest.map(item).join("")}</ul></details>`
      : "";
  return `${head}<ul class="sources">${shown.map(item).join("")}</ul>${folded}`;
}

/** How many other sources are listed before the rest is folded. */
const SOURCES_SHOWN = 8;

function evidenceHtml(f: Finding, ctx: Ctx): string {
  const { lang } = ctx;
  const e = f.evidence;
  const out: string[] = [];
  if (e.chain) {
    const service =
      e.services === undefined || e.services === e.chain.service
        ? t(lang, "html.service", { service: e.chain.service })
        : t(lang, "html.services", {
            services: e.services === "any" ? t(lang, "label.any-service") : e.services,
            service: e.chain.service,
          });
    out.push(`<p class="service">${h(service)}</p>`, pathHtml(e.chain.path, ctx), otherSources(f, ctx));
  }
  e.contagion?.steps.forEach((s, i) => {
    const text = t(lang, s.mode === "reach" ? "html.step.reach" : "html.step.fetch", {
      from: plainName(ctx, s.from),
      to: plainName(ctx, s.to),
      service: s.service,
    });
    out.push(`<p class="step"><b>${m(lang, "html.step", { n: i + 1 })}</b> ${h(text)}</p>`, pathHtml(s.path, ctx));
  });
  if (e.flow) {
    const flow = ctx.design?.topology.flows.get(e.flow.id)?.title;
    const name = flow ? `${flow} (${e.flow.id})` : e.flow.id;
    const line =
      e.flow.sender !== undefined && e.flow.receiver !== undefined
        ? t(lang, "report.evidence.flow-hop", {
            flow: name,
            sender: plainName(ctx, e.flow.sender),
            receiver: plainName(ctx, e.flow.receiver),
          })
        : e.flow.node !== undefined
          ? t(lang, "report.evidence.flow-after", {
              flow: name,
              node: plainName(ctx, e.flow.node),
              after: plainName(ctx, e.flow.after ?? ""),
            })
          : t(lang, "html.flow", { flow: name });
    out.push(`<p>${h(line)}${e.flow.service ? ` <code>${h(e.flow.service)}</code>` : ""}</p>`);
  }
  if (e.blocked) {
    out.push(`<p>${m(lang, `reason.${e.blocked.reason}`)}</p>`);
    const items: string[] = [];
    if (e.blocked.accepts) items.push(t(lang, "evidence.accepts", { services: e.blocked.accepts }));
    items.push(...blockerMessages(e.blocked.blockers, lang));
    if (items.length > 0) out.push(`<ul>${items.map((i) => `<li>${h(i)}</li>`).join("")}</ul>`);
  }
  const value = foundValue(e);
  if (value !== undefined && !e.chain) out.push(`<p>${m(lang, "report.evidence.value", { value })}</p>`);
  if (e.zones && e.zones.length > 0) {
    const names = e.zones.map((z) => {
      const title = ctx.design?.zoneById.get(z)?.def.title;
      return title && title !== z ? `${title} (${z})` : z;
    });
    out.push(`<p>${m(lang, "report.evidence.zones", { zones: joinList(lang, names) })}</p>`);
  }
  if (e.overlaps && e.overlaps.length > 0) out.push(`<p>${m(lang, "report.overlaps", { rules: e.overlaps.join(", ") })}</p>`);
  return out.join("");
}

function findingHtml(f: Finding, ctx: Ctx, anchor: string): string {
  const { lang } = ctx;
  const rule = ruleInfo(f.rule, [ctx.file])?.meta;
  const evidence = evidenceHtml(f, ctx);
  const out = [
    `<article class="finding sev-${f.severity}" id="${anchor}">`,
    `<div class="finding-head"><h4><span class="badge">${m(lang, `severity.${f.severity}`)}</span> <span class="rule-id">${h(f.rule)}</span> ${h(rule?.title[lang] ?? "")}</h4>`,
    `<p class="message">${h(f.message)}</p></div>`,
  ];
  if (evidence) out.push(`<div class="evidence"><h5>${m(lang, "html.evidence")}</h5>${evidence}</div>`);
  if (rule) {
    out.push(`<h5>${m(lang, "html.why")}</h5><p>${h(rule.why[lang])}</p>`);
    out.push(`<h5>${m(lang, "html.fix")}</h5><p>${h(rule.fix[lang])}</p>`);
    if (rule.references.length > 0)
      out.push(
        `<h5>${m(lang, "html.references")}</h5><ul class="refs">${rule.references
          .map((r) => `<li>${h(referenceLine(r, lang))}</li>`)
          .join("")}</ul>`,
      );
  } else out.push(`<p>${m(lang, "report.user-rule", { rule: f.rule })}</p>`);
  out.push(
    `<p class="where">${m(lang, "html.where")}: <code>${h(`${f.location.file}:${f.location.line}:${f.location.column}`)}</code></p>`,
    "</article>",
  );
  return out.join("\n");
}

/**
 * pass: nothing at or above the threshold and nothing critical or high; fail: findings at or above
 * the threshold; review: critical or high findings stand below the threshold; unjudged: no
 * threshold (`--fail-on none`); error: not checked (input errors).
 */
type VerdictState = "pass" | "fail" | "review" | "unjudged" | "error";

interface Verdict {
  state: VerdictState;
  text: string;
}

/** The verdict of one file in plain words: what is wrong and how much, or that nothing is. Never "pass" while critical or high findings stand. Not escaped. */
function verdict(file: FileResult, lang: Lang, failOn: Severity | "none"): Verdict {
  if (file.errors.length > 0) return { state: "error", text: t(lang, "html.verdict.errors", { n: file.errors.length }) };
  const live = file.findings.filter(counted);
  const n = (s: Severity) => live.filter((f) => f.severity === s).length;
  const fails = file.findings.some((f) => failing(f, failOn));
  const parts: string[] = [];
  const serious = (["critical", "high"] as const).filter((s) => n(s) > 0);
  if (serious.length > 0) {
    const listed = joinList(
      lang,
      serious.map((s) => t(lang, `html.verdict.${s}`, { n: n(s) })),
    );
    parts.push(t(lang, "html.verdict.serious", { parts: listed }));
    parts.push(t(lang, "html.verdict.fix"));
  } else if (live.length > 0) parts.push(t(lang, "html.verdict.minor", { n: live.length }));
  else parts.push(t(lang, failOn === "none" ? "html.verdict.nothing" : "html.verdict.clean"));
  const waived = file.findings.filter((f) => f.waived).length;
  const baselined = file.findings.filter((f) => f.baselined && !f.waived).length;
  if (waived + baselined > 0) parts.push(t(lang, "html.verdict.not-counted", { waived, baselined }));
  const state: VerdictState = failOn === "none" ? "unjudged" : fails ? "fail" : serious.length > 0 ? "review" : "pass";
  if (state === "unjudged") parts.push(t(lang, "html.verdict.no-threshold"));
  if (state === "review") parts.push(t(lang, "html.verdict.below-threshold", { level: t(lang, `severity.${failOn}`) }));
  return { state, text: parts.join(lang === "ja" ? "" : " ") };
}

function verdictHtml(v: Verdict, lang: Lang, serious: boolean): string {
  return `<p class="verdict ${v.state}${serious ? " serious" : ""}"><span class="mark">${m(lang, `html.${v.state}`)}</span> ${h(v.text)}</p>`;
}

function seriousIn(file: FileResult): boolean {
  return file.findings.some((f) => counted(f) && (f.severity === "critical" || f.severity === "high"));
}

function countsHtml(file: FileResult, lang: Lang): string {
  const live = file.findings.filter(counted);
  const head = SEVERITIES.map(
    (s) => `<th scope="col" class="sev-${s}"><span class="badge">${m(lang, `severity.${s}`)}</span></th>`,
  );
  const cell = (n: number) => `<td class="num${n === 0 ? " zero" : ""}">${n}</td>`;
  const cells = SEVERITIES.map((s) => cell(live.filter((f) => f.severity === s).length));
  head.push(`<th scope="col" class="extra">${m(lang, "html.waived-count")}</th>`);
  head.push(`<th scope="col" class="extra">${m(lang, "html.baselined-count")}</th>`);
  cells.push(cell(file.findings.filter((f) => f.waived).length));
  cells.push(cell(file.findings.filter((f) => f.baselined && !f.waived).length));
  return `<table class="counts"><caption>${m(lang, "html.count")}</caption><thead><tr>${head.join("")}</tr></thead><tbody><tr>${cells.join("")}</tr></tbody></table>`;
}

/** The list of findings, each linked to its card. */
function findingListHtml(live: readonly Finding[], index: number, lang: Lang): string {
  const items = live.map(
    (f, k) =>
      `<li><a href="#${findingAnchor(index, k)}"><span class="badge-text sev-${f.severity}">${m(lang, `severity.${f.severity}`)}</span> <span class="rule-id">${h(f.rule)}</span> ${h(f.message)}</a></li>`,
  );
  return `<nav class="toc" aria-label="${m(lang, "html.finding-list")}"><h3>${m(lang, "html.finding-list")}</h3><ol>${items.join("")}</ol></nav>`;
}

function findingAnchor(index: number, k: number): string {
  return `finding-${index + 1}-${k + 1}`;
}

function diagramHtml(d: ReportDiagram, lang: Lang): string {
  const out = [`<div class="figure"><h3>${m(lang, "html.diagram")}</h3><p class="legend">${m(lang, "html.legend")}</p>`];
  if (d.note) out.push(`<p class="diagram-note">${h(d.note)}</p>`);
  if (d.svg) out.push(`<div class="diagram${d.print ? " screen-only" : ""}">${d.svg}</div>`);
  if (d.print) {
    out.push('<div class="print-only">');
    if (d.printNote) out.push(`<p class="diagram-note">${h(d.printNote)}</p>`);
    out.push(`<div class="diagram">${d.print}</div></div>`);
  }
  out.push("</div>");
  return out.join("");
}

function fileHtml(file: FileResult, index: number, ctx: Ctx, diagram: ReportDiagram | undefined): string {
  const { lang, design } = ctx;
  const out: string[] = [`<section class="design" id="design-${index + 1}">`];
  out.push(`<h2>${h(file.title ?? file.topology ?? file.file)}</h2>`);
  const meta: Array<[string, string]> = [];
  const org = design?.topology.organization;
  if (org) meta.push([m(lang, "html.org"), h(org)]);
  if (file.model)
    meta.push([
      m(lang, "html.model"),
      hasMessage(`html.model.${file.model}`)
        ? `${m(lang, `html.model.${file.model}`)} <code>${h(file.model)}</code>`
        : h(file.model),
    ]);
  meta.push([m(lang, "html.file"), `<code>${h(file.file)}</code>`]);
  const description = design?.topology.description;
  if (description) meta.push([m(lang, "html.description"), h(description)]);
  out.push(`<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("")}</dl>`);
  out.push(verdictHtml(verdict(file, lang, ctx.failOn), lang, seriousIn(file)));
  if (file.errors.length === 0) out.push(countsHtml(file, lang));
  if (file.errors.length > 0) {
    out.push(`<h3>${m(lang, "html.errors")}</h3><ul class="errors">`);
    for (const e of file.errors)
      out.push(
        `<li><code>${h(`${e.file}:${e.line}:${e.column}`)}</code> ${h(e.message)}${e.hint ? ` <span class="hint">${h(e.hint)}</span>` : ""}</li>`,
      );
    out.push("</ul>");
  }
  const live = file.findings.filter(counted);
  if (live.length > 0) out.push(findingListHtml(live, index, lang));
  if (diagram) out.push(diagramHtml(diagram, lang));
  if (file.errors.length === 0 || live.length > 0) {
    out.push(`<h3>${m(lang, "html.findings")}</h3>`);
    if (live.length === 0) out.push(`<p>${m(lang, "html.none")}</p>`);
    live.forEach((f, k) => {
      out.push(findingHtml(f, ctx, findingAnchor(index, k)));
    });
  }
  const waived = file.findings.filter((f) => f.waived);
  if (waived.length > 0) {
    out.push(`<h3>${m(lang, "html.waived")}</h3><p class="note">${m(lang, "html.waived-note")}</p>`);
    out.push(
      `<table class="waived"><thead><tr><th scope="col">${m(lang, "html.finding")}</th><th scope="col">${m(lang, "html.reason")}</th><th scope="col">${m(lang, "html.approved-by")}</th><th scope="col">${m(lang, "html.expires")}</th></tr></thead><tbody>`,
    );
    for (const f of waived)
      out.push(
        `<tr><td><span class="rule-id">${h(f.rule)}</span> ${h(f.message)}</td><td>${h(f.waiver?.reason ?? "")}</td><td>${h(f.waiver?.approvedBy ?? "")}</td><td class="date">${h(f.waiver?.expires ?? "")}</td></tr>`,
      );
    out.push("</tbody></table>");
  }
  const known = file.findings.filter((f) => f.baselined && !f.waived);
  if (known.length > 0) {
    out.push(`<h3>${m(lang, "html.baselined")}</h3><p class="note">${m(lang, "html.baselined-note")}</p><ul class="known">`);
    for (const f of known)
      out.push(
        `<li><span class="badge-text sev-${f.severity}">${m(lang, `severity.${f.severity}`)}</span> <span class="rule-id">${h(f.rule)}</span> ${h(f.message)}</li>`,
      );
    out.push("</ul>");
  }
  out.push("</section>");
  return out.join("\n");
}

function overviewHtml(result: CheckResult, lang: Lang, failOn: Severity | "none"): string {
  const files = result.files;
  const verdicts = files.map((f) => verdict(f, lang, failOn));
  const failed = verdicts.filter((v) => v.state === "fail" || v.state === "error").length;
  const review = verdicts.filter((v) => v.state === "review").length;
  const serious = files.filter(seriousIn).length;
  const one = files.length === 1 ? "-one" : "";
  const state: VerdictState = failOn === "none" ? "unjudged" : failed > 0 ? "fail" : review > 0 ? "review" : "pass";
  const text =
    state === "unjudged"
      ? t(lang, `html.overall.unjudged${serious > 0 ? "-serious" : ""}${one}`, { files: files.length, serious })
      : state === "review"
        ? t(lang, `html.overall.review${one}`, { files: files.length, review })
        : t(lang, `html.overall.${state}${one}`, { files: files.length, failing: failed });
  const out = [`<section class="overall"><h2>${m(lang, "html.overall")}</h2>`];
  out.push(verdictHtml({ state, text }, lang, serious > 0));
  out.push(
    `<p class="note">${failOn === "none" ? m(lang, "html.never-fails") : m(lang, "html.fail-on", { level: t(lang, `severity.${failOn}`) })}</p>`,
  );
  if (files.length > 1) {
    const head = [m(lang, "html.design"), m(lang, "html.result"), ...SEVERITIES.map((s) => m(lang, `severity.${s}`))];
    out.push(`<table class="designs"><thead><tr>${head.map((x) => `<th scope="col">${x}</th>`).join("")}</tr></thead><tbody>`);
    files.forEach((f, i) => {
      const live = f.findings.filter(counted);
      const cells = SEVERITIES.map((s) => {
        const n = live.filter((x) => x.severity === s).length;
        return f.errors.length > 0 ? "<td></td>" : `<td class="num${n === 0 ? " zero" : ""}">${n}</td>`;
      });
      const state = verdicts[i]?.state ?? "error";
      out.push(
        `<tr><td><a href="#design-${i + 1}">${h(f.title ?? f.topology ?? f.file)}</a><br><code>${h(f.file)}</code></td><td class="${state}">${m(lang, `html.${state}`)}</td>${cells.join("")}</tr>`,
      );
    });
    out.push("</tbody></table>");
  }
  out.push("</section>");
  return out.join("\n");
}

/**
 * The line at the top of every printed page: the design's name, its file, the file's SHA-256 and
 * the date waivers were judged by, so that a printout can be tied to a version of the design.
 * Chromium prints no `@page` margin boxes, but repeats a table's header on every page the table
 * spans: each design's part of the report is one such table.
 */
function sheetHeader(parts: Array<[string, string]>): string {
  return `<thead class="sheet-head"><tr><th>${parts
    .map(([k, v]) => `<span class="sheet-item"><span class="sheet-key">${k}</span> ${v}</span>`)
    .join(" ")}</th></tr></thead>`;
}

function designHeader(file: FileResult, options: ReportOptions): string {
  const { lang } = options;
  const parts: Array<[string, string]> = [
    [m(lang, "html.design"), h(file.title ?? file.topology ?? file.file)],
    [m(lang, "html.file"), `<code>${h(file.file)}</code>`],
  ];
  const digest = options.digests?.get(file.file);
  if (digest) parts.push(["SHA-256", `<code class="digest">${h(digest)}</code>`]);
  if (options.today) parts.push([m(lang, "html.judged-on"), h(options.today)]);
  return sheetHeader(parts);
}

function sheet(head: string, body: string): string {
  return `<table class="sheet">${head}<tbody><tr><td>\n${body}\n</td></tr></tbody></table>`;
}

const CSS = `
:root{--crit:#a50e0e;--crit-bg:#fce8e6;--high:#b23c00;--high-bg:#feefe3;--med:#7a5c00;--med-bg:#fef7e0;--low:#0b57d0;--low-bg:#e8f0fe;--info:#3c4043;--info-bg:#f1f3f4;--pass:#137333;--pass-bg:#e6f4ea;--line:#dadce0;--muted:#5f6368}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:"Noto Sans JP","Noto Sans CJK JP","Hiragino Kaku Gothic ProN","Yu Gothic",Meiryo,sans-serif;line-height:1.7;color:#202124;background:#fff;max-width:62rem;margin:2rem auto;padding:0 1.5rem;font-size:16px}
h1{font-size:1.6rem;border-bottom:3px solid #202124;padding-bottom:.3rem;margin-bottom:.6rem}
h2{font-size:1.35rem;margin:2.5rem 0 .8rem;border-left:6px solid #1a73e8;padding-left:.6rem}
h3{font-size:1.1rem;margin:1.8rem 0 .5rem}
h4{font-size:1.02rem;margin:.1rem 0 .4rem;line-height:1.5}
h5{font-size:.9rem;margin:.8rem 0 .15rem;color:#3c4043}
p{margin:.3rem 0 .6rem}
code{font-family:ui-monospace,"Noto Sans Mono",Menlo,Consolas,monospace;font-size:.82em;background:#f1f3f4;padding:0 .25em;border-radius:3px;overflow-wrap:anywhere}
a{color:#0b57d0}
table.sheet{width:100%;border-collapse:collapse;margin:0}
table.sheet>tbody>tr>td,table.sheet>thead>tr>th{border:none;padding:0;text-align:left;font-weight:normal;background:none}
.sheet-head th{font-size:.78rem;line-height:1.45;color:var(--muted);border-bottom:1px solid var(--line)!important;padding:.2rem 0 .3rem!important}
.sheet-item{display:inline-block;margin-right:1.1em}
.sheet-key{font-weight:bold}
.digest{font-size:1em;background:none;padding:0;word-break:break-all}
table.sheet+table.sheet{margin-top:3rem}
.verdict{font-size:1.08rem;font-weight:bold;padding:.6rem .9rem;border-radius:6px;border:1px solid}
.verdict.pass{background:var(--pass-bg);color:var(--pass);border-color:#a8dab5}
.verdict.fail{background:var(--crit-bg);color:var(--crit);border-color:#f6aea9}
.verdict.review,.verdict.unjudged.serious{background:var(--high-bg);color:var(--high);border-color:#f5b78e}
.verdict.unjudged{background:var(--info-bg);color:var(--info);border-color:var(--line)}
.verdict .mark{display:inline-block;border:2px solid currentColor;border-radius:4px;padding:0 .45em;margin-right:.4em;font-size:.95rem}
.note{font-size:.88rem;color:var(--muted)}
table{border-collapse:collapse;margin:.6rem 0 1rem}
th,td{border:1px solid var(--line);padding:.25rem .6rem;text-align:left;vertical-align:top}
thead th{background:#f8f9fa}
.num{text-align:right;font-variant-numeric:tabular-nums}
.counts caption{text-align:left;font-weight:bold;font-size:.9rem;color:#3c4043}
.counts th{text-align:center;background:#fff}
.counts td{text-align:center;min-width:4.2rem;font-size:1.1rem}
.counts th.extra{font-weight:normal;font-size:.8rem;color:var(--muted);max-width:9rem}
.designs td.pass{color:var(--pass);font-weight:bold}
.designs td.fail,.designs td.error{color:var(--crit);font-weight:bold;white-space:nowrap}
.designs td.review{color:var(--high);font-weight:bold;white-space:nowrap}
.designs td.pass,.designs td.unjudged{white-space:nowrap}
.num.zero{color:#9aa0a6}
.verdict.error{background:var(--med-bg);color:#5c4400;border-color:#f9d67a}
.waived td:nth-child(3){min-width:6em}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1.2rem;margin:.5rem 0 1rem}
.meta dt{font-weight:bold}
.meta dd{margin:0}
.toc ol{padding-left:1.8rem;margin:.3rem 0 1rem}
.toc li{margin:.15rem 0}
.toc a{color:inherit;text-decoration:none}
.toc a:hover{text-decoration:underline}
.diagram{border:1px solid var(--line);border-radius:6px;padding:.5rem;background:#fff}
.diagram svg{display:block;max-width:100%;height:auto;margin:0 auto}
.diagram svg+svg{margin-top:.6rem}
.diagram-note{font-size:.88rem;background:var(--med-bg);border-radius:4px;padding:.3rem .6rem}
.print-only{display:none}
.legend{font-size:.85rem;color:var(--muted)}
.finding{border:1px solid var(--line);border-left:6px solid var(--info);border-radius:6px;padding:.7rem 1rem;margin:1rem 0}
.finding-head{break-inside:avoid}
.finding.sev-critical{border-left-color:var(--crit)}
.finding.sev-high{border-left-color:#e8710a}
.finding.sev-medium{border-left-color:#f9ab00}
.finding.sev-low{border-left-color:var(--low)}
.badge{display:inline-block;border:1px solid currentColor;border-radius:4px;padding:0 .45em;font-size:.82em;font-weight:bold;line-height:1.6;color:var(--info);background:var(--info-bg);white-space:nowrap}
.sev-critical .badge,.badge-text.sev-critical{color:var(--crit);background:var(--crit-bg)}
.sev-high .badge,.badge-text.sev-high{color:var(--high);background:var(--high-bg)}
.sev-medium .badge,.badge-text.sev-medium{color:var(--med);background:var(--med-bg)}
.sev-low .badge,.badge-text.sev-low{color:var(--low);background:var(--low-bg)}
.badge-text{font-size:.82em;font-weight:bold;padding:0 .3em;border-radius:3px;white-space:nowrap}
.rule-id{font-family:ui-monospace,"Noto Sans Mono",Menlo,Consolas,monospace;font-size:.92em;white-space:nowrap}
.message{font-weight:bold}
.evidence{background:#f8f9fa;border-radius:4px;padding:.2rem .8rem .4rem;margin:.5rem 0}
.service{margin:.2rem 0}
.path{display:flex;flex-wrap:wrap;align-items:stretch;gap:.45rem 1.5rem;list-style:none;margin:.3rem 0 .6rem;padding:0}
.path li{position:relative;border:1px solid #9aa0a6;border-radius:5px;background:#fff;padding:.15rem .5rem;line-height:1.45;max-width:100%;break-inside:avoid}
.path li:not(:last-child)::after{content:"→";position:absolute;right:-1.25rem;top:50%;transform:translateY(-50%);color:var(--muted);font-weight:bold}
.path .hop-zone{border-radius:9px;border-width:2px;background:#f1f3f4}
.path .hop-zone.tier-internet-side{border-color:#e57373;background:#fdecea}
.path .hop-zone.tier-lgwan-side{border-color:#64b5f6;background:#e8f1fb}
.path .hop-zone.tier-mynumber-side{border-color:#81c784;background:#eaf5ea}
.path .hop-device{background:#fff8e1;border-color:#f9a825}
.path .rule{display:block;color:var(--crit);font-size:.9em}
.sources{margin:.1rem 0 .4rem;padding-left:1.6rem;font-size:.92em}
details.more summary{cursor:pointer;color:var(--low);font-size:.92em}
.where{font-size:.85rem;color:var(--muted);margin-top:.8rem}
.hint{color:var(--muted)}
.date{white-space:nowrap}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted);border-top:1px solid var(--line);padding-top:.5rem}
@page{size:A4;margin:12mm 13mm 14mm}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;max-width:none;padding:0;font-size:10.5pt;line-height:1.55}
h1{font-size:16pt;margin-top:.2rem}
h2{font-size:13.5pt;margin:1.2rem 0 .5rem}
h3{font-size:11.5pt;margin:1rem 0 .4rem}
.sheet-head th,.sheet-head code{font-size:8pt}
.note,.legend,.where,.diagram-note,.counts th.extra{font-size:8.5pt}
code,.rule-id,.badge,.badge-text{font-size:8.5pt}
a{color:inherit;text-decoration:none}
table.sheet{break-before:page}
table.sheet:first-of-type{break-before:auto}
h2,h3,h4,h5{break-after:avoid;page-break-after:avoid}
.screen-only{display:none}
.print-only{display:block}
.diagram{border:none;padding:0}
.diagram svg{max-height:250mm;width:auto;break-inside:avoid}
.verdict,.counts,table tr,.path li,.finding-head{break-inside:avoid}
.finding{margin:.7rem 0;padding:.5rem .8rem}
details.more>ul{display:block}
footer{margin-top:1rem}
}
`;

export function reportHtml(result: CheckResult, options: ReportOptions): string {
  const { lang, failOn } = options;
  const sections = result.files.map((f, i) =>
    fileHtml(f, i, { lang, failOn, design: options.designs?.get(f.file), file: f }, options.diagrams?.get(f.file)),
  );
  const intro = `<header>
<h1>${m(lang, "html.title")}</h1>
<p>${m(lang, "html.intro")}</p>
</header>
${overviewHtml(result, lang, failOn)}`;
  // the footer inside the last sheet, so that it never takes a page of its own without the header
  const footer = `<footer>${m(lang, "html.generated", { version: result.tool.version })}</footer>`;
  const last = sections.length - 1;
  if (last >= 0) sections[last] = `${sections[last]}\n${footer}`;
  const single = result.files.length === 1 && result.files[0] !== undefined;
  const sheets = single
    ? [sheet(designHeader(result.files[0] as FileResult, options), `${intro}\n${sections[0]}`)]
    : [
        sheet(
          sheetHeader([
            [m(lang, "html.designs-checked"), h(result.files.length)],
            ...(options.today ? [[m(lang, "html.judged-on"), h(options.today)] as [string, string]] : []),
          ]),
          last < 0 ? `${intro}\n${footer}` : intro,
        ),
        ...result.files.map((f, i) => sheet(designHeader(f, options), sections[i] ?? "")),
      ];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="bunri ${h(result.tool.version)}">
<title>${m(lang, "html.title")}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${sheets.join("\n")}
</main>
</body>
</html>
`;
}
