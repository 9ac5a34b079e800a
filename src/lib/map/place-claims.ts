import type Cytoscape from 'cytoscape';
import type { ArgumentGraph } from '../core/model';
import { arrange } from './arrange';
import { dagreTree } from './dagre-tree';
import type { MapElements } from './elements';
import type { LayoutEngine } from './engines';
import type { Placement } from './placement';

export interface PlaceInput {
	graph: ArgumentGraph;
	elements: MapElements;
	/** The map's box on screen: the columns layout takes its proportions. */
	box: { width: number; height: number };
	/** The engine, for dagre (which lays out in a headless instance). */
	create: typeof Cytoscape;
	/** The map's stylesheet: dagre gives each claim the room it takes on screen. */
	style: unknown;
	/** The tidy tree's code, loaded (engines.ts). */
	tidy: typeof import('./tidy-tree') | null;
}

/**
 * Where `engine` places the claims, before the map is made. Throws when it cannot (a debate no
 * layout was made for): the map says so rather than stay empty.
 */
export function placeClaims(engine: LayoutEngine, input: PlaceInput): Placement {
	const { graph, elements } = input;
	if (engine === 'columns')
		return arrange(graph, elements, input.box.width / Math.max(1, input.box.height));
	if (engine === 'dagre') return dagreTree(input.create, elements, input.style);
	if (!input.tidy) throw new Error('The tidy tree is not loaded.');
	const sizes = new Map(
		elements.nodes.map((n) => [n.data.id, { w: n.data.width, h: n.data.height }])
	);
	const { positions, bounds } = input.tidy.tidyTree(
		graph,
		(id) => sizes.get(id)!,
		(id) => sizes.has(id)
	);
	return { positions: Object.fromEntries(positions), bounds };
}
