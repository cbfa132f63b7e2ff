/** `bunri graph`: Mermaid, DOT and SVG of a design, the highlighted paths of a rule, escaping, determinism. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PathElement } from "../../src/analyze/reach.js";
import { type CheckedDesign, checkFile, checkText } from "../../src/check.js";
import { designGraph, findingPaths, type GraphModel, toDot, toMermaid } from "../../src/graph/index.js";
import { wrap } from "../../src/graph/labels.js";
import { toSvg } from "../../src/graph/svg.js";
import { mermaidLabel } from "../../src/graph/text.js";
import { ROOT, bunri as run } from "../helpers/cli.js";

const TODAY = "2026-11-23";

function bunri(args: string[]) {
  return run(args, ROOT);
}

async function checked(file: string): Promise<CheckedDesign & { design: NonNullable<CheckedDesign["design"]> }> {
  const c = await checkFile(join(ROOT, file), { lang: "en", today: TODAY });
  if (!c.design) throw new Error(`${file}: ${c.result.errors.map((e) => e.message).join("; ")}`);
  return { ...c, design: c.design };
}

async function model(file: string, rule?: string): Promise<GraphModel> {
  const c = await checked(file);
  const highlight = rule ? findingPaths(c.result.findings.filter((f) => f.rule === rule)) : [];
  return designGraph(c.design, { highlight });
}

/** The ids of the highlighted nodes of an SVG (each node's tooltip names its id in parentheses or as its first word). */
function hotGroups(svg: string): string[] {
  return [...svg.matchAll(/<g class="node[^"]* hot"><title>([^<]*)<\/title>/g)].map((m) => m[1] ?? "");
}

/** Hostile text: markup, a Mermaid statement and directive on new lines, controls, a bidi override. */
const EVIL = {
  script: "<script>alert(1)</script>",
  img: '"><img src=x onerror=alert(1)>',
  mermaid: 'x"]\n  click n0 call alert(1)\n%%{init: {}}%% {{ }} | ` # & \\',
  controls: "\u0007\u001b[31m\u202e\u0000",
};

/** A design whose every free text is hostile (JSON strings are YAML double-quoted scalars). */
const HOSTILE_YAML = `bunri: 1
name: hostile
title: ${JSON.stringify(`${EVIL.script} ${EVIL.img}`)}
organization: ${JSON.stringify(EVIL.img + EVIL.controls)}
zones:
  internet: { kind: internet, title: ${JSON.stringify(EVIL.script)} }
  dmz: { kind: dmz, title: ${JSON.stringify(EVIL.img + EVIL.controls)} }
nodes:
  citizen: { kind: client, zone: internet, title: ${JSON.stringify(EVIL.mermaid)} }
  fw:
    kind: firewall
    zones: [internet, dmz]
    title: ${JSON.stringify(`</text>${EVIL.script}`)}
    rules:
      - { allow: { from: internet, to: web, service: https }, title: ${JSON.stringify(EVIL.script)} }
  web: { kind: web-server, zone: dmz, holds: [people], title: ${JSON.stringify(`<b>web</b>${EVIL.img}`)} }
data:
  people: { classification: personal, title: ${JSON.stringify(EVIL.script)} }
`;

describe("the graph model", () => {
  it.each(["topologies/takatsuki-card-reservation.yaml", "topologies/reference-alpha.yaml"])(
    "%s: every zone and node, each node linked to each of its zones",
    async (file) => {
      const c = await checked(file);
      const m = designGraph(c.design);
      expect(m.zones.map((z) => z.id)).toEqual([...c.design.topology.zones.keys()].sort());
      expect(m.nodes.map((n) => n.id).sort()).toEqual([...c.design.topology.nodes.keys()].sort());
      for (const n of m.nodes) expect(m.links.filter((l) => l.node === n.id).map((l) => l.zone)).toEqual(n.zones);
      expect(m.nodes.some((n) => n.device && n.zones.length > 1)).toBe(true);
      expect(m.nodes.some((n) => n.holds.length > 0)).toBe(true);
      expect([...m.zones, ...m.nodes].every((x) => !x.highlighted) && m.links.every((l) => !l.highlighted)).toBe(true);
    },
  );

  it("marks the zones, nodes and attachments of a path, and the zone of an implicit host", async () => {
    const c = await checked("topologies/reference-lgwan-asp.yaml");
    const path: PathElement[] = [
      { type: "host", id: "internet/*" },
      { type: "zone", id: "internet" },
      { type: "device", id: "ips", kind: "ips" },
      { type: "zone", id: "inet-edge" },
      { type: "device", id: "fw-inet", kind: "firewall", rule: "fw-inet#reserve" },
      { type: "zone", id: "asp-dmz" },
      { type: "host", id: "web-inet" },
    ];
    const m = designGraph(c.design, { highlight: [path] });
    expect(m.zones.filter((z) => z.highlighted).map((z) => z.id)).toEqual(["asp-dmz", "inet-edge", "internet"]);
    expect(m.nodes.filter((n) => n.highlighted).map((n) => n.id)).toEqual(["fw-inet", "ips", "web-inet"]);
    const hot = m.links.filter((l) => l.highlighted).map((l) => `${l.node}-${l.zone}`);
    expect(hot.sort()).toEqual(["fw-inet-asp-dmz", "fw-inet-inet-edge", "ips-inet-edge", "ips-internet", "web-inet-asp-dmz"]);
    expect(m.links.filter((l) => !l.highlighted).length).toBeGreaterThan(0);
  });

  it("takes the chains and contagion steps of findings, and the subjects of findings without a path", async () => {
    const c = await checked("test/fixtures/broken/takatsuki-card-reservation--db-from-any.yaml");
    const contagion = c.result.findings.filter((f) => f.rule === "TT-08");
    expect(contagion.length).toBeGreaterThan(0);
    const paths = findingPaths(contagion);
    expect(paths.length).toBe(contagion.reduce((n, f) => n + (f.evidence.contagion?.steps.length ?? 0), 0));
    const m = designGraph(c.design, { highlight: paths });
    for (const step of contagion[0]?.evidence.contagion?.steps ?? [])
      for (const p of step.path)
        if (p.type !== "zone" && !p.id.endsWith("/*")) expect(m.nodes.find((n) => n.id === p.id)?.highlighted, p.id).toBe(true);
    const keeps = await checked("test/fixtures/broken/reference-lgwan-asp--web-keeps-data.yaml");
    const asp04 = keeps.result.findings.filter((f) => f.rule === "ASP-04");
    expect(findingPaths(asp04)).toEqual([[{ type: "host", id: "web-inet" }]]);
    expect(
      designGraph(keeps.design, { highlight: findingPaths(asp04) }).nodes.find((n) => n.id === "web-inet")?.highlighted,
    ).toBe(true);
  });
});

describe("the renderers", () => {
  it.each(["topologies/takatsuki-card-reservation.yaml", "topologies/reference-alpha.yaml"])(
    "%s: Mermaid, DOT and SVG draw every zone and node",
    async (file) => {
      const m = await model(file);
      const mermaid = toMermaid(m, { lang: "ja" });
      const dot = toDot(m, { lang: "ja" });
      const svg = await toSvg(m, { lang: "ja" });
      expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
      expect(dot.startsWith("graph bunri {\n")).toBe(true);
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="bunri-graph"')).toBe(true);
      // one subgraph / cluster per zone; every node once, by its generated id
      expect(mermaid.match(/^ {2}subgraph z\d+\[/gm)?.length).toBe(m.zones.length);
      expect(dot.match(/^ {2}subgraph cluster_\d+ \{/gm)?.length).toBe(m.zones.length);
      expect(svg.match(/<g class="zone[ "]/g)?.length).toBe(m.zones.length);
      expect(svg.match(/<g class="node[ "]/g)?.length).toBe(m.nodes.length);
      m.nodes.forEach((n, i) => {
        expect(mermaid).toMatch(new RegExp(`^ +n${i}(\\[|\\{\\{)".*${n.id}`, "m"));
        expect(dot).toMatch(new RegExp(`^ +n${i} \\[label=".*${n.id}`, "m"));
        expect(svg).toContain(`>${n.id}</text>`);
      });
      for (const z of m.zones) {
        expect(mermaid).toContain(z.id);
        expect(dot).toContain(z.id);
        expect(svg).toContain(z.id);
      }
      // a multi-homed device is outside the clusters and linked to each of its zones
      const fw = m.nodes.findIndex((n) => n.device && n.zones.length > 2);
      const fwNode = m.nodes[fw];
      expect(fwNode).toBeDefined();
      expect(mermaid.match(new RegExp(`^ {2}n${fw} --- z\\d+$`, "gm"))?.length).toBe(fwNode?.zones.length);
      expect(dot.match(new RegExp(`^ {2}n${fw} -- z\\d+ `, "gm"))?.length).toBe(fwNode?.zones.length);
      // Japanese labels
      expect(svg).toContain("インターネット");
      expect(mermaid).toContain("インターネット");
    },
  );

  it("highlight the paths of a rule's findings in red", async () => {
    const m = await model("test/fixtures/broken/reference-alpha--direct-proxy.yaml", "TT-07");
    expect(m.nodes.find((n) => n.id === "fw-core")?.highlighted).toBe(true);
    expect(m.nodes.find((n) => n.id === "kikan-pc")?.highlighted).toBe(false);
    expect(m.links.some((l) => l.node === "fw-inet" && l.zone === "pref-cloud" && l.highlighted)).toBe(true);
    expect(toMermaid(m)).toMatch(/^ {2}linkStyle [\d,]+ stroke:#c62828,stroke-width:3px$/m);
    expect(toMermaid(m)).toMatch(/^ {2}class [n\d,]+ hot$/m);
    expect(toDot(m)).toContain('color="#c62828", penwidth=3');
    const svg = await toSvg(m);
    expect(svg).toContain('class="link hot"');
    expect(hotGroups(svg).some((t) => t.includes("fw-core"))).toBe(true);
    expect(hotGroups(svg).some((t) => t.includes("kikan-pc"))).toBe(false);
    // the plain diagram has none of it
    const plain = await model("test/fixtures/broken/reference-alpha--direct-proxy.yaml");
    expect(await toSvg(plain)).not.toContain(" hot");
    expect(toMermaid(plain)).not.toContain("linkStyle");
  });

  it("escape hostile titles in every format", async () => {
    const c = checkText(HOSTILE_YAML, "hostile.yaml", { lang: "en", today: TODAY });
    expect(c.result.errors).toEqual([]);
    if (!c.design) throw new Error("no design");
    const m = designGraph(c.design, { highlight: findingPaths(c.result.findings) });
    const mermaid = toMermaid(m);
    expect(mermaid).not.toMatch(/<script|<img|<b>|%%\{|`/);
    // no label leaves its quotes, and no title starts a statement of its own
    for (const line of mermaid.trimEnd().split("\n"))
      expect(line).toMatch(
        /^(flowchart LR| {2}subgraph z\d+\["[^"]*"\]| {4}n\d+\["[^"]*"\]| {2}n\d+\{\{"[^"]*"\}\}| {2}end| {2}n\d+ --- z\d+| {2}(style|classDef|class|linkStyle) .*)$/,
      );
    const dot = toDot(m);
    expect(dot).toContain('\\"><img src=x onerror=alert(1)>');
    expect(dot).toContain("& \\\\\\n");
    // every quoted string is closed on its line
    for (const line of dot.split("\n")) expect(line.replace(/\\\\/g, "").replace(/\\"/g, "").split('"').length % 2).toBe(1);
    const svg = await toSvg(m);
    expect(svg).not.toMatch(/<script|<img|<b>|<\/text><script|onerror=/);
    expect(svg).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
    expect(svg + mermaid + dot).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(mermaidLabel(['"]\n<x>'])).toBe('"#34;#93;\n#60;x#62;"');
  });

  it("are deterministic: the same design gives the same bytes", async () => {
    const a = await model("topologies/takatsuki-card-reservation.yaml");
    const b = await model("topologies/takatsuki-card-reservation.yaml");
    const [svgA, svgB] = [await toSvg(a, { lang: "ja" }), await toSvg(b, { lang: "ja" })];
    expect(svgA === svgB).toBe(true);
    expect(toMermaid(a) === toMermaid(b)).toBe(true);
    expect(toDot(a) === toDot(b)).toBe(true);
    expect(svgA).not.toMatch(/\d\.\d{3,}/);
  });

  it("inline: no namespace URL when the SVG goes into HTML", async () => {
    const m = await model("topologies/takatsuki-card-reservation.yaml");
    expect(await toSvg(m, { standalone: false })).not.toContain("http");
  });
});

describe("wrap", () => {
  it("breaks Japanese between characters, keeps Latin and katakana words and brackets, and never exceeds the width", () => {
    expect(wrap("短い", 10)).toEqual(["短い"]);
    expect(wrap("インターネット接続系 境界ファイアウォール (IPS 機能付き)", 26)).toEqual([
      "インターネット接続系 境界",
      "ファイアウォール (IPS 機能",
      "付き)",
    ]);
    expect(wrap("基幹系ファイアウォール (assumed)", 24)).toEqual(["基幹系ファイアウォール", "(assumed)"]);
    expect(wrap("住民記録システム、", 16)).toEqual(["住民記録システム、"]);
    const long = wrap("あ".repeat(100), 20, 3);
    expect(long).toHaveLength(3);
    expect(long[2]?.endsWith("…")).toBe(true);
    for (const l of wrap("a-very-long-identifier-without-any-space-at-all-0123456789", 12))
      expect(l.length).toBeLessThanOrEqual(12);
  });
});

describe("bunri graph", () => {
  it("writes each format, in the language asked for", () => {
    const file = "topologies/takatsuki-card-reservation.yaml";
    expect(bunri(["graph", file]).out).toMatch(/^flowchart LR\n/);
    expect(bunri(["graph", file, "--format", "dot"]).out).toMatch(/^graph bunri \{\n/);
    const svg = bunri(["graph", file, "--format", "svg", "--lang", "ja"]);
    expect(svg.code).toBe(0);
    expect(svg.out).toMatch(/^<svg /);
    expect(svg.out).toContain("internet · インターネット");
    expect(bunri(["graph", file, "--format", "svg", "--lang", "en"]).out).toContain("internet · internet");
    const out = join(mkdtempSync(join(tmpdir(), "bunri-graph-")), "g.mmd");
    expect(bunri(["graph", file, "-o", out]).out).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^flowchart LR\n/);
  });

  it("highlights a rule given in any case, and says so when the rule has nothing to highlight", () => {
    const broken = bunri(["graph", "test/fixtures/broken/reference-alpha--direct-proxy.yaml", "--highlight", "tt-07"]);
    expect(broken.code).toBe(0);
    expect(broken.out).toContain("linkStyle");
    const clean = bunri(["graph", "topologies/reference-alpha.yaml", "--highlight", "TT-07"]);
    expect(clean.code).toBe(0);
    expect(clean.out).not.toContain("linkStyle");
    expect(clean.err).toContain("no findings of TT-07 to highlight");
  });

  it("rejects an unknown rule with a suggestion, a bad format, and an invalid file with its errors (exit 2)", () => {
    const bad = bunri(["graph", "topologies/takatsuki-card-reservation.yaml", "--highlight", "ASP-8"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('(did you mean "ASP-08"?)');
    expect(bunri(["graph", "topologies/takatsuki-card-reservation.yaml", "--format", "png"]).code).toBe(2);
    expect(bunri(["graph"]).code).toBe(2);
    const invalid = bunri(["graph", "test/fixtures/golden/sketch-error.yaml"]);
    expect(invalid.code).toBe(2);
    expect(invalid.out).toBe("");
    expect(invalid.err).toMatch(/sketch-error\.yaml:\d+:\d+: /);
  });

  it("knows the rules of a policy file as well as the catalogue's", () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-graph-policy-"));
    const policy = join(dir, "city.yaml");
    writeFileSync(
      policy,
      `bunri-policy: 1
rules:
  CITY-01:
    severity: medium
    title: { ja: 予約サイトを置かない, en: No reservation site }
    why: { ja: 例, en: example }
    fix: { ja: 例, en: example }
    messages:
      default: { ja: "{node} があります", en: "{node} is there" }
    check: { type: node, select: { host-kind: [web-server], tier: [internet-side] } }
`,
    );
    const file = "topologies/takatsuki-card-reservation.yaml";
    const ok = bunri(["graph", file, "--policy", "default", "--policy", policy, "--highlight", "CITY-01", "--format", "svg"]);
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(hotGroups(ok.out).some((t) => t.includes("web-inet"))).toBe(true);
    const near = bunri(["graph", file, "--policy", "default", "--policy", policy, "--highlight", "CITY-1"]);
    expect(near.code).toBe(2);
    expect(near.err).toContain('(did you mean "CITY-01"?)');
    const none = bunri(["graph", file, "--highlight", "MY-RULE-1"]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('unknown rule "MY-RULE-1"');
  });
});
