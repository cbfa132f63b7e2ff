/** The file picker, when several files are given: each with its title and its count of findings or errors. */
import { Box, Text } from "ink";
import { t } from "../../../src/i18n/index.js";
import type { Lang } from "../../../src/model/types.js";
import type { ViewInput } from "../input.js";
import { truncate } from "../text.js";
import type { FileView } from "../types.js";
import type { FilesAction, FilesState } from "./state.js";
import { useFilesInput } from "./use-input.js";

export interface FilePickerProps extends Omit<ViewInput<FilesState, FilesAction>, "keys" | "reducer" | "typing"> {
  files: FileView[];
  lang: Lang;
  cols: number;
}

export function FilePicker(props: FilePickerProps) {
  useFilesInput(props);
  const { files, state, lang, cols } = props;
  return (
    <Box flexDirection="column">
      <Text bold>{t(lang, "tui.pick-file")}</Text>
      {files.map((f, i) => {
        const counted = f.findings.filter((x) => !x.waived && !x.baselined).length;
        const label = `${f.file}  ${f.title ?? ""}  (${f.errors.length > 0 ? t(lang, "tui.input-errors", { n: f.errors.length }) : t(lang, "tui.findings-count", { n: counted })})`;
        return (
          <Text key={f.file} inverse={i === state.cursor} wrap="truncate-end">
            {truncate(`${i === state.cursor ? "› " : "  "}${label}`, cols)}
          </Text>
        );
      })}
    </Box>
  );
}
