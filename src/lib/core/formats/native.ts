import { readDebateText } from '../load/read-text';
import { FORMATS } from './catalog';
import { debateToJson } from './json-text';
import { debateToYaml } from './native-text';
import type { Codec, DecodeResult } from './codec';

/**
 * Counterpoint's own format, as YAML (what `arguments/` holds) and as JSON. Lossless: every
 * field of the schema is written, and reading it back gives the same debate.
 */

function decodeNative(text: string, file: string): DecodeResult {
	const read = readDebateText(text, file);
	return read.ok
		? { ok: true, data: read.data, warnings: [], locate: read.locate }
		: { ok: false, errors: read.errors, warnings: [] };
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
