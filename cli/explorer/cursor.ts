/**
 * A cursor over a list of `count` rows with a scrolled window of `viewport` rows: the part every
 * list view (files, findings, zones, reach picker) shares. Pure.
 */
export interface CursorState {
  cursor: number;
  /** the first row shown */
  scroll: number;
  count: number;
  viewport: number;
}

export type CursorAction =
  | { type: "move"; delta: number }
  | { type: "page"; delta: number }
  | { type: "home" }
  | { type: "end" }
  | { type: "viewport"; lines: number };

export function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

export function cursorAt(count: number, viewport: number, cursor = 0): CursorState {
  return keepInView({ cursor, scroll: 0, count, viewport: Math.max(1, viewport) }, 0);
}

/** Moves the cursor by `delta` within the rows and keeps it inside the window. */
export function keepInView<S extends CursorState>(s: S, delta: number): S {
  const cursor = s.count === 0 ? 0 : clamp(s.cursor + delta, 0, s.count - 1);
  let top = s.scroll;
  if (cursor < top) top = cursor;
  if (cursor >= top + s.viewport) top = cursor - s.viewport + 1;
  top = clamp(top, 0, Math.max(0, s.count - s.viewport));
  return { ...s, cursor, scroll: top };
}

export function cursorReducer<S extends CursorState>(s: S, a: CursorAction): S {
  switch (a.type) {
    case "move":
      return keepInView(s, a.delta);
    case "page":
      return keepInView(s, a.delta * Math.max(1, s.viewport - 1));
    case "home":
      return keepInView(s, -s.count);
    case "end":
      return keepInView(s, s.count);
    case "viewport":
      return keepInView({ ...s, viewport: Math.max(1, a.lines) }, 0);
  }
}

/** The cursor keys every list view understands (arrows, j/k, g/G, page keys, space). */
export function cursorKey(
  input: string,
  key: { upArrow?: boolean; downArrow?: boolean; pageUp?: boolean; pageDown?: boolean; home?: boolean; end?: boolean },
  typing = false,
): CursorAction | undefined {
  if (key.upArrow) return { type: "move", delta: -1 };
  if (key.downArrow) return { type: "move", delta: 1 };
  if (key.pageUp) return { type: "page", delta: -1 };
  if (key.pageDown) return { type: "page", delta: 1 };
  if (key.home) return { type: "home" };
  if (key.end) return { type: "end" };
  if (typing) return undefined;
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
    default:
      return undefined;
  }
}
