import type { Lines } from '../../load/json';
import { escapeRe, idOf, isObject, own, type Json } from './model';

/** Line of the first `"key":` in the text (good enough to point at a list), else 1. */
export function keyLine(body: string, lines: Lines, key: string): number {
	const m = new RegExp(`"${escapeRe(key)}"\\s*:`).exec(body);
	return m ? lines.at(m.index).line : 1;
}

/**
 * Where the parts of an AIF file stand in its text, for messages: a key, a node by its id, an
 * edge. Each search over the whole text runs once, when first needed.
 */
export class Positions {
	/** Where each node id is first written: `"nodeID": "123"` or `"nodeID": 123`. */
	private nodeOffsets: Map<string, number> | undefined;
	/** Where each edge's `fromID` (or SADFace `source_id`) is written, in order. */
	private fromIdOffsets: number[] | undefined;

	/** `idKey` names a node's id: `nodeID`, or `id` in SADFace. */
	constructor(
		private readonly body: string,
		private readonly lines: Lines,
		private readonly idKey: string
	) {}

	/** Line of the first `"key":` in the text. */
	keyLine = (key: string): number => keyLine(this.body, this.lines, key);

	/** Line of the node with id `id`, or 0. */
	nodeLine = (id: string): number => {
		if (!this.nodeOffsets) {
			this.nodeOffsets = new Map();
			const re = new RegExp(
				`"${this.idKey}"\\s*:\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|(-?\\d[\\d.eE+-]*))`,
				'g'
			);
			for (let m = re.exec(this.body); m; m = re.exec(this.body)) {
				const key = (m[1] ?? m[2] ?? '').trim();
				if (!this.nodeOffsets.has(key)) this.nodeOffsets.set(key, m.index);
			}
		}
		const offset = this.nodeOffsets.get(id);
		return offset === undefined ? 0 : this.lines.at(offset).line;
	};

	/** Line of an edge: by its `edgeID`, else by its place in the list, else the list's. */
	edgeLine = (raw: Json, index: number): number => {
		const edgeId = isObject(raw) ? idOf(own(raw, 'edgeID')) : undefined;
		if (edgeId !== undefined) {
			const re = new RegExp(
				`"edgeID"\\s*:\\s*(?:"${escapeRe(edgeId)}"|${escapeRe(edgeId)}(?![\\w.]))`
			);
			const m = re.exec(this.body);
			if (m) return this.lines.at(m.index).line;
		}
		this.fromIdOffsets ??= [...this.body.matchAll(/"(?:fromID|source_id)"\s*:/g)].map(
			(m) => m.index!
		);
		const offset = this.fromIdOffsets[index];
		return offset === undefined ? this.keyLine('edges') : this.lines.at(offset).line;
	};
}
