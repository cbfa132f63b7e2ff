/** Keys of the file picker, and its input hook. */
import { cursorKey } from "../cursor.js";
import { type Handled, type Press, useViewInput, type ViewInput } from "../input.js";
import { COMMON_HINTS, globalNav } from "../nav.js";
import { type FilesAction, type FilesState, filesReducer } from "./state.js";

export function filesKeys({ input, key }: Press, s: FilesState): Handled<FilesAction> {
  const move = cursorKey(input, key);
  if (move) return { view: move };
  if (key.return || key.rightArrow) return s.count > 0 ? { nav: { type: "open-file", index: s.cursor } } : undefined;
  return globalNav(input, key);
}

export const FILES_HINTS: ReadonlyArray<[string, string]> = [["↑↓", "tui.key.move"], ["Enter", "tui.key.open"], ...COMMON_HINTS];

export function useFilesInput(v: Omit<ViewInput<FilesState, FilesAction>, "keys" | "reducer" | "typing">): void {
  useViewInput({ ...v, keys: filesKeys, reducer: filesReducer });
}
