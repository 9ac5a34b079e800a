import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/lib/core/evaluate';
import { fixtureGraph, graphOfClaims as graphOf } from '../graphs';

describe('coverage', () => {
	it('lists every kind of gap, in file order', () => {
		expect(coverage(fixtureGraph('coverage-gaps'))).toEqual({
			unanswered: ['p2', 'p3'],
			unrebutted: ['c2', 'r1', 'u1'],
			onlyUnconfirmed: ['p2', 'c2'],
			noEvidence: ['t', 'p3']
		});
	});

	it('lists the thesis until someone objects to it, and skips questions', () => {
		const g = graphOf(
			{ id: 't' },
			{ id: 'q', kind: 'question', stance: 'pro', target: 't' },
			{ id: 'p', stance: 'pro', target: 't' }
		);
		expect(coverage(g).unanswered).toEqual(['t', 'p']);
		expect(coverage(g).noEvidence).toEqual(['t', 'p']);
	});

	it("counts objections under `also`, and an undercut as objecting to its link's source", () => {
		// c objects to p under `also`; u undercuts "p supports t", which objects to p, not to t.
		const g = graphOf(
			{ id: 't' },
			{ id: 'p', stance: 'pro', target: 't' },
			{ id: 'x', stance: 'pro', target: 't', also: [{ target: 'p', stance: 'con' }] },
			{ id: 'u', stance: 'con', target: { from: 'x', to: 't' } }
		);
		expect(coverage(g).unanswered).toEqual(['t']);
	});

	it('does not count a pro relation as an answer', () => {
		const g = graphOf(
			{ id: 't' },
			{ id: 'c', stance: 'con', target: 't' },
			{ id: 'd', stance: 'pro', target: 'c' }
		);
		expect(coverage(g).unrebutted).toEqual(['c']);
		expect(coverage(g).unanswered).toEqual(['d']);
	});
});
