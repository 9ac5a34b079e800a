/**
 * The "tree" layout: options for cytoscape-dagre: thesis at the top, each claim below the claim it argues about.
 * Only main relations shape the layout; extra (`also`) relations are drawn over it, so a
 * cross-link never drags a claim away from its own parent.
 */
export const LAYOUT_SELECTOR = 'node, edge.main';

export function dagreOptions() {
	return {
		name: 'dagre',
		rankDir: 'TB',
		nodeSep: 26,
		rankSep: 80,
		edgeSep: 12,
		ranker: 'network-simplex',
		fit: false,
		animate: false
	} as const;
}
