import type { Core } from 'cytoscape';

/**
 * What browser tests read of the map, without touching pixels: the claims and relations drawn,
 * where, at what zoom and in what style. Typed once, here, for the app and the tests alike
 * (`window.__counterpointMap`).
 */
export interface MapHook {
	nodeIds(): string[];
	edgeIds(): string[];
	/** A claim's centre on the page, in CSS pixels. */
	renderedCentre(id: string): { x: number; y: number };
	/** A claim's drawn box (label included), in the map's own CSS pixels. */
	renderedBox(id: string): { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
	zoom(): number;
	selected(): string[];
	labelOf(id: string): string;
	classesOf(id: string): string[];
	/** A style property of a claim or relation as Cytoscape computes it ("5px", "rgb(0,0,0)"). */
	styleOf(id: string, prop: string): string;
	/** The standing picture's SVG drawn under a claim's title. */
	standingOf(id: string): string;
}

declare global {
	interface Window {
		/** Present only in a browser driven by automation (the tests): see `installMapHook`. */
		__counterpointMap?: MapHook;
	}
}

/**
 * Puts the hook on `window` for the map in `container`, only when the browser is driven by
 * automation (`navigator.webdriver`, as under Playwright): a reader's page carries no test
 * surface. Returns what takes it off again (the map is being destroyed).
 */
export function installMapHook(instance: Core, container: HTMLElement): () => void {
	if (!navigator.webdriver) return () => {};
	window.__counterpointMap = {
		nodeIds: () => instance.nodes().map((n) => n.id()),
		edgeIds: () => instance.edges().map((e) => e.id()),
		renderedCentre: (id) => {
			const p = instance.getElementById(id).renderedPosition();
			const box = container.getBoundingClientRect();
			return { x: box.left + p.x, y: box.top + p.y };
		},
		renderedBox: (id) => instance.getElementById(id).renderedBoundingBox({ includeLabels: true }),
		zoom: () => instance.zoom(),
		labelOf: (id) => String(instance.getElementById(id).style('label')),
		selected: () => instance.$('node:selected').map((n) => n.id()),
		classesOf: (id) => instance.getElementById(id).classes(),
		styleOf: (id, prop) => String(instance.getElementById(id).style(prop)),
		standingOf: (id) => decodeURIComponent(String(instance.getElementById(id).data('standing')))
	};
	return () => {
		delete window.__counterpointMap;
	};
}
