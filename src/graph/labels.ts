/**
 * The words of a diagram, in the reader's language: a zone's title and kind, a node's title and
 * id, the data a node holds. Text from the input is returned raw (controls removed); each renderer
 * escapes it for its own syntax.
 */
import stringWidth from "string-width";
import { hasMessage, t } from "../i18n/index.js";
import type { Lang } from "../model/types.js";
import { cleanText } from "../report/common.js";
import type { GraphDatum, GraphNode, GraphZone } from "./model.js";

/** Text from the input on one line: controls removed, lone surrogates replaced, runs of white space (newlines too) made one space. */
export function oneLine(s: string): string {
  return cleanText(s).replace(/\s+/g, " ").trim();
}

export function zoneKindName(kind: string, lang: Lang): string {
  const id = `graph.zone-kind.${kind}`;
  return hasMessage(id) ? t(lang, id) : kind;
}

export function datumName(d: GraphDatum, lang: Lang): string {
  const id = `graph.classification.${d.classification}`;
  const classification = hasMessage(id) ? t(lang, id) : d.classification;
  return oneLine(t(lang, "graph.datum", { title: d.title ?? d.id, classification }));
}

/** A zone: its title (else its id), then its id and kind. */
export function zoneLines(z: GraphZone, lang: Lang): { head: string; sub: string } {
  const kind = zoneKindName(z.kind, lang);
  return z.title ? { head: oneLine(z.title), sub: `${oneLine(z.id)} · ${kind}` } : { head: oneLine(z.id), sub: kind };
}

/** A node: its title (else its id), then its id when it has a title. */
export function nodeLines(n: GraphNode): { head: string; sub?: string } {
  return n.title && n.title !== n.id ? { head: oneLine(n.title), sub: oneLine(n.id) } : { head: oneLine(n.id) };
}

/** The data a node holds, at most `max` of them, then how many more. */
export function dataLines(n: GraphNode, lang: Lang, max = 2): string[] {
  const out = n.holds.slice(0, max).map((d) => `◆ ${datumName(d, lang)}`);
  if (n.holds.length > max) out.push(t(lang, "graph.more-data", { n: n.holds.length - max }));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Wrapping for the SVG, which has no line breaking of its own.

/** Characters a line should not start with (Japanese kinsoku, closing brackets, punctuation). */
const NO_START = /^[、。，．,.)）」』】〕〉》・ー～!！?？:：;；]/u;
/**
 * Runs that stay together: Latin words and numbers (with their inner punctuation), katakana words;
 * everything else (kanji, kana) may break between any two characters, as Japanese text does.
 */
const UNITS = /[A-Za-z0-9][A-Za-z0-9._#/+-]*|[\p{Script=Katakana}ー]+|\s+|./gsu;
/** Characters a line should not end with: opening brackets stay with what follows. */
const NO_END = /^[(（「『【〔〈《[]$/u;

/** Splits `text` into lines of at most `max` terminal columns (full-width characters count two), at most `maxLines` of them. */
export function wrap(text: string, max: number, maxLines = 3): string[] {
  const s = oneLine(text);
  if (stringWidth(s) <= max) return [s];
  const units: string[] = [];
  let open = "";
  for (const m of s.matchAll(UNITS)) {
    const u = open + m[0];
    open = "";
    if (NO_END.test(u)) open = u;
    else if (stringWidth(u) <= max) units.push(u);
    else for (const c of u) units.push(c);
  }
  if (open) units.push(open);
  const lines: string[] = [];
  let line = "";
  for (const u of units) {
    if (line === "" && u === " ") continue;
    if (stringWidth(line + u) > max && line !== "" && !NO_START.test(u)) {
      lines.push(line.trimEnd());
      line = u === " " ? "" : u;
    } else line += u;
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] as string;
  while (last.length > 0 && stringWidth(`${last}…`) > max) last = [...last].slice(0, -1).join("");
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

export function columns(s: string): number {
  return stringWidth(s);
}
