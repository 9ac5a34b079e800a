import {
	isMap,
	isPair,
	isScalar,
	isSeq,
	LineCounter,
	parseDocument,
	YAMLParseError,
	type Document,
	type YAMLError
} from 'yaml';

export interface ParsedYaml {
	doc: Document.Parsed;
	lines: LineCounter;
	/** The parser's errors and duplicate keys, in the order they stand in the text. */
	errors: YAMLError[];
}

/**
 * Parses YAML (or JSON) text for the readers. Duplicate keys are found here, in one pass with a
 * set per mapping, and reported as `yaml` reports them (DUPLICATE_KEY, at the second key): the
 * library's own check (`uniqueKeys`) compares each key with every key before it, so one mapping
 * of 100,000 keys — a 1.5 MB file — took minutes. Callers check line lengths first.
 */
export function parseYaml(text: string): ParsedYaml {
	const lines = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
	const errors = [...doc.errors, ...duplicateKeys(doc)].sort((a, b) => a.pos[0] - b.pos[0]);
	return { doc, lines, errors };
}

/**
 * Keys that repeat a key of the same mapping, with `yaml`'s notion of equal: the same scalar value
 * (so `1` and `"1"` differ). Iterative, so deep nesting cannot overflow the stack.
 */
function duplicateKeys(doc: Document.Parsed): YAMLParseError[] {
	const out: YAMLParseError[] = [];
	const stack: unknown[] = [doc.contents];
	while (stack.length > 0) {
		const node = stack.pop();
		if (isMap(node)) {
			const seen = new Set<string>();
			for (const pair of node.items) {
				const key = pair.key;
				if (isScalar(key)) {
					const id = `${typeof key.value}:${String(key.value)}`;
					if (seen.has(id) && key.range)
						out.push(
							new YAMLParseError(
								[key.range[0], key.range[1]],
								'DUPLICATE_KEY',
								'Map keys must be unique'
							)
						);
					seen.add(id);
				} else stack.push(key);
				stack.push(pair.value);
			}
		} else if (isSeq(node)) {
			for (const item of node.items) stack.push(isPair(item) ? item.value : item);
		}
	}
	return out;
}
