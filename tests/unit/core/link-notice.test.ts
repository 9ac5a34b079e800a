import { describe, expect, it } from 'vitest';
import { readViewParams, summariseIgnored } from '../../../src/lib/core/view';
import { fixtureGraph } from '../graphs';

describe('the notice of ignored parts of a link', () => {
	it('names the first three of 1,000 bad scores and counts the rest', () => {
		const scores = Array.from({ length: 1000 }, (_, i) => `x${i + 1}:0.1`).join(',');
		const read = readViewParams(new URLSearchParams(`score=${scores}`), fixtureGraph('valid'));
		expect(read.dropped).toHaveLength(1000);
		expect(summariseIgnored(read.dropped)).toEqual({
			parts: 'score=x1:0.1, score=x2:0.1, score=x3:0.1',
			more: 997
		});
	});

	it('names up to three in full, and cuts a long part short, between characters', () => {
		expect(summariseIgnored(['a=1', 'b=2', 'c=3'])).toEqual({ parts: 'a=1, b=2, c=3', more: 0 });
		const long = `q=${'🦙'.repeat(100)}`;
		const { parts } = summariseIgnored([long]);
		expect(parts).toBe(`q=${'🦙'.repeat(37)}…`);
	});
});
