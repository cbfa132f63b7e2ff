/** The design as a graphology graph (built when first asked for): zones, nodes, implicit hosts, attachments. */
import { describe, expect, it } from "vitest";
import { buildDesign } from "../../src/model/design.js";
import { makeTopology } from "../helpers/topology.js";

describe("design.graph", () => {
  const design = buildDesign(
    makeTopology({
      zones: { internet: "internet", dmz: "dmz", lan: "internal", wan: "transit" },
      nodes: {
        fw: { kind: "firewall", zones: ["internet", "dmz", "lan"] },
        web: { kind: "web-server", zones: ["dmz"] },
        pc: { kind: "client", zones: ["lan"] },
        r1: { kind: "router", zones: ["lan", "wan"] },
      },
    }),
  );

  it("has every zone, node and implicit host, attached as the design says", () => {
    const g = design.graph;
    expect(g.filterNodes((_, a) => a.type === "zone").sort()).toEqual(["zone:dmz", "zone:internet", "zone:lan", "zone:wan"]);
    expect(g.filterNodes((_, a) => a.type === "implicit").sort()).toEqual(["node:dmz/*", "node:internet/*", "node:lan/*"]);
    expect(g.neighbors("node:fw").sort()).toEqual(["zone:dmz", "zone:internet", "zone:lan"]);
    expect(g.neighbors("zone:wan")).toEqual(["node:r1"]);
    expect(g.getNodeAttributes("node:web")).toEqual({ type: "node", id: "web", kind: "web-server" });
    expect(g.size).toBe(3 + 1 + 1 + 2 + 3);
  });

  it("is built once", () => {
    expect(design.graph).toBe(design.graph);
  });
});
