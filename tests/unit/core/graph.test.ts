import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDebate } from '../../../src/lib/core/load';
import { buildGraph, countSides, maxDepth, pathToRoot } from '../../../src/lib/core/model';
import type { Debate } from '../../../src/lib/core/schema';

function valid(): Debate {
	const result = loadDebate(readFileSync('tests/fixtures/debates/valid.yaml', 'utf8'));
	if (!result.ok) throw new Error('fixture invalid');
	return result.value;
}

describe('the argument graph', () => {
	it('derives which side of the thesis each claim ends up on', () => {
		const g = buildGraph(valid());
		// p1 supports the thesis; c1 attacks p1 (so argues against); c2 attacks c1 (so argues for).
		expect(Object.fromEntries(g.side)).toEqual({ t: 1, p1: 1, c1: -1, c2: 1 });
		expect(countSides(g)).toEqual({ pro: 2, con: 1 });
	});

	it('measures depth along main targets and walks back to the thesis', () => {
		const g = buildGraph(valid());
		expect(Object.fromEntries(g.depth)).toEqual({ t: 0, p1: 1, c1: 2, c2: 3 });
		expect(maxDepth(g)).toBe(3);
		expect(pathToRoot(g, 'c2')).toEqual(['c2', 'c1', 'p1', 't']);
	});

	it('keeps extra relations as edges without changing the tree', () => {
		const g = buildGraph(valid());
		expect(g.incoming.get('t')!.map((r) => [r.from, r.stance, r.primary])).toEqual([
			['p1', 'pro', true],
			['c2', 'pro', false]
		]);
		expect(g.children.get('t')).toEqual(['p1']);
	});

	it('puts an undercut on the side opposite to the link it attacks', () => {
		const d = valid();
		// u undercuts "p1 supports t": it argues against the thesis.
		d.claims.push({
			id: 'u',
			text: 'The survey asked only uniform suppliers.',
			stance: 'con',
			target: { from: 'p1', to: 't' }
		});
		const g = buildGraph(d);
		expect(g.side.get('u')).toBe(-1);
		expect(g.depth.get('u')).toBe(2);
		expect(g.relations.find((r) => r.from === 'u')).toMatchObject({
			to: 't',
			undercuts: { from: 'p1', to: 't' }
		});
	});
});
