/** `bunri init [--template T] [FILE]`: write a commented starting design that passes the check. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { t } from "../../src/i18n/index.js";
import { nameFromFile, TEMPLATES, type Template, templateText } from "../../src/init.js";
import type { Lang } from "../../src/model/types.js";
import { packagePath } from "../../src/util/paths.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      template: { type: "string", short: "t" },
      force: { type: "boolean" },
      lang: { type: "string" },
    },
    lang,
  );
  const template = (values.template as string | undefined) ?? "alpha";
  if (!(TEMPLATES as readonly string[]).includes(template))
    throw new UsageError(t(lang, "cli.bad-template", { value: template, templates: TEMPLATES.join(", ") }));
  if (positionals.length > 1) throw new UsageError(t(lang, "cli.unexpected", { value: positionals.slice(1).join(" ") }));
  const file = positionals[0];
  if (file === undefined) {
    io.stdout.write(templateText(template as Template));
    return 0;
  }
  const path = resolve(io.cwd, file);
  if (existsSync(path) && !values.force) throw new UsageError(t(lang, "cli.init-exists", { file }));
  const schema = relative(dirname(path), packagePath("schema", "topology.schema.json")).split("\\").join("/");
  mkdirSync(dirname(path), { recursive: true }); // `bunri init designs/city.yaml` in a new repository
  writeFileSync(path, templateText(template as Template, { name: nameFromFile(file), schema }));
  io.stderr.write(`${t(lang, "cli.init-written", { file, template })}\n`);
  return 0;
}
