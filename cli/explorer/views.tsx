/**
 * The explorer's views. Each draws a slice of the state; none keeps state of its own or reads
 * keys (App.tsx does, through keys.ts and the reducer).
 */
import { Box, Text } from "ink";
import { t } from "../../src/i18n/index.js";
import { type Lang, SEVERITIES } from "../../src/model/types.js";
import type { Finding } from "../../src/rules/types.js";
import { keyHints } from "./keys.js";
import { severityColour, zoneBlock } from "./pages.js";
import { currentFile, type ExplorerState, reachChoices, visibleFindings } from "./state.js";
import { type Line, padEnd, truncate, width } from "./text.js";

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

/** Lines from `scroll`, as many as fit in `rows` (the last row marks the position when there is more). */
export function ScrollPage({ lines, scroll, rows, cols }: { lines: Line[]; scroll: number; rows: number; cols: number }) {
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

export function Header({ state, lang, cols }: { state: ExplorerState; lang: Lang; cols: number }) {
  const file = currentFile(state);
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

function findingRow(f: Finding, lang: Lang, cols: number, selected: boolean) {
  const sev = padEnd(t(lang, `severity.${f.severity}`), lang === "ja" ? 4 : 8);
  const tag = f.waived ? `[${t(lang, "report.waived")}] ` : f.baselined ? `[${t(lang, "report.baselined")}] ` : "";
  const rule = padEnd(f.rule, 9);
  const rest = truncate(`${tag}${f.message}`, Math.max(4, cols - width(sev) - width(rule) - 4));
  return (
    <Text key={f.fingerprint} inverse={selected} wrap="truncate-end">
      <Text>{selected ? "› " : "  "}</Text>
      <Text color={severityColour(f.severity)} bold>
        {sev}
      </Text>
      <Text bold> {rule}</Text>
      <Text dimColor={f.waived || f.baselined}>{rest}</Text>
    </Text>
  );
}

export function FindingList({ state, lang, cols, rows }: { state: ExplorerState; lang: Lang; cols: number; rows: number }) {
  const file = currentFile(state);
  const findings = visibleFindings(state);
  const { cursor, scroll, filter, editing, severity } = state.list;
  const filterLine =
    editing || filter !== "" || severity !== undefined
      ? `${t(lang, "tui.filter")}: ${filter}${editing ? "▏" : ""}${severity ? `  [${t(lang, `severity.${severity}`)}]` : ""}  (${findings.length})`
      : undefined;
  const listRows = Math.max(1, rows - (filterLine ? 1 : 0));
  const shown = findings.slice(scroll, scroll + listRows);
  return (
    <Box flexDirection="column">
      {filterLine ? (
        <Text color="cyan" wrap="truncate-end">
          {truncate(filterLine, cols)}
        </Text>
      ) : null}
      {file && file.errors.length > 0
        ? file.errors.slice(0, listRows).map((e) => (
            <Text key={`${e.line}:${e.column}:${e.message}`} color="red" wrap="truncate-end">
              {truncate(`${file.file}:${e.line}:${e.column}: ${e.message}`, cols)}
            </Text>
          ))
        : null}
      {file && file.errors.length === 0 && findings.length === 0 ? (
        <Text color="green">{filter || severity ? t(lang, "tui.no-match") : t(lang, "report.clean")}</Text>
      ) : null}
      {shown.map((f, i) => findingRow(f, lang, cols, scroll + i === cursor))}
    </Box>
  );
}

export function FilePicker({ state, lang, cols }: { state: ExplorerState; lang: Lang; cols: number }) {
  return (
    <Box flexDirection="column">
      <Text bold>{t(lang, "tui.pick-file")}</Text>
      {state.files.map((f, i) => {
        const counted = f.findings.filter((x) => !x.waived && !x.baselined).length;
        const label = `${f.file}  ${f.title ?? ""}  (${f.errors.length > 0 ? t(lang, "tui.input-errors", { n: f.errors.length }) : t(lang, "tui.findings-count", { n: counted })})`;
        return (
          <Text key={f.file} inverse={i === state.filesCursor} wrap="truncate-end">
            {truncate(`${i === state.filesCursor ? "› " : "  "}${label}`, cols)}
          </Text>
        );
      })}
    </Box>
  );
}

export function ZonesView({ state, lang, cols, rows }: { state: ExplorerState; lang: Lang; cols: number; rows: number }) {
  const file = currentFile(state);
  if (!file) return null;
  // all blocks as lines; scroll so that the selected zone's block is on screen
  const blocks = file.zones.map((z, i) => zoneBlock(z, lang, cols, i === state.zones.cursor));
  const lines = blocks.flat();
  let start = 0;
  for (let i = 0; i < state.zones.cursor; i++) start += blocks[i]?.length ?? 0;
  const end = start + (blocks[state.zones.cursor]?.length ?? 0);
  const room = Math.max(1, rows - 2);
  const top = end <= room ? 0 : Math.min(start, end - room);
  return (
    <Box flexDirection="column">
      <Text bold>{t(lang, "tui.zones-title", { n: file.zones.length })}</Text>
      <ScrollPage lines={lines} scroll={top} rows={rows - 1} cols={cols} />
    </Box>
  );
}

export function ReachPicker({ state, lang, cols, rows }: { state: ExplorerState; lang: Lang; cols: number; rows: number }) {
  const { stage, query, cursor, scroll, source } = state.reach;
  const choices = reachChoices(state);
  const prompt = stage === "source" ? t(lang, "tui.pick-source") : t(lang, "tui.pick-target", { source: source ?? "" });
  const listRows = Math.max(1, rows - 2);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {truncate(prompt, cols)}
      </Text>
      <Text color="cyan" wrap="truncate-end">
        {truncate(`${t(lang, "tui.filter")}: ${query}▏ (${choices.length})`, cols)}
      </Text>
      {choices.slice(scroll, scroll + listRows).map((h, i) => (
        <Text key={h.id} inverse={scroll + i === cursor} wrap="truncate-end">
          {truncate(`${scroll + i === cursor ? "› " : "  "}${h.label}`, cols)}
        </Text>
      ))}
    </Box>
  );
}

export function Footer({ state, lang, cols }: { state: ExplorerState; lang: Lang; cols: number }) {
  const hints = keyHints(state)
    .map(([k, id]) => `${k} ${t(lang, id)}`)
    .join("  ");
  return (
    <Text inverse wrap="truncate-end">
      {padEnd(truncate(` ${hints}`, cols), cols)}
    </Text>
  );
}
