// The view's vocabulary as plain values: the page reads links and filters with these on its first
// load, without the validator. The zod schemas in `view-state.ts` are built from the same lists.

export {
	emptyFilters,
	FACET_DESCRIPTORS,
	facetAccepts,
	facetDescriptor,
	FACETS,
	facetValues,
	hasFilters,
	isFixedFacet,
	SIDE_FILTERS,
	type DebateFacet,
	type Facet,
	type FacetDescriptor,
	type FacetMessageKey,
	type FacetValue,
	type Filters,
	type FixedFacet
} from './facets';

/** The map's two arrangements: the classroom columns, and a tree. */
export const LAYOUTS = ['columns', 'tree'] as const;
