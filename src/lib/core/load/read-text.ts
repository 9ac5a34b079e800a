import type { YAMLError } from 'yaml';
import type { Diagnostic } from './diagnostic';
import { checkYamlLines, looksLikeJson } from './lines';
import { SourceMap } from './locate';
import { parseYaml } from './yaml';

/**
 * The one way a debate's text (Counterpoint YAML or JSON) becomes data: for `npm run validate`
 * and the build (`loadDebate`), and for a file imported or pasted (the native codec). One size
 * limit, one set of messages.
 */

/**
 * Files larger than this are refused before parsing, with a message instead of a frozen tab: no
 * classroom debate comes near it; large imports from other tools (a QT30 corpus) fit.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** YAML aliases may not expand a small file into a huge one (a "billion laughs" bomb). */
export const MAX_ALIAS_COUNT = 100;

/** Where a data path sits in the text (line 0: unknown). */
export type LocateIn = (
	path: readonly PropertyKey[],
	at?: 'key' | 'value'
) => { line: number; column: number };

export type ReadText =
	{ ok: true; data: unknown; locate: LocateIn } | { ok: false; errors: Diagnostic[] };

const YAML_HINTS: Record<string, string> = {
	DUPLICATE_KEY: 'each field may appear only once in a mapping',
	TAB_AS_INDENT: 'indent with spaces, not tabs',
	BAD_INDENT: 'check that this line is indented like its siblings',
	MISSING_CHAR: 'a quote or bracket is not closed',
	BLOCK_AS_IMPLICIT_KEY: 'a value that contains ": " needs quotes',
	MULTILINE_IMPLICIT_KEY: 'a value that contains ": " needs quotes, or a key is missing its colon',
	UNEXPECTED_TOKEN: 'check the punctuation on this line; text with ": " or "#" needs quotes'
};

/** Reads the text as data, or says where and why it cannot be read. Never throws. */
export function readDebateText(text: string, file: string): ReadText {
	const fail = (errors: Diagnostic[]): ReadText => ({ ok: false, errors });
	const at = (line: number, column: number, message: string, hint?: string): Diagnostic => ({
		severity: 'error',
		file,
		line,
		column,
		path: '',
		message,
		hint
	});

	if (text.length > MAX_FILE_BYTES)
		return fail([
			at(
				0,
				0,
				`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
				'split the debate into smaller files, or remove embedded data'
			)
		]);
	// A byte-order mark is invisible in editors and harmless; drop it rather than complain.
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '')
		return fail([
			at(0, 0, 'the file is empty', 'a debate needs at least formatVersion, id, title and claims')
		]);

	// JSON the fast way; its line numbers are only worked out if a problem needs locating.
	if (looksLikeJson(body)) {
		try {
			const data: unknown = JSON.parse(body);
			let map: SourceMap | undefined;
			const locate: LocateIn = (path, where) => {
				// Only to locate: JSON.parse has read it, so the parser's own errors do not matter.
				map ??= new SourceMap(...parsedForLines(body));
				return map.locate(path, where);
			};
			return { ok: true, data, locate };
		} catch {
			// Not valid JSON: the YAML reader below says where and why.
		}
	}

	// Before the parser: a line no one can edit is refused with its number; broken JSON on one
	// long line is located by a JSON scanner instead.
	const longLine = checkYamlLines(body, file);
	if (longLine) return fail([longLine]);

	const { doc, lines, errors } = parseYaml(body);
	if (errors.length > 0) {
		return fail(
			errors.map((e: YAMLError) => {
				const opened = e.code === 'MISSING_CHAR' ? unclosedQuoteBefore(body, e.pos[0]) : undefined;
				if (opened) {
					const msg = 'not valid YAML: a quoted text starts here and is never closed';
					return at(
						opened.line,
						opened.column,
						msg,
						'add the closing quote at the end of the text'
					);
				}
				const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
				const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
				if (/call stack/i.test(message))
					return at(
						pos.line,
						pos.col,
						'the file nests lists or mappings too deeply to read',
						'a debate is a flat list of claims; check for runaway brackets'
					);
				return at(pos.line, pos.col, `not valid YAML: ${message}`, YAML_HINTS[e.code]);
			})
		);
	}
	const map = new SourceMap(doc, lines);
	try {
		const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
		return { ok: true, data, locate: (path, where) => map.locate(path, where) };
	} catch (e) {
		return fail([
			at(
				1,
				1,
				`the file could not be read: ${(e as Error).message}`,
				'remove YAML aliases (*name) that repeat large parts of the file'
			)
		]);
	}
}

/** The document and its line table, for locating paths in JSON that JSON.parse already read. */
function parsedForLines(body: string): ConstructorParameters<typeof SourceMap> {
	const { doc, lines } = parseYaml(body);
	return [doc, lines];
}

/**
 * YAML reports an unclosed quote where the file ends, which can be hundreds of lines away.
 * The last line before that with an odd number of unescaped double quotes is where it opened.
 */
function unclosedQuoteBefore(
	text: string,
	offset: number
): { line: number; column: number } | undefined {
	const lines = text.slice(0, offset).split('\n');
	for (let i = lines.length - 1; i >= 0; i--) {
		const line = lines[i]!;
		const quotes = [...line.matchAll(/(?<!\\)"/g)];
		if (quotes.length % 2 === 1)
			return { line: i + 1, column: quotes[quotes.length - 1]!.index! + 1 };
	}
	return undefined;
}
