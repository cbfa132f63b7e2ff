#!/usr/bin/env node
/**
 * The `bunri` command. Parses arguments, calls the library, prints, sets the exit status:
 * 0 clean, 1 findings at or above --fail-on, 2 invalid input or usage. Known errors print one
 * clean line; nothing prints a stack trace unless BUNRI_DEBUG is set.
 */
import { main } from "./main.js";

// A reader that stops early (`bunri check … | head`) closes the pipe: finish quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdinIsTTY: Boolean(process.stdin.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bunri: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.BUNRI_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);
