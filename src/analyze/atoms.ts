/**
 * Service atoms: the coarsest partition of the service space (tcp ports, udp ports, icmp) such
 * that every service set the design mentions (firewall rules, host services, flow hops, queries)
 * is a union of atoms. Within one atom every firewall decides the same way and every host accepts
 * alike, so reachability is computed once per atom, not per port. Atoms are numbered in the
 * spec's witness order: tcp by port, then udp by port, then icmp.
 */

import type { ServiceSet } from "../model/types.js";
import { Bitset } from "../util/bitset.js";

export interface Atom {
  proto: "tcp" | "udp" | "icmp";
  lo: number;
  hi: number;
}

export class ServiceAtoms {
  readonly atoms: Atom[] = [];
  private readonly tcpStarts: number[];
  private readonly udpStarts: number[];
  private readonly tcpBase: number;
  private readonly udpBase: number;
  readonly icmpAtom: number;

  constructor(sets: Iterable<ServiceSet>) {
    const tcpCuts = new Set<number>([1]);
    const udpCuts = new Set<number>([1]);
    for (const s of sets) {
      for (const [lo, hi] of s.tcp) {
        tcpCuts.add(lo);
        if (hi < 65535) tcpCuts.add(hi + 1);
      }
      for (const [lo, hi] of s.udp) {
        udpCuts.add(lo);
        if (hi < 65535) udpCuts.add(hi + 1);
      }
    }
    this.tcpStarts = [...tcpCuts].sort((a, b) => a - b);
    this.udpStarts = [...udpCuts].sort((a, b) => a - b);
    this.tcpBase = 0;
    this.tcpStarts.forEach((lo, i) => {
      this.atoms.push({ proto: "tcp", lo, hi: (this.tcpStarts[i + 1] ?? 65536) - 1 });
    });
    this.udpBase = this.atoms.length;
    this.udpStarts.forEach((lo, i) => {
      this.atoms.push({ proto: "udp", lo, hi: (this.udpStarts[i + 1] ?? 65536) - 1 });
    });
    this.icmpAtom = this.atoms.length;
    this.atoms.push({ proto: "icmp", lo: 0, hi: 0 });
  }

  get size(): number {
    return this.atoms.length;
  }

  /** The atoms making up a set; the set's ranges must be among those the partition was built from. */
  of(set: ServiceSet): Bitset {
    const out = new Bitset(this.atoms.length);
    const fill = (ranges: Array<[number, number]>, starts: number[], base: number) => {
      for (const [lo, hi] of ranges) {
        let i = lowerIndex(starts, lo);
        while (i < starts.length && (starts[i] as number) <= hi) {
          out.add(base + i);
          i++;
        }
      }
    };
    fill(set.tcp, this.tcpStarts, this.tcpBase);
    fill(set.udp, this.udpStarts, this.udpBase);
    if (set.icmp) out.add(this.icmpAtom);
    return out;
  }

  /** The first port of an atom, as the spec names a witness service: `tcp/443`, `icmp`. */
  label(atom: number): string {
    const a = this.atoms[atom] as Atom;
    return a.proto === "icmp" ? "icmp" : `${a.proto}/${a.lo}`;
  }

  /** The whole atom as a range: `tcp/1024-5431`. */
  rangeLabel(atom: number): string {
    const a = this.atoms[atom] as Atom;
    if (a.proto === "icmp") return "icmp";
    return a.lo === a.hi ? `${a.proto}/${a.lo}` : `${a.proto}/${a.lo}-${a.hi}`;
  }

  /** A set of atoms back as a ServiceSet (for display). */
  toServiceSet(atoms: Iterable<number>): ServiceSet {
    const out: ServiceSet = { tcp: [], udp: [], icmp: false };
    for (const i of atoms) {
      const a = this.atoms[i] as Atom;
      if (a.proto === "icmp") out.icmp = true;
      else {
        const list = out[a.proto];
        const last = list[list.length - 1];
        if (last && last[1] + 1 === a.lo) last[1] = a.hi;
        else list.push([a.lo, a.hi]);
      }
    }
    return out;
  }
}

/** Index of the last start ≤ value. */
function lowerIndex(starts: number[], value: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((starts[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
