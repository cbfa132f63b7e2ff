/** The explorer's views, rendered with ink-testing-library: type keys, read the frames. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { render } from "ink-testing-library";
import { describe, expect, it } from "vitest";
import { App } from "../../cli/explorer/App.js";
import { zoneBlock } from "../../cli/explorer/pages.js";
import { checkForExplorer } from "../../cli/explorer/run.js";

const sketch = readFileSync(join(import.meta.dirname, "../fixtures/takatsuki-sketch.yaml"), "utf8");
const broken = sketch.replace(
  "- { allow: { from: internet, to: web-inet, service: https }, title: 市民→予約サイト }",
  "- { allow: { from: internet, to: any, service: any }, title: 市民→予約サイト }",
);

function design(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "bunri-tui-"));
  const file = join(dir, "design.yaml");
  writeFileSync(file, text);
  return file;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The frames of the app on screen (set by show). */
let frames: readonly string[] = [];

function show(element: Parameters<typeof render>[0]): ReturnType<typeof render> {
  const r = render(element);
  frames = r.frames;
  return r;
}

/**
 * Waits until the screen has settled: no new frame for 100 ms. Ink draws at most about 30 times a
 * second, and later on a busy machine, so a fixed wait made these tests fail under load.
 */
async function tick(): Promise<void> {
  let seen = frames.length;
  let quiet = performance.now();
  while (performance.now() - quiet < 100) {
    await sleep(10);
    if (frames.length !== seen) {
      seen = frames.length;
      quiet = performance.now();
    }
  }
}

/** Types each key, waits for the frame it draws (at most 1 s: a key may change nothing), then for quiet. */
async function press(stdin: { write: (s: string) => void }, ...keys: string[]) {
  for (const k of keys) {
    const before = frames.length;
    stdin.write(k);
    const start = performance.now();
    while (frames.length === before && performance.now() - start < 1000) await sleep(5);
    await tick();
  }
}

describe("explorer views", () => {
  it("opens on the summary and the findings grouped by severity, with the keys at the bottom", async () => {
    const checked = await checkForExplorer([design(broken)], { lang: "en", today: "2026-11-23" });
    const { lastFrame, unmount } = show(<App initial={checked} lang="en" />);
    await tick();
    const frame = lastFrame() ?? "";
    expect(frame).toContain("bunri  高槻市");
    expect(frame).toMatch(/FAIL {2}critical \d+/);
    const rows = frame.split("\n");
    const firstCritical = rows.findIndex((l) => /critical +ASP-0/.test(l));
    const firstHigh = rows.findIndex((l) => /high +ASP-0/.test(l));
    expect(firstCritical).toBeGreaterThan(0);
    expect(firstHigh).toBeGreaterThan(firstCritical);
    expect(rows.at(-1)).toContain("Enter open");
    expect(rows.at(-1)).toContain("q quit");
    unmount();
  });

  it("opens a finding with its path hop by hop and the firewall rule, why and fix; Esc goes back", async () => {
    const checked = await checkForExplorer([design(broken)], { lang: "en", today: "2026-11-23" });
    const { lastFrame, stdin, unmount } = show(<App initial={checked} lang="en" />);
    await tick();
    await press(stdin, "\r");
    const frame = lastFrame() ?? "";
    expect(frame).toContain("Path, hop by hop");
    expect(frame).toMatch(/→ 前段ファイアウォール \(fw-front\)/);
    expect(frame).toMatch(/rule fw-front#1 "市民→予約サイト" lets it through/);
    await press(stdin, "G");
    expect(lastFrame()).toContain("How to fix it");
    await press(stdin, "\u001b");
    expect(lastFrame()).toContain("Enter open");
    unmount();
  });

  it("filters with / and shows one severity with 1–5", async () => {
    const checked = await checkForExplorer([design(broken)], { lang: "en", today: "2026-11-23" });
    const { lastFrame, stdin, unmount } = show(<App initial={checked} lang="en" />);
    await tick();
    await press(stdin, "/", "A", "S", "P", "-", "0", "1", "\r");
    let frame = lastFrame() ?? "";
    expect(frame).toContain("filter: ASP-01");
    const rows = frame.split("\n").filter((l) => /^[› ] \S+ +[A-Z]+-\d+/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((l) => l.includes("ASP-01"))).toBe(true);
    expect(frame).toContain(`(${rows.length})`);
    await press(stdin, "\u001b", "1");
    frame = lastFrame() ?? "";
    expect(frame).toContain("[critical]");
    expect(frame).not.toMatch(/ high +[A-Z]+-\d+/);
    unmount();
  });

  it("shows the zones with what they hold and whether the internet reaches them, in Japanese", async () => {
    const checked = await checkForExplorer([design(sketch)], { lang: "ja", today: "2026-11-23" });
    const { lastFrame, stdin, unmount } = show(<App initial={checked} lang="ja" />);
    await tick();
    expect(lastFrame()).toContain("PASS");
    await press(stdin, "z");
    const frame = lastFrame() ?? "";
    expect(frame).toContain("ゾーン (7)");
    expect(frame).toContain("インターネットからこのゾーンの機器へ通信できます");
    // in Japanese, by tier: the internet first, with a sentence of its own
    expect(frame).toMatch(/› インターネット \(internet\) {2}インターネット \/ インターネット側\n {2}インターネットそのものです/);
    expect(frame).toContain("- 前段ファイアウォール (fw-front) [ファイアウォール]");
    expect(frame).not.toMatch(/internet-connected|internet-side|\[firewall\]|national/);
    // the zones of no tier last: the DB segment, with what its machines hold
    await press(stdin, "G");
    const last = lastFrame() ?? "";
    expect(last).toContain("- 予約・申請データベース (db) [DB サーバ]");
    expect(last).toContain("保存: カード申請者の氏名");
    expect(last).toContain("(applicants): 個人情報");
    unmount();
  });

  it("says on each host whether it fetches (a fetcher in contagion): by its kind, or as declared", async () => {
    const text = sketch
      .replace(
        "av:        { kind: virus-scan, zone: asp-common,",
        "av:        { kind: virus-scan, zone: asp-common, fetches: true,",
      )
      .replace("citizen:   { kind: client, zone: internet,", "citizen:   { kind: client, zone: internet, fetches: false,");
    const checked = await checkForExplorer([design(text)], { lang: "ja", today: "2026-11-23" });
    const zones = checked.views[0]?.zones ?? [];
    const line = (id: string, lang: "ja" | "en") => {
      const zone = zones.find((z) => z.nodes.some((n) => n.id === id));
      if (!zone) throw new Error(id);
      return zoneBlock(zone, lang, 200, false)
        .map((l) => l.text)
        .find((l) => l.includes(`(${id})`));
    };
    expect(line("av", "ja")).toContain("取得する (fetches: true)");
    expect(line("citizen", "ja")).toContain("取得しない (fetches: false)");
    expect(line("staff-pc", "ja")).toContain("取得する (種別の既定)");
    expect(line("staff-pc", "en")).toContain("fetches content (by its kind)");
    expect(line("db", "en")).not.toContain("fetch");
    expect(line("fw-back", "en")).not.toContain("fetch");
  });

  it("answers a reach query: source, target, then the path or what stops it", async () => {
    const checked = await checkForExplorer([design(sketch)], { lang: "en", today: "2026-11-23" });
    const { lastFrame, stdin, unmount } = show(<App initial={checked} lang="en" />);
    await tick();
    await press(stdin, "r", "/", "c", "i", "t", "\r", "\r", "/", "d", "b", " ");
    expect(lastFrame()).toContain("choose the target host");
    await press(stdin, "\u007f");
    const picking = lastFrame() ?? "";
    expect(picking).toContain("予約・申請データベース (db)");
    await press(stdin, "\r", "\r");
    const frame = lastFrame() ?? "";
    expect(frame).toContain("市民のスマートフォン (citizen) does not reach 予約・申請データベース (db)");
    expect(frame).toMatch(/fw-back/);
    unmount();
  });

  it("picks a file first when given several", async () => {
    const checked = await checkForExplorer([design(sketch), design(broken)], { lang: "en", today: "2026-11-23" });
    const { lastFrame, stdin, unmount } = show(<App initial={checked} lang="en" />);
    await tick();
    expect(lastFrame()).toContain("Choose a design:");
    await press(stdin, "j\r"); // typed fast: one chunk, taken key by key
    expect(lastFrame()).toContain("FAIL");
    unmount();
  });

  it("hands the rest of a fast chunk to the screen a key opened (z then j: the second zone)", async () => {
    const checked = await checkForExplorer([design(sketch)], { lang: "en", today: "2026-11-23" });
    const { lastFrame, stdin, unmount } = show(<App initial={checked} lang="en" />);
    await tick();
    await press(stdin, "zj");
    const zones = checked.views[0]?.zones.map((z) => z.id) ?? [];
    expect(lastFrame()).toContain("Zones (7)");
    expect(lastFrame()).toMatch(new RegExp(`› .*\\(${zones[1]}\\)`));
    await press(stdin, "\u001b?");
    expect(lastFrame()).toContain("Keys");
    unmount();
  });

  it("with --watch, keeps the open finding across a re-check and closes its page when the finding is gone", async () => {
    const path = design(broken);
    const checked = await checkForExplorer([path], { lang: "en", today: "2026-11-23" });
    let reload: ((c: typeof checked) => void) | undefined;
    const subscribe = (r: (c: typeof checked) => void) => {
      reload = r;
      return () => undefined;
    };
    const { lastFrame, stdin, unmount } = show(<App initial={checked} lang="en" subscribe={subscribe} />);
    await tick();
    await press(stdin, "\r");
    const opened = lastFrame() ?? "";
    expect(opened).toContain("Path, hop by hop");
    const rule = /(ASP-\d\d)/.exec(opened)?.[1];
    // the same design re-checked: the page stays on the same finding
    reload?.(await checkForExplorer([path], { lang: "en", today: "2026-11-23" }));
    await tick();
    expect(lastFrame()).toContain("Path, hop by hop");
    expect(lastFrame()).toContain(rule);
    // fixed: the finding is gone, the list comes back and says so
    writeFileSync(path, sketch);
    reload?.(await checkForExplorer([path], { lang: "en", today: "2026-11-23" }));
    await tick();
    expect(lastFrame()).not.toContain("Path, hop by hop");
    expect(lastFrame()).toContain("PASS");
    expect(lastFrame()).toContain("Enter open");
    unmount();
  });

  it("shows why and how to fix for a rule of the user's policy file, and keeps hostile titles on one line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bunri-tui-policy-"));
    const policy = join(dir, "city.yaml");
    writeFileSync(
      policy,
      `bunri-policy: 1
rules:
  CITY-01:
    severity: medium
    title: { ja: 管理画面を LGWAN 側に置かない, en: No admin web server on the LGWAN side }
    why: { ja: 職員端末から操作できます。, en: Every staff PC can reach it. }
    fix: { ja: 管理用セグメントへ移してください。, en: Move it to a management segment. }
    messages:
      default: { ja: "{node} は LGWAN 側にあります", en: "{node} is on the LGWAN side" }
    check: { type: node, select: { host-kind: [web-server], tier: [lgwan-side] } }
`,
    );
    const hostile = sketch.replace(
      "title: 高槻市 個人番号カード予約・管理システム (LGWAN-ASP)",
      'title: "高槻市\\nFORGED LINE\\u001b[31m"',
    );
    const checked = await checkForExplorer([design(hostile)], { lang: "en", today: "2026-11-23", policies: ["default", policy] });
    const { lastFrame, stdin, unmount } = show(<App initial={checked} lang="en" />);
    await tick();
    const first = (lastFrame() ?? "").split("\n");
    expect(first[0]).toBe("bunri  高槻市 FORGED LINE");
    await press(stdin, "/", "C", "I", "T", "Y", "\r", "\r");
    const frame = lastFrame() ?? "";
    expect(frame).toContain("No admin web server on the LGWAN side");
    await press(stdin, "G");
    expect(lastFrame()).toContain("Every staff PC can reach it.");
    expect(lastFrame()).toContain("Move it to a management segment.");
    unmount();
  });
});
