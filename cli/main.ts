/**
 * Command dispatch. Each command is its own module, loaded only when used, so that `bunri check`
 * does not pay for what it does not run.
 */
import { detectLang, t } from "../src/i18n/index.js";
import type { Lang } from "../src/model/types.js";
import { oneLine } from "../src/report/sanitize.js";
import { didYouMean } from "../src/util/suggest.js";
import { HelpRequest, inCi, UsageError } from "./args.js";

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdinIsTTY: boolean;
}

const COMMANDS = ["check", "reach", "schema", "rules", "explain", "init", "tui", "diff", "format", "graph", "help"] as const;

/** Options of `check` that make `bunri FILE…` the batch check even on a terminal (cli.md); `--lang` is global. */
const CHECK_ONLY =
  /^(?:--(?:format|output|fail-on|policy|waivers|baseline|write-baseline|base|today|no-color|color|designs-only)(?:=.*)?|-o)$/;

function langFrom(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = i < 0 ? undefined : argv[i]?.includes("=") ? argv[i]?.split("=")[1] : argv[i + 1];
  return value === "ja" || value === "en" ? value : detectLang(env);
}

type Command = (typeof COMMANDS)[number];

const isCommand = (word: string | undefined): word is Command => (COMMANDS as readonly string[]).includes(word ?? "");

async function runCommand(command: Exclude<Command, "help">, rest: string[], io: Io, lang: Lang): Promise<number> {
  const loaders: Record<Exclude<Command, "help">, () => Promise<{ run: (a: string[], io: Io, l: Lang) => Promise<number> }>> = {
    check: () => import("./commands/check.js"),
    reach: () => import("./commands/reach.js"),
    schema: () => import("./commands/schema.js"),
    rules: () => import("./commands/rules.js"),
    explain: () => import("./commands/explain.js"),
    init: () => import("./commands/init.js"),
    tui: () => import("./commands/tui.js"),
    diff: () => import("./commands/diff.js"),
    format: () => import("./commands/format.js"),
    graph: () => import("./commands/graph.js"),
  };
  return (await loaders[command]()).run(rest, io, lang);
}

/** `unknown command "chekc" (did you mean "check"?)` */
function unknownCommand(word: string, lang: Lang): UsageError {
  const near = didYouMean(word, COMMANDS);
  return new UsageError(
    t(lang, near ? "cli.unknown-command-suggest" : "cli.unknown-command", { command: word, suggestion: near ?? "" }),
  );
}

export async function main(args: string[], io: Io): Promise<number> {
  const lang = langFrom(args, io.env);
  // `bunri --lang ja check …`: the global option first is moved after the command, which reads it
  const lead = args[0] === "--lang" ? 2 : args[0]?.startsWith("--lang=") ? 1 : 0;
  const argv = lead > 0 && args.length > lead ? [...args.slice(lead), ...args.slice(0, lead)] : args;
  const [first, ...rest] = argv;
  // the command whose help a usage error points to
  let command: Command | undefined;
  try {
    if (first === "--version" || first === "-V") {
      const { toolVersion } = await import("../src/check.js");
      io.stdout.write(`${toolVersion()}\n`);
      return 0;
    }
    if (first === undefined || first === "--help" || first === "-h") {
      io.stdout.write(`${t(lang, "cli.usage")}\n`);
      return first === undefined ? 2 : 0;
    }
    if (first === "help") {
      command = "help";
      const words = rest.filter((a, i) => !a.startsWith("-") && rest[i - 1] !== "--lang");
      const [topic, ...extra] = words;
      if (extra.length > 0) throw new UsageError(t(lang, "cli.unexpected", { value: extra.join(" ") }));
      if (topic === undefined) io.stdout.write(`${t(lang, "cli.usage")}\n`);
      else if (isCommand(topic)) io.stdout.write(`${t(lang, `help.${topic}`)}\n`);
      else throw unknownCommand(topic, lang);
      return 0;
    }
    if (isCommand(first)) {
      command = first;
      // `--help` before `--` is never an option's value (one starting with `-` is refused): print
      // the help without loading the command's modules
      const end = rest.indexOf("--");
      if ((end < 0 ? rest : rest.slice(0, end)).some((a) => a === "--help" || a === "-h")) throw new HelpRequest();
      return await runCommand(first as Exclude<Command, "help">, rest, io, lang);
    }
    // `bunri foo` where foo is neither a command nor an existing path
    if (!first.startsWith("-") && /^[a-z]+$/.test(first)) {
      const { existsSync } = await import("node:fs");
      if (!existsSync(first)) throw unknownCommand(first, lang);
    }
    // `bunri FILE…`: the explorer when both ends are terminals, no option of check is given and
    // this is not a CI job (a CI runner with a pseudo-terminal must never wait for keys)
    if (io.stdinIsTTY && io.stdout.isTTY && !inCi(io.env) && !argv.some((a) => CHECK_ONLY.test(a))) {
      command = "tui";
      return await runCommand("tui", argv, io, lang);
    }
    command = "check";
    return await runCommand("check", argv, io, lang);
  } catch (error) {
    if (error instanceof HelpRequest) {
      io.stdout.write(`${t(lang, command ? `help.${command}` : "cli.usage")}\n`);
      return 0;
    }
    if (error instanceof UsageError) {
      // a usage error may quote an argument (`bunri explain RULE`, `--pack P`): on one line, no controls
      const see = command && command !== "help" ? t(lang, "cli.see-help-command", { command }) : t(lang, "cli.see-help");
      io.stderr.write(`bunri: ${oneLine(error.message)}\n${see}\n`);
      return 2;
    }
    throw error;
  }
}
