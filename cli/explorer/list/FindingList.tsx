/** The findings list: a filter line when one is set, then the findings grouped by severity. */
import { Box, Text } from "ink";
import { t } from "../../../src/i18n/index.js";
import type { Lang } from "../../../src/model/types.js";
import type { Finding } from "../../../src/rules/types.js";
import { useHue } from "../chrome.js";
import type { ViewInput } from "../input.js";
import { severityColour } from "../pages.js";
import { padEnd, truncate, width, wrap } from "../text.js";
import type { FileView } from "../types.js";
import { type ListAction, type ListState, visibleFindings } from "./state.js";
import { useListInput } from "./use-input.js";

function Row({ f, lang, cols, selected }: { f: Finding; lang: Lang; cols: number; selected: boolean }) {
  const sev = padEnd(t(lang, `severity.${f.severity}`), lang === "ja" ? 4 : 8);
  const tag = f.waived ? `[${t(lang, "report.waived")}] ` : f.baselined ? `[${t(lang, "report.baselined")}] ` : "";
  const rule = padEnd(f.rule, 9);
  const rest = truncate(`${tag}${f.message}`, Math.max(4, cols - width(sev) - width(rule) - 4));
  const hue = useHue(severityColour(f.severity));
  return (
    <Text inverse={selected} wrap="truncate-end">
      <Text>{selected ? "› " : "  "}</Text>
      <Text {...hue} bold>
        {sev}
      </Text>
      <Text bold> {rule}</Text>
      <Text dimColor={f.waived || f.baselined}>{rest}</Text>
    </Text>
  );
}

export interface FindingListProps extends Omit<ViewInput<ListState, ListAction>, "keys" | "reducer" | "typing"> {
  file: FileView;
  lang: Lang;
  cols: number;
  rows: number;
}

export function FindingList(props: FindingListProps) {
  useListInput(props);
  const { file, lang, cols, rows, state } = props;
  const findings = visibleFindings(state);
  const { cursor, scroll, filter, editing, severity } = state;
  const filterLine =
    editing || filter !== "" || severity !== undefined
      ? `${t(lang, "tui.filter")}: ${filter}${editing ? "▏" : ""}${severity ? `  [${t(lang, `severity.${severity}`)}]` : ""}  (${findings.length})`
      : undefined;
  const cyan = useHue("cyan");
  const red = useHue("red");
  const green = useHue("green");
  // input errors wrap (at 60 columns they would be cut with nothing to show them in full)
  const errorLines = file.errors.flatMap((e) => wrap(`${file.file}:${e.line}:${e.column}: ${e.message}`, cols, "    "));
  const listRows = Math.max(1, rows - (filterLine ? 1 : 0) - Math.min(errorLines.length, rows - 1));
  const shown = findings.slice(scroll, scroll + listRows);
  return (
    <Box flexDirection="column">
      {filterLine ? (
        <Text {...cyan} wrap="truncate-end">
          {truncate(filterLine, cols)}
        </Text>
      ) : null}
      {errorLines.slice(0, Math.max(1, rows - (filterLine ? 1 : 0))).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a wrapped line's place is its identity
        <Text key={i} {...red} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {file.errors.length === 0 && findings.length === 0 ? (
        <Text {...green}>{filter || severity ? t(lang, "tui.no-match") : t(lang, "report.clean")}</Text>
      ) : null}
      {shown.map((f, i) => (
        <Row key={f.fingerprint} f={f} lang={lang} cols={cols} selected={scroll + i === cursor} />
      ))}
    </Box>
  );
}
