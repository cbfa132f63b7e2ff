/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): it renders, logs
 * no error, asks the network for nothing (every request is routed; any that is not file: or data:
 * fails the test), runs nothing from its input, and prints to a non-trivial A4 PDF. The README's
 * screenshots docs/images/report-{ja,en}.png come from here: `BUNRI_SCREENSHOTS=1 npx vitest run
 * test/report/html-browser.test.ts` rewrites them (otherwise they go to a temporary directory, so
 * that a test run does not change tracked files).
 * Skipped where /usr/bin/chromium is not installed (.ci/run installs it when it can).
 */
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CheckedDesign, type CheckResult, check, checkText } from "../../src/check.js";
import { htmlReportInputs } from "../../src/graph/index.js";
import type { Lang } from "../../src/model/types.js";
import { reportHtml } from "../../src/report/html.js";

const ROOT = join(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";
const DESIGN = "test/fixtures/broken/takatsuki-card-reservation--web-inet-cache.yaml";
const OUT = mkdtempSync(join(tmpdir(), "bunri-html-"));
const SHOTS = process.env.BUNRI_SCREENSHOTS ? join(ROOT, "docs/images") : OUT;

async function reportFile(name: string, result: CheckResult, checked: CheckedDesign[], lang: Lang): Promise<string> {
  const html = reportHtml(result, { lang, color: false, failOn: "high", ...(await htmlReportInputs(checked, lang)) });
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, html);
  return file;
}

async function designReport(lang: Lang): Promise<string> {
  const checked: CheckedDesign[] = [];
  const result = await check([DESIGN], { lang, today: "2026-11-23", cwd: ROOT, onChecked: (c) => checked.push(c) });
  return reportFile(`report-${lang}`, result, checked, lang);
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
    "renders offline without errors, prints to A4 and gives the README's screenshot (%s)",
    async (lang) => {
      const { page, problems, network } = await watchedPage(browser);
      await open(page, await designReport(lang));
      expect(await page.title()).toBe(lang === "ja" ? "ネットワーク分離の検査報告書" : "Network separation check report");
      expect(await page.locator("html").getAttribute("lang")).toBe(lang);
      expect(await page.locator("article.finding").count()).toBe(4);
      expect(await page.locator(".diagram svg .node.hot").count()).toBeGreaterThan(0);
      expect(await page.locator(".diagram svg .link.hot").count()).toBeGreaterThan(0);
      // the diagram fits the page: no horizontal scrolling
      expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
      const svg = await page.locator(".diagram svg").boundingBox();
      expect(svg?.width ?? 0).toBeGreaterThan(300);
      expect(await page.locator(".verdict.fail").first().isVisible()).toBe(true);

      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(50_000);
      expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);

      // the top of the report down to the end of the first finding: verdict, counts, diagram, one finding
      const first = await page.locator("article.finding").first().boundingBox();
      const height = Math.ceil((first?.y ?? 1400) + (first?.height ?? 0) + 24);
      const shot = join(SHOTS, `report-${lang}.png`);
      await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1000, height } });
      expect(statSync(shot).size).toBeGreaterThan(50_000);

      expect(problems).toEqual([]);
      expect(network).toEqual([]);
      await page.close();
    },
    60_000,
  );

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
