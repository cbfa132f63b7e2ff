/**
 * Navigation between the explorer's screens: which screen is shown, where Esc goes back to, which
 * file is open, and the keys every screen shares (`z`, `r`, `f`, `?`, `q`, Ctrl+C). Pure.
 */
export type ScreenName = "files" | "list" | "finding" | "zones" | "reach" | "help";

export interface NavState {
  screen: ScreenName;
  /** where Esc goes back to, the latest last */
  back: ScreenName[];
  /** the open file */
  file: number;
  /** how many files were given */
  files: number;
  quit: boolean;
}

export type NavAction =
  | { type: "go"; screen: Exclude<ScreenName, "files"> }
  | { type: "files" }
  | { type: "open-file"; index: number }
  | { type: "back" }
  | { type: "reload"; file: number; files: number }
  | { type: "quit" };

export function initialNav(files: number): NavState {
  return { screen: files > 1 ? "files" : "list", back: [], file: 0, files, quit: false };
}

export function navReducer(s: NavState, a: NavAction): NavState {
  switch (a.type) {
    case "go":
      return s.screen === a.screen ? s : { ...s, screen: a.screen, back: [...s.back, s.screen] };
    case "files":
      return s.files < 2 ? s : { ...s, screen: "files", back: [] };
    case "open-file":
      return { ...s, screen: "list", back: [...s.back, s.screen], file: a.index };
    case "back": {
      const previous = s.back[s.back.length - 1];
      return previous === undefined ? s : { ...s, screen: previous, back: s.back.slice(0, -1) };
    }
    case "reload":
      return { ...s, file: a.file, files: a.files };
    case "quit":
      return { ...s, quit: true };
  }
}

/** Does the action take the user off `s.screen` (or out)? Keys typed after it belong to the next screen. */
export function leaves(s: NavState, a: NavAction): boolean {
  const next = navReducer(s, a);
  return next.quit || next.screen !== s.screen;
}

/** The keys of every screen; `typing` screens give the printable ones to their text field. */
function globalKey(input: string, key: { ctrl?: boolean; escape?: boolean }, typing: boolean): NavAction | undefined {
  if (key.ctrl && input === "c") return { type: "quit" };
  if (typing || key.ctrl) return undefined;
  switch (input) {
    case "z":
      return { type: "go", screen: "zones" };
    case "r":
      return { type: "go", screen: "reach" };
    case "f":
      return { type: "files" };
    case "?":
      return { type: "go", screen: "help" };
    case "q":
      return { type: "quit" };
    default:
      return undefined;
  }
}

/** Esc, Backspace, Delete or ←: one screen back (or one step back within a screen). */
export function isBackKey(key: { escape?: boolean; backspace?: boolean; delete?: boolean; leftArrow?: boolean }): boolean {
  return Boolean(key.escape || key.backspace || key.delete || key.leftArrow);
}

/** A screen's fallback when no key of its own matched: the keys of every screen, as a navigation. */
export function globalNav(input: string, key: { ctrl?: boolean }): { nav: NavAction } | undefined {
  const nav = globalKey(input, key, false);
  return nav ? { nav } : undefined;
}

/** Key hints shared by every screen, after the screen's own. */
export const COMMON_HINTS: ReadonlyArray<[string, string]> = [
  ["?", "tui.key.help"],
  ["q", "tui.key.quit"],
];
