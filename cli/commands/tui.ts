/**
 * `bunri tui FILE…` (and `bunri FILE…` on a terminal): the interactive explorer. Ink and React are
 * imported here, on first use only, so that `bunri check` never loads them.
 */
import { t } from "../../src/i18n/index.js";
import type { Lang } from "../../src/model/types.js";
import { inCi, parse, todayOption, UsageError } from "../args.js";
import type { Io } from "../main.js";

const OPTIONS = {
  lang: { type: "string" },
  watch: { type: "boolean", short: "w" },
  policy: { type: "string", multiple: true },
  waivers: { type: "string" },
  today: { type: "string" },
  "no-color": { type: "boolean" },
  color: { type: "boolean" },
} as const;

export async function run(argv: string[], io: Io, lang: Lang): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS, lang);
  if (positionals.length === 0) throw new UsageError(t(lang, "cli.no-paths"));
  if (!io.stdinIsTTY || !io.stdout.isTTY) throw new UsageError(t(lang, "cli.tui-no-terminal"));
  const today = todayOption(values, lang);
  const options: Parameters<typeof import("../explorer/run.js").runExplorer>[1] = {
    lang,
    cwd: io.cwd,
    env: io.env,
    watch: Boolean(values.watch),
    // no colours with NO_COLOR (no-color.org) or --no-color; --color overrides NO_COLOR
    colour: values.color === true || (!values["no-color"] && io.env.NO_COLOR === undefined),
  };
  if (today) options.today = today;
  if (values.policy) options.policies = values.policy as string[];
  if (values.waivers) options.waivers = values.waivers as string;
  // Asked for by name on a terminal, the explorer is interactive even in a CI job. Ink decides
  // once, when it is first imported, to draw only the last frame when `CI` is set (its is-in-ci
  // test reads process.env): clear the markers before it loads, or the screen stays blank.
  if (inCi(process.env)) {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
  }
  // Ink's colour library reads `--no-color` from the process's own arguments and then draws no
  // style at all; bunri's explorer keeps bold and inverse (the selection, the key bar) and leaves
  // out only the colours, with NO_COLOR as with --no-color: the option is handled here, not there.
  if (process.argv.includes("--no-color")) process.argv = process.argv.filter((a) => a !== "--no-color");
  const { runExplorer } = await import("../explorer/run.js");
  return runExplorer(positionals, options, {
    stdin: process.stdin,
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
  });
}
