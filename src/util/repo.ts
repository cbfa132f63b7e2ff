/**
 * Paths as CI services want them: relative to the root of the git repository that holds the file
 * (GitHub places SARIF alerts and annotations by the path from the repository root, wherever in
 * the checkout bunri was run). Found by looking for `.git` upwards, without running git.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

const roots = new Map<string, string | undefined>();

/** The working tree's root that holds `dir` (`.git` a directory, or a file in a worktree), if any. */
export function repositoryRoot(dir: string): string | undefined {
  if (roots.has(dir)) return roots.get(dir);
  let found: string | undefined;
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, ".git"))) {
      found = d;
      break;
    }
    if (dirname(d) === d) break;
  }
  roots.set(dir, found);
  return found;
}

/**
 * A function from a file as the result names it (relative to `cwd`, or absolute) to its path from
 * the repository root, with forward slashes; a file in no repository keeps its path.
 */
export function rootRelativePaths(cwd: string): (file: string) => string {
  return (file) => {
    if (file === "" || file.startsWith("<")) return file; // `<command line>` and the like
    const abs = resolve(cwd, file);
    const root = repositoryRoot(dirname(abs));
    if (root === undefined) return file;
    const rel = relative(root, abs);
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return file;
    return rel.split(sep).join("/");
  };
}
