/**
 * Tokenizing for search in English, Chinese and other languages.
 *
 * Text is first folded with NFKC (full-width letters and digits become ASCII, half-width kana
 * become full-width). Then it is cut into runs:
 * - a run of CJK characters (Han, Hiragana, Katakana, Hangul) has no spaces between words, so
 *   it is indexed as its single characters plus every overlapping pair (bigram), and a query is
 *   cut into bigrams (or the single character of a one-character run);
 * - any other run of letters, digits and marks is a word: lower-cased, with diacritics removed
 *   (`Café` → `cafe`).
 * Everything else (spaces, punctuation, symbols, unpaired surrogates) separates tokens.
 */

const CJK_CLASS =
	'\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u30FC';

/** One CJK character (the katakana length mark ー is Common script, so it is listed apart). */
export const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u');

/** A CJK run (group 1) or a word of other letters, digits and marks (group 2). */
const RUN = new RegExp(`([${CJK_CLASS}]+)|((?:(?![${CJK_CLASS}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');

const MARKS = /\p{M}+/gu;

/** Folds a non-CJK word: lower case, no diacritics, final sigma as plain sigma. */
export function foldWord(word: string): string {
	return word.toLowerCase().normalize('NFKD').replace(MARKS, '').replace(/ς/g, 'σ');
}

/** True when `token` is made of CJK characters (as every CJK token this module emits is). */
export function isCjkToken(token: string): boolean {
	return CJK_CHAR.test(token);
}

function runs(text: string, onCjk: (chars: string[]) => void, onWord: (word: string) => void) {
	for (const m of text.normalize('NFKC').matchAll(RUN)) {
		if (m[1] !== undefined) onCjk(Array.from(m[1]));
		else if (m[2] !== undefined) {
			const word = foldWord(m[2]);
			if (word !== '') onWord(word);
		}
	}
}

/** The terms to index for `text`: words, plus each CJK character and each overlapping CJK pair. */
export function indexTokens(text: string): string[] {
	const tokens: string[] = [];
	runs(
		text,
		(chars) => {
			for (let i = 0; i < chars.length; i++) {
				tokens.push(chars[i]!);
				if (i + 1 < chars.length) tokens.push(chars[i]! + chars[i + 1]!);
			}
		},
		(word) => tokens.push(word)
	);
	return tokens;
}

/**
 * The terms of a search query, without repeats: words, and the overlapping pairs of each CJK
 * run (a one-character run stays a single character). All of them must match.
 */
export function queryTokens(text: string): string[] {
	const tokens = new Set<string>();
	runs(
		text,
		(chars) => {
			if (chars.length === 1) tokens.add(chars[0]!);
			for (let i = 0; i + 1 < chars.length; i++) tokens.add(chars[i]! + chars[i + 1]!);
		},
		(word) => tokens.add(word)
	);
	return [...tokens];
}
