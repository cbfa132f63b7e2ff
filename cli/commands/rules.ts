/** `bunri rules [--pack P] [--format text|json|markdown]`: the rule catalogue. */
import { catalogue, catalogueMarkdown, rulesJson, rulesText } from "../../src/catalogue.js";
import { t } from "../../src/i18n/index.js";
import type { Lang } from "../../src/model/types.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { pack: { type: "string" }, format: { type: "string" }, lang: { type: "string" } },
    lang,
  );
  if (positionals.length > 0) throw new UsageError(t(lang, "cli.unexpected", { value: positionals.join(" ") }));
  const pack = values.pack as string | undefined;
  const packs = catalogue().map((p) => p.id);
  if (pack !== undefined && !packs.includes(pack))
    throw new UsageError(t(lang, "cli.bad-pack", { value: pack, packs: packs.join(", ") }));
  const format = (values.format as string | undefined) ?? "text";
  if (format === "json") io.stdout.write(`${JSON.stringify(rulesJson(pack), null, 2)}\n`);
  else if (format === "markdown") io.stdout.write(catalogueMarkdown());
  else if (format === "text") io.stdout.write(rulesText(lang, pack));
  else throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: "text, json, markdown" }));
  return 0;
}
