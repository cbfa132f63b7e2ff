/**
 * The reach query: pick a source, then a target (typing narrows the list), then see the path or
 * what stops it. Pure.
 */
import { type CursorAction, type CursorState, cursorAt, cursorReducer, keepInView } from "../cursor.js";
import type { HostChoice } from "../types.js";

export interface ReachState extends CursorState {
  hosts: HostChoice[];
  stage: "source" | "target" | "result";
  /** the text typed to narrow the hosts */
  query: string;
  /** the filter line is taking the keys (after `/`) */
  editing: boolean;
  /** the text before this edit, given back by Esc */
  previous?: string;
  source?: string;
  target?: string;
}

export type ReachAction =
  | CursorAction
  | { type: "input"; text: string }
  | { type: "delete" }
  /** `/`: type to narrow the list */
  | { type: "edit" }
  /** Enter while typing: keep the text, back to moving */
  | { type: "edit-done" }
  /** Esc while typing: the text as it was */
  | { type: "edit-cancel" }
  /** Enter: take the host under the cursor as the source, then as the target */
  | { type: "pick" }
  /** Esc: one step back (result → target, target → source) */
  | { type: "back" }
  /** a new query (`r`), or another file */
  | { type: "reset"; hosts: HostChoice[] }
  /** the same file re-checked */
  | { type: "reload"; hosts: HostChoice[] };

/** The hosts offered for the text typed so far. */
export function reachChoices(s: Pick<ReachState, "hosts" | "query">): HostChoice[] {
  const needle = s.query.trim().toLowerCase();
  if (needle === "") return s.hosts;
  return s.hosts.filter((h) => h.id.toLowerCase().includes(needle) || h.label.toLowerCase().includes(needle));
}

export function initialReach(hosts: HostChoice[], viewport: number): ReachState {
  return { ...cursorAt(hosts.length, viewport), hosts, stage: "source", query: "", editing: false };
}

function withQuery(s: ReachState, query: string): ReachState {
  return keepInView({ ...s, query, count: reachChoices({ hosts: s.hosts, query }).length, cursor: 0, scroll: 0 }, 0);
}

export function reachReducer(s: ReachState, a: ReachAction): ReachState {
  switch (a.type) {
    case "input":
      return s.stage === "result" || !s.editing ? s : withQuery(s, s.query + a.text);
    case "delete":
      return s.stage === "result" || !s.editing ? s : withQuery(s, [...s.query].slice(0, -1).join(""));
    case "edit":
      return s.stage === "result" ? s : { ...s, editing: true, previous: s.query };
    case "edit-done": {
      const next: ReachState = { ...s, editing: false };
      delete next.previous;
      return next;
    }
    case "edit-cancel": {
      if (!s.editing) return s;
      const next: ReachState = withQuery({ ...s, editing: false }, s.previous ?? "");
      delete next.previous;
      return next;
    }
    case "pick": {
      const choice = reachChoices(s)[s.cursor];
      if (!choice || s.stage === "result") return s;
      if (s.stage === "source") return { ...initialReach(s.hosts, s.viewport), stage: "target", source: choice.id };
      return { ...s, stage: "result", target: choice.id, query: "" };
    }
    case "back":
      if (s.stage === "result") return { ...initialReach(s.hosts, s.viewport), stage: "target", source: s.source as string };
      return initialReach(s.hosts, s.viewport);
    case "reset":
      return initialReach(a.hosts, s.viewport);
    case "reload": {
      const next = { ...s, hosts: a.hosts };
      return keepInView({ ...next, count: reachChoices(next).length }, 0);
    }
    default:
      return s.stage === "result" ? s : cursorReducer(s, a);
  }
}
