/** Diagrams of checked designs, for the HTML report: the SVG of each design with its findings' paths in red. */
import type { CheckedDesign } from "../check.js";
import { designGraph, findingPaths } from "./model.js";

export { designGraph, findingPaths, type GraphModel } from "./model.js";
export { toDot, toMermaid } from "./text.js";

export async function diagramsOf(checked: readonly CheckedDesign[]): Promise<Map<string, string>> {
  const { toSvg } = await import("./svg.js");
  const out = new Map<string, string>();
  for (const c of checked) {
    if (!c.design) continue;
    out.set(c.result.file, await toSvg(designGraph(c.design, findingPaths(c.result.findings))));
  }
  return out;
}
