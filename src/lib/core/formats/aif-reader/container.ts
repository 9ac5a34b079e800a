import type { Diagnostic } from '../../load/diagnostic';
import { jsonErrorAt, type Lines } from '../../load/json';
import { error } from '../build';
import { isObject, own, shortTitle, textOf, type Json, type JsonObject } from './model';
import { keyLine } from './positions';
import { fromSadface, looksLikeSadface, sadfaceAbout } from './sadface';

/** What the file's outer JSON gives: which kind of AIF it is, its node and edge lists. */
export interface AifFile {
	/** AIFdb, OVA3, xAIF or SADFace. */
	variant: string;
	/** The object holding the lists: the root, or OVA3's `AIF`. */
	container: JsonObject;
	/** The key of a node's id: `nodeID`, or `id` in SADFace. */
	idKey: string;
	rawNodes: Json[];
	rawEdges: Json[];
	/** The first words of an OVA text or a SADFace title; empty when the file has none. */
	title: string;
	/** What a SADFace file says about its analysis, kept in the debate's summary. */
	about: string;
}

type Read<T> = { ok: true; value: T } | { ok: false; errors: Diagnostic[] };

const AIF_SHAPE =
	'an AIF file is a JSON object with "nodes" and "edges" lists (AIFdb), or with an "AIF" object holding them (OVA3)';

/**
 * Parses JSON, or says where it is broken. No line-length limit: AIF is JSON, often minified onto
 * one line, and both JSON.parse and `jsonErrorAt` read it in one linear pass; the import size
 * cap bounds it.
 */
function parseJson(text: string, file: string, lines: Lines): Read<Json> {
	try {
		return { ok: true, value: JSON.parse(text) as Json };
	} catch (e) {
		const found = jsonErrorAt(text);
		let pos = found ? lines.at(found.offset) : { line: 0, column: 0 };
		let message = found?.message ?? (e as Error).message;
		if (!found) {
			// The scanner accepted what JSON.parse refused: fall back to the engine's position.
			const at = /position (\d+)/.exec(message);
			if (at) pos = lines.at(Number(at[1]));
			message = message.replace(/^JSON\.parse: /, '');
		}
		const at = error(
			file,
			pos.line,
			`not valid JSON: ${message}`,
			'AIF files are JSON: check the punctuation here'
		);
		return { ok: false, errors: [{ ...at, column: pos.column }] };
	}
}

/** The first words of an OVA `text` (HTML with highlighted spans) for the debate title. */
function plainText(html: string): string {
	return html
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
			const k = e.toLowerCase();
			if (k[0] === '#') {
				const code = k[1] === 'x' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
				return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
			}
			return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[k] ?? ' ';
		});
}

/**
 * Which AIF the root object is: OVA3 or xAIF (an `AIF` object, its title from `text`), SADFace
 * (its title and description from its metadata), else an AIFdb nodeset. A Counterpoint debate
 * or a damaged `AIF` is refused.
 */
function readVariant(
	root: JsonObject,
	line: (key: string) => number,
	file: string
): Read<Omit<AifFile, 'rawNodes' | 'rawEdges'>> {
	if (own(root, 'formatVersion') !== undefined) {
		const hint = 'import it as Counterpoint JSON';
		const message = 'this is a Counterpoint debate, not an AIF file';
		return { ok: false, errors: [error(file, line('formatVersion'), message, hint)] };
	}
	const aif = own(root, 'AIF');
	if (aif !== undefined) {
		if (!isObject(aif)) {
			const message = '"AIF" must be an object holding "nodes" and "edges"';
			const hint = 'this looks like an OVA3 file whose AIF part is damaged';
			return { ok: false, errors: [error(file, line('AIF'), message, hint)] };
		}
		// OVA3 saves carry their layout under "OVA"; AMF's xAIF has "ova" or none.
		const variant = own(root, 'OVA') !== undefined ? 'OVA3' : 'xAIF';
		const t = own(root, 'text');
		const title = shortTitle(plainText(isObject(t) ? textOf(own(t, 'txt')) : textOf(t)));
		return { ok: true, value: { variant, container: aif, idKey: 'nodeID', title, about: '' } };
	}
	if (looksLikeSadface(root)) {
		const meta = own(root, 'metadata');
		const core = isObject(meta) ? own(meta, 'core') : undefined;
		const title = isObject(core) ? shortTitle(textOf(own(core, 'title'))) : '';
		const about = isObject(core) ? sadfaceAbout(core) : '';
		return { ok: true, value: { variant: 'SADFace', container: root, idKey: 'id', title, about } };
	}
	return {
		ok: true,
		value: { variant: 'AIFdb', container: root, idKey: 'nodeID', title: '', about: '' }
	};
}

/** The list at `key` of the container (`null` or missing: empty), or what is wrong with it. */
function listAt(
	container: JsonObject,
	key: string,
	required: boolean,
	line: (key: string) => number,
	file: string
): Json[] | Diagnostic {
	const v = own(container, key);
	if (v === undefined && required)
		return error(file, 1, `not an AIF file: there is no "${key}" list`, AIF_SHAPE);
	if (v === undefined || v === null) return [];
	if (!Array.isArray(v))
		return error(
			file,
			line(key),
			`"${key}" must be a list, not ${typeof v === 'object' ? 'an object' : `a ${typeof v}`}`,
			`write "${key}": [ … ]`
		);
	return v;
}

/** The file's JSON as AIF: its variant and its node and edge lists, or why it is not AIF. */
export function readContainer(body: string, lines: Lines, file: string): Read<AifFile> {
	const parsed = parseJson(body, file, lines);
	if (!parsed.ok) return parsed;
	const root = parsed.value;
	if (!isObject(root))
		return {
			ok: false,
			errors: [error(file, 1, 'not an AIF file: the JSON is not an object', AIF_SHAPE)]
		};
	const line = (key: string) => keyLine(body, lines, key);
	const variant = readVariant(root, line, file);
	if (!variant.ok) return variant;
	const found = variant.value;
	if (found.variant === 'SADFace') {
		const { nodes, edges } = fromSadface(root);
		return { ok: true, value: { ...found, rawNodes: nodes, rawEdges: edges } };
	}
	const n = listAt(found.container, 'nodes', true, line, file);
	const e = listAt(found.container, 'edges', false, line, file);
	const problems = [n, e].filter((x): x is Diagnostic => !Array.isArray(x));
	if (problems.length > 0) return { ok: false, errors: problems };
	return { ok: true, value: { ...found, rawNodes: n as Json[], rawEdges: e as Json[] } };
}

/** The list at `key` of the container, or none when it is missing or not a list. */
export function optionalList(container: JsonObject, key: string): Json[] {
	const v = own(container, key);
	return Array.isArray(v) ? v : [];
}
