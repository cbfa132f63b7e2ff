/** `bunri graph`: Mermaid, DOT and SVG of a design, the highlighted paths of a rule, escaping, determinism. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile } from "../../src/check.js";
import { designGraph, findingPaths, toDot, toMermaid } from "../../src/graph/index.js";
import { toSvg } from "../../src/graph/svg.js";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "dist/cli/bunri.js");

function bunri(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "C" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function model(file: string, rule?: string) {
  const c = await checkFile(join(ROOT, file), { lang: "en", today: "2026-11-23" });
  if (!c.design) throw new Error("no design");
  return designGraph(c.design, rule ? findingPaths(c.result.findings.filter((f) => f.rule === rule)) : []);
}

describe("diagrams", () => {
  it("draw every zone and node of the design", async () => {
    const m = await model("topologies/reference-alpha.yaml");
    const mermaid = toMermaid(m);
    const dot = toDot(m);
    const svg = await toSvg(m);
    for (const z of m.zones) {
      expect(mermaid).toContain(z.id);
      expect(dot).toContain(`zone:${z.id}`);
      expect(svg).toContain(`(${z.kind})`);
    }
    for (const n of m.nodes) {
      expect(mermaid).toContain(n.id);
      expect(svg).toContain(n.id);
    }
    expect(mermaid.startsWith("flowchart LR\n")).toBe(true);
    expect(dot.startsWith("graph bunri {")).toBe(true);
    expect(svg.startsWith("<svg")).toBe(true);
  });

  it("highlight the paths of a rule's findings", async () => {
    const m = await model("test/fixtures/broken/reference-alpha--direct-proxy.yaml", "TT-07");
    expect(m.nodes.find((n) => n.id === "fw-core")?.highlighted).toBe(true);
    expect(m.nodes.find((n) => n.id === "kikan-pc")?.highlighted).toBe(false);
    expect(m.links.some((l) => l.node === "fw-inet" && l.zone === "pref-cloud" && l.highlighted)).toBe(true);
    expect(toMermaid(m)).toMatch(/linkStyle [\d,]+ stroke:#c62828/);
    expect(await toSvg(m)).toContain('class="link hot"');
  });

  it("escape hostile titles in every format", async () => {
    const m = await model("topologies/reference-alpha.yaml");
    const evil = `"]<script>alert(1)</script>{}\\`;
    const bad = { ...m, zones: m.zones.map((z) => ({ ...z, title: evil })), nodes: m.nodes.map((n) => ({ ...n, title: evil })) };
    expect(toMermaid(bad)).not.toContain("<script>");
    expect(toMermaid(bad)).not.toContain('"]<script');
    expect(toMermaid(bad)).toContain("#34;]#60;script#62;");
    expect(toDot(bad)).toContain('\\"]<script>');
    expect(await toSvg(bad)).not.toContain("<script>");
  });

  it("are deterministic", async () => {
    const m = await model("topologies/takatsuki-card-reservation.yaml");
    expect(await toSvg(m)).toBe(await toSvg(m));
  });

  it("the command writes each format and rejects an unknown rule with a suggestion", () => {
    expect(bunri(["graph", "topologies/takatsuki-card-reservation.yaml"]).out).toMatch(/^flowchart LR/);
    expect(bunri(["graph", "topologies/takatsuki-card-reservation.yaml", "--format", "dot"]).out).toMatch(/^graph bunri \{/);
    expect(bunri(["graph", "topologies/takatsuki-card-reservation.yaml", "--format", "svg"]).out).toMatch(/^<svg/);
    const bad = bunri(["graph", "topologies/takatsuki-card-reservation.yaml", "--highlight", "ASP-8"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('(did you mean "ASP-08"?)');
  });
});
