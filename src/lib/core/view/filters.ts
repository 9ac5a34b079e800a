import type { Facet, Filters } from './view-state';

// The view's vocabulary as plain values: the page reads links and filters with these on its first
// load, without the validator. The zod schemas in `view-state.ts` are built from the same lists.

/** Which side of the thesis a claim ends up on. */
export const SIDE_FILTERS = ['for', 'against'] as const;

/** The map's two arrangements: the classroom columns, and a tree. */
export const LAYOUTS = ['columns', 'tree'] as const;

export const FACETS: readonly Facet[] = ['side', 'stance', 'actor', 'tag', 'kind', 'status'];

export function emptyFilters(): Filters {
	return { side: [], stance: [], actor: [], tag: [], kind: [], status: [] };
}

export function hasFilters(filters: Filters): boolean {
	return FACETS.some((f) => filters[f].length > 0);
}
