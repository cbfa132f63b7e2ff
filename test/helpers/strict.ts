/**
 * Strict readers of bunri's outputs, as a consumer has them: JSON that a strict parser accepts
 * (no lone surrogate, escaped or not), XML 1.0 that saxes accepts (no forbidden character, well
 * formed), and text for a terminal with no control character but newline and tab.
 */
import { SaxesParser } from "saxes";

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_ESCAPE =
  /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}/;

/** Problems a strict JSON parser would have with the text, or an empty list. */
export function jsonProblems(text: string): string[] {
  const out: string[] = [];
  try {
    JSON.parse(text);
  } catch (error) {
    out.push(`not JSON: ${(error as Error).message.slice(0, 200)}`);
  }
  if (LONE.test(text)) out.push("a lone surrogate");
  if (LONE_ESCAPE.test(text)) out.push("an escaped lone surrogate");
  return out;
}

/** Problems a strict XML 1.0 parser has with the text, or an empty list. */
export function xmlProblems(text: string): string[] {
  const out: string[] = [];
  if (LONE.test(text)) out.push("a lone surrogate");
  const parser = new SaxesParser({ xmlns: false });
  parser.on("error", (e) => {
    if (out.length < 5) out.push(e.message);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    out.push((error as Error).message);
  }
  return out;
}

/** The SVG diagrams an HTML report embeds, each an XML document of its own. */
export function embeddedSvgs(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The first control character in text meant for a terminal (CR allowed only before LF, as CSV ends its records), or undefined. */
export function controlIn(text: string): string | undefined {
  const m = CONTROL.exec(text.replace(/\r\n/g, "\n"));
  return m ? `U+${(m[0].codePointAt(0) ?? 0).toString(16).padStart(4, "0")} at ${m.index}` : undefined;
}
