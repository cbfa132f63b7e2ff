/**
 * Command dispatch. Each command is its own module, loaded only when used, so that `bunri check`
 * does not pay for what it does not run.
 */
import { detectLang, t } from "../src/i18n/index.js";
import type { Lang } from "../src/model/types.js";
import { oneLine } from "../src/report/sanitize.js";
import { inCi, UsageError } from "./args.js";

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
  /^(?:--(?:format|output|fail-on|policy|waivers|baseline|write-baseline|base|today|no-color|color)(?:=.*)?|-o)$/;

function langFrom(argv: string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = i < 0 ? undefined : argv[i]?.includes("=") ? argv[i]?.split("=")[1] : argv[i + 1];
  return value === "ja" || value === "en" ? value : detectLang(env);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const lang = langFrom(argv, io.env);
  const [first, ...rest] = argv;
  try {
    if (first === "--version" || first === "-V") {
      const { toolVersion } = await import("../src/check.js");
      io.stdout.write(`${toolVersion()}\n`);
      return 0;
    }
    if (first === undefined || first === "--help" || first === "-h" || first === "help") {
      io.stdout.write(`${t(lang, "cli.usage")}\n`);
      return first === undefined ? 2 : 0;
    }
    if (first === "reach") return await (await import("./commands/reach.js")).run(rest, io, lang);
    if (first === "schema") return await (await import("./commands/schema.js")).run(rest, io, lang);
    if (first === "graph") return await (await import("./commands/graph.js")).run(rest, io, lang);
    if (first === "format") return await (await import("./commands/format.js")).run(rest, io, lang);
    if (first === "diff") return await (await import("./commands/diff.js")).run(rest, io, lang);
    if (first === "tui") return await (await import("./commands/tui.js")).run(rest, io, lang);
    if (first === "init") return await (await import("./commands/init.js")).run(rest, io, lang);
    if (first === "rules") return await (await import("./commands/rules.js")).run(rest, io, lang);
    if (first === "explain") return await (await import("./commands/explain.js")).run(rest, io, lang);
    if (first === "check") return await (await import("./commands/check.js")).run(rest, io, lang);
    if (
      !first.startsWith("-") &&
      (COMMANDS as readonly string[]).includes(first) === false &&
      /^[a-z]+$/.test(first) &&
      !first.includes(".")
    ) {
      // `bunri foo` where foo is neither a command nor an existing path
      const { existsSync } = await import("node:fs");
      if (!existsSync(first)) throw new UsageError(t(lang, "cli.unknown-command", { command: first }));
    }
    // `bunri FILE…`: the explorer when both ends are terminals, no option of check is given and
    // this is not a CI job (a CI runner with a pseudo-terminal must never wait for keys)
    if (io.stdinIsTTY && io.stdout.isTTY && !inCi(io.env) && !argv.some((a) => CHECK_ONLY.test(a)))
      return await (await import("./commands/tui.js")).run(argv, io, lang);
    return await (await import("./commands/check.js")).run(argv, io, lang);
  } catch (error) {
    if (error instanceof UsageError) {
      // a usage error may quote an argument (`bunri explain RULE`, `--pack P`): on one line, no controls
      io.stderr.write(`bunri: ${oneLine(error.message)}\n${t(lang, "cli.see-help")}\n`);
      return 2;
    }
    throw error;
  }
}
