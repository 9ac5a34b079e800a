import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeVisibility, emptyFilters } from '../../../src/lib/core/view';
import { arrange } from '../../../src/lib/map/arrange';
import { columns } from '../../../src/lib/map/comb-layout';
import { toElements, type MapElements } from '../../../src/lib/map/elements';
import { graphOfFile as graphOf } from '../graphs';

type Box = { id: string; x1: number; x2: number; y1: number; y2: number };

function boxesOf(
	elements: MapElements,
	positions: Record<string, { x: number; y: number }>
): Box[] {
	return elements.nodes.map((n) => {
		const p = positions[n.data.id]!;
		return {
			id: n.data.id,
			x1: p.x - n.data.width / 2,
			x2: p.x + n.data.width / 2,
			y1: p.y - n.data.height / 2,
			y2: p.y + n.data.height / 2
		};
	});
}

function expectNoOverlap(boxes: Box[]) {
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const [a, b] = [boxes[i]!, boxes[j]!];
			const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
			expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
		}
	}
}

describe('the classroom layout', () => {
	for (const file of ['arguments/llama-open-weights.yaml', 'tests/fixtures/debates/valid.yaml']) {
		for (const aspect of [16 / 9, 4 / 3, 390 / 700]) {
			it(`places no claim over another (${file}, aspect ${aspect.toFixed(2)})`, () => {
				const graph = graphOf(file);
				const elements = toElements(graph, { lang: 'en' });
				const { positions } = arrange(graph, elements, aspect);
				expectNoOverlap(boxesOf(elements, positions));
			});
		}
	}

	it('puts the thesis above everything, supporting branches left of objections', () => {
		const graph = graphOf('arguments/llama-open-weights.yaml');
		const { positions } = arrange(graph, toElements(graph, { lang: 'en' }), 16 / 9);
		const thesis = positions[graph.debate.thesis]!;
		for (const [id, p] of Object.entries(positions))
			if (id !== graph.debate.thesis) expect(p.y, id).toBeGreaterThan(thesis.y);
		const top = graph.children.get(graph.debate.thesis)!;
		const maxProX = Math.max(
			...top.filter((id) => graph.claims.get(id)!.stance === 'pro').map((id) => positions[id]!.x)
		);
		const minConX = Math.min(
			...top.filter((id) => graph.claims.get(id)!.stance === 'con').map((id) => positions[id]!.x)
		);
		expect(maxProX).toBeLessThan(minConX);
	});

	it('fills a wide window with more columns than a narrow one', () => {
		const graph = graphOf('arguments/llama-open-weights.yaml');
		const elements = toElements(graph, { lang: 'en' });
		const width = (aspect: number) => {
			const xs = Object.values(arrange(graph, elements, aspect).positions).map((p) => p.x);
			return Math.max(...xs) - Math.min(...xs);
		};
		expect(width(21 / 9)).toBeGreaterThan(width(9 / 16));
	});

	it('splits branches into columns of similar height, keeping their order', () => {
		const blocks = [5, 1, 1, 1, 1, 1].map((height, i) => ({ height, i }));
		const cols = columns(blocks, 2);
		expect(cols.map((c) => c.map((b) => b.i))).toEqual([[0], [1, 2, 3, 4, 5]]);
		expect(columns(blocks, 1)).toEqual([blocks]);
	});

	it('closes up around a focus or a filter: only drawn claims take space, none overlap', () => {
		const graph = graphOf('arguments/llama-open-weights.yaml');
		const full = arrange(graph, toElements(graph, { lang: 'en' }), 16 / 9);
		const height = (p: Record<string, { y: number }>) => {
			const ys = Object.values(p).map((q) => q.y);
			return Math.max(...ys) - Math.min(...ys);
		};
		for (const input of [
			{ focus: 'c05', filters: emptyFilters() },
			{ filters: { ...emptyFilters(), tag: ['safety'] } },
			{ folded: [graph.debate.thesis], filters: emptyFilters() }
		]) {
			const v = computeVisibility(graph, input);
			const elements = toElements(graph, {
				lang: 'en',
				include: new Set(v.visible),
				folded: v.folded
			});
			expect(elements.nodes.map((n) => n.data.id)).toEqual(v.visible);
			for (const e of elements.edges) {
				expect(v.visible).toContain(e.data.source);
				expect(v.visible).toContain(e.data.target);
			}
			const { positions } = arrange(graph, elements, 16 / 9);
			expect(Object.keys(positions).sort()).toEqual([...v.visible].sort());
			expectNoOverlap(boxesOf(elements, positions));
			expect(height(positions)).toBeLessThanOrEqual(height(full.positions));
		}
	});

	it('writes under a folded claim how many claims it hides, for and against', () => {
		const graph = graphOf('tests/fixtures/debates/branches.yaml');
		const v = computeVisibility(graph, { folded: ['p1'], filters: emptyFilters() });
		const { nodes } = toElements(graph, {
			lang: 'en',
			include: new Set(v.visible),
			folded: v.folded
		});
		const p1 = nodes.find((n) => n.data.id === 'p1')!;
		expect(p1.data.label).toContain('2 folded: 1 for, 1 against');
	});
});

describe('a forest of roots (an imported AIF file with fifty top-level claims)', () => {
	async function forest() {
		const { aifCodec } = await import('../../../src/lib/core/formats/aif');
		const { readWith } = await import('../formats/read');
		const { buildGraph } = await import('../../../src/lib/core/model');
		const file = 'tests/fixtures/formats/aif/qt30-style-forest.json';
		const { debate } = await readWith(aifCodec, readFileSync(file, 'utf8'), file);
		return buildGraph(debate);
	}

	it('labels one root the thesis, the others top-level claims or questions', async () => {
		const graph = await forest();
		const nodes = toElements(graph, { lang: 'en' }).nodes;
		const header = (n: (typeof nodes)[number]) => n.data.label.split('\n')[0];
		const roots = nodes.filter((n) => graph.claims.get(n.data.id)!.target === undefined);
		expect(roots.filter((n) => header(n) === 'THESIS').map((n) => n.data.id)).toEqual([
			graph.debate.thesis
		]);
		expect(roots.filter((n) => n.classes.split(' ').includes('thesis'))).toHaveLength(1);
		expect(roots.filter((n) => header(n) === 'QUESTION')).toHaveLength(3);
		expect(roots.filter((n) => header(n) === 'TOP-LEVEL CLAIM')).toHaveLength(46);
	});

	it('wraps the roots into rows the shape of the window, not one long strip, none overlapping', async () => {
		const graph = await forest();
		const elements = toElements(graph, { lang: 'en' });
		const aspect = 1530 / 760;
		const { positions, bounds } = arrange(graph, elements, aspect);
		const shape = (bounds.x2 - bounds.x1) / (bounds.y2 - bounds.y1);
		expect(shape).toBeGreaterThan(aspect / 2);
		expect(shape).toBeLessThan(aspect * 2);
		expectNoOverlap(boxesOf(elements, positions));
		// The thesis's tree comes first: top left.
		const thesis = positions[graph.debate.thesis]!;
		for (const root of graph.roots) expect(positions[root]!.y).toBeGreaterThanOrEqual(thesis.y);
	});
});

describe('tidy tree (the tree view of a big map)', () => {
	it('places every claim below the claim it answers, none overlapping, within its bounds', async () => {
		const { tidyTree } = await import('../../../src/lib/map/tidy-tree');
		const { syntheticDebate } = await import('../../../scripts/synthetic');
		const { loadDebate } = await import('../../../src/lib/core/load');
		const { buildGraph, parentOf } = await import('../../../src/lib/core/model');
		const loaded = loadDebate(JSON.stringify(syntheticDebate(400, 'tree+links')));
		if (!loaded.ok) throw new Error('synthetic debate invalid');
		const graph = buildGraph(loaded.value);
		const elements = toElements(graph, { lang: 'en' });
		const sizes = new Map(elements.nodes.map((n) => [n.data.id, n.data]));
		const size = (id: string) => ({ w: sizes.get(id)!.width, h: sizes.get(id)!.height });
		const { positions, bounds } = tidyTree(graph, size, () => true);
		const placed = Object.fromEntries(positions);
		expect(Object.keys(placed)).toHaveLength(graph.order.length);
		const boxes = boxesOf(elements, placed);
		expectNoOverlap(boxes);
		for (const b of boxes) {
			expect(b.x1).toBeGreaterThanOrEqual(bounds.x1);
			expect(b.y2).toBeLessThanOrEqual(bounds.y2);
			const parent = parentOf(graph, b.id);
			if (parent) expect(placed[parent]!.y).toBeLessThan(placed[b.id]!.y);
		}
	});
});
