import { CJK_CHAR, foldWord, isCjkToken, queryTokens } from './tokenize';

/*
 * What a search finds and how a match is marked in a text: the part of search that lists need,
 * apart from the index (MiniSearch), which loads the first time someone searches.
 */

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

/** Queries are cut to this many characters, so a pasted essay cannot stall the search. */
export const MAX_QUERY_LENGTH = 200;

/** Shorter Latin words must match a whole word: `c` finds the letter c, not every word in c. */
const PREFIX_MIN_LENGTH = 2;

export const isLatin = (term: string) => !isCjkToken(term);
export const length = (term: string) => [...term].length;
/** Latin words match as prefixes (`regulat` finds `regulation`); CJK terms only exactly. */
export const byPrefix = (term: string) => isLatin(term) && length(term) >= PREFIX_MIN_LENGTH;

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
