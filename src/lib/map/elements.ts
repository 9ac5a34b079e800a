import type { ArgumentGraph } from '../core/model';
import { textIn } from '../core/schema/text';
import { estimateWidth, wrapText, type Measure } from './wrap';

/** Sizes of a node on the map, in model pixels (at zoom 1). */
export const NODE = {
	width: 268,
	thesisWidth: 340,
	padding: 14,
	/** One font for every claim's full text, the thesis's too (it is told apart by weight and fill). */
	fontSize: 15,
	lineHeight: 1.3,
	/** Width of the left band that shows which side of the thesis a claim is on. */
	bandWidth: 10,
	/** Height of the strip at the bottom that shows the claim's label and strength. */
	footer: 24
} as const;

/**
 * Words the map writes into node headers; the UI language supplies them (`mapWords(lang)` in
 * components/claim-words.ts builds them from messages/*.json). English is the default.
 */
export interface MapWords {
	thesis: string;
	/** Header of a claim at the top beside the thesis, arguing for nothing (a forest's other roots). */
	rootClaim: string;
	/** The same for a question at the top that is not the debate's thesis. */
	rootQuestion: string;
	pro: string;
	con: string;
	forThesis: string;
	againstThesis: string;
	/** The whole header of an objection that answers an objection (a con arguing for the thesis). */
	answersObjection: string;
	/** The whole header of a support of an objection (a pro arguing against the thesis). */
	backsObjection: string;
	/** "⊕ 4 hidden: 3 for, 1 against" under a folded claim. */
	hidden: (n: { for: number; against: number }) => string;
}

export const ENGLISH_MAP_WORDS: MapWords = {
	thesis: 'THESIS',
	rootClaim: 'TOP-LEVEL CLAIM',
	rootQuestion: 'QUESTION',
	pro: '＋ Pro',
	con: '− Con',
	forThesis: 'for thesis',
	againstThesis: 'against thesis',
	answersObjection: '− Answers an objection',
	backsObjection: '＋ Backs an objection',
	hidden: (n) => `⊕ ${n.for + n.against} folded: ${n.for} for, ${n.against} against`
};

export interface NodeData {
	id: string;
	label: string;
	width: number;
	height: number;
	/** Rendered font size in model pixels. */
	fontSize: number;
	/** The zoomed-out label: glyph and short title, in `BRIEF_FONT_SIZE` like every claim's. */
	brief: string;
	briefFontSize: number;
	/** Zoomed out far: one large sign (◆ thesis, ? question, ■ other root, + pro, − con). */
	far: string;
	/** The footer image (label word and strength bar); blank until the map is decorated. */
	standing: string;
	/** The footer zoomed out: the strength bar without words. */
	standingBrief: string;
}

/** A transparent pixel: the footer before there is anything to show. */
export const BLANK_IMAGE =
	"data:image/svg+xml;charset=utf-8,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

/** Labels drawn smaller than this on screen (px) give way to the short title (full texts). */
export const MIN_ZOOMED_FONT_SIZE = 6;

/**
 * Font of the zoomed-out label, model pixels: one size for every claim, so no title is drawn
 * smaller than its neighbours (or, under Cytoscape's minimum, left blank). A word too long for
 * the card is cut between letters (`wrapText`), never set in a smaller font.
 */
export const BRIEF_FONT_SIZE = 30;

/**
 * Font of the sign a claim shows zoomed out far, when even short titles would be a smudge: large
 * enough to still tell a supporting claim from an objection at the map's widest zoom.
 */
export const FAR_FONT_SIZE = 72;

/** The short label, wrapped to the card in the one zoomed-out font. */
function briefLines(text: string, width: number, measure: Measure): string[] {
	return wrapText(text, width, BRIEF_FONT_SIZE, measure, 'bold');
}

/** A short title for the zoomed-out map: the claim's own `title`, else its first words. */
function gist(text: string, max = 40): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.，。；：]+$/u, '') + '…';
}

export interface EdgeData {
	id: string;
	/** The claim argued about: drawn above, where the arrow head points. */
	source: string;
	/** The claim doing the arguing. */
	target: string;
}

export interface MapElements {
	nodes: { data: NodeData; classes: string }[];
	edges: { data: EdgeData; classes: string }[];
}

export interface ElementOptions {
	lang: string;
	measure?: Measure;
	words?: MapWords;
	/** Draw only these claims (and relations between them); all when absent. */
	include?: ReadonlySet<string>;
	/** Folded claims and what they hide, written under their text. */
	folded?: ReadonlyMap<string, { for: number; against: number }>;
}

/**
 * Turns the argument graph into Cytoscape element definitions: one node per claim with its
 * label pre-wrapped (so node size and text agree exactly), one edge per relation. Classes carry
 * every visual distinction; the stylesheet decides how each looks.
 */
export function toElements(graph: ArgumentGraph, options: ElementOptions): MapElements {
	const measure = options.measure ?? estimateWidth;
	const words = options.words ?? ENGLISH_MAP_WORDS;
	const primary = graph.debate.language;
	const include = options.include;
	const ids = include ? graph.order.filter((id) => include.has(id)) : graph.order;
	const nodes = ids.map((id) => {
		const claim = graph.claims.get(id)!;
		const isThesis = id === graph.debate.thesis;
		const isRoot = claim.target === undefined;
		const fontSize = NODE.fontSize;
		const width = isThesis ? NODE.thesisWidth : NODE.width;
		const inner = width - 2 * NODE.padding - (isRoot ? 0 : NODE.bandWidth);
		const text = textIn(claim.text, options.lang, primary);
		const lines = wrapText(text, inner, fontSize, measure, isThesis ? 'bold' : 'normal');
		const side = graph.side.get(id) ?? 1;
		// An objection to an objection, or a support of one, is said in words, not as "Con · for
		// thesis": the two-part header reads as a contradiction to a class.
		const header =
			(claim.contributor ? '✎ ' : '') +
			(isThesis
				? words.thesis
				: isRoot
					? claim.kind === 'question'
						? words.rootQuestion
						: words.rootClaim
					: claim.stance === 'con' && side === 1
						? words.answersObjection
						: claim.stance === 'pro' && side === -1
							? words.backsObjection
							: `${claim.stance === 'pro' ? words.pro : words.con} · ${side === 1 ? words.forThesis : words.againstThesis}`);
		const hidden = options.folded?.get(id);
		if (hidden) lines.push(...wrapText(words.hidden(hidden), inner, fontSize, measure));
		const label = [header, ...lines].join('\n');
		const title = textIn(claim.title, options.lang, primary) || gist(text);
		// A no-break space keeps the glyph on the same line as the first word.
		const glyph = isRoot ? '' : claim.stance === 'pro' ? '+\u00a0' : '−\u00a0';
		const brief = briefLines(glyph + title, inner, measure);
		// Zoomed out, a folded claim still says that it hides something, in the same large type.
		if (hidden) brief.push(`⊕ ${hidden.for + hidden.against}`);
		// Tall enough for the full text and for the short title, whichever the zoom shows.
		const height = Math.ceil(
			Math.max(
				(lines.length + 1) * fontSize * NODE.lineHeight,
				brief.length * BRIEF_FONT_SIZE * 1.2
			) +
				2 * NODE.padding +
				NODE.footer
		);
		// Only the debate's thesis is drawn as the thesis; other roots (an imported forest) are
		// drawn as separate top-level claims, light with a heavy border.
		const classes = [
			isThesis ? 'thesis' : isRoot ? 'root' : claim.stance,
			isRoot ? '' : side === 1 ? 'side-for' : 'side-against',
			claim.contributor ? 'contribution' : ''
		];
		const data = {
			id,
			label,
			width,
			height,
			fontSize,
			brief: brief.join('\n'),
			briefFontSize: BRIEF_FONT_SIZE,
			far: isThesis ? '◆' : isRoot ? (claim.kind === 'question' ? '?' : '■') : glyph.trim(),
			standing: BLANK_IMAGE,
			standingBrief: BLANK_IMAGE
		};
		return { data, classes: classes.filter(Boolean).join(' ') };
	});
	const relations = include
		? graph.relations.filter(
				(r) =>
					include.has(r.from) &&
					include.has(r.to) &&
					(!r.undercuts || (include.has(r.undercuts.from) && include.has(r.undercuts.to)))
			)
		: graph.relations;
	const edges = relations.map((r) => ({
		data: { id: r.id, source: r.to, target: r.from },
		classes: [r.stance, r.primary ? 'main' : 'also', r.undercuts ? 'undercut' : '']
			.filter(Boolean)
			.join(' ')
	}));
	return { nodes, edges };
}
