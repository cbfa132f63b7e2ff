/** The explorer's pure reducer and key mapping: moving, opening, filters, severities, the reach picker, reloads. */
import { describe, expect, it } from "vitest";
import { keyToAction } from "../../cli/explorer/keys.js";
import {
  type Action,
  type ExplorerState,
  type FileView,
  initialState,
  reachChoices,
  reducer,
  selectedFinding,
  visibleFindings,
} from "../../cli/explorer/state.js";
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

function file(name: string, findings: Finding[]): FileView {
  return {
    file: name,
    topology: name.replace(".yaml", ""),
    errors: [],
    findings,
    zones: [
      { id: "internet", kind: "internet", tier: "internet-side", exposed: true, nodes: [] },
      { id: "db-zone", kind: "db", tier: null, exposed: false, nodes: [] },
    ],
    hosts: [
      { id: "citizen", label: "市民 (citizen)" },
      { id: "db", label: "データベース (db)" },
      { id: "web", label: "Web サーバ (web)" },
    ],
  };
}

const findings = [
  finding("NET-03", "low", "fw#2"),
  finding("ASP-02", "critical", "db"),
  finding("ASP-08", "high", "mail"),
  finding("ASP-09", "medium", "db"),
  finding("ASP-03", "high", "web"),
];

function run(state: ExplorerState, ...actions: Action[]): ExplorerState {
  return actions.reduce(reducer, state);
}

describe("explorer state", () => {
  it("lists findings by severity and moves within bounds", () => {
    const s = initialState([file("a.yaml", findings)], 3);
    expect(s.screen).toBe("list");
    expect(visibleFindings(s).map((f) => f.rule)).toEqual(["ASP-02", "ASP-08", "ASP-03", "ASP-09", "NET-03"]);
    const down = run(s, { type: "move", delta: 1 }, { type: "move", delta: 1 }, { type: "move", delta: 1 });
    expect(selectedFinding(down)?.rule).toBe("ASP-09");
    expect(down.list.scroll).toBe(1); // viewport 3: the cursor stays visible
    expect(run(down, { type: "end" }).list.cursor).toBe(4);
    expect(run(down, { type: "end" }, { type: "move", delta: 5 }).list.cursor).toBe(4);
    expect(run(down, { type: "home" }).list).toMatchObject({ cursor: 0, scroll: 0 });
  });

  it("opens a finding and goes back with Esc to the same selection", () => {
    const s = run(initialState([file("a.yaml", findings)]), { type: "move", delta: 2 }, { type: "open" });
    expect(s.screen).toBe("finding");
    expect(selectedFinding(s)?.rule).toBe("ASP-03");
    const back = run(s, { type: "back" });
    expect(back.screen).toBe("list");
    expect(back.list.cursor).toBe(2);
    expect(run(back, { type: "back" }).screen).toBe("list"); // Esc at the top never quits
  });

  it("filters by text and by severity, and clears both with Esc", () => {
    const s = run(
      initialState([file("a.yaml", findings)]),
      { type: "filter-start" },
      { type: "filter-input", text: "db" },
      { type: "filter-done" },
    );
    expect(visibleFindings(s).map((f) => f.rule)).toEqual(["ASP-02", "ASP-09"]);
    const medium = run(s, { type: "severity", level: 3 });
    expect(visibleFindings(medium).map((f) => f.rule)).toEqual(["ASP-09"]);
    expect(visibleFindings(run(medium, { type: "severity", level: 3 })).length).toBe(2); // again: all severities
    const cleared = run(medium, { type: "back" });
    expect(visibleFindings(cleared).length).toBe(5);
  });

  it("walks the reach picker: source, target, result, and back step by step", () => {
    let s = run(initialState([file("a.yaml", findings)]), { type: "show", screen: "reach" });
    expect(s.screen).toBe("reach");
    s = run(s, { type: "filter-input", text: "市民" });
    expect(reachChoices(s).map((h) => h.id)).toEqual(["citizen"]);
    s = run(s, { type: "open" });
    expect(s.reach).toMatchObject({ stage: "target", source: "citizen", query: "" });
    s = run(s, { type: "filter-input", text: "db" }, { type: "open" });
    expect(s.reach).toMatchObject({ stage: "result", source: "citizen", target: "db" });
    s = run(s, { type: "back" });
    expect(s.reach.stage).toBe("target");
    s = run(s, { type: "back" }, { type: "back" });
    expect(s.screen).toBe("list");
  });

  it("keeps the selected finding across a reload, by fingerprint", () => {
    const s = run(initialState([file("a.yaml", findings)]), { type: "move", delta: 3 }, { type: "open" });
    expect(selectedFinding(s)?.rule).toBe("ASP-09");
    const fewer = [findings[1] as Finding, findings[3] as Finding, finding("TT-01", "critical", "x")];
    const r = run(s, { type: "reload", files: [file("a.yaml", fewer)] });
    expect(r.screen).toBe("finding");
    expect(selectedFinding(r)?.rule).toBe("ASP-09");
    const gone = run(r, { type: "reload", files: [file("a.yaml", [findings[1] as Finding])] });
    expect(gone.screen).toBe("list");
    expect(selectedFinding(gone)?.rule).toBe("ASP-02");
  });

  it("starts on the file picker for several files and opens one", () => {
    const s = initialState([file("a.yaml", findings), file("b.yaml", [])]);
    expect(s.screen).toBe("files");
    const b = run(s, { type: "move", delta: 1 }, { type: "open" });
    expect(b.screen).toBe("list");
    expect(b.file).toBe(1);
    expect(run(b, { type: "show", screen: "files" }).screen).toBe("files");
  });

  it("maps keys to actions, and lets a text field take printable keys", () => {
    const s = initialState([file("a.yaml", findings)]);
    expect(keyToAction("j", {}, s)).toEqual({ type: "move", delta: 1 });
    expect(keyToAction("", { upArrow: true }, s)).toEqual({ type: "move", delta: -1 });
    expect(keyToAction("q", {}, s)).toEqual({ type: "quit" });
    expect(keyToAction("3", {}, s)).toEqual({ type: "severity", level: 3 });
    expect(keyToAction("z", {}, s)).toEqual({ type: "show", screen: "zones" });
    expect(keyToAction("", { return: true }, s)).toEqual({ type: "open" });
    const typing = run(s, { type: "filter-start" });
    expect(keyToAction("q", {}, typing)).toEqual({ type: "filter-input", text: "q" });
    expect(keyToAction("\u001b[31m", {}, typing)).toEqual({ type: "filter-input", text: "[31m" });
    expect(keyToAction("", { return: true }, typing)).toEqual({ type: "filter-done" });
    expect(keyToAction("c", { ctrl: true }, typing)).toEqual({ type: "quit" });
  });
});
