/** A scrolling page (a finding, the help, a reach answer): the first line shown. Pure. */
import { type CursorAction, clamp } from "../cursor.js";

export interface PageState {
  top: number;
  /** the last useful `top`: the page's length less the rows it has */
  max: number;
  viewport: number;
}

export type PageAction = CursorAction | { type: "bounds"; max: number } | { type: "reset" };

export function initialPage(viewport: number): PageState {
  return { top: 0, max: 0, viewport: Math.max(1, viewport) };
}

export function pageReducer(s: PageState, a: PageAction): PageState {
  const to = (top: number) => {
    const next = clamp(top, 0, s.max);
    return next === s.top ? s : { ...s, top: next };
  };
  switch (a.type) {
    case "move":
      return to(s.top + a.delta);
    case "page":
      return to(s.top + a.delta * Math.max(1, s.viewport - 1));
    case "home":
      return to(0);
    case "end":
      return to(s.max);
    case "viewport":
      return { ...s, viewport: Math.max(1, a.lines) };
    case "bounds": {
      const max = Math.max(0, a.max);
      return max === s.max && s.top <= max ? s : { ...s, max, top: Math.min(s.top, max) };
    }
    case "reset":
      return s.top === 0 ? s : { ...s, top: 0 };
  }
}
