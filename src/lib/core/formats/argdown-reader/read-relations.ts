import type { IArgdownResponse } from '@argdown/core/dist/index.js';
import type { IArgument, IInference, IRelation } from '@argdown/core/dist/model/model.js';
import type { Edges } from './edges';
import { keyOf, type Key, type Node, type Warn } from './model';

/** An undercut, or a relation to an inference, left for `readUndercuts` once all else is read. */
export interface PendingRelation {
	rel: IRelation;
	line: number;
}

/** The first line a relation is written on, or 0. */
const lineOf = (r: IRelation) => {
	const line = Math.min(...r.occurrences.map((o) => o.startLine ?? Infinity));
	return Number.isFinite(line) ? line : 0;
};

/**
 * The model's relations between statements and arguments as edges: support and `entails` are
 * `pro`, attack and `contrary` are `con`, a contradiction is `con` both ways (warned). Undercuts
 * and relations to inferences are returned for later, when the relations they undercut are
 * known; relations from inferences and of other types are left out, warned.
 */
export function readRelations(
	response: IArgdownResponse,
	edges: Edges,
	warn: Warn
): PendingRelation[] {
	const pending: PendingRelation[] = [];
	for (const r of response.relations ?? []) {
		const line = lineOf(r);
		if (!r.from || !r.to) continue;
		if (r.from.type === 'inference') {
			warn(line, 'a relation from an inference cannot be represented; it was left out');
			continue;
		}
		if (r.relationType === 'undercut' || r.to.type === 'inference') {
			pending.push({ rel: r, line });
			continue;
		}
		const from = keyOf(r.from);
		const to = keyOf(r.to);
		switch (r.relationType) {
			case 'support':
			case 'entails':
				edges.add(from, { to }, 'pro', line);
				break;
			case 'attack':
			case 'contrary':
				edges.add(from, { to }, 'con', line);
				break;
			case 'contradictory':
				edges.add(from, { to }, 'con', line);
				edges.add(to, { to: from }, 'con', line);
				warn(
					line,
					`the contradiction between "${r.from.title}" and "${r.to.title}" was read as each attacking the other`
				);
				break;
			default:
				warn(line, `a relation of type "${r.relationType}" cannot be represented; it was left out`);
		}
	}
	return pending;
}

/**
 * Premise–conclusion structures as edges: each premise (and intermediate conclusion) supports
 * the argument, and the argument supports its main conclusion. What that flattens
 * (intermediate conclusions, inference rules) is warned, once per argument.
 */
export function readPremiseConclusionStructures(
	args: Record<string, IArgument>,
	edges: Edges,
	nodeOf: Map<Key, Node>,
	warn: Warn
): void {
	for (const a of Object.values(args)) {
		if (a.pcs.length === 0) continue;
		const key = keyOf(a);
		const conclusion = a.pcs[a.pcs.length - 1]!;
		for (const s of a.pcs.slice(0, -1))
			edges.add(`s:${s.title}`, { to: key }, 'pro', s.startLine ?? 0);
		edges.add(key, { to: `s:${conclusion.title}` }, 'pro', conclusion.startLine ?? 0, false);
		const lost: string[] = [];
		if (a.pcs.some((s) => s.role === 'intermediary-conclusion'))
			lost.push('its intermediate conclusions were read as premises');
		const rules = a.pcs.flatMap(
			(s) => (s as { inference?: IInference }).inference?.inferenceRules ?? []
		);
		if (rules.some((r) => r !== '')) lost.push('its inference rules were not kept');
		if (lost.length > 0)
			warn(
				a.startLine ?? nodeOf.get(key)?.line ?? 0,
				`the premise–conclusion structure of <${a.title}> was read as premises supporting the argument and the argument supporting its conclusion: ${lost.join('; ')}`
			);
	}
}
