import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDebate } from '../../../src/lib/core/load';
import { buildGraph } from '../../../src/lib/core/model';
import { arrange } from '../../../src/lib/map/arrange';
import { columns } from '../../../src/lib/map/comb-layout';
import { toElements } from '../../../src/lib/map/elements';

function graphOf(file: string) {
	const result = loadDebate(readFileSync(file, 'utf8'));
	if (!result.ok) throw new Error('invalid');
	return buildGraph(result.value);
}

describe('the classroom layout', () => {
	for (const file of ['arguments/llama-open-weights.yaml', 'tests/fixtures/debates/valid.yaml']) {
		for (const aspect of [16 / 9, 4 / 3, 390 / 700]) {
			it(`places no claim over another (${file}, aspect ${aspect.toFixed(2)})`, () => {
				const graph = graphOf(file);
				const elements = toElements(graph, { lang: 'en' });
				const { positions } = arrange(graph, elements, aspect);
				const boxes = elements.nodes.map((n) => {
					const p = positions[n.data.id]!;
					return {
						id: n.data.id,
						x1: p.x - n.data.width / 2,
						x2: p.x + n.data.width / 2,
						y1: p.y - n.data.height / 2,
						y2: p.y + n.data.height / 2
					};
				});
				for (let i = 0; i < boxes.length; i++) {
					for (let j = i + 1; j < boxes.length; j++) {
						const [a, b] = [boxes[i]!, boxes[j]!];
						const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
						expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
					}
				}
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
});
