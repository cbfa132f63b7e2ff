import type { CheckResult } from "../check.js";
import type { Design } from "../model/design.js";
import type { Lang, Severity } from "../model/types.js";

export interface ReportOptions {
  lang: Lang;
  color: boolean;
  failOn: Severity | "none";
  /**
   * The checked designs, by file, for the HTML report: the organisation, and the names of the
   * zones and nodes along the evidence paths. Without them the report shows ids.
   */
  designs?: ReadonlyMap<string, Design>;
  /**
   * The diagrams of the designs (inline SVG, by file), for the HTML report. They are drawn before
   * reporting (src/graph `diagramsOf`), because the layout (elkjs) is asynchronous and a reporter
   * is a synchronous, pure function. Without them the report has no diagram.
   */
  diagrams?: ReadonlyMap<string, ReportDiagram>;
  /**
   * A file of the result as CI services locate it: its path from the root of the git repository
   * that holds it (SARIF, GitHub annotations). Without it, files keep the paths of the result.
   */
  rootRelative?: (file: string) => string;
  /** The SHA-256 of each design file (hex, by file), printed on every page of the HTML report. */
  digests?: ReadonlyMap<string, string>;
  /** The date (YYYY-MM-DD) the check judged waivers' expiry by, printed on every page of the HTML report. */
  today?: string;
}

/** A design's diagram for the HTML report (src/graph `diagramOf`). */
export interface ReportDiagram {
  /** the SVG shown on screen (and printed unless `print` is given); absent when none could be drawn */
  svg?: string;
  /** what a printout shows instead, when `svg` cannot be printed legibly */
  print?: string;
  /** what the diagram leaves out (shown under it on screen and on paper) */
  note?: string;
  /** what the printed diagram leaves out */
  printNote?: string;
}

/** A reporter is a pure function of the result. */
export type Reporter = (result: CheckResult, options: ReportOptions) => string;
