/**
 * Options for cytoscape-dagre, which lays out the Tree view of a map of up to
 * {@link DAGRE_MAX_CLAIMS} claims (a bigger one gets the tidy tree, `tidy-tree.ts`): thesis at the
 * top, each claim below the claim it argues about. Only main relations shape the layout; extra (`also`) relations are drawn over it, so a
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

/**
 * The tree view uses dagre up to this many claims drawn and d3-hierarchy's tidy tree (tidy-tree.ts)
 * beyond. Both are shaped by main relations only, so both lay out a tree; dagre is kept for the
 * maps a class reads (its look is the familiar one), but it grows much faster than linearly:
 * `npm run bench` measures about 60 ms for 100 claims and 600 ms for 1,000 against a few ms for
 * the tidy tree, so past this size the tidy tree keeps the page's longest task short.
 */
export const DAGRE_MAX_CLAIMS = 150;
