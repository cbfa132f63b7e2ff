/**
 * One catalogue for both languages. Code reports by message id with `{placeholders}`; the text
 * lives only in `messages/*.ts`. A missing placeholder is left visible (`{name}`) rather than
 * silently dropped, and a test checks that both languages use the same placeholders.
 */
import type { Lang } from "../model/types.js";
import { CLI_MESSAGES } from "./messages/cli.js";
import { FINDINGS_MESSAGES as FINDING_MESSAGES } from "./messages/findings.js";
import { HELP_MESSAGES } from "./messages/help.js";
import { HTML_MESSAGES } from "./messages/html.js";
import { LOAD_MESSAGES } from "./messages/load.js";
import { REPORT_MESSAGES } from "./messages/report.js";

export type Bilingual = { readonly en: string; readonly ja: string };
export type Catalogue = Readonly<Record<string, Bilingual>>;
export type Params = Readonly<Record<string, string | number | undefined>>;

const CATALOGUE: Catalogue = {
  ...LOAD_MESSAGES,
  ...FINDING_MESSAGES,
  ...CLI_MESSAGES,
  ...HELP_MESSAGES,
  ...REPORT_MESSAGES,
  ...HTML_MESSAGES,
};

export function hasMessage(id: string): boolean {
  return Object.hasOwn(CATALOGUE, id);
}

export function allMessageIds(): string[] {
  return Object.keys(CATALOGUE);
}

export function messageTemplate(id: string, lang: Lang): string {
  const entry = Object.hasOwn(CATALOGUE, id) ? CATALOGUE[id] : undefined;
  if (!entry) throw new Error(`unknown message id ${id}`);
  return entry[lang];
}

export function interpolate(template: string, params: Params): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, key: string) => {
    const v = Object.hasOwn(params, key) ? params[key] : undefined;
    return v === undefined ? whole : String(v);
  });
}

export function t(lang: Lang, id: string, params: Params = {}): string {
  return interpolate(messageTemplate(id, lang), params);
}

/** `--lang`, else LC_ALL / LC_MESSAGES / LANG starting with `ja`, else English. */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return loc.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** A list in the reader's language: `a, b and c` / `a、b、c`. */
export function joinList(lang: Lang, items: readonly string[]): string {
  if (lang === "ja") return items.join("、");
  if (items.length <= 2) return items.join(" and ");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
