/** `bunri graph FILE [--format mermaid|dot|svg] [--highlight RULE]`: the design as a diagram. */
import { writeFileSync } from "node:fs";
import { allRuleIds } from "../../src/catalogue.js";
import { checkFile } from "../../src/check.js";
import { designGraph, findingPaths, toDot, toMermaid } from "../../src/graph/index.js";
import { t } from "../../src/i18n/index.js";
import { didYouMean } from "../../src/load/schema.js";
import type { Lang } from "../../src/model/types.js";
import { parse, UsageError } from "../args.js";
import type { Io } from "../main.js";

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: "string" },
    highlight: { type: "string" },
    output: { type: "string", short: "o" },
    policy: { type: "string", multiple: true },
    lang: { type: "string" },
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(t(lang, "cli.graph-usage"));
  const format = (values.format as string | undefined) ?? "mermaid";
  if (!["mermaid", "dot", "svg"].includes(format))
    throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: "mermaid, dot, svg" }));
  const highlight = values.highlight as string | undefined;
  const known = allRuleIds();
  if (highlight !== undefined && !known.includes(highlight.toUpperCase())) {
    const near = didYouMean(highlight.toUpperCase(), known);
    throw new UsageError(
      t(lang, near ? "cli.unknown-rule-suggest" : "cli.unknown-rule", { rule: highlight, suggestion: near ?? "" }),
    );
  }
  const options: Parameters<typeof checkFile>[1] = { lang, cwd: io.cwd, env: io.env };
  if (values.policy) options.policies = values.policy as string[];
  const checked = await checkFile(file, options);
  if (!checked.design) {
    for (const e of checked.result.errors) io.stdout.write(`${e.file}:${e.line}:${e.column}: ${e.message}\n`);
    return 2;
  }
  const paths = highlight ? findingPaths(checked.result.findings.filter((f) => f.rule === highlight.toUpperCase())) : [];
  const model = designGraph(checked.design, paths);
  const text =
    format === "dot"
      ? toDot(model)
      : format === "svg"
        ? await (await import("../../src/graph/svg.js")).toSvg(model)
        : toMermaid(model);
  const output = values.output as string | undefined;
  if (output) writeFileSync(output, text);
  else io.stdout.write(text);
  return 0;
}
