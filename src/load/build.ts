/**
 * The checks a schema cannot express (references, unique ids, what goes on which kind of node,
 * services, dates), and the typed Topology built from the validated value.
 */
import { t } from "../i18n/index.js";
import { cloneSet, parseServiceElement, unionAll } from "../model/services.js";
import {
  type Controls,
  FETCHER_KINDS as DEFAULT_FETCHER_KINDS,
  type FlowDef,
  FORWARDER_KINDS,
  type HopDef,
  type InputError,
  type Lang,
  type NodeDef,
  type RuleDef,
  type ServiceSet,
  type SourceLocation,
  TIERS,
  type Topology,
  type WaiverDef,
  ZONE_KINDS,
  type ZoneDef,
} from "../model/types.js";
import { didYouMean } from "./schema.js";
import { type Positioned, pointer, positionAt, positionOf } from "./yaml.js";

type Obj = Record<string, unknown>;
const FORWARDERS = new Set<string>(FORWARDER_KINDS);
const FETCHER_KINDS = new Set<string>(DEFAULT_FETCHER_KINDS);
const ID_RE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}._-]*$/u;
/** The longest id, in characters: ids are names a reader types and reads in every report. */
export const MAX_ID_LENGTH = 128;
/** An id as a message quotes it: a long one cut, so that an error does not repeat a megabyte. */
const quoted = (id: string): string => ([...id].length > 40 ? `${[...id].slice(0, 40).join("")}…` : id);
const HOST_CONTROLS = new Set(["auth", "removable-media", "approver", "epp", "edr", "logging"]);
const CONTROL_KINDS: Record<string, string[]> = {
  sanitize: ["mail-relay", "sanitizer"],
  redirection: ["screen-transfer"],
  "open-relay": ["mail-server", "mail-relay"],
  "wlan-auth": ["wireless-ap"],
  ips: ["firewall"],
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: any character outside ASCII
const NON_ASCII = /[^\u0000-\u007f]/;
/** A control's key as a property of Controls (`removable-media` → `removableMedia`), worked out once per key. */
const controlKeys = new Map<string, string>();
function controlKey(ck: string): string {
  let key = controlKeys.get(ck);
  if (key === undefined) {
    key = ck.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
    // only the known control keys get here; the bound is a guard
    if (controlKeys.size < 64) controlKeys.set(ck, key);
  }
  return key;
}

/**
 * A scalar as text, for the checks that run beside the schema on input of any shape: a mapping or
 * a list where text belongs (the schema reports it) reads as empty, never as an exception.
 */
const str = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" || typeof v === "bigint" ? String(v) : "";
const list = (v: unknown): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.filter((x) => x === null || typeof x !== "object").map(str) : [str(v)];
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);
/** The entries of a map keyed by id; an entry that is not a mapping (the schema reports it) is read as empty. */
const entries = (v: unknown): Array<[string, Obj]> =>
  isObj(v) ? Object.entries(v).map(([id, x]): [string, Obj] => [id, isObj(x) ? x : {}]) : [];

export function buildTopology(p: Positioned, file: string, lang: Lang): { topology?: Topology; errors: InputError[] } {
  const errors: InputError[] = [];
  const root = p.value as Obj;
  const pos = (path: Array<string | number>, key = false): SourceLocation => positionAt(p, path, file, key);
  const err = (
    path: Array<string | number>,
    code: string,
    id: string,
    params: Record<string, string | number> = {},
    hint?: string,
    key = false,
  ) => {
    const e: InputError = { ...pos(path, key), code, message: t(lang, id, params) };
    if (hint) e.hint = hint;
    errors.push(e);
  };
  const suggest = (word: string, candidates: Iterable<string>) => {
    const g = didYouMean(word, candidates);
    return g ? t(lang, "load.did-you-mean", { name: g }) : undefined;
  };

  for (const k of p.nonStringKeys) {
    errors.push({
      ...positionOf(p, k.path, file, true),
      code: "id-not-string",
      message: t(lang, "load.id-not-string", { id: k.key, type: k.type }),
      hint: t(lang, "load.quote-it", { id: k.key }),
    });
  }
  const zones = entries(root.zones);
  const nodes = entries(root.nodes);
  const flows = entries(root.flows);
  const data = entries(root.data);
  const seen = new Map<string, string>();
  for (const [section, items] of [
    ["zones", zones],
    ["nodes", nodes],
    ["flows", flows],
  ] as const) {
    for (const [id] of items) {
      if (seen.has(id))
        err(
          [section, id],
          "duplicate-id",
          "load.duplicate-id",
          { id: quoted(id), other: seen.get(id) as string },
          undefined,
          true,
        );
      else seen.set(id, section);
    }
  }
  for (const [section, items] of [
    ["zones", zones],
    ["nodes", nodes],
    ["flows", flows],
    ["data", data],
  ] as const) {
    for (const [id] of items) {
      if (id === "any") err([section, id], "reserved-id", "load.reserved-id", { id }, undefined, true);
      else if (id.length > MAX_ID_LENGTH && [...id].length > MAX_ID_LENGTH)
        err([section, id], "id-too-long", "load.id-too-long", { id: quoted(id), max: MAX_ID_LENGTH }, undefined, true);
      // (an id in ASCII is in NFC: only others are normalised to compare)
      else if (NON_ASCII.test(id) && id.normalize("NFC") !== id)
        err([section, id], "bad-id", "load.not-nfc", { id }, undefined, true);
      else if (!ID_RE.test(id)) err([section, id], "bad-id", "load.bad-id", { id }, undefined, true);
    }
  }
  const zoneMap = new Map(zones);
  const nodeMap = new Map(nodes);
  const dataIds = new Set(data.map(([id]) => id));
  const isHost = (id: string) => nodeMap.has(id) && !FORWARDERS.has(str(nodeMap.get(id)?.kind));

  // a design names a few services thousands of times: each list is parsed once (a copy each use)
  const parsedServices = new Map<string, ServiceSet>();
  // the paths of what is checked are made only for an error (a national design checks 90,000 references)
  const parseServices = (v: unknown, path: () => Array<string | number>): { set: ServiceSet; text: string[] } | undefined => {
    const texts = list(v);
    const memoKey = texts.join("\n");
    const memo = parsedServices.get(memoKey);
    if (memo) return { set: cloneSet(memo), text: texts };
    const sets: ServiceSet[] = [];
    let ok = true;
    texts.forEach((s, i) => {
      const r = parseServiceElement(s);
      if (r.ok) sets.push(r.set);
      else {
        ok = false;
        const at = Array.isArray(v) ? [...path(), i] : path();
        const hint =
          r.reason === "unknown-name"
            ? suggest(s, [
                "any",
                "icmp",
                "http",
                "https",
                "ssh",
                "rdp",
                "smtp",
                "submission",
                "dns",
                "ldap",
                "ldaps",
                "smb",
                "ftp",
                "ntp",
                "syslog",
                "postgres",
                "mysql",
                "mssql",
                "oracle",
              ])
            : undefined;
        err(at, "bad-service", `load.bad-service-${r.reason}`, { service: s }, hint);
      }
    });
    if (!ok) return undefined;
    const set = unionAll(sets);
    parsedServices.set(memoKey, cloneSet(set));
    return { set, text: texts };
  };

  const checkRef = (ref: string, at: () => Array<string | number>, ruleName: string) => {
    if (ref === "any") return;
    if (ref.startsWith("zone-kind:")) {
      const k = ref.slice(10);
      if (!(ZONE_KINDS as readonly string[]).includes(k) || k === "transit")
        err(
          at(),
          "unknown-reference",
          "load.bad-zone-kind-ref",
          { ref, rule: ruleName },
          suggest(
            k,
            ZONE_KINDS.filter((x) => x !== "transit"),
          ),
        );
      return;
    }
    if (ref.startsWith("tier:")) {
      if (!(TIERS as readonly string[]).includes(ref.slice(5)))
        err(at(), "unknown-reference", "load.bad-tier-ref", { ref, rule: ruleName }, suggest(ref.slice(5), TIERS));
      return;
    }
    const zid = ref.endsWith("/*") ? ref.slice(0, -2) : undefined;
    if (zid !== undefined) {
      const z = zoneMap.get(zid);
      if (!z) err(at(), "unknown-reference", "load.unknown-zone-ref", { ref: zid, rule: ruleName }, suggest(zid, zoneMap.keys()));
      else if (z.kind === "transit") err(at(), "transit-reference", "load.transit-ref", { ref, rule: ruleName });
      return;
    }
    if (zoneMap.has(ref)) {
      if (zoneMap.get(ref)?.kind === "transit") err(at(), "transit-reference", "load.transit-ref", { ref, rule: ruleName });
      return;
    }
    if (nodeMap.has(ref)) {
      if (!isHost(ref)) err(at(), "device-reference", "load.device-ref", { ref, rule: ruleName });
      return;
    }
    err(
      at(),
      "unknown-reference",
      "load.unknown-ref",
      { ref, rule: ruleName },
      suggest(ref, [...nodeMap.keys(), ...zoneMap.keys()]),
    );
  };

  const zoneDefs = new Map<string, ZoneDef>();
  for (const [id, z] of zones) {
    const def: ZoneDef = { id, kind: z.kind as ZoneDef["kind"], loc: pos(["zones", id], true) };
    for (const k of ["title", "description", "owner", "location"] as const) if (typeof z[k] === "string") def[k] = z[k] as string;
    zoneDefs.set(id, def);
  }

  const nodeDefs = new Map<string, NodeDef>();
  for (const [id, n] of nodes) {
    const kind = str(n.kind);
    const forwarder = FORWARDERS.has(kind);
    const base = ["nodes", id];
    if (n.zone !== undefined && n.zones !== undefined)
      err(base, "zone-and-zones", "load.zone-and-zones", { id }, undefined, true);
    if (n.zone === undefined && n.zones === undefined) err(base, "no-zone", "load.no-zone", { id }, undefined, true);
    const zoneList = n.zones !== undefined ? list(n.zones) : list(n.zone);
    zoneList.forEach((zid, i) => {
      const at = () => (n.zones !== undefined ? [...base, "zones", i] : [...base, "zone"]);
      const z = zoneMap.get(zid);
      if (!z) err(at(), "unknown-zone", "load.unknown-zone", { zone: zid, id }, suggest(zid, zoneMap.keys()));
      else if (z.kind === "transit" && !forwarder) err(at(), "host-on-transit", "load.host-on-transit", { zone: zid, id });
    });
    if (forwarder && n.holds !== undefined)
      err([...base, "holds"], "wrong-kind", "load.hosts-only", { key: "holds", id, kind }, undefined, true);
    if (forwarder && n.forwards !== undefined)
      err([...base, "forwards"], "wrong-kind", "load.hosts-only", { key: "forwards", id, kind }, undefined, true);
    if (forwarder && n.fetches !== undefined)
      err([...base, "fetches"], "wrong-kind", "load.hosts-only", { key: "fetches", id, kind }, undefined, true);
    if (forwarder && n.services !== undefined)
      err([...base, "services"], "wrong-kind", "load.hosts-only", { key: "services", id, kind }, undefined, true);
    if (kind !== "firewall" && n.rules !== undefined)
      err([...base, "rules"], "wrong-kind", "load.firewall-only", { key: "rules", id, kind }, undefined, true);
    if (kind !== "firewall" && n.default !== undefined)
      err([...base, "default"], "wrong-kind", "load.firewall-only", { key: "default", id, kind }, undefined, true);
    list(n.holds).forEach((d, i) => {
      if (!dataIds.has(d)) err([...base, "holds", i], "unknown-data", "load.unknown-data", { data: d, id }, suggest(d, dataIds));
    });
    const controls: Controls = {};
    for (const [ck, cv] of Object.entries(isObj(n.controls) ? n.controls : {})) {
      const allowed = HOST_CONTROLS.has(ck) ? !forwarder : (CONTROL_KINDS[ck] ?? []).includes(kind);
      if (!allowed) {
        err([...base, "controls", ck], "wrong-kind", "load.control-kind", { control: ck, id, kind }, undefined, true);
        continue;
      }
      const key = controlKey(ck) as keyof Controls;
      (controls as Record<string, unknown>)[key] = cv;
    }
    let services: { set: ServiceSet; text: string[] } | undefined;
    if (n.services !== undefined && !forwarder) services = parseServices(n.services, () => [...base, "services"]);
    const rules: RuleDef[] = [];
    const ruleIds = new Set<string>();
    (Array.isArray(n.rules) ? (n.rules as unknown[]) : []).forEach((r, i) => {
      if (!isObj(r)) return; // the schema reports it; the other rules keep their places
      const rpath = [...base, "rules", i];
      const hasAllow = r.allow !== undefined;
      const hasDeny = r.deny !== undefined;
      const name = `${id}#${typeof r.id === "string" ? r.id : i + 1}`;
      if (hasAllow === hasDeny) {
        err(rpath, "rule-action", "load.rule-action", { rule: name });
        return;
      }
      if (typeof r.id === "string") {
        if (ruleIds.has(r.id)) err([...rpath, "id"], "duplicate-rule-id", "load.duplicate-rule-id", { rule: r.id, id });
        ruleIds.add(r.id);
        if (!ID_RE.test(r.id)) err([...rpath, "id"], "bad-id", "load.bad-id", { id: r.id });
      }
      const action = hasAllow ? "allow" : "deny";
      const m: Obj = isObj(r[action]) ? (r[action] as Obj) : {};
      for (const side of ["from", "to"] as const) {
        const refs = list(m[side]);
        refs.forEach((ref, j) => {
          checkRef(ref, () => (Array.isArray(m[side]) ? [...rpath, action, side, j] : [...rpath, action, side]), name);
        });
      }
      const svc = m.service === undefined ? undefined : parseServices(m.service, () => [...rpath, action, "service"]);
      const serviceSet = m.service === undefined ? (parseServiceElement("any") as { set: ServiceSet }).set : svc?.set;
      if (!serviceSet) return;
      const def: RuleDef = {
        index: i + 1,
        name,
        action,
        from: list(m.from),
        to: list(m.to),
        serviceText: m.service === undefined ? ["any"] : list(m.service),
        service: serviceSet,
        loc: pos(rpath),
      };
      if (typeof r.id === "string") def.id = r.id;
      if (typeof r.title === "string") def.title = r.title;
      rules.push(def);
    });
    const def: NodeDef = {
      id,
      kind: kind as NodeDef["kind"],
      zones: zoneList,
      holds: list(n.holds),
      forwards: n.forwards === true,
      fetches: forwarder ? false : typeof n.fetches === "boolean" ? n.fetches : FETCHER_KINDS.has(kind),
      fetchesDeclared: typeof n.fetches === "boolean",
      rules,
      defaultAction: n.default === "allow" ? "allow" : "deny",
      defaultDeclared: n.default !== undefined,
      controls,
      loc: pos(base, true),
    };
    if (n.default !== undefined) def.defaultLoc = pos([...base, "default"]);
    if (services) {
      def.services = services.set;
      def.servicesText = services.text;
    }
    for (const k of ["title", "description", "vendor", "location"] as const)
      if (typeof n[k] === "string") def[k] = n[k] as string;
    nodeDefs.set(id, def);
  }

  const flowDefs = new Map<string, FlowDef>();
  for (const [id, f] of flows) {
    const base = ["flows", id];
    const flowService = f.service === undefined ? undefined : parseServices(f.service, () => [...base, "service"]);
    const encrypted = f.encrypted === true;
    const endpoints: Array<{
      node: string;
      service?: unknown;
      encrypted?: unknown;
      path: Array<string | number>;
      role: "from" | "via" | "to";
    }> = [{ node: str(f.from), path: [...base, "from"], role: "from" }];
    (Array.isArray(f.via) ? f.via : []).forEach((v, i) => {
      const o: Obj = typeof v === "object" && v !== null ? (v as Obj) : { node: v };
      endpoints.push({
        node: str(o.node),
        service: o.service,
        encrypted: o.encrypted,
        path: [...base, "via", i],
        role: "via",
      });
    });
    const to: Obj = typeof f.to === "object" && f.to !== null ? (f.to as Obj) : { node: f.to };
    endpoints.push({ node: str(to.node), service: to.service, encrypted: to.encrypted, path: [...base, "to"], role: "to" });
    let ok = true;
    for (const e of endpoints) {
      const implicit = e.node.endsWith("/*");
      if (implicit) {
        const z = zoneMap.get(e.node.slice(0, -2));
        if (e.role === "via") {
          err(e.path, "implicit-in-via", "load.implicit-in-via", { ref: e.node, flow: id });
          ok = false;
        } else if (!z) {
          err(
            e.path,
            "unknown-reference",
            "load.unknown-zone-ref",
            { ref: e.node.slice(0, -2), rule: t(lang, "load.where.flow", { id }) },
            suggest(e.node.slice(0, -2), zoneMap.keys()),
          );
          ok = false;
        } else if (z.kind === "transit") {
          err(e.path, "transit-reference", "load.transit-ref", { ref: e.node, rule: t(lang, "load.where.flow", { id }) });
          ok = false;
        }
      } else if (!nodeMap.has(e.node)) {
        err(e.path, "unknown-reference", "load.flow-unknown-node", { ref: e.node, flow: id }, suggest(e.node, nodeMap.keys()));
        ok = false;
      } else if (!isHost(e.node)) {
        err(e.path, "device-in-flow", "load.device-in-flow", { ref: e.node, flow: id });
        ok = false;
      }
    }
    list(f.data).forEach((d, i) => {
      if (!dataIds.has(d)) err([...base, "data", i], "unknown-data", "load.unknown-data", { data: d, id }, suggest(d, dataIds));
    });
    if (!ok) continue;
    const hops: HopDef[] = [];
    for (let i = 1; i < endpoints.length; i++) {
      const e = endpoints[i] as (typeof endpoints)[number];
      const own = e.service === undefined ? undefined : parseServices(e.service, () => [...e.path, "service"]);
      const chosen = own ?? flowService;
      const text = own?.text ?? flowService?.text ?? ["any"];
      hops.push({
        sender: (endpoints[i - 1] as (typeof endpoints)[number]).node,
        receiver: e.node,
        serviceText: text,
        service: chosen?.set ?? (parseServiceElement("any") as { set: ServiceSet }).set,
        encrypted: typeof e.encrypted === "boolean" ? e.encrypted : encrypted,
        loc: pos(e.path),
      });
    }
    const def: FlowDef = {
      id,
      sequence: endpoints.map((e) => e.node),
      hops,
      data: list(f.data),
      encrypted,
      loc: pos(base, true),
    };
    if (typeof f.carries === "string") def.carries = f.carries as FlowDef["carries"];
    if (typeof f.exception === "string") def.exception = f.exception;
    if (typeof f.title === "string") def.title = f.title;
    if (typeof f.description === "string") def.description = f.description;
    flowDefs.set(id, def);
  }

  const waivers = buildWaivers(root.waivers, ["waivers"], p, file, lang, errors);
  if (errors.length > 0) return { errors };
  const topology: Topology = {
    file,
    name: str(root.name),
    zones: zoneDefs,
    nodes: nodeDefs,
    data: new Map(
      data.map(([id, d]) => {
        const def: Topology["data"] extends Map<string, infer V> ? V : never = {
          id,
          classification: d.classification as never,
          loc: pos(["data", id], true),
        };
        if (typeof d.title === "string") def.title = d.title;
        if (typeof d.description === "string") def.description = d.description;
        if (typeof d.records === "number") def.records = d.records;
        return [id, def];
      }),
    ),
    flows: flowDefs,
    waivers,
    loc: { file, line: 1, column: 1 },
  };
  for (const k of ["title", "description", "organization"] as const)
    if (typeof root[k] === "string") topology[k] = root[k] as string;
  if (typeof root.model === "string") topology.model = root.model as Topology["model"];
  if (Array.isArray(root.policies)) {
    topology.policies = root.policies.map(String);
    topology.policiesLoc = pos(["policies"]);
  }
  return { topology, errors };
}

/** Waiver entries (in a topology or a waivers file): dates are checked as real calendar dates. */
export function buildWaivers(
  v: unknown,
  path: Array<string | number>,
  p: Positioned,
  file: string,
  lang: Lang,
  errors: InputError[],
): WaiverDef[] {
  const out: WaiverDef[] = [];
  (Array.isArray(v) ? (v as unknown[]) : []).forEach((w, i) => {
    if (!isObj(w)) return; // the schema reports it
    const at = [...path, i];
    if (w.expires === undefined) return; // the schema reports the missing key, once
    const expires = str(w.expires);
    if (!isCalendarDate(expires)) {
      errors.push({
        ...positionOf(p, pointer([...at, "expires"]), file),
        code: "bad-date",
        message: t(lang, "load.bad-date", { value: expires }),
      });
      return;
    }
    const def: WaiverDef = { rule: str(w.rule), reason: str(w.reason), expires, loc: positionOf(p, pointer(at), file) };
    if (typeof w.subject === "string") def.subject = w.subject;
    if (typeof w["approved-by"] === "string") def.approvedBy = w["approved-by"];
    if (typeof w.topology === "string") def.topology = w.topology;
    out.push(def);
  });
  return out;
}

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
