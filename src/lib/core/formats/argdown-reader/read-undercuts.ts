import type { IArgument, IInference } from '@argdown/core/dist/model/model.js';
import type { Stance } from '../../schema/debate';
import type { Edges } from './edges';
import type { PendingRelation } from './read-relations';
import { isObject, keyOf, type Key, type Node, type Warn } from './model';

/** What undercutting needs to know of the claims read: each by key, and keys by claim id. */
interface Claims {
	nodeOf: Map<Key, Node>;
	keyOfId: Map<string, Key>;
}

/** The undercuts named in a claim's data (what the writer records): `undercuts: [{from, to, stance}]`. */
function hints(nodeOf: Map<Key, Node>, from: Key): Record<string, unknown>[] {
	const list = nodeOf.get(from)?.data.undercuts;
	return (Array.isArray(list) ? list : []).filter(isObject);
}

/**
 * Supports of a relation, as the writer writes them: a `+` under claim `x` whose data names, in
 * `undercuts`, a `pro` link from `x` to a claim `x` relates to. Each such support of `x` is
 * turned into a support of that relation.
 */
export function applyUndercutHints(edges: Edges, { nodeOf, keyOfId }: Claims): void {
	for (const e of edges.list) {
		if (!('to' in e.target) || e.stance !== 'pro') continue;
		const x = e.target.to;
		const xId = nodeOf.get(x)!.id;
		const hint = hints(nodeOf, e.from).find(
			(h) =>
				h.from === xId &&
				h.stance === 'pro' &&
				edges.plainTargets(x).includes(keyOfId.get(String(h.to)) ?? '')
		);
		if (hint) e.target = { link: { from: x, to: keyOfId.get(String(hint.to))! } };
	}
}

/**
 * A relation to an argument's inference: one to the relation from the argument to its main
 * conclusion (a relation to an intermediate inference is read as one to the main, warned).
 */
function relationToInference(
	from: Key,
	to: IInference,
	stance: Stance,
	line: number,
	args: Record<string, IArgument>,
	edges: Edges,
	warn: Warn
): void {
	const a = to.argumentTitle !== undefined ? args[to.argumentTitle] : undefined;
	const conclusion = a?.pcs[a.pcs.length - 1];
	if (!a || !conclusion) {
		warn(line, 'a relation to an inference of no known argument was left out');
		return;
	}
	if (to.conclusionIndex !== undefined && to.conclusionIndex !== a.pcs.length - 1)
		warn(
			line,
			`a relation to an intermediate inference of <${a.title}> was read as one to its main inference`
		);
	edges.add(from, { link: { from: keyOf(a), to: `s:${conclusion.title}` } }, stance, line);
}

/**
 * An undercut of a statement or unreconstructed argument `x`: of the relation from `x` to what
 * it points at, when that is named in the undercutter's data or is the only one; otherwise an
 * attack on `x`, warned.
 */
function undercutOfClaim(
	from: Key,
	x: Key,
	stance: Stance,
	line: number,
	edges: Edges,
	{ nodeOf, keyOfId }: Claims,
	warn: Warn
): void {
	const xNode = nodeOf.get(x);
	if (!xNode || !nodeOf.has(from)) return;
	const candidates = [...new Set(edges.plainTargets(x))];
	const hint = hints(nodeOf, from).find(
		(h) =>
			h.from === xNode.id &&
			(h.stance ?? 'con') === stance &&
			candidates.includes(keyOfId.get(String(h.to)) ?? '')
	);
	const linkTo = hint
		? keyOfId.get(String(hint.to))
		: candidates.length === 1
			? candidates[0]
			: undefined;
	if (linkTo !== undefined) edges.add(from, { link: { from: x, to: linkTo } }, stance, line);
	else {
		edges.add(from, { to: x }, stance, line);
		warn(
			line,
			`the undercut of "${xNode.title}" was read as an attack on it: ${candidates.length === 0 ? 'it has no relation to undercut' : `it has ${candidates.length} relations and the undercut does not say which`}`
		);
	}
}

/**
 * The undercuts and relations to inferences left by `readRelations`, read now that the
 * relations they may undercut are known: each becomes an undercut edge, or an attack (warned).
 */
export function readUndercuts(
	pending: PendingRelation[],
	args: Record<string, IArgument>,
	edges: Edges,
	claims: Claims,
	warn: Warn
): void {
	for (const { rel, line } of pending) {
		const from = keyOf(rel.from!);
		const stance: Stance =
			rel.relationType === 'support' || rel.relationType === 'entails' ? 'pro' : 'con';
		const to = rel.to!;
		if (to.type === 'inference') relationToInference(from, to, stance, line, args, edges, warn);
		else undercutOfClaim(from, keyOf(to), stance, line, edges, claims, warn);
	}
}
