/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): it renders, logs
 * no error, asks the network for nothing (every request is routed; any that is not file: or data:
 * fails the test), runs nothing from its input, and prints to A4. The printout is read back with
 * PDF.js: how many pages, the header on every page (design, file, SHA-256, the date waivers were
 * judged by), and the smallest printed text (8 pt at least, the diagram's labels included).
 * The screenshots and PDFs are kept in test/artifacts/html (git ignores it) for a person to look
 * at. The README's screenshots docs/images/report-{ja,en}.png come from here:
 * `BUNRI_SCREENSHOTS=1 npx vitest run test/report/html-browser.test.ts` rewrites them.
 * Skipped where /usr/bin/chromium is not installed (.ci/run installs it when it can).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckedDesign, type CheckResult, check, checkText } from "../../src/check.js";
import { htmlReportInputs } from "../../src/graph/index.js";
import type { Lang } from "../../src/model/types.js";
import { reportHtml } from "../../src/report/html.js";
import { manyZones } from "../helpers/many-zones.js";

const ROOT = join(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const DESIGN = "test/fixtures/broken/takatsuki-card-reservation--web-inet-cache.yaml";
const TODAY = "2026-11-23";
const OUT = join(ROOT, "test/artifacts/html");
mkdirSync(OUT, { recursive: true });
const SHOTS = process.env.BUNRI_SCREENSHOTS ? join(ROOT, "docs/images") : OUT;

async function reportFile(name: string, result: CheckResult, checked: CheckedDesign[], lang: Lang): Promise<string> {
  const html = reportHtml(result, {
    lang,
    color: false,
    failOn: "high",
    today: TODAY,
    ...(await htmlReportInputs(checked, lang)),
  });
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, html);
  return file;
}

async function designReport(lang: Lang, design = DESIGN, name = `report-${lang}`): Promise<string> {
  const checked: CheckedDesign[] = [];
  const result = await check([design], { lang, today: TODAY, cwd: ROOT, onChecked: (c) => checked.push(c) });
  return reportFile(name, result, checked, lang);
}

/** A generated design written to test/artifacts/html, to be checked as a file (so that it has a SHA-256). */
function designFile(name: string, text: string): string {
  const file = join(OUT, name);
  writeFileSync(file, text);
  return file;
}

interface Printed {
  pages: number;
  /** the text of each page */
  texts: string[];
  /** the smallest text on any page, in points, and what it says */
  smallest: { size: number; text: string };
}

/** Prints the open page to A4 (kept as NAME.pdf) and reads it back with PDF.js. */
async function print(page: Page, name: string): Promise<Printed> {
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const texts: string[] = [];
  const smallest = { size: Number.POSITIVE_INFINITY, text: "" };
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    const items = content.items.filter((it): it is typeof it & { str: string; transform: number[] } => "str" in it);
    // NFKC: a CJK font's glyphs may map back to compatibility characters (⾼ for 高)
    texts.push(
      items
        .map((it) => it.str)
        .join("")
        .normalize("NFKC"),
    );
    for (const it of items) {
      if (it.str.trim() === "") continue;
      // the font size as printed: the scale of the text matrix, in points (1/72 in)
      const size = Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0);
      if (size < smallest.size) Object.assign(smallest, { size, text: it.str });
    }
  }
  await doc.destroy();
  return { pages: doc.numPages, texts, smallest };
}

/** A screenshot of the page as printed (print media, the width of A4 between the margins), kept as NAME-print.png. */
async function printShot(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 695, height: 1000 });
  await page.screenshot({ path: join(OUT, `${name}-print.png`), fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1000, height: 1400 });
}

function sha256(file: string): string {
  return createHash("sha256")
    .update(readFileSync(join(ROOT, file)))
    .digest("hex");
}

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(1)><svg onload=alert(1)>\u0007\u202e`;

async function hostileReport(): Promise<string> {
  const yaml = `bunri: 1
name: hostile
title: ${JSON.stringify(HOSTILE)}
organization: ${JSON.stringify(HOSTILE)}
zones:
  internet: { kind: internet, title: ${JSON.stringify(HOSTILE)} }
  dmz: { kind: dmz, title: ${JSON.stringify(HOSTILE)} }
nodes:
  citizen: { kind: client, zone: internet, title: ${JSON.stringify(HOSTILE)} }
  fw:
    kind: firewall
    zones: [internet, dmz]
    title: ${JSON.stringify(`</text></svg>${HOSTILE}`)}
    rules:
      - { allow: { from: internet, to: web, service: https }, title: ${JSON.stringify(HOSTILE)} }
  web: { kind: web-server, zone: dmz, holds: [people], title: ${JSON.stringify(HOSTILE)} }
data:
  people: { classification: personal, title: ${JSON.stringify(HOSTILE)} }
`;
  const c = checkText(yaml, `${HOSTILE}.yaml`, { lang: "ja", today: "2026-11-23" });
  const result: CheckResult = {
    tool: { name: "bunri", version: "0" },
    files: [c.result],
    summary: { files: 1, critical: 0, high: 0, medium: 0, low: 0, info: 0, waived: 0, baselined: 0, errors: 0 },
  };
  return reportFile("hostile", result, [c], "ja");
}

/** A page that records console errors, page errors, dialogs and every request that is not file: or data:. */
async function watchedPage(browser: Browser) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 }, deviceScaleFactor: 1 });
  const problems: string[] = [];
  const network: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
    network.push(url);
    return route.abort();
  });
  return { page, problems, network };
}

async function open(page: Page, file: string): Promise<void> {
  await page.goto(`file://${file}`, { waitUntil: "load" });
}

describe.runIf(existsSync(CHROMIUM))("the HTML report in Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(["ja", "en"] as const)(
    "renders offline without errors, prints to A4 with a header on every page, and gives the README's screenshot (%s)",
    async (lang) => {
      const { page, problems, network } = await watchedPage(browser);
      await open(page, await designReport(lang));
      expect(await page.title()).toBe(lang === "ja" ? "ネットワーク分離の検査報告書" : "Network separation check report");
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      expect(await page.locator("article.finding").count()).toBe(4);
      // the list of findings, each a link to its card
      expect(await page.locator("nav.toc a").count()).toBe(4);
      const diagram = page.locator(".figure > .diagram svg").first();
      expect(await diagram.locator(".node.hot").count()).toBeGreaterThan(0);
      expect(await diagram.locator(".link.hot").count()).toBeGreaterThan(0);
      // the diagram fits the page: no horizontal scrolling
      expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
      const box = await diagram.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
      expect(await page.locator(".verdict.fail").first().isVisible()).toBe(true);
      // each finding's path drawn on its own, hop by hop
      expect(await page.locator("article.finding").first().locator("ol.path > li").count()).toBeGreaterThan(3);

      const printed = await print(page, `report-${lang}`);
      // nine findings once took 14 pages, the first holding only the verdict
      expect(printed.pages).toBeGreaterThanOrEqual(2);
      expect(printed.pages).toBeLessThanOrEqual(6);
      expect(printed.texts[0]).toContain(lang === "ja" ? "指摘事項の一覧" : "List of findings");
      const digest = sha256(DESIGN);
      for (const [i, text] of printed.texts.entries()) {
        const flat = text.replace(/\s+/g, "");
        expect(flat, `page ${i + 1}`).toContain(digest);
        expect(flat, `page ${i + 1}`).toContain(TODAY);
        expect(flat, `page ${i + 1}`).toContain(DESIGN);
      }
      expect(printed.smallest.size, printed.smallest.text).toBeGreaterThanOrEqual(7.95);
      await printShot(page, `report-${lang}`);

      // the top of the report down to the end of the first finding: verdict, counts, list, diagram, one finding
      const first = await page.locator("article.finding").first().boundingBox();
      const height = Math.ceil((first?.y ?? 1400) + (first?.height ?? 0) + 24);
      const shot = join(SHOTS, `report-${lang}.png`);
      await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1000, height } });
      expect(statSync(shot).size).toBeGreaterThan(50_000);

      expect(problems).toEqual([]);
      expect(network).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it("prints a 26-zone design legibly: labels at 8 pt or more, a zone overview on paper, the full diagram on screen", async () => {
    const { page, problems, network } = await watchedPage(browser);
    const file = designFile("zones-26.yaml", manyZones(26, { open: 5 }));
    await open(page, await designReport("ja", file, "zones-26"));
    expect(await page.locator(".figure > .diagram.screen-only svg .node").count()).toBeGreaterThan(50);
    await page.screenshot({ path: join(OUT, "zones-26.png"), fullPage: true });
    const printed = await print(page, "zones-26");
    expect(printed.smallest.size, printed.smallest.text).toBeGreaterThanOrEqual(7.95);
    // the overview's note is printed, with what it leaves out
    expect(printed.texts.join("").replace(/\s+/g, "")).toContain(
      "全体図(ゾーン26個、機器76台)は印刷すると文字が読めない大きさになります。",
    );
    // long zone names are wrapped, never cut
    expect(printed.texts.join("")).not.toContain("…");
    await printShot(page, "zones-26");
    expect(problems).toEqual([]);
    expect(network).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows a 200-zone design: the zones on the offending paths, a note of the rest, printable", async () => {
    const { page, problems, network } = await watchedPage(browser);
    const file = designFile("zones-200.yaml", manyZones(200, { open: 3 }));
    await open(page, await designReport("ja", file, "zones-200"));
    expect(await page.locator(".diagram-note").first().innerText()).toContain("この設計にはゾーンが 200 個、機器が 598 台あり");
    // the zones on the offending paths: the internet, the DMZ, the three open departments
    expect(await page.locator(".figure .diagram svg .zone").count()).toBe(5);
    await page.screenshot({ path: join(OUT, "zones-200.png"), clip: { x: 0, y: 0, width: 1000, height: 2400 }, fullPage: true });
    const printed = await print(page, "zones-200");
    expect(printed.smallest.size, printed.smallest.text).toBeGreaterThanOrEqual(7.95);
    expect(printed.texts.every((t) => t.includes("many-zones") || t.includes("ゾーンの多い設計"))).toBe(true);
    expect(problems).toEqual([]);
    expect(network).toEqual([]);
    await page.close();
  }, 300_000);

  it("runs nothing and loads nothing from a hostile design", async () => {
    const { page, problems, network } = await watchedPage(browser);
    await open(page, await hostileReport());
    // (a string, evaluated in the page: the tests are compiled without the DOM's types)
    const found = (await page.evaluate(`({
      scripts: document.querySelectorAll("script").length,
      images: document.querySelectorAll("img, image, iframe, object, embed").length,
      handlers: [...document.querySelectorAll("*")].filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name))).length,
      svgs: document.querySelectorAll("svg").length,
      text: document.body.innerText,
    })`)) as { scripts: number; images: number; handlers: number; svgs: number; text: string };
    expect(found.scripts).toBe(0);
    expect(found.images).toBe(0);
    expect(found.handlers).toBe(0);
    expect(found.svgs).toBe(1);
    expect(found.text).toContain("<script>alert(1)</script>");
    expect(problems).toEqual([]);
    expect(network).toEqual([]);
    await page.close();
  }, 60_000);
});
