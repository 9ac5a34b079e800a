import type { ArgumentGraph } from '$lib/core/model';

/** How a claim relates to its target, for screen readers and the outline: "objects to", "supports". */
export function relationWord(graph: ArgumentGraph, id: string): string {
	const claim = graph.claims.get(id);
	if (!claim || claim.stance === undefined) return 'thesis';
	return claim.stance === 'pro' ? 'supports' : 'objects to';
}

/** "argues for the thesis" / "argues against the thesis" once stances are multiplied through. */
export function sideWords(graph: ArgumentGraph, id: string): string {
	if (graph.claims.get(id)?.target === undefined) return '';
	return graph.side.get(id) === -1 ? 'against the thesis' : 'for the thesis';
}
