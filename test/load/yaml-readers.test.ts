/**
 * The two YAML readers (src/load/yaml.ts): the fast event reader must give exactly what the full
 * reader (the `yaml` library's syntax tree) gives — values, types, key order, positions of every
 * value and key, non-string keys — and hand over every document it cannot place. With
 * BUNRI_YAML_VERIFY=1, parseYaml runs both and throws where they differ.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseYaml, yamlReader } from "../../src/load/yaml.js";
import { ROOT } from "../helpers/cli.js";

const SNIPPETS: Record<string, string> = {
  "empty values": "a:\nb:   # comment\nc: 1\nd: [x, ]\ne: {y: , z}\nf:\n  - \n  - w\n",
  "scalar types":
    "i: 12\nn: -3\no: 0o17\nh: 0x1F\nf: 1.50\ne: 2e3\ninf: -.inf\nnan: .NaN\nt: True\nnul: ~\nN: NULL\ns: '12'\nd: 2027-03-31\nv: 1.2.3\n",
  "non-string keys": "1: a\ntrue: b\nnull: c\n0x10: d\n'2': e\n",
  "quotes and escapes": "a: 'it''s'\nb: \"tab\\there \\u00e9 \\ud800\"\nc: \"multi\n  line\"\n",
  "block scalars": "a: |\n  one\n  two\nb: >- # folded\n\n  text\nc:\n  - |\n    item\n",
  "flow style":
    "{zones: {internet: {kind: internet}, lan: {kind: internal}}, nodes: {fw: {kind: firewall, zones: [internet, lan]}}}",
  "japanese and astral": 'title: 高槻市 𠮷野家 の設計\nnodes:\n  web: { title: "𠮷𠮷", kind: web-server }\n',
  "explicit keys and documents": "--- # start\n? a\n: b\nc: d\n...\n",
  "proto keys": "__proto__: {x: 1}\nconstructor: 2\nnodes: {__proto__: {kind: client}}\n",
  "plain multi-line": "a: b\n  c\nd: e\n",
  "tilde and slash keys": "rules: {a/b: 1, c~d: 2}\n",
  "directives and tabs": "%YAML 1.1\n---\nk: yes\nn: 0b11\nd: 2001-01-01\nt:\tv\n",
  "edge scalars":
    "a: +.inf\nb: -0\nc: 0o\nd: 1_000\ne: 5.\nf: 1E+3\ng: 012\nh: 9007199254740993\ni: '\\x'\nj: \"\\ud83d\\ude00\"\n",
};

const HANDED_OVER: Record<string, string> = {
  anchors: "a: &x {k: 1}\nb: *x\n",
  tags: "a: !!str 12\n",
  merge: "base: {k: 1}\nx:\n  <<: {k: 2}\n",
  duplicate: "a: 1\na: 2\n",
  "complex key": "? [a, b]\n: c\n",
  "syntax error": "a: [1, 2\nb: 3\n",
  "two documents": "a: 1\n---\nb: 2\n",
  "long key": `${"k".repeat(1100)}: 1\n`,
  "an empty document": "---\n...\n",
  "a directive-less empty file": "",
};

describe("the fast and the full YAML reader agree", () => {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.BUNRI_YAML_VERIFY;
    process.env.BUNRI_YAML_VERIFY = "1";
  });
  afterAll(() => {
    if (before === undefined) delete process.env.BUNRI_YAML_VERIFY;
    else process.env.BUNRI_YAML_VERIFY = before;
  });

  for (const [name, text] of Object.entries(SNIPPETS)) {
    it(`on ${name}, and the fast one takes it`, () => {
      expect(yamlReader(text)).toBe("fast");
      const r = parseYaml(text, "x.yaml", "en");
      expect(r.errors).toEqual([]);
    });
  }

  it("on every example design, policy pack and fixture of the repository", () => {
    const files: string[] = [];
    for (const dir of ["topologies", "policies", "test/fixtures/broken"])
      for (const f of readdirSync(join(ROOT, dir))) if (f.endsWith(".yaml")) files.push(join(ROOT, dir, f));
    expect(files.length).toBeGreaterThan(40);
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      expect(() => parseYaml(text, f, "en"), f).not.toThrow();
      if (f.includes("/topologies/")) expect(yamlReader(text), f).toBe("fast");
    }
  });

  for (const [name, text] of Object.entries(HANDED_OVER)) {
    it(`hands ${name} to the full reader`, () => {
      expect(yamlReader(text)).toBe("full");
    });
  }
});

describe("positions", () => {
  it("are lines and columns in code points, also far along one long line", () => {
    const wide = `{a: "${"𠮷".repeat(10)}", ${Array.from({ length: 20000 }, (_, i) => `k${i}: v`).join(", ")}, last: 1}`;
    const r = parseYaml(wide, "w.yaml", "en");
    expect(r.errors).toEqual([]);
    expect(r.positions.get("/a")).toEqual({ file: "w.yaml", line: 1, column: 5 });
    // the column of `last` counts each astral character once
    const col = [...wide].length - "last: 1}".length + 1;
    expect(r.positions.get("/last#key")).toEqual({ file: "w.yaml", line: 1, column: col });
  });

  it("are those of the value's first character, a key's, an empty value's after its indicator", () => {
    const r = parseYaml("a:\n  b: 'x'\n  c:\n  d: |\n    t\n", "p.yaml", "en");
    expect(r.positions.get("/a/b")).toMatchObject({ line: 2, column: 6 });
    expect(r.positions.get("/a/b#key")).toMatchObject({ line: 2, column: 3 });
    expect(r.positions.get("/a/c")).toMatchObject({ line: 3, column: 5 });
    expect(r.positions.get("/a/d")).toMatchObject({ line: 4, column: 6 });
  });
});
