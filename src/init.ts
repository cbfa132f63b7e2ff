/**
 * `bunri init`: a starting design from one of the reference designs in topologies/, which pass
 * every rule. The copy gets its own name and a pointer to the schema that works where it is written.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { packagePath } from "./util/paths.js";

export const TEMPLATES = ["alpha", "alpha-prime", "beta", "beta-prime", "lgwan-asp"] as const;
export type Template = (typeof TEMPLATES)[number];

/** A design id from a file name: `Kyoto City Net.yaml` → `kyoto-city-net`. */
export function nameFromFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.ya?ml$/i, "");
  const id = base
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/-{2,}/g, "-");
  return /^[a-z]/.test(id) ? id : `design-${id || "1"}`;
}

/**
 * The template's text with `name` set and the schema line pointing at `schemaUrl` (the
 * published schema's location relative to the new file, or an absolute path).
 */
export function templateText(template: Template, options: { name?: string; schema?: string } = {}): string {
  const text = readFileSync(packagePath("topologies", `reference-${template}.yaml`), "utf8");
  const name = options.name ?? `my-${template}-design`;
  // a name YAML would read as something other than text (`true`, `null`, `1e3`) is quoted
  const scalar = parse(name, { schema: "core" }) === name ? name : JSON.stringify(name);
  const out = text.replace(/^(name:\s*)\S+/m, `$1${scalar}`);
  // Written to a file, the schema is found relative to it. Printed, bunri cannot know where the
  // text will be saved, and any path could be wrong there: say how to get the schema instead.
  const line =
    options.schema !== undefined
      ? `# yaml-language-server: $schema=${options.schema}`
      : [
          "# エディタでの補完: スキーマを設計の隣に保存し、次の行でそれを指してください。",
          "# Editor completion: save the schema beside the design and point this line at it, e.g.",
          "#   bunri schema topology > topology.schema.json",
          "#   # yaml-language-server: $schema=topology.schema.json",
          "# (bunri init ファイル ならこの行を書き込みます / bunri init FILE writes this line for you.)",
        ].join("\n");
  return out.replace(/^# yaml-language-server: \$schema=.*$/m, () => line);
}
