/**
 * A second, naive reading of topology.md's reachability and contagion, written straight from the
 * definitions with no classes, atoms or caches: every chain is enumerated, every packet is a single
 * concrete (protocol, port). Slow and obviously right; the engine is checked against it on random
 * designs (test/analyze/oracle.test.ts). It shares nothing with src/ but the compact input type.
 */
import type { TopologyInput } from "./topology.js";

export type Proto = "tcp" | "udp" | "icmp";
/** one concrete packet: a protocol and a port (0 for icmp) */
export interface Packet {
  proto: Proto;
  port: number;
}
type Range = { proto: Proto; lo: number; hi: number };

const NAMED: Record<string, string[]> = {
  http: ["tcp/80"],
  https: ["tcp/443"],
  ssh: ["tcp/22"],
  rdp: ["tcp/3389"],
  smtp: ["tcp/25"],
  dns: ["udp/53", "tcp/53"],
  postgres: ["tcp/5432"],
  ntp: ["udp/123"],
};

function ranges(texts: string[]): Range[] {
  const out: Range[] = [];
  for (const text of texts) {
    if (text === "any")
      out.push({ proto: "tcp", lo: 1, hi: 65535 }, { proto: "udp", lo: 1, hi: 65535 }, { proto: "icmp", lo: 0, hi: 0 });
    else if (text === "icmp") out.push({ proto: "icmp", lo: 0, hi: 0 });
    else if (NAMED[text]) out.push(...ranges(NAMED[text] as string[]));
    else {
      const m = /^(tcp|udp)\/(\d+)(?:-(\d+))?$/.exec(text);
      if (!m) throw new Error(`oracle: service ${text}`);
      out.push({ proto: m[1] as Proto, lo: Number(m[2]), hi: Number(m[3] ?? m[2]) });
    }
  }
  return out;
}

const label = (p: Packet) => `${p.proto}/${p.port}`;
const inRanges = (rs: Range[], p: Packet) => rs.some((r) => r.proto === p.proto && r.lo <= p.port && p.port <= r.hi);
const asList = (x: string | string[] | undefined, dflt: string[]) => (x === undefined ? dflt : Array.isArray(x) ? x : [x]);

/** The tier of each zone kind, written out again from topology.md (the oracle does not read src/). */
export const TIER: Record<string, string | undefined> = {
  internet: "internet-side",
  "internet-connected": "internet-side",
  "security-cloud": "internet-side",
  dmz: "internet-side",
  "asp-internet": "internet-side",
  lgwan: "lgwan-side",
  "lgwan-connected": "lgwan-side",
  "asp-lgwan": "lgwan-side",
  mynumber: "mynumber-side",
  "gov-cloud": "mynumber-side",
};
const FORWARDING = new Set(["firewall", "router", "switch", "ips", "waf", "vpn-gateway", "wireless-ap"]);

export interface OHost {
  id: string;
  kind: string;
  zones: string[];
  services?: Range[];
  internet: boolean;
  mediator: boolean;
  fetcher: boolean;
}
interface ORule {
  name: string;
  allow: boolean;
  from: string[];
  to: string[];
  service: Range[];
}
interface ODevice {
  id: string;
  kind: string;
  zones: string[];
  /** a host with `forwards: true` */
  host: boolean;
  ips: boolean;
  rules?: ORule[];
  defaultAllow: boolean;
}

/** A chain: the ids z1, d1, z2, …, zk+1, and the rule each firewall used. */
export interface OChain {
  ids: string[];
  rules: Map<string, string>;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0); // UTF-16; ids here are in the BMP

export class Oracle {
  readonly hosts: OHost[] = [];
  readonly devices: ODevice[] = [];
  private readonly zoneKind = new Map<string, string>();
  /** every tcp and udp port and icmp where some range of the design starts or ends: one packet per interval */
  readonly packets: Packet[];
  private readonly exceptionPairs = new Set<string>();
  /** the hops of the declared flows: sender, receiver, and the flow's service (the compact input has no per-hop service) */
  readonly hops: Array<{ flow: string; sender: string; receiver: string; service: Range[] }> = [];

  constructor(input: TopologyInput) {
    for (const [id, z] of Object.entries(input.zones)) this.zoneKind.set(id, typeof z === "string" ? z : z.kind);
    const bounds = { tcp: new Set([1]), udp: new Set([1]) };
    const note = (rs: Range[]) => {
      for (const r of rs) {
        if (r.proto === "icmp") continue;
        bounds[r.proto].add(r.lo);
        if (r.hi < 65535) bounds[r.proto].add(r.hi + 1);
      }
    };
    for (const [id, n] of Object.entries(input.nodes)) {
      const isHost = !FORWARDING.has(n.kind);
      if (isHost) {
        const h: OHost = {
          id,
          kind: n.kind,
          zones: n.zones,
          internet: n.zones.some((z) => this.zoneKind.get(z) === "internet"),
          mediator:
            n.kind === "sanitizer" ||
            (n.kind === "screen-transfer" && (n.controls?.redirection ?? []).length === 0) ||
            (n.kind === "mail-relay" && n.controls?.sanitize !== undefined),
          // topology.md, "Optional node fields": `fetches` as written, else by kind
          fetcher: n.fetches ?? (n.kind === "client" || n.kind === "proxy" || n.kind === "screen-transfer"),
        };
        if (n.services) {
          h.services = ranges(n.services);
          note(h.services);
        }
        this.hosts.push(h);
      }
      if (!isHost || n.forwards) {
        const d: ODevice = {
          id,
          kind: n.kind,
          zones: n.zones,
          host: isHost,
          ips: n.kind === "ips" || (n.kind === "firewall" && n.controls?.ips === true),
          defaultAllow: n.default === "allow",
        };
        if (n.kind === "firewall") {
          d.rules = (n.rules ?? []).map((r, i) => {
            const body = (r.allow ?? r.deny) as NonNullable<typeof r.allow>;
            const rule = {
              name: `${id}#${r.id ?? i + 1}`,
              allow: r.allow !== undefined,
              from: asList(body.from, []),
              to: asList(body.to, []),
              service: ranges(asList(body.service, ["any"])),
            };
            note(rule.service);
            return rule;
          });
        }
        this.devices.push(d);
      }
    }
    for (const [z, kind] of this.zoneKind)
      if (kind !== "transit")
        this.hosts.push({
          id: `${z}/*`,
          kind: "client",
          zones: [z],
          internet: kind === "internet",
          mediator: false,
          fetcher: true,
        });
    if (input.model === "alpha-prime")
      for (const f of Object.values(input.flows ?? {}))
        if (f.exception)
          for (let i = 1; i < f.path.length; i++) this.exceptionPairs.add([f.path[i - 1], f.path[i]].sort().join(" "));
    for (const [id, f] of Object.entries(input.flows ?? {})) {
      const service = ranges(asList(f.service, ["any"]));
      note(service);
      for (let i = 1; i < f.path.length; i++)
        this.hops.push({ flow: id, sender: f.path[i - 1] as string, receiver: f.path[i] as string, service });
    }
    this.packets = [
      ...[...bounds.tcp].sort((a, b) => a - b).map((port): Packet => ({ proto: "tcp", port })),
      ...[...bounds.udp].sort((a, b) => a - b).map((port): Packet => ({ proto: "udp", port })),
      { proto: "icmp", port: 0 },
    ];
  }

  host(id: string): OHost {
    const h = this.hosts.find((x) => x.id === id);
    if (!h) throw new Error(`oracle: no host ${id}`);
    return h;
  }

  /** Does address reference `ref` cover host `h`? (topology.md, "from and to take a reference") */
  private covers(ref: string, h: OHost): boolean {
    if (ref === "any") return true;
    if (ref.startsWith("zone-kind:")) return h.zones.some((z) => this.zoneKind.get(z) === ref.slice(10));
    if (ref.startsWith("tier:")) return h.zones.some((z) => TIER[this.zoneKind.get(z) as string] === ref.slice(5));
    if (this.zoneKind.has(ref)) return h.zones.includes(ref);
    return h.id === ref;
  }

  /** The hosts each rule's `from` and `to` cover, by id (computed once per rule with `covers`). */
  private readonly sides = new Map<ORule, { from: Set<string>; to: Set<string> }>();
  private sidesOf(r: ORule): { from: Set<string>; to: Set<string> } {
    let got = this.sides.get(r);
    if (!got) {
      const of = (refs: string[]) => new Set(this.hosts.filter((h) => refs.some((x) => this.covers(x, h))).map((h) => h.id));
      got = { from: of(r.from), to: of(r.to) };
      this.sides.set(r, got);
    }
    return got;
  }

  /** The first rule of firewall `d` that matches, or undefined for the default. */
  private decide(d: ODevice, s: OHost, t: OHost, p: Packet): ORule | undefined {
    return d.rules?.find((r) => {
      const side = this.sidesOf(r);
      return side.from.has(s.id) && side.to.has(t.id) && inRanges(r.service, p);
    });
  }

  private passesThrough(d: ODevice, s: OHost, t: OHost, p: Packet): boolean {
    if (d.id === s.id || d.id === t.id) return false;
    if (d.kind !== "firewall") return true;
    const r = this.decide(d, s, t, p);
    return r ? r.allow : d.defaultAllow;
  }

  /**
   * Every chain z1 d1 z2 … zk+1 from `s` to `t` for packet `p` (no zone twice), with `without`
   * devices taken away, the shortest first: fewest devices, then the id sequence.
   */
  chains(s: OHost, t: OHost, p: Packet, without: (d: ODevice) => boolean = () => false, anyService = false): OChain[] {
    if (s.id === t.id) return [];
    if (!anyService && t.services && !inRanges(t.services, p)) return [];
    const open = this.devices.filter((d) => !without(d) && this.passesThrough(d, s, t, p));
    const out: string[][] = [];
    const walk = (ids: string[], seen: Set<string>) => {
      const z = ids[ids.length - 1] as string;
      if (t.zones.includes(z)) out.push([...ids]);
      for (const d of open) {
        if (!d.zones.includes(z)) continue;
        for (const z2 of d.zones) {
          if (seen.has(z2)) continue;
          seen.add(z2);
          walk([...ids, d.id, z2], seen);
          seen.delete(z2);
        }
      }
    };
    for (const z of s.zones) walk([z], new Set([z]));
    out.sort((a, b) => {
      if (a.length !== b.length) return a.length - b.length;
      for (let i = 0; i < a.length; i++) {
        const c = cmp(a[i] as string, b[i] as string);
        if (c !== 0) return c;
      }
      return 0;
    });
    return out.map((ids) => {
      const rules = new Map<string, string>();
      for (const d of open)
        if (d.kind === "firewall" && ids.includes(d.id)) rules.set(d.id, this.decide(d, s, t, p)?.name ?? "default");
      return { ids, rules };
    });
  }

  reaches(s: OHost, t: OHost, p: Packet, without?: (d: ODevice) => boolean): boolean {
    return this.chains(s, t, p, without).length > 0;
  }

  /**
   * Reachability read without the loop-free condition: some walk of zones through devices that
   * forward (s → t, p), zones repeated or not (a plain search over zones). topology.md says the
   * loop-free condition leaves reachability unchanged; the tests hold the two readings equal.
   */
  reachesByWalk(s: OHost, t: OHost, p: Packet, without?: (d: ODevice) => boolean): boolean {
    if (without) return this.walk(s, t, p, without);
    const key = `${s.id}\u0000${t.id}\u0000${label(p)}`;
    let got = this.walkMemo.get(key);
    if (got === undefined) {
      got = this.walk(s, t, p, () => false);
      this.walkMemo.set(key, got);
    }
    return got;
  }
  private readonly walkMemo = new Map<string, boolean>();

  private walk(s: OHost, t: OHost, p: Packet, without: (d: ODevice) => boolean): boolean {
    if (s.id === t.id || (t.services && !inRanges(t.services, p))) return false;
    const open = this.devices.filter((d) => !without(d) && this.passesThrough(d, s, t, p));
    const seen = new Set(s.zones);
    const queue = [...s.zones];
    while (queue.length > 0) {
      const z = queue.shift() as string;
      if (t.zones.includes(z)) return true;
      for (const d of open)
        if (d.zones.includes(z))
          for (const z2 of d.zones)
            if (!seen.has(z2)) {
              seen.add(z2);
              queue.push(z2);
            }
    }
    return false;
  }

  /** Would `p` get from `s` to `t` were it accepted there? (The network lets it through.) */
  passes(s: OHost, t: OHost, p: Packet): boolean {
    return this.chains(s, t, p, undefined, true).length > 0;
  }

  /** Does `t` accept `p`? */
  accepts(t: OHost, p: Packet): boolean {
    return !t.services || inRanges(t.services, p);
  }

  /** Is there any chain of zones from `s` to `t` through nodes other than them, whatever they forward? */
  connected(s: OHost, t: OHost): boolean {
    const other = (id: string) => id !== s.id && id !== t.id;
    const all = [
      ...this.devices.filter((d) => other(d.id)).map((d) => d.zones),
      ...this.hosts.filter((h) => h.zones.length > 1 && other(h.id)).map((h) => h.zones),
    ];
    const seen = new Set(s.zones);
    let grew = true;
    while (grew) {
      grew = false;
      for (const zones of all)
        if (zones.some((z) => seen.has(z)))
          for (const z of zones)
            if (!seen.has(z)) {
              seen.add(z);
              grew = true;
            }
    }
    return t.zones.some((z) => seen.has(z));
  }

  /**
   * The nodes on some shortest route from `s` to `t` (topology.md: an explanation "names what stops
   * it on every shortest route"), read naively: a route goes zone, node, zone, …, through devices
   * and multi-homed hosts other than `s` and `t`, its length the number of nodes; a node lies on a
   * shortest one when it joins two different zones `a` and `b` with (nodes from `s` to `a`) + 1 +
   * (nodes from `b` to `t`) equal to the shortest length. Distances by breadth-first search over
   * zones, from each end.
   */
  onShortestRoutes(s: OHost, t: OHost): Array<{ id: string; host: boolean }> {
    const other = (id: string) => id !== s.id && id !== t.id;
    const nodes = [
      ...this.devices.filter((d) => other(d.id)).map((d) => ({ id: d.id, zones: d.zones, host: false })),
      ...this.hosts
        .filter((h) => h.zones.length > 1 && other(h.id) && !this.devices.some((d) => d.id === h.id))
        .map((h) => ({ id: h.id, zones: h.zones, host: true })),
    ];
    const distances = (from: readonly string[]) => {
      const d = new Map<string, number>(from.map((z) => [z, 0]));
      for (let level = 0; ; level++) {
        let grew = false;
        for (const n of nodes) {
          if (!n.zones.some((z) => d.get(z) === level)) continue;
          for (const z of n.zones)
            if (!d.has(z)) {
              d.set(z, level + 1);
              grew = true;
            }
        }
        if (!grew) return d;
      }
    };
    const fromS = distances(s.zones);
    const fromT = distances(t.zones);
    const total = Math.min(...t.zones.map((z) => fromS.get(z) ?? Number.POSITIVE_INFINITY));
    return nodes.filter((n) =>
      n.zones.some((a) =>
        n.zones.some(
          (b) => a !== b && fromS.has(a) && fromT.has(b) && (fromS.get(a) as number) + 1 + (fromT.get(b) as number) === total,
        ),
      ),
    );
  }

  isFirewall(id: string): boolean {
    return this.devices.some((d) => d.id === id && d.kind === "firewall");
  }

  /** The decision of firewall `id` on (s, t, p): the deciding rule's action, or its default. */
  firewallAllows(id: string, s: OHost, t: OHost, p: Packet): boolean {
    const d = this.devices.find((x) => x.id === id);
    if (d?.kind !== "firewall") throw new Error(`oracle: no firewall ${id}`);
    const r = this.decide(d, s, t, p);
    return r ? r.allow : d.defaultAllow;
  }

  /** The witness over every service: the first packet (tcp, udp, icmp, by port) that reaches, and its shortest chain. */
  witness(s: OHost, t: OHost, onlyTcpUdp = false): { packet: Packet; chain: OChain } | undefined {
    for (const p of this.packets) {
      if (onlyTcpUdp && p.proto === "icmp") continue;
      const chain = this.chains(s, t, p)[0];
      if (chain) return { packet: p, chain };
    }
    return undefined;
  }

  /** Devices of a kind, for "every chain passes X": an `ips` is also a firewall with `ips: true`. */
  static kind(kind: "firewall" | "ips"): (d: ODevice) => boolean {
    return kind === "ips" ? (d) => d.ips : (d) => d.kind === "firewall";
  }

  /**
   * NET-04's reading (rules.md): the allow rules that decide, at their firewall, some hop of some
   * declared flow, for some packet of the hop's service set, on some chain that carries the hop.
   * A chain is loop-free (topology.md, "Reachability": it visits no zone twice), and `chains`
   * enumerates every such chain, so a firewall counts only where a loop-free chain passes it.
   */
  usedRules(): Set<string> {
    const used = new Set<string>();
    for (const hop of this.hops) {
      const s = this.host(hop.sender);
      const t = this.host(hop.receiver);
      for (const p of this.packets) {
        if (!inRanges(hop.service, p)) continue;
        for (const chain of this.chains(s, t, p)) for (const rule of chain.rules.values()) if (rule !== "default") used.add(rule);
      }
    }
    return used;
  }

  /** Every allow rule of every firewall, by name. */
  allowRules(): string[] {
    return this.devices.flatMap((d) => (d.rules ?? []).filter((r) => r.allow).map((r) => r.name));
  }

  private readonly tcpUdpMemo = new Map<string, boolean>();

  /** Does `a` reach `b` on some tcp or udp packet? (Memoised: contagion asks it many times.) */
  tcpUdp(a: OHost, b: OHost): boolean {
    const key = `${a.id}\u0000${b.id}`;
    let got = this.tcpUdpMemo.get(key);
    if (got === undefined) {
      got = this.packets.some((p) => p.proto !== "icmp" && this.reachesByWalk(a, b, p));
      this.tcpUdpMemo.set(key, got);
    }
    return got;
  }

  /** Can the attacker on `u` get `v` in one step (topology.md, "Contagion")? Reach first, then fetch. */
  private step(u: OHost, v: OHost): "reach" | "fetch" | undefined {
    if (u.id === v.id || u.mediator || this.exceptionPairs.has([u.id, v.id].sort().join(" "))) return undefined;
    if (this.tcpUdp(u, v)) return "reach";
    if (v.fetcher && this.tcpUdp(v, u)) return "fetch";
    return undefined;
  }

  /** Contagion distance of every host (topology.md, "Contagion"): -1 when no path leads to it. */
  contagion(): Map<string, number> {
    const dist = new Map<string, number>(this.hosts.map((h) => [h.id, -1]));
    let frontier = this.hosts.filter((h) => h.internet && !h.mediator);
    for (const h of frontier) dist.set(h.id, 0);
    for (let level = 1; frontier.length > 0; level++) {
      const next: OHost[] = [];
      for (const v of this.hosts) {
        if (dist.get(v.id) !== -1) continue;
        if (frontier.some((u) => this.step(u, v) !== undefined)) {
          dist.set(v.id, level);
          next.push(v);
        }
      }
      frontier = next.filter((h) => !h.mediator);
    }
    return dist;
  }

  /**
   * The shortest contagion path to every host it reaches at distance one or more (topology.md:
   * fewest steps, then fewest devices, then the ids of its hosts in code-point order), each step
   * with its mode and its chain: the witness over tcp and udp in the direction the connection is
   * opened. The devices of a step are those of that witness; where both modes are possible, the
   * one with fewer devices, the reach on a tie. Built level by level: extending a path preserves
   * the order (devices, ids), so the best path to a host extends a best path to its predecessor.
   */
  contagionPaths(): Map<string, OContagionPath> {
    type Label = { devices: number; seq: string[]; steps: OStep[] };
    const best = new Map<string, Label>();
    const devicesOf = (c: OChain) => (c.ids.length - 1) / 2;
    let frontier = this.hosts.filter((h) => h.internet && !h.mediator);
    for (const h of frontier) best.set(h.id, { devices: 0, seq: [h.id], steps: [] });
    while (frontier.length > 0) {
      const level = new Map<string, Label>();
      for (const v of this.hosts) {
        if (best.has(v.id)) continue;
        for (const u of frontier) {
          if (this.step(u, v) === undefined) continue;
          const options: OStep[] = [];
          if (this.tcpUdp(u, v))
            options.push({
              mode: "reach",
              from: u.id,
              to: v.id,
              ...(this.witness(u, v, true) as { packet: Packet; chain: OChain }),
            });
          if (v.fetcher && this.tcpUdp(v, u))
            options.push({
              mode: "fetch",
              from: u.id,
              to: v.id,
              ...(this.witness(v, u, true) as { packet: Packet; chain: OChain }),
            });
          const step = options.reduce((a, b) => (devicesOf(b.chain) < devicesOf(a.chain) ? b : a));
          const lu = best.get(u.id) as Label;
          const cand = { devices: lu.devices + devicesOf(step.chain), seq: [...lu.seq, v.id], steps: [...lu.steps, step] };
          const had = level.get(v.id);
          if (!had || cand.devices < had.devices || (cand.devices === had.devices && cmpSeq(cand.seq, had.seq) < 0))
            level.set(v.id, cand);
        }
      }
      for (const [id, l] of level) best.set(id, l);
      frontier = [...level.keys()].map((id) => this.host(id)).filter((h) => !h.mediator);
    }
    const out = new Map<string, OContagionPath>();
    for (const [id, l] of best)
      if (l.steps.length > 0) out.set(id, { source: l.seq[0] as string, steps: l.steps, devices: l.devices });
    return out;
  }

  /** The internet hosts (mediators aside) from which some contagion path leads to each host. */
  contagionSources(): Map<string, string[]> {
    const out = new Map<string, string[]>(this.hosts.map((h) => [h.id, []]));
    for (const s of this.hosts.filter((h) => h.internet && !h.mediator)) {
      const seen = new Set([s.id]);
      const queue = [s];
      while (queue.length > 0) {
        const u = queue.shift() as OHost;
        for (const v of this.hosts)
          if (!seen.has(v.id) && this.step(u, v) !== undefined) {
            seen.add(v.id);
            queue.push(v);
          }
      }
      for (const id of seen) if (id !== s.id) out.get(id)?.push(s.id);
    }
    for (const list of out.values()) list.sort(cmp);
    return out;
  }

  /**
   * NET-03's reading (rules.md), triple by triple: a rule matches (source, destination, packet)
   * over every pair of distinct hosts and every packet of its service; it matches nothing, or is
   * shadowed when every triple it matches is matched by an earlier rule of its firewall. For a
   * shadowed rule, the earlier rules that match one of its triples.
   */
  shadowed(): Map<string, { state: "empty" | "shadowed"; earlier: string[] }> {
    const out = new Map<string, { state: "empty" | "shadowed"; earlier: string[] }>();
    for (const d of this.devices) {
      const rules = d.rules ?? [];
      const sides = rules.map((r) => ({
        from: this.hosts.filter((h) => r.from.some((x) => this.covers(x, h))),
        to: new Set(this.hosts.filter((h) => r.to.some((x) => this.covers(x, h))).map((h) => h.id)),
        packets: this.packets.filter((p) => inRanges(r.service, p)),
      }));
      const matches = (j: number, s: OHost, t: OHost, p: Packet) => {
        const r = rules[j] as ORule;
        const side = this.sidesOf(r);
        return side.from.has(s.id) && side.to.has(t.id) && inRanges(r.service, p);
      };
      rules.forEach((rule, i) => {
        const side = sides[i] as (typeof sides)[number];
        let any = false;
        let covered = true;
        const earlier = new Set<number>();
        for (const s of side.from)
          for (const tid of side.to) {
            if (tid === s.id) continue;
            const t = this.host(tid);
            for (const p of side.packets) {
              any = true;
              let hit = false;
              for (let j = 0; j < i; j++)
                if (matches(j, s, t, p)) {
                  hit = true;
                  earlier.add(j);
                }
              if (!hit) covered = false;
            }
          }
        if (!any) out.set(rule.name, { state: "empty", earlier: [] });
        else if (covered)
          out.set(rule.name, {
            state: "shadowed",
            earlier: [...earlier].sort((a, b) => a - b).map((j) => (rules[j] as ORule).name),
          });
      });
    }
    return out;
  }
}

export interface OStep {
  mode: "reach" | "fetch";
  from: string;
  to: string;
  packet: Packet;
  chain: OChain;
}
export interface OContagionPath {
  source: string;
  steps: OStep[];
  devices: number;
}

function cmpSeq(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = cmp(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * What the engine says stops `s` from reaching `t` against the naive reading: no connection when
 * no chain joins them; "not accepted" when the target takes none of the services or some would
 * pass were it to; else "blocked", naming exactly the nodes on shortest routes that stop
 * something: every multi-homed host that does not forward, and every firewall that denies
 * something the target accepts.
 */
export function checkExplanation(
  oracle: Oracle,
  s: OHost,
  t: OHost,
  why: { reason: string; blockers: ReadonlyArray<{ type: string; id: string }> },
  expectThat: (actual: unknown, message: string) => { toBe(v: unknown): void; toBeGreaterThan(n: number): void },
): void {
  const pair = `${s.id} → ${t.id}`;
  if (!oracle.connected(s, t)) {
    expectThat(why.reason, pair).toBe("no-connection");
    return;
  }
  const accepted = oracle.packets.filter((p) => oracle.accepts(t, p));
  const wouldPass = oracle.packets.some((p) => oracle.passes(s, t, p));
  expectThat(why.reason, pair).toBe(accepted.length === 0 || wouldPass ? "not-accepted" : "blocked");
  if (why.reason !== "blocked") return;
  expectThat(why.blockers.length, pair).toBeGreaterThan(0);
  for (const b of why.blockers)
    if (b.type === "firewall")
      expectThat(
        accepted.some((p) => !oracle.firewallAllows(b.id, s, t, p)),
        `${pair}: ${b.id} denies something`,
      ).toBe(true);
  const expected = oracle
    .onShortestRoutes(s, t)
    .filter((n) => n.host || (oracle.isFirewall(n.id) && accepted.some((p) => !oracle.firewallAllows(n.id, s, t, p))))
    .map((n) => `${n.host ? "host-no-forward" : "firewall"} ${n.id}`)
    .sort();
  const got = why.blockers.map((b) => `${b.type} ${b.id}`).sort();
  expectThat(got.join(", "), `${pair}: the blockers on shortest routes`).toBe(expected.join(", "));
}
