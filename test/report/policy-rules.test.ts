/**
 * Rules of the user's policy files in the reports: the result carries their metadata (`rules` of a
 * file), so SARIF, HTML, JUnit and Markdown show their title, why, fix and references as they do
 * for built-in rules, also when `bunri format` re-renders a saved result. Spawned as a user runs it.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, bunri as run } from "../helpers/cli.js";

const sketch = readFileSync(join(ROOT, "test/fixtures/takatsuki-sketch.yaml"), "utf8");

/** CITY-01 (web-lgwan) with a declared pack and references; CITY-02 (db) in a file without a pack, raised to high by the first. */
const CITY = `bunri-policy: 1
pack: city-policy
overrides:
  CITY-02: { severity: high }
rules:
  CITY-01:
    severity: medium
    title: { ja: 管理画面を LGWAN 側に置かない, en: No admin web server on the LGWAN side }
    why: { ja: LGWAN 側の管理画面は職員端末から直接操作できてしまいます。, en: An admin server on the LGWAN side is open to every staff PC. }
    fix: { ja: 管理画面を管理用セグメントに移してください。, en: Move the admin server to a management segment. }
    references:
      - { ja: 高槻市情報セキュリティ対策基準, en: Takatsuki security standard, section: "5.2" }
    messages:
      default: { ja: "{node} は LGWAN 側にあります", en: "{node} is on the LGWAN side" }
    check: { type: node, select: { host-kind: [web-server], tier: [lgwan-side] } }
`;
const EXTRA = `bunri-policy: 1
rules:
  CITY-02:
    severity: low
    title: { ja: DB サーバの台帳登録, en: DB servers in the asset register }
    why: { ja: 台帳にない DB は監査から漏れます。, en: A DB missing from the register escapes audits. }
    fix: { ja: 資産台帳に登録してください。, en: Add it to the asset register. }
    messages:
      default: { ja: "{node} を台帳で確認してください", en: "check {node} in the register" }
    check: { type: node, select: { host-kind: [db-server] } }
`;

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
  properties: { severity: string; pack: string; tags: string[]; "security-severity": string };
}

let dir: string;

function bunri(args: string[]) {
  return run(args, dir);
}

const read = (name: string) => readFileSync(join(dir, name), "utf8");

function sarifRules(text: string): SarifRule[] {
  return JSON.parse(text).runs[0].tool.driver.rules;
}

/** `bunri check` of the sketch with both policy files, in every format that shows rule metadata. */
function checkAll(lang: "ja" | "en", prefix: string) {
  const formats = ["json", "sarif", "junit", "html", "markdown"].map((f) => `${f}=${prefix}.${f}`);
  const r = bunri([
    "check",
    "design.yaml",
    "--policy",
    "default",
    "--policy",
    "city.yaml",
    "--policy",
    "extra.yaml",
    "--today",
    "2026-11-23",
    "--lang",
    lang,
    "--fail-on",
    "none",
    ...formats.flatMap((f) => ["--format", f]),
  ]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bunri-policy-rules-"));
  writeFileSync(join(dir, "design.yaml"), sketch);
  writeFileSync(join(dir, "city.yaml"), CITY);
  writeFileSync(join(dir, "extra.yaml"), EXTRA);
  checkAll("en", "en");
  checkAll("ja", "ja");
});

describe("rules of the user's policy files", () => {
  it("are carried by the JSON result with their metadata, valid against the result schema, and no policy file path", () => {
    const json = JSON.parse(read("en.json"));
    const schema = JSON.parse(readFileSync(join(ROOT, "schema/result.schema.json"), "utf8"));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const file = json.files[0];
    expect(
      file.findings.filter((f: { rule: string }) => f.rule.startsWith("CITY-")).map((f: { rule: string }) => f.rule),
    ).toEqual(["CITY-02", "CITY-01"]);
    expect(file.rules).toEqual([
      {
        id: "CITY-01",
        severity: "medium",
        pack: "city-policy",
        title: { ja: "管理画面を LGWAN 側に置かない", en: "No admin web server on the LGWAN side" },
        why: {
          ja: "LGWAN 側の管理画面は職員端末から直接操作できてしまいます。",
          en: "An admin server on the LGWAN side is open to every staff PC.",
        },
        fix: { ja: "管理画面を管理用セグメントに移してください。", en: "Move the admin server to a management segment." },
        references: [{ ja: "高槻市情報セキュリティ対策基準", en: "Takatsuki security standard", section: "5.2" }],
      },
      {
        id: "CITY-02",
        severity: "high",
        title: { ja: "DB サーバの台帳登録", en: "DB servers in the asset register" },
        why: { ja: "台帳にない DB は監査から漏れます。", en: "A DB missing from the register escapes audits." },
        fix: { ja: "資産台帳に登録してください。", en: "Add it to the asset register." },
        references: [],
      },
    ]);
    // the same for both languages (only the findings' messages differ), and nothing of where the policy files are
    expect(JSON.parse(read("ja.json")).files[0].rules).toEqual(file.rules);
    expect(read("en.json")).not.toContain(dir);
  });

  it("get a SARIF rules[] entry with their own metadata and help in the reader's language", () => {
    const en = sarifRules(read("en.sarif"));
    const city = en.find((r) => r.id === "CITY-01");
    expect(city).toEqual({
      id: "CITY-01",
      name: "NoAdminWebServerOnTheLgwanSide",
      shortDescription: { text: "No admin web server on the LGWAN side" },
      fullDescription: { text: "An admin server on the LGWAN side is open to every staff PC." },
      help: {
        text: "Why it matters: An admin server on the LGWAN side is open to every staff PC.\n\nHow to fix it: Move the admin server to a management segment.\n\nReferences:\n- Takatsuki security standard 5.2",
        markdown:
          "**No admin web server on the LGWAN side** (CITY-01, medium)\n\n**Why it matters**: An admin server on the LGWAN side is open to every staff PC.\n\n**How to fix it**: Move the admin server to a management segment.\n\n**References**\n\n- Takatsuki security standard 5.2",
      },
      defaultConfiguration: { level: "warning" },
      properties: { severity: "medium", pack: "city-policy", tags: ["security", "city-policy"], "security-severity": "5.5" },
    });
    const extra = en.find((r) => r.id === "CITY-02");
    expect(extra?.shortDescription.text).toBe("DB servers in the asset register");
    expect(extra?.helpUri).toBeUndefined();
    expect(extra?.defaultConfiguration.level).toBe("error");
    expect(extra?.properties).toMatchObject({ severity: "high", pack: "policy", tags: ["security", "policy"] });
    // built-in rules carry their help too, with an example design that passes, and no link elsewhere
    for (const r of en.filter((x) => !x.id.startsWith("CITY-"))) {
      expect(r.helpUri).toBeUndefined();
      expect(r.help.markdown).toContain("**How to fix it**");
    }

    const ja = sarifRules(read("ja.sarif")).find((r) => r.id === "CITY-01");
    expect(ja?.name).toBe("NoAdminWebServerOnTheLgwanSide");
    expect(ja?.shortDescription.text).toBe("管理画面を LGWAN 側に置かない");
    expect(ja?.fullDescription.text).toBe("LGWAN 側の管理画面は職員端末から直接操作できてしまいます。");
    expect(ja?.help.text).toContain("管理画面を管理用セグメントに移してください。");
    expect(ja?.help.text).toContain("- 高槻市情報セキュリティ対策基準 5.2");
    expect(ja?.helpUri).toBeUndefined();
  });

  it("show why, fix and references in the HTML report, like built-in rules", () => {
    const html = read("en.html");
    // the cards, not the list of findings before them
    const article =
      html
        .split("<article ")
        .slice(1)
        .find((a) => a.includes('<span class="rule-id">CITY-01</span>')) ?? "";
    expect(article).toContain("No admin web server on the LGWAN side</h4>");
    expect(article).toContain("<h5>Why it matters</h5><p>An admin server on the LGWAN side is open to every staff PC.</p>");
    expect(article).toContain("<h5>How to fix it</h5><p>Move the admin server to a management segment.</p>");
    expect(article).toContain('<h5>References</h5><ul class="refs"><li>Takatsuki security standard 5.2</li></ul>');
    expect(html).not.toContain("no catalogue entry");
    const ja = read("ja.html");
    expect(ja).toContain("<h5>なぜ問題か</h5><p>LGWAN 側の管理画面は職員端末から直接操作できてしまいます。</p>");
    expect(ja).toContain("<li>高槻市情報セキュリティ対策基準 5.2</li>");
  });

  it("name their JUnit test cases and Markdown rows by their title", () => {
    expect(read("en.junit")).toContain('<testcase classname="design.yaml" name="CITY-01 No admin web server on the LGWAN side">');
    expect(read("en.junit")).toContain('<testcase classname="design.yaml" name="CITY-02 DB servers in the asset register">');
    expect(read("ja.junit")).toContain('<testcase classname="design.yaml" name="CITY-01 管理画面を LGWAN 側に置かない">');
    expect(read("en.markdown")).toContain("| **CITY-01** No admin web server on the LGWAN side |");
  });

  it("keep their metadata when `bunri format` re-renders the saved result, in the language asked for", () => {
    const sarif = bunri(["format", "en.json", "--format", "sarif", "--lang", "ja"]);
    expect(sarif.code).toBe(0);
    const ja = sarifRules(read("ja.sarif"));
    for (const id of ["CITY-01", "CITY-02"])
      expect(sarifRules(sarif.out).find((r) => r.id === id)).toEqual(ja.find((r) => r.id === id));
    const junit = bunri(["format", "en.json", "--format", "junit", "--fail-on", "none"]);
    expect(junit.out).toBe(read("en.junit"));
    // deterministic
    expect(bunri(["format", "en.json", "--format", "sarif", "--lang", "ja"]).out).toBe(sarif.out);
  });

  it("degrade to their id in a saved result that does not carry them", () => {
    const json = JSON.parse(read("en.json"));
    delete json.files[0].rules;
    writeFileSync(join(dir, "bare.json"), JSON.stringify(json));
    const sarif = bunri(["format", "bare.json", "--format", "sarif"]);
    expect(sarif.code).toBe(0);
    const city = sarifRules(sarif.out).find((r) => r.id === "CITY-01");
    expect(city?.shortDescription.text).toBe("CITY-01");
    expect(city?.fullDescription.text).toBe("Rule CITY-01 of a policy file (no catalogue entry).");
    expect(city?.helpUri).toBeUndefined();
    expect(bunri(["format", "bare.json", "--format", "junit"]).out).toContain('name="CITY-01 CITY-01"');
    expect(bunri(["format", "bare.json", "--format", "html", "--lang", "en"]).out).toContain(
      "Rule CITY-01 of a policy file (no catalogue entry).",
    );
  });
});
