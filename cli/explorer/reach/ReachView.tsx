/** The reach query: the host picker (source, then target), then the answer as a page. */
import { Box, Text } from "ink";
import { t } from "../../../src/i18n/index.js";
import type { Lang } from "../../../src/model/types.js";
import { Lines, useHue } from "../chrome.js";
import type { ViewInput } from "../input.js";
import type { Line } from "../text.js";
import { truncate, wrap } from "../text.js";
import { type ReachAction, type ReachState, reachChoices } from "./state.js";
import { useReachInput } from "./use-input.js";

export interface ReachViewProps extends Omit<ViewInput<ReachState, ReachAction>, "keys" | "reducer" | "typing"> {
  /** the answer, once source and target are chosen */
  answer: Line[];
  lang: Lang;
  cols: number;
  rows: number;
}

export function ReachView(props: ReachViewProps) {
  useReachInput(props);
  const cyan = useHue("cyan");
  const yellow = useHue("yellow");
  const { state, answer, lang, cols, rows } = props;
  if (state.stage === "result") return <Lines lines={answer} scroll={0} rows={rows} cols={cols} />;
  const { stage, query, cursor, scroll, source } = state;
  const choices = reachChoices(state);
  const prompt = stage === "source" ? t(lang, "tui.pick-source") : t(lang, "tui.pick-target", { source: source ?? "" });
  const listRows = Math.max(1, rows - 2);
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        {truncate(prompt, cols)}
      </Text>
      <Text {...cyan} wrap="truncate-end">
        {truncate(`${t(lang, "tui.filter")}: ${query}${state.editing ? "▏" : ""} (${choices.length})`, cols)}
      </Text>
      {choices.length === 0
        ? wrap(t(lang, "tui.no-host-match", { query }), cols).map((line) => (
            <Text key={line} {...yellow} wrap="truncate-end">
              {line}
            </Text>
          ))
        : null}
      {choices.slice(scroll, scroll + listRows).map((h, i) => (
        <Text key={h.id} inverse={scroll + i === cursor} wrap="truncate-end">
          {truncate(`${scroll + i === cursor ? "› " : "  "}${h.label}`, cols)}
        </Text>
      ))}
    </Box>
  );
}
