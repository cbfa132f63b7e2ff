/** The HTML report: self-contained, escaped, deterministic, Japanese first, with the diagram of the design. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CheckedDesign, type CheckResult, check } from "../../src/check.js";
import { diagramsOf } from "../../src/graph/index.js";
import { reportHtml } from "../../src/report/html.js";

const ROOT = join(import.meta.dirname, "../..");

async function render(paths: string[], lang: "ja" | "en"): Promise<string> {
  const checked: CheckedDesign[] = [];
  const result = await check(paths, { lang, today: "2026-11-23", cwd: ROOT, onChecked: (c) => checked.push(c) });
  return reportHtml(result, { lang, color: false, failOn: "high", diagrams: await diagramsOf(checked) });
}

describe("the HTML report", () => {
  it("says the verdict in plain Japanese first, then each finding with why, fix and references", async () => {
    const html = await render(["test/fixtures/broken/reference-lgwan-asp--web-keeps-data.yaml"], "ja");
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("検査した 1 件の設計のうち 1 件に、対応が必要な問題があります。");
    expect(html).toContain("この設計には、重大な問題が 1 件、重要度の高い問題が 3 件あります。");
    expect(html.indexOf("ネットワーク構成図")).toBeLessThan(html.indexOf("指摘事項"));
    for (const part of ["なぜ問題か", "対応方法", "根拠規定", "ルール fw-inet#reserve「住民→予約サイト」で通過"])
      expect(html).toContain(part);
  });

  it("is self-contained: no script, nothing loaded from anywhere", async () => {
    const html = await render(["topologies/reference-alpha.yaml", "topologies/odawara-facility-reservation.yaml"], "en");
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)=/i);
    expect(html.match(/https?:\/\/[^"\s]*/g) ?? []).toEqual(["http://www.w3.org/2000/svg", "http://www.w3.org/2000/svg"]);
    expect(html).toContain("<svg");
  });

  it("escapes every value from the input", () => {
    const evil = `<script>alert(1)</script>"><img src=x onerror=alert(1)>`;
    const result: CheckResult = {
      tool: { name: "bunri", version: "0" },
      files: [
        {
          file: `${evil}.yaml`,
          topology: "x",
          title: evil,
          errors: [],
          findings: [
            {
              rule: "ASP-02",
              severity: "critical",
              message: evil,
              subjects: ["db"],
              evidence: {
                chain: {
                  source: "a",
                  target: "db",
                  service: "tcp/443",
                  devices: 1,
                  path: [
                    { type: "host", id: "a" },
                    { type: "device", id: "fw", kind: "firewall", rule: "fw#1", ruleTitle: evil },
                    { type: "host", id: "db" },
                  ],
                },
              },
              fingerprint: "0".repeat(32),
              waived: true,
              waiver: { reason: evil, approvedBy: evil, expires: "2027-01-01", location: { file: "x", line: 1, column: 1 } },
              baselined: false,
              location: { file: evil, line: 1, column: 1 },
            },
          ],
        },
      ],
      summary: { files: 1, critical: 0, high: 0, medium: 0, low: 0, info: 0, waived: 1, baselined: 0, errors: 0 },
    };
    const html = reportHtml(result, { lang: "en", color: false, failOn: "high" });
    expect(html).not.toMatch(/<script|<img|onerror=alert\(1\)>/);
    expect(html).toContain("&#60;script&#62;");
  });

  it("is deterministic", async () => {
    const a = await render(["topologies/takatsuki-card-reservation.yaml"], "ja");
    const b = await render(["topologies/takatsuki-card-reservation.yaml"], "ja");
    expect(a === b).toBe(true);
  });
});
