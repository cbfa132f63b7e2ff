/** Keys of the findings list, and its input hook. */
import { cursorKey } from "../cursor.js";
import { type Handled, type Press, printable, useViewInput, type ViewInput } from "../input.js";
import { COMMON_HINTS, globalNav, isBackKey, type NavState } from "../nav.js";
import { type ListAction, type ListState, listReducer, selectedFinding } from "./state.js";

export function listKeys({ input, key }: Press, s: ListState, nav: NavState): Handled<ListAction> {
  if (s.editing) {
    if (key.ctrl && input === "c") return { nav: { type: "quit" } };
    if (key.return) return { view: { type: "filter-done" } };
    if (key.escape) return { view: { type: "filter-cancel" } };
    if (key.backspace || key.delete) return { view: { type: "filter-delete" } };
    const move = cursorKey(input, key, true);
    if (move) return { view: move };
    if (key.ctrl || key.meta || key.tab) return undefined;
    const text = printable(input);
    return text === "" ? undefined : { view: { type: "filter-input", text } };
  }
  const move = cursorKey(input, key);
  if (move) return { view: move };
  if (key.return || key.rightArrow) return selectedFinding(s) ? { nav: { type: "go", screen: "finding" } } : undefined;
  if (isBackKey(key)) {
    // Esc goes back (to the file list); on the top screen it clears a filter and never quits
    if (nav.back.length > 0) return { nav: { type: "back" } };
    return s.filter !== "" || s.severity !== undefined ? { view: { type: "clear" } } : undefined;
  }
  if (input === "/") return { view: { type: "filter-start" } };
  if (/^[1-5]$/.test(input)) return { view: { type: "severity", level: Number(input) } };
  return globalNav(input, key);
}

export function listHints(s: ListState, nav: NavState): Array<[string, string]> {
  if (s.editing)
    return [
      ["Enter", "tui.key.done"],
      ["Esc", "tui.key.cancel"],
    ];
  return [
    ["↑↓/jk", "tui.key.move"],
    ["Enter", "tui.key.open"],
    ["/", "tui.key.filter"],
    ["1-5", "tui.key.severity"],
    ["z", "tui.key.zones"],
    ["r", "tui.key.reach"],
    ...(nav.files > 1 ? ([["f", "tui.key.files"]] as Array<[string, string]>) : []),
    ...COMMON_HINTS,
  ];
}

export function useListInput(v: Omit<ViewInput<ListState, ListAction>, "keys" | "reducer" | "typing">): void {
  useViewInput({ ...v, keys: listKeys, reducer: listReducer, typing: (s) => s.editing });
}
