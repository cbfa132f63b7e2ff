/**
 * Keys to actions, as a pure function of Ink's key event and the state (a text field takes the
 * printable keys). The hook `useExplorerInput` in App.tsx feeds it.
 */
import { type Action, type ExplorerState, isTyping } from "./state.js";

/** The parts of Ink's `Key` that the explorer reads. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
}

/** Printable text of a key press (control characters never reach the state). */
function printable(input: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return input.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}

export function keyToAction(input: string, key: KeyInfo, state: ExplorerState): Action | undefined {
  if (key.ctrl && input === "c") return { type: "quit" };
  if (key.upArrow) return { type: "move", delta: -1 };
  if (key.downArrow) return { type: "move", delta: 1 };
  if (key.pageUp) return { type: "page", delta: -1 };
  if (key.pageDown) return { type: "page", delta: 1 };
  if (key.home) return { type: "home" };
  if (key.end) return { type: "end" };
  if (key.escape) return { type: "back" };
  if (key.return) {
    if (state.screen === "list" && state.list.editing) return { type: "filter-done" };
    return { type: "open" };
  }
  if (isTyping(state)) {
    if (key.backspace || key.delete) return { type: "filter-delete" };
    if (key.ctrl || key.meta || key.tab) return undefined;
    const text = printable(input);
    return text === "" ? undefined : { type: "filter-input", text };
  }
  if (key.backspace || key.delete || key.leftArrow) return { type: "back" };
  if (key.rightArrow) return { type: "open" };
  switch (input) {
    case "j":
      return { type: "move", delta: 1 };
    case "k":
      return { type: "move", delta: -1 };
    case "g":
      return { type: "home" };
    case "G":
      return { type: "end" };
    case " ":
      return { type: "page", delta: 1 };
    case "/":
      return state.screen === "list" ? { type: "filter-start" } : undefined;
    case "1":
    case "2":
    case "3":
    case "4":
    case "5":
      return { type: "severity", level: Number(input) };
    case "z":
      return { type: "show", screen: "zones" };
    case "r":
      return { type: "show", screen: "reach" };
    case "f":
      return { type: "show", screen: "files" };
    case "?":
      return { type: "show", screen: "help" };
    case "q":
      return { type: "quit" };
    default:
      return undefined;
  }
}

/** The key hints of a screen, as (key, label id) pairs, for the footer. */
export function keyHints(state: ExplorerState): Array<[string, string]> {
  if (state.screen === "list" && state.list.editing)
    return [
      ["Enter", "tui.key.done"],
      ["Esc", "tui.key.cancel"],
    ];
  const common: Array<[string, string]> = [
    ["?", "tui.key.help"],
    ["q", "tui.key.quit"],
  ];
  const files: Array<[string, string]> = state.files.length > 1 ? [["f", "tui.key.files"]] : [];
  switch (state.screen) {
    case "files":
      return [["↑↓", "tui.key.move"], ["Enter", "tui.key.open"], ...common];
    case "list":
      return [
        ["↑↓/jk", "tui.key.move"],
        ["Enter", "tui.key.open"],
        ["/", "tui.key.filter"],
        ["1-5", "tui.key.severity"],
        ["z", "tui.key.zones"],
        ["r", "tui.key.reach"],
        ...files,
        ...common,
      ];
    case "finding":
    case "help":
      return [["↑↓/jk", "tui.key.scroll"], ["Esc", "tui.key.back"], ...common];
    case "zones":
      return [["↑↓/jk", "tui.key.move"], ["r", "tui.key.reach"], ["Esc", "tui.key.back"], ...common];
    case "reach":
      return state.reach.stage === "result"
        ? [
            ["Esc", "tui.key.back"],
            ["q", "tui.key.quit"],
          ]
        : [
            ["↑↓", "tui.key.move"],
            ["abc", "tui.key.type"],
            ["Enter", "tui.key.pick"],
            ["Esc", "tui.key.back"],
          ];
  }
}
