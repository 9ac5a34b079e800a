import { LineCounter, parseDocument } from 'yaml';
import { checkYamlLines, looksLikeJson } from '../load/lines';
import { MAX_ALIAS_COUNT } from '../load/load';
import { SourceMap } from '../load/locate';
import { parseYaml } from '../load/yaml';
import { error } from './build';
import { FORMATS } from './catalog';
import { debateToJson } from './json-text';
import { debateToYaml } from './native-text';
import type { Codec, DecodeResult, Locate } from './codec';

/**
 * Counterpoint's own format, as YAML (what `arguments/` holds) and as JSON. Lossless: every
 * field of the schema is written, and reading it back gives the same debate.
 */

function decodeNative(text: string, file: string): DecodeResult {
	// JSON the fast way; its line numbers are only worked out if a problem needs locating.
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (looksLikeJson(body)) {
		try {
			const data: unknown = JSON.parse(body);
			let map: SourceMap | undefined;
			const locate: Locate = (path, at) => {
				if (!map) {
					const counter = new LineCounter();
					// Only to locate: JSON.parse has read it, duplicate keys are not looked for again.
					map = new SourceMap(
						parseDocument(body, { lineCounter: counter, uniqueKeys: false }),
						counter
					);
				}
				return map.locate(path, at);
			};
			return { ok: true, data, warnings: [], locate };
		} catch {
			// Not valid JSON: the YAML reader below says where and why.
		}
	}
	// Before the YAML parser: a line no one can edit is refused with its number; broken JSON on
	// one long line is located by a JSON scanner instead.
	const longLine = checkYamlLines(body, file);
	if (longLine) return { ok: false, errors: [longLine], warnings: [] };
	const { doc, lines, errors: problems } = parseYaml(body);
	if (problems.length > 0) {
		const errors = problems.map((e) => {
			const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
			return {
				...error(file, pos.line, `not valid YAML or JSON: ${e.message.split('\n')[0]}`),
				column: pos.col
			};
		});
		return { ok: false, errors, warnings: [] };
	}
	try {
		const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
		const map = new SourceMap(doc, lines);
		return { ok: true, data, warnings: [], locate: (path, at) => map.locate(path, at) };
	} catch (e) {
		return {
			ok: false,
			errors: [error(file, 1, `the file could not be read: ${(e as Error).message}`)],
			warnings: []
		};
	}
}

/**
 * A line of Counterpoint YAML: any line that starts with one of our keys. Not `^(#…\n|\s)*key`
 * with /m: on 64 KB of blank lines that retried the whole run from every line and took 16 s.
 */
export const YAML_SIGNATURE = /^\uFEFF?[ \t]*(?:\$schema|formatVersion)[ \t]*:/m;
/** Counterpoint JSON: an object with `formatVersion` near its start. */
export const JSON_SIGNATURE = /^\uFEFF?\s*\{[\s\S]{0,2000}"formatVersion"\s*:/;

export const yamlCodec: Codec<'yaml'> = {
	...FORMATS.yaml,
	sniff: (text) => (YAML_SIGNATURE.test(text) ? 0.9 : 0),
	decode: async (text, { file }) => decodeNative(text, file),
	encode: debateToYaml
};

export const jsonCodec: Codec<'json'> = {
	...FORMATS.json,
	sniff: (text) => (JSON_SIGNATURE.test(text) ? 0.95 : 0),
	// JSON is YAML: one parser gives the same located messages for both.
	decode: async (text, { file }) => decodeNative(text, file),
	encode: debateToJson
};
