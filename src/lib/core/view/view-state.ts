import { z } from '../schema/zod';
import { Id } from '../schema/debate';
import { FACET_DESCRIPTORS, FACETS, type Facet, type FacetValue } from './facets';
import { LAYOUTS, SIDE_FILTERS } from './filters';

export { emptyFilters, FACETS, hasFilters, LAYOUTS, SIDE_FILTERS } from './filters';
export type { Facet } from './facets';

/**
 * What a reader is looking at, apart from the debate itself: focus, folded branches, filters,
 * search, what-if strike-outs and their own base scores. It lives in the URL (so a teacher can
 * send a view as a link) and is never written into a debate file.
 */

/** Which side of the thesis a claim ends up on. */
export const SideFilter = z.enum(SIDE_FILTERS);
export type SideFilter = z.infer<typeof SideFilter>;

type FacetSchemas = { [F in Facet]: z.ZodDefault<z.ZodArray<z.ZodType<FacetValue<F>>>> };

/** A facet's values: one of its fixed values, or an id (`facets.ts` decides which). */
function facetSchema(facet: Facet) {
	const d = FACET_DESCRIPTORS[facet];
	return z.array('values' in d ? z.enum(d.values) : Id).default([]);
}

/**
 * Filters compose: a claim must pass every facet that has values; within a facet any value will
 * do. One array per facet of `facets.ts`.
 */
export const Filters = z.object(
	Object.fromEntries(FACETS.map((f) => [f, facetSchema(f)])) as unknown as FacetSchemas
);
export type Filters = z.infer<typeof Filters>;

export const Layout = z.enum(LAYOUTS);
export type Layout = z.infer<typeof Layout>;

export const ViewState = z.object({
	/** The claim open in the evidence drawer. */
	claim: Id.optional(),
	/** Show only this claim, what is below it, and its path up to the thesis. */
	focus: Id.optional(),
	/** Claims whose subtree is folded away. */
	folded: z.array(Id).default([]),
	/**
	 * Levels below the thesis shown before claims fold (levels.ts); absent: the debate's default
	 * (all for a classroom-sized debate, fewer for a big one).
	 */
	levels: z.union([z.number().int().min(1).max(200), z.literal('all')]).optional(),
	/** Claims past the level limit that the reader opened. */
	unfolded: z.array(Id).default([]),
	filters: Filters.default(Filters.parse({})),
	/** Full-text search: matches are highlighted and listed, nothing is hidden. */
	query: z.string().max(200).default(''),
	/** What-if: claims struck out of the evaluation. */
	struck: z.array(Id).default([]),
	/** The reader's own base scores τ, by claim id. */
	scores: z.record(Id, z.number().min(0).max(1)).default({}),
	lang: z.string().default('en'),
	layout: Layout.default('columns'),
	/** Present mode, and the step of the tour shown (0-based here, 1-based in the URL). */
	present: z.boolean().default(false),
	step: z.number().int().min(0).default(0),
	/** The printable handout instead of the interactive map. */
	print: z.boolean().default(false),
	/** Which handout: every claim with its sources, or the short one (thesis, map, strongest). */
	handout: z.enum(['full', 'short']).default('full')
});
export type ViewState = z.infer<typeof ViewState>;
