/**
 * The explorer's pure parts, view by view: each reducer (list, zones, reach, page, files, navigation)
 * and each key map, without Ink.
 */
import { describe, expect, it } from "vitest";
import { filesReducer, initialFiles } from "../../cli/explorer/files/state.js";
import { filesKeys } from "../../cli/explorer/files/use-input.js";
import { type Press, splitPresses } from "../../cli/explorer/input.js";
import {
  initialList,
  keepsSelection,
  type ListAction,
  type ListState,
  listReducer,
  selectedFinding,
  visibleFindings,
} from "../../cli/explorer/list/state.js";
import { listKeys } from "../../cli/explorer/list/use-input.js";
import { initialNav, leaves, type NavAction, navReducer } from "../../cli/explorer/nav.js";
import { initialPage, pageReducer } from "../../cli/explorer/page/state.js";
import { pageKeys } from "../../cli/explorer/page/use-input.js";
import { initialReach, type ReachAction, reachChoices, reachReducer } from "../../cli/explorer/reach/state.js";
import { reachKeys } from "../../cli/explorer/reach/use-input.js";
import { initialZones, zonesReducer } from "../../cli/explorer/zones/state.js";
import { zonesKeys } from "../../cli/explorer/zones/use-input.js";
import type { Finding } from "../../src/rules/types.js";

function finding(rule: string, severity: Finding["severity"], subject: string, message = `${rule} on ${subject}`): Finding {
  return {
    rule,
    severity,
    message,
    subjects: [subject],
    evidence: {},
    fingerprint: `${rule}:${subject}`,
    waived: false,
    baselined: false,
    location: { file: "a.yaml", line: 1, column: 1 },
  };
}

const findings = [
  finding("NET-03", "low", "fw#2"),
  finding("ASP-02", "critical", "db"),
  finding("ASP-08", "high", "mail"),
  finding("ASP-09", "medium", "db"),
  finding("ASP-03", "high", "web"),
];
const hosts = [
  { id: "citizen", label: "市民 (citizen)" },
  { id: "db", label: "データベース (db)" },
  { id: "web", label: "Web サーバ (web)" },
];
const nav1 = initialNav(1);
const press = (input: string, key: Press["key"] = {}): Press => ({ input, key });

const list = (s: ListState, ...actions: ListAction[]) => actions.reduce(listReducer, s);
const navigate = (...actions: NavAction[]) => actions.reduce(navReducer, nav1);

describe("the findings list", () => {
  it("groups by severity and moves within bounds, keeping the cursor in the window", () => {
    const s = initialList(findings, 3);
    expect(visibleFindings(s).map((f) => f.rule)).toEqual(["ASP-02", "ASP-08", "ASP-03", "ASP-09", "NET-03"]);
    const down = list(s, { type: "move", delta: 1 }, { type: "move", delta: 1 }, { type: "move", delta: 1 });
    expect(selectedFinding(down)?.rule).toBe("ASP-09");
    expect(down.scroll).toBe(1);
    expect(list(down, { type: "end" }).cursor).toBe(4);
    expect(list(down, { type: "end" }, { type: "move", delta: 5 }).cursor).toBe(4);
    expect(list(down, { type: "home" })).toMatchObject({ cursor: 0, scroll: 0 });
    expect(list(s, { type: "page", delta: 1 }).cursor).toBe(2); // a page is the window less one row
    expect(list(initialList([], 3), { type: "move", delta: 1 }).cursor).toBe(0);
  });

  it("filters by text and by severity, and clears both", () => {
    const s = list(
      initialList(findings, 10),
      { type: "filter-start" },
      { type: "filter-input", text: "db" },
      { type: "filter-done" },
    );
    expect(visibleFindings(s).map((f) => f.rule)).toEqual(["ASP-02", "ASP-09"]);
    const medium = list(s, { type: "severity", level: 3 });
    expect(visibleFindings(medium).map((f) => f.rule)).toEqual(["ASP-09"]);
    expect(visibleFindings(list(medium, { type: "severity", level: 3 })).length).toBe(2); // again: every severity
    expect(visibleFindings(list(medium, { type: "clear" })).length).toBe(5);
    expect(list(s, { type: "move", delta: 1 }, { type: "filter-start" }, { type: "filter-input", text: "0" }).cursor).toBe(0);
    // typing is ignored unless the filter line is open
    expect(list(initialList(findings, 10), { type: "filter-input", text: "x" }).filter).toBe("");
  });

  it("keeps the selected finding across a re-check, by fingerprint", () => {
    const s = list(initialList(findings, 10), { type: "move", delta: 3 });
    expect(selectedFinding(s)?.rule).toBe("ASP-09");
    const fewer = [findings[1] as Finding, findings[3] as Finding, finding("TT-01", "critical", "x")];
    expect(keepsSelection(s, fewer)).toBe(true);
    expect(selectedFinding(list(s, { type: "reload", findings: fewer }))?.rule).toBe("ASP-09");
    const gone = [findings[1] as Finding];
    expect(keepsSelection(s, gone)).toBe(false);
    expect(selectedFinding(list(s, { type: "reload", findings: gone }))?.rule).toBe("ASP-02");
    expect(list(s, { type: "reset", findings: gone }).cursor).toBe(0);
  });

  it("maps keys: moves, opens, filters; a text field takes printable keys, control characters never", () => {
    const s = initialList(findings, 10);
    expect(listKeys(press("j"), s, nav1)).toEqual({ view: { type: "move", delta: 1 } });
    expect(listKeys(press("", { upArrow: true }), s, nav1)).toEqual({ view: { type: "move", delta: -1 } });
    expect(listKeys(press("3"), s, nav1)).toEqual({ view: { type: "severity", level: 3 } });
    expect(listKeys(press("", { return: true }), s, nav1)).toEqual({ nav: { type: "go", screen: "finding" } });
    expect(listKeys(press("", { return: true }), initialList([], 10), nav1)).toBeUndefined();
    expect(listKeys(press("q"), s, nav1)).toEqual({ nav: { type: "quit" } });
    expect(listKeys(press("z"), s, nav1)).toEqual({ nav: { type: "go", screen: "zones" } });
    expect(listKeys(press("", { escape: true }), s, nav1)).toBeUndefined(); // Esc at the top never quits
    const typing = list(s, { type: "filter-start" });
    expect(listKeys(press("q"), typing, nav1)).toEqual({ view: { type: "filter-input", text: "q" } });
    expect(listKeys(press("\u001b[31m"), typing, nav1)).toEqual({ view: { type: "filter-input", text: "[31m" } });
    expect(listKeys(press("", { return: true }), typing, nav1)).toEqual({ view: { type: "filter-done" } });
    expect(listKeys(press("c", { ctrl: true }), typing, nav1)).toEqual({ nav: { type: "quit" } });
    const filtered = list(typing, { type: "filter-input", text: "db" }, { type: "filter-done" });
    expect(listKeys(press("", { escape: true }), filtered, nav1)).toEqual({ view: { type: "clear" } });
    // with several files, Esc goes back to the file list
    const fromFiles = navReducer(initialNav(2), { type: "open-file", index: 1 });
    expect(listKeys(press("", { escape: true }), filtered, fromFiles)).toEqual({ nav: { type: "back" } });
  });
});

describe("navigation", () => {
  it("goes to a screen and back; Esc at the top stays", () => {
    const s = navigate({ type: "go", screen: "finding" });
    expect(s).toMatchObject({ screen: "finding", back: ["list"] });
    expect(navReducer(s, { type: "back" })).toMatchObject({ screen: "list", back: [] });
    expect(navigate({ type: "back" })).toEqual(nav1);
    expect(navigate({ type: "go", screen: "zones" }, { type: "go", screen: "zones" }).back).toEqual(["list"]);
    expect(navigate({ type: "quit" }).quit).toBe(true);
  });

  it("starts on the file picker for several files, opens one, and comes back to the picker", () => {
    const s = initialNav(2);
    expect(s.screen).toBe("files");
    const b = navReducer(s, { type: "open-file", index: 1 });
    expect(b).toMatchObject({ screen: "list", file: 1, back: ["files"] });
    expect(navReducer(navReducer(b, { type: "go", screen: "zones" }), { type: "files" })).toMatchObject({
      screen: "files",
      back: [],
    });
    expect(navReducer(nav1, { type: "files" })).toBe(nav1); // one file: no picker
  });

  it("knows when a key leaves the screen, so that the rest of a chunk goes to the next one", () => {
    expect(leaves(nav1, { type: "go", screen: "zones" })).toBe(true);
    expect(leaves(nav1, { type: "back" })).toBe(false);
    expect(leaves(nav1, { type: "quit" })).toBe(true);
    expect(splitPresses("zj", {}, false).map((p) => p.input)).toEqual(["z", "j"]);
    expect(splitPresses("a\r", {}, false)[1]).toEqual({ input: "", key: { return: true } });
    expect(splitPresses("zj", {}, true)).toEqual([{ input: "zj", key: {} }]); // pasted into a text field: whole
    // several Backspaces in one chunk: each one deletes
    expect(splitPresses("\u007f\u007f\u007f", {}, true)).toEqual([
      { input: "", key: { backspace: true } },
      { input: "", key: { backspace: true } },
      { input: "", key: { backspace: true } },
    ]);
    expect(splitPresses("ab\u007fc\r", {}, true).map((p) => p.input || Object.keys(p.key)[0])).toEqual([
      "ab",
      "backspace",
      "c",
      "return",
    ]);
  });
});

describe("the reach query", () => {
  const reach = (...actions: ReachAction[]) => actions.reduce(reachReducer, initialReach(hosts, 10));

  it("walks source, target, result, and back step by step", () => {
    let s = reach({ type: "edit" }, { type: "input", text: "市民" }, { type: "edit-done" });
    expect(reachChoices(s).map((h) => h.id)).toEqual(["citizen"]);
    s = reachReducer(s, { type: "pick" });
    expect(s).toMatchObject({ stage: "target", source: "citizen", query: "", editing: false });
    s = [{ type: "edit" } as const, { type: "input", text: "db" } as const, { type: "pick" } as const].reduce(reachReducer, s);
    expect(s).toMatchObject({ stage: "result", source: "citizen", target: "db" });
    expect(reachReducer(s, { type: "move", delta: 1 })).toBe(s); // nothing to move on the answer
    s = reachReducer(s, { type: "back" });
    expect(s).toMatchObject({ stage: "target", source: "citizen" });
    expect(reachReducer(s, { type: "back" }).stage).toBe("source");
    expect(reach({ type: "edit" }, { type: "input", text: "nothing" }, { type: "pick" }).stage).toBe("source");
    expect(reach({ type: "edit" }, { type: "input", text: "we" }, { type: "delete" }, { type: "delete" }).query).toBe("");
    // Esc while typing gives the text back as it was before `/`
    const typed = reach({ type: "edit" }, { type: "input", text: "we" }, { type: "edit-done" });
    expect(
      reachReducer(reachReducer(reachReducer(typed, { type: "edit" }), { type: "input", text: "x" }), { type: "edit-cancel" }),
    ).toMatchObject({
      query: "we",
      editing: false,
    });
    // nothing is typed without `/`
    expect(reach({ type: "input", text: "q" }).query).toBe("");
  });

  it("maps keys: j/k move and / types (then j, k and q are letters), Esc steps back then leaves", () => {
    const s = initialReach(hosts, 10);
    expect(reachKeys(press("j"), s)).toEqual({ view: { type: "move", delta: 1 } });
    expect(reachKeys(press("k"), s)).toEqual({ view: { type: "move", delta: -1 } });
    expect(reachKeys(press("q"), s)).toEqual({ nav: { type: "quit" } });
    expect(reachKeys(press("/"), s)).toEqual({ view: { type: "edit" } });
    const typing = reachReducer(s, { type: "edit" });
    expect(reachKeys(press("j"), typing)).toEqual({ view: { type: "input", text: "j" } });
    expect(reachKeys(press("q"), typing)).toEqual({ view: { type: "input", text: "q" } });
    expect(reachKeys(press("", { escape: true }), typing)).toEqual({ view: { type: "edit-cancel" } });
    expect(reachKeys(press("", { return: true }), typing)).toEqual({ view: { type: "edit-done" } });
    expect(reachKeys(press("", { return: true }), s)).toEqual({ view: { type: "pick" } });
    expect(reachKeys(press("", { escape: true }), s)).toEqual({ nav: { type: "back" } });
    const result = reach({ type: "pick" }, { type: "pick" });
    expect(reachKeys(press("", { escape: true }), result)).toEqual({ view: { type: "back" } });
    expect(reachKeys(press("q"), result)).toEqual({ nav: { type: "quit" } });
    expect(reachKeys(press("r"), result)).toEqual({ nav: { type: "go", screen: "reach" } });
  });
});

describe("zones, pages and the file picker", () => {
  it("moves over the zones and keeps the cursor on a re-check", () => {
    const s = zonesReducer(initialZones(4, 2), { type: "end" });
    expect(s).toMatchObject({ cursor: 3, scroll: 2 });
    expect(zonesReducer(s, { type: "reload", count: 2 })).toMatchObject({ cursor: 1, scroll: 0 });
    expect(zonesReducer(s, { type: "reset", count: 4 }).cursor).toBe(0);
    expect(zonesKeys(press("", { escape: true }))).toEqual({ nav: { type: "back" } });
    expect(zonesKeys(press("r"))).toEqual({ nav: { type: "go", screen: "reach" } });
  });

  it("scrolls a page within its bounds", () => {
    let s = pageReducer(initialPage(10), { type: "bounds", max: 15 });
    s = pageReducer(s, { type: "page", delta: 1 });
    expect(s.top).toBe(9);
    expect(pageReducer(s, { type: "end" }).top).toBe(15);
    expect(pageReducer(pageReducer(s, { type: "end" }), { type: "move", delta: 3 }).top).toBe(15);
    expect(pageReducer(s, { type: "bounds", max: 4 }).top).toBe(4); // the page got shorter
    expect(pageReducer(s, { type: "reset" }).top).toBe(0);
    expect(pageKeys(press("k"))).toEqual({ view: { type: "move", delta: -1 } });
    expect(pageKeys(press("?"))).toEqual({ nav: { type: "go", screen: "help" } });
  });

  it("opens the file under the cursor", () => {
    const s = filesReducer(initialFiles(3), { type: "move", delta: 1 });
    expect(filesKeys(press("", { return: true }), s)).toEqual({ nav: { type: "open-file", index: 1 } });
    expect(filesReducer(s, { type: "end" }).cursor).toBe(2);
  });
});
