/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): it renders, logs no
 * error, asks the network for nothing, prints to A4 PDF; the screenshots in docs/images come from here
 * (with BUNRI_SCREENSHOTS=1).
 * Skipped where /usr/bin/chromium is not installed (.ci/run installs it when it can).
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CheckedDesign, check } from "../../src/check.js";
import { diagramsOf } from "../../src/graph/index.js";
import { reportHtml } from "../../src/report/html.js";

const ROOT = join(import.meta.dirname, "../..");
const CHROMIUM = "/usr/bin/chromium";

async function reportFile(lang: "ja" | "en"): Promise<string> {
  const checked: CheckedDesign[] = [];
  const result = await check(["test/fixtures/broken/reference-lgwan-asp--web-keeps-data.yaml"], {
    lang,
    today: "2026-11-23",
    cwd: ROOT,
    onChecked: (c) => checked.push(c),
  });
  const html = reportHtml(result, { lang, color: false, failOn: "high", diagrams: await diagramsOf(checked) });
  const file = join(mkdtempSync(join(tmpdir(), "bunri-html-")), `report-${lang}.html`);
  writeFileSync(file, html);
  return file;
}

describe.runIf(existsSync(CHROMIUM))("the HTML report in Chromium", () => {
  it.each(["ja", "en"] as const)("renders offline without errors and prints (%s)", async (lang) => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") problems.push(m.text());
      });
      page.on("pageerror", (e) => problems.push(e.message));
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (!url.startsWith("file:") && !url.startsWith("data:")) {
          requests.push(url);
          return route.abort();
        }
        return route.continue();
      });
      const file = await reportFile(lang);
      await page.goto(`file://${file}`);
      expect(await page.title()).toBe(lang === "ja" ? "ネットワーク分離の検査報告書" : "Network separation check report");
      expect(await page.locator("article.finding").count()).toBe(4);
      expect(await page.locator(".diagram svg .hot").count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(20_000);
      // BUNRI_SCREENSHOTS=1 npx vitest run test/report/html-browser.test.ts refreshes the README's pictures
      if (process.env.BUNRI_SCREENSHOTS) await page.screenshot({ path: join(ROOT, "docs/images", `report-${lang}.png`) });
      else expect((await page.screenshot()).length).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  });
});
