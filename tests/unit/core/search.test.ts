import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDebate } from '../../../src/lib/core/load';
import type { Debate } from '../../../src/lib/core/schema';
import {
	DebateSearch,
	indexTokens,
	markMatches,
	queryTokens,
	type SearchHit
} from '../../../src/lib/core/search';

function shipped(): Debate {
	const result = loadDebate(readFileSync('arguments/llama-open-weights.yaml', 'utf8'));
	if (!result.ok) throw new Error('the shipped debate does not load');
	return result.value;
}

const search = new DebateSearch(shipped());
const ids = (hits: SearchHit[]) => hits.map((h) => h.id).sort();
const hit = (hits: SearchHit[], id: string) => hits.find((h) => h.id === id);

describe('tokenizing', () => {
	it('splits mixed English and Chinese into words, characters and bigrams', () => {
		expect(indexTokens('Llama 3 的开放权重 (open weights)')).toEqual([
			'llama',
			'3',
			'的',
			'的开',
			'开',
			'开放',
			'放',
			'放权',
			'权',
			'权重',
			'重',
			'open',
			'weights'
		]);
		expect(queryTokens('Llama 3 的开放权重 (open weights)')).toEqual([
			'llama',
			'3',
			'的开',
			'开放',
			'放权',
			'权重',
			'open',
			'weights'
		]);
	});

	it('queries a CJK run by its bigrams, or by the character when it stands alone', () => {
		expect(queryTokens('开放权重')).toEqual(['开放', '放权', '权重']);
		expect(queryTokens('开')).toEqual(['开']);
		expect(queryTokens('Meta的 AI')).toEqual(['meta', '的', 'ai']);
	});

	it('folds case, diacritics and full-width forms', () => {
		expect(indexTokens('Café NAÏVE Ｌｌａｍａ２')).toEqual(['cafe', 'naive', 'llama2']);
		expect(indexTokens('ｶﾀｶﾅ')).toEqual(['カ', 'カタ', 'タ', 'タカ', 'カ', 'カナ', 'ナ']);
		expect(queryTokens('한국어')).toEqual(['한국', '국어']);
	});

	it('treats punctuation, symbols and unpaired surrogates as separators', () => {
		expect(queryTokens('.*+?^${}()|[]\\')).toEqual([]);
		expect(queryTokens('“开源”,open-source!')).toEqual(['开源', 'open', 'source']);
		expect(queryTokens('a\uD800b')).toEqual(['a', 'b']);
		expect(indexTokens('')).toEqual([]);
	});
});

describe('searching the shipped debate', () => {
	it('finds the claims containing an English word', () => {
		// The backfired releases (c06–c08), the gate set after Galactica (c11) and the reply that
		// closed models hallucinated too (r11).
		expect(ids(search.search('Galactica'))).toEqual(['c06', 'c07', 'c08', 'c11', 'r11']);
		expect(ids(search.search('linux'))).toEqual(['p11']);
	});

	it('ranks best first and honours a limit', () => {
		const hits = search.search('Galactica');
		expect(hits[0]!.id).toBe('c07'); // in its title and text, not just a quote
		for (let i = 1; i < hits.length; i++)
			expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
		expect(search.search('Galactica', { limit: 1 }).map((h) => h.id)).toEqual(['c07']);
	});

	it('matches word prefixes', () => {
		const hits = search.search('regulat');
		expect(ids(hits)).toEqual(['p24']);
		expect(hits[0]!.terms).toContain('regulation');
		expect(hits[0]!.fields).toEqual(['text', 'quote']);
	});

	it('tolerates a typo in a long word', () => {
		// c16 itself, and c19, whose note points to it by its title.
		expect(ids(search.search('phising'))).toEqual(['c16', 'c19']);
		expect(ids(search.search('Blumenthl'))).toEqual(ids(search.search('Blumenthal')));
		expect(search.search('Blumenthal').length).toBeGreaterThan(0);
	});

	it('requires every word of the query', () => {
		const one = ids(search.search('misuse'));
		expect(one).toEqual(expect.arrayContaining(['c05', 'c17']));
		expect(one.length).toBeGreaterThan(1);
		expect(ids(search.search('misuse fraud'))).toEqual(['c17']);
		expect(search.search('misuse galactica')).toEqual([]);
	});

	it('does not expand a one-letter word to every word starting with it', () => {
		expect(search.search('C++')).toEqual([]);
	});

	it('finds a claim by a phrase of its Chinese text', () => {
		const hits = search.search('理论上的危害');
		expect(ids(hits)).toEqual(['p24']);
		expect(hits[0]!.fields).toContain('text');
		expect(ids(search.search('用户掌控'))).toEqual(['p06']);
	});

	it('finds the claim carrying a Chinese evidence quote', () => {
		const lawyers = search.search('律师事务所');
		expect(ids(lawyers)).toEqual(['p06']);
		expect(lawyers[0]!.fields).toEqual(['quote']);
		const cheese = search.search('瑞士奶酪');
		expect(ids(cheese)).toEqual(['c11']);
		expect(cheese[0]!.fields).toContain('quote');
	});

	it('finds English translations of quotes and names of actors in either language', () => {
		expect(hit(search.search('Swiss cheese'), 'c11')!.fields).toContain('quote');
		const goldman = search.search('Goldman');
		expect(goldman.length).toBeGreaterThan(5);
		expect(ids(search.search('莎伦'))).toEqual(
			ids(goldman.filter((h) => h.fields.includes('actor')))
		);
	});

	it('finds claims citing a source by a word of its title', () => {
		const hits = search.search('Agreement'); // Llama 2 Community License Agreement
		expect(ids(hits)).toEqual(['c09', 'r01', 'r03']);
		for (const h of hits) expect(h.fields).toContain('source');
	});

	it('returns nothing for Chinese that is nowhere in the debate', () => {
		expect(search.search('猫狗')).toEqual([]);
	});

	it('returns nothing for a blank or punctuation-only query', () => {
		expect(search.search('')).toEqual([]);
		expect(search.search('  \n\t ')).toEqual([]);
		expect(search.search('?!… —')).toEqual([]);
	});

	it('folds full-width letters in the query', () => {
		expect(ids(search.search('Ｌｉｎｕｘ'))).toEqual(['p11']);
	});
});

/** Strings likely to break a search: regex syntax, CJK, lone surrogates, marks, and any code point. */
const hostile = fc.oneof(
	fc.string({ unit: 'grapheme' }),
	fc.string({ unit: 'binary' }),
	fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }),
	fc.string({
		unit: fc.constantFrom(
			...'.*+?^$()[]{}|\\/开放权重源猫的 \u0301\uD800\uDC00Ｌé'.split(''),
			'llama',
			'open',
			'__proto__',
			'constructor'
		)
	}),
	fc.string({ unit: 'grapheme-ascii', minLength: 150, maxLength: 400 })
);

describe('hostile input', () => {
	it('never throws on any query', () => {
		fc.assert(
			fc.property(hostile, (query) => {
				const hits = search.search(query);
				expect(Array.isArray(hits)).toBe(true);
			}),
			{ numRuns: 300 }
		);
	});

	it('copes with a very long query', () => {
		expect(() => search.search('llama '.repeat(10_000))).not.toThrow();
		expect(() => search.search('开放'.repeat(10_000))).not.toThrow();
		expect(() => search.search('x'.repeat(100_000))).not.toThrow();
	});
});

describe('marking matches', () => {
	const joined = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

	it('marks words by prefix, ignoring case and diacritics', () => {
		expect(markMatches('Café regulation re-open', 'cafe REGULAT open')).toEqual([
			{ text: 'Café', match: true },
			{ text: ' ', match: false },
			{ text: 'regulat', match: true },
			{ text: 'ion re-', match: false },
			{ text: 'open', match: true }
		]);
		expect(markMatches('reopened', 'open')).toEqual([{ text: 'reopened', match: false }]);
		expect(markMatches('e\u0301cole', 'ECOLE')).toEqual([{ text: 'e\u0301cole', match: true }]);
	});

	it('marks Chinese by character sequence', () => {
		expect(markMatches('Meta开放权重让用户掌控', '开放权重')).toEqual([
			{ text: 'Meta', match: false },
			{ text: '开放权重', match: true },
			{ text: '让用户掌控', match: false }
		]);
	});

	it('marks a one-letter word only where it stands alone', () => {
		expect(markMatches('a cat, a dog', 'a')).toEqual([
			{ text: 'a', match: true },
			{ text: ' cat, ', match: false },
			{ text: 'a', match: true },
			{ text: ' dog', match: false }
		]);
	});

	it('returns the text unmarked for a blank query, and nothing for empty text', () => {
		expect(markMatches('Llama', '  ')).toEqual([{ text: 'Llama', match: false }]);
		expect(markMatches('', 'llama')).toEqual([]);
	});

	it('always gives back the text it was given, in alternating non-empty runs', () => {
		fc.assert(
			fc.property(hostile, hostile, (text, query) => {
				const runs = markMatches(text, query);
				expect(joined(runs)).toBe(text);
				for (const r of runs) expect(r.text).not.toBe('');
				for (let i = 1; i < runs.length; i++) expect(runs[i]!.match).not.toBe(runs[i - 1]!.match);
			}),
			{ numRuns: 300 }
		);
	});

	it('marks the query wherever a text contains it as a word', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme-ascii' }),
				fc.stringMatching(/^[a-z]{2,12}$/),
				fc.string({ unit: 'grapheme-ascii' }),
				(before, word, after) => {
					const text = `${before} ${word.toUpperCase()} ${after}`;
					const runs = markMatches(text, word);
					expect(joined(runs)).toBe(text);
					expect(runs.some((r) => r.match && r.text.toLowerCase().startsWith(word))).toBe(true);
				}
			)
		);
	});
});
