import type { Stance } from '../../schema/debate';
import {
	parentOf,
	targetKey,
	type Edge,
	type Key,
	type Node,
	type Target,
	type Warn
} from './model';

/**
 * The relations read so far, in the order read: each once, and only between claims that exist.
 * A relation of a claim to itself is left out, with a warning.
 */
export class Edges {
	readonly list: Edge[] = [];
	private readonly seen = new Set<string>();

	constructor(
		private readonly nodeOf: Map<Key, Node>,
		private readonly warn: Warn
	) {}

	/**
	 * Adds the relation from `from` to `target`; `defining` (by default: written on the line that
	 * defines `from`) makes it the preferred main target of `from`.
	 */
	add(
		from: Key,
		target: Target,
		stance: Stance,
		line: number,
		defining = line === this.nodeOf.get(from)?.line
	): void {
		const ends = 'to' in target ? [target.to] : [target.link.from, target.link.to];
		if (!this.nodeOf.has(from) || ends.some((k) => !this.nodeOf.has(k))) return;
		if (parentOf(target) === from) {
			this.warn(
				line,
				`"${this.nodeOf.get(from)!.title}" is related to itself; that relation was left out`
			);
			return;
		}
		const id = `${from}|${targetKey(target)}|${stance}`;
		if (this.seen.has(id)) return;
		this.seen.add(id);
		this.list.push({ from, target, stance, line, defining });
	}

	/** The claims `key` relates to directly (not through an undercut), as read so far. */
	plainTargets(key: Key): Key[] {
		return this.list.flatMap((e) => (e.from === key && 'to' in e.target ? [e.target.to] : []));
	}
}
