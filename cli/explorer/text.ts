/**
 * Terminal text for the explorer: widths in columns (full-width characters take two), wrapping
 * that breaks Latin text at spaces and Japanese anywhere, truncation with an ellipsis, and the
 * page model (styled lines) that the scrolling views slice.
 */
import stringWidth from "string-width";
import { oneLine } from "../../src/report/sanitize.js";

export interface Line {
  text: string;
  color?: "red" | "yellow" | "cyan" | "green" | "gray" | "magenta" | "blue";
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export function width(text: string): number {
  return stringWidth(text);
}

/** Cuts a line to `max` columns, with `…` when cut. */
export function truncate(text: string, max: number): string {
  // a line is one line: breaks and tabs from the input fold to a space, controls go
  const clean = oneLine(text);
  if (max <= 0) return "";
  if (stringWidth(clean) <= max) return clean;
  let out = "";
  let w = 0;
  for (const ch of clean) {
    const cw = stringWidth(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

/** Pads a string with spaces to `cols` columns. */
export function padEnd(text: string, cols: number): string {
  return text + " ".repeat(Math.max(0, cols - stringWidth(text)));
}

/** Wraps one paragraph to `max` columns, continuing lines with `indent`. */
export function wrap(text: string, max: number, indent = ""): string[] {
  const clean = oneLine(text.replace(/\s*\n\s*/g, " "));
  const limit = Math.max(8, max);
  const lead = /^\s*/.exec(clean)?.[0] ?? "";
  const lines: string[] = [];
  let line = lead;
  let lineWidth = stringWidth(lead);
  // at the start of a continuation line, spaces are dropped
  let fresh = false;
  const push = () => {
    lines.push(line.trimEnd());
    line = indent;
    lineWidth = stringWidth(indent);
    fresh = true;
  };
  // tokens: a run of Latin letters/digits/punctuation without spaces stays whole; every wide character is its own token
  const tokens = clean.slice(lead.length).match(/[\u0021-\u007e\u00a1-\u024f]+|\s+|./gsu) ?? [];
  for (const token of tokens) {
    const tw = stringWidth(token);
    if (/^\s+$/.test(token)) {
      // spaces inside a line are kept as they are (columns line up); at a break they go
      if (!fresh) {
        const n = Math.min(token.length, limit - lineWidth);
        line += " ".repeat(Math.max(0, n));
        lineWidth += Math.max(0, n);
      }
      continue;
    }
    if (lineWidth + tw > limit && !fresh) push();
    if (tw > limit - lineWidth) {
      // a token longer than the line: cut it by characters
      for (const ch of token) {
        const cw = stringWidth(ch);
        if (lineWidth + cw > limit) push();
        line += ch;
        lineWidth += cw;
        fresh = false;
      }
      continue;
    }
    line += token;
    lineWidth += tw;
    fresh = false;
  }
  if (line.trim() !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Wrapped paragraph as styled lines. */
export function paragraph(text: string, max: number, style: Omit<Line, "text"> = {}, indent = ""): Line[] {
  return wrap(indent + text, max, indent).map((l) => ({ ...style, text: l }));
}
