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
import { globalNav, isBackKey, leaves, type NavAction, type NavState, navReducer } from "./nav.js";

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

/**
 * One press per character of a plain chunk; while a text field takes the keys, runs of text stay
 * whole (a paste is one edit), but each Backspace (DEL or BS) and Enter in the chunk is a press of
 * its own, so that several Backspaces typed fast all delete.
 */
export function splitPresses(input: string, key: KeyInfo, typing: boolean): Press[] {
  const chars = [...input];
  if (chars.length < 2 || key.ctrl || key.meta) return [{ input, key }];
  const special = (c: string): Press | undefined =>
    c === "\r"
      ? { input: "", key: { ...key, return: true } }
      : c === "\u007f" || c === "\b"
        ? { input: "", key: { ...key, backspace: true } }
        : undefined;
  if (!typing) return chars.map((c) => special(c) ?? { input: c, key });
  const out: Press[] = [];
  let text = "";
  for (const c of chars) {
    const press = special(c);
    if (!press) {
      text += c;
      continue;
    }
    if (text !== "") out.push({ input: text, key });
    text = "";
    out.push(press);
  }
  if (text !== "") out.push({ input: text, key });
  return out;
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

/**
 * Keys left over from a chunk when a key in it changed the screen; and whether the screen is
 * changing: until the next screen is drawn, keys that arrive (typed fast, in a later chunk) wait
 * here too, so that they never reach the screen being left.
 */
export const PendingKeys = createContext<{
  current: Press[];
  /** the screen being opened, until it is drawn */
  switching?: string;
  /** the input hook of the screen shown */
  owner?: object;
}>({ current: [] });

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
        pending.switching = navReducer(nav, handled.nav).screen;
        pending.current.push(...presses.slice(i + 1));
        return;
      }
    }
  };

  // this hook's identity: the screen shown owns the keys; a screen just left may still be
  // listening for a moment (its listener goes after the next screen is drawn) and must not take them
  const self = useRef({});
  useInput(
    (input, key) => {
      const { typing, state } = latest.current;
      const presses = splitPresses(input, key, typing?.(state) ?? false);
      // the screen is changing: the keys wait for the next one
      if (pending.switching !== undefined) {
        pending.current.push(...presses);
        return;
      }
      if (pending.owner !== undefined && pending.owner !== self.current) return;
      run(presses);
    },
    { isActive: v.active },
  );

  // drawn (the screen this hook belongs to is the one shown): it owns the keys, and takes what waited
  useEffect(() => {
    // (the effects of a screen being left may run late, after a key that leaves it: not its turn)
    if (!v.active || (pending.switching !== undefined && v.nav.screen !== pending.switching)) return;
    pending.owner = self.current;
    if (pending.switching === undefined) {
      if (pending.current.length > 0) run(pending.current.splice(0));
      return;
    }
    // after the effects of the whole screen (a page learns its length in its parent's effect)
    const me = self.current;
    setTimeout(() => {
      if (pending.owner !== me) return;
      delete pending.switching;
      if (pending.current.length > 0) run(pending.current.splice(0));
    }, 0);
  });
}
