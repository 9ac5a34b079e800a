import MiniSearch from 'minisearch';
import type { LocalisedText } from '../schema/localised';
import type { Claim, Debate } from '../schema/debate';
import { indexTokens, queryTokens } from './tokenize';
import {
	byPrefix,
	isLatin,
	length,
	MAX_QUERY_LENGTH,
	type SearchField,
	type SearchHit
} from './terms';

export { indexTokens, queryTokens } from './tokenize';
export * from './terms';

/** Every searchable field, most important first. */
export const SEARCH_FIELDS: readonly SearchField[] = [
	'title',
	'text',
	'detail',
	'quote',
	'source',
	'actor',
	'note'
];

/** Title and text count most, then detail and quotes, then sources, actor and notes. */
const BOOST: Record<SearchField, number> = {
	title: 3,
	text: 3,
	detail: 2,
	quote: 2,
	source: 1,
	actor: 1,
	note: 1
};

/** Latin (non-CJK) words of at least this many characters may match with a typo or two. */
const FUZZY_MIN_LENGTH = 5;

type SearchDocument = { id: string } & Record<SearchField, string>;

/** Every language of a localised text, one per line. */
function allLanguages(value: LocalisedText | undefined): string[] {
	if (value === undefined) return [];
	return typeof value === 'string' ? [value] : Object.values(value);
}

function documentOf(
	claim: Claim,
	sourceTitles: Map<string, string[]>,
	actorNames: Map<string, string[]>
): SearchDocument {
	const quotes: string[] = [];
	const sources = new Set<string>();
	for (const e of claim.evidence ?? []) {
		quotes.push(e.quote, ...allLanguages(e.translation));
		sources.add(e.source);
	}
	return {
		id: claim.id,
		text: allLanguages(claim.text).join('\n'),
		title: allLanguages(claim.title).join('\n'),
		detail: allLanguages(claim.detail).join('\n'),
		note: allLanguages(claim.note).join('\n'),
		quote: quotes.join('\n'),
		source: [...sources].flatMap((id) => sourceTitles.get(id) ?? []).join('\n'),
		actor: claim.actor === undefined ? '' : (actorNames.get(claim.actor) ?? []).join('\n')
	};
}

const hasLetter = /\p{L}/u;

/**
 * A full-text index over one debate's claims: every language of text/title/detail/note, evidence
 * quotes and their translations, titles of the sources they cite, the actor's name.
 */
export class DebateSearch {
	readonly #index: MiniSearch<SearchDocument>;

	constructor(debate: Debate) {
		const sourceTitles = new Map(debate.sources.map((s) => [s.id, allLanguages(s.title)]));
		const actorNames = new Map(debate.actors.map((a) => [a.id, allLanguages(a.name)]));
		this.#index = new MiniSearch<SearchDocument>({
			fields: [...SEARCH_FIELDS],
			storeFields: [],
			tokenize: (text) => indexTokens(text),
			processTerm: (term) => term,
			searchOptions: {
				tokenize: (text) => queryTokens(text),
				processTerm: (term) => term,
				combineWith: 'AND',
				boost: BOOST,
				prefix: byPrefix,
				fuzzy: (term) =>
					isLatin(term) && hasLetter.test(term) && length(term) >= FUZZY_MIN_LENGTH ? 0.2 : false
			}
		});
		const seen = new Set<string>();
		for (const claim of debate.claims) {
			// A debate that passed validation has unique ids; MiniSearch would throw on a repeat.
			if (seen.has(claim.id)) continue;
			seen.add(claim.id);
			this.#index.add(documentOf(claim, sourceTitles, actorNames));
		}
	}

	/** Claims matching every term of the query, best first; [] for a blank query. Never throws on any input string. */
	search(query: string, options: { limit?: number } = {}): SearchHit[] {
		if (typeof query !== 'string') return [];
		const q = query.slice(0, MAX_QUERY_LENGTH);
		if (queryTokens(q).length === 0) return [];
		const hits = this.#index.search(q).map((r) => {
			const matched = new Set(Object.values(r.match).flat());
			return {
				id: String(r.id),
				score: r.score,
				fields: SEARCH_FIELDS.filter((f) => matched.has(f)),
				terms: r.terms
			};
		});
		const limit = options.limit;
		return limit !== undefined && Number.isFinite(limit) && limit >= 0
			? hits.slice(0, Math.floor(limit))
			: hits;
	}
}
