/**
 * The flow checks. `flow-between`: in a flow that carries a kind of content, every node of one
 * sort that comes after a node of another sort has a node of a third sort between them.
 * `flow-encryption`: hops that touch a sort of node are encrypted when the flow carries personal
 * data. `flow-hop-possible` (NET-01): every hop of a flow is possible on the network.
 */
import { classificationRank, type Design, type Host } from "../../model/design.js";
import { formatServiceSet } from "../../model/services.js";
import type { Classification, FlowDef } from "../../model/types.js";
import { hostFacts, matches, type NodeFacts } from "../select.js";
import type { CheckContext, CheckSpec, RawFinding, Selector } from "../types.js";

function factsOf(design: Design, id: string): NodeFacts | undefined {
  const h = design.hostById.get(id);
  return h ? hostFacts(h, design) : undefined;
}

export function flowBetween(spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design } = ctx;
  const target = spec.target as Selector;
  const except = spec["except-target"] as Selector | undefined;
  const between = spec.between as Selector;
  const afterFrom = spec.after === "from";
  const after = afterFrom ? undefined : (spec.after as Selector);
  const acceptException = spec["accept-exception"] === "alpha-prime" && design.topology.model === "alpha-prime";
  const out: RawFinding[] = [];
  for (const flow of design.topology.flows.values()) {
    if (spec.carries !== undefined && flow.carries !== spec.carries) continue;
    if (acceptException && flow.exception) continue;
    const facts = flow.sequence.map((id) => factsOf(design, id));
    // A node of the accepted kind is never one of the two ends.
    const isBetween = facts.map((f) => (f ? matches(between, f) : false));
    const reported = new Set<string>();
    for (let j = 1; j < flow.sequence.length; j++) {
      const fj = facts[j];
      if (!fj || isBetween[j] || !matches(target, fj) || (except && matches(except, fj))) continue;
      const nodeId = flow.sequence[j] as string;
      if (reported.has(nodeId)) continue;
      for (let i = 0; i < j; i++) {
        const fi = facts[i];
        if (!fi || isBetween[i] || flow.sequence[i] === nodeId) continue;
        if (afterFrom ? i !== 0 : !matches(after, fi)) continue;
        let guarded = false;
        for (let k = i + 1; k < j; k++) if (isBetween[k]) guarded = true;
        if (guarded) continue;
        reported.add(nodeId);
        const afterId = flow.sequence[i] as string;
        out.push({
          subjects: [flow.id, nodeId, afterId],
          detail: nodeId,
          params: { flow: flow.id, node: nodeId, after: afterId },
          evidence: { flow: { id: flow.id, node: nodeId, after: afterId } },
        });
        break;
      }
    }
  }
  return out;
}

function carriesAtLeast(design: Design, flow: FlowDef, level: Classification): boolean {
  const want = classificationRank(level);
  for (const d of flow.data) {
    const datum = design.topology.data.get(d);
    if (datum && classificationRank(datum.classification) >= want) return true;
  }
  const to = design.hostById.get(flow.sequence[flow.sequence.length - 1] as string);
  return to?.holdsMax !== undefined && classificationRank(to.holdsMax) >= want;
}

export function flowEncryption(spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design } = ctx;
  const level = (spec["carries-at-least"] as Classification | undefined) ?? "personal";
  const at = spec.at as Selector;
  const out: RawFinding[] = [];
  for (const flow of design.topology.flows.values()) {
    if (!carriesAtLeast(design, flow, level)) continue;
    for (const hop of flow.hops) {
      if (hop.encrypted) continue;
      const s = factsOf(design, hop.sender);
      const r = factsOf(design, hop.receiver);
      if (!(s && matches(at, s)) && !(r && matches(at, r))) continue;
      out.push({
        subjects: [flow.id, hop.sender, hop.receiver],
        detail: `${hop.sender}>${hop.receiver}`,
        params: { flow: flow.id, sender: hop.sender, receiver: hop.receiver },
        evidence: { flow: { id: flow.id, sender: hop.sender, receiver: hop.receiver } },
      });
    }
  }
  return out;
}

export function flowHopPossible(_spec: CheckSpec, ctx: CheckContext): RawFinding[] {
  const { design, analysis } = ctx;
  const out: RawFinding[] = [];
  for (const flow of design.topology.flows.values()) {
    for (const hop of flow.hops) {
      const s = design.hostById.get(hop.sender) as Host | undefined;
      const t = design.hostById.get(hop.receiver) as Host | undefined;
      if (!s || !t) continue;
      const query = analysis.services(hop.service);
      if (analysis.reach.reaches(s.index, t.index, query)) continue;
      const why = analysis.reach.explain(s.index, t.index, query);
      const service = formatServiceSet(hop.service);
      const blocked: NonNullable<RawFinding["evidence"]["blocked"]> = {
        reason: why.reason,
        blockers: why.blockers,
        service,
      };
      if (why.accepts) blocked.accepts = formatServiceSet(analysis.atoms.toServiceSet(why.accepts));
      out.push({
        subjects: [flow.id, hop.sender, hop.receiver],
        detail: `${hop.sender}>${hop.receiver}`,
        params: { flow: flow.id, sender: hop.sender, receiver: hop.receiver, service, reason: why.reason },
        evidence: { flow: { id: flow.id, sender: hop.sender, receiver: hop.receiver, service }, blocked },
      });
    }
  }
  return out;
}
