/** Keys of the reach query, and its input hook: while picking, printable keys narrow the list. */
import { cursorKey } from "../cursor.js";
import { type Handled, type Press, printable, useViewInput, type ViewInput } from "../input.js";
import { globalNav, isBackKey } from "../nav.js";
import { type ReachAction, type ReachState, reachReducer } from "./state.js";

const picking = (s: ReachState) => s.stage !== "result";

export function reachKeys({ input, key }: Press, s: ReachState): Handled<ReachAction> {
  if (picking(s) && s.editing) {
    // typing to narrow the list: letters are text (j and k too); Enter keeps it, Esc gives the old one back
    if (key.ctrl && input === "c") return { nav: { type: "quit" } };
    if (key.escape) return { view: { type: "edit-cancel" } };
    if (key.return) return { view: { type: "edit-done" } };
    if (key.backspace || key.delete) return { view: { type: "delete" } };
    const move = cursorKey(input, key, true);
    if (move) return { view: move };
    if (key.ctrl || key.meta || key.tab) return undefined;
    const text = printable(input);
    return text === "" ? undefined : { view: { type: "input", text } };
  }
  if (key.escape) return s.stage === "source" ? { nav: { type: "back" } } : { view: { type: "back" } };
  if (picking(s)) {
    const move = cursorKey(input, key);
    if (move) return { view: move };
    if (key.return) return { view: { type: "pick" } };
    if (input === "/") return { view: { type: "edit" } };
    if (isBackKey(key)) return s.stage === "source" ? { nav: { type: "back" } } : { view: { type: "back" } };
    return globalNav(input, key);
  }
  if (isBackKey(key)) return { view: { type: "back" } };
  return globalNav(input, key);
}

export function reachHints(s: ReachState): Array<[string, string]> {
  if (picking(s) && s.editing)
    return [
      ["Enter", "tui.key.done"],
      ["Esc", "tui.key.cancel"],
    ];
  return picking(s)
    ? [
        ["↑↓/jk", "tui.key.move"],
        ["/", "tui.key.filter"],
        ["Enter", "tui.key.pick"],
        ["Esc", "tui.key.back"],
        ["q", "tui.key.quit"],
      ]
    : [
        ["Esc", "tui.key.back"],
        ["q", "tui.key.quit"],
      ];
}

export function useReachInput(v: Omit<ViewInput<ReachState, ReachAction>, "keys" | "reducer" | "typing">): void {
  useViewInput({ ...v, keys: reachKeys, reducer: reachReducer, typing: (s) => picking(s) && s.editing });
}
