import { descendants, pathToRoot, type ArgumentGraph } from '../model/graph';
import {
	facetDescriptor,
	FACETS,
	facetValues,
	hasFilters,
	type Facet,
	type Filters
} from './filters';

/** What the map and the outline show for a given focus, folding and filters. */
export interface Visibility {
	/** Claims drawn, in file order. */
	visible: string[];
	/** Claims that pass the filters (all of scope when no filter is set). */
	matched: Set<string>;
	/** Claims drawn only to connect a match (or the focus) to the thesis: shown faded. */
	context: Set<string>;
	/** For each folded claim that hides something: how many claims it hides, by side of the thesis. */
	folded: Map<string, { for: number; against: number }>;
	/** How many claims in scope each filter value would match, given the other facets. */
	counts: Record<Facet, Map<string, number>>;
	/** The claims focus and filters consider: the focused subtree, or every claim. */
	scope: Set<string>;
}

export interface VisibilityInput {
	focus?: string;
	/** Presenting: only these claims are in scope (the tour so far); focus is ignored. */
	reveal?: readonly string[];
	folded?: Iterable<string>;
	filters: Filters;
}

type FacetIndex = Record<Facet, Map<string, Set<string>>>;
const indexes = new WeakMap<ArgumentGraph, FacetIndex>();

/** Which claims have each value of each facet; built once per graph. */
function facetIndex(graph: ArgumentGraph): FacetIndex {
	let index = indexes.get(graph);
	if (index) return index;
	const status = new Map<string, string>(graph.debate.sources.map((s) => [s.id, s.status]));
	const statusOf = (source: string) => status.get(source);
	index = {} as FacetIndex;
	for (const facet of FACETS) {
		const byValue = new Map(facetValues(graph, facet).map((v) => [v, new Set<string>()]));
		const { of } = facetDescriptor(facet);
		for (const id of graph.order)
			for (const value of of({ graph, id, claim: graph.claims.get(id)!, statusOf }))
				byValue.get(value)?.add(id);
		index[facet] = byValue;
	}
	indexes.set(graph, index);
	return index;
}

function passes(index: FacetIndex, id: string, filters: Filters, except?: Facet): boolean {
	return FACETS.every(
		(f) =>
			f === except ||
			filters[f].length === 0 ||
			filters[f].some((v) => index[f].get(v)?.has(id) ?? false)
	);
}

/**
 * Decides which claims to draw. Focus narrows the scope to a claim and everything below it;
 * filters keep the claims in scope that pass every facet; the path from each kept claim (and
 * from the focus) up to the thesis stays visible, faded, so nothing floats unattached; folded
 * claims hide what is below them. Pure: the same graph and view state give the same answer.
 */
export function computeVisibility(graph: ArgumentGraph, input: VisibilityInput): Visibility {
	const focus =
		!input.reveal && input.focus && graph.claims.has(input.focus) ? input.focus : undefined;
	const inScope = input.reveal
		? input.reveal.filter((id) => graph.claims.has(id))
		: focus
			? [focus, ...descendants(graph, focus)]
			: graph.order;
	const scope = new Set(inScope);
	const filtering = hasFilters(input.filters);
	const index = filtering ? facetIndex(graph) : undefined;
	const matched = new Set(
		index ? inScope.filter((id) => passes(index, id, input.filters)) : inScope
	);

	const shown = new Set<string>(matched);
	for (const id of [...matched, ...(focus ? [focus] : [])])
		for (const up of pathToRoot(graph, id)) shown.add(up);
	// The thesis anchors every view, even one where nothing matches.
	shown.add(graph.debate.thesis);

	// Folds: walk down from the roots; a shown folded claim hides everything below it. Folds
	// inside a hidden branch are never reached, so each claim is counted at most once: linear in
	// the size of the debate however many claims a big debate's level limit folds.
	const folds = new Set(input.folded ?? []);
	const folded = new Map<string, { for: number; against: number }>();
	const stack = [...graph.roots];
	while (stack.length > 0) {
		const id = stack.pop()!;
		if (!shown.has(id)) continue;
		if (!folds.has(id)) {
			stack.push(...(graph.children.get(id) ?? []));
			continue;
		}
		const hidden = { for: 0, against: 0 };
		for (const below of descendants(graph, id)) {
			if (!shown.delete(below)) continue;
			if (graph.side.get(below) === -1) hidden.against++;
			else hidden.for++;
		}
		if (hidden.for + hidden.against > 0) folded.set(id, hidden);
	}

	const visible = graph.order.filter((id) => shown.has(id));
	const context = new Set(visible.filter((id) => !matched.has(id)));

	// Counts are for the filter menu: worked out when it asks, not for every map drawn.
	let counts: Record<Facet, Map<string, number>> | undefined;
	const countAll = () => {
		const all = {} as Record<Facet, Map<string, number>>;
		const byFacet = index ?? facetIndex(graph);
		for (const facet of FACETS) {
			const byValue = new Map<string, number>();
			const candidates = inScope.filter((id) => passes(byFacet, id, input.filters, facet));
			for (const [value, having] of byFacet[facet])
				byValue.set(value, candidates.filter((id) => having.has(id)).length);
			all[facet] = byValue;
		}
		return all;
	};
	return {
		visible,
		matched,
		context,
		folded,
		scope,
		get counts() {
			return (counts ??= countAll());
		}
	};
}
