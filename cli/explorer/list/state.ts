/**
 * The findings list: a cursor over the findings of the open file, filtered by text (`/`) and by
 * severity (`1`–`5`), grouped by severity. Pure.
 */
import { SEVERITIES, type Severity } from "../../../src/model/types.js";
import type { Finding } from "../../../src/rules/types.js";
import { type CursorAction, type CursorState, cursorAt, cursorReducer, keepInView } from "../cursor.js";

export interface ListState extends CursorState {
  /** every finding of the open file */
  findings: Finding[];
  filter: string;
  /** the filter line is taking the keys */
  editing: boolean;
  /** the filter before this edit, given back by Esc */
  previous?: string;
  severity?: Severity;
}

export type ListAction =
  | CursorAction
  | { type: "filter-start" }
  | { type: "filter-input"; text: string }
  | { type: "filter-delete" }
  | { type: "filter-done" }
  /** Esc while editing: the filter as it was before the edit */
  | { type: "filter-cancel" }
  | { type: "clear" }
  | { type: "severity"; level: number }
  /** another file: a fresh list */
  | { type: "reset"; findings: Finding[] }
  /** the same file re-checked: keep the selected finding (by fingerprint) where it still is */
  | { type: "reload"; findings: Finding[] };

const rank = (s: Severity) => SEVERITIES.indexOf(s);

/** The findings the list shows: filtered, then grouped by severity. */
export function visibleFindings(s: Pick<ListState, "findings" | "filter" | "severity">): Finding[] {
  const needle = s.filter.trim().toLowerCase();
  return s.findings
    .filter((f) => s.severity === undefined || f.severity === s.severity)
    .filter(
      (f) =>
        needle === "" ||
        f.rule.toLowerCase().includes(needle) ||
        f.message.toLowerCase().includes(needle) ||
        f.subjects.some((x) => x.toLowerCase().includes(needle)),
    )
    .sort((a, b) => rank(a.severity) - rank(b.severity));
}

export function selectedFinding(s: ListState): Finding | undefined {
  return visibleFindings(s)[s.cursor];
}

export function initialList(findings: Finding[], viewport: number): ListState {
  return { ...cursorAt(findings.length, viewport), findings, filter: "", editing: false };
}

/** After a change of filter or severity: the cursor back at the top of what is now shown. */
function refiltered(s: ListState): ListState {
  return keepInView({ ...s, count: visibleFindings(s).length, cursor: 0, scroll: 0 }, 0);
}

/** Would a re-check keep the selected finding? (If not, its page closes.) */
export function keepsSelection(s: ListState, findings: Finding[]): boolean {
  const selected = selectedFinding(s)?.fingerprint;
  return selected !== undefined && visibleFindings({ ...s, findings }).some((f) => f.fingerprint === selected);
}

export function listReducer(s: ListState, a: ListAction): ListState {
  switch (a.type) {
    case "filter-start":
      // a new filter each time (`/` again does not append to the old one); Esc gives the old one back
      return refiltered({ ...s, editing: true, previous: s.filter, filter: "" });
    case "filter-input":
      return s.editing ? refiltered({ ...s, filter: s.filter + a.text }) : s;
    case "filter-delete":
      return s.editing ? refiltered({ ...s, filter: [...s.filter].slice(0, -1).join("") }) : s;
    case "filter-done": {
      const next: ListState = { ...s, editing: false };
      delete next.previous;
      return next;
    }
    case "filter-cancel": {
      if (!s.editing) return s;
      const next: ListState = { ...s, editing: false, filter: s.previous ?? "" };
      delete next.previous;
      return refiltered(next);
    }
    case "clear": {
      const next: ListState = { ...s, filter: "", editing: false };
      delete next.severity;
      return refiltered(next);
    }
    case "severity": {
      const level = SEVERITIES[a.level - 1];
      if (level === undefined) return s;
      const next: ListState = { ...s };
      if (s.severity === level) delete next.severity;
      else next.severity = level;
      return refiltered(next);
    }
    case "reset":
      return initialList(a.findings, s.viewport);
    case "reload": {
      const selected = selectedFinding(s)?.fingerprint;
      const next = { ...s, findings: a.findings };
      const visible = visibleFindings(next);
      const found = selected === undefined ? -1 : visible.findIndex((f) => f.fingerprint === selected);
      return keepInView({ ...next, count: visible.length, cursor: found >= 0 ? found : s.cursor }, 0);
    }
    default:
      return cursorReducer(s, a);
  }
}
