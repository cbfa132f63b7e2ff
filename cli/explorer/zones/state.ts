/** The zones view: a cursor over the open file's zones. Pure. */
import { type CursorAction, type CursorState, cursorAt, cursorReducer, keepInView } from "../cursor.js";

export type ZonesState = CursorState;

export type ZonesAction =
  | CursorAction
  /** another file (`reset`) or the same one re-checked (`reload`, the cursor stays where it can) */
  | { type: "reset"; count: number }
  | { type: "reload"; count: number };

export function initialZones(count: number, viewport: number): ZonesState {
  return cursorAt(count, viewport);
}

export function zonesReducer(s: ZonesState, a: ZonesAction): ZonesState {
  if (a.type === "reset") return initialZones(a.count, s.viewport);
  if (a.type === "reload") return keepInView({ ...s, count: a.count }, 0);
  return cursorReducer(s, a);
}
