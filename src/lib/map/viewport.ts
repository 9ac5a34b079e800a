import type { Core } from 'cytoscape';
import { BRIEF_FONT_SIZE, NODE } from './elements';
import {
	anchoredViewport,
	detailAt,
	fitBounds,
	MIN_READABLE_PX,
	readableFit,
	type Bounds,
	type Viewport
} from './placement';

/*
 * Where the map looks: the whole map or a readable part of it, the claim the reader was on kept
 * in place across a rebuild, a claim or the thesis brought into view, the tour's step shown.
 */

type Point = { x: number; y: number };
type Size = { width: number; height: number };

export const FIT_PADDING = 28;
export const MIN_ZOOM = 0.08;
export const MAX_ZOOM = 2.5;
/** Fit never zooms out further than this: short titles stay at least MIN_READABLE_PX. */
const READABLE_ZOOM = MIN_READABLE_PX / BRIEF_FONT_SIZE;

/** How much a claim shows at `zoom`: full texts, short titles, or one sign each. */
export const detailOf = (zoom: number) => detailAt(zoom, NODE.fontSize, BRIEF_FONT_SIZE);

/**
 * What Fit shows: the whole map, unless its titles would then be too small to read from the
 * back of a class; then the map at a readable zoom, around the thesis, to pan.
 */
export function fitView(bounds: Bounds, box: Size, thesis: Point | undefined): Viewport {
	const options = {
		padding: FIT_PADDING,
		minZoom: MIN_ZOOM,
		maxZoom: MAX_ZOOM,
		readableZoom: READABLE_ZOOM
	};
	const centre = { x: (bounds.x1 + bounds.x2) / 2, y: bounds.y1 };
	return readableFit(bounds, box, options, thesis ?? centre);
}

/** Fit, on the map as drawn: the whole of it, or a readable part around `thesis`. */
export function fitMap(instance: Core, thesis: string) {
	const node = instance.getElementById(thesis);
	instance.viewport(
		fitView(
			instance.elements().boundingBox(),
			{ width: instance.width(), height: instance.height() },
			node.empty() ? undefined : node.position()
		)
	);
}

/** Zooms by `factor` about the map's centre (the toolbar's ＋ and −). */
export function zoomMap(instance: Core, factor: number) {
	const centre = { x: instance.width() / 2, y: instance.height() / 2 };
	instance.zoom({ level: instance.zoom() * factor, renderedPosition: centre });
}

/**
 * The viewport across a rebuild. After one that keeps the kind of view (an addition, a fold, a
 * language switch), the claim the reader was on stays at the same place on screen and the zoom
 * stays; a new focus, filter or layout (another `fitKey`) shows the whole map afresh.
 */
export class ViewportMemory {
	private last: { fitKey: string; zoom: number; anchor: string; rendered: Point } | null = null;

	/** Notes where claim `anchor` is on screen, as the map is torn down. */
	remember(instance: Core, anchor: string, fitKey: string) {
		const node = instance.getElementById(anchor);
		this.last = node.empty()
			? null
			: { fitKey, zoom: instance.zoom(), anchor, rendered: { ...node.renderedPosition() } };
	}

	/** The viewport that puts the reader back, once; null when the new map starts afresh. */
	recall(fitKey: string, positions: Record<string, Point> | undefined): Viewport | null {
		const last = this.last;
		this.last = null;
		const at = last && positions?.[last.anchor];
		if (!last || !at || last.fitKey !== fitKey) return null;
		return anchoredViewport(at, last.rendered, last.zoom);
	}
}

/**
 * Present mode: brings the claim the tour is on into view with the claim it answers, large
 * enough to read from the back of a classroom, in the part of the screen the caption leaves.
 */
export function showStep(instance: Core, id: string) {
	const node = instance.getElementById(id);
	if (node.empty()) return instance.fit(undefined, FIT_PADDING);
	// The claim and the claim it answers (edges run from the claim argued about).
	const around = node.union(node.incomers('node'));
	instance.fit(around, 80);
	if (instance.zoom() > 1.4) {
		const box = around.boundingBox();
		instance.zoom({
			level: 1.4,
			position: { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 }
		});
	}
}

/**
 * The part of the map the evidence drawer (a bottom sheet on a phone) leaves uncovered, when
 * it is open.
 */
export function freeArea(
	instance: Core,
	container: HTMLElement,
	drawerOpen: boolean
): { w: number; h: number } {
	const all = { w: instance.width(), h: instance.height() };
	const drawer = drawerOpen
		? container.closest('.map-area')?.querySelector<HTMLElement>('[data-testid="drawer"]')
		: null;
	if (!drawer) return all;
	const d = drawer.getBoundingClientRect();
	const m = container.getBoundingClientRect();
	// Beside a side drawer if there is room; above a bottom sheet.
	if (d.left - m.left >= 240) return { w: d.left - m.left, h: all.h };
	if (d.top - m.top >= 120) return { w: all.w, h: d.top - m.top };
	return all;
}

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Mirrors the selection onto the map (`id`, or none) and pans the selected claim into the part
 * of the map the drawer leaves uncovered if it is not there already.
 */
export function selectClaim(
	instance: Core,
	id: string | null,
	container: HTMLElement,
	drawerOpen: boolean
) {
	instance.$(':selected').unselect();
	if (!id) return;
	const node = instance.getElementById(id);
	if (node.empty()) return;
	node.select();
	// The drawer beside the map has just narrowed it: Cytoscape learns its new size now, not
	// at the next resize event, so what counts as visible is measured in the map as it is.
	instance.resize();
	// On a phone the drawer covers the map's bottom: keep the claim in the part still visible.
	const free = freeArea(instance, container, drawerOpen);
	const box = node.renderedBoundingBox();
	const visible = box.x1 >= 0 && box.x2 <= free.w && box.y1 >= 0 && box.y2 <= free.h;
	if (!visible) {
		const p = node.renderedPosition();
		instance.animate(
			{ panBy: { x: free.w / 2 - p.x, y: free.h / 2 - p.y } },
			{ duration: reducedMotion() ? 0 : 250 }
		);
	}
}

/**
 * Pans (and zooms out if need be) so the thesis and the selected claim are both in the part of
 * the map the drawer leaves uncovered.
 */
export function keepThesisInView(
	instance: Core,
	ids: { thesis: string; selected: string | null },
	container: HTMLElement,
	drawerOpen: boolean
) {
	const thesis = instance.getElementById(ids.thesis);
	if (thesis.empty()) return;
	// The what-if bar above the map may just have taken some of its height.
	instance.resize();
	const free = freeArea(instance, container, drawerOpen);
	const t = thesis.renderedBoundingBox({ includeLabels: true });
	if (t.x1 >= 0 && t.y1 >= 0 && t.x2 <= free.w && t.y2 <= free.h) return;
	const selected = ids.selected ? instance.getElementById(ids.selected) : null;
	const both = selected?.nonempty() ? thesis.union(selected) : thesis;
	const target = fitBounds(
		both.boundingBox({ includeLabels: true }),
		{ width: free.w, height: free.h },
		// Never closer than the reader was: only as far out as needed.
		{ padding: FIT_PADDING, minZoom: MIN_ZOOM, maxZoom: instance.zoom() }
	);
	instance.animate(target, { duration: reducedMotion() ? 0 : 250 });
}
