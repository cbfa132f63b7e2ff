/** Keys of the reach query, and its input hook: while picking, printable keys narrow the list. */
import { cursorKey } from "../cursor.js";
import { type Handled, type Press, printable, useViewInput, type ViewInput } from "../input.js";
import { globalNav, isBackKey } from "../nav.js";
import { type ReachAction, type ReachState, reachReducer } from "./state.js";

const picking = (s: ReachState) => s.stage !== "result";

export function reachKeys({ input, key }: Press, s: ReachState): Handled<ReachAction> {
  if (key.escape) return s.stage === "source" ? { nav: { type: "back" } } : { view: { type: "back" } };
  if (picking(s)) {
    if (key.ctrl && input === "c") return { nav: { type: "quit" } };
    const move = cursorKey(input, key, true);
    if (move) return { view: move };
    if (key.return) return { view: { type: "pick" } };
    if (key.backspace || key.delete) return { view: { type: "delete" } };
    if (key.ctrl || key.meta || key.tab) return undefined;
    const text = printable(input);
    return text === "" ? undefined : { view: { type: "input", text } };
  }
  if (isBackKey(key)) return { view: { type: "back" } };
  return globalNav(input, key);
}

export function reachHints(s: ReachState): Array<[string, string]> {
  return picking(s)
    ? [
        ["↑↓", "tui.key.move"],
        ["abc", "tui.key.type"],
        ["Enter", "tui.key.pick"],
        ["Esc", "tui.key.back"],
      ]
    : [
        ["Esc", "tui.key.back"],
        ["q", "tui.key.quit"],
      ];
}

export function useReachInput(v: Omit<ViewInput<ReachState, ReachAction>, "keys" | "reducer" | "typing">): void {
  useViewInput({ ...v, keys: reachKeys, reducer: reachReducer, typing: picking });
}
