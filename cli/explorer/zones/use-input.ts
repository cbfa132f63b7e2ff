/** Keys of the zones view, and its input hook. */
import { cursorKey } from "../cursor.js";
import { type Handled, type Press, useViewInput, type ViewInput } from "../input.js";
import { COMMON_HINTS, globalKey } from "../nav.js";
import { type ZonesAction, type ZonesState, zonesReducer } from "./state.js";

export function zonesKeys({ input, key }: Press): Handled<ZonesAction> {
  const move = cursorKey(input, key);
  if (move) return { view: move };
  if (key.escape || key.backspace || key.delete || key.leftArrow) return { nav: { type: "back" } };
  const global = globalKey(input, key, false);
  return global ? { nav: global } : undefined;
}

export const ZONES_HINTS: ReadonlyArray<[string, string]> = [
  ["↑↓/jk", "tui.key.move"],
  ["r", "tui.key.reach"],
  ["Esc", "tui.key.back"],
  ...COMMON_HINTS,
];

export function useZonesInput(v: Omit<ViewInput<ZonesState, ZonesAction>, "keys" | "reducer" | "typing">): void {
  useViewInput({ ...v, keys: zonesKeys, reducer: zonesReducer });
}
