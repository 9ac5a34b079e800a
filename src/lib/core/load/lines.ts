import type { Diagnostic } from './diagnostic';
import { jsonErrorAt, Lines } from './json';

/**
 * How long a line of a text format may be, checked in one pass before any parser sees the text.
 * The parsers are not the reason — YAML reads a 15 MB line in linear time — but nobody writes a
 * line of 100,000 characters (15,000 words) by hand: such a line is pasted binary, a generated
 * file gone wrong or a text that should be a source, and an author must be able to open the line
 * in an editor to fix it. No field may be that long either (the longest text the schema allows
 * is 10,000 characters), so a line holding one field, as Counterpoint writes YAML and Kialo
 * text, is always well within it.
 *
 * - YAML (`arguments/`, imports): {@link MAX_LINE_LENGTH}.
 * - Kialo text: {@link MAX_LINE_LENGTH}; a claim's text and its footnote marks share a line.
 * - Argdown: {@link MAX_ARGDOWN_LINE_LENGTH}, ten times more, because Counterpoint's own Argdown
 *   export writes a claim's data (detail, note, every quote and translation) as JSON on the
 *   statement's line: a claim with every text at its limit, in two languages, with 20 quotes,
 *   still fits, so whatever we write we can read back. (`@argdown/core` is slow on some inputs
 *   whatever their line length; that is an accepted risk in docs/threat-model.md.)
 * - JSON (Counterpoint JSON, AIF JSON): no line limit. Minified JSON is one line of megabytes
 *   by design, JSON.parse reads it in one linear pass, and when it is broken `jsonErrorAt` (one
 *   linear pass too) says where, so no YAML parser ever sees the long line. The file-size caps
 *   (5 MB for `arguments/`, 20 MB for imports) bound it.
 */
export const MAX_LINE_LENGTH = 100_000;
/** See {@link MAX_LINE_LENGTH}. */
export const MAX_ARGDOWN_LINE_LENGTH = 1_000_000;

export interface LongLine {
	/** 1-based. */
	line: number;
	/** In characters: a pair of UTF-16 surrogates (an emoji) counts once. */
	length: number;
}

/**
 * The first line of `text` longer than `limit` characters, and its whole length. One pass over
 * the characters, no regular expression; LF, CR and CRLF end a line, as in YAML.
 */
export function findLongLine(text: string, limit: number): LongLine | undefined {
	// No line can be longer than the text: most files end here.
	if (text.length <= limit) return undefined;
	let line = 1;
	let length = 0;
	let found = 0;
	const n = text.length;
	for (let i = 0; i < n; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || c === 13) {
			if (found) break;
			if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
			line++;
			length = 0;
		} else if (c < 0xdc00 || c > 0xdfff) {
			// A low surrogate is the second half of a character already counted.
			if (++length > limit && !found) found = line;
		}
	}
	return found ? { line: found, length } : undefined;
}

const count = (n: number) => n.toLocaleString('en-US');

/** `line 3 is 2,345,678 characters long; the limit is 100,000`, at the start of that line. */
export function longLineError(
	file: string,
	found: LongLine,
	limit: number,
	hint: string
): Diagnostic {
	return {
		severity: 'error',
		file,
		line: found.line,
		column: 1,
		path: '',
		message: `line ${count(found.line)} is ${count(found.length)} characters long; the limit is ${count(limit)}`,
		hint
	};
}

/** The long-line error for `text`, if some line is over `limit`; `hint` says how to fix it. */
export function lineTooLong(
	text: string,
	file: string,
	limit: number,
	hint: string
): Diagnostic | undefined {
	const long = findLongLine(text, limit);
	return long ? longLineError(file, long, limit, hint) : undefined;
}

const YAML_HINT =
	'break the text into lines: in YAML a text may go on over several lines (write "key: >" and indent the lines below it); a passage that long belongs in a source, not in the debate';

/** True when the text is meant as JSON rather than block YAML. Anchored: one attempt. */
export const looksLikeJson = (text: string) => /^\s*[{[]/.test(text);

/**
 * The line check that runs before the YAML parser, for text that may be YAML or JSON. JSON
 * (starting with `{` or `[`) is exempt if it is valid; broken JSON with a long line is located by
 * `jsonErrorAt` instead, since its author meant JSON and a line count would not help. Returns a
 * located error, or undefined to go on parsing.
 */
export function checkYamlLines(body: string, file: string): Diagnostic | undefined {
	const long = findLongLine(body, MAX_LINE_LENGTH);
	if (!long) return undefined;
	if (looksLikeJson(body)) {
		const broken = jsonErrorAt(body);
		if (!broken) return undefined;
		const at = new Lines(body).at(broken.offset);
		return {
			severity: 'error',
			file,
			line: at.line,
			column: at.column,
			path: '',
			message: `not valid JSON: ${broken.message}`,
			hint: 'check the punctuation here; if the file is YAML rather than JSON, break its long lines'
		};
	}
	return longLineError(file, long, MAX_LINE_LENGTH, YAML_HINT);
}
