/** A scrolling page: a finding (message, path hop by hop, why, fix, references) or the help. */
import { Lines } from "../chrome.js";
import type { ViewInput } from "../input.js";
import type { Line } from "../text.js";
import type { PageAction, PageState } from "./state.js";
import { usePageInput } from "./use-input.js";

export interface PageViewProps extends Omit<ViewInput<PageState, PageAction>, "keys" | "reducer" | "typing"> {
  lines: Line[];
  cols: number;
  rows: number;
}

export function PageView(props: PageViewProps) {
  usePageInput(props);
  const { lines, state, rows, cols } = props;
  return <Lines lines={lines} scroll={state.top} rows={rows} cols={cols} />;
}
