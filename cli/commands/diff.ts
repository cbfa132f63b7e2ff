/** `bunri diff OLD NEW`: reachability gained and lost, findings new and resolved; the CI gate for topology changes. */
import { DiffSourceError, diffDesigns, diffExitCode } from "../../src/diff.js";
import { t } from "../../src/i18n/index.js";
import type { Lang } from "../../src/model/types.js";
import { diffJson, diffMarkdown, diffText } from "../../src/report/diff.js";
import { oneLine } from "../../src/report/sanitize.js";
import { failOnOption, parse, policyNotice, todayOption, UsageError } from "../args.js";
import { writeOutput } from "../io.js";
import type { Io } from "../main.js";

const OPTIONS = {
  format: { type: "string" },
  output: { type: "string", short: "o" },
  "fail-on": { type: "string" },
  policy: { type: "string", multiple: true },
  today: { type: "string" },
  lang: { type: "string" },
  "no-color": { type: "boolean" },
} as const;

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, lang);
  if (positionals.length !== 2) throw new UsageError(t(lang, "cli.diff-usage"));
  const failOn = failOnOption(values, lang);
  const format = (values.format as string | undefined) ?? "text";
  if (!["text", "json", "markdown"].includes(format))
    throw new UsageError(t(lang, "cli.bad-format", { value: format, formats: "text, json, markdown" }));
  const today = todayOption(values, lang);
  const options: Parameters<typeof diffDesigns>[2] = { lang, cwd: io.cwd, env: io.env };
  if (today) options.today = today;
  if (values.policy) options.policies = values.policy as string[];
  policyNotice(values, io, lang);
  let diff: Awaited<ReturnType<typeof diffDesigns>>;
  try {
    diff = await diffDesigns(positionals[0] as string, positionals[1] as string, options);
  } catch (error) {
    if (error instanceof DiffSourceError) {
      io.stderr.write(`bunri: ${oneLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
  // findings are matched by fingerprints that hold the design's name: under two names nothing matches
  const [older, newer] = [diff.old.topology, diff.new.topology];
  if (older !== undefined && newer !== undefined && older !== newer)
    io.stderr.write(`${oneLine(t(lang, "diff.names-differ", { old: older, new: newer }))}\n`);
  const text = format === "json" ? diffJson(diff) : format === "markdown" ? diffMarkdown(diff, lang) : diffText(diff, lang);
  if (!writeOutput(values.output as string | undefined, text, io, lang)) return 2;
  return diffExitCode(diff, failOn);
}
