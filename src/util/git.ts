/**
 * Reading from git without letting a revision become an option: a revision is first resolved to a
 * commit (`rev-parse --verify --end-of-options REV^{commit}`), and only the commit's hexadecimal
 * name is used after that; a file is read as a blob (`cat-file blob`, no text conversion), at most
 * `maxBytes` of it.
 */
import { createRequire } from "node:module";

function git(args: string[], cwd: string, maxBuffer: number): Buffer {
  // node:child_process is loaded when git is first run (--base, diff at a revision), not by every check
  const { execFileSync } = createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process");
  return execFileSync("git", args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer,
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0" },
  });
}

/** The commit a revision names, as 40 (or 64) hexadecimal digits; undefined when it names none. */
export function verifyCommit(rev: string, cwd: string): string | undefined {
  try {
    const out = git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], cwd, 1024)
      .toString("utf8")
      .trim();
    return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** A file's bytes at a commit (the path relative to cwd when it starts with `./`, else to the repository's root). */
export function blobAt(
  commit: string,
  path: string,
  cwd: string,
  maxBytes: number,
): { bytes: Buffer; tooLarge?: undefined } | { bytes?: undefined; tooLarge: boolean } {
  if (!/^[0-9a-f]+$/.test(commit)) return { tooLarge: false };
  try {
    return { bytes: git(["cat-file", "blob", `${commit}:${path}`], cwd, maxBytes + 1) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { tooLarge: code === "ENOBUFS" };
  }
}
