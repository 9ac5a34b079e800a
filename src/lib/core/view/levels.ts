import type { ArgumentGraph } from '../model/graph';

/**
 * How many levels below the thesis a big debate shows at first. A class reads a map of a few
 * dozen claims; a Kialo discussion of thousands opens like Kialo does, with the first levels
 * shown and deeper claims folded under their parents with counts, one level opening at a time.
 *
 * The numbers come from `npm run bench`: bare Cytoscape drawing our nodes costs about 1 ms per
 * claim on a 2-core machine (914 ms for 1,000), so a first map of at most MAX_FIRST_DRAWN claims
 * keeps the page's longest task near 200 ms; and a map of more than that many claims is read
 * zoomed out, as short titles, anyway.
 */
export const LEVELS = {
	/** Debates with more claims than this open with levels folded. */
	foldAbove: 150,
	/** At most this many claims drawn when a big debate opens (the thesis's own answers always). */
	maxFirstDrawn: 150
} as const;

/** `all`, or the number of levels below the thesis shown before claims fold. */
export type Levels = number | 'all';

/**
 * The levels a debate opens with: all of them for a classroom-sized debate; for a big one the
 * most levels whose claims together stay within {@link LEVELS.maxFirstDrawn}, at least one.
 */
export function autoLevels(graph: ArgumentGraph): Levels {
	if (graph.order.length <= LEVELS.foldAbove) return 'all';
	const perDepth: number[] = [];
	for (const d of graph.depth.values()) perDepth[d] = (perDepth[d] ?? 0) + 1;
	let drawn = perDepth[0] ?? 0;
	let levels = 0;
	while (
		levels + 1 < perDepth.length &&
		drawn + (perDepth[levels + 1] ?? 0) <= LEVELS.maxFirstDrawn
	) {
		levels++;
		drawn += perDepth[levels] ?? 0;
	}
	return Math.max(1, levels);
}

/**
 * Claims folded by the level limit: those at depth `levels` or deeper that answer something,
 * unless the reader opened them (`unfolded`). Opening one shows its answers, each folded again,
 * so a deep branch opens a level at a time.
 */
export function foldedByLevels(
	graph: ArgumentGraph,
	levels: Levels,
	unfolded: ReadonlySet<string>,
	/** Count levels from this depth (a focused claim's), not from the thesis. */
	from = 0
): string[] {
	if (levels === 'all') return [];
	const out: string[] = [];
	for (const id of graph.order)
		if (
			(graph.depth.get(id) ?? 0) >= from + levels &&
			(graph.children.get(id)?.length ?? 0) > 0 &&
			!unfolded.has(id)
		)
			out.push(id);
	return out;
}
