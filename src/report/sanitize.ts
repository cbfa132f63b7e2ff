/**
 * Untrusted text for the terminal: C0 controls (but newline and tab), DEL, C1 controls, ANSI
 * escape sequences and bidirectional overrides are removed, so a title in a pull request cannot
 * move the cursor, recolour the screen or reorder what the reader sees.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the point
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: this is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripControls(s: string): string {
  return s.replace(ESCAPES, "").replace(CONTROLS, "");
}
