/**
 * Builds a Topology in code, without the loader: for analysis tests and property tests.
 * Compact input: zones { id: kind }, nodes { id: { kind, zones, rules?, … } }, flows.
 */
import { parseServiceList } from "../../src/model/services.js";
import {
  type Carries,
  type Classification,
  type Controls,
  FETCHER_KINDS,
  type FlowDef,
  FORWARDER_KINDS,
  type NetworkModel,
  type NodeDef,
  type NodeKind,
  type RuleDef,
  type Topology,
  type ZoneDef,
  type ZoneKind,
} from "../../src/model/types.js";

const FORWARDERS = new Set<string>(FORWARDER_KINDS);
const FETCHERS = new Set<string>(FETCHER_KINDS);
const loc = { file: "test.yaml", line: 1, column: 1 };

export interface RuleInput {
  allow?: { from: string | string[]; to: string | string[]; service?: string | string[] };
  deny?: { from: string | string[]; to: string | string[]; service?: string | string[] };
  id?: string;
  title?: string;
}

export interface NodeInput {
  kind: NodeKind;
  zones: string[];
  rules?: RuleInput[];
  default?: "allow" | "deny";
  services?: string[];
  forwards?: boolean;
  /** default as the loader resolves it: true for client, proxy and screen-transfer hosts */
  fetches?: boolean;
  holds?: string[];
  controls?: Controls;
  title?: string;
  location?: string;
}

export interface FlowInput {
  path: string[];
  service?: string | string[];
  carries?: Carries;
  data?: string[];
  encrypted?: boolean;
  exception?: string;
}

export interface TopologyInput {
  name?: string;
  model?: NetworkModel;
  zones: Record<string, ZoneKind | { kind: ZoneKind; location?: string; title?: string }>;
  nodes: Record<string, NodeInput>;
  data?: Record<string, Classification>;
  flows?: Record<string, FlowInput>;
}

const list = (x: string | string[] | undefined, dflt: string[]): string[] =>
  x === undefined ? dflt : Array.isArray(x) ? x : [x];

export function makeTopology(input: TopologyInput): Topology {
  const zones = new Map<string, ZoneDef>();
  for (const [id, z] of Object.entries(input.zones)) {
    const spec = typeof z === "string" ? { kind: z } : z;
    const def: ZoneDef = { id, kind: spec.kind, loc };
    if ("location" in spec && spec.location) def.location = spec.location;
    if ("title" in spec && spec.title) def.title = spec.title;
    zones.set(id, def);
  }
  const nodes = new Map<string, NodeDef>();
  for (const [id, n] of Object.entries(input.nodes)) {
    const rules: RuleDef[] = (n.rules ?? []).map((r, i) => {
      const action = r.allow ? "allow" : "deny";
      const body = (r.allow ?? r.deny) as NonNullable<RuleInput["allow"]>;
      const serviceText = list(body.service, ["any"]);
      const rule: RuleDef = {
        index: i + 1,
        name: `${id}#${r.id ?? i + 1}`,
        action,
        from: list(body.from, []),
        to: list(body.to, []),
        serviceText,
        service: parseServiceList(serviceText),
        loc,
      };
      if (r.id) rule.id = r.id;
      if (r.title) rule.title = r.title;
      return rule;
    });
    const def: NodeDef = {
      id,
      kind: n.kind,
      zones: n.zones,
      holds: n.holds ?? [],
      forwards: n.forwards ?? false,
      fetches: FORWARDERS.has(n.kind) ? false : (n.fetches ?? FETCHERS.has(n.kind)),
      fetchesDeclared: n.fetches !== undefined,
      rules,
      defaultAction: n.default ?? "deny",
      defaultDeclared: n.default !== undefined,
      controls: n.controls ?? {},
      loc,
    };
    if (n.services) {
      def.services = parseServiceList(n.services);
      def.servicesText = n.services;
    }
    if (n.title) def.title = n.title;
    if (n.location) def.location = n.location;
    nodes.set(id, def);
  }
  const flows = new Map<string, FlowDef>();
  for (const [id, f] of Object.entries(input.flows ?? {})) {
    const serviceText = list(f.service, ["any"]);
    const hops = f.path.slice(1).map((receiver, i) => ({
      sender: f.path[i] as string,
      receiver,
      serviceText,
      service: parseServiceList(serviceText),
      encrypted: f.encrypted ?? false,
      loc,
    }));
    const def: FlowDef = { id, sequence: f.path, hops, data: f.data ?? [], encrypted: f.encrypted ?? false, loc };
    if (f.carries) def.carries = f.carries;
    if (f.exception) def.exception = f.exception;
    flows.set(id, def);
  }
  const data = new Map(
    Object.entries(input.data ?? {}).map(([id, classification]) => [id, { id, classification, loc }] as const),
  );
  const t: Topology = { file: "test.yaml", name: input.name ?? "test", zones, nodes, data, flows, waivers: [], loc };
  if (input.model) t.model = input.model;
  return t;
}
