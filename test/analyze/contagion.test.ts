import { describe, expect, it } from "vitest";
import { Analysis } from "../../src/analyze/index.js";
import { buildDesign } from "../../src/model/design.js";
import { makeTopology, type TopologyInput } from "../helpers/topology.js";

function contagionOf(input: TopologyInput) {
  const design = buildDesign(makeTopology(input));
  const c = new Analysis(design).contagion();
  const host = (id: string) => {
    const h = design.hostById.get(id);
    if (!h) throw new Error(id);
    return h;
  };
  return {
    distance: (id: string) => c.distance(host(id)),
    path: (id: string) => c.path(host(id)),
    sources: (id: string) => c.sources(host(id)).map((h) => h.id),
  };
}

/** The LGWAN-ASP shape of topology.md: two web tiers share a DB; no contagion into the LGWAN side. */
const asp: TopologyInput = {
  zones: { internet: "internet", dmz: "asp-internet", aspl: "asp-lgwan", common: "db", lgwan: "lgwan" },
  nodes: {
    fw1: {
      kind: "firewall",
      zones: ["internet", "dmz", "aspl", "lgwan"],
      rules: [
        { allow: { from: "internet", to: "web-inet", service: "https" } },
        { allow: { from: "tier:lgwan-side", to: "web-lgwan", service: "https" } },
      ],
    },
    fw2: {
      kind: "firewall",
      zones: ["dmz", "aspl", "common"],
      rules: [{ allow: { from: ["web-inet", "web-lgwan"], to: "db", service: "postgres" } }],
    },
    "web-inet": { kind: "web-server", zones: ["dmz"] },
    "web-lgwan": { kind: "web-server", zones: ["aspl"] },
    db: { kind: "db-server", zones: ["common"] },
  },
};

describe("contagion", () => {
  it("does not pass a shared DB into the LGWAN side (the DB reaches only its zone-mates)", () => {
    const c = contagionOf(asp);
    expect(c.distance("web-inet")).toBe(1);
    expect(c.distance("db")).toBe(2);
    expect(c.distance("web-lgwan")).toBe(-1);
    expect(c.distance("lgwan/*")).toBe(-1);
    expect(c.distance("common/*")).toBe(3);
  });

  it("passes through a file server both tiers' PCs write to", () => {
    const c = contagionOf({
      zones: { internet: "internet", inet: "internet-connected", share: "internal", lan: "lgwan-connected" },
      nodes: {
        fw: {
          kind: "firewall",
          zones: ["internet", "inet", "share", "lan"],
          rules: [
            { allow: { from: "inet", to: "internet", service: "https" } },
            { allow: { from: ["inet", "lan"], to: "fs", service: "smb" } },
          ],
        },
        "inet-pc": { kind: "client", zones: ["inet"] },
        fs: { kind: "file-server", zones: ["share"] },
        "lan-pc": { kind: "client", zones: ["lan"] },
      },
    });
    expect(c.distance("inet-pc")).toBe(1);
    expect(c.distance("fs")).toBe(2);
    expect(c.distance("lan-pc")).toBe(3);
    const p = c.path("lan-pc");
    expect(p?.steps.map((s) => [s.mode, s.from, s.to])).toEqual([
      ["fetch", "internet/*", "inet-pc"],
      ["reach", "inet-pc", "fs"],
      ["fetch", "fs", "lan-pc"],
    ]);
    expect(p?.steps[2]?.chain.path[0]?.id).toBe("lan-pc");
    expect(c.sources("lan-pc")).toEqual(["internet/*"]);
  });

  it("counts a host as a fetcher by its resolved `fetches`: a server that downloads, a client that does not", () => {
    // the LGWAN-side update server opens connections to the security cloud's proxy; the proxy is
    // got from the internet (it fetches), and the update server is got only when it fetches too
    const update = (fetches?: boolean): TopologyInput => ({
      zones: { internet: "internet", sc: "security-cloud", lan: "lgwan-connected" },
      nodes: {
        fw: {
          kind: "firewall",
          zones: ["internet", "sc", "lan"],
          rules: [
            { allow: { from: "proxy", to: "internet", service: "https" } },
            { allow: { from: "wsus", to: "proxy", service: "tcp/8080" } },
          ],
        },
        proxy: { kind: "proxy", zones: ["sc"], services: ["tcp/8080"] },
        wsus: { kind: "server", zones: ["lan"], services: ["tcp/8530"], ...(fetches === undefined ? {} : { fetches }) },
      },
    });
    expect(contagionOf(update()).distance("proxy")).toBe(1);
    expect(contagionOf(update()).distance("wsus")).toBe(-1);
    expect(contagionOf(update(false)).distance("wsus")).toBe(-1);
    const c = contagionOf(update(true));
    expect(c.distance("wsus")).toBe(2);
    expect(c.path("wsus")?.steps.map((s) => [s.mode, s.from, s.to])).toEqual([
      ["fetch", "internet/*", "proxy"],
      ["fetch", "proxy", "wsus"],
    ]);
    expect(c.distance("lan/*")).toBe(3);
    // a proxy told it does not fetch (a pure forwarder of requests) is got by nothing here
    const quiet = update(true);
    (quiet.nodes.proxy as { fetches?: boolean }).fetches = false;
    expect(contagionOf(quiet).distance("proxy")).toBe(-1);
    expect(contagionOf(quiet).distance("wsus")).toBe(-1);
  });

  it("stops at a mediator, and honours α′ exception hops only under alpha-prime", () => {
    const base: TopologyInput = {
      zones: { internet: "internet", dmz: "dmz", lan: "lgwan-connected" },
      nodes: {
        fw: {
          kind: "firewall",
          zones: ["internet", "dmz", "lan"],
          rules: [
            { allow: { from: "internet", to: "box", service: "https" } },
            { allow: { from: "pc", to: "box", service: "https" } },
          ],
        },
        box: { kind: "sanitizer", zones: ["dmz"] },
        pc: { kind: "client", zones: ["lan"] },
      },
    };
    expect(contagionOf(base).distance("pc")).toBe(-1);
    const web = structuredClone(base);
    (web.nodes.box as { kind: string }).kind = "web-server";
    expect(contagionOf(web).distance("pc")).toBe(2);
    const cloud = structuredClone(web);
    cloud.flows = { saas: { path: ["pc", "box"], service: "https", exception: "α′ 認可クラウド" } };
    expect(contagionOf(cloud).distance("pc")).toBe(2);
    cloud.model = "alpha-prime";
    expect(contagionOf(cloud).distance("pc")).toBe(-1);
  });

  it("ICMP alone makes no step", () => {
    const c = contagionOf({
      zones: { internet: "internet", dmz: "dmz" },
      nodes: {
        fw: {
          kind: "firewall",
          zones: ["internet", "dmz"],
          rules: [{ allow: { from: "internet", to: "web", service: "icmp" } }],
        },
        web: { kind: "web-server", zones: ["dmz"] },
      },
    });
    expect(c.distance("web")).toBe(-1);
  });
});
