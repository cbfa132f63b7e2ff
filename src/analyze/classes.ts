/**
 * Host classes and firewall decisions: what makes reachability computable per class rather than
 * per host (the atomic-predicate idea of Yang and Lam, over the source and destination dimensions
 * of the header space).
 *
 * At one firewall, a host's *local class* is the list of that firewall's rules whose `from` (as a
 * source) or `to` (as a destination) matches it. A host that a firewall's rules do not name (by
 * its id or one of its zones) matches them by its zones' kinds alone, so its local class there is
 * the firewall's *generic* class for its kind signature (the set of its zones' kinds). A host's
 * global class is then its zones, plus its local classes at the few firewalls that name it: two
 * hosts of one global class are interchangeable for reachability. Building the classes costs the
 * size of the named references, never hosts × rules.
 *
 * The firewall's decision for a (source local class, destination local class) pair is the set of
 * service atoms it forwards: the first rule of both lists that holds the atom decides, else the
 * default. Decisions are computed once per pair and cached.
 */
import type { Design, Device } from "../model/design.js";
import type { ZoneKind } from "../model/types.js";
import { Bitset } from "../util/bitset.js";
import type { ServiceAtoms } from "./atoms.js";

export interface HostClass {
  zones: number[];
  zonesKey: string;
  /** the kind signature (interned zone-kind set) */
  sig: number;
  /** local class at every firewall (device index) whose rules name the members */
  named: Map<number, number>;
  /** the same firewalls by the zones they are attached to (built when first needed) */
  namedByZone?: Map<number, number[]>;
  members: number[];
}

const NONE: readonly number[] = [];

export interface SourceClass extends HostClass {}

export interface DestClass extends HostClass {
  accepts: Bitset;
}

/** One firewall's rule table, seen per side as interned local classes. */
class FirewallTable {
  /** local class id → ascending rule indexes, per side */
  readonly lists: [number[][], number[][]] = [[], []];
  private readonly ids: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
  /** kind signature → generic local class id, per side */
  private readonly generic: [Map<number, number>, Map<number, number>] = [new Map(), new Map()];
  private readonly decisions = new Map<number, Bitset>();

  constructor(
    readonly device: Device,
    readonly ruleAtoms: Bitset[],
    private readonly atomCount: number,
  ) {}

  intern(side: 0 | 1, rules: number[]): number {
    const key = rules.join(",");
    let id = this.ids[side].get(key);
    if (id === undefined) {
      id = this.lists[side].length;
      this.ids[side].set(key, id);
      this.lists[side].push(rules);
    }
    return id;
  }

  genericClass(side: 0 | 1, sig: number, kinds: ReadonlySet<ZoneKind>): number {
    let id = this.generic[side].get(sig);
    if (id === undefined) {
      const rules: number[] = [];
      this.device.rules.forEach((r, ri) => {
        if ((side === 0 ? r.from : r.to).matchesKinds(kinds)) rules.push(ri);
      });
      id = this.intern(side, rules);
      this.generic[side].set(sig, id);
    }
    return id;
  }

  /** The rules both local classes hold, in table order. */
  matching(fromId: number, toId: number): number[] {
    return intersectSorted(this.lists[0][fromId] as number[], this.lists[1][toId] as number[]);
  }

  /** The atoms forwarded from local source class `fromId` to local destination class `toId`. */
  decision(fromId: number, toId: number): Bitset {
    const key = fromId * 2 ** 22 + toId;
    let allowed = this.decisions.get(key);
    if (allowed) return allowed;
    allowed = new Bitset(this.atomCount);
    let undecided = Bitset.full(this.atomCount);
    for (const ri of this.matching(fromId, toId)) {
      const hit = (this.ruleAtoms[ri] as Bitset).and(undecided);
      if (hit.isEmpty()) continue;
      if ((this.device.rules[ri] as Device["rules"][number]).def.action === "allow") allowed.orInPlace(hit);
      undecided = undecided.andNot(hit);
    }
    if (this.device.defaultAllow) allowed.orInPlace(undecided);
    this.decisions.set(key, allowed);
    return allowed;
  }

  /** Whether nothing can pass for this local class on `side` (no rule holds it, default deny). */
  closedFor(side: 0 | 1, id: number): boolean {
    return !this.device.defaultAllow && (this.lists[side][id] as number[]).length === 0;
  }
}

/** Class partition and firewall decisions: shared by every view of the design. */
export class ReachCore {
  readonly srcClassOf: Int32Array;
  readonly dstClassOf: Int32Array;
  readonly srcClasses: SourceClass[] = [];
  readonly dstClasses: DestClass[] = [];
  readonly ruleAtoms: Bitset[][];
  /** zone index → devices attached, ascending by device index (= id order) */
  readonly zoneDevices: number[][];
  /** zone index → the devices attached that may forward between hosts they do not name (see openDevices) */
  private readonly zoneKindOpen: number[][];
  /** zone index → the source / destination classes with a member attached to it */
  readonly zoneSrcClasses: number[][];
  readonly zoneDstClasses: number[][];
  /** device index → the source / destination classes its rules name */
  readonly namedSrc: number[][];
  readonly namedDst: number[][];
  /** kind signatures: their kinds */
  readonly sigKinds: Array<ReadonlySet<ZoneKind>> = [];
  /** kind signatures: their hosts, ascending */
  readonly sigHosts: number[][] = [];
  readonly tables: Array<FirewallTable | undefined>;
  /** (zone, source signature, destination signature) → the devices there open to classes no firewall names (openDevices) */
  private readonly genericOpen = new Map<number, number[]>();
  /** (destination class, zone, source signature) and (source class, zone, destination signature) → the firewalls there that name that class only and are open to it */
  private readonly dstNamedOpen = new Map<number, number[]>();
  private readonly srcNamedOpen = new Map<number, number[]>();

  constructor(
    readonly design: Design,
    readonly atoms: ServiceAtoms,
    /** hosts that must sit in classes of their own (ends of exception flows, for contagion) */
    singletons: ReadonlySet<number> = new Set(),
  ) {
    const { hosts, devices, zones } = design;
    this.ruleAtoms = devices.map((d) => d.rules.map((r) => atoms.of(r.def.service)));
    this.tables = devices.map((d) =>
      d.firewall ? new FirewallTable(d, this.ruleAtoms[d.index] as Bitset[], atoms.size) : undefined,
    );
    // kind signatures
    const sigIds = new Map<string, number>();
    const sigOf = new Int32Array(hosts.length);
    /** hosts on the same zones have the same kinds: the signature per zone list, worked out once */
    const sigOfZones = new Map<string, string>();
    for (const h of hosts) {
      const zonesKey = h.zones.join(",");
      let key = sigOfZones.get(zonesKey);
      if (key === undefined) {
        key = [...h.zoneKinds].sort().join(",");
        sigOfZones.set(zonesKey, key);
      }
      let id = sigIds.get(key);
      if (id === undefined) {
        id = this.sigKinds.length;
        sigIds.set(key, id);
        this.sigKinds.push(h.zoneKinds);
        this.sigHosts.push([]);
      }
      sigOf[h.index] = id;
      this.sigHosts[id]?.push(h.index);
    }
    // named references: host → firewall → rule indexes, per side
    const zoneHosts: number[][] = zones.map(() => []);
    for (const h of hosts) for (const z of h.zones) zoneHosts[z]?.push(h.index);
    // most hosts are named by no rule: their maps are made when a rule names them
    const namedRules: [Array<Map<number, number[]> | undefined>, Array<Map<number, number[]> | undefined>] = [
      new Array(hosts.length),
      new Array(hosts.length),
    ];
    const note = (side: 0 | 1, h: number, f: number, ri: number) => {
      let map = namedRules[side][h];
      if (!map) {
        map = new Map();
        namedRules[side][h] = map;
      }
      const list = map.get(f);
      if (!list) map.set(f, [ri]);
      else if (list[list.length - 1] !== ri) list.push(ri);
    };
    for (const d of devices) {
      if (!d.firewall) continue;
      d.rules.forEach((r, ri) => {
        for (const [side, set] of [
          [0, r.from],
          [1, r.to],
        ] as const) {
          for (const h of set.hosts) note(side, h, d.index, ri);
          for (const z of set.zones) for (const h of zoneHosts[z] ?? []) note(side, h, d.index, ri);
        }
      });
    }
    const all = Bitset.full(atoms.size);
    const srcKeys = new Map<string, number>();
    const dstKeys = new Map<string, number>();
    this.srcClassOf = new Int32Array(hosts.length);
    this.dstClassOf = new Int32Array(hosts.length);
    this.namedSrc = devices.map(() => []);
    this.namedDst = devices.map(() => []);
    for (const h of hosts) {
      const sig = sigOf[h.index] as number;
      const solo = singletons.has(h.index) ? `#${h.index}` : "";
      const zonesKey = h.zones.join(",");
      const local = (side: 0 | 1): { key: string; named: Map<number, number> } => {
        const byFirewall = namedRules[side][h.index];
        if (!byFirewall) return { key: "", named: new Map() };
        const named = new Map<number, number>();
        const parts: string[] = [];
        for (const f of [...byFirewall.keys()].sort((a, b) => a - b)) {
          const table = this.tables[f] as FirewallTable;
          const generic = table.lists[side][table.genericClass(side, sig, h.zoneKinds)] as number[];
          const id = table.intern(side, unionSorted(generic, byFirewall.get(f) as number[]));
          named.set(f, id);
          parts.push(`${f}:${id}`);
        }
        return { key: parts.join(";"), named };
      };
      const src = local(0);
      const sk = `${zonesKey}|${src.key}${solo}`;
      let sc = srcKeys.get(sk);
      if (sc === undefined) {
        sc = this.srcClasses.length;
        srcKeys.set(sk, sc);
        this.srcClasses.push({ zones: h.zones, zonesKey, sig, named: src.named, members: [] });
        for (const f of src.named.keys()) this.namedSrc[f]?.push(sc);
      }
      this.srcClasses[sc]?.members.push(h.index);
      this.srcClassOf[h.index] = sc;
      const accepts = h.services ? atoms.of(h.services) : all;
      const dst = local(1);
      const dk = `${zonesKey}|${dst.key}|${accepts.key()}${solo}`;
      let dc = dstKeys.get(dk);
      if (dc === undefined) {
        dc = this.dstClasses.length;
        dstKeys.set(dk, dc);
        this.dstClasses.push({ zones: h.zones, zonesKey, sig, named: dst.named, accepts, members: [] });
        for (const f of dst.named.keys()) this.namedDst[f]?.push(dc);
      }
      this.dstClasses[dc]?.members.push(h.index);
      this.dstClassOf[h.index] = dc;
    }
    this.zoneDevices = zones.map(() => []);
    for (const d of devices) for (const z of d.zones) this.zoneDevices[z]?.push(d.index);
    // A firewall decides a pair that it does not name by rules that match both ends by their
    // kinds (`any`, `tier:`, `zone-kind:`), else by its default: one with no such rule and a
    // default deny is closed to every such pair, whatever their kinds.
    const kindOpen = devices.map(
      (d) =>
        !d.firewall ||
        d.defaultAllow ||
        d.rules.some((r) => (r.from.any || r.from.kinds.size > 0) && (r.to.any || r.to.kinds.size > 0)),
    );
    this.zoneKindOpen = this.zoneDevices.map((list) => list.filter((di) => kindOpen[di]));
    this.zoneSrcClasses = zones.map(() => []);
    this.zoneDstClasses = zones.map(() => []);
    this.srcClasses.forEach((c, i) => {
      for (const z of c.zones) this.zoneSrcClasses[z]?.push(i);
    });
    this.dstClasses.forEach((c, i) => {
      for (const z of c.zones) this.zoneDstClasses[z]?.push(i);
    });
  }

  get sigCount(): number {
    return this.sigKinds.length;
  }

  table(f: number): FirewallTable {
    return this.tables[f] as FirewallTable;
  }

  /** Local source class of source class `cs` at firewall `f`. */
  fromClass(f: number, cs: number): number {
    const c = this.srcClasses[cs] as SourceClass;
    return c.named.get(f) ?? this.table(f).genericClass(0, c.sig, this.sigKinds[c.sig] as ReadonlySet<ZoneKind>);
  }

  /** Local destination class of destination class `ct` at firewall `f`. */
  toClass(f: number, ct: number): number {
    const c = this.dstClasses[ct] as DestClass;
    return c.named.get(f) ?? this.table(f).genericClass(1, c.sig, this.sigKinds[c.sig] as ReadonlySet<ZoneKind>);
  }

  genericFrom(f: number, sig: number): number {
    return this.table(f).genericClass(0, sig, this.sigKinds[sig] as ReadonlySet<ZoneKind>);
  }

  genericTo(f: number, sig: number): number {
    return this.table(f).genericClass(1, sig, this.sigKinds[sig] as ReadonlySet<ZoneKind>);
  }

  /** The atoms on which firewall `f` forwards traffic from source class `cs` to destination class `ct`. */
  firewallAllows(f: number, cs: number, ct: number): Bitset {
    return this.table(f).decision(this.fromClass(f, cs), this.toClass(f, ct));
  }

  /**
   * The devices attached to zone `z` that forward something from source class `cs` to destination
   * class `ct`, ascending: every forwarder that is not a firewall, and the firewalls whose decision
   * for the pair is not empty. A firewall decides a class that it does not name by its generic
   * class for the class's kind signature, so the firewalls are taken in four groups, three of
   * them listed once and kept: those that name neither class (per zone and pair of signatures),
   * those that name only the destination (per zone, destination and source signature), only the
   * source (likewise), and those that name both, decided for the pair itself. A pair's traversal
   * through a hub zone with thousands of firewalls, or to a server that thousands of tables name,
   * thus costs the firewalls that can let it through, not all of them.
   */
  openDevices(z: number, cs: number, ct: number): readonly number[] {
    const src = this.srcClasses[cs] as SourceClass;
    const dst = this.dstClasses[ct] as DestClass;
    const S = this.sigKinds.length;
    // (written without closures or copies where it can: a national check asks it some 150,000 times)
    const baseKey = (z * S + src.sig) * S + dst.sig;
    let base = this.genericOpen.get(baseKey);
    if (!base) {
      base = [];
      for (const di of this.zoneKindOpen[z] as number[]) {
        const table = this.tables[di];
        // no table: not a firewall, so it forwards everything
        const forwards =
          table === undefined || !table.decision(this.genericFrom(di, src.sig), this.genericTo(di, dst.sig)).isEmpty();
        if (forwards) base.push(di);
      }
      this.genericOpen.set(baseKey, base);
    }
    const srcHere = this.namedAt(src, z);
    const dstHere = this.namedAt(dst, z);
    // neither class is named by a firewall of this zone: the generic decisions are theirs
    if (srcHere.length === 0 && dstHere.length === 0) return base;
    const Z = this.zoneDevices.length;
    const out: number[] = [];
    for (const di of base) if (!src.named.has(di) && !dst.named.has(di)) out.push(di);
    // named by the destination only (decided with the source's generic class), by the source only
    if (dstHere.length > 0)
      for (const f of this.namedOnly(1, (ct * Z + z) * S + src.sig, dstHere, src, dst)) if (!src.named.has(f)) out.push(f);
    if (srcHere.length > 0)
      for (const f of this.namedOnly(0, (cs * Z + z) * S + dst.sig, srcHere, src, dst)) if (!dst.named.has(f)) out.push(f);
    // named by both
    if (srcHere.length > 0 && dstHere.length > 0) {
      const [fewer, other] = srcHere.length <= dstHere.length ? [srcHere, dst] : [dstHere, src];
      for (const f of fewer) if (other.named.has(f) && !this.firewallAllows(f, cs, ct).isEmpty()) out.push(f);
    }
    if (out.length > 1) out.sort((a, b) => a - b);
    return out;
  }

  /**
   * Of the firewalls `here` that name the class of `side` (0: the source, 1: the destination), those
   * that forward something to the pair, deciding the other end by its generic class; kept per key
   * (the class, the zone and the other end's kind signature).
   */
  private namedOnly(side: 0 | 1, key: number, here: readonly number[], src: SourceClass, dst: DestClass): readonly number[] {
    const kept = side === 0 ? this.srcNamedOpen : this.dstNamedOpen;
    let open = kept.get(key);
    if (!open) {
      open = [];
      for (const f of here) {
        const allowed =
          side === 0
            ? this.table(f).decision(src.named.get(f) as number, this.genericTo(f, dst.sig))
            : this.table(f).decision(this.genericFrom(f, src.sig), dst.named.get(f) as number);
        if (!allowed.isEmpty()) open.push(f);
      }
      kept.set(key, open);
    }
    return open;
  }

  /** The firewalls attached to zone `z` that name the class (a server that thousands of tables name). */
  private namedAt(c: HostClass, z: number): readonly number[] {
    if (c.named.size === 0) return NONE;
    if (!c.namedByZone) {
      c.namedByZone = new Map();
      for (const f of c.named.keys())
        for (const fz of (this.design.devices[f] as Device).zones) {
          const list = c.namedByZone.get(fz);
          if (list) list.push(f);
          else c.namedByZone.set(fz, [f]);
        }
    }
    return c.namedByZone.get(z) ?? NONE;
  }

  /** The rule of firewall `f` that decides (s → t, atom), or undefined for the default. */
  decidingRule(f: number, s: number, t: number, atom: number): number | undefined {
    const table = this.table(f);
    const rules = table.matching(this.fromClass(f, this.srcClassOf[s] as number), this.toClass(f, this.dstClassOf[t] as number));
    const ruleAtoms = this.ruleAtoms[f] as Bitset[];
    for (const ri of rules) if ((ruleAtoms[ri] as Bitset).has(atom)) return ri;
    return undefined;
  }
}

export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

function unionSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
