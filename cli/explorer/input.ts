/**
 * Keys, shared by the views' input hooks. Each view has a pure key map (a press and its state to an
 * action of its own reducer or a navigation) and an input hook built on `useViewInput`, which
 * listens only while its screen is shown (Ink's `useInput` with `isActive`).
 *
 * Keys typed fast or pasted reach Ink as one chunk; they are taken one by one, each seeing the state
 * the previous one left. When a key leaves the screen, the rest of the chunk waits in `PendingKeys`
 * and the next screen's hook takes it when it becomes active.
 */
import { useInput } from "ink";
import { createContext, useContext, useEffect, useRef } from "react";
import { type CursorAction, cursorKey } from "./cursor.js";
import { globalNav, isBackKey, leaves, type NavAction, type NavState } from "./nav.js";

/** The parts of Ink's `Key` that the explorer reads. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  tab?: boolean;
}

export interface Press {
  input: string;
  key: KeyInfo;
}

/** What a view's key map makes of a press: an action of its own, a navigation, or nothing. */
export type Handled<A> = { view: A } | { nav: NavAction } | undefined;

/** One press per character of a plain chunk (not while a text field takes it whole). */
export function splitPresses(input: string, key: KeyInfo, typing: boolean): Press[] {
  const chars = [...input];
  if (chars.length < 2 || key.ctrl || key.meta || typing) return [{ input, key }];
  return chars.map((c) => (c === "\r" ? { input: "", key: { ...key, return: true } } : { input: c, key }));
}

/** Printable text of a key press (control characters never reach the state). */
export function printable(input: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return input.replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}

/** The keys of a screen that is only looked through (zones, a page): move, go back, or the shared keys. */
export function browseKeys({ input, key }: Press): Handled<CursorAction> {
  const move = cursorKey(input, key);
  if (move) return { view: move };
  if (isBackKey(key)) return { nav: { type: "back" } };
  return globalNav(input, key);
}

/** Keys left over from a chunk when a key in it changed the screen. */
export const PendingKeys = createContext<{ current: Press[] }>({ current: [] });

export interface ViewInput<S, A> {
  active: boolean;
  state: S;
  reducer: (s: S, a: A) => S;
  dispatch: (a: A) => void;
  nav: NavState;
  navigate: (a: NavAction) => void;
  /** the view's key map */
  keys: (p: Press, s: S, nav: NavState) => Handled<A>;
  /** is a text field of the view taking the keys? */
  typing?: (s: S) => boolean;
}

/** The input hook every view's own hook is made of. */
export function useViewInput<S, A>(v: ViewInput<S, A>): void {
  const pending = useContext(PendingKeys);
  const latest = useRef(v);
  latest.current = v;

  const run = (presses: Press[]) => {
    const { state, reducer, dispatch, nav, navigate, keys } = latest.current;
    let current = state;
    for (let i = 0; i < presses.length; i++) {
      const handled = keys(presses[i] as Press, current, nav);
      if (!handled) continue;
      if ("view" in handled) {
        current = reducer(current, handled.view);
        dispatch(handled.view);
        continue;
      }
      navigate(handled.nav);
      if (leaves(nav, handled.nav)) {
        pending.current.push(...presses.slice(i + 1));
        return;
      }
    }
  };

  useInput(
    (input, key) => {
      const { typing, state } = latest.current;
      run(splitPresses(input, key, typing?.(state) ?? false));
    },
    { isActive: v.active },
  );

  useEffect(() => {
    if (!v.active || pending.current.length === 0) return;
    run(pending.current.splice(0));
  });
}
