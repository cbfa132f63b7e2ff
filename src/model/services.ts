/**
 * Services: `any`, `tcp/443`, `udp/53`, `tcp/8000-8080`, `icmp`, or a well-known name.
 * A ServiceSet is a union of port ranges per protocol, kept sorted and merged.
 */
import type { ServiceSet } from "./types.js";

type Range = [number, number];

export const SERVICE_NAMES: Readonly<Record<string, string[]>> = {
  http: ["tcp/80"],
  https: ["tcp/443"],
  ssh: ["tcp/22"],
  rdp: ["tcp/3389"],
  smtp: ["tcp/25"],
  submission: ["tcp/587"],
  dns: ["udp/53", "tcp/53"],
  ldap: ["tcp/389"],
  ldaps: ["tcp/636"],
  smb: ["tcp/445"],
  ftp: ["tcp/21"],
  ntp: ["udp/123"],
  syslog: ["udp/514"],
  postgres: ["tcp/5432"],
  mysql: ["tcp/3306"],
  mssql: ["tcp/1433"],
  oracle: ["tcp/1521"],
};

export const EMPTY_SERVICES: ServiceSet = Object.freeze({ tcp: [], udp: [], icmp: false }) as ServiceSet;
export const ANY_SERVICE: ServiceSet = Object.freeze({
  tcp: [[1, 65535]],
  udp: [[1, 65535]],
  icmp: true,
}) as ServiceSet;
/** every tcp and udp service: what a contagion step may use */
export const TCP_UDP: ServiceSet = Object.freeze({ tcp: [[1, 65535]], udp: [[1, 65535]], icmp: false }) as ServiceSet;

export type ServiceParseResult = { ok: true; set: ServiceSet } | { ok: false; reason: "syntax" | "range" | "unknown-name" };

const PORT_RE = /^(tcp|udp)\/(\d{1,5})(?:-(\d{1,5}))?$/;

/** Parses one service element (not a list). */
export function parseServiceElement(text: string): ServiceParseResult {
  if (text === "any") return { ok: true, set: cloneSet(ANY_SERVICE) };
  if (text === "icmp") return { ok: true, set: { tcp: [], udp: [], icmp: true } };
  const named = Object.hasOwn(SERVICE_NAMES, text) ? SERVICE_NAMES[text] : undefined;
  if (named) return { ok: true, set: unionAll(named.map((n) => (parseServiceElement(n) as { set: ServiceSet }).set)) };
  const m = PORT_RE.exec(text);
  if (!m) return { ok: false, reason: /^[a-z][a-z0-9-]*$/.test(text) ? "unknown-name" : "syntax" };
  const lo = Number(m[2]);
  const hi = m[3] === undefined ? lo : Number(m[3]);
  if (lo < 1 || hi > 65535 || lo > hi) return { ok: false, reason: "range" };
  const set: ServiceSet = { tcp: [], udp: [], icmp: false };
  set[m[1] as "tcp" | "udp"].push([lo, hi]);
  return { ok: true, set };
}

export function cloneSet(s: ServiceSet): ServiceSet {
  return { tcp: s.tcp.map((r) => [r[0], r[1]]), udp: s.udp.map((r) => [r[0], r[1]]), icmp: s.icmp };
}

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.map((r): Range => [r[0], r[1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

function intersectRanges(a: Range[], b: Range[]): Range[] {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ra = a[i] as Range;
    const rb = b[j] as Range;
    const lo = Math.max(ra[0], rb[0]);
    const hi = Math.min(ra[1], rb[1]);
    if (lo <= hi) out.push([lo, hi]);
    if (ra[1] < rb[1]) i++;
    else j++;
  }
  return out;
}

export function unionAll(sets: ServiceSet[]): ServiceSet {
  return {
    tcp: mergeRanges(sets.flatMap((s) => s.tcp)),
    udp: mergeRanges(sets.flatMap((s) => s.udp)),
    icmp: sets.some((s) => s.icmp),
  };
}

export function intersect(a: ServiceSet, b: ServiceSet): ServiceSet {
  return { tcp: intersectRanges(a.tcp, b.tcp), udp: intersectRanges(a.udp, b.udp), icmp: a.icmp && b.icmp };
}

function subtractRanges(a: Range[], b: Range[]): Range[] {
  const out: Range[] = [];
  for (const [lo0, hi] of a) {
    let lo = lo0;
    for (const [blo, bhi] of b) {
      if (bhi < lo || blo > hi) continue;
      if (blo > lo) out.push([lo, blo - 1]);
      lo = Math.max(lo, bhi + 1);
      if (lo > hi) break;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

/** The services of `a` that are not in `b`. */
export function subtract(a: ServiceSet, b: ServiceSet): ServiceSet {
  return { tcp: subtractRanges(a.tcp, b.tcp), udp: subtractRanges(a.udp, b.udp), icmp: a.icmp && !b.icmp };
}

export function isEmpty(s: ServiceSet): boolean {
  return s.tcp.length === 0 && s.udp.length === 0 && !s.icmp;
}

export function isAny(s: ServiceSet): boolean {
  const full = (r: Range[]) => r.length === 1 && r[0]?.[0] === 1 && r[0]?.[1] === 65535;
  return full(s.tcp) && full(s.udp) && s.icmp;
}

/** A canonical, readable rendering: `any`, `tcp/443`, `tcp/8000-8080, udp/53, icmp`. */
export function formatServiceSet(s: ServiceSet): string {
  if (isAny(s)) return "any";
  if (isEmpty(s)) return "none";
  const parts: string[] = [];
  for (const proto of ["tcp", "udp"] as const) {
    for (const [lo, hi] of s[proto]) parts.push(lo === hi ? `${proto}/${lo}` : `${proto}/${lo}-${hi}`);
  }
  if (s.icmp) parts.push("icmp");
  return parts.join(", ");
}

/** The first element of a set in the order tcp, udp, icmp, then by port: `tcp/443`. */
export function firstElement(s: ServiceSet): string | undefined {
  if (s.tcp[0]) return `tcp/${s.tcp[0][0]}`;
  if (s.udp[0]) return `udp/${s.udp[0][0]}`;
  if (s.icmp) return "icmp";
  return undefined;
}

/** Parses a list of service texts that the loader has already validated. */
export function parseServiceList(texts: readonly string[]): ServiceSet {
  const sets: ServiceSet[] = [];
  for (const t of texts) {
    const r = parseServiceElement(t);
    if (r.ok) sets.push(r.set);
  }
  return unionAll(sets);
}
