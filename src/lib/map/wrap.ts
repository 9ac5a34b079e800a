/** Measures the width of a string in pixels for a given font size. */
export type Measure = (text: string, fontSize: number, weight?: 'normal' | 'bold') => number;

/**
 * A measure that needs no canvas: CJK characters are one em wide, Latin letters about half.
 * Used in node (tests, build-time layout) and wherever a canvas is not available.
 */
export const estimateWidth: Measure = (text, fontSize, weight = 'normal') => {
	let em = 0;
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (code >= 0x2e80)
			em += 1; // CJK, full-width punctuation
		else if (/[mwMW@%]/.test(ch)) em += 0.85;
		else if (/[A-Z0-9]/.test(ch)) em += 0.66;
		else if (/[ilj.,:;'!|()\s]/.test(ch)) em += 0.3;
		else em += 0.54;
	}
	return em * fontSize * (weight === 'bold' ? 1.08 : 1);
};

/** Splits text into pieces that may end a line: words (and hyphenated parts) for Latin, characters for CJK. */
export function breakable(text: string): string[] {
	const pieces: string[] = [];
	const re =
		/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef][\u3000-\u303f\uff0c\uff0e\uff1a\uff1b\uff01\uff1f]?|[^ \t\r\n\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef-]+(?:-+|[ \t\r\n]*)|-+[ \t\r\n]*|[ \t\r\n]+/gu;
	for (const m of text.matchAll(re)) pieces.push(m[0]);
	return pieces;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest start of `word` no wider than `maxWidth`, cut between characters (never inside an
 * emoji or an accented letter); at least one character, so that wrapping always moves on.
 * Found by halving: a pasted address of a hundred characters costs a handful of measurements.
 */
function fittingStart(word: string, maxWidth: number, width: (s: string) => number): string {
	const ends = [...graphemes.segment(word)].map((g) => g.index + g.segment.length);
	let lo = 0; // ends[lo] fits (or is the one character taken whatever its width)
	let hi = ends.length - 1;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (width(word.slice(0, ends[mid])) <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	return word.slice(0, ends[lo]);
}

/**
 * Wraps text into lines no wider than `maxWidth`. Latin text breaks between words, CJK text
 * between characters, never before closing punctuation. A word wider than a line (a pasted web
 * address) is cut between characters, wherever it stands, so no line is wider than the card.
 */
export function wrapText(
	text: string,
	maxWidth: number,
	fontSize: number,
	measure: Measure = estimateWidth,
	weight: 'normal' | 'bold' = 'normal'
): string[] {
	const width = (s: string) => measure(s, fontSize, weight);
	const lines: string[] = [];
	let line = '';
	for (const piece of breakable(text.replace(/[ \t\r\n]+/g, ' ').trim())) {
		const candidate = line + piece;
		if (line === '' || width(candidate.trimEnd()) <= maxWidth) line = candidate;
		else {
			lines.push(line.trimEnd());
			line = piece.trimStart();
		}
		// A word wider than the line: cut it so it cannot spill out of the card.
		while (width(line.trimEnd()) > maxWidth) {
			const start = fittingStart(line, maxWidth, width);
			if (start.length === line.length) break;
			lines.push(start);
			line = line.slice(start.length);
		}
	}
	if (line.trim() !== '') lines.push(line.trimEnd());
	return lines;
}
