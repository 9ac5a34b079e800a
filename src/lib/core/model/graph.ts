import type { Claim, Debate, RelationTarget, Stance } from '../schema/debate';

/** +1: the claim argues for the thesis; −1: against it. */
export type Side = 1 | -1;

/**
 * One edge of the argument graph: claim `from` supports (`pro`) or attacks (`con`) claim `to`.
 * For an undercut, `to` is the claim whose link is attacked and `undercuts` names that link.
 */
export interface GraphRelation {
	/** Stable id: `from->to`, with `#n` for an extra (`also`) relation, `~` marking an undercut. */
	id: string;
	from: string;
	to: string;
	stance: Stance;
	/** The claim's main relation (its `target`), as opposed to one listed under `also`. */
	primary: boolean;
	undercuts?: { from: string; to: string };
}

/** The debate as a graph: indexed, with each claim's depth and side of the thesis derived. */
export interface ArgumentGraph {
	debate: Debate;
	claims: Map<string, Claim>;
	/** In file order. */
	order: string[];
	relations: GraphRelation[];
	/** Relations pointing at a claim (its supporters and attackers). */
	incoming: Map<string, GraphRelation[]>;
	/** Relations leaving a claim (what it supports or attacks). */
	outgoing: Map<string, GraphRelation[]>;
	/** Claims with no target. The thesis is one of them. */
	roots: string[];
	/** Claims whose main target is this claim: the tree below it. */
	children: Map<string, string[]>;
	/** Distance from the root along main targets (root = 0). */
	depth: Map<string, number>;
	/** Which side of its root a claim ends up on once stances are multiplied along the path. */
	side: Map<string, Side>;
	/** The root each claim leads to. */
	rootOf: Map<string, string>;
}

const sign = (s: Stance): Side => (s === 'pro' ? 1 : -1);

function relationOf(
	from: string,
	target: RelationTarget,
	stance: Stance,
	primary: boolean,
	n: number
): GraphRelation {
	const suffix = primary ? '' : `#${n}`;
	if (typeof target === 'string')
		return { id: `${from}->${target}${suffix}`, from, to: target, stance, primary };
	return {
		id: `${from}~>${target.from}->${target.to}${suffix}`,
		from,
		to: target.to,
		stance,
		primary,
		undercuts: { ...target }
	};
}

/** Builds the graph of a validated debate. Assumes references resolve (see `checkReferences`). */
export function buildGraph(debate: Debate): ArgumentGraph {
	const claims = new Map(debate.claims.map((c) => [c.id, c]));
	const relations: GraphRelation[] = [];
	const incoming = new Map<string, GraphRelation[]>();
	const outgoing = new Map<string, GraphRelation[]>();
	const children = new Map<string, string[]>();
	const roots: string[] = [];
	for (const c of debate.claims) {
		incoming.set(c.id, []);
		outgoing.set(c.id, []);
		children.set(c.id, []);
	}
	for (const c of debate.claims) {
		const rels: GraphRelation[] = [];
		if (c.target !== undefined && c.stance !== undefined)
			rels.push(relationOf(c.id, c.target, c.stance, true, 0));
		else roots.push(c.id);
		c.also?.forEach((r, i) => rels.push(relationOf(c.id, r.target, r.stance, false, i + 1)));
		for (const r of rels) {
			if (!claims.has(r.to)) continue;
			relations.push(r);
			outgoing.get(c.id)!.push(r);
			incoming.get(r.to)!.push(r);
			if (r.primary) children.get(r.undercuts ? r.undercuts.from : r.to)!.push(c.id);
		}
	}

	// Depth and side follow main targets from each root, breadth first; claims on a cycle are
	// unreachable and get neither (validation reports them).
	const depth = new Map<string, number>();
	const side = new Map<string, Side>();
	const rootOf = new Map<string, string>();
	const primaryOf = new Map(relations.filter((r) => r.primary).map((r) => [r.from, r]));
	const sorted = [debate.thesis, ...roots.filter((r) => r !== debate.thesis)].filter((r) =>
		claims.has(r)
	);
	for (const root of sorted) {
		depth.set(root, 0);
		side.set(root, 1);
		rootOf.set(root, root);
		const queue = [root];
		while (queue.length > 0) {
			const at = queue.shift()!;
			for (const child of children.get(at) ?? []) {
				if (depth.has(child)) continue;
				const rel = primaryOf.get(child)!;
				depth.set(child, depth.get(at)! + 1);
				side.set(child, sideThrough(rel, side, primaryOf));
				rootOf.set(child, root);
				queue.push(child);
			}
		}
	}
	return {
		debate,
		claims,
		order: debate.claims.map((c) => c.id),
		relations,
		incoming,
		outgoing,
		roots: sorted,
		children,
		depth,
		side,
		rootOf
	};
}

/**
 * Side of a claim through its main relation. A pro of X shares X's side and a con takes the
 * other. An undercut of the link "A supports X" works against what A's support did for X,
 * so it argues the side opposite to A's effect on X (and a "pro" undercut the same side).
 */
function sideThrough(
	rel: GraphRelation,
	side: Map<string, Side>,
	primaryOf: Map<string, GraphRelation>
): Side {
	const targetSide = side.get(rel.to) ?? 1;
	if (!rel.undercuts) return (targetSide * sign(rel.stance)) as Side;
	const link = primaryOf.get(rel.undercuts.from);
	const linkSign = link && link.to === rel.undercuts.to ? sign(link.stance) : 1;
	return (targetSide * linkSign * sign(rel.stance)) as Side;
}

/** How many claims argue for and against the thesis (the thesis itself not counted). */
export function countSides(graph: ArgumentGraph): { pro: number; con: number } {
	let pro = 0;
	let con = 0;
	for (const [id, s] of graph.side) {
		if (graph.rootOf.get(id) !== graph.debate.thesis || id === graph.debate.thesis) continue;
		if (s === 1) pro++;
		else con++;
	}
	return { pro, con };
}

/** The chain of claims from `id` up to its root, `id` first. */
export function pathToRoot(graph: ArgumentGraph, id: string): string[] {
	const path: string[] = [];
	const seen = new Set<string>();
	let at: string | undefined = id;
	while (at !== undefined && !seen.has(at) && graph.claims.has(at)) {
		path.push(at);
		seen.add(at);
		at = parentOf(graph, at);
	}
	return path;
}

/** Deepest level below the thesis. */
export function maxDepth(graph: ArgumentGraph): number {
	return Math.max(0, ...graph.depth.values());
}

/** The claim a claim hangs under in the tree (its main target; for an undercut, the link's source). */
export function parentOf(graph: ArgumentGraph, id: string): string | undefined {
	const rel = graph.outgoing.get(id)?.find((r) => r.primary);
	return rel ? (rel.undercuts?.from ?? rel.to) : undefined;
}

/** Every claim below `id` in the tree, depth first, `id` itself not included. */
export function descendants(graph: ArgumentGraph, id: string): string[] {
	const out: string[] = [];
	const seen = new Set([id]);
	const stack = [...(graph.children.get(id) ?? [])].reverse();
	while (stack.length > 0) {
		const at = stack.pop()!;
		if (seen.has(at)) continue;
		seen.add(at);
		out.push(at);
		stack.push(...[...(graph.children.get(at) ?? [])].reverse());
	}
	return out;
}
