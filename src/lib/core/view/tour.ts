import { pathToRoot, type ArgumentGraph } from '../model/graph';

/**
 * The order a teacher walks the debate in: the debate's own `tour` when it has one (ids it
 * no longer has are skipped), else the thesis, then each supporting claim followed by the
 * objections to it and their answers, then each objection followed by its rebuttals.
 */
export function tourSteps(graph: ArgumentGraph): string[] {
	const authored = (graph.debate.tour ?? []).filter((id) => graph.claims.has(id));
	if (authored.length > 0) return [...new Set(authored)];
	const out: string[] = [];
	const walk = (id: string) => {
		out.push(id);
		for (const child of graph.children.get(id) ?? []) walk(child);
	};
	for (const root of graph.roots) {
		out.push(root);
		const kids = graph.children.get(root) ?? [];
		const stance = (k: string) => graph.claims.get(k)?.stance;
		for (const k of kids.filter((k) => stance(k) === 'pro')) walk(k);
		for (const k of kids.filter((k) => stance(k) !== 'pro')) walk(k);
	}
	return out;
}

/**
 * What the map shows at a step of the tour: every claim reached so far and the path from each
 * up to the thesis, so a newly revealed claim is never left floating.
 */
export function revealedAt(graph: ArgumentGraph, steps: readonly string[], step: number): string[] {
	const shown = new Set<string>();
	for (const id of steps.slice(0, Math.max(0, step) + 1))
		for (const up of pathToRoot(graph, id)) shown.add(up);
	return graph.order.filter((id) => shown.has(id));
}
