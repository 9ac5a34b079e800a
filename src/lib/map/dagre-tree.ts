import type Cytoscape from 'cytoscape';
import type { MapElements } from './elements';
import { dagreOptions, LAYOUT_SELECTOR } from './layout';
import type { Placement } from './placement';

/**
 * The "tree" view for small maps, laid out by dagre (cytoscape-dagre, registered on `create`).
 *
 * Dagre keeps nodes in plain objects and asks `id in nodes`: a claim called `constructor`,
 * `valueOf` or `toString` finds a method every object has, and the layout throws. So dagre never
 * sees a claim's id: it lays out a copy of the map in a headless Cytoscape whose elements are
 * named `n0`, `n1`… and `e0`, `e1`…, and the positions are read back under the claims' ids.
 * `style` is the map's own stylesheet, so that each claim takes the room it takes on screen.
 */
export function dagreTree(
	create: typeof Cytoscape,
	elements: MapElements,
	style: unknown
): Placement {
	const key = new Map(elements.nodes.map((n, i) => [n.data.id, `n${i}`]));
	const nodes = elements.nodes.map((n) => ({
		data: { ...n.data, id: key.get(n.data.id)! },
		classes: n.classes
	}));
	const edges = elements.edges.flatMap((e, i) => {
		const source = key.get(e.data.source);
		const target = key.get(e.data.target);
		return source && target ? [{ data: { id: `e${i}`, source, target }, classes: e.classes }] : [];
	});
	const cy = create({
		headless: true,
		styleEnabled: true,
		style: style as Cytoscape.StylesheetJson,
		elements: [...nodes, ...edges]
	});
	try {
		cy.elements(LAYOUT_SELECTOR).layout(dagreOptions()).run();
		// No prototype: a claim's id is only ever a key of its own here.
		const positions: Record<string, { x: number; y: number }> = Object.create(null);
		const bounds = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
		elements.nodes.forEach((n) => {
			const node = cy.getElementById(key.get(n.data.id)!);
			const { x, y } = node.position();
			positions[n.data.id] = { x, y };
			const w = node.outerWidth() / 2;
			const h = node.outerHeight() / 2;
			bounds.x1 = Math.min(bounds.x1, x - w);
			bounds.x2 = Math.max(bounds.x2, x + w);
			bounds.y1 = Math.min(bounds.y1, y - h);
			bounds.y2 = Math.max(bounds.y2, y + h);
		});
		return { positions, bounds };
	} finally {
		cy.destroy();
	}
}
