import type { ArgumentGraph } from '../model/graph';
import type { Claim, Debate } from '../schema/debate';
import type { LocalisedText } from '../schema/localised';
import { EVIDENCE_KINDS, isId, SOURCE_STATUSES, STANCES } from '../schema/vocabulary';

/**
 * The filter facets, one descriptor each: the values a facet takes, which claims have which value,
 * and the messages that name them. Everything else about filters is derived from this table — the
 * list of facets, empty filters, their URL parameters (`url.ts`), the zod schema
 * (`view-state.ts`), the filter panel's headings and words (`components/claim-words.ts`) — so a
 * new facet is one entry here and its messages; `tests/unit/core/facets.test.ts` goes through
 * every entry (URL round trip, membership, words in each language).
 *
 * Plain values, no zod: the map page reads links and filters with this on its first load.
 */

/** Which side of the thesis a claim ends up on. */
export const SIDE_FILTERS = ['for', 'against'] as const;

/** What a claim offers a facet: the claim, where it sits in the graph, its sources' status. */
export interface FacetClaim {
	graph: ArgumentGraph;
	id: string;
	claim: Claim;
	/** The status of a source by id (`confirmed`…), undefined for a source the debate lacks. */
	statusOf: (source: string) => string | undefined;
}

interface FacetCommon {
	/** The message key of the facet's heading in the filter panel. */
	title: string;
	/** The values a claim has in this facet; any of them matches a filter on that value. */
	of: (c: FacetClaim) => Iterable<string>;
}

/** A facet whose values are fixed by the format (sides, stances, kinds, statuses). */
export interface FixedFacet<V extends string = string> extends FacetCommon {
	values: readonly V[];
	/** The message key of each value's word. */
	words: Readonly<Record<V, string>>;
	/** Whether the word starts with a capital in the panel (it is a noun used mid-sentence elsewhere). */
	capital?: boolean;
}

/** A facet whose values are ids the debate declares (actors, tags), worded by the debate itself. */
export interface DebateFacet extends FacetCommon {
	/** The debate's values, in its own order, with the text that names each. */
	entries: (debate: Debate) => readonly { id: string; word: LocalisedText | undefined }[];
}

export type FacetDescriptor = FixedFacet | DebateFacet;

/** `{ a: 'key_a', … }` for each value: the value's message key is `prefix` + value. */
function wordsFor<const V extends string, const P extends string>(
	values: readonly V[],
	prefix: P
): { [K in V]: `${P}${K}` } {
	return Object.fromEntries(values.map((v) => [v, prefix + v])) as { [K in V]: `${P}${K}` };
}

/** The facets, in the order the filter panel shows them and the URL writes them. */
export const FACET_DESCRIPTORS = {
	side: {
		title: 'facet_side',
		values: SIDE_FILTERS,
		words: wordsFor(SIDE_FILTERS, 'facet_side_'),
		// The thesis is on neither side; a claim counts for the side of its root's thesis.
		of: ({ graph, id, claim }) =>
			claim.target === undefined ? [] : [graph.side.get(id) === 1 ? 'for' : 'against']
	},
	stance: {
		title: 'facet_stance',
		values: STANCES,
		words: wordsFor(STANCES, 'facet_stance_'),
		of: ({ claim }) => (claim.stance === undefined ? [] : [claim.stance])
	},
	actor: {
		title: 'argued_by',
		entries: (d) => d.actors.map((a) => ({ id: a.id, word: a.name })),
		of: ({ claim }) => (claim.actor === undefined ? [] : [claim.actor])
	},
	tag: {
		title: 'facet_tag',
		entries: (d) => d.tags.map((t) => ({ id: t.id, word: t.label })),
		of: ({ claim }) => claim.tags ?? []
	},
	kind: {
		title: 'facet_kind',
		values: EVIDENCE_KINDS,
		words: wordsFor(EVIDENCE_KINDS, 'evidence_kind_'),
		capital: true,
		of: ({ claim }) => (claim.evidence ?? []).map((e) => e.kind)
	},
	status: {
		title: 'facet_status',
		values: SOURCE_STATUSES,
		words: wordsFor(SOURCE_STATUSES, 'status_'),
		of: ({ claim, statusOf }) => (claim.evidence ?? []).flatMap((e) => statusOf(e.source) ?? [])
	}
} as const satisfies Record<string, FacetDescriptor>;

type Descriptors = typeof FACET_DESCRIPTORS;

/** A filter facet: its name is also its URL parameter (`?tag=safety`). */
export type Facet = keyof Descriptors;

/** The values a facet takes: the fixed ones, or any id for a facet the debate fills. */
export type FacetValue<F extends Facet> = Descriptors[F] extends FixedFacet<infer V> ? V : string;

/** Filters compose: a claim must pass every facet that has values; within a facet any value will do. */
export type Filters = { [F in Facet]: FacetValue<F>[] };

/**
 * Every message key the descriptors name: the filter panel (`claim-words.ts`) looks each one up
 * among the messages, so a key without a message does not compile.
 */
export type FacetMessageKey = {
	[F in Facet]:
		Descriptors[F]['title'] | (Descriptors[F] extends { words: infer W } ? W[keyof W] : never);
}[Facet];

export const FACETS = Object.keys(FACET_DESCRIPTORS) as readonly Facet[];

/** The descriptor of a facet. */
export function facetDescriptor(facet: Facet): FacetDescriptor {
	return FACET_DESCRIPTORS[facet];
}

export const isFixedFacet = (d: FacetDescriptor): d is FixedFacet => 'values' in d;

/** The values a facet can take in this debate, in a stable order. */
export function facetValues(graph: ArgumentGraph, facet: Facet): string[] {
	const d = facetDescriptor(facet);
	return isFixedFacet(d) ? [...d.values] : d.entries(graph.debate).map((e) => e.id);
}

/**
 * Whether a link may name `value` in `facet`: one of the fixed values, or an id — one the debate
 * declares, when there is a debate to ask.
 */
export function facetAccepts(facet: Facet, value: string, graph?: ArgumentGraph): boolean {
	const d = facetDescriptor(facet);
	if (isFixedFacet(d)) return d.values.includes(value);
	return isId(value) && (!graph || d.entries(graph.debate).some((e) => e.id === value));
}

export function emptyFilters(): Filters {
	return Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Filters;
}

export function hasFilters(filters: Filters): boolean {
	return FACETS.some((f) => filters[f].length > 0);
}
