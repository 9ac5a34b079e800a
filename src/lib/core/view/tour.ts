import { pathToRoot, type ArgumentGraph } from '../model/graph';

/**
 * The order a teacher walks the debate in: the debate's own `tour` when it has one (ids it
 * no longer has are skipped), else the thesis, then each supporting claim followed by the
 * objections to it and their answers, then each objection followed by its rebuttals.
 *
 * In a class session (`session`) the class's additions stay out of the tour, so a post does
 * not move the step the projector is on, until the teacher puts one in (`added`, in the order
 * they were put there): it then comes just after the claim it answers and that claim's
 * replies already in the tour.
 */
export function tourSteps(
	graph: ArgumentGraph,
	session?: { additions: ReadonlySet<string>; added: readonly string[] }
): string[] {
	const steps = baseSteps(graph).filter((id) => !session?.additions.has(id));
	for (const id of session?.added ?? []) {
		if (!graph.claims.has(id) || steps.includes(id)) continue;
		steps.splice(placeFor(graph, steps, id), 0, id);
	}
	return steps;
}

/** Where in `steps` a claim goes: after the nearest claim above it there, and that one's branch. */
function placeFor(graph: ArgumentGraph, steps: readonly string[], id: string): number {
	const above = pathToRoot(graph, id)
		.slice(1)
		.find((up) => steps.includes(up));
	if (above === undefined) return steps.length;
	let at = steps.indexOf(above) + 1;
	while (at < steps.length && pathToRoot(graph, steps[at]!).includes(above)) at++;
	return at;
}

function baseSteps(graph: ArgumentGraph): string[] {
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
