import type { Diagnostic } from '../load/diagnostic';
import { CLAIM_TEXT_MAX, CLAIM_TITLE_MAX, FORMAT_VERSION } from '../schema/debate';
import { characterCount, firstCharacters, normalizeText } from '../schema/characters';
import { detectLanguage } from './language';

/**
 * Helpers for decoders that build a Counterpoint debate out of another format: ids that fit
 * the schema, texts that fit its limits (with a warning instead of silent loss), and the frame
 * of an imported debate.
 */

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * A schema-valid id made from `wanted` (a Kialo number, an AIF nodeID, an Argdown title),
 * unique among `taken`, which it joins. Readable where the input allows: `Big Tech` → `big-tech`.
 */
export function makeId(wanted: string, taken: Set<string>, prefix = 'c'): string {
	let base = wanted
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9_.-]+/g, '-')
		.replace(/^[-_.]+|[-_.]+$/g, '')
		.slice(0, 48);
	if (!base || !/^[a-z0-9]/.test(base)) base = `${prefix}${base ? `-${base}` : ''}`;
	if (!ID_PATTERN.test(base)) base = prefix;
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	taken.add(id);
	return id;
}

/** A claim's text cut to the schema's limit; the full text goes to `detail` when it had to be cut. */
export function fitClaimText(
	text: string,
	max = CLAIM_TEXT_MAX
): { text: string; detail?: string; shortened: boolean } {
	const clean = normalizeText(text.replace(/\s+/g, ' ').trim());
	// Counted as the schema counts: characters as a reader sees them, never cut in half.
	if (characterCount(clean) <= max) return { text: clean, shortened: false };
	const cut = firstCharacters(clean, max - 1);
	const space = cut.lastIndexOf(' ');
	const short = (space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + '…';
	return { text: short, detail: clean, shortened: true };
}

/** A short title (≤ 48 characters) from a longer name, or undefined when none is needed. */
export function fitTitle(title: string | undefined): string | undefined {
	if (!title) return undefined;
	const clean = title.replace(/\s+/g, ' ').trim();
	if (!clean) return undefined;
	return clean.length <= CLAIM_TITLE_MAX ? clean : clean.slice(0, CLAIM_TITLE_MAX - 1) + '…';
}

/** A warning about the input, located where it was found. */
export function warning(
	file: string,
	line: number,
	message: string,
	hint?: string,
	path = ''
): Diagnostic {
	return { severity: 'warning', file, line, column: line > 0 ? 1 : 0, path, message, hint };
}

/** An error in the input, located where it was found. */
export function error(file: string, line: number, message: string, hint?: string): Diagnostic {
	return { severity: 'error', file, line, column: line > 0 ? 1 : 0, path: '', message, hint };
}

/** The frame of an imported debate; the decoder fills in thesis, claims and sources. */
export function importedFrame(options: {
	id: string;
	title: string;
	format: string;
	file: string;
	language?: string;
}) {
	return {
		formatVersion: FORMAT_VERSION,
		id: makeId(options.id, new Set(), 'debate'),
		title: options.title.replace(/\s+/g, ' ').trim() || 'Imported debate',
		summary: `Imported from ${options.format} (${options.file}).`,
		language: options.language ?? 'en',
		tags: [] as { id: string; label: string }[],
		actors: [] as { id: string; name: string }[],
		sources: [] as Record<string, unknown>[],
		claims: [] as Record<string, unknown>[]
	};
}

/** The language of a short text (a quote, a source's title): `en` when it does not tell. */
export function guessLanguage(texts: Iterable<string>): string {
	return detectLanguage(texts).language;
}

/**
 * The language of an imported debate's texts, with a note when they do not tell (then `en`),
 * so no language is assumed without a word.
 */
export function debateLanguage(
	texts: Iterable<string>,
	note: (message: string, hint: string) => void
): string {
	const found = detectLanguage(texts);
	if (!found.sure)
		note(
			'the language of the texts could not be told; the debate was marked as English (en)',
			'if it is another, set `language` in the debate once saved (e.g. language: de)'
		);
	return found.language;
}
