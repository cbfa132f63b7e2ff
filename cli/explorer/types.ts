/** What the explorer knows of a checked file: the data every view reads. */
import type { Finding, RuleMetadata } from "../../src/rules/types.js";

export interface HostChoice {
  id: string;
  label: string;
}

export interface ZoneNode {
  id: string;
  kind: string;
  title?: string;
  /** data held, as `id (classification)` */
  holds: string[];
  /** the internet can open connections to it */
  exposed: boolean;
  /** hosts only: the resolved `fetches` (a fetcher in contagion), and whether the file says so */
  fetches?: { value: boolean; declared: boolean };
}

export interface ZoneRow {
  id: string;
  kind: string;
  tier: string | null;
  title?: string;
  location?: string;
  /** the internet can open connections to some host of the zone (listed or implicit) */
  exposed: boolean;
  nodes: ZoneNode[];
}

/** One checked file. */
export interface FileView {
  file: string;
  topology?: string;
  title?: string;
  model?: string;
  errors: Array<{ line: number; column: number; message: string }>;
  findings: Finding[];
  /** the metadata of the rules of the user's policy files that have findings (the catalogue has the others) */
  rules?: RuleMetadata[];
  /** the zones view's rows, computed once per check */
  zones: ZoneRow[];
  hosts: HostChoice[];
}
