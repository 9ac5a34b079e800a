import type { Targets } from './read-targets';
import { parentOf, type Key, type Node } from './model';

/** How many claims hang below each claim, through main targets, counted for the roots. */
function claimsBelowRoots(nodes: Node[], { primary }: Targets, roots: Node[]): Map<Key, number> {
	const childrenOf = new Map<Key, Key[]>();
	for (const n of nodes) {
		const e = primary.get(n.key);
		if (e)
			childrenOf.set(parentOf(e.target), [...(childrenOf.get(parentOf(e.target)) ?? []), n.key]);
	}
	const count = (root: Key): number => {
		let total = 0;
		const stack = [root];
		while (stack.length > 0) {
			for (const c of childrenOf.get(stack.pop()!) ?? []) {
				total++;
				stack.push(c);
			}
		}
		return total;
	};
	const below = new Map<Key, number>();
	for (const r of roots) below.set(r.key, count(r.key));
	return below;
}

/**
 * The thesis: the root marked `thesis: true` in its data, else the root with no relation (not
 * one made a root to break a circle) that has the most claims under it, the first such in the
 * file. Other roots stay roots.
 */
export function chooseThesis(nodes: Node[], targets: Targets): Node {
	const { primary, outgoing, madeRoots } = targets;
	const roots = nodes.filter((n) => !primary.get(n.key));
	const below = claimsBelowRoots(nodes, targets, roots);
	const rank = (n: Node) => [
		n.data.thesis === true ? 1 : 0,
		madeRoots.has(n.key) || outgoing.get(n.key)!.length > 0 ? 0 : 1,
		below.get(n.key) ?? 0
	];
	return roots.reduce((best, n) => {
		const [a, b] = [rank(n), rank(best)];
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? n : best;
		return best;
	}, roots[0]!);
}
