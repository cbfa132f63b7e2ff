/** What every screen shares: a styled line, the header (design, model, pass or fail, counts) and the key footer. */
import { Box, Text } from "ink";
import { createContext, useContext } from "react";
import { t } from "../../src/i18n/index.js";
import { type Lang, SEVERITIES } from "../../src/model/types.js";
import { type Line, padEnd, truncate, width } from "./text.js";
import type { FileView } from "./types.js";

/**
 * Colours are on unless NO_COLOR is set or `--no-color` was given (no-color.org): then no colour is
 * drawn, but bold, dim and inverse still mark the header, the selection and the key bar.
 */
export const Colour = createContext(true);

/** A colour prop, or none when colours are off. */
export function useHue(colour: string | undefined): { color?: string } {
  const on = useContext(Colour);
  return on && colour ? { color: colour } : {};
}

export function StyledLine({ line, cols }: { line: Line; cols: number }) {
  const hue = useHue(line.color);
  return (
    <Text {...hue} bold={Boolean(line.bold)} dimColor={Boolean(line.dim)} inverse={Boolean(line.inverse)} wrap="truncate-end">
      {truncate(line.text, cols) || " "}
    </Text>
  );
}

/** Lines from `scroll`, as many as keepInView in `rows` (the last row marks the position when there is more). */
export function Lines({ lines, scroll, rows, cols }: { lines: Line[]; scroll: number; rows: number; cols: number }) {
  const more = lines.length > rows;
  const room = more ? Math.max(1, rows - 1) : rows;
  const top = Math.max(0, Math.min(scroll, Math.max(0, lines.length - room)));
  const shown = lines.slice(top, top + room);
  return (
    <Box flexDirection="column">
      {shown.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity beyond their place
        <StyledLine key={i} line={l} cols={cols} />
      ))}
      {more ? (
        <Text dimColor wrap="truncate-end">
          {` ${top + 1}-${Math.min(lines.length, top + room)}/${lines.length}`}
        </Text>
      ) : null}
    </Box>
  );
}

export function Header({ file, lang, cols }: { file: FileView | undefined; lang: Lang; cols: number }) {
  const colour = useContext(Colour);
  if (!file) return null;
  const counted = file.findings.filter((f) => !f.waived && !f.baselined);
  const failing = file.errors.length > 0 || counted.some((f) => f.severity === "critical" || f.severity === "high");
  const title = `${file.title ?? file.topology ?? file.file}`;
  const counts = SEVERITIES.map((s) => `${t(lang, `severity.${s}`)} ${counted.filter((f) => f.severity === s).length}`).join(
    "  ",
  );
  const other = file.findings.length - counted.length;
  const verdict = colour ? { color: failing ? "red" : "green" } : {};
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {truncate(`bunri  ${title}`, cols)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {truncate(`${file.file}${file.model ? `  ${t(lang, "tui.model")}: ${file.model}` : ""}`, cols)}
      </Text>
      <Text wrap="truncate-end">
        <Text bold {...verdict}>
          {failing ? "FAIL" : "PASS"}
        </Text>
        <Text>{truncate(`  ${counts}${other > 0 ? `  (${t(lang, "tui.not-counted", { n: other })})` : ""}`, cols - 6)}</Text>
      </Text>
    </Box>
  );
}

/** Keys that never leave the bar: how to go back, get help and quit. */
const KEPT = new Set(["q", "?", "Esc"]);

/**
 * The key bar as lines `cols` wide: on one line when it fits, else wrapped to a second line at a
 * key (never inside one); when even two lines are too few, the less important keys (those listed
 * before the last few, which are back, help and quit) are dropped first.
 */
export function footerLines(hints: ReadonlyArray<[string, string]>, lang: Lang, cols: number, maxLines = 2): string[] {
  let items = hints.map(([k, id]) => ({ key: k, text: `${k} ${t(lang, id)}` }));
  const pack = (list: typeof items): string[] => {
    const lines: string[] = [];
    let line = "";
    for (const it of list) {
      const next = line === "" ? ` ${it.text}` : `${line}  ${it.text}`;
      if (width(next) <= cols || line === "") line = next;
      else {
        lines.push(line);
        line = ` ${it.text}`;
      }
    }
    if (line !== "") lines.push(line);
    return lines;
  };
  let lines = pack(items);
  while (lines.length > maxLines) {
    // drop the last key that may go, counting from the end of the less important ones
    const i = items.map((it) => KEPT.has(it.key)).lastIndexOf(false);
    if (i < 0) break;
    items = items.filter((_, k) => k !== i);
    lines = pack(items);
  }
  return lines.slice(0, maxLines).map((l) => padEnd(truncate(l, cols), cols));
}

export function Footer({ lines }: { lines: string[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a line's place is its identity
        <Text key={i} inverse wrap="truncate-end">
          {l}
        </Text>
      ))}
    </Box>
  );
}
