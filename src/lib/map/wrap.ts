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

/**
 * Wraps text into lines no wider than `maxWidth`. Latin text breaks between words (a word
 * longer than a line is cut), CJK text between characters, never before closing punctuation.
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
		if (width(candidate.trimEnd()) <= maxWidth || line === '') {
			line = candidate;
			// A single word wider than the line: cut it so it cannot spill out of the node.
			while (width(line.trimEnd()) > maxWidth && line.length > 1) {
				let cut = line.length - 1;
				while (cut > 1 && width(line.slice(0, cut)) > maxWidth) cut--;
				lines.push(line.slice(0, cut));
				line = line.slice(cut);
			}
		} else {
			lines.push(line.trimEnd());
			line = piece.trimStart();
		}
	}
	if (line.trim() !== '') lines.push(line.trimEnd());
	return lines;
}
