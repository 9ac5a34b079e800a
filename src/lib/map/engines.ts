import type Cytoscape from 'cytoscape';
import { DAGRE_MAX_CLAIMS } from './layout';

/*
 * The map's code that is fetched when needed, each at most once: the engine (Cytoscape, about
 * 135 KB gzip) beside the page, and the "Tree" view's layouts the first time each is used.
 */

let engineLoaded: Promise<typeof Cytoscape> | undefined;
let dagreLoaded: Promise<void> | undefined;
let tidyLoaded: Promise<typeof import('./tidy-tree')> | undefined;

/** The map engine. */
export const loadEngine = () => (engineLoaded ??= import('cytoscape').then((m) => m.default));

/** Dagre, registered on the engine. */
export function loadDagre(): Promise<void> {
	dagreLoaded ??= Promise.all([loadEngine(), import('cytoscape-dagre')]).then(
		([cytoscape, { default: dagre }]) => void cytoscape.use(dagre)
	);
	return dagreLoaded;
}

/** The tidy tree (d3-hierarchy). */
export const loadTidy = () => (tidyLoaded ??= import('./tidy-tree'));

/** How a map is laid out: in columns, or as a tree by dagre or the tidy tree. */
export type LayoutEngine = 'columns' | 'dagre' | 'tidy';

/**
 * The engine for a view: columns (the classroom layout), or for the tree view dagre while the
 * map is small and the linear tidy tree beyond (layout.ts says why).
 */
export function layoutEngine(layout: 'columns' | 'tree', shown: number): LayoutEngine {
	if (layout === 'columns') return 'columns';
	return shown <= DAGRE_MAX_CLAIMS ? 'dagre' : 'tidy';
}
