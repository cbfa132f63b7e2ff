/** `bunri schema [topology|policy|result]`: print a JSON Schema, for editors and other tools. */
import { readFileSync } from "node:fs";
import { t } from "../../src/i18n/index.js";
import type { Lang } from "../../src/model/types.js";
import { packagePath } from "../../src/util/paths.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

const SCHEMAS = ["topology", "policy", "result"];

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { positionals } = parse(argv, { lang: { type: "string" } }, lang);
  const name = positionals[0] ?? "topology";
  if (!SCHEMAS.includes(name) || positionals.length > 1)
    throw new UsageError(t(lang, "cli.bad-schema", { value: positionals.join(" "), schemas: SCHEMAS.join(", ") }));
  io.stdout.write(readFileSync(packagePath("schema", `${name}.schema.json`), "utf8"));
  return 0;
}
