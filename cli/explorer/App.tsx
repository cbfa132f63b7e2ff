/**
 * The explorer: state in one reducer (state.ts), keys through keyToAction (keys.ts), views that
 * draw slices of the state (views.tsx), pages built by pure functions (pages.ts).
 */
import { Box, Text, useApp, useInput, useStdout } from "ink";
import { useEffect, useMemo, useReducer, useState } from "react";
import type { Analysis } from "../../src/analyze/index.js";
import { t } from "../../src/i18n/index.js";
import type { Design } from "../../src/model/design.js";
import type { Lang } from "../../src/model/types.js";
import { answerPair } from "../../src/query.js";
import { keyToAction } from "./keys.js";
import { findingPage, helpPage, reachPage } from "./pages.js";
import { type Action, currentFile, type FileView, initialState, isTyping, reducer, selectedFinding } from "./state.js";
import { FilePicker, FindingList, Footer, Header, ReachPicker, ScrollPage, ZonesView } from "./views.js";

export interface Checked {
  views: FileView[];
  /** the model and analysis of each file that loaded, by file path */
  models: Map<string, { design: Design; analysis: Analysis }>;
}

export interface AppProps {
  initial: Checked;
  lang: Lang;
  /** `--watch`: called with a function that takes re-checked files; returns the unsubscribe */
  subscribe?: (reload: (checked: Checked) => void) => () => void;
}

function useTerminalSize(): { cols: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ cols: Math.max(40, stdout.columns || 80), rows: Math.max(12, stdout.rows || 24) });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on("resize", onResize);
    return () => {
      stdout.off("resize", onResize);
    };
  });
  return size;
}

/** Header (3 lines), a blank line, the body, the footer (1 line). */
const CHROME = 5;

export function App({ initial, lang, subscribe }: AppProps) {
  const { exit } = useApp();
  const { cols, rows } = useTerminalSize();
  const body = rows - CHROME;
  const [models, setModels] = useState(initial.models);
  const [state, dispatch] = useReducer(reducer, initial.views, (v) => initialState(v, body));

  useEffect(() => {
    dispatch({ type: "viewport", lines: body });
  }, [body]);

  useEffect(() => {
    if (!subscribe) return;
    return subscribe((checked) => {
      setModels(checked.models);
      dispatch({ type: "reload", files: checked.views });
    });
  }, [subscribe]);

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  useInput((input, key) => {
    // Keys typed fast (or pasted) arrive as one chunk: take them one by one, each seeing the state the previous left.
    const chunk = [...input];
    const plain = chunk.length > 1 && !key.ctrl && !key.meta && !isTyping(state);
    const presses: Array<[string, typeof key]> = plain
      ? chunk.map((c) => [c === "\r" ? "" : c, { ...key, return: c === "\r" }])
      : [[input, key]];
    let current = state;
    for (const [text, k] of presses) {
      const action: Action | undefined = keyToAction(text, k, current);
      if (!action) continue;
      current = reducer(current, action);
      dispatch(action);
    }
  });

  const file = currentFile(state);
  const model = file ? models.get(file.file) : undefined;
  const width = cols - 1;

  const page = useMemo(() => {
    if (state.screen === "finding") {
      const f = selectedFinding(state);
      return f ? findingPage(f, model?.design, lang, width) : [];
    }
    if (state.screen === "help") return helpPage(lang, width);
    if (state.screen === "reach" && state.reach.stage === "result" && model) {
      const s = model.design.hostById.get(state.reach.source ?? "");
      const d = model.design.hostById.get(state.reach.target ?? "");
      if (!s || !d) return [];
      if (s.index === d.index) return [{ text: t(lang, "reason.same-host"), color: "yellow" as const }];
      return reachPage(answerPair(model.analysis, s.index, d.index, model.analysis.any), model.design, lang, width);
    }
    return [];
  }, [state, model, lang, width]);

  const pageRows = body - 1;
  useEffect(() => {
    dispatch({ type: "scroll-max", max: page.length - pageRows });
  }, [page.length, pageRows]);

  let content: React.ReactNode;
  switch (state.screen) {
    case "files":
      content = <FilePicker state={state} lang={lang} cols={width} />;
      break;
    case "list":
      content = <FindingList state={state} lang={lang} cols={width} rows={body} />;
      break;
    case "zones":
      content = model ? (
        <ZonesView state={state} lang={lang} cols={width} rows={body} />
      ) : (
        <Text color="red">{t(lang, "tui.no-model")}</Text>
      );
      break;
    case "reach":
      if (!model) content = <Text color="red">{t(lang, "tui.no-model")}</Text>;
      else if (state.reach.stage === "result") content = <ScrollPage lines={page} scroll={0} rows={body} cols={width} />;
      else content = <ReachPicker state={state} lang={lang} cols={width} rows={body} />;
      break;
    default:
      content = <ScrollPage lines={page} scroll={state.detailScroll} rows={pageRows} cols={width} />;
  }

  return (
    <Box flexDirection="column" width={cols}>
      {state.screen === "files" ? (
        <Text bold>{`bunri  ${t(lang, "tui.files-title", { n: state.files.length })}`}</Text>
      ) : (
        <Header state={state} lang={lang} cols={width} />
      )}
      <Text> </Text>
      <Box flexDirection="column" height={body}>
        {content}
      </Box>
      <Footer state={state} lang={lang} cols={width} />
    </Box>
  );
}
