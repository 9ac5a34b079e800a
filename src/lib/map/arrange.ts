import type { ArgumentGraph } from '../core/model';
import { combLayout, type Point } from './comb-layout';
import type { MapElements } from './elements';
import { segmentRoute, type SegmentRoute } from './routes';

export interface Arrangement {
	positions: Record<string, Point>;
	/** How each tree edge follows the layout's bend points (data for the `edge.routed` style). */
	routes: Record<string, SegmentRoute>;
	/** The laid-out map's extent, model coordinates. */
	bounds: { x1: number; y1: number; x2: number; y2: number };
	/** The same routes as points, from the claim argued about to the claim answering it. */
	paths: Record<string, Point[]>;
}

/**
 * Places the map's nodes with the classroom (comb) layout and routes each main relation as
 * right-angled lines: parent → bus → child. Extra relations keep Cytoscape's curved default.
 */
export function arrange(graph: ArgumentGraph, elements: MapElements, aspect: number): Arrangement {
	const sizes = new Map(
		elements.nodes.map((n) => [n.data.id, { w: n.data.width, h: n.data.height }])
	);
	// Only the claims the view draws take part: a focused or filtered map closes up its gaps.
	const layout = combLayout(
		graph,
		(id) => sizes.get(id) ?? { w: 1, h: 1 },
		aspect,
		(id) => sizes.has(id)
	);
	const positions: Record<string, Point> = {};
	for (const [id, p] of layout.positions) positions[id] = p;
	// Anything the layout did not reach (never in valid data) goes in a row underneath.
	let stray = 0;
	for (const n of elements.nodes) {
		if (!positions[n.data.id])
			positions[n.data.id] = { x: stray++ * (n.data.width + 20), y: layout.height + 120 };
	}
	const routes: Arrangement['routes'] = {};
	const paths: Arrangement['paths'] = {};
	for (const rel of graph.relations) {
		if (!rel.primary || rel.undercuts) continue;
		const route = layout.routes.get(rel.from);
		const parent = positions[rel.to];
		const child = positions[rel.from];
		const parentSize = sizes.get(rel.to);
		if (!route || !parent || !child || !parentSize) continue;
		const fromThesis = graph.roots.includes(rel.to);
		// Leave a root from its bottom edge, above the route's first point; leave others from the right.
		const from = fromThesis
			? { x: ((route[0]!.x - parent.x) / parentSize.w) * 100, y: 50 }
			: { x: 50, y: 0 };
		routes[rel.id] = segmentRoute(parent, child, route, from, { x: -50, y: 0 });
		const childW = sizes.get(rel.from)?.w ?? 0;
		paths[rel.id] = [
			{
				x: parent.x + (from.x / 100) * parentSize.w,
				y: parent.y + (from.y / 100) * parentSize.h
			},
			...route,
			{ x: child.x - childW / 2, y: child.y }
		];
	}
	const bounds = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
	for (const n of elements.nodes) {
		const p = positions[n.data.id]!;
		bounds.x1 = Math.min(bounds.x1, p.x - n.data.width / 2);
		bounds.x2 = Math.max(bounds.x2, p.x + n.data.width / 2);
		bounds.y1 = Math.min(bounds.y1, p.y - n.data.height / 2);
		bounds.y2 = Math.max(bounds.y2, p.y + n.data.height / 2);
	}
	return { positions, routes, paths, bounds };
}
