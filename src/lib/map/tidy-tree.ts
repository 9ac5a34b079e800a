import { hierarchy, tree } from 'd3-hierarchy';
import type { ArgumentGraph } from '../core/model';
import type { Point, Size } from './comb-layout';

/** Gaps of the tidy tree, model pixels: the same as the dagre layout's (layout.ts). */
const GAP = { sibling: 26, rank: 80 } as const;

/**
 * The "tree" view for big maps: the thesis at the top, each claim under the claim it answers,
 * placed by d3-hierarchy's tidy tree (Reingold–Tilford in Buchheim's linear time), where dagre
 * would take seconds. Only main relations shape it, as with dagre; cross-links are drawn over it.
 * Every node takes the width of the widest; each level is as tall as its tallest claim.
 */
export function tidyTree(
	graph: ArgumentGraph,
	size: (id: string) => Size,
	shown: (id: string) => boolean
): { positions: Map<string, Point>; bounds: { x1: number; y1: number; x2: number; y2: number } } {
	const ROOT = '\u0000'; // a virtual parent for the roots: d3 lays out one tree
	const roots = graph.roots.filter(shown);
	const root = hierarchy<string>(ROOT, (id) =>
		id === ROOT ? roots : (graph.children.get(id) ?? []).filter(shown)
	);
	let widest = 0;
	const tallest: number[] = [];
	root.each((n) => {
		if (n.data === ROOT) return;
		const { w, h } = size(n.data);
		widest = Math.max(widest, w);
		tallest[n.depth] = Math.max(tallest[n.depth] ?? 0, h);
	});
	tree<string>()
		.nodeSize([widest + GAP.sibling, 1])
		.separation((a, b) => (a.parent === b.parent ? 1 : 1.15))(root);
	// Rows: each level starts below the tallest claim of the level above.
	const top: number[] = [0, 0];
	for (let d = 2; d < tallest.length; d++) top[d] = top[d - 1]! + tallest[d - 1]! + GAP.rank;
	const positions = new Map<string, Point>();
	const bounds = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
	root.each((n) => {
		if (n.data === ROOT) return;
		const { w, h } = size(n.data);
		const p = { x: n.x ?? 0, y: top[n.depth]! + tallest[n.depth]! / 2 };
		positions.set(n.data, p);
		bounds.x1 = Math.min(bounds.x1, p.x - w / 2);
		bounds.x2 = Math.max(bounds.x2, p.x + w / 2);
		bounds.y1 = Math.min(bounds.y1, p.y - h / 2);
		bounds.y2 = Math.max(bounds.y2, p.y + h / 2);
	});
	return { positions, bounds };
}
