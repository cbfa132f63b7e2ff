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
  diagrams?: ReadonlyMap<string, string>;
  /**
   * A file of the result as CI services locate it: its path from the root of the git repository
   * that holds it (SARIF, GitHub annotations). Without it, files keep the paths of the result.
   */
  rootRelative?: (file: string) => string;
}

/** A reporter is a pure function of the result. */
export type Reporter = (result: CheckResult, options: ReportOptions) => string;
