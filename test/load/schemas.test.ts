/**
 * The published JSON Schemas, as editors and other tools read them: each compiles in ajv's strict
 * mode (the editor keywords of yaml-language-server and VS Code declared as a vocabulary); the
 * topology schema describes every property and every enum value in English and Japanese, and has
 * snippets that are themselves valid parts of a design.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = join(import.meta.dirname, "../..");
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, "schema", `${name}.schema.json`), "utf8"));
/** Annotations for editors (yaml-language-server, VS Code): no effect on validation. */
const EDITOR_KEYWORDS = ["markdownDescription", "enumDescriptions", "markdownEnumDescriptions", "defaultSnippets"];

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addVocabulary(EDITOR_KEYWORDS);
  return ajv;
}

type Json = Record<string, unknown>;
/** Every schema object below `node`, with its JSON pointer. */
function* objects(node: unknown, path = ""): Generator<[string, Json]> {
  if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* objects(v, `${path}/${i}`);
  else if (node && typeof node === "object") {
    yield [path, node as Json];
    for (const [k, v] of Object.entries(node)) yield* objects(v, `${path}/${k}`);
  }
}

const japanese = /[ぁ-んァ-ヶ一-龥]/;

describe("the JSON Schemas", () => {
  it.each(["topology", "policy", "result"])("%s compiles in ajv's strict mode", (name) => {
    expect(() => strictAjv().compile(schema(name))).not.toThrow();
  });

  it("topology: every property and every enum value is described in English and Japanese", () => {
    let properties = 0;
    let values = 0;
    for (const [path, node] of objects(schema("topology"))) {
      if (path.includes("defaultSnippets")) continue;
      for (const [key, prop] of Object.entries((node.properties ?? {}) as Record<string, Json>)) {
        properties++;
        const where = `${path}/properties/${key}`;
        expect(prop.description, where).toEqual(expect.any(String));
        expect(prop.markdownDescription, where).toEqual(expect.any(String));
        expect(prop.markdownDescription as string, where).toMatch(/[A-Za-z]{3}[\s\S]*\n\n[\s\S]*/);
        expect(prop.markdownDescription as string, where).toMatch(japanese);
      }
      if (Array.isArray(node.enum)) {
        const md = node.markdownEnumDescriptions as string[];
        expect(md, path).toHaveLength(node.enum.length);
        expect(node.enumDescriptions as string[], path).toHaveLength(node.enum.length);
        for (const d of md) expect(d, path).toMatch(japanese);
        values += node.enum.length;
      }
    }
    expect(properties).toBeGreaterThanOrEqual(71);
    expect(values).toBeGreaterThanOrEqual(74);
  });

  it("topology: the snippets (a zone, a firewall with rules, a flow, a waiver) fill in to valid designs", () => {
    const s = schema("topology");
    const validate = strictAjv().compile(s);
    const labels = [...objects(s)].flatMap(([, n]) =>
      ((n.defaultSnippets ?? []) as Array<{ label: string }>).map((x) => x.label),
    );
    for (const wanted of ["zone", "firewall", "flow", "waiver"]) expect(labels).toContain(wanted);
    // a snippet's placeholders (${1:text}, ${2|a,b|}) filled with their default or first choice
    const fill = (body: unknown): unknown =>
      JSON.parse(
        JSON.stringify(body).replace(
          /\$\{\d+(?::([^}]*)|\|([^,|]*)[^}]*\|)\}/g,
          (_, text?: string, choice?: string) => text ?? choice ?? "",
        ),
      );
    const zone = fill(s.properties.zones.defaultSnippets[0].body) as Record<string, unknown>;
    const firewall = fill(s.properties.nodes.defaultSnippets[0].body) as Record<string, Json>;
    const flow = fill(s.properties.flows.defaultSnippets[0].body) as Record<string, unknown>;
    const waiver = fill(s.$defs.waiver.defaultSnippets[0].body);
    const design = {
      bunri: 1,
      name: "snippets",
      zones: { ...zone, outside: { kind: "internet" }, inside: { kind: "internet-connected" } },
      nodes: {
        ...firewall,
        web: { kind: "web-server", zone: "inside" },
        sender: { kind: "client", zone: "outside" },
        receiver: { kind: "web-server", zone: "inside" },
      },
      data: { datum: { classification: "personal" } },
      flows: flow,
      waivers: [waiver],
    };
    expect(validate(design), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.values(firewall)[0]?.rules).toHaveLength(1);
  });

  it("the example designs still validate against the described schema", () => {
    const validate = strictAjv().compile(schema("topology"));
    for (const file of readdirSync(join(ROOT, "topologies")).filter((f) => f.endsWith(".yaml"))) {
      const design = parse(readFileSync(join(ROOT, "topologies", file), "utf8"));
      expect(validate(design), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
