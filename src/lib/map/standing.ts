import type { Label } from '../core/evaluate';
import { NODE } from './elements';
import { FONT } from './style';

/** How a claim stands once objections are weighed, as the node's footer shows it. */
export interface Standing {
	label?: Label;
	strength?: number;
	/** Struck out by a what-if. */
	struck?: boolean;
	/** The label before the what-if, when it flipped. */
	was?: Label;
}

/** Glyph and word for each label: read as text, never told by colour alone. */
export const LABEL_WORDS: Record<Label, string> = {
	IN: '✓ holds',
	OUT: '✗ contested',
	UNDEC: '? unsettled'
};

/** The footer's words in the UI language (claim-words.ts builds them from the messages). */
export interface StandingWords {
	/** Glyph and word for each label. */
	labels: Record<Label, string>;
	/** One label's word in "OUT → IN", when a what-if flips it. */
	flip: (label: Label) => string;
	struck: string;
}

export const ENGLISH_STANDING_WORDS: StandingWords = {
	labels: LABEL_WORDS,
	flip: (label) => label,
	struck: '✂ struck out (what-if)'
};

/**
 * About how wide a footer's words are at its 13 px bold: CJK characters are square, other
 * characters about 0.6 em. An estimate (no canvas here) erring wide, so the bar never covers them.
 */
export function textWidth(text: string): number {
	let w = 0;
	for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 13.5 : 8;
	return w;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The footer zoomed out, where its words would be a few pixels tall: the strength bar alone,
 * its fill rounded to 2 %, so claims of like strength share one image. Images without text are
 * far cheaper for the browser to draw, and a big map opens and pans faster for it (`npm run
 * bench`); the words return as soon as the map is zoomed in far enough to read them.
 */
function briefStandingImage(
	standing: Standing,
	width: number,
	options: { inset: number; dark: boolean }
): string {
	const h = NODE.footer;
	const ink = options.dark ? '#FFFFFF' : '#1F2937';
	const track = options.dark ? '#64748B' : '#9CA3AF';
	const left = options.inset;
	const barW = width - NODE.padding - left;
	let body = '';
	if (standing.struck)
		body = `<line x1='${left}' y1='${h / 2}' x2='${left + barW}' y2='${h / 2}' stroke='${ink}' stroke-width='3' stroke-dasharray='6 4'/>`;
	else if (standing.strength !== undefined) {
		const fill = Math.round((barW * Math.round(standing.strength * 50)) / 50);
		body =
			`<rect x='${left}' y='${h / 2 - 5}' width='${barW}' height='10' rx='2' fill='none' stroke='${track}' stroke-width='2'/>` +
			`<rect x='${left}' y='${h / 2 - 5}' width='${fill}' height='10' rx='2' fill='${ink}'/>`;
	}
	const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='${width}' height='${h}'>${body}</svg>`;
	return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * The footer strip of a node as an SVG data URI: label word, a strength bar (filled share =
 * strength, with a visible empty track) and the number. Drawn at twice its size so it stays
 * sharp when the map is zoomed in.
 */
export function standingImage(
	standing: Standing,
	width: number,
	options: { inset: number; dark: boolean; words?: StandingWords; brief?: boolean }
): string {
	if (options.brief) return briefStandingImage(standing, width, options);
	const words = options.words ?? ENGLISH_STANDING_WORDS;
	const h = NODE.footer;
	const ink = options.dark ? '#FFFFFF' : '#1F2937';
	const track = options.dark ? '#64748B' : '#9CA3AF';
	const left = options.inset;
	const right = width - NODE.padding;
	const font = `font-family='${escapeXml(FONT)}' font-size='13' font-weight='700' fill='${ink}'`;
	const y = h / 2 + 4.5;
	let body: string;
	if (standing.struck) {
		body = `<text x='${left}' y='${y}' ${font}>${escapeXml(words.struck)}</text>`;
	} else if (standing.label === undefined || standing.strength === undefined) {
		body = '';
	} else {
		const word =
			standing.was && standing.was !== standing.label
				? `${words.flip(standing.was)} → ${words.flip(standing.label)}`
				: words.labels[standing.label];
		// Room for the words before the bar: at least what the shortest label needs.
		const wordWidth = Math.max(78, textWidth(word) + 10);
		const barX = left + wordWidth;
		const barW = Math.max(20, right - 36 - barX);
		const fill = Math.round(barW * standing.strength * 10) / 10;
		body =
			`<text x='${left}' y='${y}' ${font}>${escapeXml(word)}</text>` +
			`<rect x='${barX}' y='${h / 2 - 4}' width='${barW}' height='8' rx='2' fill='none' stroke='${track}' stroke-width='1.5'/>` +
			`<rect x='${barX}' y='${h / 2 - 4}' width='${fill}' height='8' rx='2' fill='${ink}'/>` +
			`<text x='${right}' y='${y}' text-anchor='end' ${font}>${standing.strength.toFixed(2)}</text>`;
	}
	const svg =
		`<svg xmlns='http://www.w3.org/2000/svg' width='${width * 2}' height='${h * 2}' viewBox='0 0 ${width} ${h}'>` +
		body +
		'</svg>';
	return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
