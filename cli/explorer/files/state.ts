/** The file picker (several files given): a cursor over them. Pure. */
import { type CursorAction, type CursorState, cursorAt, cursorReducer } from "../cursor.js";

export type FilesState = CursorState;
export type FilesAction = CursorAction;

export function initialFiles(count: number): FilesState {
  // every file is shown: the window is the whole list
  return cursorAt(count, Math.max(1, count));
}

export function filesReducer(s: FilesState, a: FilesAction): FilesState {
  return a.type === "viewport" ? s : cursorReducer(s, a);
}
