/**
 * The engine and the naive oracle (oracle.ts) on one design, for the differential tests of
 * random single-city (oracle.test.ts) and multi-organisation (oracle-multi.test.ts) designs.
 */
import { Analysis } from "../../src/analyze/index.js";
import type { Chain } from "../../src/analyze/reach.js";
import { buildDesign } from "../../src/model/design.js";
import { parseServiceList } from "../../src/model/services.js";
import { type OChain, type OHost, Oracle, type Packet } from "./oracle.js";
import { makeTopology, type TopologyInput } from "./topology.js";

/** A packet as a service of the format (`tcp/443`, `icmp`). */
export const serviceOf = (p: Packet): string => (p.proto === "icmp" ? "icmp" : `${p.proto}/${p.port}`);

/** The oracle, the engine's design and analysis (every packet of the oracle an atom), and a host's engine index. */
export function engineAndOracle(input: TopologyInput) {
  const oracle = new Oracle(input);
  const d = buildDesign(makeTopology(input));
  const a = new Analysis(d, { extraServices: oracle.packets.map((p) => parseServiceList([serviceOf(p)])) });
  const index = (h: OHost) => {
    const host = d.hostById.get(h.id);
    if (!host) throw new Error(`engine has no host ${h.id}`);
    return host.index;
  };
  return { oracle, d, a, index };
}

type Expect = (actual: unknown, message: string) => { toBe(v: unknown): void; toEqual(v: unknown): void };

/** The engine's witness against the oracle's: whether there is one, its service, its chain, the rule at each firewall. */
export function checkWitness(
  s: OHost,
  t: OHost,
  got: Chain | undefined,
  want: { packet: Packet; chain: OChain } | undefined,
  expectThat: Expect,
): void {
  const pair = `${s.id} → ${t.id}`;
  expectThat(got === undefined, `${pair} reaches`).toBe(want === undefined);
  if (!got || !want) return;
  expectThat(got.service, pair).toBe(serviceOf(want.packet));
  const inner = got.path.slice(1, -1);
  expectThat(
    inner.map((e) => e.id),
    pair,
  ).toEqual(want.chain.ids);
  for (const e of inner)
    if (e.type === "device" && e.kind === "firewall") expectThat(e.rule, `${pair} at ${e.id}`).toBe(want.chain.rules.get(e.id));
}
