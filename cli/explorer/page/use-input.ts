/** Keys of a scrolling page (a finding, the help), and its input hook. */
import { cursorKey } from "../cursor.js";
import { type Handled, type Press, useViewInput, type ViewInput } from "../input.js";
import { COMMON_HINTS, globalKey } from "../nav.js";
import { type PageAction, type PageState, pageReducer } from "./state.js";

export function pageKeys({ input, key }: Press): Handled<PageAction> {
  const move = cursorKey(input, key);
  if (move) return { view: move };
  if (key.escape || key.backspace || key.delete || key.leftArrow) return { nav: { type: "back" } };
  const global = globalKey(input, key, false);
  return global ? { nav: global } : undefined;
}

export const PAGE_HINTS: ReadonlyArray<[string, string]> = [
  ["↑↓/jk", "tui.key.scroll"],
  ["Esc", "tui.key.back"],
  ...COMMON_HINTS,
];

export function usePageInput(v: Omit<ViewInput<PageState, PageAction>, "keys" | "reducer" | "typing">): void {
  useViewInput({ ...v, keys: pageKeys, reducer: pageReducer });
}
