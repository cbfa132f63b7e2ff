/**
 * Random multi-organisation designs for the differential tests (test/analyze/oracle-multi.test.ts):
 * two to six municipalities, each with its own tier zones (internet-connected, LGWAN-connected,
 * My Number, sometimes a DB segment and a transit segment behind a router), its own hosts and its
 * own firewalls whose rules name its own hosts, zones, implicit hosts, `tier:` and `zone-kind:`
 * references in random orders of allow and deny; shared zones (the internet, LGWAN, one or two
 * prefectural security clouds, the national 中間サーバー zone, sometimes an LGWAN-ASP and a
 * partner); random services, `fetches` both ways, data holdings and flows; and sometimes the
 * mistakes that let contagion cascade from one municipality into the others over LGWAN.
 *
 * Deterministic: the design is a function of the seed alone (a 32-bit mulberry32 stream), so a
 * failing seed is replayed with ORACLE_MULTI_SEED. `toYaml` writes the design as a bunri file.
 */
import { type Classification, FORWARDER_KINDS, type NodeKind, type ZoneKind } from "../../src/model/types.js";
import type { FlowInput, NodeInput, RuleInput, TopologyInput } from "./topology.js";

/** mulberry32: a small, well-mixed 32-bit generator; same seed, same stream. */
export class Rng {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  /** uniform in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error("pick from an empty list");
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  /** `k` distinct elements, in a random order */
  sample<T>(xs: readonly T[], k: number): T[] {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    return this.sample(xs, xs.length);
  }
}

const FORWARDERS = new Set<string>(FORWARDER_KINDS);

/** Services the generator writes on rules, hosts and flows: named, single ports, ranges, icmp. */
const RULE_SERVICES = ["any", "https", "http", "ssh", "rdp", "smtp", "dns", "postgres", "tcp/8080", "tcp/1000-2000", "icmp"];

export interface MultiOrgOptions {
  /** municipalities: at least 2, at most 6 (default: random in that range, smaller more often) */
  municipalities?: number;
}

/**
 * One random multi-organisation design. Ids: the municipalities `m1`…`m6`, their zones
 * `m1-inet`, `m1-lg`, `m1-mn`, `m1-db`, `m1-tr`, their nodes `m1-pc`, `m1-fw-lg`…; the shared zones
 * `internet`, `lgwan`, `p1-sc`, `p2-sc`, `chukan`, `asp-lg`, `partner`.
 */
export function generateMultiOrg(seed: number, options: MultiOrgOptions = {}): TopologyInput {
  const r = new Rng(seed);
  const count = options.municipalities ?? r.pick([2, 2, 3, 3, 3, 4, 4, 5, 6]);
  const zones: Record<string, ZoneKind> = { internet: "internet", lgwan: "lgwan", chukan: "national", "p1-sc": "security-cloud" };
  const nodes: Record<string, NodeInput> = {};
  const data: Record<string, Classification> = {};
  const flows: Record<string, FlowInput> = {};
  const prefectures = count >= 3 && r.chance(0.6) ? ["p1", "p2"] : ["p1"];
  if (prefectures.includes("p2")) zones["p2-sc"] = "security-cloud";
  const withAsp = r.chance(0.5);
  const withPartner = r.chance(0.3);
  if (withAsp) zones["asp-lg"] = "asp-lgwan";
  if (withPartner) zones.partner = "partner";
  const alphaPrime = r.chance(0.25);

  const services = (): string[] | undefined =>
    r.pick<string[] | undefined>([
      undefined,
      undefined,
      ["https"],
      ["https", "ssh"],
      ["postgres"],
      ["tcp/1000-2000"],
      [],
      ["icmp"],
    ]);
  const ruleService = (): string | string[] =>
    r.chance(0.2) ? r.sample(RULE_SERVICES, 2) : r.pick(["any", "any", "https", "https", ...RULE_SERVICES]);
  const fetches = (): boolean | undefined => r.pick([undefined, undefined, undefined, true, false]);
  const host = (kind: NodeKind, zs: string[], extra: Partial<NodeInput> = {}): NodeInput => {
    const n: NodeInput = { kind, zones: zs, ...extra };
    if (n.services === undefined) {
      const s = services();
      if (s) n.services = s;
    }
    const f = fetches();
    if (f !== undefined) n.fetches = f;
    return n;
  };

  // shared: the national 中間サーバー behind its firewall on LGWAN
  nodes["chukan-server"] = host("server", ["chukan"], { services: ["https"] });
  nodes["fw-chukan"] = {
    kind: "firewall",
    zones: ["chukan", "lgwan"],
    rules: r.shuffle<RuleInput>([
      { id: "no-lgwan", deny: { from: "tier:lgwan-side", to: "chukan-server" } },
      { id: "mn", allow: { from: "tier:mynumber-side", to: "chukan-server", service: "https" } },
    ]),
  };
  // the prefectural security clouds: a proxy and a mail gateway behind a UTM on the internet
  for (const p of prefectures) {
    nodes[`${p}-proxy`] = host("proxy", [`${p}-sc`], { services: ["tcp/8080"] });
    nodes[`${p}-mailgw`] = host("mail-server", [`${p}-sc`], { services: ["smtp"] });
    const rules: RuleInput[] = [
      { id: "web-out", allow: { from: `${p}-proxy`, to: "any", service: ["http", "https"] } },
      { id: "mail-out", allow: { from: `${p}-mailgw`, to: "any", service: "smtp" } },
      { id: "mail-in", allow: { from: "internet", to: `${p}-mailgw`, service: "smtp" } },
    ];
    if (r.chance(0.3))
      rules.splice(r.int(0, rules.length), 0, { deny: { from: "zone-kind:internet", to: "any", service: "ssh" } });
    const fw: NodeInput = { kind: "firewall", zones: ["internet", `${p}-sc`], rules, controls: { ips: r.chance(0.7) } };
    nodes[`${p}-fw`] = fw;
  }
  if (r.chance(0.5)) nodes["web-public"] = host("web-server", ["internet"], { services: ["https"] });
  // an LGWAN-ASP on LGWAN: its LGWAN-side web server behind its own firewall
  if (withAsp) {
    nodes["asp-web"] = host("web-server", ["asp-lg"], { services: ["https"] });
    nodes["asp-fw"] = {
      kind: "firewall",
      zones: ["asp-lg", "lgwan"],
      rules: r.shuffle<RuleInput>([
        { allow: { from: r.pick(["tier:lgwan-side", "lgwan", "zone-kind:lgwan-connected"]), to: "asp-web", service: "https" } },
        ...(r.chance(0.4) ? [{ deny: { from: "any", to: "asp-lg" } } as RuleInput] : []),
      ]),
    };
  }
  if (withPartner) {
    nodes["partner-pc"] = host("client", ["partner"]);
    nodes["partner-rt"] = { kind: r.pick<NodeKind>(["router", "vpn-gateway"]), zones: ["partner", "lgwan"] };
  }

  const cascadeFrom = r.chance(0.45) ? r.int(1, count) : 0;
  const ms: string[] = [];
  for (let i = 1; i <= count; i++) ms.push(`m${i}`);
  for (const [i0, m] of ms.entries()) {
    const i = i0 + 1;
    const p = prefectures[i0 % prefectures.length] as string;
    const inet = `${m}-inet`;
    const lg = `${m}-lg`;
    const mn = `${m}-mn`;
    zones[inet] = "internet-connected";
    zones[lg] = "lgwan-connected";
    zones[mn] = "mynumber";
    const hasDb = r.chance(0.4);
    const db = `${m}-db`;
    if (hasDb) zones[db] = "db";
    // the LGWAN firewall sits on LGWAN directly, or behind a transit segment and a router
    const viaTransit = r.chance(0.3);
    const tr = `${m}-tr`;
    if (viaTransit) zones[tr] = "transit";

    // hosts: a random subset of a municipality's usual ones (at least one per tier)
    const own: string[] = [];
    const add = (id: string, n: NodeInput) => {
      nodes[id] = n;
      own.push(id);
    };
    add(`${m}-pc`, host("client", [lg]));
    if (r.chance(0.7)) add(`${m}-portal`, host("web-server", [lg], { services: r.pick([["https"], ["https", "ssh"]]) }));
    add(`${m}-ipc`, host("client", [inet]));
    if (r.chance(0.6))
      add(
        `${m}-vb`,
        host("screen-transfer", [inet], { services: ["rdp"], controls: { redirection: r.chance(0.8) ? [] : ["file"] } }),
      );
    if (r.chance(0.5)) add(`${m}-san`, host("sanitizer", [inet, lg], { services: r.pick([["tcp/1000-2000"], ["https"]]) }));
    if (r.chance(0.3))
      add(
        `${m}-relay`,
        host("mail-relay", [inet, lg], { services: ["smtp"], controls: r.chance(0.7) ? { sanitize: "text" } : {} }),
      );
    add(`${m}-kap`, host("app-server", [mn]));
    if (r.chance(0.5)) add(`${m}-kpc`, host("client", [mn]));
    const holder = hasDb ? `${m}-kdb` : `${m}-kap`;
    if (hasDb) add(holder, host("db-server", [db], { services: r.pick([["postgres"], undefined]) }));
    data[`${m}-juki`] = r.pick<Classification>(["mynumber", "personal", "internal"]);
    (nodes[holder] as NodeInput).holds = [`${m}-juki`];
    // the mistakes: a host forwarding between tiers, a host attached to two tiers
    if (i === cascadeFrom && r.chance(0.3)) add(`${m}-bridge`, host("server", [inet, lg], { forwards: true }));
    if (r.chance(0.06)) (nodes[`${m}-pc`] as NodeInput).forwards = true;

    // references a rule of this municipality may name
    const refs = [
      "any",
      inet,
      lg,
      mn,
      `${inet}/*`,
      `${lg}/*`,
      ...own,
      "tier:lgwan-side",
      "tier:internet-side",
      "tier:mynumber-side",
      "zone-kind:lgwan-connected",
      "zone-kind:internet",
      "lgwan",
      "internet",
      ...(hasDb ? [db, "zone-kind:db"] : []),
    ];
    // now and then a rule names another municipality's host or segment (a neighbour's portal)
    const others = Object.keys(nodes).filter((id) => /^m\d+-(portal|pc|kap)$/.test(id) && !id.startsWith(`${m}-`));
    if (others.length > 0 && r.chance(0.4)) refs.push(r.pick(others));
    if (i > 1 && r.chance(0.2)) refs.push(`m${r.int(1, i - 1)}-lg`);
    const randomRule = (): RuleInput => {
      const ref = () => (r.chance(0.2) ? r.sample(refs, 2) : r.pick(refs));
      const body = { from: ref(), to: ref(), service: ruleService() };
      return r.chance(0.6) ? { allow: body } : { deny: body };
    };
    const withNoise = (base: RuleInput[]): RuleInput[] => {
      const rules = [...base];
      const extra = r.int(0, 2);
      for (let k = 0; k < extra; k++) rules.splice(r.int(0, rules.length), 0, randomRule());
      return rules;
    };
    const fw = (id: string, zs: string[], rules: RuleInput[], loose = false) => {
      const n: NodeInput = { kind: "firewall", zones: zs, rules };
      if (loose) n.default = "allow";
      if (r.chance(0.2)) n.controls = { ips: true };
      nodes[id] = n;
    };

    // internet-connected ↔ security cloud
    const browsers = own.filter((h) => h.endsWith("-ipc") || h.endsWith("-vb"));
    fw(
      `${m}-fw-inet`,
      [inet, `${p}-sc`],
      withNoise([
        {
          id: "proxy",
          allow: { from: browsers.length > 1 ? browsers : (browsers[0] as string), to: `${p}-proxy`, service: "tcp/8080" },
        },
        ...(own.includes(`${m}-relay`)
          ? [
              { allow: { from: `${m}-relay`, to: `${p}-mailgw`, service: "smtp" } } as RuleInput,
              { allow: { from: `${p}-mailgw`, to: `${m}-relay`, service: "smtp" } } as RuleInput,
            ]
          : []),
      ]),
      r.chance(0.04),
    );
    // LGWAN-connected ↔ LGWAN (maybe through a transit segment and a router)
    const lgRules: RuleInput[] = [
      { allow: { from: lg, to: r.pick(["tier:lgwan-side", "lgwan", "any"]), service: r.pick(["https", "any"]) } },
    ];
    if (own.includes(`${m}-portal`))
      lgRules.push({
        allow: { from: r.pick(["tier:lgwan-side", "lgwan", "zone-kind:lgwan-connected"]), to: `${m}-portal`, service: "https" },
      });
    // the cascade mistake: the whole of LGWAN let into the LGWAN-connected segment
    if (i === cascadeFrom && r.chance(0.5)) lgRules.push({ allow: { from: "tier:lgwan-side", to: lg } });
    if (r.chance(0.5)) lgRules.push({ deny: { from: "any", to: lg } });
    fw(`${m}-fw-lg`, [viaTransit ? tr : lg, "lgwan"], withNoise(r.chance(0.3) ? r.shuffle(lgRules) : lgRules), r.chance(0.03));
    if (viaTransit) nodes[`${m}-rt`] = { kind: r.pick<NodeKind>(["router", "switch", "ips"]), zones: [lg, tr] };
    // screen transfer (and, the cascade mistake, the internet-connected segment let into LGWAN-connected)
    const vbRules: RuleInput[] = [];
    if (own.includes(`${m}-vb`)) vbRules.push({ allow: { from: `${m}-pc`, to: `${m}-vb`, service: "rdp" } });
    if (i === cascadeFrom)
      vbRules.push({
        allow: {
          from: r.pick([inet, `${m}-ipc`, "tier:internet-side"]),
          to: lg,
          service: r.pick(["any", "https", "tcp/1000-2000"]),
        },
      });
    if (vbRules.length > 0 || r.chance(0.5)) fw(`${m}-fw-vb`, [lg, inet], withNoise(vbRules));
    // My Number side: to the 中間サーバー, and from LGWAN-connected for a few services
    const mnZones = r.chance(0.5) ? [mn, "chukan"] : [mn, lg, "chukan"];
    if (hasDb && r.chance(0.6)) mnZones.push(db);
    fw(
      `${m}-fw-mn`,
      mnZones,
      withNoise([
        { id: "chukan", allow: { from: `${m}-kap`, to: "chukan-server", service: "https" } },
        ...(hasDb ? [{ allow: { from: `${m}-kap`, to: `${m}-kdb`, service: "postgres" } } as RuleInput] : []),
        ...(r.chance(0.4) ? [{ deny: { from: "any", to: mn } } as RuleInput] : []),
      ]),
      r.chance(0.03),
    );
    if (hasDb && !mnZones.includes(db)) nodes[`${m}-db-sw`] = { kind: "switch", zones: [db, mn] };

    // flows
    flows[`${m}-web`] = {
      path: [`${m}-ipc`, `${p}-proxy`, "internet/*"],
      service: r.pick(["https", "tcp/8080"]),
      carries: "web",
    };
    flows[`${m}-chukan`] = {
      path: [`${m}-kap`, "chukan-server"],
      service: "https",
      carries: "data",
      data: [`${m}-juki`],
      exception: "中間サーバー連携",
    };
    if (own.includes(`${m}-vb`)) flows[`${m}-vb`] = { path: [`${m}-pc`, `${m}-vb`], service: "rdp", carries: "screen" };
    if (hasDb) flows[`${m}-db`] = { path: [`${m}-kap`, `${m}-kdb`], service: "postgres", carries: "data" };
    if (r.chance(0.3))
      flows[`${m}-any`] = { path: [r.pick(own), r.pick([...own, "lgwan/*", "internet/*"])], service: ruleService() };
  }
  // links between organisations: a server that several municipalities share (共同利用, attached to
  // their LGWAN-connected segments), a firewall or router joining random zones of different
  // organisations, with rules over everyone's references
  if (count >= 2 && r.chance(0.2)) {
    const [a, b] = r.sample(ms, 2) as [string, string];
    nodes["shared-srv"] = host("file-server", [`${a}-lg`, `${b}-lg`], { forwards: r.chance(0.2) });
  }
  const hostIds = Object.keys(nodes).filter((id) => !FORWARDERS.has((nodes[id] as NodeInput).kind));
  const zoneIds = Object.keys(zones).filter((z) => zones[z] !== "transit");
  const everyRef = [
    ...hostIds,
    ...zoneIds,
    "any",
    "tier:lgwan-side",
    "tier:internet-side",
    "tier:mynumber-side",
    "zone-kind:security-cloud",
  ];
  for (let k = r.chance(0.35) ? r.int(1, 2) : 0; k > 0; k--) {
    const zs = r.sample(Object.keys(zones), r.int(2, 3));
    if (r.chance(0.3)) nodes[`link-${k}`] = { kind: r.pick<NodeKind>(["router", "ips", "vpn-gateway"]), zones: zs };
    else {
      const rules: RuleInput[] = [];
      for (let j = r.int(1, 4); j > 0; j--) {
        const ref = () => (r.chance(0.25) ? r.sample(everyRef, 2) : r.pick(everyRef));
        const body = { from: ref(), to: ref(), service: ruleService() };
        rules.push(r.chance(0.55) ? { allow: body } : { deny: body });
      }
      nodes[`link-${k}`] = { kind: "firewall", zones: zs, rules, ...(r.chance(0.1) ? { default: "allow" as const } : {}) };
    }
  }
  // LGWAN between municipalities: one visits another's portal
  const portals = Object.keys(nodes).filter((id) => id.endsWith("-portal"));
  if (portals.length > 0) flows.neighbour = { path: [`${r.pick(ms)}-pc`, r.pick(portals)], service: "https", carries: "web" };
  if (alphaPrime) {
    const m = r.pick(ms);
    flows[`${m}-cloud`] = {
      path: [`${m}-pc`, r.pick(["internet/*", "web-public", `${prefectures[0]}-proxy`])],
      service: "https",
      exception: "α′ クラウド利用",
    };
    if (!nodes["web-public"]) (flows[`${m}-cloud`] as FlowInput).path[1] = "internet/*";
  }
  for (const [id, f] of Object.entries(flows)) if (f.path.every((x) => x === f.path[0])) delete flows[id];

  // flow ids share the namespace of zones and nodes: `flow-m1-web`
  const named = Object.fromEntries(Object.entries(flows).map(([id, f]) => [`flow-${id}`, f]));
  const input: TopologyInput = {
    name: `multi-${seed}`,
    model: alphaPrime ? "alpha-prime" : "alpha",
    zones,
    nodes,
    data,
    flows: named,
  };
  return input;
}

const quote = (s: string) =>
  /^[A-Za-z0-9_.-]+$/.test(s) && !/^(true|false|null|yes|no|on|off|~|[0-9.]+)$/i.test(s) ? s : JSON.stringify(s);
const list = (x: string | string[]) => (Array.isArray(x) ? `[${x.map(quote).join(", ")}]` : quote(x));

/** The design as a bunri YAML file, to reproduce a failure with `bunri check`. */
export function toYaml(input: TopologyInput): string {
  const out: string[] = ["bunri: 1", `name: ${quote(input.name ?? "test")}`];
  if (input.model) out.push(`model: ${input.model}`);
  out.push("zones:");
  for (const [id, z] of Object.entries(input.zones)) out.push(`  ${quote(id)}: { kind: ${typeof z === "string" ? z : z.kind} }`);
  out.push("nodes:");
  for (const [id, n] of Object.entries(input.nodes)) {
    const fields = [`kind: ${n.kind}`, `zones: ${list(n.zones)}`];
    if (n.services) fields.push(`services: ${list(n.services)}`);
    if (n.forwards) fields.push("forwards: true");
    if (n.fetches !== undefined) fields.push(`fetches: ${n.fetches}`);
    if (n.holds) fields.push(`holds: ${list(n.holds)}`);
    if (n.default) fields.push(`default: ${n.default}`);
    if (n.controls && Object.keys(n.controls).length > 0) fields.push(`controls: ${JSON.stringify(n.controls)}`);
    if (!n.rules) {
      out.push(`  ${quote(id)}: { ${fields.join(", ")} }`);
      continue;
    }
    out.push(`  ${quote(id)}:`);
    for (const f of fields) out.push(`    ${f}`);
    out.push(n.rules.length === 0 ? "    rules: []" : "    rules:");
    for (const rule of n.rules) {
      const action = rule.allow ? "allow" : "deny";
      const body = (rule.allow ?? rule.deny) as NonNullable<RuleInput["allow"]>;
      const parts = [`from: ${list(body.from)}`, `to: ${list(body.to)}`];
      if (body.service !== undefined) parts.push(`service: ${list(body.service)}`);
      out.push(`      - { ${rule.id ? `id: ${quote(rule.id)}, ` : ""}${action}: { ${parts.join(", ")} } }`);
    }
  }
  if (input.data && Object.keys(input.data).length > 0) {
    out.push("data:");
    for (const [id, c] of Object.entries(input.data)) out.push(`  ${quote(id)}: { classification: ${c} }`);
  }
  if (input.flows && Object.keys(input.flows).length > 0) {
    out.push("flows:");
    for (const [id, f] of Object.entries(input.flows)) {
      const fields = [`from: ${quote(f.path[0] as string)}`];
      if (f.path.length > 2) fields.push(`via: ${list(f.path.slice(1, -1))}`);
      fields.push(`to: ${quote(f.path[f.path.length - 1] as string)}`);
      if (f.service !== undefined) fields.push(`service: ${list(f.service)}`);
      if (f.carries) fields.push(`carries: ${f.carries}`);
      if (f.data) fields.push(`data: ${list(f.data)}`);
      if (f.encrypted) fields.push("encrypted: true");
      if (f.exception) fields.push(`exception: ${JSON.stringify(f.exception)}`);
      out.push(`  ${quote(id)}: { ${fields.join(", ")} }`);
    }
  }
  return `${out.join("\n")}\n`;
}
