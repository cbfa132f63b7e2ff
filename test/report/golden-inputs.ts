/** The inputs of the golden-file tests, shared by the test and by scripts/golden.mjs (which rewrites the files). */
export const GOLDEN_PATHS = [
  "topologies/odawara-facility-reservation.yaml",
  "test/fixtures/broken/reference-lgwan-asp--web-keeps-data.yaml",
  "test/fixtures/broken/takatsuki-card-reservation--db-from-any.yaml",
  "test/fixtures/broken/reference-alpha--direct-proxy.yaml",
];
export const GOLDEN_WAIVERS = "test/fixtures/golden/waivers.yaml";
export const GOLDEN_TODAY = "2026-11-23";
/** [output file name, format, language] */
export const GOLDEN_OUTPUTS: Array<[string, string, "ja" | "en"]> = [
  ["report.en.txt", "text", "en"],
  ["report.ja.txt", "text", "ja"],
  ["report.json", "json", "en"],
  ["report.sarif", "sarif", "en"],
  ["report.junit.xml", "junit", "en"],
  ["report.ja.md", "markdown", "ja"],
  ["report.en.md", "markdown", "en"],
  ["report.csv", "csv", "ja"],
];
