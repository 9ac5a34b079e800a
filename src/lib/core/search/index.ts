import MiniSearch from 'minisearch';
import type { LocalisedText } from '../schema/localised';
import type { Claim, Debate } from '../schema/debate';
import { CJK_CHAR, foldWord, indexTokens, isCjkToken, queryTokens } from './tokenize';

export { indexTokens, queryTokens } from './tokenize';

/** Where in a claim a search term was found. */
export type SearchField = 'text' | 'title' | 'detail' | 'note' | 'quote' | 'source' | 'actor';

/** One claim found by {@link DebateSearch.search}. */
export interface SearchHit {
	/** The claim's id. */
	id: string;
	/** Relevance (BM25 with field boosts); higher is better. */
	score: number;
	/** The fields the query matched in, in the order of {@link SEARCH_FIELDS}. */
	fields: SearchField[];
	/** The indexed terms that matched, e.g. `regulation` for the query `regulat`. */
	terms: string[];
}

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

/** Queries are cut to this many characters, so a pasted essay cannot stall the search. */
export const MAX_QUERY_LENGTH = 200;

/** Latin (non-CJK) words of at least this many characters may match with a typo or two. */
const FUZZY_MIN_LENGTH = 5;

/** Shorter Latin words must match a whole word: `c` finds the letter c, not every word in c. */
const PREFIX_MIN_LENGTH = 2;

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

const isLatin = (term: string) => !isCjkToken(term);
const hasLetter = /\p{L}/u;
const length = (term: string) => [...term].length;
/** Latin words match as prefixes (`regulat` finds `regulation`); CJK terms only exactly. */
const byPrefix = (term: string) => isLatin(term) && length(term) >= PREFIX_MIN_LENGTH;

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

/** A query token, folded like the text it is looked for in, and whether it must start or end a word. */
interface Needle {
	token: string;
	wordStart: boolean;
	wordEnd: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether `char` continues a (non-CJK) word, so a match next to it is not at a word boundary. */
const isWordChar = (char: string | undefined) =>
	char !== undefined && WORD_CHAR.test(char) && !CJK_CHAR.test(char);

/**
 * Splits `text` into runs, marking the parts that match the query (case/diacritic-insensitive,
 * CJK by character sequence), for highlighting in a list.
 */
export function markMatches(text: string, query: string): { text: string; match: boolean }[] {
	if (typeof text !== 'string' || text === '') return [];
	const needles: Needle[] =
		typeof query === 'string'
			? queryTokens(query.slice(0, MAX_QUERY_LENGTH)).map((token) => ({
					token,
					// As in the search: words match by prefix (whole when short); CJK anywhere.
					wordStart: isLatin(token),
					wordEnd: isLatin(token) && !byPrefix(token)
				}))
			: [];
	if (needles.length === 0) return [{ text, match: false }];

	// Fold each code point on its own, remembering which one every folded unit came from.
	const points: string[] = [];
	const offsets: number[] = [];
	let folded = '';
	const owner: number[] = [];
	const silent: boolean[] = [];
	let offset = 0;
	for (const point of text) {
		const nfkc = point.normalize('NFKC');
		const f = CJK_CHAR.test(nfkc) ? nfkc : foldWord(nfkc);
		silent.push(f === '');
		for (let i = 0; i < f.length; i++) owner.push(points.length);
		folded += f;
		points.push(point);
		offsets.push(offset);
		offset += point.length;
	}

	const marked = new Array<boolean>(points.length).fill(false);
	for (const { token, wordStart, wordEnd } of needles) {
		for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + 1)) {
			if (wordStart && isWordChar(Array.from(folded.slice(Math.max(0, at - 2), at)).pop()))
				continue;
			const end = at + token.length;
			if (wordEnd && isWordChar(Array.from(folded.slice(end, end + 2))[0])) continue;
			for (let i = at; i < end; i++) marked[owner[i]!] = true;
		}
	}
	// A combining mark folds to nothing: keep it with the letter it sits on.
	for (let i = 1; i < points.length; i++) if (silent[i]) marked[i] = marked[i - 1]!;

	const out: { text: string; match: boolean }[] = [];
	let start = 0;
	for (let i = 1; i <= points.length; i++) {
		if (i === points.length || marked[i] !== marked[start]) {
			const end = i === points.length ? text.length : offsets[i]!;
			out.push({ text: text.slice(offsets[start]!, end), match: marked[start]! });
			start = i;
		}
	}
	return out;
}
