/** The loader's errors: one case per kind of mistake, each with its code, message and exact line and column. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findTopologyFiles, loadTopologyFile, loadTopologyText, loadWaiversText } from "../../src/load/index.js";

/** A small valid design that each case breaks in one place. */
const BASE = `bunri: 1
name: t
zones:
  internet: { kind: internet }
  dmz: { kind: dmz }
  edge: { kind: transit }
nodes:
  fw:
    kind: firewall
    zones: [internet, dmz]
    rules:
      - { allow: { from: internet, to: web, service: https } }
  web: { kind: web-server, zone: dmz, holds: [d1] }
data:
  d1: { classification: personal }
flows:
  f1:
    from: internet/*
    to: { node: web, service: https }
    carries: web
`;

function load(text: string) {
  return loadTopologyText(text, "t.yaml", { lang: "en" });
}

describe("loader errors", () => {
  it("the base design loads", () => {
    const r = load(BASE);
    expect(r.errors).toEqual([]);
    expect(r.topology?.name).toBe("t");
  });

  it.each([
    ["a YAML syntax error", "name: t", "name: [t", "yaml-syntax", 3, 1, "invalid YAML"],
    ["a duplicate key", "name: t", "name: t\nname: u", "duplicate-key", 3, 1, "duplicate key"],
    ["an alias without its anchor", "name: t", "name: *nothing", "yaml-syntax", 2, 7, "alias *nothing has no anchor"],
    [
      "a merge key",
      "  dmz: { kind: dmz }",
      "  dmz: { <<: {kind: dmz} }",
      "merge-key",
      5,
      10,
      "merge keys (<<) are not supported",
    ],
    [
      "a key that is not a string",
      "  dmz: { kind: dmz }",
      "  ? [a, b]\n  : { kind: dmz }",
      "complex-key",
      5,
      5,
      "a key must be a plain string",
    ],
    ["another format version", "bunri: 1", "bunri: 2", "schema", 1, 8, "`bunri` must be 1"],
    ["a missing required key", "name: t\n", "", "schema", 1, 1, 'top level: missing "name"'],
    [
      "an unknown key",
      "  dmz: { kind: dmz }",
      "  dmz: { kind: dmz, colour: red }",
      "schema",
      5,
      21,
      'zone "dmz": unknown key "colour"',
    ],
    [
      "a misspelt kind",
      "  web: { kind: web-server,",
      "  web: { kind: web-sever,",
      "schema",
      13,
      16,
      'node "web": "web-sever" is not a valid kind',
    ],
    [
      "a value of the wrong type",
      "    zones: [internet, dmz]",
      "    zones: internet",
      "schema",
      10,
      12,
      'node "fw": "zones" must be of type array',
    ],
    ["an empty list", "    zones: [internet, dmz]", "    zones: []", "schema", 10, 12, 'node "fw": "zones" must not be empty'],
    [
      "a negative number",
      "classification: personal }",
      "classification: personal, records: -1 }",
      "schema",
      15,
      44,
      'data "d1": "records" must be of type number ≥ 0',
    ],
    [
      "a value that does not match its pattern",
      "  dmz: { kind: dmz }",
      "  dmz: { kind: dmz, location: jp }",
      "schema",
      5,
      31,
      'zone "dmz": "jp" is not a valid location',
    ],
    [
      "an id YAML reads as a number",
      "  dmz: { kind: dmz }",
      "  dmz: { kind: dmz }\n  123: { kind: dmz }",
      "id-not-string",
      6,
      3,
      "id 123 is read by YAML as a number, not text",
    ],
    ["an id used twice across sections", "  f1:", "  web:", "duplicate-id", 17, 3, 'id "web" is already used'],
    [
      "the reserved id any",
      "  dmz: { kind: dmz }",
      "  dmz: { kind: dmz }\n  any: { kind: dmz }",
      "reserved-id",
      6,
      3,
      '"any" is reserved',
    ],
    [
      "an id starting with an underscore (__proto__)",
      "  dmz: { kind: dmz }",
      '  dmz: { kind: dmz }\n  "__proto__": { kind: dmz }',
      "bad-id",
      6,
      3,
      'id "__proto__" may contain only',
    ],
    [
      "an id not in NFC",
      "  dmz: { kind: dmz }",
      '  dmz: { kind: dmz }\n  "café": { kind: dmz }',
      "bad-id",
      6,
      3,
      "is not in Unicode NFC",
    ],
    [
      "both zone and zones",
      "zone: dmz, holds",
      "zone: dmz, zones: [dmz], holds",
      "zone-and-zones",
      13,
      3,
      'node "web" has both "zone" and "zones"',
    ],
    ["a node in no zone", "zone: dmz, holds", "holds", "no-zone", 13, 3, 'node "web" is attached to no zone'],
    [
      "a zone that does not exist",
      "zone: dmz, holds",
      "zone: dzm, holds",
      "unknown-zone",
      13,
      34,
      'unknown zone "dzm" in node "web"',
    ],
    [
      "a host in a transit zone",
      "zone: dmz, holds",
      "zones: [dmz, edge], holds",
      "host-on-transit",
      13,
      41,
      'host "web" is attached to transit zone "edge"',
    ],
    [
      "data held by a device",
      "    kind: firewall\n",
      "    kind: firewall\n    holds: [d1]\n",
      "wrong-kind",
      10,
      5,
      '"holds" is for hosts; "fw" is a firewall',
    ],
    [
      "fetches on a forwarding device",
      "    kind: firewall\n",
      "    kind: firewall\n    fetches: true\n",
      "wrong-kind",
      10,
      5,
      '"fetches" is for hosts; "fw" is a firewall',
    ],
    [
      "fetches that is not a boolean",
      "zone: dmz, holds: [d1] }",
      "zone: dmz, holds: [d1], fetches: yes }",
      "schema",
      13,
      61,
      "fetches",
    ],
    [
      "a firewall key on a host",
      "zone: dmz, holds: [d1] }",
      "zone: dmz, holds: [d1], default: allow }",
      "wrong-kind",
      13,
      52,
      '"default" is for firewalls; "web" is a web-server',
    ],
    [
      "a control that does not fit the kind",
      "zone: dmz, holds: [d1] }",
      "zone: dmz, holds: [d1], controls: { wlan-auth: 802.1x } }",
      "wrong-kind",
      13,
      64,
      'control "wlan-auth" does not apply to "web"',
    ],
    [
      "a rule id that is not an id",
      "      - { allow:",
      "      - { id: 'a b', allow:",
      "bad-id",
      12,
      15,
      'id "a b" may contain only',
    ],
    ["data that is not declared", "holds: [d1]", "holds: [d2]", "unknown-data", 13, 47, 'unknown data "d2" in "web"'],
    [
      "a rule with both allow and deny",
      "      - { allow: { from: internet, to: web, service: https } }",
      "      - { allow: { from: internet, to: web, service: https }, deny: { from: internet, to: web, service: https } }",
      "rule-action",
      12,
      9,
      "fw#1 needs exactly one of allow and deny",
    ],
    [
      "a rule id used twice",
      "      - { allow: { from: internet, to: web, service: https } }",
      "      - { id: a, allow: { from: internet, to: web, service: https } }\n      - { id: a, allow: { from: internet, to: web, service: ssh } }",
      "duplicate-rule-id",
      13,
      15,
      'rule id "a" is used twice in firewall "fw"',
    ],
    [
      "a service that is not one",
      "to: web, service: https",
      "to: web, service: tcp/",
      "bad-service",
      12,
      54,
      '"tcp/" is not a service',
    ],
    [
      "a port out of range",
      "to: web, service: https",
      "to: web, service: tcp/70000",
      "bad-service",
      12,
      54,
      'port range in "tcp/70000" must be within 1–65535',
    ],
    [
      "an unknown service name",
      "to: web, service: https",
      "to: web, service: htps",
      "bad-service",
      12,
      54,
      'unknown service name "htps"',
    ],
    [
      "an unknown zone kind in a reference",
      "from: internet, to: web",
      'from: "zone-kind:internt", to: web',
      "unknown-reference",
      12,
      26,
      'unknown zone kind in "zone-kind:internt" in fw#1',
    ],
    [
      "an unknown tier in a reference",
      "from: internet, to: web",
      'from: "tier:lgwan", to: web',
      "unknown-reference",
      12,
      26,
      'unknown tier in "tier:lgwan" in fw#1',
    ],
    [
      "a misspelt reference",
      "from: internet, to: web",
      "from: internte, to: web",
      "unknown-reference",
      12,
      26,
      'unknown node "internte" in fw#1',
    ],
    [
      "a misspelt zone/* in a rule",
      "from: internet, to: web",
      'from: "dmx/*", to: web',
      "unknown-reference",
      12,
      26,
      'unknown zone "dmx" in fw#1',
    ],
    [
      "a transit zone in a rule",
      "from: internet, to: web",
      "from: edge, to: web",
      "transit-reference",
      12,
      26,
      '"edge" in fw#1 is a transit zone',
    ],
    [
      "a device in a rule",
      "from: internet, to: web",
      "from: fw, to: web",
      "device-reference",
      12,
      26,
      '"fw" in fw#1 is a forwarding device',
    ],
    [
      "an unknown node in a flow",
      "    from: internet/*",
      "    from: internet/x",
      "unknown-reference",
      18,
      11,
      'unknown node "internet/x" in flow "f1"',
    ],
    [
      "a misspelt zone/* in a flow",
      "    from: internet/*",
      "    from: internt/*",
      "unknown-reference",
      18,
      11,
      'unknown zone "internt" in flow "f1"',
    ],
    [
      "a transit zone/* in a flow",
      "    from: internet/*",
      "    from: edge/*",
      "transit-reference",
      18,
      11,
      '"edge/*" in flow "f1" is a transit zone',
    ],
    [
      "a zone/* in the via of a flow",
      "    to: { node: web, service: https }",
      "    via: [internet/*]\n    to: { node: web, service: https }",
      "implicit-in-via",
      19,
      11,
      '"internet/*" cannot be in the via of flow "f1"',
    ],
    [
      "data in a flow that is not declared",
      "    carries: web\n",
      "    carries: web\n    data: [d9]\n",
      "unknown-data",
      21,
      12,
      'unknown data "d9" in "f1"',
    ],
    [
      "a device in a flow",
      "    to: { node: web, service: https }",
      "    via: [{ node: fw, service: https }]\n    to: { node: web, service: https }",
      "device-in-flow",
      19,
      11,
      '"fw" in flow "f1" is a forwarding device',
    ],
    [
      "a date that does not exist",
      "    carries: web\n",
      "    carries: web\nwaivers:\n  - { rule: NET-01, reason: r, expires: 2026-02-30 }\n",
      "bad-date",
      22,
      41,
      '"2026-02-30" is not a date',
    ],
    [
      "a waiver without its reason",
      "    carries: web\n",
      "    carries: web\nwaivers:\n  - { rule: NET-01, expires: 2026-02-28 }\n",
      "schema",
      22,
      5,
      'waiver 1: missing "reason"',
    ],
    [
      "a waiver with an empty reason",
      "    carries: web\n",
      "    carries: web\nwaivers:\n  - { rule: NET-01, reason: '', expires: 2026-02-28 }\n",
      "schema",
      22,
      29,
      'waiver 1: "reason" must not be empty',
    ],
  ])("%s", (_name, from, to, code, line, column, message) => {
    expect(BASE).toContain(from);
    const r = load(BASE.replace(from, to));
    expect(r.topology).toBeUndefined();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: "t.yaml", code, line, column });
    expect(r.errors[0]?.message).toContain(message);
  });

  it("suggests the nearest id or value", () => {
    const kind = load(BASE.replace("  web: { kind: web-server,", "  web: { kind: web-sever,")).errors[0];
    expect(kind?.hint).toBe('did you mean "web-server"?');
    const ref = load(BASE.replace("from: internet, to: web", "from: internte, to: web")).errors[0];
    expect(ref?.hint).toBe('did you mean "internet"?');
    const zone = load(BASE.replace("zone: dmz, holds", "zone: dzm, holds")).errors[0];
    expect(zone?.hint).toBe('did you mean "dmz"?');
    const key = load(BASE.replace("name: t", "name: t\ntitel: x")).errors[0];
    expect(key).toMatchObject({ code: "schema", line: 3, column: 1, message: 'top level: unknown key "titel"' });
    expect(key?.hint).toBe('did you mean "title"?');
    const service = load(BASE.replace("service: https } }", "service: htps } }")).errors[0];
    expect(service?.hint).toBe('did you mean "https"?');
    const number = load(BASE.replace("  dmz: { kind: dmz }", "  dmz: { kind: dmz }\n  123: { kind: dmz }")).errors[0];
    expect(number?.hint).toBe('quote it: "123"');
  });

  it("reports every error of a file, in order of position", () => {
    const text = BASE.replace("zone: dmz, holds: [d1]", "zone: dzm, holds: [d2]").replace(
      "service: https } }",
      "service: htps } }",
    );
    const r = load(text);
    expect(r.errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ["bad-service", 12, 54],
      ["unknown-zone", 13, 34],
      ["unknown-data", 13, 47],
    ]);
  });

  it("gives messages in Japanese with --lang ja", () => {
    const r = loadTopologyText(BASE.replace("zone: dmz, holds", "zone: dzm, holds"), "t.yaml", { lang: "ja" });
    expect(r.errors[0]?.message).toBe('ノード "web" のゾーン "dzm" はありません');
  });

  it("treats constructor, toString and hasOwnProperty as ordinary ids", () => {
    const text = BASE.replaceAll("to: web", "to: constructor")
      .replace("  web: { kind", "  constructor: { kind")
      .replace("node: web,", "node: constructor,")
      .replaceAll("d1", "toString")
      .replace("  dmz: { kind: dmz }", "  dmz: { kind: dmz }\n  hasOwnProperty: { kind: dmz }");
    const r = load(text);
    expect(r.errors).toEqual([]);
    expect([...(r.topology?.nodes.keys() ?? [])]).toContain("constructor");
    expect([...(r.topology?.zones.keys() ?? [])]).toContain("hasOwnProperty");
  });
});

describe("fetches (topology.md, Optional node fields)", () => {
  const nodesOf = (extra: string) => {
    const r = load(BASE.replace("data:", `${extra}data:`));
    expect(r.errors).toEqual([]);
    return r.topology?.nodes;
  };
  it("defaults to true for client, proxy and screen-transfer, false for other hosts and for devices", () => {
    const nodes = nodesOf(
      "  pc: { kind: client, zone: dmz }\n  px: { kind: proxy, zone: dmz }\n  vb: { kind: screen-transfer, zone: dmz }\n  ws: { kind: server, zone: dmz }\n",
    );
    const fetches = Object.fromEntries([...(nodes?.values() ?? [])].map((n) => [n.id, [n.fetches, n.fetchesDeclared]]));
    expect(fetches).toEqual({
      fw: [false, false],
      web: [false, false],
      pc: [true, false],
      px: [true, false],
      vb: [true, false],
      ws: [false, false],
    });
  });
  it("is overridden either way by the field", () => {
    const nodes = nodesOf(
      "  wsus: { kind: server, zone: dmz, fetches: true }\n  kiosk: { kind: client, zone: dmz, fetches: false }\n",
    );
    expect([nodes?.get("wsus")?.fetches, nodes?.get("kiosk")?.fetches]).toEqual([true, false]);
    expect([nodes?.get("wsus")?.fetchesDeclared, nodes?.get("kiosk")?.fetchesDeclared]).toEqual([true, true]);
  });
});

describe("hostile input", () => {
  it("rejects an alias bomb quickly", () => {
    const levels = Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(",")}]`);
    const text = `bunri: 1\nname: t\nl0: &l0 [x,x,x,x,x,x,x,x,x,x]\n${levels.join("\n")}\n`;
    const started = Date.now();
    const r = load(text);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.errors[0]?.code).toBe("alias-limit");
    expect(r.errors[0]?.message).toContain("an alias bomb");
  });

  it("rejects nesting 10,000 levels deep without a stack overflow", () => {
    const started = Date.now();
    const r = load(`bunri: 1\nname: t\nx: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: "too-deep", line: 3 });
    expect(r.errors[0]?.message).toContain("nested deeper than 64 levels");
  });

  it("rejects block nesting thousands of levels deep (compact and indented)", () => {
    const compact = load(`bunri: 1\nname: t\nx:\n  ${"- ".repeat(10_000)}1\n`);
    expect(compact.errors[0]?.code).toBe("too-deep");
    const indented = Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i + 2)}a:`).join("\n");
    const r = load(`bunri: 1\nname: t\nx:\n${indented}\n${" ".repeat(2002)}1\n`);
    expect(r.errors[0]?.code).toBe("too-deep");
    expect(r.errors[0]?.message).toContain("nested deeper than");
  });

  it("places the nesting error where the limit is passed", () => {
    const r = load(`bunri: 1\nname: t\nx: ${"[".repeat(65)}${"]".repeat(65)}\n`);
    expect(r.errors).toEqual([expect.objectContaining({ code: "too-deep", line: 3, column: 68 })]);
  });

  it("does not count brackets in comments and strings as nesting", () => {
    const text = BASE.replace("name: t", `name: t\ndescription: "${"[".repeat(100)}"\n# ${"{".repeat(100)}`);
    expect(load(text).errors).toEqual([]);
  });

  it("rejects a file over 8 MiB", () => {
    const r = load(`bunri: 1\nname: t\n# ${"x".repeat(9 * 1024 * 1024)}\n`);
    expect(r.errors[0]?.code).toBe("too-large");
    expect(r.errors[0]).toMatchObject({ line: 1, column: 1 });
  });

  it("rejects a document that is not a mapping", () => {
    expect(load("- just\n- a list\n").errors[0]).toMatchObject({ code: "not-a-topology", line: 1, column: 1 });
  });
});

describe("waivers files", () => {
  const waivers = (text: string) => loadWaiversText(text, "w.yaml", { lang: "en" });

  it("loads a list of waivers", () => {
    const r = waivers("- { topology: t, rule: NET-01, reason: r, expires: 2026-01-01 }\n");
    expect(r.errors).toEqual([]);
    expect(r.waivers).toMatchObject([{ topology: "t", rule: "NET-01", expires: "2026-01-01" }]);
  });

  it.each([
    ["a file that is not a list", "a: 1\n", "not-a-list", 1, 1, "a waivers file is a YAML list of waivers"],
    [
      "a waiver without its topology",
      "- { rule: NET-01, reason: r, expires: 2026-01-01 }\n",
      "schema",
      1,
      3,
      'each waiver in a waivers file needs "topology"',
    ],
    [
      "an unknown key in a waiver",
      "- { topology: t, rule: NET-01, reason: r, expires: 2026-01-01, colour: red }\n",
      "schema",
      1,
      64,
      'waiver 1: unknown key "colour"',
    ],
    [
      "a date that does not exist",
      "- { topology: t, rule: NET-01, reason: r, expires: 2026-13-01 }\n",
      "bad-date",
      1,
      52,
      '"2026-13-01" is not a date',
    ],
  ])("%s", (_name, text, code, line, column, message) => {
    const r = waivers(text);
    expect(r.waivers).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: "w.yaml", code, line, column });
    expect(r.errors[0]?.message).toContain(message);
  });
});

describe("files and directories", () => {
  it("names a missing file, a directory, and a directory without designs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-load-"));
    mkdirSync(join(dir, "empty"));
    writeFileSync(join(dir, "empty", "notes.yaml"), "title: not a design\n");
    expect((await loadTopologyFile(join(dir, "nope.yaml"), { lang: "en" })).errors[0]?.code).toBe("not-found");
    expect((await loadTopologyFile(dir, { lang: "en" })).errors[0]?.code).toBe("is-directory");
    const found = await findTopologyFiles([join(dir, "empty")]);
    expect(found.files).toEqual([]);
    expect(found.errors[0]?.code).toBe("no-topology");
  });
});
