import { describe, expect, it } from 'vitest';
import {
	evaluate,
	explainLabel,
	explainStrength,
	sortByStrength,
	strongestClaims
} from '../../../src/lib/core/evaluate';
import type { Claim, Relation, RelationTarget, Stance } from '../../../src/lib/core/schema';
import { graphOfClaims as graphOf, shippedGraph } from '../graphs';

type Extra = Omit<Partial<Claim>, 'id' | 'stance' | 'target'>;
function claim(id: string, stance?: Stance, target?: RelationTarget, extra: Extra = {}): Claim {
	return { id, text: `Claim ${id}.`, ...(stance && target ? { stance, target } : {}), ...extra };
}
const con = (target: RelationTarget): Relation => ({ target, stance: 'con' });

describe('why a claim has its label', () => {
	it('says nothing objects to an unopposed claim', () => {
		const g = graphOf(claim('t'), claim('p', 'pro', 't'));
		const why = explainLabel(g, evaluate(g), 't');
		expect(why.label).toBe('IN');
		expect(why.reasons).toEqual([{ code: 'unopposed' }]);
	});

	it('names the unanswered objections that make a claim OUT, strongest first', () => {
		const g = graphOf(
			claim('t'),
			claim('weak', 'con', 't', { baseScore: 0.2 }),
			claim('strong', 'con', 't', { baseScore: 0.9 }),
			claim('answered', 'con', 't'),
			claim('r', 'con', 'answered')
		);
		const why = explainLabel(g, evaluate(g), 't');
		expect(why.label).toBe('OUT');
		expect(why.standing).toBe(2);
		expect(why.unanswered).toBe(2);
		expect(why.objections).toBe(3);
		expect(why.reasons).toEqual([
			{ code: 'stands', by: 'strong', unanswered: true, answers: [] },
			{ code: 'stands', by: 'weak', unanswered: true, answers: [] },
			{ code: 'falls', by: 'answered', knockedBy: ['r'] }
		]);
	});

	it('says an objection still stands when its own answer was knocked down', () => {
		// t ← a ← b ← c: c knocks b down, so a stands (its answer fell) and t is OUT.
		const g = graphOf(
			claim('t'),
			claim('a', 'con', 't'),
			claim('b', 'con', 'a'),
			claim('c', 'con', 'b')
		);
		const why = explainLabel(g, evaluate(g), 't');
		expect(why.label).toBe('OUT');
		expect(why.unanswered).toBe(0);
		expect(why.reasons).toEqual([{ code: 'stands', by: 'a', unanswered: false, answers: ['b'] }]);
	});

	it('says an objection does not count when a standing undercut cuts its link', () => {
		const g = graphOf(
			claim('t'),
			claim('a', 'con', 't'),
			claim('u', 'con', { from: 'a', to: 't' })
		);
		const why = explainLabel(g, evaluate(g), 't');
		expect(why.label).toBe('IN');
		expect(why.reasons).toEqual([{ code: 'cut', by: 'a', cutBy: ['u'] }]);
	});

	it('says objections in a circle leave a claim undecided', () => {
		const g = graphOf(
			claim('t'),
			claim('a', 'con', 't', { also: [con('b')] }),
			claim('b', 'con', 'a')
		);
		const why = explainLabel(g, evaluate(g), 't');
		expect(why.label).toBe('UNDEC');
		expect(why.reasons).toEqual([{ code: 'open', by: 'a' }]);
	});

	it('explains a struck claim as struck, and leaves the struck objection out of the others', () => {
		const g = graphOf(claim('t'), claim('a', 'con', 't'));
		const e = evaluate(g, { struck: ['a'] });
		expect(explainLabel(g, e, 'a')).toMatchObject({ struck: true, reasons: [] });
		expect(explainLabel(g, e, 't').reasons).toEqual([{ code: 'unopposed' }]);
	});

	it('gives the shipped thesis as many standing objections as are IN among its attackers', () => {
		const g = shippedGraph();
		const e = evaluate(g);
		const why = explainLabel(g, e, g.debate.thesis);
		const attackers = (g.incoming.get(g.debate.thesis) ?? []).filter((r) => r.stance === 'con');
		const inAttackers = new Set(
			attackers.filter((r) => e.labels.get(r.from) === 'IN').map((r) => r.from)
		);
		expect(why.label).toBe('OUT');
		expect(why.standing).toBe(inAttackers.size);
		expect(why.standing).toBeGreaterThan(0);
		const named = why.reasons.flatMap((r) => (r.code === 'stands' ? [r.by] : []));
		expect(new Set(named)).toEqual(inAttackers);
		// Every objection is accounted for, once.
		expect(why.reasons).toHaveLength(new Set(attackers.map((r) => r.from)).size);
	});
});

describe('the working behind a strength', () => {
	it('shows base, the aggregates and the formula giving the strength', () => {
		const g = graphOf(
			claim('t'),
			claim('p', 'pro', 't', { baseScore: 0.8 }),
			claim('c', 'con', 't', { baseScore: 0.6 })
		);
		const e = evaluate(g);
		const w = explainStrength(g, e, 't')!;
		expect(w.base).toBe(0.5);
		expect(w.supporters).toEqual([{ id: 'p', strength: 0.8, weight: 0.8, undercutBy: [] }]);
		expect(w.attackers).toEqual([{ id: 'c', strength: 0.6, weight: 0.6, undercutBy: [] }]);
		expect(w.support).toBeCloseTo(0.8, 12);
		expect(w.attack).toBeCloseTo(0.6, 12);
		expect(w.direction).toBe('up');
		// 0.5 + (1 − 0.5) · (0.8 − 0.6) = 0.6
		expect(w.computed).toBeCloseTo(0.6, 12);
		expect(w.strength).toBeCloseTo(w.computed, 12);
	});

	it('joins several attackers with 1 − ∏(1 − w) and counts an undercut link at a reduced weight', () => {
		const g = graphOf(
			claim('t'),
			claim('a', 'con', 't'),
			claim('b', 'con', 't'),
			claim('u', 'con', { from: 'b', to: 't' })
		);
		const w = explainStrength(g, evaluate(g), 't')!;
		expect(w.attackers.map((x) => [x.id, x.weight])).toEqual([
			['a', 0.5],
			['b', 0.25]
		]);
		expect(w.attackers[1]!.undercutBy).toEqual(['u']);
		expect(w.attack).toBeCloseTo(1 - 0.5 * 0.75, 12);
		expect(w.direction).toBe('down');
	});

	it('matches the evaluation for every claim of the shipped debate', () => {
		const g = shippedGraph();
		const e = evaluate(g);
		for (const id of g.order) {
			const w = explainStrength(g, e, id)!;
			expect(w.computed).toBeCloseTo(e.strength.get(id)!, 5);
		}
	});
});

describe('strongest first', () => {
	it('sorts claims by strength, ties in the order given, struck ones last', () => {
		const g = graphOf(
			claim('t'),
			claim('a', 'con', 't', { baseScore: 0.3 }),
			claim('b', 'con', 't', { baseScore: 0.9 }),
			claim('c', 'con', 't', { baseScore: 0.3 }),
			claim('d', 'pro', 't', { baseScore: 0.95 })
		);
		const e = evaluate(g, { struck: ['d'] });
		expect(sortByStrength(['a', 'd', 'b', 'c'], e)).toEqual(['b', 'a', 'c', 'd']);
	});

	it('ranks each side of the thesis, an objection to an objection counting for it', () => {
		const g = graphOf(
			claim('t'),
			claim('p', 'pro', 't', { baseScore: 0.4 }),
			claim('c', 'con', 't', { baseScore: 0.7 }),
			claim('c2', 'con', 't', { baseScore: 0.9 }),
			claim('r', 'con', 'c', { baseScore: 0.8 })
		);
		const best = strongestClaims(g, evaluate(g));
		expect(best.objections).toEqual(['c2', 'c']);
		expect(best.support).toEqual(['r', 'p']);
		expect(strongestClaims(g, evaluate(g), 1)).toEqual({ support: ['r'], objections: ['c2'] });
	});
});
