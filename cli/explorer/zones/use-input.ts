/** Keys of the zones view, and its input hook. */
import { browseKeys, useViewInput, type ViewInput } from "../input.js";
import { COMMON_HINTS } from "../nav.js";
import { type ZonesAction, type ZonesState, zonesReducer } from "./state.js";

/** Nothing to pick here: move, go back, or the shared keys. */
export const zonesKeys = browseKeys;

export const ZONES_HINTS: ReadonlyArray<[string, string]> = [
  ["↑↓/jk", "tui.key.move"],
  ["r", "tui.key.reach"],
  ["Esc", "tui.key.back"],
  ...COMMON_HINTS,
];

export function useZonesInput(v: Omit<ViewInput<ZonesState, ZonesAction>, "keys" | "reducer" | "typing">): void {
  useViewInput({ ...v, keys: zonesKeys, reducer: zonesReducer });
}
