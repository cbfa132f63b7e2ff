/**
 * Rows and columns of the reachability relation, one traversal each.
 *
 * A row is everything one source class reaches: a breadth-first traversal of the zone graph from
 * the source's zones, level by level (a level is one more device), carrying a *label* on each
 * zone: for every destination class, the service atoms on which traffic from the source gets that
 * far. Through a router the label passes unchanged; through a firewall it is cut down to what the
 * firewall forwards for that source. Labels are kept compact: one atom set per kind signature for
 * every destination class that no firewall on the way names (such classes are decided alike), and
 * an override for each class that one does. A firewall whose rules never name the source decides
 * every destination by its generic rules, so crossing it costs the classes it names, not all of
 * them; a traversal goes only where something can pass. A column is the same traversal from a
 * destination class, over source classes.
 *
 * The level at which a class first appears on one of its zones, atom by atom, is the number of
 * devices on the shortest chain for that atom: contagion needs it for the step of every pair.
 */
import type { Device } from "../model/design.js";
import { Bitset } from "../util/bitset.js";
import type { ReachCore } from "./classes.js";

/** Per kind signature, the atoms of every class that no firewall on the way named; per named class, its own. */
export class Label {
  constructor(
    readonly gen: Array<Bitset | undefined>,
    readonly ovr: Map<number, Bitset> = new Map(),
  ) {}

  value(cls: number, sig: number): Bitset | undefined {
    return this.ovr.get(cls) ?? this.gen[sig];
  }

  isEmpty(): boolean {
    for (const g of this.gen) if (g && !g.isEmpty()) return false;
    for (const o of this.ovr.values()) if (!o.isEmpty()) return false;
    return true;
  }
}

export interface FlowOptions {
  /** which kind signatures of the other side to follow (default: all) */
  sigs?: readonly boolean[];
  /** which classes of the other side to report (default: all of the followed signatures) */
  want?: (cls: number) => boolean;
}

export interface FlowResult {
  /** class of the other side → atoms (a destination's accepted services applied) */
  atoms: Map<number, Bitset>;
  /** devices on the shortest chain for `atom` to/from class `cls`, or -1 */
  distance(cls: number, atom: number): number;
}

/**
 * One traversal: `side` 0 walks from a source class over destination classes (a row), 1 from a
 * destination class over source classes (a column).
 */
export function traverse(
  core: ReachCore,
  side: 0 | 1,
  fixed: number,
  usableDevice: readonly boolean[],
  usableZone: readonly boolean[],
  options: FlowOptions = {},
): FlowResult {
  const { design, atoms } = core;
  const classes = side === 0 ? core.dstClasses : core.srcClasses;
  const named = side === 0 ? core.namedDst : core.namedSrc;
  const zoneClasses = side === 0 ? core.zoneDstClasses : core.zoneSrcClasses;
  const start = side === 0 ? core.srcClasses[fixed] : core.dstClasses[fixed];
  const sigs = options.sigs;
  const want = options.want;
  const sigCount = core.sigCount;
  const full = Bitset.full(atoms.size);
  const label = new Map<number, Label>();
  const deltas = new Map<number, Array<{ level: number; label: Label }>>();

  /** What firewall `f` lets through of label `lab`, for the fixed class. */
  const cross = (f: number, lab: Label): Label | undefined => {
    const table = core.table(f);
    const fixedLocal = side === 0 ? core.fromClass(f, fixed) : core.toClass(f, fixed);
    if (table.closedFor(side, fixedLocal)) return undefined;
    const decide = (otherLocal: number) =>
      side === 0 ? table.decision(fixedLocal, otherLocal) : table.decision(otherLocal, fixedLocal);
    const gen: Array<Bitset | undefined> = new Array(sigCount);
    for (let g = 0; g < sigCount; g++) {
      const in_ = lab.gen[g];
      if (!in_) continue;
      const passed = in_.and(decide(side === 0 ? core.genericTo(f, g) : core.genericFrom(f, g)));
      if (!passed.isEmpty()) gen[g] = passed;
    }
    const out = new Label(gen);
    const local = (cls: number) => (side === 0 ? core.toClass(f, cls) : core.fromClass(f, cls));
    for (const [cls, in_] of lab.ovr) {
      const passed = in_.and(decide(local(cls)));
      out.ovr.set(cls, passed);
    }
    for (const cls of named[f] as number[]) {
      if (lab.ovr.has(cls)) continue;
      const sig = (classes[cls] as { sig: number }).sig;
      const in_ = lab.gen[sig];
      if (!in_) continue;
      out.ovr.set(cls, in_.and(decide(local(cls))));
    }
    return out;
  };

  /** Adds `inc` into zone `z`'s label; returns what is new there (never more than `inc`), or undefined. */
  const merge = (z: number, inc: Label): Label | undefined => {
    let cur = label.get(z);
    if (!cur) {
      cur = new Label(new Array(sigCount));
      label.set(z, cur);
    }
    const delta = new Label(new Array(sigCount));
    // overrides first, against the label as it was
    const touched = new Set<number>([...cur.ovr.keys(), ...inc.ovr.keys()]);
    const nextOvr = new Map<number, Bitset>();
    for (const cls of touched) {
      const sig = (classes[cls] as { sig: number }).sig;
      const old = cur.value(cls, sig);
      const add = inc.value(cls, sig);
      const fresh = add ? (old ? add.andNot(old) : add) : undefined;
      delta.ovr.set(cls, fresh ?? new Bitset(atoms.size));
      const merged = old ? (add ? old.or(add) : old) : (add ?? new Bitset(atoms.size));
      nextOvr.set(cls, merged);
    }
    for (let g = 0; g < sigCount; g++) {
      const in_ = inc.gen[g];
      if (!in_) continue;
      const old = cur.gen[g];
      const fresh = old ? in_.andNot(old) : in_;
      if (!fresh.isEmpty()) delta.gen[g] = fresh;
      cur.gen[g] = old ? old.or(in_) : in_;
    }
    // keep an override only where it differs from its signature's generic atoms
    cur.ovr.clear();
    for (const [cls, v] of nextOvr) {
      const g = cur.gen[(classes[cls] as { sig: number }).sig];
      if (!(g ? g.equals(v) : v.isEmpty())) cur.ovr.set(cls, v);
    }
    return delta.isEmpty() ? undefined : delta;
  };

  const record = (z: number, level: number, lab: Label) => {
    const list = deltas.get(z);
    if (list) list.push({ level, label: lab });
    else deltas.set(z, [{ level, label: lab }]);
  };

  let frontier = new Map<number, Label>();
  if (start) {
    for (const z of start.zones) {
      if (!usableZone[z] || label.has(z)) continue;
      const gen: Array<Bitset | undefined> = new Array(sigCount);
      for (let g = 0; g < sigCount; g++) if (!sigs || sigs[g]) gen[g] = full;
      const lab = new Label(gen);
      label.set(z, new Label([...gen]));
      frontier.set(z, lab);
      record(z, 0, lab);
    }
  }
  let level = 0;
  while (frontier.size > 0) {
    level++;
    // what each device passes on at this level: the union of what it lets through from every
    // frontier zone it joins, sent once to each of its zones (a firewall joining k zones of the
    // frontier costs k crossings and k merges, not k × k); a zone gets back nothing new from
    // what it sent itself
    const passed = new Map<number, { out: Label; from: number; many: boolean }>();
    for (const [z, lab] of frontier) {
      for (const di of core.zoneDevices[z] as number[]) {
        if (!usableDevice[di]) continue;
        const d = design.devices[di] as Device;
        const out = d.firewall ? cross(di, lab) : lab;
        if (!out) continue;
        const had = passed.get(di);
        if (!had) passed.set(di, { out, from: z, many: false });
        else {
          had.out = union(had.out, out, classes);
          had.many = true;
        }
      }
    }
    const incoming = new Map<number, Label[]>();
    for (const [di, { out, from, many }] of passed) {
      for (const z2 of (design.devices[di] as Device).zones) {
        if ((!many && z2 === from) || !usableZone[z2]) continue;
        const list = incoming.get(z2);
        if (list) list.push(out);
        else incoming.set(z2, [out]);
      }
    }
    const next = new Map<number, Label>();
    for (const z of [...incoming.keys()].sort((a, b) => a - b)) {
      let delta: Label | undefined;
      for (const inc of incoming.get(z) as Label[]) {
        const d = merge(z, inc);
        if (!d) continue;
        delta = delta ? union(delta, d, classes) : d;
      }
      if (delta) {
        next.set(z, delta);
        record(z, level, delta);
      }
    }
    frontier = next;
  }

  const result = new Map<number, Bitset>();
  for (const [z, lab] of label) {
    for (const cls of zoneClasses[z] as number[]) {
      if (want && !want(cls)) continue;
      const c = classes[cls] as { sig: number; accepts?: Bitset };
      if (sigs && !sigs[c.sig]) continue;
      let v = lab.value(cls, c.sig);
      if (!v || v.isEmpty()) continue;
      const accepts = side === 0 ? c.accepts : (core.dstClasses[fixed]?.accepts as Bitset);
      if (accepts) v = v.and(accepts);
      if (v.isEmpty()) continue;
      const had = result.get(cls);
      result.set(cls, had ? had.or(v) : v);
    }
  }
  return {
    atoms: result,
    distance(cls: number, atom: number): number {
      const c = classes[cls] as { sig: number; zones: number[] };
      let best = -1;
      for (const z of c.zones) {
        for (const { level: l, label: lab } of deltas.get(z) ?? []) {
          if (best >= 0 && l >= best) break;
          if (lab.value(cls, c.sig)?.has(atom)) {
            best = l;
            break;
          }
        }
      }
      return best;
    },
  };
}

/** The union of two deltas of one zone (for classes both mention, the union of their values). */
function union(a: Label, b: Label, classes: ReadonlyArray<{ sig: number }>): Label {
  const n = Math.max(a.gen.length, b.gen.length);
  const gen: Array<Bitset | undefined> = new Array(n);
  for (let g = 0; g < n; g++) {
    const x = a.gen[g];
    const y = b.gen[g];
    gen[g] = x ? (y ? x.or(y) : x) : y;
  }
  const out = new Label(gen);
  for (const cls of new Set([...a.ovr.keys(), ...b.ovr.keys()])) {
    const sig = (classes[cls] as { sig: number }).sig;
    const x = a.value(cls, sig);
    const y = b.value(cls, sig);
    out.ovr.set(cls, x ? (y ? x.or(y) : x) : (y as Bitset));
  }
  return out;
}
