/**
 * The explorer's state and its pure reducer. Every key press becomes an action (keys.ts); the
 * reducer decides what it does on the current screen. No Ink or React here, so it is unit-tested
 * on its own and the views only draw what it says.
 */
import { SEVERITIES, type Severity } from "../../src/model/types.js";
import type { Finding } from "../../src/rules/types.js";

export type ScreenName = "files" | "list" | "finding" | "zones" | "reach" | "help";

export interface HostChoice {
  id: string;
  label: string;
}

export interface ZoneNode {
  id: string;
  kind: string;
  title?: string;
  /** data held, as `id (classification)` */
  holds: string[];
  /** the internet can open connections to it */
  exposed: boolean;
}

export interface ZoneRow {
  id: string;
  kind: string;
  tier: string | null;
  title?: string;
  location?: string;
  /** the internet can open connections to some host of the zone (listed or implicit) */
  exposed: boolean;
  nodes: ZoneNode[];
}

/** What the explorer knows of one checked file. */
export interface FileView {
  file: string;
  topology?: string;
  title?: string;
  model?: string;
  errors: Array<{ line: number; column: number; message: string }>;
  findings: Finding[];
  /** the zones view's rows, computed once per check */
  zones: ZoneRow[];
  hosts: HostChoice[];
}

export interface ListState {
  /** index into the visible findings */
  cursor: number;
  scroll: number;
  filter: string;
  editing: boolean;
  severity?: Severity;
}

export interface ReachState {
  stage: "source" | "target" | "result";
  query: string;
  cursor: number;
  scroll: number;
  source?: string;
  target?: string;
}

export interface ExplorerState {
  files: FileView[];
  file: number;
  screen: ScreenName;
  /** where Esc goes back to */
  back: ScreenName[];
  filesCursor: number;
  list: ListState;
  detailScroll: number;
  zones: { cursor: number; scroll: number };
  reach: ReachState;
  /** lines available for the scrolling part of the screen */
  viewport: number;
  quit: boolean;
}

export type Action =
  | { type: "move"; delta: number }
  | { type: "page"; delta: number }
  | { type: "home" }
  | { type: "end" }
  | { type: "open" }
  | { type: "back" }
  | { type: "filter-start" }
  | { type: "filter-input"; text: string }
  | { type: "filter-delete" }
  | { type: "filter-done" }
  | { type: "severity"; level: number }
  | { type: "show"; screen: "zones" | "reach" | "help" | "files" }
  | { type: "viewport"; lines: number }
  | { type: "reload"; files: FileView[] }
  | { type: "scroll-max"; max: number }
  | { type: "quit" };

const EMPTY_LIST: ListState = { cursor: 0, scroll: 0, filter: "", editing: false };
const EMPTY_REACH: ReachState = { stage: "source", query: "", cursor: 0, scroll: 0 };

export function initialState(files: FileView[], viewport = 15): ExplorerState {
  return {
    files,
    file: 0,
    screen: files.length > 1 ? "files" : "list",
    back: [],
    filesCursor: 0,
    list: { ...EMPTY_LIST },
    detailScroll: 0,
    zones: { cursor: 0, scroll: 0 },
    reach: { ...EMPTY_REACH },
    viewport,
    quit: false,
  };
}

export function currentFile(state: ExplorerState): FileView | undefined {
  return state.files[state.file];
}

function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

/** The findings the list shows: filtered, grouped by severity (the result is already in that order). */
export function visibleFindings(state: ExplorerState): Finding[] {
  const file = currentFile(state);
  if (!file) return [];
  const needle = state.list.filter.trim().toLowerCase();
  return file.findings
    .filter((f) => state.list.severity === undefined || f.severity === state.list.severity)
    .filter(
      (f) =>
        needle === "" ||
        f.rule.toLowerCase().includes(needle) ||
        f.message.toLowerCase().includes(needle) ||
        f.subjects.some((s) => s.toLowerCase().includes(needle)),
    )
    .sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

export function selectedFinding(state: ExplorerState): Finding | undefined {
  return visibleFindings(state)[state.list.cursor];
}

/** The hosts the reach picker offers for the current query text. */
export function reachChoices(state: ExplorerState): HostChoice[] {
  const file = currentFile(state);
  if (!file) return [];
  const needle = state.reach.query.trim().toLowerCase();
  if (needle === "") return file.hosts;
  return file.hosts.filter((h) => h.id.toLowerCase().includes(needle) || h.label.toLowerCase().includes(needle));
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/** Moves a cursor within `count` rows and keeps it inside the scrolled window. */
function moveCursor(cursor: number, scroll: number, count: number, delta: number, viewport: number) {
  const next = count === 0 ? 0 : clamp(cursor + delta, 0, count - 1);
  let top = scroll;
  if (next < top) top = next;
  if (next >= top + viewport) top = next - viewport + 1;
  top = clamp(top, 0, Math.max(0, count - viewport));
  return { cursor: next, scroll: top };
}

function rowCount(state: ExplorerState): number {
  switch (state.screen) {
    case "files":
      return state.files.length;
    case "list":
      return visibleFindings(state).length;
    case "zones":
      return currentFile(state)?.zones.length ?? 0;
    case "reach":
      return state.reach.stage === "result" ? 0 : reachChoices(state).length;
    default:
      return 0;
  }
}

function move(state: ExplorerState, delta: number): ExplorerState {
  const count = rowCount(state);
  const vp = Math.max(1, state.viewport);
  switch (state.screen) {
    case "files": {
      const { cursor } = moveCursor(state.filesCursor, 0, count, delta, count || 1);
      return { ...state, filesCursor: cursor };
    }
    case "list":
      return { ...state, list: { ...state.list, ...moveCursor(state.list.cursor, state.list.scroll, count, delta, vp) } };
    case "zones":
      return { ...state, zones: moveCursor(state.zones.cursor, state.zones.scroll, count, delta, vp) };
    case "reach":
      if (state.reach.stage === "result") return state;
      return { ...state, reach: { ...state.reach, ...moveCursor(state.reach.cursor, state.reach.scroll, count, delta, vp) } };
    case "finding":
    case "help":
      return { ...state, detailScroll: Math.max(0, state.detailScroll + delta) };
  }
}

function go(state: ExplorerState, screen: ScreenName): ExplorerState {
  if (state.screen === screen) return state;
  return { ...state, screen, back: [...state.back, state.screen], detailScroll: 0 };
}

function open(state: ExplorerState): ExplorerState {
  switch (state.screen) {
    case "files":
      return {
        ...go(state, "list"),
        file: state.filesCursor,
        list: { ...EMPTY_LIST },
        zones: { cursor: 0, scroll: 0 },
        reach: { ...EMPTY_REACH },
      };
    case "list":
      return selectedFinding(state) ? go(state, "finding") : state;
    case "reach": {
      const choice = reachChoices(state)[state.reach.cursor];
      if (!choice || state.reach.stage === "result") return state;
      if (state.reach.stage === "source") return { ...state, reach: { ...EMPTY_REACH, stage: "target", source: choice.id } };
      return { ...state, reach: { ...state.reach, stage: "result", target: choice.id, query: "" } };
    }
    default:
      return state;
  }
}

function back(state: ExplorerState): ExplorerState {
  if (state.screen === "list" && state.list.editing) return { ...state, list: { ...state.list, editing: false } };
  if (state.screen === "reach" && state.reach.stage !== "source") {
    // one step back in the picker: result → target, target → source
    if (state.reach.stage === "result")
      return { ...state, reach: { ...EMPTY_REACH, stage: "target", source: state.reach.source as string } };
    return { ...state, reach: { ...EMPTY_REACH } };
  }
  const previous = state.back[state.back.length - 1];
  if (previous === undefined) {
    // Esc on the top screen clears a filter; it never quits
    if (state.screen === "list" && (state.list.filter !== "" || state.list.severity !== undefined))
      return { ...state, list: { ...EMPTY_LIST } };
    return state;
  }
  return { ...state, screen: previous, back: state.back.slice(0, -1), detailScroll: 0 };
}

/** Re-checked files: keeps the file, the screen and the selected finding (by fingerprint) where they still exist. */
function reload(state: ExplorerState, files: FileView[]): ExplorerState {
  const selected = state.screen === "list" || state.screen === "finding" ? selectedFinding(state)?.fingerprint : undefined;
  const fileName = currentFile(state)?.file;
  const fileIndex = Math.max(
    0,
    files.findIndex((f) => f.file === fileName),
  );
  let next: ExplorerState = { ...state, files, file: fileIndex };
  const visible = visibleFindings(next);
  const found = selected === undefined ? -1 : visible.findIndex((f) => f.fingerprint === selected);
  const cursor = found >= 0 ? found : clamp(state.list.cursor, 0, Math.max(0, visible.length - 1));
  next = {
    ...next,
    list: { ...next.list, ...moveCursor(cursor, next.list.scroll, visible.length, 0, Math.max(1, next.viewport)) },
  };
  if (next.screen === "finding" && found < 0) next = { ...next, screen: "list", back: next.back.slice(0, -1) };
  const zoneCount = currentFile(next)?.zones.length ?? 0;
  next = { ...next, zones: moveCursor(next.zones.cursor, next.zones.scroll, zoneCount, 0, Math.max(1, next.viewport)) };
  return next;
}

export function reducer(state: ExplorerState, action: Action): ExplorerState {
  switch (action.type) {
    case "move":
      return move(state, action.delta);
    case "page":
      return move(state, action.delta * Math.max(1, state.viewport - 1));
    case "home":
      return move(state, -Number.MAX_SAFE_INTEGER / 2);
    case "end":
      return move(state, Number.MAX_SAFE_INTEGER / 2);
    case "open":
      return open(state);
    case "back":
      return back(state);
    case "filter-start":
      if (state.screen !== "list") return state;
      return { ...state, list: { ...state.list, editing: true } };
    case "filter-input":
      if (state.screen === "list" && state.list.editing)
        return { ...state, list: { ...state.list, filter: state.list.filter + action.text, cursor: 0, scroll: 0 } };
      if (state.screen === "reach" && state.reach.stage !== "result")
        return { ...state, reach: { ...state.reach, query: state.reach.query + action.text, cursor: 0, scroll: 0 } };
      return state;
    case "filter-delete":
      if (state.screen === "list" && state.list.editing)
        return { ...state, list: { ...state.list, filter: [...state.list.filter].slice(0, -1).join(""), cursor: 0, scroll: 0 } };
      if (state.screen === "reach")
        return { ...state, reach: { ...state.reach, query: [...state.reach.query].slice(0, -1).join(""), cursor: 0, scroll: 0 } };
      return state;
    case "filter-done":
      return { ...state, list: { ...state.list, editing: false } };
    case "severity": {
      if (state.screen !== "list") return state;
      const level = SEVERITIES[action.level - 1];
      if (level === undefined) return state;
      const severity = state.list.severity === level ? undefined : level;
      const list: ListState = { ...state.list, cursor: 0, scroll: 0 };
      if (severity === undefined) delete list.severity;
      else list.severity = severity;
      return { ...state, list };
    }
    case "show":
      if (action.screen === "files" && state.files.length < 2) return state;
      if (action.screen === "reach") return { ...go(state, "reach"), reach: { ...EMPTY_REACH } };
      if (action.screen === "files") return { ...state, screen: "files", back: [], detailScroll: 0 };
      return go(state, action.screen);
    case "viewport": {
      const next = { ...state, viewport: Math.max(1, action.lines) };
      return move(next, 0);
    }
    case "reload":
      return reload(state, action.files);
    case "scroll-max":
      return state.detailScroll > action.max ? { ...state, detailScroll: Math.max(0, action.max) } : state;
    case "quit":
      return { ...state, quit: true };
  }
}

/** Is a text field taking the keys (so that `q`, `j`… are typed, not commands)? */
export function isTyping(state: ExplorerState): boolean {
  return (state.screen === "list" && state.list.editing) || (state.screen === "reach" && state.reach.stage !== "result");
}
