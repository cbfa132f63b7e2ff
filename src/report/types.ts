import type { CheckResult } from "../check.js";
import type { Lang, Severity } from "../model/types.js";

export interface ReportOptions {
  lang: Lang;
  color: boolean;
  failOn: Severity | "none";
  /** diagrams of the designs (inline SVG, by file), for the HTML report */
  diagrams?: ReadonlyMap<string, string>;
}

/** A reporter is a pure function of the result. */
export type Reporter = (result: CheckResult, options: ReportOptions) => string;
