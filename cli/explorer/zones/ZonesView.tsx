/** The zones view: each zone with its kind and tier, its nodes, what they hold, whether the internet reaches them. */
import { Box, Text } from "ink";
import { t } from "../../../src/i18n/index.js";
import type { Lang } from "../../../src/model/types.js";
import { Lines } from "../chrome.js";
import type { ViewInput } from "../input.js";
import { zoneBlock } from "../pages.js";
import type { FileView } from "../types.js";
import type { ZonesAction, ZonesState } from "./state.js";
import { useZonesInput } from "./use-input.js";

export interface ZonesViewProps extends Omit<ViewInput<ZonesState, ZonesAction>, "keys" | "reducer" | "typing"> {
  file: FileView;
  lang: Lang;
  cols: number;
  rows: number;
}

export function ZonesView(props: ZonesViewProps) {
  useZonesInput(props);
  const { file, lang, cols, rows, state } = props;
  // every block as lines; scrolled so that the selected zone's block is on screen
  const blocks = file.zones.map((z, i) => zoneBlock(z, lang, cols, i === state.cursor));
  const lines = blocks.flat();
  let start = 0;
  for (let i = 0; i < state.cursor; i++) start += blocks[i]?.length ?? 0;
  const end = start + (blocks[state.cursor]?.length ?? 0);
  const room = Math.max(1, rows - 2);
  const top = end <= room ? 0 : Math.min(start, end - room);
  return (
    <Box flexDirection="column">
      <Text bold>{t(lang, "tui.zones-title", { n: file.zones.length })}</Text>
      <Lines lines={lines} scroll={top} rows={rows - 1} cols={cols} />
    </Box>
  );
}
