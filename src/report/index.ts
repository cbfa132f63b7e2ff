/**
 * The reporters, registered by name and loaded only when asked for: each is a pure function from
 * the check result to text.
 */
import type { Reporter } from "./types.js";

const LOADERS: Record<string, () => Promise<Reporter>> = {
  text: async () => (await import("./text.js")).reportText,
  json: async () => (await import("./json.js")).reportJson,
  sarif: async () => (await import("./sarif.js")).reportSarif,
  junit: async () => (await import("./junit.js")).reportJunit,
  markdown: async () => (await import("./markdown.js")).reportMarkdown,
  csv: async () => (await import("./csv.js")).reportCsv,
  html: async () => (await import("./html.js")).reportHtml,
  github: async () => (await import("./github.js")).reportGithub,
};

export const REPORT_FORMATS: string[] = Object.keys(LOADERS);

export async function loadReporter(name: string): Promise<Reporter> {
  const loader = Object.hasOwn(LOADERS, name) ? LOADERS[name] : undefined;
  if (!loader) throw new Error(`unknown report format ${name}`);
  return loader();
}
