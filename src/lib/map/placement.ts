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
 * first frame drawn is the finished map. `detail`: how much the zoom it opens at shows
 * (`detailAt`); zoomed out, each claim gets the class of that level (`brief` or `far`).
 */
export function placeElements(
	elements: MapElements,
	placement: Placement | null,
	look: Look,
	detail: Detail
) {
	return [
		...elements.nodes.map((n) => ({
			data: {
				...n.data,
				standing: look.standing.get(n.data.id)?.full ?? n.data.standing,
				standingBrief: look.standing.get(n.data.id)?.brief ?? n.data.standingBrief
			},
			classes: join(n.classes, look.classes.get(n.data.id), detail === 'full' ? '' : detail),
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

/**
 * The smallest size (px on screen) the map's Fit shows claim labels at: legible on a classroom
 * projector. A map too big to show whole at this size opens at it, and the reader pans.
 */
export const MIN_READABLE_PX = 16;

/**
 * What Fit shows: the whole map when its labels are then at least `readableZoom` × their font
 * (see `MIN_READABLE_PX`), else the map at `readableZoom` from its top left corner, or with
 * `anchor` (the thesis) in the middle across if it would be far right, never leaving empty space
 * beside the map on the left or right. The reader pans to the rest.
 */
export function readableFit(
	bounds: Bounds,
	size: { width: number; height: number },
	options: { padding: number; minZoom: number; maxZoom: number; readableZoom: number },
	anchor: Point
): Viewport {
	const whole = fitBounds(bounds, size, options);
	if (whole.zoom >= options.readableZoom) return whole;
	const zoom = Math.min(options.maxZoom, options.readableZoom);
	const { padding } = options;
	// Reading starts at the map's left edge, while the anchor is then well on screen; else the
	// anchor goes in the middle, unless that shows blank space past the map's left or right edge.
	const leftAligned = padding - bounds.x1 * zoom;
	let x = leftAligned;
	if (anchor.x * zoom + leftAligned > size.width * 0.7) {
		x = size.width / 2 - anchor.x * zoom;
		const narrowest = size.width - padding - bounds.x2 * zoom; // the map's right edge at the far padding
		x = Math.min(leftAligned, Math.max(narrowest, x));
	}
	const fitsDown = (bounds.y2 - bounds.y1) * zoom <= size.height - 2 * padding;
	const y = fitsDown
		? (size.height - zoom * (bounds.y1 + bounds.y2)) / 2
		: padding - bounds.y1 * zoom;
	return { zoom, pan: { x, y } };
}

/** How much of each claim the map shows at a zoom: its full text, short title, or one sign. */
export type Detail = 'full' | 'brief' | 'far';

/**
 * The level of detail at `zoom`: full texts while they are at least 11 px on screen, short
 * titles while those are at least 9 px, then one large sign per claim (never a blank box).
 */
export function detailAt(zoom: number, fontSize: number, briefFontSize: number): Detail {
	if (zoom * fontSize >= 11) return 'full';
	if (zoom * briefFontSize >= 9) return 'brief';
	return 'far';
}
