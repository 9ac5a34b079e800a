import type { AifNode, Rel } from './model';

/** The claim a relation hangs under: its target, or the supporting end of the undercut relation. */
const parentOf = (r: Rel) => (typeof r.target === 'string' ? r.target : r.target.from);

/** Each claim's main target, the I-nodes where a circle was broken, and each claim's root. */
export interface Targets {
	/** Each claim's main relation (`target`), by claim id; a root has none. */
	primary: Map<string, Rel>;
	/** The I-nodes whose first relation would have closed a circle of targets. */
	cycles: string[];
	/** The root a claim leads up to, by claim id. */
	rootOf: (id: string) => string;
}

/**
 * Main targets: the first relation of each claim, unless it would close a circle of targets
 * (AIF allows circles; a debate's claims must each lead to a root). A union-find of the
 * target forest: a claim, still a root when its turn comes, may hang under `p` unless `p`
 * already leads up to it.
 */
export function chooseTargets(
	inodes: AifNode[],
	claimId: Map<string, string>,
	relations: Map<string, Rel[]>
): Targets {
	const up = new Map<string, string>();
	const find = (id: string): string => {
		let at = id;
		while (up.has(at) && up.get(at) !== at) at = up.get(at)!;
		// Path compression.
		let c = id;
		while (c !== at) {
			const next = up.get(c)!;
			up.set(c, at);
			c = next;
		}
		return at;
	};
	const primary = new Map<string, Rel>();
	const cycles: string[] = [];
	for (const n of inodes) {
		const id = claimId.get(n.id)!;
		const rels = relations.get(id) ?? [];
		const chosen = rels.find((r) => find(parentOf(r)) !== id);
		if (rels.length > 0 && chosen !== rels[0]) cycles.push(n.id);
		if (chosen) {
			primary.set(id, chosen);
			up.set(id, find(parentOf(chosen)));
		}
	}
	return { primary, cycles, rootOf: find };
}

/**
 * The thesis: the root with the most claims under it (the first such in node order),
 * preferring roots that argue for nothing (a root may keep relations in `also` after a circle
 * was broken). Returns the roots too, by claim id.
 */
export function chooseThesis(
	inodes: AifNode[],
	claimId: Map<string, string>,
	relations: Map<string, Rel[]>,
	{ primary, rootOf }: Targets
): { thesis: string; roots: string[] } {
	const under = new Map<string, number>();
	for (const n of inodes) {
		const r = rootOf(claimId.get(n.id)!);
		under.set(r, (under.get(r) ?? 0) + 1);
	}
	const roots = inodes.map((n) => claimId.get(n.id)!).filter((id) => !primary.has(id));
	const bare = roots.filter((id) => !relations.has(id));
	let thesis = (bare.length > 0 ? bare : roots)[0]!;
	for (const r of bare.length > 0 ? bare : roots)
		if (under.get(r)! > under.get(thesis)!) thesis = r;
	return { thesis, roots };
}
