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
  let out = text.replace(/^(name:\s*)\S+/m, `$1${scalar}`);
  if (options.schema !== undefined)
    out = out.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${options.schema}`);
  return out;
}
