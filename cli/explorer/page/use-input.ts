/** Keys of a scrolling page (a finding, the help), and its input hook. */
import { browseKeys, useViewInput, type ViewInput } from "../input.js";
import { COMMON_HINTS } from "../nav.js";
import { type PageAction, type PageState, pageReducer } from "./state.js";

/** Nothing to pick here: move, go back, or the shared keys. */
export const pageKeys = browseKeys;

export const PAGE_HINTS: ReadonlyArray<[string, string]> = [
  ["↑↓/jk", "tui.key.scroll"],
  ["Esc", "tui.key.back"],
  ...COMMON_HINTS,
];

export function usePageInput(v: Omit<ViewInput<PageState, PageAction>, "keys" | "reducer" | "typing">): void {
  useViewInput({ ...v, keys: pageKeys, reducer: pageReducer });
}
