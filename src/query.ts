/**
 * The ad-hoc reach query behind `bunri reach`: for every (source, target) pair the references
 * name, the witness chain with the firewall rule at each firewall, or what stops the traffic.
 */
import { Analysis } from "./analyze/index.js";
import type { Chain, Explanation } from "./analyze/reach.js";
import { t } from "./i18n/index.js";
import { loadTopologyFile } from "./load/index.js";
import { buildDesign, type Design, ReferenceResolver } from "./model/design.js";
import { ANY_SERVICE, formatServiceSet, parseServiceElement, unionAll } from "./model/services.js";
import { type InputError, type Lang, type ServiceSet, TIERS, ZONE_KINDS } from "./model/types.js";
import type { Bitset } from "./util/bitset.js";
import { didYouMean } from "./util/suggest.js";

export interface PairAnswer {
  source: string;
  target: string;
  reaches: boolean;
  /** every service (within the query) on which it reaches */
  services?: string;
  chain?: Chain;
  explanation?: Omit<Explanation, "accepts"> & { accepts?: string };
}

export interface ReachAnswer {
  file: string;
  errors: InputError[];
  service: string;
  pairs: PairAnswer[];
  design?: Design;
}

/** A reference of the query (not of the file): the CLI prints it without a position. */
function refError(file: string, lang: Lang, id: string, value: string, near?: string): InputError {
  const error: InputError = { file, line: 1, column: 1, code: "bad-reference", message: t(lang, id, { ref: value }) };
  if (near !== undefined) error.hint = t(lang, "load.did-you-mean", { name: near });
  return error;
}

/** Checks a reference the way firewall rules are checked; returns an error message id or undefined. */
function badReference(design: Design, ref: string): string | undefined {
  if (ref === "any") return undefined;
  if (ref.startsWith("zone-kind:")) {
    const k = ref.slice(10);
    return (ZONE_KINDS as readonly string[]).includes(k) && k !== "transit" ? undefined : "query.bad-zone-kind";
  }
  if (ref.startsWith("tier:")) return (TIERS as readonly string[]).includes(ref.slice(5)) ? undefined : "query.bad-tier";
  if (ref.endsWith("/*")) return design.hostById.has(ref) ? undefined : "query.unknown-ref";
  if (design.deviceById.has(ref) && !design.hostById.has(ref)) return "query.device-ref";
  if (design.hostById.has(ref)) return undefined;
  const zone = design.zoneById.get(ref);
  if (zone) return zone.kind === "transit" ? "query.transit-ref" : undefined;
  return "query.unknown-ref";
}

export async function reachQuery(
  file: string,
  query: { from: string; to: string; service?: string },
  options: { lang: Lang },
): Promise<ReachAnswer> {
  const { lang } = options;
  const loaded = await loadTopologyFile(file, { lang });
  const serviceText = query.service ?? "any";
  if (!loaded.topology) return { file, errors: loaded.errors, service: serviceText, pairs: [] };
  const sets: ServiceSet[] = [];
  const errors: InputError[] = [];
  for (const part of serviceText.split(",").map((s) => s.trim())) {
    const r = parseServiceElement(part);
    if (r.ok) sets.push(r.set);
    else errors.push(refError(file, lang, "query.bad-service", part));
  }
  const design = buildDesign(loaded.topology);
  for (const ref of [query.from, query.to]) {
    const bad = badReference(design, ref);
    if (!bad) continue;
    const known = [...design.hostById.keys(), ...design.zones.filter((z) => z.kind !== "transit").map((z) => z.id)];
    errors.push(refError(file, lang, bad, ref, bad === "query.unknown-ref" ? didYouMean(ref, known) : undefined));
  }
  if (errors.length > 0) return { file, errors, service: serviceText, pairs: [] };
  const service = sets.length > 0 ? unionAll(sets) : ANY_SERVICE;
  const analysis = new Analysis(design, { extraServices: [service] });
  const resolver = new ReferenceResolver(design.zones, design.hosts);
  const atoms = analysis.services(service);
  const pairs: PairAnswer[] = [];
  for (const s of resolver.resolve(query.from)) {
    for (const tIndex of resolver.resolve(query.to)) {
      if (s === tIndex) continue;
      pairs.push(answerPair(analysis, s, tIndex, atoms));
    }
  }
  return { file, errors: [], service: formatServiceSet(service), pairs, design };
}

/** One (source, target) pair: the witness chain and the services it reaches on, or what stops it. */
export function answerPair(analysis: Analysis, s: number, tIndex: number, atoms: Bitset): PairAnswer {
  const design = analysis.design;
  const source = design.hosts[s]?.id as string;
  const target = design.hosts[tIndex]?.id as string;
  const chain = analysis.reach.witness(s, tIndex, atoms);
  if (chain) {
    const reached = analysis.reach.reachAtoms(s, tIndex, atoms);
    return { source, target, reaches: true, chain, services: formatServiceSet(analysis.atoms.toServiceSet(reached)) };
  }
  const why = analysis.reach.explain(s, tIndex, atoms);
  const explanation: PairAnswer["explanation"] = { reason: why.reason, blockers: why.blockers };
  if (why.accepts) explanation.accepts = formatServiceSet(analysis.atoms.toServiceSet(why.accepts));
  return { source, target, reaches: false, explanation };
}
