import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { describeLocator, groupBySource, passageLink } from '$lib/core/model';
import type { Evidence } from '$lib/core/schema';

const ev = (source: string, quote: string, locator = 'para. 1'): Evidence => ({
	source,
	kind: 'quote',
	quote,
	quoteLang: 'en',
	locator
});

describe('a claim’s evidence by source', () => {
	it('puts every quote of a source together, sources in the order they first appear', () => {
		const groups = groupBySource([ev('a', 'one'), ev('b', 'two'), ev('a', 'three')]);
		expect(groups.map((g) => [g.source, g.quotes.map((q) => q.quote)])).toEqual([
			['a', ['one', 'three']],
			['b', ['two']]
		]);
	});

	it('keeps one group a source in the shipped debate, and loses no quote', () => {
		const debate = parse(readFileSync('arguments/llama-open-weights.yaml', 'utf8')) as {
			claims: { id: string; evidence?: Evidence[] }[];
		};
		const p02 = debate.claims.find((c) => c.id === 'p02')!;
		const groups = groupBySource(p02.evidence!);
		expect(groups).toHaveLength(1);
		expect(groups[0]!.quotes).toHaveLength(2);
		for (const claim of debate.claims) {
			const all = groupBySource(claim.evidence ?? []).flatMap((g) => g.quotes);
			expect(all).toHaveLength(claim.evidence?.length ?? 0);
		}
	});
});

describe('where a quote stands', () => {
	it('reads a locator made of the quote’s own first words as the sentence it begins', () => {
		expect(
			describeLocator(
				'他强调,他相信能够',
				'他强调,他相信能够通过开源让更多的开发者用相关技术进行开发,从而推动创新。'
			)
		).toEqual({ kind: 'quote-start', words: '他强调,他相信能够' });
		expect(describeLocator('They felt…', '“They felt strongly.”')).toEqual({
			kind: 'quote-start',
			words: 'They felt'
		});
	});

	it('finds a sentence inside the quote, and leaves paragraphs, pages and times as written', () => {
		expect(describeLocator('the model', 'They said the model was open.')).toEqual({
			kind: 'opening',
			words: 'the model'
		});
		expect(describeLocator('para. 3 (English original)', 'para. 3 says')).toEqual({
			kind: 'text',
			text: 'para. 3 (English original)'
		});
		expect(describeLocator('14:05', 'At 14:05 he said')).toEqual({ kind: 'text', text: '14:05' });
		expect(describeLocator('given in class', 'x')).toEqual({ kind: 'class' });
		expect(describeLocator('the whole source', 'x')).toEqual({ kind: 'whole' });
	});

	it('links to the passage with a text fragment, escaping what a fragment reads as syntax', () => {
		const link = passageLink('https://example.com/a#top', '他强调,他相信-能够');
		expect(link.startsWith('https://example.com/a#:~:text=')).toBe(true);
		expect(link).not.toContain(',');
		expect(link.split('#:~:text=')[1]).not.toContain('-');
		expect(decodeURIComponent(link.split('#:~:text=')[1]!)).toBe('他强调,他相信-能够');
	});
});
