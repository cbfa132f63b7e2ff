/**
 * Diagrams of designs: the neutral model (`designGraph`), Mermaid and DOT (`toMermaid`, `toDot`),
 * and the SVG (`toSvg` in ./svg.js, which loads elkjs; import it only when drawing one).
 */
import type { CheckedDesign } from "../check.js";
import type { Design } from "../model/design.js";
import type { Lang } from "../model/types.js";
import { designGraph, findingPaths } from "./model.js";

export {
  type DesignGraphOptions,
  designGraph,
  findingPaths,
  type GraphDatum,
  type GraphLink,
  type GraphModel,
  type GraphNode,
  type GraphZone,
} from "./model.js";
export { type TextGraphOptions, toDot, toMermaid } from "./text.js";

/**
 * The SVG of each checked design, by file, with the paths of its counted findings in red, to be
 * inlined in the HTML report (no namespace URL).
 */
export async function diagramsOf(checked: readonly CheckedDesign[], options: { lang?: Lang } = {}): Promise<Map<string, string>> {
  const { toSvg } = await import("./svg.js");
  const out = new Map<string, string>();
  for (const c of checked) {
    if (!c.design) continue;
    const model = designGraph(c.design, { highlight: findingPaths(c.result.findings) });
    out.set(c.result.file, await toSvg(model, { standalone: false, ...(options.lang ? { lang: options.lang } : {}) }));
  }
  return out;
}

/** What the HTML report takes besides the result: the designs (names of zones and nodes, the organisation) and their diagrams. */
export async function htmlReportInputs(
  checked: readonly CheckedDesign[],
  lang: Lang,
): Promise<{ designs: Map<string, Design>; diagrams: Map<string, string> }> {
  const designs = new Map<string, Design>();
  for (const c of checked) if (c.design) designs.set(c.result.file, c.design);
  return { designs, diagrams: await diagramsOf(checked, { lang }) };
}
