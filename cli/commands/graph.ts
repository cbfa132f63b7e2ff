/**
 * `bunri graph FILE [--format mermaid|dot|svg] [--highlight RULE] [-o FILE]`: the design as a
 * diagram, zones as clusters; `--highlight` marks the evidence paths of that rule's findings
 * (waived and baselined ones too: the reader asked for that rule).
 */
import { allRuleIds } from "../../src/catalogue.js";
import { checkFile } from "../../src/check.js";
import { designGraph, findingPaths, toDot, toMermaid } from "../../src/graph/index.js";
import { t } from "../../src/i18n/index.js";
import { didYouMean } from "../../src/load/schema.js";
import type { Lang } from "../../src/model/types.js";
import { oneLine } from "../../src/report/sanitize.js";
import { selectPolicies } from "../../src/rules/policy.js";
import { checkLangOption, parse, UsageError } from "../args.js";
import { writeOutput } from "../io.js";
import type { Io } from "../main.js";

const FORMATS = ["mermaid", "dot", "svg"];

/** The rule as the catalogue or the design's policies spell it, or a usage error with the nearest id. */
function resolveRule(asked: string, known: readonly string[], lang: Lang): string {
  const exact = known.find((id) => id === asked) ?? known.find((id) => id.toUpperCase() === asked.toUpperCase());
  if (exact !== undefined) return exact;
  const near = didYouMean(asked, known);
  throw new UsageError(t(lang, near ? "cli.unknown-rule-suggest" : "cli.unknown-rule", { rule: asked, suggestion: near ?? "" }));
}

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      format: { type: "string" },
      highlight: { type: "string" },
      output: { type: "string", short: "o" },
      policy: { type: "string", multiple: true },
      lang: { type: "string" },
    },
    lang,
  );
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError(t(lang, "cli.graph-usage"));
  checkLangOption(values, lang);
  const format = (values.format as string | undefined) ?? "mermaid";
  if (!FORMATS.includes(format)) throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: FORMATS.join(", ") }));
  const asked = values.highlight as string | undefined;
  const catalogue = allRuleIds();
  // a rule of the catalogue is known before the file is read; one of the design's own policy files after
  let rule = asked !== undefined && catalogue.some((id) => id.toUpperCase() === asked.toUpperCase()) ? asked : undefined;
  if (rule !== undefined) rule = resolveRule(rule, catalogue, lang);

  const options: Parameters<typeof checkFile>[1] = { lang, cwd: io.cwd, env: io.env };
  if (values.policy) options.policies = values.policy as string[];
  const checked = await checkFile(file, options);
  if (!checked.design || !checked.topology) {
    for (const e of checked.result.errors) io.stderr.write(`${oneLine(`${e.file}:${e.line}:${e.column}: ${e.message}`)}\n`);
    return 2;
  }
  if (asked !== undefined && rule === undefined) {
    const selectOptions: Parameters<typeof selectPolicies>[1] = { lang, cwd: io.cwd };
    if (options.policies) selectOptions.cliPolicies = options.policies;
    const own = selectPolicies(checked.topology, selectOptions).rules.map((r) => r.id);
    rule = resolveRule(asked, [...new Set([...catalogue, ...own])], lang);
  }
  let highlight: ReturnType<typeof findingPaths> = [];
  if (rule !== undefined) {
    highlight = findingPaths(
      checked.result.findings.filter((f) => f.rule === rule),
      true,
    );
    if (highlight.length === 0) io.stderr.write(`${oneLine(t(lang, "graph.no-findings", { file, rule }))}\n`);
  }
  const model = designGraph(checked.design, { highlight });
  const text =
    format === "dot"
      ? toDot(model, { lang })
      : format === "svg"
        ? await (await import("../../src/graph/svg.js")).toSvg(model, { lang })
        : toMermaid(model, { lang });
  if (!writeOutput(values.output as string | undefined, text, io, lang)) return 2;
  return 0;
}
