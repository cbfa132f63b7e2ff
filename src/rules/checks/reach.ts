/**
 * The reachability checks: `no-reach` (no host of one set reaches a host of another, optionally
 * both ways, optionally excepting exception-flow hops), `exposure` (every exposed host is an
 * allowed one) and `passes` (every chain between two sets goes through a kind of device or zone).
 * One finding per rule, direction, variant and target; subjects: the target, then the sources.
 */
import type { Chain, Reachability } from "../../analyze/reach.js";
import type { Design, Host } from "../../model/design.js";
import type { Bitset } from "../../util/bitset.js";
import { compareSequences } from "../../util/compare.js";
import { hostFacts, matches, selectHosts } from "../select.js";
import type { CheckContext, CheckSpec, RawFinding, Selector } from "../types.js";

/** The shortest witness among all sources: fewest devices, then the id sequence. */
export function bestWitness(view: Reachability, sources: readonly Host[], t: Host, query: Bitset): Chain | undefined {
  const seen = new Set<number>();
  let best: Chain | undefined;
  for (const s of sources) {
    const cls = view.core.srcClassOf[s.index] as number;
    if (seen.has(cls)) continue;
    seen.add(cls);
    const w = view.witness(s.index, t.index, query);
    if (!w) continue;
    if (
      !best ||
      w.devices < best.devices ||
      (w.devices === best.devices &&
        compareSequences(
          w.path.map((p) => p.id),
          best.path.map((p) => p.id),
        ) < 0)
    )
      best = w;
  }
  return best;
}

/** Groups reaching pairs by target and makes one finding per target. */
function perTarget(
  view: Reachability,
  sources: readonly Host[],
  targets: readonly Host[],
  query: Bitset,
  keep: (s: Host, t: Host) => boolean,
  make: (t: Host, sources: Host[], chain: Chain) => RawFinding | undefined,
): RawFinding[] {
  const byTarget = new Map<number, Host[]>();
  view.pairs(sources, targets, query, (s, t) => {
    if (!keep(s, t)) return;
    const list = byTarget.get(t.index);
    if (list) list.push(s);
    else byTarget.set(t.index, [s]);
  });
  const out: RawFinding[] = [];
  for (const [ti, ss] of [...byTarget.entries()].sort((a, b) => a[0] - b[0])) {
    const t = view.design.hosts[ti] as Host;
    const chain = bestWitness(view, ss, t, query);
    if (!chain) continue;
    const f = make(t, ss, chain);
    if (f) out.push(f);
  }
  return out;
}

function reachFinding(t: Host, sources: Host[], chain: Chain, extra: Partial<RawFinding> = {}): RawFinding {
  return {
    subjects: [t.id, ...sources.map((s) => s.id)],
    params: { target: t.id, source: chain.source, count: sources.length, service: chain.service },
    evidence: { chain, sources: sources.length },
    ...extra,
  };
}

function exceptionHops(design: Design): Set<string> {
  const hops = new Set<string>();
  for (const f of design.topology.flows.values()) {
    if (!f.exception) continue;
    for (const h of f.hops) hops.add(`${h.sender}\u0000${h.receiver}`);
  }
  return hops;
}

export function noReach(spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design, analysis } = ctx;
  const from = spec.from as Selector;
  const to = spec.to as Selector;
  const allow = spec.allow as string | undefined;
  const honour =
    allow === "exception-flows" || (allow === "exception-flows-alpha-prime" && design.topology.model === "alpha-prime");
  const accepted = honour ? exceptionHops(design) : new Set<string>();
  const keep = (s: Host, t: Host) => !accepted.has(`${s.id}\u0000${t.id}`);
  const directions: Array<[string | undefined, Selector, Selector]> = spec["both-ways"]
    ? [
        ["forward", from, to],
        ["reverse", to, from],
      ]
    : [[undefined, from, to]];
  const out: RawFinding[] = [];
  for (const [direction, a, b] of directions) {
    const sources = selectHosts(design, a);
    const targets = selectHosts(design, b);
    out.push(
      ...perTarget(analysis.reach, sources, targets, analysis.any, keep, (t, ss, chain) =>
        reachFinding(t, ss, chain, direction ? { direction } : {}),
      ),
    );
  }
  return out;
}

export function exposure(spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design, analysis } = ctx;
  const allowed = spec.allowed as Selector;
  const out: RawFinding[] = [];
  for (const [ti, sources] of analysis.exposure()) {
    const t = design.hosts[ti] as Host;
    const implicit = t.implicit;
    if (!implicit && matches(allowed, hostFacts(t, design))) continue;
    const chain = bestWitness(analysis.reach, sources, t, analysis.any);
    if (!chain) continue;
    out.push(reachFinding(t, sources, chain, implicit ? { variant: "implicit" } : {}));
  }
  return out;
}

type PassItemSpec = { "node-kind"?: "firewall" | "ips"; "zone-kind"?: string };

export function passes(spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design, analysis } = ctx;
  const from = spec.from as Selector;
  const sources = selectHosts(design, from);
  const targets =
    spec.to === "exposed"
      ? [...analysis.exposure().keys()].map((i) => design.hosts[i] as Host)
      : selectHosts(design, spec.to as Selector);
  const items = (spec.through ?? []) as PassItemSpec[];
  const out: RawFinding[] = [];
  for (const item of items) {
    const zoneKind = item["zone-kind"];
    const variant = zoneKind ?? (item["node-kind"] as string);
    if (zoneKind && !design.zones.some((z) => z.kind === zoneKind)) {
      // No zone of that kind at all: one design-level finding instead of one per target.
      if (sources.length === 0) continue;
      const kinds = from["zone-kind"];
      const zoneIds = kinds
        ? design.zones.filter((z) => kinds.includes(z.kind)).map((z) => z.id)
        : [...new Set(sources.flatMap((s) => s.zones.map((z) => design.zones[z]?.id as string)))];
      if (zoneIds.length === 0) continue;
      out.push({
        subjects: zoneIds,
        variant: `no-${zoneKind}`,
        params: { zones: zoneIds.join(", ") },
        evidence: { zones: zoneIds },
      });
      continue;
    }
    const view = analysis.without(
      zoneKind ? { zoneKind: zoneKind as never } : { nodeKind: item["node-kind"] as "firewall" | "ips" },
    );
    out.push(
      ...perTarget(
        view,
        sources,
        targets,
        analysis.any,
        () => true,
        (t, ss, chain) => {
          const f = reachFinding(t, ss, chain, { variant });
          f.params.missing = variant;
          return f;
        },
      ),
    );
  }
  return out;
}
