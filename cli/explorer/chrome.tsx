/** What every screen shares: a styled line, the header (design, model, pass or fail, counts) and the key footer. */
import { Box, Text } from "ink";
import { t } from "../../src/i18n/index.js";
import { type Lang, SEVERITIES } from "../../src/model/types.js";
import { type Line, padEnd, truncate } from "./text.js";
import type { FileView } from "./types.js";

export function StyledLine({ line, cols }: { line: Line; cols: number }) {
  return (
    <Text
      {...(line.color ? { color: line.color } : {})}
      bold={Boolean(line.bold)}
      dimColor={Boolean(line.dim)}
      inverse={Boolean(line.inverse)}
      wrap="truncate-end"
    >
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
  if (!file) return null;
  const counted = file.findings.filter((f) => !f.waived && !f.baselined);
  const failing = file.errors.length > 0 || counted.some((f) => f.severity === "critical" || f.severity === "high");
  const title = `${file.title ?? file.topology ?? file.file}`;
  const counts = SEVERITIES.map((s) => `${t(lang, `severity.${s}`)} ${counted.filter((f) => f.severity === s).length}`).join(
    "  ",
  );
  const other = file.findings.length - counted.length;
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {truncate(`bunri  ${title}`, cols)}
      </Text>
      <Text dimColor wrap="truncate-end">
        {truncate(`${file.file}${file.model ? `  ${t(lang, "tui.model")}: ${file.model}` : ""}`, cols)}
      </Text>
      <Text wrap="truncate-end">
        <Text bold color={failing ? "red" : "green"}>
          {failing ? "FAIL" : "PASS"}
        </Text>
        <Text>{truncate(`  ${counts}${other > 0 ? `  (${t(lang, "tui.not-counted", { n: other })})` : ""}`, cols - 6)}</Text>
      </Text>
    </Box>
  );
}

export function Footer({ hints, lang, cols }: { hints: ReadonlyArray<[string, string]>; lang: Lang; cols: number }) {
  const text = hints.map(([k, id]) => `${k} ${t(lang, id)}`).join("  ");
  return (
    <Text inverse wrap="truncate-end">
      {padEnd(truncate(` ${text}`, cols), cols)}
    </Text>
  );
}
