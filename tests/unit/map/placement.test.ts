import { describe, expect, it } from 'vitest';
import { arrange } from '../../../src/lib/map/arrange';
import { toElements } from '../../../src/lib/map/elements';
import {
	anchoredViewport,
	detailAt,
	fitBounds,
	placeElements,
	readableFit
} from '../../../src/lib/map/placement';
import { fixtureGraph } from '../graphs';

const options = { padding: 28, minZoom: 0.08, maxZoom: 2.5 };

describe('placing the map for Cytoscape', () => {
	it('gives every claim its position, every tree edge its route, and the view its look', () => {
		const g = fixtureGraph('branches');
		const elements = toElements(g, { lang: 'en' });
		const placement = arrange(g, elements, 16 / 9);
		const look = {
			classes: new Map([
				['p1', 'hit'],
				[elements.edges[0]!.data.id, 'dim']
			]),
			standing: new Map([['p1', { full: 'data:full', brief: 'data:brief' }]])
		};
		const placed = placeElements(elements, placement, look, 'brief');
		const nodes = placed.filter((e) => !('source' in e.data));
		expect(nodes).toHaveLength(elements.nodes.length);
		for (const n of nodes) {
			expect(n).toHaveProperty('position', placement.positions[n.data.id]);
			expect(n.classes).toContain('brief');
		}
		const p1 = nodes.find((n) => n.data.id === 'p1')!;
		expect(p1.classes).toContain('hit');
		expect(p1.data).toMatchObject({ standing: 'data:full', standingBrief: 'data:brief' });
		const routed = placed.filter((e) => 'source' in e.data && e.classes.includes('routed'));
		expect(routed.length).toBe(Object.keys(placement.routes).length);
		for (const e of routed) expect(e.data).toMatchObject(placement.routes[e.data.id]!);
		expect(placed.find((e) => e.data.id === elements.edges[0]!.data.id)!.classes).toContain('dim');
	});
});

describe('the viewport', () => {
	it('fits the bounds in the box, centred, with the padding', () => {
		const v = fitBounds({ x1: 0, y1: 0, x2: 1000, y2: 500 }, { width: 528, height: 528 }, options);
		expect(v.zoom).toBeCloseTo(0.472, 3); // (528 − 56) / 1000
		// The bounds' centre lands on the box's centre.
		expect(500 * v.zoom + v.pan.x).toBeCloseTo(264);
		expect(250 * v.zoom + v.pan.y).toBeCloseTo(264);
	});

	it('never zooms past its limits', () => {
		expect(
			fitBounds({ x1: 0, y1: 0, x2: 10, y2: 10 }, { width: 800, height: 600 }, options).zoom
		).toBe(2.5);
		expect(
			fitBounds({ x1: 0, y1: 0, x2: 1e6, y2: 10 }, { width: 800, height: 600 }, options).zoom
		).toBe(0.08);
	});

	it('shows a map whole when its titles are then readable', () => {
		const small = { x1: 0, y1: 0, x2: 1000, y2: 500 };
		const box = { width: 1528, height: 800 };
		const readable = { ...options, readableZoom: 0.5 };
		expect(readableFit(small, box, readable, { x: 500, y: 0 })).toEqual(
			fitBounds(small, box, options)
		);
	});

	it('never zooms out below a readable size: a big map opens at it, around the thesis, to pan', () => {
		const big = { x1: 0, y1: 0, x2: 6000, y2: 3000 };
		const box = { width: 1528, height: 800 };
		const readable = { ...options, readableZoom: 0.5 };
		const v = readableFit(big, box, readable, { x: 3000, y: 60 });
		expect(fitBounds(big, box, options).zoom).toBeLessThan(0.5);
		expect(v.zoom).toBe(0.5);
		// A thesis far from the left: in the middle across; the map's top at the top.
		expect(3000 * v.zoom + v.pan.x).toBeCloseTo(764);
		expect(0 * v.zoom + v.pan.y).toBeCloseTo(28);
		// A thesis near the map's left: the map's left edge at the left, no blank space past it.
		const left = readableFit(big, box, readable, { x: 900, y: 60 });
		expect(0 * left.zoom + left.pan.x).toBeCloseTo(28);
		// A thesis at the map's far right: no blank space shown right of the map.
		const right = readableFit(big, box, readable, { x: 5950, y: 60 });
		expect(6000 * right.zoom + right.pan.x).toBeCloseTo(1528 - 28);
	});

	it('picks full texts, short titles or one sign each, by what is legible at the zoom', () => {
		expect(detailAt(1, 15, 30)).toBe('full');
		expect(detailAt(0.5, 15, 30)).toBe('brief');
		expect(detailAt(0.2, 15, 30)).toBe('far');
	});

	it('keeps a claim where it was on screen when the map around it changes', () => {
		const v = anchoredViewport({ x: 300, y: -40 }, { x: 512, y: 200 }, 0.6);
		expect(300 * v.zoom + v.pan.x).toBeCloseTo(512);
		expect(-40 * v.zoom + v.pan.y).toBeCloseTo(200);
	});
});
