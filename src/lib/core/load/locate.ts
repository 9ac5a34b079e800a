import {
	isMap,
	isPair,
	isScalar,
	isSeq,
	LineCounter,
	type Document,
	type Node,
	type YAMLMap
} from 'yaml';

export interface Position {
	line: number;
	column: number;
}

/**
 * Finds where a data path (`['claims', 12, 'target']`) stands in a parsed YAML/JSON document.
 * When the path leads to a field that is missing, it answers with the nearest enclosing node,
 * which is where the author has to add it.
 */
export class SourceMap {
	constructor(
		private readonly doc: Document.Parsed | undefined,
		private readonly lines: LineCounter
	) {}

	/** Position of the value at `path`, or of its key when `at` is 'key'. */
	locate(path: readonly PropertyKey[], at: 'value' | 'key' = 'value'): Position {
		let node: unknown = this.doc?.contents;
		let keyNode: unknown;
		let best = this.position(node);
		for (const seg of path) {
			const next = this.child(node, seg);
			if (!next) break;
			node = next.value;
			keyNode = next.key;
			best = this.position(at === 'key' ? keyNode : node) ?? this.position(keyNode) ?? best;
		}
		return best ?? { line: 1, column: 1 };
	}

	private child(node: unknown, seg: PropertyKey): { key?: unknown; value: unknown } | undefined {
		if (isSeq(node) && typeof seg === 'number') {
			const value = node.items[seg];
			return value === undefined ? undefined : { value };
		}
		if (isMap(node)) {
			const pair = this.keysOf(node).get(String(seg));
			if (pair) return { key: pair.key, value: pair.value ?? pair.key };
		}
		return undefined;
	}

	/**
	 * A mapping's pairs by key (the first of equal keys), made once per mapping: a file with
	 * thousands of misspelt keys gets thousands of located errors, each a lookup here.
	 */
	private readonly keyIndex = new WeakMap<YAMLMap, Map<string, { key: unknown; value: unknown }>>();
	private keysOf(node: YAMLMap) {
		let index = this.keyIndex.get(node);
		if (!index) {
			index = new Map();
			for (const pair of node.items) {
				if (!isPair(pair)) continue;
				const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
				if (!index.has(key)) index.set(key, pair);
			}
			this.keyIndex.set(node, index);
		}
		return index;
	}

	private position(node: unknown): Position | undefined {
		const range = (node as Node | undefined)?.range;
		if (!range) return undefined;
		const { line, col } = this.lines.linePos(range[0]);
		return { line, column: col };
	}
}
