/**
 * The explorer. Each screen is a view component with its own input hook and pure reducer
 * (list/, zones/, reach/, page/, files/); navigation between them is one more reducer (nav.ts).
 * The states live here, so that a screen left and come back to is as it was, a re-check (`--watch`)
 * reaches every view, and opening another file resets them.
 */
import { Box, Text, useApp, useStdout } from "ink";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Analysis } from "../../src/analyze/index.js";
import { t } from "../../src/i18n/index.js";
import type { Design } from "../../src/model/design.js";
import type { Lang } from "../../src/model/types.js";
import { answerPair } from "../../src/query.js";
import { Colour, Footer, footerLines, Header } from "./chrome.js";
import { FilePicker } from "./files/FilePicker.js";
import { filesReducer, initialFiles } from "./files/state.js";
import { FILES_HINTS } from "./files/use-input.js";
import { PendingKeys, type Press } from "./input.js";
import { FindingList } from "./list/FindingList.js";
import { initialList, keepsSelection, type ListState, listReducer, selectedFinding } from "./list/state.js";
import { listHints } from "./list/use-input.js";
import { initialNav, type NavAction, type NavState, navReducer } from "./nav.js";
import { PageView } from "./page/PageView.js";
import { initialPage, pageReducer } from "./page/state.js";
import { PAGE_HINTS } from "./page/use-input.js";
import { findingPage, helpPage, reachPage } from "./pages.js";
import { ReachView } from "./reach/ReachView.js";
import { initialReach, type ReachState, reachReducer } from "./reach/state.js";
import { reachHints } from "./reach/use-input.js";
import type { Line } from "./text.js";
import type { FileView } from "./types.js";
import { initialZones, zonesReducer } from "./zones/state.js";
import { ZONES_HINTS } from "./zones/use-input.js";
import { ZonesView } from "./zones/ZonesView.js";

export interface Checked {
  views: FileView[];
  /** the model and analysis of each file that loaded, by file path */
  models: Map<string, { design: Design; analysis: Analysis }>;
}

export interface AppProps {
  initial: Checked;
  lang: Lang;
  /** draw colours (off with NO_COLOR or `--no-color`; bold, dim and inverse stay) */
  colour?: boolean;
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

/** Header (3 lines) and a blank line above the body; the key bar (one or two lines) below it. */
const HEAD = 4;

/** The keys each screen shows in its bar. */
function screenHints(screen: string, list: ListState, reach: ReachState, nav: NavState): ReadonlyArray<[string, string]> {
  if (screen === "files") return FILES_HINTS;
  if (screen === "list") return listHints(list, nav);
  if (screen === "zones") return ZONES_HINTS;
  if (screen === "reach") return reachHints(reach);
  return PAGE_HINTS;
}

export function App({ initial, lang, colour = true, subscribe }: AppProps) {
  const { exit } = useApp();
  const { cols, rows } = useTerminalSize();
  /** the first guess of the body's height, before the key bar is known */
  const guess = rows - HEAD - 1;
  const [checked, setChecked] = useState(initial);
  const files = checked.views;
  const [nav, navDispatch] = useReducer(navReducer, files.length, initialNav);
  const file = files[nav.file];
  const model = file ? checked.models.get(file.file) : undefined;

  const [list, listDispatch] = useReducer(listReducer, undefined, () => initialList(file?.findings ?? [], guess));
  const [zones, zonesDispatch] = useReducer(zonesReducer, undefined, () => initialZones(file?.zones.length ?? 0, guess));
  const [reach, reachDispatch] = useReducer(reachReducer, undefined, () => initialReach(file?.hosts ?? [], guess));
  const [page, pageDispatch] = useReducer(pageReducer, undefined, () => initialPage(guess - 1));
  const [picker, pickerDispatch] = useReducer(filesReducer, files.length, initialFiles);
  const pending = useRef<Press[]>([]);
  const width = cols - 1;
  // the key bar: wrapped to two lines, or fewer keys, when the terminal is narrow (never cut)
  const footer = footerLines(screenHints(nav.screen, list, reach, nav), lang, width);
  const body = rows - HEAD - footer.length;
  /** a page's rows (its last one shows the position when the page is longer: see Lines) */
  const pageRows = body;

  useEffect(() => {
    for (const dispatch of [listDispatch, zonesDispatch, reachDispatch] as const) dispatch({ type: "viewport", lines: body });
    pageDispatch({ type: "viewport", lines: pageRows });
  }, [body, pageRows]);

  /** Navigation, with what it means for the views: another file resets them, `r` starts a new query, a new page starts at its top. */
  const navigate = useCallback(
    (a: NavAction) => {
      if (a.type === "open-file") {
        const f = files[a.index];
        listDispatch({ type: "reset", findings: f?.findings ?? [] });
        zonesDispatch({ type: "reset", count: f?.zones.length ?? 0 });
        reachDispatch({ type: "reset", hosts: f?.hosts ?? [] });
      }
      if (a.type === "go" && a.screen === "reach") reachDispatch({ type: "reset", hosts: file?.hosts ?? [] });
      if (a.type === "go" || a.type === "back") pageDispatch({ type: "reset" });
      navDispatch(a);
    },
    [files, file],
  );

  // the watcher is subscribed once; it reads the state of the moment through this ref
  const latest = useRef({ file, screen: nav.screen, list, navigate });
  latest.current = { file, screen: nav.screen, list, navigate };
  useEffect(() => {
    if (!subscribe) return;
    return subscribe((next) => {
      const now = latest.current;
      const index = Math.max(
        0,
        next.views.findIndex((v) => v.file === now.file?.file),
      );
      const f = next.views[index];
      setChecked(next);
      navDispatch({ type: "reload", file: index, files: next.views.length });
      // a finding's page closes when its finding is gone
      if (now.screen === "finding" && !keepsSelection(now.list, f?.findings ?? [])) now.navigate({ type: "back" });
      listDispatch({ type: "reload", findings: f?.findings ?? [] });
      zonesDispatch({ type: "reload", count: f?.zones.length ?? 0 });
      reachDispatch({ type: "reload", hosts: f?.hosts ?? [] });
    });
  }, [subscribe]);

  useEffect(() => {
    if (nav.quit) exit();
  }, [nav.quit, exit]);

  const lines: Line[] = useMemo(() => {
    if (nav.screen === "finding") {
      const f = selectedFinding(list);
      return f ? findingPage(f, model?.design, lang, width, file?.rules) : [];
    }
    if (nav.screen === "help") return helpPage(lang, width);
    if (nav.screen === "reach" && reach.stage === "result" && model) {
      const s = model.design.hostById.get(reach.source ?? "");
      const d = model.design.hostById.get(reach.target ?? "");
      if (!s || !d) return [];
      if (s.index === d.index) return [{ text: t(lang, "reason.same-host"), color: "yellow" }];
      return reachPage(answerPair(model.analysis, s.index, d.index, model.analysis.any), model.design, lang, width);
    }
    return [];
  }, [nav.screen, list, reach, model, lang, width, file]);

  useEffect(() => {
    const room = lines.length > pageRows ? pageRows - 1 : pageRows;
    pageDispatch({ type: "bounds", max: lines.length - room });
  }, [lines.length, pageRows]);

  const common = { nav, navigate, active: true };
  let content: React.ReactNode;

  // a screen with nothing to show (a file that did not load) is a page, so its keys still work
  const message = (text: string) => (
    <PageView {...common} state={page} dispatch={pageDispatch} lines={[{ text, color: "red" }]} cols={width} rows={pageRows} />
  );
  const noModel = message(t(lang, "tui.no-model"));
  switch (nav.screen) {
    case "files":
      content = <FilePicker {...common} state={picker} dispatch={pickerDispatch} files={files} lang={lang} cols={width} />;
      break;
    case "list":
      content = file ? (
        <FindingList {...common} state={list} dispatch={listDispatch} file={file} lang={lang} cols={width} rows={body} />
      ) : (
        message("")
      );
      break;
    case "zones":
      content =
        file && model ? (
          <ZonesView {...common} state={zones} dispatch={zonesDispatch} file={file} lang={lang} cols={width} rows={body} />
        ) : (
          noModel
        );
      break;
    case "reach":
      content = model ? (
        <ReachView {...common} state={reach} dispatch={reachDispatch} answer={lines} lang={lang} cols={width} rows={body} />
      ) : (
        noModel
      );
      break;
    default:
      content = <PageView {...common} state={page} dispatch={pageDispatch} lines={lines} cols={width} rows={pageRows} />;
  }

  return (
    <Colour.Provider value={colour}>
      <PendingKeys.Provider value={pending}>
        <Box flexDirection="column" width={cols}>
          {nav.screen === "files" ? (
            <Text bold>{`bunri  ${t(lang, "tui.files-title", { n: files.length })}`}</Text>
          ) : (
            <Header file={file} lang={lang} cols={width} />
          )}
          <Text> </Text>
          <Box flexDirection="column" height={body}>
            {content}
          </Box>
          <Footer lines={footer} />
        </Box>
      </PendingKeys.Provider>
    </Colour.Provider>
  );
}
