/**
 * The validated design, as the loader hands it to the model. Every object keeps the position of
 * its YAML so that findings and errors can point at it.
 */

export interface SourceLocation {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based, in code points */
  column: number;
}

export const ZONE_KINDS = [
  "internet",
  "internet-connected",
  "security-cloud",
  "dmz",
  "asp-internet",
  "lgwan",
  "lgwan-connected",
  "asp-lgwan",
  "mynumber",
  "gov-cloud",
  "db",
  "management",
  "national",
  "partner",
  "internal",
  "transit",
] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const TIERS = ["internet-side", "lgwan-side", "mynumber-side"] as const;
export type Tier = (typeof TIERS)[number];

export const ZONE_TIER: Readonly<Record<ZoneKind, Tier | null>> = {
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
  db: null,
  management: null,
  national: null,
  partner: null,
  internal: null,
  transit: null,
};

/** Devices that forward: a firewall by its rules, the others everything. */
export const FORWARDER_KINDS = ["firewall", "router", "switch", "ips", "waf", "vpn-gateway", "wireless-ap"] as const;
export type ForwarderKind = (typeof FORWARDER_KINDS)[number];

export const HOST_KINDS = [
  "client",
  "web-server",
  "app-server",
  "db-server",
  "file-server",
  "mail-server",
  "mail-relay",
  "virus-scan",
  "sanitizer",
  "screen-transfer",
  "proxy",
  "dns-server",
  "auth-server",
  "log-server",
  "server",
  "device",
] as const;
export type HostKind = (typeof HOST_KINDS)[number];
/** host kinds whose `fetches` defaults to true (topology.md, "Optional node fields") */
export const FETCHER_KINDS: readonly HostKind[] = ["client", "proxy", "screen-transfer"];

export const NODE_KINDS = [...FORWARDER_KINDS, ...HOST_KINDS] as const;
export type NodeKind = ForwarderKind | HostKind;

export const MODELS = ["alpha", "alpha-prime", "beta", "beta-prime"] as const;
export type NetworkModel = (typeof MODELS)[number];

export const CLASSIFICATIONS = ["public", "internal", "personal", "sensitive", "mynumber"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const AUTH_FACTORS = ["password", "pin", "ic-card", "otp", "certificate", "biometric"] as const;
export type AuthFactor = (typeof AUTH_FACTORS)[number];
export const AUTH_CATEGORY: Readonly<Record<AuthFactor, "knowledge" | "possession" | "inherence">> = {
  password: "knowledge",
  pin: "knowledge",
  "ic-card": "possession",
  otp: "possession",
  certificate: "possession",
  biometric: "inherence",
};

export const CARRIES = ["web", "files", "mail", "screen", "data"] as const;
export type Carries = (typeof CARRIES)[number];

export interface Controls {
  auth?: AuthFactor[];
  removableMedia?: "blocked" | "approval" | "allowed";
  approver?: string;
  epp?: boolean;
  edr?: boolean;
  logging?: boolean;
  sanitize?: "text" | "strip" | "cdr";
  /** present only on screen-transfer; [] when declared empty */
  redirection?: Array<"clipboard" | "file" | "drive" | "printer">;
  openRelay?: boolean;
  wlanAuth?: "802.1x" | "psk" | "open";
  /** firewall only: inspects as an IPS too */
  ips?: boolean;
}

export interface ZoneDef {
  id: string;
  kind: ZoneKind;
  title?: string;
  description?: string;
  owner?: string;
  location?: string;
  loc: SourceLocation;
}

/** One protocol's port ranges, sorted, merged, inclusive. ICMP has no ports. */
export interface ServiceSet {
  tcp: Array<[number, number]>;
  udp: Array<[number, number]>;
  icmp: boolean;
}

export interface RuleDef {
  /** 1-based position in the firewall's `rules` */
  index: number;
  id?: string;
  /** `<firewall>#<id>` or `<firewall>#<n>` */
  name: string;
  title?: string;
  action: "allow" | "deny";
  /** references as written: `any`, host id, `<zone>/*`, zone id, `zone-kind:k`, `tier:t` */
  from: string[];
  to: string[];
  /** the service as written (one string per list element); default ["any"] */
  serviceText: string[];
  service: ServiceSet;
  loc: SourceLocation;
}

export interface NodeDef {
  id: string;
  kind: NodeKind;
  zones: string[];
  title?: string;
  description?: string;
  vendor?: string;
  holds: string[];
  /** what the host accepts; undefined means anything */
  services?: ServiceSet;
  servicesText?: string[];
  forwards: boolean;
  /**
   * Whether the host fetches content from the hosts it opens connections to (a fetcher in
   * contagion): `fetches` as written, else true for client, proxy and screen-transfer. Always
   * false on a forwarding device (which may not write it).
   */
  fetches: boolean;
  /** true when `fetches:` was written */
  fetchesDeclared: boolean;
  /** as declared on the node (inheritance from zones is the model's job) */
  location?: string;
  rules: RuleDef[];
  defaultAction: "allow" | "deny";
  /** true when `default:` was written */
  defaultDeclared: boolean;
  controls: Controls;
  loc: SourceLocation;
  /** where `default:` is written, if it is */
  defaultLoc?: SourceLocation;
}

export interface DatumDef {
  id: string;
  classification: Classification;
  title?: string;
  description?: string;
  records?: number;
  loc: SourceLocation;
}

export interface HopDef {
  sender: string;
  receiver: string;
  /** the hop's service: the receiving node's `service`, else the flow's, else any */
  serviceText: string[];
  service: ServiceSet;
  encrypted: boolean;
  loc: SourceLocation;
}

export interface FlowDef {
  id: string;
  /** the node sequence: from, via…, to */
  sequence: string[];
  hops: HopDef[];
  carries?: Carries;
  data: string[];
  encrypted: boolean;
  exception?: string;
  title?: string;
  description?: string;
  loc: SourceLocation;
}

export interface WaiverDef {
  rule: string;
  subject?: string;
  reason: string;
  approvedBy?: string;
  /** YYYY-MM-DD */
  expires: string;
  /** only in a separate waivers file */
  topology?: string;
  loc: SourceLocation;
}

export interface Topology {
  /** the path as given on the command line (or a label for in-memory input) */
  file: string;
  name: string;
  title?: string;
  description?: string;
  organization?: string;
  model?: NetworkModel;
  /** as written; undefined when absent */
  policies?: string[];
  policiesLoc?: SourceLocation;
  /** in file order */
  zones: Map<string, ZoneDef>;
  nodes: Map<string, NodeDef>;
  data: Map<string, DatumDef>;
  flows: Map<string, FlowDef>;
  waivers: WaiverDef[];
  loc: SourceLocation;
}

/** An input error: always with a position. */
export interface InputError {
  file: string;
  line: number;
  column: number;
  /** stable machine-readable code, e.g. `unknown-reference` */
  code: string;
  message: string;
  /** a likely fix, already in the message language */
  hint?: string;
}

export const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
export type Lang = "ja" | "en";
