import type { ArgumentGraph } from '../core/model';

/**
 * The classroom layout. A debate's thesis usually has dozens of direct claims; a top-down tree
 * (dagre) puts them in one row many screens wide, unreadable at fit-to-screen. Here the thesis
 * sits at the top, its supporting branches hang in columns on the left and its objections in
 * columns on the right, each branch read left to right (claim → objections to it → rebuttals),
 * like an indented outline. The number of columns is chosen to best fill the window.
 */

export interface Size {
	w: number;
	h: number;
}
export interface Point {
	x: number;
	y: number;
}

export interface CombLayout {
	/** Centre of each node, model coordinates. */
	positions: Map<string, Point>;
	/** Bend points of each tree edge (by child id), from the parent's side to the child's. */
	routes: Map<string, Point[]>;
	width: number;
	height: number;
}

export const COMB = {
	/** Horizontal gap between a claim and the claims that answer it. */
	levelGap: 56,
	/** Vertical gap between sibling claims. */
	siblingGap: 18,
	/** Vertical gap between branches in a column. */
	branchGap: 30,
	/** Gap between columns. */
	columnGap: 70,
	/** Space between the thesis and the columns below it. */
	thesisGap: 64,
	/** Where a column's trunk runs, left of its claims. */
	trunkIndent: 26
} as const;

interface Block {
	id: string;
	width: number;
	height: number;
}

/** Lays out one root and everything that reaches it. */
function layoutRoot(
	graph: ArgumentGraph,
	root: string,
	size: (id: string) => Size,
	aspect: number,
	positions: Map<string, Point>,
	routes: Map<string, Point[]>,
	originX: number,
	shown: (id: string) => boolean
): { width: number; height: number } {
	const kids = (id: string) => (graph.children.get(id) ?? []).filter(shown);
	const heightOf = new Map<string, number>();
	const widthOf = new Map<string, number>();
	const measure = (id: string): void => {
		const c = kids(id);
		c.forEach(measure);
		const childH =
			c.reduce((s, k) => s + heightOf.get(k)!, 0) + COMB.siblingGap * Math.max(0, c.length - 1);
		const childW = Math.max(0, ...c.map((k) => widthOf.get(k)!));
		heightOf.set(id, Math.max(size(id).h, childH));
		widthOf.set(id, size(id).w + (c.length ? COMB.levelGap + childW : 0));
	};
	/** Places a branch with its top-left corner at (x, y). */
	const place = (id: string, x: number, y: number): void => {
		const { w } = size(id);
		const h = heightOf.get(id)!;
		positions.set(id, { x: x + w / 2, y: y + h / 2 });
		const c = kids(id);
		const childH =
			c.reduce((s, k) => s + heightOf.get(k)!, 0) + COMB.siblingGap * Math.max(0, c.length - 1);
		let cy = y + (h - childH) / 2;
		const cx = x + w + COMB.levelGap;
		for (const k of c) {
			place(k, cx, cy);
			// parent's right side → halfway across the gap → down to the child → into its left side
			const from = { x: x + w, y: y + h / 2 };
			const to = positions.get(k)!;
			const mid = from.x + COMB.levelGap / 2;
			routes.set(k, [
				{ x: mid, y: from.y },
				{ x: mid, y: to.y }
			]);
			cy += heightOf.get(k)! + COMB.siblingGap;
		}
	};

	const top = kids(root);
	top.forEach(measure);
	const blocks = (stance: 'pro' | 'con'): Block[] =>
		top
			.filter((id) => graph.claims.get(id)?.stance === stance)
			.map((id) => ({ id, width: widthOf.get(id)!, height: heightOf.get(id)! }));
	const pro = blocks('pro');
	const con = blocks('con');
	const thesis = size(root);

	// Try 1–4 columns a side and keep the arrangement whose bounding box best fits the window.
	let best:
		{ score: number; pro: Block[][]; con: Block[][]; width: number; height: number } | undefined;
	for (let kp = pro.length ? 1 : 0; kp <= Math.min(4, pro.length); kp++) {
		for (let kc = con.length ? 1 : 0; kc <= Math.min(4, con.length); kc++) {
			const pc = columns(pro, kp);
			const cc = columns(con, kc);
			const all = [...pc, ...cc];
			const width = Math.max(
				thesis.w,
				all.reduce((s, col) => s + columnWidth(col), 0) +
					COMB.columnGap * Math.max(0, all.length - 1)
			);
			const height =
				thesis.h + (all.length ? COMB.thesisGap + Math.max(...all.map(columnHeight)) : 0);
			const score = Math.min(aspect / width, 1 / height); // zoom that fits, in units of window height
			if (!best || score > best.score * 1.0001) best = { score, pro: pc, con: cc, width, height };
		}
	}
	if (!best) {
		positions.set(root, { x: originX + thesis.w / 2, y: thesis.h / 2 });
		return { width: thesis.w, height: thesis.h };
	}

	const colsWidth = [...best.pro, ...best.con].reduce(
		(s, col) => s + columnWidth(col) + COMB.columnGap,
		-COMB.columnGap
	);
	const left = originX + Math.max(0, (thesis.w - colsWidth) / 2);
	// The thesis sits over the gap between the two sides.
	const proWidth = best.pro.reduce((s, col) => s + columnWidth(col) + COMB.columnGap, 0);
	const thesisX =
		best.pro.length && best.con.length
			? left + proWidth - COMB.columnGap / 2
			: left + colsWidth / 2;
	positions.set(root, { x: Math.max(originX + thesis.w / 2, thesisX), y: thesis.h / 2 });
	const bus = thesis.h + COMB.thesisGap / 2;
	const rootPos = positions.get(root)!;
	let x = left;
	for (const col of [...best.pro, ...best.con]) {
		let y = thesis.h + COMB.thesisGap;
		const trunk = x + COMB.trunkIndent / 2;
		for (const b of col) {
			place(b.id, x + COMB.trunkIndent, y);
			const to = positions.get(b.id)!;
			// thesis bottom → the bus under it → along to this column's trunk → down → into the claim
			const exitX = Math.min(
				Math.max(trunk, rootPos.x - thesis.w / 2 + 20),
				rootPos.x + thesis.w / 2 - 20
			);
			routes.set(b.id, [
				{ x: exitX, y: bus },
				{ x: trunk, y: bus },
				{ x: trunk, y: to.y }
			]);
			y += b.height + COMB.branchGap;
		}
		x += columnWidth(col) + COMB.columnGap;
	}
	const width = Math.max(thesis.w, x - COMB.columnGap - originX);
	return { width, height: best.height };
}

function columnWidth(col: Block[]): number {
	return Math.max(0, ...col.map((b) => b.width)) + COMB.trunkIndent;
}
function columnHeight(col: Block[]): number {
	return col.reduce((s, b) => s + b.height, 0) + COMB.branchGap * Math.max(0, col.length - 1);
}

/** Splits blocks, in order, into `k` columns of roughly equal height. */
export function columns<T extends { height: number }>(blocks: T[], k: number): T[][] {
	if (k <= 0) return [];
	const total = blocks.reduce((s, b) => s + b.height, 0);
	const target = total / k;
	const out: T[][] = [[]];
	let acc = 0;
	for (const b of blocks) {
		const col = out[out.length - 1]!;
		// Start a new column when this one is full, unless it would leave too many columns.
		if (col.length > 0 && acc + b.height / 2 > target && out.length < k) {
			out.push([b]);
			acc = b.height;
		} else {
			col.push(b);
			acc += b.height;
		}
	}
	return out;
}

/**
 * Positions every claim `shown` (all by default). `aspect` is the window's width / height, so
 * the map fills it; claims that reach no root (only in invalid data) are left out and placed by
 * the caller.
 *
 * A debate with several roots (an imported forest: tens of top-level claims, not all
 * connected) has each root's tree laid out on its own, then the trees wrapped into rows, the
 * thesis's first, so the whole forest has the window's shape rather than one long strip.
 */
export function combLayout(
	graph: ArgumentGraph,
	size: (id: string) => Size,
	aspect = 16 / 9,
	shown: (id: string) => boolean = () => true
): CombLayout {
	const positions = new Map<string, Point>();
	const routes = new Map<string, Point[]>();
	const trees = graph.roots.filter(shown).map((root) => {
		const own = { positions: new Map<string, Point>(), routes: new Map<string, Point[]>() };
		const box = layoutRoot(graph, root, size, aspect, own.positions, own.routes, 0, shown);
		return { ...own, ...box };
	});
	const gap = COMB.columnGap * 2;
	// Rows about as wide as a window of this shape holding every tree would be, never narrower
	// than the widest tree: one tree (most debates) is one row, as before.
	const area = trees.reduce((s, t) => s + (t.width + gap) * (t.height + gap), 0);
	const rowWidth = Math.max(...trees.map((t) => t.width), Math.sqrt(area * aspect));
	let x = 0;
	let y = 0;
	let rowHeight = 0;
	let width = 0;
	for (const tree of trees) {
		if (x > 0 && x + tree.width > rowWidth) {
			y += rowHeight + gap;
			x = 0;
			rowHeight = 0;
		}
		const shift = (p: Point) => ({ x: p.x + x, y: p.y + y });
		for (const [id, p] of tree.positions) positions.set(id, shift(p));
		for (const [id, r] of tree.routes) routes.set(id, r.map(shift));
		width = Math.max(width, x + tree.width);
		rowHeight = Math.max(rowHeight, tree.height);
		x += tree.width + gap;
	}
	return { positions, routes, width, height: trees.length ? y + rowHeight : 0 };
}
