import type { Point } from './comb-layout';
import type { MapElements } from './elements';
import type { SegmentRoute } from './routes';

/*
 * From laid-out elements to what Cytoscape is given: each node's position, each routed edge's
 * bend points as data, the view's emphasis classes and footers, and the viewport. Pure, so the
 * map component only hands the result over.
 */

export interface Bounds {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** Where a layout put the claims (and, for the columns layout, how the edges bend). */
export interface Placement {
	positions: Record<string, Point>;
	routes?: Record<string, SegmentRoute>;
	bounds: Bounds;
}

/** The view's look of each element: emphasis classes, and each claim's footer images. */
export interface Look {
	classes: Map<string, string>;
	standing: Map<string, { full: string; brief: string }>;
}

export interface Viewport {
	zoom: number;
	pan: Point;
}

const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

/**
 * Cytoscape element definitions for a whole map at once: placed, routed and decorated, so the
 * first frame drawn is the finished map. `brief`: the map opens zoomed out (short titles).
 */
export function placeElements(
	elements: MapElements,
	placement: Placement | null,
	look: Look,
	brief: boolean
) {
	return [
		...elements.nodes.map((n) => ({
			data: {
				...n.data,
				standing: look.standing.get(n.data.id)?.full ?? n.data.standing,
				standingBrief: look.standing.get(n.data.id)?.brief ?? n.data.standingBrief
			},
			classes: join(n.classes, look.classes.get(n.data.id), brief ? 'brief' : ''),
			position: placement?.positions[n.data.id]
		})),
		...elements.edges.map((e) => {
			const route = placement?.routes?.[e.data.id];
			return {
				data: route ? { ...e.data, ...route } : e.data,
				classes: join(e.classes, route ? 'routed' : '', look.classes.get(e.data.id))
			};
		})
	];
}

/** Zoom and pan that show `bounds` whole in a box of `size` (what Cytoscape's fit does, unmeasured). */
export function fitBounds(
	bounds: Bounds,
	size: { width: number; height: number },
	options: { padding: number; minZoom: number; maxZoom: number }
): Viewport {
	const w = Math.max(1, bounds.x2 - bounds.x1);
	const h = Math.max(1, bounds.y2 - bounds.y1);
	const fits = Math.min(
		(size.width - 2 * options.padding) / w,
		(size.height - 2 * options.padding) / h
	);
	const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, fits));
	return {
		zoom,
		pan: {
			x: (size.width - zoom * (bounds.x1 + bounds.x2)) / 2,
			y: (size.height - zoom * (bounds.y1 + bounds.y2)) / 2
		}
	};
}

/** The viewport at `zoom` that shows the model point `at` at the screen point `rendered`. */
export function anchoredViewport(at: Point, rendered: Point, zoom: number): Viewport {
	return { zoom, pan: { x: rendered.x - at.x * zoom, y: rendered.y - at.y * zoom } };
}
