import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/lib/core/evaluate';
import { fixtureGraph, graphOfClaims as graphOf } from '../graphs';

describe('coverage', () => {
	it('lists every kind of gap, in file order', () => {
		expect(coverage(fixtureGraph('coverage-gaps'))).toEqual({
			// r1 answers an objection to p1: it argues for the thesis.
			unanswered: ['p2', 'p3', 'r1'],
			unrebutted: ['c2', 'u1'],
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

	it('does not count a pro relation as an answer, and sorts claims by the side they argue', () => {
		const g = graphOf(
			{ id: 't' },
			{ id: 'c', stance: 'con', target: 't' },
			{ id: 'd', stance: 'pro', target: 'c' }
		);
		// d backs the objection c: it argues against the thesis, so it is not "for" it.
		expect(coverage(g).unrebutted).toEqual(['c', 'd']);
		expect(coverage(g).unanswered).toEqual([]);
	});
});
