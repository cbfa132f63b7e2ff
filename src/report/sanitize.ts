/**
 * Untrusted text for the terminal: C0 controls (but newline and tab), DEL, C1 controls, ANSI
 * escape sequences and bidirectional overrides are removed, so a title in a pull request cannot
 * move the cursor, recolour the screen or reorder what the reader sees.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the point
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** What ends a line or moves to a tab stop on a terminal or in an editor: CR, LF, VT, FF, tab, NEL, U+2028, U+2029. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the point
const BREAKS = /[\t\n\u000b\u000c\r\u0085\u2028\u2029]+/g;

export function stripControls(s: string): string {
  return s.replace(ESCAPES, "").replace(CONTROLS, "");
}

/**
 * Untrusted text that must stay on one terminal line (a title, a message, an id): each run of line
 * breaks and tabs becomes one space, then the controls are removed as `stripControls` does, so the
 * text cannot forge a line of the report either.
 */
export function oneLine(s: string): string {
  return stripControls(s.replace(BREAKS, " "));
}

/**
 * JSON for a file or a terminal: `JSON.stringify`, with DEL, the C1 controls, the line and
 * paragraph separators and the bidirectional controls written as `\uXXXX` escapes (they occur in
 * strings only; the value is the same), so that a JSON report shown raw cannot drive a terminal.
 */
export function jsonText(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`,
  );
}
