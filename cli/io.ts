/**
 * Writing the files the user asked for, and nothing else. A file is written beside its path under a
 * new name (created exclusively, so no existing file or link is opened) and then renamed over the
 * path: a symbolic link committed at the path is replaced, never followed, and a reader never sees
 * half a report. An existing regular file keeps its permissions.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, lstatSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { t } from "../src/i18n/index.js";
import type { Lang } from "../src/model/types.js";
import { oneLine } from "../src/report/sanitize.js";

export class WriteError extends Error {}

export function writeFileAtomic(path: string, data: string, lang: Lang, cwd = process.cwd()): void {
  const target = resolve(cwd, path);
  let mode: number | undefined;
  try {
    const s = lstatSync(target);
    if (s.isDirectory())
      throw new WriteError(t(lang, "cli.write-failed", { file: path, reason: t(lang, "cli.write-is-directory") }));
    if (s.isFile()) mode = s.mode & 0o7777;
  } catch (error) {
    if (error instanceof WriteError) throw error;
  }
  const temp = join(dirname(target), `.${basename(target).slice(0, 100)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(temp, data, { flag: "wx", mode: 0o666 });
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw new WriteError(t(lang, "cli.write-failed", { file: path, reason: reasonOf(error, lang) }));
  }
}

function reasonOf(error: unknown, lang: Lang): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return t(lang, "cli.write-no-directory");
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return t(lang, "cli.write-denied");
  if (code === "EISDIR") return t(lang, "cli.write-is-directory");
  if (code === "ENOSPC") return t(lang, "cli.write-no-space");
  return oneLine(String(code ?? (error as Error).message));
}

/**
 * A command's one output: to `output` when given (atomically; a failure is said on standard error
 * and gives false), else to standard output.
 */
export function writeOutput(
  output: string | undefined,
  text: string,
  io: { cwd: string; stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown } },
  lang: Lang,
): boolean {
  if (!output) {
    io.stdout.write(text);
    return true;
  }
  try {
    writeFileAtomic(output, text, lang, io.cwd);
    return true;
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    io.stderr.write(`bunri: ${oneLine(error.message)}\n`);
    return false;
  }
}
