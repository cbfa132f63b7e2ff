/**
 * Reading an input file, whoever wrote it: the one way bunri reads designs, policy, waiver and
 * baseline files and saved results. The file is opened first (without blocking, so a FIFO cannot
 * hang the run) and the open descriptor is then checked (no stat-then-open race): only a regular
 * file under the size limit is read, so a link to /dev/zero, a device, a FIFO or a directory is an
 * error naming the path. The bytes are then decoded: UTF-8 (with or without a byte-order mark) and
 * UTF-16 with a byte-order mark are accepted; UTF-32, and bytes that are not UTF-8, are errors with
 * the encoding or the line and column. The text that results has no lone surrogates.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { t } from "../i18n/index.js";
import type { InputError, Lang } from "../model/types.js";

/** The largest input file read: designs, policies, waivers, baselines and saved results alike. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_FILE_SIZE_TEXT = "8 MiB";
/**
 * The largest JSON file bunri wrote itself and reads back (a baseline, a saved result): larger, as a
 * result of a design with thousands of findings may pass 8 MiB; JSON is parsed without the YAML
 * parser's cost, and its errors are placed by a linear scan.
 */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

export type ReadOutcome = { text: string; error?: undefined } | { text?: undefined; error: InputError };

const at1 = (file: string, code: string, message: string): InputError => ({ file, line: 1, column: 1, code, message });

/** Where to read from: a path, or standard input (`-`). */
export function readInputFile(
  file: string,
  lang: Lang,
  options: { stdin?: boolean; maxBytes?: number; head?: boolean } = {},
): ReadOutcome {
  const max = options.maxBytes ?? MAX_FILE_BYTES;
  let fd: number;
  let own = true;
  if (options.stdin) {
    fd = 0;
    own = false;
  } else {
    try {
      fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
    } catch (error) {
      return { error: openError(file, error, lang) };
    }
  }
  try {
    if (own) {
      const s = fstatSync(fd);
      if (s.isDirectory()) return { error: at1(file, "is-directory", t(lang, "load.is-directory")) };
      if (!s.isFile()) return { error: at1(file, "not-regular", t(lang, "load.not-regular", { kind: kindOf(s, lang) })) };
      if (s.size > max && !options.head)
        return { error: at1(file, "too-large", t(lang, "load.too-large", { max: sizeText(max) })) };
    }
    // read at most max + 1 bytes: the file may grow while it is read, standard input has no size
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, max + (options.head ? 0 : 1) - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") {
          // a non-blocking standard input with nothing yet: wait a little and try again
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        if ((error as NodeJS.ErrnoException).code === "EOF") break;
        throw error;
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (options.head && total >= max) break;
      if (total > max) return { error: at1(file, "too-large", t(lang, "load.too-large", { max: sizeText(max) })) };
    }
    return decodeInput(Buffer.concat(chunks, total), file, lang, options.head);
  } catch (error) {
    return { error: openError(file, error, lang) };
  } finally {
    if (own) closeSync(fd);
  }
}

function openError(file: string, error: unknown, lang: Lang): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return at1(file, "not-found", t(lang, "load.not-found"));
  if (code === "EISDIR") return at1(file, "is-directory", t(lang, "load.is-directory"));
  if (code === "EACCES" || code === "EPERM") return at1(file, "unreadable", t(lang, "load.permission"));
  if (code === "ELOOP") return at1(file, "unreadable", t(lang, "load.link-loop"));
  return at1(file, "unreadable", t(lang, "load.unreadable"));
}

function kindOf(s: ReturnType<typeof fstatSync>, lang: Lang): string {
  const kind = s.isFIFO()
    ? "fifo"
    : s.isCharacterDevice()
      ? "character-device"
      : s.isBlockDevice()
        ? "block-device"
        : s.isSocket()
          ? "socket"
          : "special";
  return t(lang, `load.kind.${kind}`);
}

function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/**
 * Bytes to text: UTF-8 (a byte-order mark is dropped), UTF-16 LE or BE with a byte-order mark
 * (decoded); UTF-32 with a byte-order mark, and invalid UTF-8, are input errors.
 */
export function decodeInput(bytes: Uint8Array, file: string, lang: Lang, lenient = false): ReadOutcome {
  const b = bytes;
  if (
    b.length >= 4 &&
    ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))
  )
    return { error: at1(file, "encoding", t(lang, "load.encoding", { encoding: b[0] === 0 ? "UTF-32 BE" : "UTF-32 LE" })) };
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const le = b[0] === 0xff;
    if (b.length % 2 !== 0)
      return { error: at1(file, "encoding", t(lang, "load.encoding-truncated", { encoding: le ? "UTF-16 LE" : "UTF-16 BE" })) };
    return { text: wellFormed(new TextDecoder(le ? "utf-16le" : "utf-16be").decode(b.subarray(2))) };
  }
  const start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const body = b.subarray(start);
  // the head of a file, to tell whether it is a design: its end may cut a character in two
  if (lenient) return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(body) };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const bad = firstInvalidUtf8(body);
    const before = new TextDecoder("utf-8").decode(body.subarray(0, bad));
    const lines = before.split(/\r\n|\r|\n/);
    const last = lines[lines.length - 1] ?? "";
    return {
      error: {
        file,
        line: lines.length,
        column: [...last].length + 1,
        code: "encoding",
        message: t(lang, "load.not-utf8", { byte: `0x${(body[bad] ?? 0).toString(16).padStart(2, "0").toUpperCase()}` }),
      },
    };
  }
}

/** The offset of the first byte that does not start a valid UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    if (i + n >= b.length) return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text with each lone surrogate replaced by U+FFFD. Applied where text enters bunri (files read,
 * YAML and JSON escapes decoded), so that no output, JSON or XML, can carry one.
 */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, "\uFFFD");
}

/** `JSON.parse` that leaves no lone surrogate in a key or a value (`"\ud800"` escapes). */
export function parseJsonWellFormed(text: string): unknown {
  const body = wellFormed(text);
  // the reviver costs: only when an escape may decode to a surrogate
  if (!/\\u[dD][89a-fA-F]/.test(body)) return JSON.parse(body);
  return JSON.parse(body, function (this: Record<string, unknown>, key: string, value: unknown) {
    const fixedKey = wellFormed(key);
    const fixedValue = typeof value === "string" ? wellFormed(value) : value;
    if (fixedKey !== key) {
      Object.defineProperty(this, fixedKey, { value: fixedValue, enumerable: true, writable: true, configurable: true });
      return undefined;
    }
    return fixedValue;
  });
}
