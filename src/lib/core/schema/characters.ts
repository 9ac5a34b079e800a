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
