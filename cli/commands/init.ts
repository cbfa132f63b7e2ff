/** `bunri init [--template T] [FILE]`: write a commented starting design that passes the check. */
import { existsSync, lstatSync, mkdirSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { t } from "../../src/i18n/index.js";
import { nameFromFile, TEMPLATES, type Template, templateText } from "../../src/init.js";
import type { Lang } from "../../src/model/types.js";
import { oneLine } from "../../src/report/sanitize.js";
import { packagePath } from "../../src/util/paths.js";
import { parse, UsageError } from "../args.js";
import { WriteError, writeFileAtomic } from "../io.js";
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
  if (exists(path) && !values.force) throw new UsageError(t(lang, "cli.init-exists", { file }));
  const schema = relative(dirname(path), packagePath("schema", "topology.schema.json")).split("\\").join("/");
  mkdirSync(dirname(path), { recursive: true }); // `bunri init designs/city.yaml` in a new repository
  try {
    writeFileAtomic(path, templateText(template as Template, { name: nameFromFile(file), schema }), lang);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    io.stderr.write(`bunri: ${oneLine(error.message)}\n`);
    return 2;
  }
  io.stderr.write(`${oneLine(t(lang, "cli.init-written", { file, template }))}\n`);
  return 0;
}

/** Anything at the path, a link included (a dangling one too): `init` does not replace it unasked. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return existsSync(path);
  }
}
