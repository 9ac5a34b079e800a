import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	aggregate,
	combine,
	compareEvaluations,
	dfquad,
	evaluate,
	groundedLabels,
	type Label
} from '../../../src/lib/core/evaluate';
import type { ArgumentGraph } from '../../../src/lib/core/model';
import type { Claim, Relation, RelationTarget, Stance } from '../../../src/lib/core/schema';
import { graphOfClaims as graphOf, shippedGraph } from '../graphs';

type Extra = Omit<Partial<Claim>, 'id' | 'stance' | 'target'>;

/** A claim `id` that takes `stance` on `target` (a root when both are left out). */
function claim(id: string, stance?: Stance, target?: RelationTarget, extra: Extra = {}): Claim {
	return { id, text: `Claim ${id}.`, ...(stance && target ? { stance, target } : {}), ...extra };
}

const con = (target: RelationTarget): Relation => ({ target, stance: 'con' });
const labelsOf = (graph: ArgumentGraph, struck?: ReadonlySet<string>) =>
	Object.fromEntries(groundedLabels(graph, struck));
const strengthsOf = (graph: ArgumentGraph, options = {}) =>
	Object.fromEntries(dfquad(graph, options).strength);

describe('DF-QuAD on trees', () => {
	it('aggregates and combines as in the paper', () => {
		expect(aggregate([])).toBe(0);
		expect(aggregate([0.5, 0.5])).toBeCloseTo(0.75, 12);
		expect(combine(0.5, 0.6, 0.8)).toBeCloseTo(0.6, 12);
		expect(combine(0.5, 0.8, 0.6)).toBeCloseTo(0.4, 12);
	});

	it('moves τ = 0.5 to 0.6 with one pro at 0.8 and one con at 0.6; leaves keep their base', () => {
		const g = graphOf(
			claim('t'),
			claim('p', 'pro', 't', { baseScore: 0.8 }),
			claim('c', 'con', 't', { baseScore: 0.6 })
		);
		const s = strengthsOf(g);
		expect(s.t).toBeCloseTo(0.6, 12);
		expect(s.p).toBe(0.8);
		expect(s.c).toBe(0.6);
	});

	it('pulls a claim down with attackers only', () => {
		// va = F(0.5, 0.5) = 0.75, so σ = 0.5 − 0.5 · 0.75.
		const g = graphOf(claim('t'), claim('a', 'con', 't'), claim('b', 'con', 't'));
		expect(strengthsOf(g).t).toBeCloseTo(0.125, 12);
	});

	it('pushes a claim up with supporters only', () => {
		// vs = 0.5, so σ = 0.4 + 0.6 · 0.5.
		const g = graphOf(claim('t', undefined, undefined, { baseScore: 0.4 }), claim('p', 'pro', 't'));
		expect(strengthsOf(g).t).toBeCloseTo(0.7, 12);
	});

	it('leaves τ alone when attack and support are equal', () => {
		const g = graphOf(
			claim('t', undefined, undefined, { baseScore: 0.3 }),
			claim('p', 'pro', 't', { baseScore: 0.7 }),
			claim('c', 'con', 't', { baseScore: 0.7 })
		);
		expect(strengthsOf(g).t).toBe(0.3);
	});

	it('computes a chain from the leaf up', () => {
		const g = graphOf(
			claim('t'),
			claim('a', 'pro', 't', { baseScore: 0.6 }),
			claim('b', 'con', 'a', { baseScore: 0.8 }),
			claim('c', 'pro', 'b')
		);
		const s = strengthsOf(g);
		// c = 0.5; b = 0.8 + 0.2 · 0.5 = 0.9; a = 0.6 − 0.6 · 0.9 = 0.06; t = 0.5 + 0.5 · 0.06.
		expect(s.c).toBe(0.5);
		expect(s.b).toBeCloseTo(0.9, 12);
		expect(s.a).toBeCloseTo(0.06, 12);
		expect(s.t).toBeCloseTo(0.53, 12);
		expect(dfquad(g)).toMatchObject({ converged: true, iterations: 0 });
	});

	it("takes the reader's base score over the file's over the default", () => {
		const g = graphOf(
			claim('t', undefined, undefined, { baseScore: 0.8 }),
			claim('a', 'pro', 't', { baseScore: 0.2 }),
			claim('b', 'con', 't')
		);
		const { base } = evaluate(g, { baseScores: { t: 0.3 } });
		expect(Object.fromEntries(base)).toEqual({ t: 0.3, a: 0.2, b: 0.5 });
	});

	it('weakens a link by its con undercuts and ignores pro undercuts', () => {
		const g = graphOf(
			claim('t'),
			claim('p', 'pro', 't', { baseScore: 0.8 }),
			claim('u', 'con', { from: 'p', to: 't' })
		);
		// p counts with weight 0.8 · (1 − 0.5) = 0.4.
		expect(strengthsOf(g).t).toBeCloseTo(0.7, 12);
		const h = graphOf(
			claim('t'),
			claim('p', 'pro', 't', { baseScore: 0.8 }),
			claim('u', 'pro', { from: 'p', to: 't' })
		);
		expect(strengthsOf(h).t).toBeCloseTo(0.9, 12);
	});
});

describe('DF-QuAD on cycles', () => {
	// a and b attack each other; a also attacks the thesis.
	const mutual = (tau: number) =>
		graphOf(
			claim('t'),
			claim('a', 'con', 't', { baseScore: tau, also: [con('b')] }),
			claim('b', 'con', 'a', { baseScore: tau })
		);

	it('converges on a mutual attack at τ = 0.5 to σ = 1/3', () => {
		// σ = 0.5 − 0.5 · σ for both, so σ = 1/3; then the thesis is 0.5 − 0.5 · 1/3 = 1/3.
		const g = mutual(0.5);
		const result = dfquad(g);
		expect(result.converged).toBe(true);
		expect(result.iterations).toBeGreaterThan(1);
		expect(result.iterations).toBeLessThan(1000);
		for (const id of ['t', 'a', 'b']) expect(result.strength.get(id)).toBeCloseTo(1 / 3, 5);
		// And it is a fixpoint: σ = f(σ) within the tolerance.
		const sa = result.strength.get('a')!;
		const sb = result.strength.get('b')!;
		expect(Math.abs(combine(0.5, sb, 0) - sa)).toBeLessThan(1e-6);
		expect(Math.abs(combine(0.5, sa, 0) - sb)).toBeLessThan(1e-6);
	});

	it('reports no convergence when Jacobi oscillates (mutual attack at τ = 1)', () => {
		const result = dfquad(mutual(1), { maxIterations: 50 });
		expect(result.converged).toBe(false);
		expect(result.iterations).toBe(50);
		for (const v of result.strength.values()) expect(v).toBeGreaterThanOrEqual(0);
		for (const v of result.strength.values()) expect(v).toBeLessThanOrEqual(1);
		expect(evaluate(mutual(1)).converged).toBe(false);
	});

	it('solves a cycle exactly once what it depends on is known, however long the chain', () => {
		// A chain of 1,500 claims hangs from a cycle: more levels than sweeps allowed.
		const claims = [
			claim('t'),
			claim('a', 'con', 't', { also: [con('b')] }),
			claim('b', 'con', 'a')
		];
		let below = 'b';
		for (let i = 0; i < 1500; i++) {
			claims.push(claim(`x${i}`, i % 2 ? 'pro' : 'con', below));
			below = `x${i}`;
		}
		const result = dfquad(graphOf(...claims), { maxIterations: 100 });
		expect(result.converged).toBe(true);
		for (const v of result.strength.values()) expect(v).toBeGreaterThanOrEqual(0);
	});
});

describe('grounded labels', () => {
	it('labels a chain of attacks alternately from the leaf', () => {
		const g = graphOf(claim('t'), claim('a', 'con', 't'), claim('b', 'con', 'a'));
		expect(labelsOf(g)).toEqual({ t: 'IN', a: 'OUT', b: 'IN' });
	});

	it('leaves a mutual attack undecided', () => {
		const g = graphOf(
			claim('t'),
			claim('a', 'con', 't', { also: [con('b')] }),
			claim('b', 'con', 'a')
		);
		expect(labelsOf(g)).toEqual({ t: 'UNDEC', a: 'UNDEC', b: 'UNDEC' });
	});

	it('leaves an odd cycle of three undecided', () => {
		// b attacks a, c attacks b, a attacks c.
		const g = graphOf(
			claim('t'),
			claim('a', 'con', 't', { also: [con('c')] }),
			claim('b', 'con', 'a'),
			claim('c', 'con', 'b')
		);
		expect(labelsOf(g)).toEqual({ t: 'UNDEC', a: 'UNDEC', b: 'UNDEC', c: 'UNDEC' });
	});

	it('ignores supports', () => {
		const g = graphOf(claim('t'), claim('p', 'pro', 't'), claim('c', 'con', 'p'));
		expect(labelsOf(g)).toEqual({ t: 'IN', p: 'OUT', c: 'IN' });
	});

	it('disables an attack whose undercut is IN', () => {
		const attack = [claim('t'), claim('a', 'con', 't')];
		expect(labelsOf(graphOf(...attack))).toEqual({ t: 'OUT', a: 'IN' });
		const undercut = claim('u', 'con', { from: 'a', to: 't' });
		expect(labelsOf(graphOf(...attack, undercut))).toEqual({ t: 'IN', a: 'IN', u: 'IN' });
		// An undercut that is itself defeated leaves the attack standing.
		const beaten = [...attack, undercut, claim('w', 'con', 'u')];
		expect(labelsOf(graphOf(...beaten))).toEqual({ t: 'OUT', a: 'IN', u: 'OUT', w: 'IN' });
		// And an undecided one leaves the target undecided.
		const open = [
			...attack,
			claim('u', 'con', { from: 'a', to: 't' }, { also: [con('v')] }),
			claim('v', 'con', 'u')
		];
		expect(labelsOf(graphOf(...open))).toMatchObject({ t: 'UNDEC', a: 'IN' });
	});

	it('ignores an undercut of a support', () => {
		const g = graphOf(
			claim('t'),
			claim('p', 'pro', 't', { also: [con('c')] }),
			claim('c', 'con', 't'),
			claim('u', 'con', { from: 'p', to: 't' })
		);
		expect(labelsOf(g)).toEqual({ t: 'IN', p: 'IN', c: 'OUT', u: 'IN' });
	});
});

describe('striking claims out', () => {
	// t ← p (pro) ← a (con): a is p's only attacker.
	const g = graphOf(claim('t'), claim('p', 'pro', 't'), claim('a', 'con', 'p'));

	it('flips a claim whose only attacker is struck, and reports the thesis move', () => {
		const before = evaluate(g);
		const after = evaluate(g, { struck: ['a'] });
		expect(before.labels.get('p')).toBe('OUT');
		expect(after.labels.get('p')).toBe('IN');
		const diff = compareEvaluations(g, before, after);
		// p = 0.5 − 0.5 · 0.5 = 0.25 and t = 0.5 + 0.5 · 0.25 before; p = 0.5, t = 0.75 after.
		expect(diff.thesis.before).toBeCloseTo(0.625, 12);
		expect(diff.thesis.after).toBeCloseTo(0.75, 12);
		expect(diff.flipped).toEqual([
			{ id: 'p', before: 'OUT', after: 'IN' },
			{ id: 'a', before: 'IN', after: undefined }
		]);
		expect(diff.moved.map((m) => m.id)).toEqual(['t', 'p']);
		expect([...diff.changed].sort()).toEqual(['a', 'p', 't']);
		// What a reader is told changed: not the struck claim itself.
		expect(diff.relabelled).toEqual([{ id: 'p', before: 'OUT', after: 'IN' }]);
		expect(diff.thesisLabel).toEqual({ before: 'IN', after: 'IN' });
	});

	it('leaves the thesis out of the relabelled claims and reports its own flip apart', () => {
		// t ← c ← r: striking r lets c stand, so the thesis goes from IN to OUT.
		const h = graphOf(claim('t'), claim('c', 'con', 't'), claim('r', 'con', 'c'));
		const diff = compareEvaluations(h, evaluate(h), evaluate(h, { struck: ['r'] }));
		expect(diff.thesisLabel).toEqual({ before: 'IN', after: 'OUT' });
		expect(diff.relabelled).toEqual([{ id: 'c', before: 'OUT', after: 'IN' }]);
	});

	it('removes a struck claim from every result', () => {
		const e = evaluate(g, { struck: new Set(['a']) });
		expect([...e.struck]).toEqual(['a']);
		for (const map of [e.labels, e.strength, e.base]) expect(map.has('a')).toBe(false);
		expect([...e.labels.keys()]).toEqual(['t', 'p']);
	});

	it('reports the thesis as undefined when it is struck', () => {
		const diff = compareEvaluations(g, evaluate(g), evaluate(g, { struck: ['t'] }));
		expect(diff.thesis).toEqual({ before: 0.625, after: undefined });
		expect(diff.flipped[0]).toEqual({ id: 't', before: 'IN', after: undefined });
	});

	it('ignores unknown and hostile ids and scores', () => {
		const baseline = evaluate(g);
		const hostile = evaluate(g, {
			struck: ['nope', '__proto__', 'constructor', 42 as unknown as string],
			baseScores: JSON.parse(
				'{"t": 1.5, "p": -0.1, "a": "0.9", "nope": 0.3, "__proto__": 0.2, "constructor": 0.1}'
			)
		});
		const nan = evaluate(g, { baseScores: { t: NaN, p: Infinity } });
		for (const e of [hostile, nan]) {
			expect(e.struck.size).toBe(0);
			expect(e.base).toEqual(baseline.base);
			expect(e.strength).toEqual(baseline.strength);
			expect(e.labels).toEqual(baseline.labels);
		}
		expect(compareEvaluations(g, baseline, hostile).changed.size).toBe(0);
	});

	it("does not mistake an object's built-in properties for ids", () => {
		const h = graphOf(claim('t'), claim('constructor', 'con', 't'));
		expect(evaluate(h).base.get('constructor')).toBe(0.5);
		expect(evaluate(h, { baseScores: { constructor: 0.9 } }).base.get('constructor')).toBe(0.9);
		expect(evaluate(h, { struck: ['constructor'] }).labels.get('t')).toBe('IN');
	});
});

/**
 * A random debate of up to 31 claims with extra relations and undercuts. Acyclic: every relation
 * points from a later claim to an earlier one. Cyclic: extra relations may point anywhere.
 */
const randomDebate = (cyclic: boolean) =>
	fc
		.array(
			fc.record({
				target: fc.nat(),
				stance: fc.constantFrom<Stance>('pro', 'con'),
				also: fc.array(
					fc.record({ target: fc.nat(), stance: fc.constantFrom<Stance>('pro', 'con') }),
					{ maxLength: 2 }
				),
				undercut: fc.option(fc.nat(), { nil: undefined }),
				baseScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined })
			}),
			{ minLength: 1, maxLength: 30 }
		)
		.map((specs) => {
			const claims: Claim[] = [claim('c0')];
			// Links (from, to) made so far, for undercuts to aim at.
			const links: [string, string][] = [];
			specs.forEach((s, i) => {
				const id = `c${i + 1}`;
				const extra: Extra = { baseScore: s.baseScore };
				let target: RelationTarget = `c${s.target % (i + 1)}`;
				if (s.undercut !== undefined && links.length > 0) {
					const [from, to] = links[s.undercut % links.length]!;
					target = { from, to };
				}
				const also = s.also
					.map((r) => ({
						target: `c${r.target % (cyclic ? specs.length + 1 : i + 1)}`,
						stance: r.stance
					}))
					.filter((r) => r.target !== target && r.target !== id);
				if (also.length > 0) extra.also = also;
				claims.push(claim(id, s.stance, target, extra));
				if (typeof target === 'string') links.push([id, target]);
				for (const r of also) links.push([id, r.target]);
			});
			return graphOf(...claims);
		});
const acyclicDebate = randomDebate(false);
const cyclicDebate = randomDebate(true);

/** Checks the grounded conditions, with undercuts: IN iff every attack defeated, OUT iff one active. */
function satisfiesGrounded(graph: ArgumentGraph, labels: Map<string, Label>): boolean {
	const undercutters = new Map<string, string[]>();
	for (const r of graph.relations) {
		if (r.stance !== 'con' || !r.undercuts) continue;
		const key = `${r.undercuts.from} ${r.undercuts.to}`;
		undercutters.set(key, [...(undercutters.get(key) ?? []), r.from]);
	}
	const attackState = (from: string, to: string) => {
		const cutters = (undercutters.get(`${from} ${to}`) ?? []).map((id) => labels.get(id));
		if (labels.get(from) === 'OUT' || cutters.includes('IN')) return 'defeated';
		if (labels.get(from) === 'IN' && cutters.every((l) => l === 'OUT')) return 'active';
		return 'undecided';
	};
	for (const [id, label] of labels) {
		const states = graph.incoming
			.get(id)!
			.filter((r) => r.stance === 'con' && !r.undercuts)
			.map((r) => attackState(r.from, id));
		const expected = states.every((s) => s === 'defeated')
			? 'IN'
			: states.includes('active')
				? 'OUT'
				: 'UNDEC';
		if (label !== expected) return false;
	}
	return true;
}

/**
 * The grounded labelling computed the slow, obvious way: from all UNDEC, apply the labelling
 * rules to every claim until nothing changes. The least fixpoint, to check the worklist against.
 */
function naiveGrounded(graph: ArgumentGraph): Map<string, Label> {
	const labels = new Map<string, Label>(graph.order.map((id) => [id, 'UNDEC']));
	const attackState = (r: ArgumentGraph['relations'][number]) => {
		const cutters = graph.relations
			.filter((u) => u.stance === 'con' && u.undercuts?.from === r.from && u.undercuts.to === r.to)
			.map((u) => labels.get(u.from));
		if (labels.get(r.from) === 'OUT' || cutters.includes('IN')) return 'defeated';
		if (labels.get(r.from) === 'IN' && cutters.every((l) => l === 'OUT')) return 'active';
		return 'undecided';
	};
	for (let changed = true; changed;) {
		changed = false;
		for (const id of graph.order) {
			if (labels.get(id) !== 'UNDEC') continue;
			const states = graph.incoming
				.get(id)!
				.filter((r) => r.stance === 'con' && !r.undercuts)
				.map(attackState);
			const next = states.every((st) => st === 'defeated')
				? 'IN'
				: states.includes('active')
					? 'OUT'
					: 'UNDEC';
			if (next !== 'UNDEC') {
				labels.set(id, next);
				changed = true;
			}
		}
	}
	return labels;
}

describe('properties on random debates with cycles', () => {
	it('finds the same grounded labelling as the obvious fixpoint', () => {
		fc.assert(
			fc.property(cyclicDebate, (g) => {
				const labels = groundedLabels(g);
				expect(labels).toEqual(naiveGrounded(g));
				expect(satisfiesGrounded(g, labels)).toBe(true);
			})
		);
	});

	it('keeps every strength in [0, 1], converged or not', () => {
		fc.assert(
			fc.property(cyclicDebate, (g) => {
				for (const v of dfquad(g, { maxIterations: 200 }).strength.values()) {
					expect(v).toBeGreaterThanOrEqual(0);
					expect(v).toBeLessThanOrEqual(1);
				}
			})
		);
	});
});

describe('properties on random acyclic debates', () => {
	it('keeps every strength in [0, 1], exactly and without iterating', () => {
		fc.assert(
			fc.property(acyclicDebate, (g) => {
				const result = dfquad(g);
				expect(result.converged).toBe(true);
				expect(result.iterations).toBe(0);
				for (const v of result.strength.values()) {
					expect(v).toBeGreaterThanOrEqual(0);
					expect(v).toBeLessThanOrEqual(1);
				}
			})
		);
	});

	it("never lowers a claim's strength when one of its supporters gets a higher base score", () => {
		fc.assert(
			fc.property(
				acyclicDebate,
				fc.nat(),
				fc.double({ min: 0, max: 1, noNaN: true }),
				(g, pick, raise) => {
					// A supporter whose only influence is its one support, so nothing else moves.
					const supports = g.relations.filter(
						(r) => r.stance === 'pro' && !r.undercuts && g.outgoing.get(r.from)!.length === 1
					);
					if (supports.length === 0) return;
					const { from, to } = supports[pick % supports.length]!;
					const before = dfquad(g);
					const tau = before.base.get(from)!;
					const after = dfquad(g, { baseScores: { [from]: tau + (1 - tau) * raise } });
					expect(after.strength.get(to)!).toBeGreaterThanOrEqual(before.strength.get(to)! - 1e-12);
				}
			)
		);
	});

	it('labels every claim as the grounded conditions require', () => {
		fc.assert(
			fc.property(acyclicDebate, (g) => {
				const labels = groundedLabels(g);
				expect(labels.size).toBe(g.order.length);
				expect(satisfiesGrounded(g, labels)).toBe(true);
				// Without cycles nothing is left undecided.
				expect([...labels.values()]).not.toContain('UNDEC');
			})
		);
	});
});

describe('the shipped debate on Llama', () => {
	it('converges, with the thesis strictly between 0 and 1', () => {
		const g = shippedGraph();
		const e = evaluate(g);
		expect(e.converged).toBe(true);
		const thesis = e.strength.get(g.debate.thesis)!;
		expect(thesis).toBeGreaterThan(0);
		expect(thesis).toBeLessThan(1);
		expect(e.labels.size).toBe(g.order.length);
		expect(satisfiesGrounded(g, e.labels)).toBe(true);
	});

	it('raises the thesis when a claim attacking it directly is struck out', () => {
		const g = shippedGraph();
		const attacker = g.incoming
			.get(g.debate.thesis)!
			.find((r) => r.stance === 'con' && r.primary && !r.undercuts)!.from;
		const before = evaluate(g);
		const after = evaluate(g, { struck: [attacker] });
		const diff = compareEvaluations(g, before, after);
		expect(diff.thesis.after!).toBeGreaterThan(diff.thesis.before!);
		expect(diff.flipped).toContainEqual({
			id: attacker,
			before: before.labels.get(attacker),
			after: undefined
		});
	});
});

describe('scale', () => {
	it('evaluates 10,000 claims with cycles in a few sweeps', () => {
		let seed = 1;
		const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) as number;
		const claims = [claim('c0')];
		for (let i = 1; i < 10000; i++) {
			const also =
				random() < 0.1
					? [{ target: `c${Math.floor(random() * 10000)}`, stance: 'con' as const }]
					: [];
			claims.push(
				claim(`c${i}`, random() < 0.5 ? 'pro' : 'con', `c${Math.floor(random() * i)}`, {
					also: also.filter((r) => r.target !== `c${i}`)
				})
			);
		}
		const g = graphOf(...claims);
		const e = evaluate(g);
		expect(e.labels.size).toBe(10000);
		// The extra relations close cycles, so some of it had to be iterated; each sweep visits a
		// cycle's relations once, and a few sweeps settle it (the limit is 1,000), so the
		// work stays a small multiple of the debate's size.
		expect(e.iterations).toBeGreaterThan(0);
		expect(e.iterations).toBeLessThan(50);
		expect(e.converged).toBe(true);
		for (const v of e.strength.values()) expect(v >= 0 && v <= 1).toBe(true);
		expect(satisfiesGrounded(g, e.labels)).toBe(true);
	});
});
