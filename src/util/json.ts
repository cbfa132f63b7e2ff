/**
 * Positions in JSON text, in linear time and constant stack: where the first syntax error is (Node
 * 20's `JSON.parse` names none), and where the value at a JSON pointer starts (for schema errors in
 * a saved result). The YAML parser did both before, at a cost of seconds and gigabytes on a large
 * corrupt file.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

interface Frame {
  array: boolean;
  index: number;
  key?: string;
  /** just opened: no member yet */
  fresh: boolean;
}

/**
 * Scans JSON text. Returns the offset of the first syntax error (or undefined when the text is
 * valid), and, when a target path is given, the offset where the value at that path starts.
 */
export function scanJson(text: string, target?: readonly string[]): { error?: number; found?: number } {
  const r = scanJsonAt(text, target ? [target] : []);
  const found = target ? r.found.get(target.join("\u0000")) : undefined;
  return { ...(r.error !== undefined ? { error: r.error } : {}), ...(found !== undefined ? { found } : {}) };
}

/**
 * One scan for many paths: the offset where the value at each path starts, keyed by the path's
 * segments joined with U+0000 (a path not in the text is absent).
 */
export function scanJsonAt(
  text: string,
  targets: ReadonlyArray<readonly string[]>,
): { error?: number; found: Map<string, number> } {
  const found = new Map<string, number>();
  const wanted = new Set(targets.map((t) => t.join("\u0000")));
  const depths = new Set(targets.map((t) => t.length));
  const r = scan(text, (stack, at) => {
    if (!depths.has(stack.length)) return;
    const key = stack.map((f) => (f.array ? String(f.index) : (f.key ?? ""))).join("\u0000");
    if (wanted.has(key) && !found.has(key)) found.set(key, at);
  });
  return { ...(r !== undefined ? { error: r } : {}), found };
}

function scan(text: string, visit: (stack: readonly Frame[], at: number) => void): number | undefined {
  let i = 0;
  const n = text.length;
  const stack: Frame[] = [];
  const ws = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const str = (): string | undefined => {
    // at the opening quote
    i++;
    let out = "";
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c < 0x20) return undefined;
      if (c === 0x5c) {
        out += text.slice(start, i);
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return undefined;
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          out += e === "n" ? "\n" : e === "t" ? "\t" : e === "r" ? "\r" : e === "b" ? "\b" : e === "f" ? "\f" : e;
          i += 2;
        } else return undefined;
        start = i;
        continue;
      }
      i++;
    }
    return undefined;
  };
  const num = (): boolean => {
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    if (!m.exec(text)) return false;
    i = m.lastIndex;
    return true;
  };
  // a value is expected at i; returns false on a syntax error (i stays at it)
  const scalarOrOpen = (): boolean => {
    ws();
    visit(stack, i);
    const c = text[i];
    if (c === "{") {
      stack.push({ array: false, index: 0, fresh: true });
      i++;
      return true;
    }
    if (c === "[") {
      stack.push({ array: true, index: 0, fresh: true });
      i++;
      return true;
    }
    if (c === '"') {
      const at = i;
      if (str() === undefined) {
        i = Math.max(at, i);
        return false;
      }
      return true;
    }
    for (const word of ["true", "false", "null"])
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    return num();
  };
  // after `{` or `,` in an object: a key, a colon
  const key = (frame: Frame): boolean => {
    ws();
    if (text[i] !== '"') return false;
    const k = str();
    if (k === undefined) return false;
    frame.key = k;
    ws();
    if (text[i] !== ":") return false;
    i++;
    return true;
  };
  if (!scalarOrOpen()) return i;
  // after each value: close containers, or go on to the next member
  for (;;) {
    const top = stack[stack.length - 1];
    if (!top) break;
    ws();
    const c = text[i];
    if (top.fresh) {
      top.fresh = false;
      // just opened: empty, or the first member
      if (c === (top.array ? "]" : "}")) {
        i++;
        stack.pop();
        continue;
      }
      if (!top.array && !key(top)) return i;
      if (!scalarOrOpen()) return i;
      continue;
    }
    if (c === ",") {
      i++;
      if (top.array) top.index++;
      else if (!key(top)) return i;
      if (!scalarOrOpen()) return i;
      continue;
    }
    if (c === (top.array ? "]" : "}")) {
      i++;
      stack.pop();
      continue;
    }
    return i;
  }
  ws();
  return i < n ? i : undefined;
}

/** Line and column (1-based, column in code points) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      start = k + 1;
    }
  }
  return { line, column: [...text.slice(start, end)].length + 1 };
}
