// Counting characters as people see them, with no zod: the add-a-claim form's counter and the
// schema's length check both use this, so what the counter shows is what the check allows.

/**
 * A text as stored: Unicode NFC, so that "é" typed as e + a combining accent and "é" typed as one
 * character are the same text, with the same length.
 */
export const normalizeText = (text: string): string => text.normalize('NFC');

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Text in which every UTF-16 unit is a character of its own: printable ASCII, tabs, LF. */
const SIMPLE = /^[\t\n\x20-\x7e]*$/;

/**
 * How many characters `text` has as a reader counts them: grapheme clusters (a 🦙, an "é" made of
 * two code points and a flag are one each), after normalising to NFC.
 */
export function characterCount(text: string): number {
	const nfc = normalizeText(text);
	// Most texts are plain ASCII, where a character is a UTF-16 unit (CR is left out: CR LF is one).
	if (SIMPLE.test(nfc)) return nfc.length;
	let n = 0;
	for (const _ of graphemes.segment(nfc)) n++;
	return n;
}

/** The first `max` characters of `text` (grapheme clusters), never half of one. */
export function firstCharacters(text: string, max: number): string {
	if (SIMPLE.test(text)) return text.slice(0, max);
	let end = 0;
	let n = 0;
	for (const { index, segment } of graphemes.segment(text)) {
		if (n++ === max) break;
		end = index + segment.length;
	}
	return text.slice(0, end);
}

/**
 * A character that shows: anything but white space, invisible format characters (zero-width
 * space and joiners, word joiner, byte-order mark, variation selectors, fillers: Unicode's
 * default-ignorable code points), control characters and combining marks, which draw nothing
 * without a character to sit on.
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{M}]/u;

/** Whether `text` has at least one character a reader can see; a card of none would be blank. */
export const hasVisibleCharacter = (text: string): boolean => VISIBLE.test(text);

/**
 * What is not text at all: Unicode's non-characters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last
 * two of every plane), which no script uses and XML cannot carry (an SVG export with one is not
 * an image), and half of a character (a lone surrogate: text cut inside an emoji).
 */
export const NOT_TEXT = /[\p{Noncharacter_Code_Point}\p{Cs}]/u;

/** `U+FFFF`: how a character is named in messages. */
export const codePointOf = (ch: string): string =>
	`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first character of `text` that is not text (see {@link NOT_TEXT}), if any. */
export const firstNotText = (text: string): string | undefined => NOT_TEXT.exec(text)?.[0];
