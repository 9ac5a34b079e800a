import { parentOf, type Edge, type Key, type Node, type Warn } from './model';

/** Each claim's main target (its first relation), or undefined for a root. */
type Primary = Map<Key, Edge | undefined>;

/** What choosing the main targets gives: every claim's relations, the main one, the roots made. */
export interface Targets {
	/** Each claim's relations, those on its defining line first, then by line. */
	outgoing: Map<Key, Edge[]>;
	/** Each claim's main target (`target`); the others go to `also`. */
	primary: Primary;
	/** Claims made roots to break a circle of relations. */
	madeRoots: Set<Key>;
}

/** Whether each claim reaches a root by following main targets (false: it ends in a circle). */
function reachingRoots(nodes: Node[], primary: Primary): Map<Key, boolean> {
	const reaches = new Map<Key, boolean>();
	const walk = (start: Key) => {
		const trail: Key[] = [];
		const onTrail = new Set<Key>();
		let at: Key | undefined = start;
		let result = false;
		while (at !== undefined) {
			const known = reaches.get(at);
			if (known !== undefined) {
				result = known;
				break;
			}
			if (onTrail.has(at)) break;
			trail.push(at);
			onTrail.add(at);
			const e = primary.get(at);
			if (!e) {
				result = true;
				break;
			}
			at = parentOf(e.target);
		}
		for (const k of trail) reaches.set(k, result);
	};
	for (const n of nodes) walk(n.key);
	return reaches;
}

/** Whether `n` is on a circle of main targets (not merely leading into one). */
function onCircle(n: Node, nodes: Node[], primary: Primary): boolean {
	let at = parentOf(primary.get(n.key)!.target);
	for (let i = 0; i <= nodes.length; i++) {
		if (at === n.key) return true;
		const e = primary.get(at);
		if (!e) return false;
		at = parentOf(e.target);
	}
	return false;
}

/**
 * Each claim's main target: the relation on its defining line (the author's indented tree),
 * else its first. Where main targets go round in a circle, a claim on it takes another relation
 * that reaches a root; when none can, one claim is made a root (warned), its relations kept.
 */
export function chooseTargets(nodes: Node[], edges: Edge[], warn: Warn): Targets {
	const outgoing = new Map<Key, Edge[]>(nodes.map((n) => [n.key, []]));
	for (const e of edges) outgoing.get(e.from)!.push(e);
	for (const list of outgoing.values())
		list.sort((a, b) => Number(b.defining) - Number(a.defining) || a.line - b.line);
	const primary: Primary = new Map(nodes.map((n) => [n.key, outgoing.get(n.key)![0]]));
	const madeRoots = new Set<Key>();
	for (;;) {
		const reaches = reachingRoots(nodes, primary);
		const stuck = nodes.filter((n) => !reaches.get(n.key));
		if (stuck.length === 0) break;
		const circle = stuck.filter((n) => onCircle(n, nodes, primary));
		let fixed = false;
		for (const n of circle) {
			const alternative = outgoing
				.get(n.key)!
				.find((e) => e !== primary.get(n.key) && reaches.get(parentOf(e.target)));
			if (alternative) {
				primary.set(n.key, alternative);
				fixed = true;
				break;
			}
		}
		if (!fixed) {
			const n = circle[0] ?? stuck[0]!;
			primary.set(n.key, undefined);
			madeRoots.add(n.key);
			warn(
				n.line,
				`the relations of "${n.title}" go round in a circle, so it was made a root (its relations are kept as further relations)`
			);
		}
	}
	return { outgoing, primary, madeRoots };
}
