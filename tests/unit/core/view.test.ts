import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ViewState } from '../../../src/lib/core/view/view-state';
import {
	autoLevels,
	computeVisibility,
	emptyFilters,
	foldedByLevels,
	LEVELS,
	readViewParams,
	revealedAt,
	step,
	tourSteps,
	writeViewParams,
	type Filters
} from '../../../src/lib/core/view';
import { buildGraph } from '../../../src/lib/core/model';
import { fixtureGraph, graphOfClaims, shippedGraph } from '../graphs';

const branches = () => fixtureGraph('branches');

const filters = (f: Partial<Filters>): Filters => ({ ...emptyFilters(), ...f });

describe('focus', () => {
	it('shows the focused claim, everything below it and its path up to the thesis', () => {
		const v = computeVisibility(branches(), { focus: 'c1', filters: emptyFilters() });
		expect(v.visible).toEqual(['t', 'p1', 'c1', 'c2']);
		// The path above the focus is context: drawn faded, not part of the focus.
		expect([...v.context]).toEqual(['t', 'p1']);
		expect([...v.matched]).toEqual(['c1', 'c2']);
	});

	it('shows every claim without focus or filters, none of them faded', () => {
		const g = branches();
		const v = computeVisibility(g, { filters: emptyFilters() });
		expect(v.visible).toEqual(g.order);
		expect(v.context.size).toBe(0);
	});

	it('ignores a focus on a claim the debate does not have', () => {
		const v = computeVisibility(branches(), { focus: 'nope', filters: emptyFilters() });
		expect(v.visible).toHaveLength(7);
	});
});

describe('folding', () => {
	it('hides a subtree and counts what it hides by side of the thesis', () => {
		const v = computeVisibility(branches(), { folded: ['p1'], filters: emptyFilters() });
		expect(v.visible).toEqual(['t', 'p1', 'p2', 'c3', 'p3']);
		// c1 argues against the thesis, c2 (attacking c1) for it.
		expect(v.folded.get('p1')).toEqual({ for: 1, against: 1 });
	});

	it('reports nothing for a fold inside a folded branch or on a leaf', () => {
		const v = computeVisibility(branches(), {
			folded: ['p1', 'c1', 'p2'],
			filters: emptyFilters()
		});
		expect([...v.folded.keys()]).toEqual(['p1']);
	});

	it('counts everything below an outer fold, whatever order the folds come in', () => {
		const v = computeVisibility(branches(), { folded: ['c1', 'p1'], filters: emptyFilters() });
		expect(v.folded.get('p1')).toEqual({ for: 1, against: 1 });
		expect(v.folded.has('c1')).toBe(false);
	});
});

/** A chain thesis ← a1 ← a2 … of `depth` levels, with `width` extra leaves on every level. */
function deepDebate(depth: number, width: number) {
	const claims: Parameters<typeof graphOfClaims> = [{ id: 't' }];
	for (let d = 1; d <= depth; d++) {
		claims.push({
			id: `a${d}`,
			stance: d % 2 ? 'pro' : 'con',
			target: d === 1 ? 't' : `a${d - 1}`
		});
		for (let k = 0; k < width; k++)
			claims.push({ id: `l${d}x${k}`, stance: 'con', target: d === 1 ? 't' : `a${d - 1}` });
	}
	return graphOfClaims(...claims);
}

describe('levels of a big debate', () => {
	it('shows every level of a classroom-sized debate', () => {
		expect(autoLevels(shippedGraph())).toBe('all');
		expect(foldedByLevels(shippedGraph(), 'all', new Set())).toEqual([]);
	});

	it('opens a big debate with the most levels that stay within the first-map budget', () => {
		// 41 claims a level: three levels (1 + 123 claims) fit in 150, four do not.
		const g = deepDebate(10, 40);
		expect(g.order.length).toBeGreaterThan(LEVELS.foldAbove);
		expect(autoLevels(g)).toBe(3);
		const v = computeVisibility(g, {
			folded: foldedByLevels(g, 3, new Set()),
			filters: emptyFilters()
		});
		expect(v.visible.length).toBeLessThanOrEqual(LEVELS.maxFirstDrawn);
		expect(Math.max(...v.visible.map((id) => g.depth.get(id)!))).toBe(3);
		// The claim at the limit says how much it hides: everything below it, counted once.
		expect(v.folded.get('a3')).toEqual({ for: expect.any(Number), against: expect.any(Number) });
		const hidden = v.folded.get('a3')!;
		expect(hidden.for + hidden.against).toBe(g.order.length - v.visible.length);
	});

	it('opens one more level below a claim the reader unfolds', () => {
		const g = deepDebate(10, 40);
		const v = computeVisibility(g, {
			folded: foldedByLevels(g, 3, new Set(['a3'])),
			filters: emptyFilters()
		});
		expect(v.visible).toContain('a4');
		expect(v.visible).toContain('l4x0');
		expect(v.visible).not.toContain('a5');
		expect(v.folded.has('a4')).toBe(true);
	});

	it('counts levels from a focused claim', () => {
		const g = deepDebate(10, 40);
		const folds = foldedByLevels(g, 2, new Set(), g.depth.get('a4'));
		expect(folds).toContain('a6');
		expect(folds).not.toContain('a5');
		expect(folds).not.toContain('a4');
	});

	it('a shallow debate of many claims still shows its first level', () => {
		const g = deepDebate(1, 400);
		expect(autoLevels(g)).toBe(1);
	});

	it('levels and opened claims travel in the link', () => {
		const g = deepDebate(10, 40);
		const { state, dropped } = readViewParams(new URLSearchParams('levels=2&unfold=a2,zz'), g);
		expect(state.levels).toBe(2);
		expect(state.unfolded).toEqual(['a2']);
		expect(dropped).toEqual(['unfold=zz']);
		expect(readViewParams(writeViewParams(state), g).state).toEqual(state);
		expect(readViewParams(new URLSearchParams('levels=all'), g).state.levels).toBe('all');
		expect(readViewParams(new URLSearchParams('levels=0'), g).dropped).toEqual(['levels=0']);
	});
});

describe('filters', () => {
	it('keeps matches and the path from each to the thesis, faded', () => {
		const v = computeVisibility(branches(), { filters: filters({ actor: ['pupil'] }) });
		expect([...v.matched]).toEqual(['c1', 'c3']);
		expect(v.visible).toEqual(['t', 'p1', 'c1', 'c3']);
		expect([...v.context]).toEqual(['t', 'p1']);
	});

	it('composes facets with AND and values within a facet with OR', () => {
		const g = branches();
		const tagOnly = computeVisibility(g, { filters: filters({ tag: ['health'] }) });
		expect([...tagOnly.matched]).toEqual(['p1', 'c2', 'c3', 'p3']);
		const both = computeVisibility(g, { filters: filters({ tag: ['health'], side: ['against'] }) });
		expect([...both.matched]).toEqual(['c3', 'p3']);
		const either = computeVisibility(g, { filters: filters({ tag: ['health', 'cost'] }) });
		expect([...either.matched]).toEqual(['p1', 'c2', 'c3', 'p3']);
	});

	it('filters by evidence kind and by source status', () => {
		const g = branches();
		expect([...computeVisibility(g, { filters: filters({ kind: ['study'] }) }).matched]).toEqual([
			'c2'
		]);
		const unconfirmed = computeVisibility(g, { filters: filters({ status: ['unconfirmed'] }) });
		expect([...unconfirmed.matched]).toEqual(['c1', 'c3']);
	});

	it('counts each value given the other facets, within the focus', () => {
		const g = branches();
		const v = computeVisibility(g, { filters: filters({ side: ['for'] }) });
		// Of the claims for the thesis (p1, c2, p2), tagged health: p1 and c2.
		expect(v.counts.tag.get('health')).toBe(2);
		// A facet's own counts ignore its own selection: 3 claims for, 3 against.
		expect(v.counts.side.get('against')).toBe(3);
		expect(v.counts.side.get('for')).toBe(3);
		const focused = computeVisibility(g, { focus: 'p1', filters: emptyFilters() });
		expect(focused.counts.stance.get('con')).toBe(2);
	});

	it('still shows the thesis when nothing matches', () => {
		const v = computeVisibility(branches(), {
			filters: filters({ kind: ['document'] })
		});
		expect(v.visible).toEqual(['t']);
		expect(v.matched.size).toBe(0);
	});
});

describe('view state in the URL', () => {
	it('round-trips a shared view', () => {
		const g = branches();
		const params = new URLSearchParams(
			'focus=c3&tag=health,cost&side=against&q=ink+price&strike=p3&score=c3:0.8,p1:0.25&fold=p1&claim=c3&lang=zh&layout=tree'
		);
		const { state, dropped } = readViewParams(params, g);
		expect(dropped).toEqual([]);
		expect(state).toMatchObject({
			focus: 'c3',
			claim: 'c3',
			folded: ['p1'],
			query: 'ink price',
			struck: ['p3'],
			scores: { c3: 0.8, p1: 0.25 },
			lang: 'zh',
			layout: 'tree'
		});
		expect(state.filters.tag).toEqual(['health', 'cost']);
		const again = readViewParams(writeViewParams(state), g).state;
		expect(again).toEqual(state);
	});

	it('drops what the debate does not have or cannot be, and says so', () => {
		const { state, dropped } = readViewParams(
			new URLSearchParams(
				'focus=zz&tag=nope&side=sideways&score=p1:7,c1:x,bad id:0.5&strike=p1,p1,<script>&layout=3d'
			),
			branches()
		);
		expect(state.focus).toBeUndefined();
		expect(state.filters.tag).toEqual([]);
		expect(state.filters.side).toEqual([]);
		expect(state.scores).toEqual({});
		expect(state.struck).toEqual(['p1']);
		expect(state.layout).toBe('columns');
		expect(dropped).toEqual(
			expect.arrayContaining(['focus=zz', 'tag=nope', 'side=sideways', 'score=p1:7', 'layout=3d'])
		);
	});

	it('writes nothing for the default view', () => {
		const { state } = readViewParams(new URLSearchParams(''), branches());
		expect(writeViewParams(state).toString()).toBe('');
	});

	// The link is read without zod (so the page opens without loading it); the schema still
	// decides: whatever the reader returns, from any address at all, is a valid view state as is.
	it('reads any address into a view state the schema accepts unchanged', () => {
		const g = branches();
		const names = ['claim', 'focus', 'fold', 'unfold', 'levels', 'strike', 'score', 'q', 'lang']
			.concat(['layout', 'present', 'step', 'print', 'side', 'stance', 'actor', 'tag', 'kind'])
			.concat(['status']);
		const known = [
			'p1',
			'c3',
			'all',
			'2',
			'0',
			'1',
			'tree',
			'pro',
			'for',
			'quote',
			'health',
			'short'
		];
		const value = fc.oneof(
			fc.constantFrom(...known),
			fc.string({ maxLength: 12 }),
			fc
				.array(fc.constantFrom(...known, 'x y', ':', '0.5', 'p1:0.5'), { maxLength: 4 })
				.map((a) => a.join(','))
		);
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.constantFrom(...names), value), { maxLength: 8 }),
				(pairs) => {
					const { state } = readViewParams(new URLSearchParams(pairs), g);
					const parsed = ViewState.safeParse(state);
					expect(parsed.success).toBe(true);
					expect(parsed.data).toEqual(state);
				}
			),
			{ numRuns: 500 }
		);
	});
});

describe('moving the selection', () => {
	it('goes to parent, first child and siblings, and stays put at an edge', () => {
		const g = branches();
		const all = new Set(g.order);
		expect(step(g, all, 't', 'child')).toBe('p1');
		expect(step(g, all, 'p1', 'next')).toBe('p2');
		// Objections come after support among the thesis's claims, as the columns show them.
		expect(step(g, all, 'p2', 'next')).toBe('c3');
		expect(step(g, all, 'c3', 'next')).toBe('c3');
		expect(step(g, all, 'p1', 'child')).toBe('c1');
		expect(step(g, all, 'c2', 'parent')).toBe('c1');
		expect(step(g, all, 't', 'parent')).toBe('t');
	});

	it('skips claims the view hides', () => {
		const g = branches();
		const v = computeVisibility(g, { folded: ['p1'], filters: emptyFilters() });
		expect(step(g, new Set(v.visible), 'p1', 'child')).toBe('p1');
	});
});

describe('the shipped debate', () => {
	it('can be focused on a safety objection and filtered to it by a link', () => {
		const g = shippedGraph();
		const { state } = readViewParams(new URLSearchParams('focus=c05&tag=safety'), g);
		const v = computeVisibility(g, state);
		expect(v.visible[0]).toBe('thesis');
		expect(v.matched.has('c05')).toBe(true);
		for (const id of v.matched) expect(g.claims.get(id)!.tags).toContain('safety');
	});
});

describe('the tour', () => {
	it("follows the debate's own tour, skipping ids it no longer has", () => {
		const g = fixtureGraph('valid');
		expect(tourSteps(g)).toEqual(['t', 'p1', 'c1', 'c2']);
		const d = { ...g.debate, tour: ['t', 'gone', 'c1', 'c1'] };
		expect(tourSteps(buildGraph(d))).toEqual(['t', 'c1']);
	});

	it('by default walks the thesis, each supporting branch, then each objection with its answers', () => {
		expect(tourSteps(branches())).toEqual(['t', 'p1', 'c1', 'c2', 'p2', 'c3', 'p3']);
	});

	describe('in a class session', () => {
		/** The branches debate with the class's additions `a1` (on p1) and `a2` (on t), `a3` (on a1). */
		const withAdditions = () => {
			const g = branches();
			return buildGraph({
				...g.debate,
				claims: [
					...g.debate.claims,
					{ id: 'a1', text: 'A student objects to p1.', stance: 'con', target: 'p1' },
					{ id: 'a2', text: 'A student supports t.', stance: 'pro', target: 't' },
					{ id: 'a3', text: 'A student answers a1.', stance: 'con', target: 'a1' }
				]
			});
		};
		const additions = new Set(['a1', 'a2', 'a3']);

		it("leaves the class's additions out until the teacher adds one, so a post never moves the step", () => {
			expect(tourSteps(withAdditions(), { additions, added: [] })).toEqual(tourSteps(branches()));
			// Outside a session the reader's own additions are walked like the debate's claims.
			expect(tourSteps(withAdditions())).toContain('a1');
		});

		it('puts an added one after the claim it answers and that claim’s branch', () => {
			const g = withAdditions();
			expect(tourSteps(g, { additions, added: ['a1'] })).toEqual([
				't',
				'p1',
				'c1',
				'c2',
				'a1',
				'p2',
				'c3',
				'p3'
			]);
			// An answer to an added one follows it; one on the thesis goes after the whole tour.
			expect(tourSteps(g, { additions, added: ['a1', 'a3', 'a2'] })).toEqual([
				't',
				'p1',
				'c1',
				'c2',
				'a1',
				'a3',
				'p2',
				'c3',
				'p3',
				'a2'
			]);
		});

		it("follows the debate's own tour when it has one, and skips an added one that is gone", () => {
			const g = withAdditions();
			const authored = buildGraph({ ...g.debate, tour: ['t', 'c3', 'p1'] });
			expect(tourSteps(authored, { additions, added: ['a1', 'gone'] })).toEqual([
				't',
				'c3',
				'p1',
				'a1'
			]);
			// a3's own target is not in the tour: it goes after its nearest claim above that is.
			expect(tourSteps(authored, { additions, added: ['a3'] })).toEqual(['t', 'c3', 'p1', 'a3']);
		});
	});

	it('reveals the claims reached so far, each joined to the thesis', () => {
		const g = branches();
		const steps = ['t', 'c2', 'p3'];
		expect(revealedAt(g, steps, 0)).toEqual(['t']);
		// Jumping to a deep claim brings its path along.
		expect(revealedAt(g, steps, 1)).toEqual(['t', 'p1', 'c1', 'c2']);
		const v = computeVisibility(g, {
			reveal: revealedAt(g, steps, 2),
			focus: 'p2',
			filters: emptyFilters()
		});
		expect(v.visible).toEqual(['t', 'p1', 'c1', 'c2', 'c3', 'p3']);
	});

	it('keeps present mode and the step in the link, 1-based', () => {
		const g = branches();
		const { state } = readViewParams(new URLSearchParams('present=1&step=3'), g);
		expect(state).toMatchObject({ present: true, step: 2 });
		expect(writeViewParams(state).toString()).toBe('present=1&step=3');
		const bad = readViewParams(new URLSearchParams('present=1&step=zero'), g);
		expect(bad.state.step).toBe(0);
		expect(bad.dropped).toEqual(['step=zero']);
	});

	it('keeps which handout is shown in the link: print=1 the full one, print=short the short one', () => {
		const g = branches();
		const full = readViewParams(new URLSearchParams('print=1'), g).state;
		expect(full).toMatchObject({ print: true, handout: 'full' });
		expect(writeViewParams(full).toString()).toBe('print=1');
		const short = readViewParams(new URLSearchParams('print=short'), g).state;
		expect(short).toMatchObject({ print: true, handout: 'short' });
		expect(writeViewParams(short).toString()).toBe('print=short');
		expect(readViewParams(new URLSearchParams('print=0'), g).state.print).toBe(false);
	});
});
