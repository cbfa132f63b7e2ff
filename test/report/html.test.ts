/** The HTML report: Japanese first, summary in words, evidence by name, self-contained, escaped, deterministic. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PathElement } from "../../src/analyze/reach.js";
import { type CheckedDesign, type CheckResult, check, checkText } from "../../src/check.js";
import { htmlReportInputs } from "../../src/graph/index.js";
import type { Lang } from "../../src/model/types.js";
import { h, reportHtml } from "../../src/report/html.js";
import { loadReporter } from "../../src/report/index.js";
import type { Finding } from "../../src/rules/types.js";
import { bunri } from "../helpers/cli.js";
import { manyZones } from "../helpers/many-zones.js";

const ROOT = join(import.meta.dirname, "../..");
const TODAY = "2026-11-23";
const KEEPS_DATA = "test/fixtures/broken/reference-lgwan-asp--web-keeps-data.yaml";

/** The report as `bunri check --format html` writes it: with the designs and their diagrams. */
async function render(paths: string[], lang: Lang, designs = true): Promise<string> {
  const checked: CheckedDesign[] = [];
  const result = await check(paths, { lang, today: TODAY, cwd: ROOT, onChecked: (c) => checked.push(c) });
  const inputs = designs ? await htmlReportInputs(checked, lang) : {};
  return reportHtml(result, { lang, color: false, failOn: "high", ...inputs });
}

/** The text of the page without its markup (entities decoded), roughly as a reader sees it. */
function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
}

const EVIL = {
  script: "<script>alert(1)</script>",
  img: '"><img src=x onerror=alert(1)>',
  controls: "\u0007\u001b[31m\u202e\u0000\ud800",
};
const HOSTILE = `${EVIL.script}${EVIL.img}${EVIL.controls}`;

/** A design whose free texts are hostile (JSON strings are YAML double-quoted scalars). */
const HOSTILE_YAML = `bunri: 1
name: hostile
title: ${JSON.stringify(HOSTILE)}
organization: ${JSON.stringify(HOSTILE)}
description: ${JSON.stringify(HOSTILE)}
zones:
  internet: { kind: internet, title: ${JSON.stringify(EVIL.script)} }
  dmz: { kind: dmz, title: ${JSON.stringify(EVIL.img)} }
nodes:
  citizen: { kind: client, zone: internet, title: ${JSON.stringify(HOSTILE)} }
  fw:
    kind: firewall
    zones: [internet, dmz]
    title: ${JSON.stringify(`</text>${EVIL.script}`)}
    rules:
      - { allow: { from: internet, to: web, service: https }, title: ${JSON.stringify(HOSTILE)} }
  web: { kind: web-server, zone: dmz, holds: [people], title: ${JSON.stringify(`<b>web</b>${EVIL.img}`)} }
data:
  people: { classification: personal, title: ${JSON.stringify(EVIL.script)} }
`;

/** A result with hostile text wherever a value from the input reaches the report, waived, baselined and erroneous parts included. */
function hostileResult(): CheckResult {
  const file = `dir/${HOSTILE}.yaml`;
  const path: PathElement[] = [
    { type: "host", id: `h${HOSTILE}` },
    { type: "zone", id: `z${HOSTILE}` },
    { type: "device", id: `fw${HOSTILE}`, kind: "firewall", rule: `fw#${HOSTILE}`, ruleTitle: HOSTILE },
    { type: "zone", id: "dmz" },
    { type: "host", id: "db" },
  ];
  const finding = (over: Partial<Finding>): Finding => ({
    rule: "ASP-02",
    severity: "critical",
    message: HOSTILE,
    subjects: ["db"],
    evidence: {
      chain: { source: "a", target: "db", service: `tcp/443${HOSTILE}`, devices: 1, path },
      contagion: { source: "a", distance: 1, steps: [{ mode: "fetch", from: HOSTILE, to: HOSTILE, service: HOSTILE, path }] },
      flow: { id: HOSTILE, sender: HOSTILE, receiver: HOSTILE, service: HOSTILE },
      blocked: {
        reason: "blocked",
        service: HOSTILE,
        accepts: HOSTILE,
        blockers: [{ type: "firewall", id: HOSTILE, rules: [HOSTILE], ruleTitles: [HOSTILE], defaultDeny: true }],
      },
      zones: [HOSTILE],
      overlaps: [HOSTILE],
      value: HOSTILE,
    },
    fingerprint: "0".repeat(32),
    waived: false,
    baselined: false,
    location: { file, line: 3, column: 5 },
    ...over,
  });
  return {
    tool: { name: "bunri", version: "0.0.0" },
    files: [
      {
        file,
        topology: HOSTILE,
        title: HOSTILE,
        model: HOSTILE,
        errors: [],
        findings: [
          finding({}),
          finding({ rule: `X-${HOSTILE}`, severity: "high", fingerprint: "1".repeat(32) }),
          finding({
            severity: "low",
            fingerprint: "2".repeat(32),
            waived: true,
            waiver: { reason: HOSTILE, approvedBy: HOSTILE, expires: HOSTILE, location: { file, line: 9, column: 3 } },
          }),
          finding({ severity: "medium", fingerprint: "3".repeat(32), baselined: true }),
        ],
      },
      { file, errors: [{ file, line: 7, column: 2, code: "e", message: HOSTILE, hint: HOSTILE }], findings: [] },
    ],
    summary: { files: 2, critical: 1, high: 1, medium: 0, low: 0, info: 0, waived: 1, baselined: 1, errors: 1 },
  };
}

/** What no report may carry from its input: markup that runs, attributes, controls. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script|<img|<b>web|<iframe|<object|<embed|javascript:/i);
  expect(html).not.toMatch(/onerror\s*=/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
  expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202e]|[\ud800-\udbff](?![\udc00-\udfff])/);
}

describe("the HTML report", () => {
  it("speaks Japanese by default: the verdict in plain words first, then each finding with its evidence, why, fix and references", async () => {
    const html = await render([KEEPS_DATA], "ja");
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("<title>ネットワーク分離の検査報告書</title>");
    expect(html).toContain("検査した設計に、対応が必要な問題があります。");
    expect(html).toContain("この設計には重大な問題が 1 件、重要度の高い問題が 3 件あります。運用の前に対応が必要です。");
    const order = [
      "全体の結果",
      "この設計には重大な問題",
      "<h3>指摘事項の一覧</h3>",
      '<a href="#finding-1-1">',
      "ネットワーク構成図",
      "<svg",
      "<h3>指摘事項</h3>",
      '<article class="finding sev-critical" id="finding-1-1">',
    ].map((s) => html.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html.match(/<article class="finding /g)).toHaveLength(4);
    for (const part of [
      "なぜ問題か",
      "対応方法",
      "根拠規定",
      "J-LIS 総合行政ネットワークASPガイドライン",
      "設計ファイル上の位置",
    ])
      expect(html).toContain(part);
    // the evidence hop by hop, by name, with the firewall rule that let it through
    const page = text(html);
    expect(page).toContain("通信: tcp/443");
    expect(page).toContain("インターネット側セグメント asp-dmz");
    expect(page).toContain("インターネット側ファイアウォール fw-inet ルール fw-inet#reserve「住民→予約サイト」で通過");
    expect(page).toContain("ゾーン: インターネット側セグメント (asp-dmz)");
  });

  it("says PASS in words, and shows the organisation and the model", async () => {
    const html = await render(["topologies/reference-lgwan-asp.yaml"], "ja");
    expect(html).toContain("この設計は合格です。検査した規則に反する点は見つかりませんでした。");
    expect(html).toContain('<p class="verdict pass"><span class="mark">合格</span>');
    expect(html).toContain("指摘事項はありません。");
    const takatsuki = text(await render(["topologies/takatsuki-card-reservation.yaml"], "ja"));
    expect(takatsuki).toContain("団体高槻市 (市民生活環境部 市民課)");
    expect(takatsuki).toContain("ネットワークモデルαモデル alpha");
  });

  it("speaks English when asked", async () => {
    const html = await render([KEEPS_DATA], "en");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("This design has 1 critical problem(s) and 3 high-severity problem(s).");
    for (const part of ["Overall result", "Why it matters", "How to fix it", "References", "Network diagram"])
      expect(html).toContain(part);
    expect(html).not.toMatch(/全体の結果|なぜ問題か|対応方法|根拠規定|ネットワーク構成図/);
  });

  it("lists several designs with links to each, waived findings with reason and expiry, known findings, input errors", async () => {
    const checked: CheckedDesign[] = [];
    const result = await check(
      [
        "test/fixtures/golden/sketch-waived.yaml",
        "test/fixtures/golden/sketch-error.yaml",
        "topologies/odawara-facility-reservation.yaml",
      ],
      { lang: "ja", today: TODAY, cwd: ROOT, onChecked: (c) => checked.push(c) },
    );
    const odawara = result.files[2];
    const first = odawara?.findings[0];
    if (first) first.baselined = true;
    const html = reportHtml(result, { lang: "ja", color: false, failOn: "high", ...(await htmlReportInputs(checked, "ja")) });
    expect(html).toContain("検査した 3 件の設計のうち");
    for (const i of [1, 2, 3]) {
      expect(html).toContain(`<a href="#design-${i}">`);
      expect(html).toContain(`<section class="design" id="design-${i}">`);
    }
    const page = text(html);
    expect(page).toContain("例外として承認済みの事項");
    expect(page).toContain("旧保守回線は 2027 年 3 月の機器更新で撤去");
    expect(page).toContain("2027-03-31");
    expect(page).toContain("既知の事項 (ベースライン)");
    expect(page).toContain("検査不能");
    expect(page).toMatch(/test\/fixtures\/golden\/sketch-error\.yaml:\d+:\d+ ノード "av" のゾーン "asp-commons" はありません/);
    expect(html.match(/<div class="figure">/g)).toHaveLength(2);
  });

  it("is self-contained: no script, no URL, nothing to fetch", async () => {
    const html = await render(["topologies/reference-alpha.yaml", "topologies/takatsuki-card-reservation.yaml"], "en");
    expect(html).toContain("<svg ");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|<video|<audio|<source|@import|url\(/i);
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).not.toMatch(/\ssrc\s*=/i);
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="#(design-\d+|finding-\d+-\d+)"$/);
    // every link leads somewhere in the page
    for (const m of html.matchAll(/href="#([^"]*)"/g)) expect(html).toContain(`id="${m[1]}"`);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it("prints on A4: page size, colours kept, cards may break (their heading stays whole), no dark background", async () => {
    const html = await render([KEEPS_DATA], "ja");
    expect(html).toContain("@page{size:A4");
    expect(html).toContain("print-color-adjust:exact");
    expect(html).not.toMatch(/\.finding\{[^}]*break-inside:avoid/);
    expect(html).toMatch(/\.finding-head\{[^}]*break-inside:avoid/);
    for (const m of html.matchAll(/background:\s*(#[0-9a-f]{3,6})/gi)) {
      const hex = (m[1] ?? "").slice(1);
      const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
      const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16));
      expect(0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0), m[0]).toBeGreaterThan(200);
    }
  });

  it("escapes every value from the input: result, design and diagram", async () => {
    const result = hostileResult();
    for (const lang of ["ja", "en"] as const) {
      const html = reportHtml(result, { lang, color: false, failOn: "high" });
      expectInert(html);
      expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#62;&#60;img src&#61;x onerror&#61;alert(1)&#62;");
      const page = text(html);
      expect(page).toContain(`${EVIL.script}${EVIL.img}`); // shown, as text
    }
    const c = checkText(HOSTILE_YAML, "hostile.yaml", { lang: "ja", today: TODAY });
    expect(c.result.errors).toEqual([]);
    expect(c.result.findings.length).toBeGreaterThan(0);
    const inputs = await htmlReportInputs([c], "ja");
    const html = reportHtml(
      { tool: { name: "bunri", version: "0" }, files: [c.result], summary: { ...hostileResult().summary, errors: 0 } },
      { lang: "ja", color: false, failOn: "high", ...inputs },
    );
    expectInert(html);
    expect(html).toContain("<svg ");
    expect(html).toContain("&#60;/text&#62;&#60;script&#62;");
    expect(text(html)).toContain(`団体${EVIL.script}${EVIL.img}`);
    expect(h(`'"<>&=`)).toBe("&#39;&#34;&#60;&#62;&#38;&#61;");
  });

  it("is deterministic: the same input gives the same bytes", async () => {
    const a = await render(["topologies/takatsuki-card-reservation.yaml", KEEPS_DATA], "ja");
    const b = await render(["topologies/takatsuki-card-reservation.yaml", KEEPS_DATA], "ja");
    expect(a === b).toBe(true);
    const reporter = await loadReporter("html");
    expect(reporter(hostileResult(), { lang: "ja", color: false, failOn: "high" })).toBe(
      reporter(hostileResult(), { lang: "ja", color: false, failOn: "high" }),
    );
  });

  it("without the designs: ids and no diagram", async () => {
    const html = await render([KEEPS_DATA], "ja", false);
    expect(html).not.toContain("<svg");
    expect(html).not.toContain("ネットワーク構成図");
    expect(text(html)).toContain("asp-dmz");
    expect(html.match(/<article class="finding /g)).toHaveLength(4);
  });
});

describe("the HTML report's verdict, never a pass while critical or high findings stand", () => {
  it("without a threshold (--fail-on none): the counts, and plainly no pass or fail", async () => {
    const checked: CheckedDesign[] = [];
    const result = await check([KEEPS_DATA], { lang: "ja", today: TODAY, cwd: ROOT, onChecked: (c) => checked.push(c) });
    const html = reportHtml(result, { lang: "ja", color: false, failOn: "none", ...(await htmlReportInputs(checked, "ja")) });
    const page = text(html);
    expect(page).not.toContain("合格");
    expect(html).not.toContain('class="verdict pass');
    expect(page).toContain("判定なし 合否の判定基準は適用していませんが、検査した設計には重大または重要度の高い問題があります。");
    expect(page).toContain("この設計には重大な問題が 1 件、重要度の高い問題が 3 件あります。");
    expect(page).toContain("合否の判定基準は適用していません (--fail-on none)。");
    const clean = await render(["topologies/reference-lgwan-asp.yaml"], "en");
    expect(clean).toContain("This design passes");
    const none = reportHtml(await check(["topologies/reference-lgwan-asp.yaml"], { lang: "en", today: TODAY, cwd: ROOT }), {
      lang: "en",
      color: false,
      failOn: "none",
    });
    expect(text(none)).toContain(
      "NO THRESHOLD No pass/fail threshold was applied; the counts below are for reading, not a verdict.",
    );
    expect(text(none)).not.toContain("PASS");
  });

  it("high findings below a --fail-on critical threshold: needs attention, not a pass", async () => {
    const result = await check(["topologies/takatsuki-card-reservation.yaml"], { lang: "ja", today: TODAY, cwd: ROOT });
    expect(result.summary.high).toBeGreaterThan(0);
    expect(result.summary.critical).toBe(0);
    const page = text(reportHtml(result, { lang: "ja", color: false, failOn: "critical" }));
    expect(page).not.toMatch(/(?<!不)合格/);
    expect(page).toContain("要確認 検査した設計に、判定基準には達しないものの重大または重要度の高い問題があります。");
    expect(page).toContain("重大度「重大」以上のみを不合格とする設定で検査しています。");
  });
});

describe("the HTML report's findings", () => {
  it("lists the other sources, folded when many", async () => {
    const page = text(await render([KEEPS_DATA], "ja"));
    expect(page).toContain("ほか 1 件の送信元にも同じ問題があります:インターネット上の任意の機器 internet/*");
    const html = await render(["test/fixtures/broken/reference-alpha--direct-proxy.yaml"], "en");
    // TT-07: four sources, the one drawn and three listed
    expect(text(html)).toMatch(/3 more source\(s\) share the problem:/);
    const many = checkText(manyZones(3, { publicHosts: 12 }), "many.yaml", { lang: "en", today: TODAY });
    const report = reportHtml(
      { tool: { name: "bunri", version: "0" }, files: [many.result], summary: { ...hostileResult().summary, errors: 0 } },
      { lang: "en", color: false, failOn: "high", ...(await htmlReportInputs([many], "en")) },
    );
    expect(report).toMatch(/<details class="more"><summary>\d+ more<\/summary><ul class="sources">/);
  });

  it("names what reaches as a person would: any service, not tcp/1", async () => {
    const many = checkText(manyZones(4), "many.yaml", { lang: "en", today: TODAY });
    const messages = many.result.findings.map((f) => f.message).join("\n");
    expect(messages).toContain("on any service");
    expect(messages).not.toMatch(/on tcp\/1\b/);
    const html = reportHtml(
      { tool: { name: "bunri", version: "0" }, files: [many.result], summary: { ...hostileResult().summary, errors: 0 } },
      { lang: "en", color: false, failOn: "high", ...(await htmlReportInputs([many], "en")) },
    );
    expect(text(html)).toContain("Traffic: any service (the path is drawn for tcp/1)");
    const ja = checkText(manyZones(4), "many.yaml", { lang: "ja", today: TODAY });
    expect(ja.result.findings.map((f) => f.message).join("\n")).toContain("(すべてのサービス)");
  });

  it("writes contagion paths as sentences and never repeats 「インターネット上の インターネット」", async () => {
    const result = await check(["test/fixtures/broken/reference-alpha--direct-proxy.yaml"], {
      lang: "ja",
      today: TODAY,
      cwd: ROOT,
    });
    const messages = result.files.flatMap((f) => f.findings.map((x) => x.message));
    const tt08 = messages.find((m) => m.includes("感染経路"));
    expect(tt08).toContain(
      "Web プロキシ (セキュリティクラウド) (sc-proxy) が インターネット上の任意の端末 (internet/*) から取得",
    );
    expect(tt08).not.toMatch(/=fetch=>|=reach=>/);
    for (const m of messages) expect(m).not.toMatch(/インターネット上の\s*インターネット|インターネット 上の/);
  });

  it("shows no 「設定値: -」 for a finding that found nothing to show, in any format", async () => {
    const design = "topologies/higashimurayama-gis.yaml";
    const ja = await render([design], "ja");
    expect(text(ja)).toContain("所在地 (location) が書かれていません");
    expect(text(ja)).not.toMatch(/設定値: -/);
    for (const lang of ["ja", "en"] as const) {
      const result = await check([design], { lang, today: TODAY, cwd: ROOT });
      for (const format of ["text", "junit", "csv", "sarif", "markdown", "html"] as const) {
        const out = (await loadReporter(format))(result, { lang, color: false, failOn: "high" });
        expect(out, format).not.toMatch(/found: -|設定値: -/);
      }
    }
  });
});

describe("the HTML report of a large design", () => {
  it("a design with 200 zones gets its report within seconds, with a zone overview and a note of what was left out", async () => {
    const started = Date.now();
    const c = checkText(manyZones(200), "many.yaml", { lang: "ja", today: TODAY });
    const inputs = await htmlReportInputs([c], "ja");
    const html = reportHtml(
      { tool: { name: "bunri", version: "0" }, files: [c.result], summary: { ...hostileResult().summary, errors: 0 } },
      { lang: "ja", color: false, failOn: "high", ...inputs },
    );
    const seconds = (Date.now() - started) / 1000;
    // about 3 s on a quiet machine (it overflowed elkjs's stack before); generous for a shared one
    expect(seconds).toBeLessThan(40);
    const note = text(html.match(/<p class="diagram-note">[\s\S]*?<\/p>/)?.[0] ?? "");
    expect(note).toContain("この設計にはゾーンが 200 個、機器が 598 台あり");
    expect(note).toContain("指摘の経路が通る 24 個のゾーン");
    expect(note).toMatch(/省略したゾーン: 部署 23 の業務セグメント .* ほか 168 個。/);
    // one SVG a printed page at most, 24 zones in all, no machine drawn
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(1);
    expect(svgs.join("").match(/<g class="zone/g)).toHaveLength(24);
    expect(svgs.join("")).not.toContain('<g class="node');
  });

  it("a design too wide to print legibly gets the full diagram on screen and a zone overview on paper", async () => {
    const c = checkText(manyZones(14), "many.yaml", { lang: "en", today: TODAY });
    const d = (await htmlReportInputs([c], "en")).diagrams.get("many.yaml");
    expect(d?.svg).toContain('<g class="node');
    expect(d?.print).toContain('<g class="zone');
    expect(d?.printNote).toContain("too large to print legibly");
  });
});

describe("bunri check --format html", () => {
  it("is Japanese on a runner whose locale is C unless --lang en; the other formats follow the locale", () => {
    const design = join(ROOT, KEEPS_DATA);
    const ja = bunri(["check", design, "--format", "html", "--today", TODAY]);
    expect(ja.out).toContain('<html lang="ja">');
    expect(ja.out).toContain("インターネットの送信元"); // the findings' messages too
    const en = bunri(["check", design, "--format", "html", "--lang", "en", "--today", TODAY]);
    expect(en.out).toContain('<html lang="en">');
    expect(en.out).not.toContain("インターネットの送信元");
    const text = bunri(["check", design, "--today", TODAY]);
    expect(text.out).toContain("is reachable from the internet");
  });
});
