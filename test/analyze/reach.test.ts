import { describe, expect, it } from "vitest";
import { Analysis } from "../../src/analyze/index.js";
import { buildDesign } from "../../src/model/design.js";
import { parseServiceList } from "../../src/model/services.js";
import { makeTopology, type TopologyInput } from "../helpers/topology.js";

function setup(input: TopologyInput) {
  const design = buildDesign(makeTopology(input));
  const analysis = new Analysis(design, { extraServices: [parseServiceList(["https"]), parseServiceList(["http"])] });
  const h = (id: string) => {
    const host = design.hostById.get(id);
    if (!host) throw new Error(`no host ${id}`);
    return host.index;
  };
  const reaches = (s: string, t: string, svc = "any") =>
    analysis.reach.reaches(h(s), h(t), analysis.services(parseServiceList([svc])));
  const witness = (s: string, t: string, svc = "any") =>
    analysis.reach.witness(h(s), h(t), analysis.services(parseServiceList([svc])));
  const explain = (s: string, t: string, svc = "any") =>
    analysis.reach.explain(h(s), h(t), analysis.services(parseServiceList([svc])));
  return { design, analysis, h, reaches, witness, explain };
}

const edge = (rules: TopologyInput["nodes"][string]["rules"], dflt?: "allow" | "deny"): TopologyInput => ({
  zones: { internet: "internet", dmz: "dmz", lan: "lgwan-connected" },
  nodes: {
    fw: { kind: "firewall", zones: ["internet", "dmz", "lan"], rules, ...(dflt ? { default: dflt } : {}) },
    web: { kind: "web-server", zones: ["dmz"] },
    pc: { kind: "client", zones: ["lan"] },
  },
});

describe("firewall rules", () => {
  it("first match decides, per service", () => {
    const { reaches } = setup(
      edge([
        { deny: { from: "internet", to: "web", service: "https" } },
        { allow: { from: "internet", to: "web", service: "any" } },
      ]),
    );
    expect(reaches("internet/*", "web", "https")).toBe(false);
    expect(reaches("internet/*", "web", "http")).toBe(true);
    expect(reaches("internet/*", "web")).toBe(true);
  });

  it("denies by default, and default allow lets everything through", () => {
    expect(setup(edge([])).reaches("internet/*", "web")).toBe(false);
    const open = setup(edge([], "allow"));
    expect(open.reaches("internet/*", "web")).toBe(true);
    expect(open.reaches("web", "pc")).toBe(true);
  });

  it("is stateful: a rule governs who opens the connection, not the reverse", () => {
    const { reaches } = setup(edge([{ allow: { from: "lan", to: "internet", service: "https" } }]));
    expect(reaches("pc", "internet/*", "https")).toBe(true);
    expect(reaches("internet/*", "pc", "https")).toBe(false);
  });

  it("matches tier: and zone-kind: references and zone ids including the implicit host", () => {
    const { reaches } = setup(
      edge([
        { allow: { from: "tier:lgwan-side", to: "zone-kind:dmz", service: "https" } },
        { allow: { from: "dmz", to: "lan/*", service: "ssh" } },
      ]),
    );
    expect(reaches("pc", "web", "https")).toBe(true);
    expect(reaches("lan/*", "web", "https")).toBe(true);
    expect(reaches("lan/*", "dmz/*", "https")).toBe(true);
    expect(reaches("web", "lan/*", "tcp/22")).toBe(true);
    expect(reaches("web", "pc", "tcp/22")).toBe(false);
    expect(reaches("internet/*", "web", "https")).toBe(false);
  });

  it("matches a multi-homed host by any of its zones, whichever interface the traffic uses", () => {
    const { reaches } = setup({
      zones: { a: "internal", b: "internal", c: "db" },
      nodes: {
        fw: { kind: "firewall", zones: ["b", "c"], rules: [{ allow: { from: "a", to: "c", service: "postgres" } }] },
        mh: { kind: "app-server", zones: ["a", "b"] },
        db: { kind: "db-server", zones: ["c"] },
      },
    });
    expect(reaches("mh", "db", "tcp/5432")).toBe(true);
    expect(reaches("b/*", "db", "tcp/5432")).toBe(false);
  });

  it("respects the services a host accepts, and names the first service that succeeds as witness", () => {
    const t = edge([{ allow: { from: "internet", to: "web", service: "any" } }]);
    (t.nodes.web as { services?: string[] }).services = ["https", "http"];
    const { reaches, witness } = setup(t);
    expect(reaches("internet/*", "web", "ssh")).toBe(false);
    expect(witness("internet/*", "web")?.service).toBe("tcp/80");
    expect(witness("internet/*", "web", "https")?.service).toBe("tcp/443");
  });
});

describe("chains", () => {
  it("a host never reaches itself, and zone-mates reach each other unfiltered", () => {
    const { reaches } = setup(edge([]));
    expect(reaches("web", "web")).toBe(false);
    expect(reaches("web", "dmz/*")).toBe(true);
    expect(reaches("dmz/*", "web")).toBe(true);
  });

  it("forwarding devices pass everything; a transit zone carries traffic between them", () => {
    const { reaches, witness } = setup({
      zones: { internet: "internet", edge: "transit", dmz: "dmz" },
      nodes: {
        ips: { kind: "ips", zones: ["internet", "edge"] },
        fw: {
          kind: "firewall",
          zones: ["edge", "dmz"],
          rules: [{ allow: { from: "internet", to: "web", service: "https" }, title: "公開" }],
        },
        web: { kind: "web-server", zones: ["dmz"] },
      },
    });
    expect(reaches("internet/*", "web", "https")).toBe(true);
    const w = witness("internet/*", "web", "https");
    expect(w?.path.map((p) => p.id)).toEqual(["internet/*", "internet", "ips", "edge", "fw", "dmz", "web"]);
    expect(w?.path.find((p) => p.id === "fw")).toMatchObject({ rule: "fw#1", ruleTitle: "公開" });
    expect(w?.devices).toBe(2);
  });

  it("a host forwards only with forwards: true", () => {
    const input: TopologyInput = {
      zones: { a: "internal", b: "internal" },
      nodes: {
        mh: { kind: "server", zones: ["a", "b"] },
        x: { kind: "client", zones: ["a"] },
        y: { kind: "server", zones: ["b"] },
      },
    };
    const closed = setup(input);
    expect(closed.reaches("x", "y")).toBe(false);
    expect(closed.explain("x", "y").blockers).toEqual([{ type: "host-no-forward", id: "mh" }]);
    (input.nodes.mh as { forwards?: boolean }).forwards = true;
    const open = setup(input);
    expect(open.reaches("x", "y")).toBe(true);
    expect(open.witness("x", "y")?.path.map((p) => p.id)).toEqual(["x", "a", "mh", "b", "y"]);
  });

  it("takes the chain with fewest devices, then the smallest id sequence", () => {
    const { witness } = setup({
      zones: { a: "internal", b: "internal", c: "internal" },
      nodes: {
        r2: { kind: "router", zones: ["a", "c"] },
        r1: { kind: "router", zones: ["a", "c"] },
        r3: { kind: "router", zones: ["a", "b"] },
        r4: { kind: "router", zones: ["b", "c"] },
        s: { kind: "client", zones: ["a"] },
        t: { kind: "server", zones: ["c"] },
      },
    });
    expect(witness("s", "t")?.path.map((p) => p.id)).toEqual(["s", "a", "r1", "c", "t"]);
  });
});

describe("explanations", () => {
  it("names the deny rule or the default deny of the firewall on the way", () => {
    const { explain } = setup(edge([{ id: "no-web", deny: { from: "any", to: "web", service: "https" } }]));
    const byRule = explain("internet/*", "web", "https");
    expect(byRule.reason).toBe("blocked");
    expect(byRule.blockers).toEqual([
      { type: "firewall", id: "fw", rules: ["fw#no-web"], ruleTitles: [undefined], defaultDeny: false },
    ]);
    const byDefault = explain("internet/*", "web", "http");
    expect(byDefault.blockers).toEqual([{ type: "firewall", id: "fw", rules: [], ruleTitles: [], defaultDeny: true }]);
  });

  it("says when the destination does not accept the service, or nothing connects them", () => {
    const t = edge([{ allow: { from: "internet", to: "web" } }]);
    (t.nodes.web as { services?: string[] }).services = ["https"];
    t.zones.island = "internal";
    t.nodes.lonely = { kind: "server", zones: ["island"] };
    const { explain } = setup(t);
    expect(explain("internet/*", "web", "ssh").reason).toBe("not-accepted");
    expect(explain("internet/*", "lonely").reason).toBe("no-connection");
  });
});

describe("exposure and passes", () => {
  it("finds exposed hosts with the internet hosts that reach them", () => {
    const { analysis, design } = setup(edge([{ allow: { from: "internet", to: "web", service: "https" } }]));
    const exposed = [...analysis.exposure().entries()].map(([i, s]) => [design.hosts[i]?.id, s.map((x) => x.id)]);
    expect(exposed).toEqual([["web", ["internet/*"]]]);
  });

  it("every chain passes an IPS unless some chain avoids it (a firewall with controls.ips counts)", () => {
    const input: TopologyInput = {
      zones: { internet: "internet", dmz: "dmz" },
      nodes: {
        fw: { kind: "firewall", zones: ["internet", "dmz"], rules: [{ allow: { from: "internet", to: "web" } }] },
        web: { kind: "web-server", zones: ["dmz"] },
      },
    };
    const plain = setup(input);
    const query = plain.analysis.any;
    const ips = plain.analysis.without({ nodeKind: "ips" });
    expect(ips.reaches(plain.h("internet/*"), plain.h("web"), query)).toBe(true);
    (input.nodes.fw as { controls?: object }).controls = { ips: true };
    const utm = setup(input);
    expect(utm.analysis.without({ nodeKind: "ips" }).reaches(utm.h("internet/*"), utm.h("web"), utm.analysis.any)).toBe(false);
    expect(utm.analysis.without({ nodeKind: "firewall" }).reaches(utm.h("internet/*"), utm.h("web"), utm.analysis.any)).toBe(
      false,
    );
  });
});
