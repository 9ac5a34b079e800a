import { parentOf, type ArgumentGraph } from '../model/graph';

/** A move of the selection across the map. */
export type Move = 'parent' | 'child' | 'previous' | 'next';

/**
 * The visible claims under `id`, in the order the map draws them: the thesis's supporting
 * claims before its objections (the classroom layout puts pro columns left of con), deeper
 * levels in file order.
 */
export function visibleChildren(graph: ArgumentGraph, shown: ReadonlySet<string>, id: string) {
	const kids = (graph.children.get(id) ?? []).filter((k) => shown.has(k));
	if (graph.claims.get(id)?.target !== undefined) return kids;
	const stance = (k: string) => graph.claims.get(k)?.stance;
	return [...kids.filter((k) => stance(k) === 'pro'), ...kids.filter((k) => stance(k) !== 'pro')];
}

/**
 * Where the selection goes from `id`: to the claim it argues about, to the first claim that
 * answers it, or to the previous/next claim answering the same one. Stays put at an edge.
 */
export function step(
	graph: ArgumentGraph,
	shown: ReadonlySet<string>,
	id: string,
	move: Move
): string {
	if (!shown.has(id)) return id;
	if (move === 'child') return visibleChildren(graph, shown, id)[0] ?? id;
	const parent = parentOf(graph, id);
	if (move === 'parent') return parent !== undefined && shown.has(parent) ? parent : id;
	if (parent === undefined) {
		// Roots are siblings of each other.
		const roots = graph.roots.filter((r) => shown.has(r));
		const i = roots.indexOf(id);
		return roots[move === 'next' ? i + 1 : i - 1] ?? id;
	}
	const siblings = visibleChildren(graph, shown, parent);
	const i = siblings.indexOf(id);
	return siblings[move === 'next' ? i + 1 : i - 1] ?? id;
}
