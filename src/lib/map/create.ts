import type Cytoscape from 'cytoscape';
import type { Core, ElementDefinition } from 'cytoscape';
import type { LayoutEngine } from './engines';
import type { Detail, Viewport } from './placement';
import { mapStyle, MORE_CONTRAST } from './style';
import { detailOf, MAX_ZOOM, MIN_ZOOM } from './viewport';

/** Maps with more claims than this pan as a texture (see `npm run bench`, pan fps). */
const SMOOTH_PAN_ABOVE = 400;

/** High contrast (a system or browser setting): bolder lines, darker colours, black text. */
const contrast = () => window.matchMedia(MORE_CONTRAST);

/** The map's stylesheet for the contrast the reader has asked for now. */
export const currentStyle = () => mapStyle({ contrast: contrast().matches ? 'more' : 'normal' });

/** Restyles the map when the reader changes contrast; returns the stop. */
export function followContrast(instance: Core): () => void {
	const query = contrast();
	const restyle = () => instance.style(currentStyle());
	query.addEventListener('change', restyle);
	return () => query.removeEventListener('change', restyle);
}

export interface MapOptions {
	container: HTMLElement;
	/** Placed and decorated (placement.ts): the first frame is the finished map. */
	elements: ElementDefinition[];
	/** How many claims: a big map pans as a picture. */
	claims: number;
	viewport: Viewport;
	/** The layout that placed the claims, said on the container once drawn (for tests). */
	engine: LayoutEngine;
}

/**
 * A Cytoscape map of already placed claims, in `container`. The caller owns it: it destroys
 * it, and takes `data-drawn` and `data-engine` off the container then.
 */
export function createMap(create: typeof Cytoscape, options: MapOptions): Core {
	const { container, elements } = options;
	const instance = create({
		container,
		elements,
		style: currentStyle(),
		minZoom: MIN_ZOOM,
		maxZoom: MAX_ZOOM,
		...options.viewport,
		// Every layout has placed the claims already (Cytoscape's default would be a grid).
		layout: { name: 'preset', fit: false },
		// A map of hundreds of claims (all levels of a big debate) pans as a picture, without
		// its edges, and is drawn properly when it stops: panning stays smooth.
		...(options.claims > SMOOTH_PAN_ABOVE
			? { textureOnViewport: true, hideEdgesOnViewport: true }
			: {}),
		autoungrabify: true, // the map is a view: claims are moved by editing the debate, not dragging
		boxSelectionEnabled: false,
		selectionType: 'single'
	});
	// For `npm run bench` and tests: when the first frame of this map is on screen.
	instance.one('render', () => {
		performance.mark('counterpoint:map-drawn', { detail: { nodes: instance.nodes().length } });
		container.dataset.drawn = String(instance.nodes().length);
		container.dataset.engine = options.engine;
	});
	return instance;
}

/**
 * Level of detail: full texts, short titles, or one sign each, as legible at the map's zoom,
 * kept up as it zooms. `initial`: the level its elements were made at. `refresh` sets the
 * level again whatever it was (after an export drew the map otherwise).
 */
export function trackDetail(instance: Core, initial: Detail | undefined) {
	let detail = initial;
	const update = () => {
		const next = detailOf(instance.zoom());
		if (next === detail) return;
		detail = next;
		instance.batch(() =>
			instance
				.nodes()
				.toggleClass('brief', next === 'brief')
				.toggleClass('far', next === 'far')
		);
	};
	instance.on('zoom', update);
	return {
		update,
		refresh() {
			detail = undefined;
			update();
		}
	};
}
