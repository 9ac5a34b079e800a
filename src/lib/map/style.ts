import { FAR_FONT_SIZE, MIN_ZOOMED_FONT_SIZE, NODE } from './elements';

/**
 * Okabe–Ito colours, safe for the common colour-vision deficiencies. Every distinction made
 * with colour is made a second way too: border style, arrow shape, glyph and header word.
 */
export const PALETTE = {
	pro: '#0072B2',
	proFill: '#EAF3FA',
	con: '#D55E00',
	conFill: '#FCEEE6',
	thesis: '#1B2430',
	ink: '#111827',
	selected: '#E69F00',
	faded: '#9CA3AF',
	/** Search matches and "next to argue" picks. */
	hit: '#009E73',
	/** Claims a what-if changed. */
	changed: '#CC79A7',
	/** Fill of claims added in class (their header also starts with ✎). */
	contributionFill: '#FFF6CC'
} as const;

export type Palette = { readonly [K in keyof typeof PALETTE]: string };

/**
 * The same colours, darker, for readers who ask for more contrast: pro and con borders and
 * bands at 7:1 or more against their fills, black text, hits and what-if rings at 4.5:1 or more.
 */
export const STRONG_PALETTE: Palette = {
	pro: '#004F7C',
	proFill: '#EAF3FA',
	con: '#8F3600',
	conFill: '#FCEEE6',
	thesis: '#000000',
	ink: '#000000',
	selected: '#E69F00',
	faded: '#4B5563',
	hit: '#00704F',
	changed: '#9C2F73',
	contributionFill: '#FFF6CC'
};

/**
 * Readers who asked for more contrast (an operating-system or browser setting), or whose system
 * forces its own colours: the map (a canvas no system recolours) gets its high-contrast variant.
 */
export const MORE_CONTRAST = '(prefers-contrast: more), (forced-colors: active)';

export interface MapStyleOptions {
	/** `more`: thicker borders and lines, darker pro/con colours, black text, faded claims still readable. */
	contrast?: 'normal' | 'more';
}

/** Fonts with good CJK coverage on Linux, macOS and Windows, used for node labels and measuring. */
export const FONT =
	'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Segoe UI", sans-serif';

type Style = { selector: string; style: Record<string, string | number> };

/** A left band in the colour of the side of the thesis the claim ends up on. */
function band(colour: string, fill: string): Record<string, string | number> {
	const edge = `${((NODE.bandWidth / NODE.width) * 100).toFixed(2)}%`;
	return {
		'background-fill': 'linear-gradient',
		'background-gradient-direction': 'to-right',
		'background-gradient-stop-colors': `${colour} ${colour} ${fill} ${fill}`,
		'background-gradient-stop-positions': `0% ${edge} ${edge} 100%`
	};
}

/** Line widths and opacities: the high-contrast variant draws bolder and fades less. */
const WEIGHTS = {
	normal: {
		border: 3,
		thesisBorder: 4,
		focusBorder: 6,
		edge: 4,
		alsoEdge: 2,
		selectedEdge: 5,
		arrowScale: 1.8,
		alsoArrowScale: 1.2,
		selectedOpacity: 0.55,
		context: 0.5,
		contextEdge: 0.35,
		dim: 0.28,
		dimEdge: 0.2,
		struck: 0.55,
		struckEdge: 0.25,
		also: 0.55
	},
	// Faded claims stay readable: at 0.7 opacity or more, black text keeps 7.9:1 against the faded
	// fill and the footer's words 5.1:1 (the normal fades, down to 0.28, fall far below 4.5:1).
	more: {
		border: 5,
		thesisBorder: 6,
		focusBorder: 9,
		edge: 6,
		alsoEdge: 4,
		selectedEdge: 8,
		arrowScale: 1.5,
		alsoArrowScale: 1.2,
		selectedOpacity: 0.9,
		context: 0.8,
		contextEdge: 0.6,
		dim: 0.7,
		dimEdge: 0.45,
		struck: 0.75,
		struckEdge: 0.5,
		also: 0.85
	}
} as const;

/** The map's stylesheet as data: the component hands it to Cytoscape unchanged. */
export function mapStyle(options: MapStyleOptions = {}): Style[] {
	const more = options.contrast === 'more';
	const P: Palette = more ? STRONG_PALETTE : PALETTE;
	const W = WEIGHTS[more ? 'more' : 'normal'];
	return [
		{
			selector: 'node',
			style: {
				shape: 'round-rectangle',
				width: 'data(width)',
				height: 'data(height)',
				label: 'data(label)',
				'font-family': FONT,
				'font-size': 'data(fontSize)',
				'line-height': NODE.lineHeight,
				color: P.ink,
				'text-wrap': 'wrap',
				'text-max-width': '1000px',
				'text-halign': 'center',
				'text-valign': 'center',
				'text-justification': 'left',
				'border-width': W.border,
				'background-color': '#FFFFFF',
				// Hide text that would be too small to read rather than show a smudge.
				'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
				// The footer strip (label word, strength bar, number) sits under the text.
				'text-margin-y': -NODE.footer / 2,
				'background-image': 'data(standing)',
				'background-width': '100%',
				'background-height': NODE.footer,
				'background-position-x': '0%',
				'background-position-y': '100%',
				'background-fit': 'none',
				'background-clip': 'node',
				'background-image-containment': 'inside',
				'background-image-opacity': 1
			}
		},
		{
			selector: 'node.thesis',
			style: {
				'background-color': P.thesis,
				'border-color': P.thesis,
				color: '#FFFFFF',
				'font-weight': 'bold',
				'border-width': W.thesisBorder
			}
		},
		{
			// Another root beside the thesis (an imported forest): top-level, but not the thesis.
			selector: 'node.root',
			style: {
				'background-color': '#FFFFFF',
				'border-color': P.thesis,
				'font-weight': 'bold',
				'border-width': W.thesisBorder
			}
		},
		{
			selector: 'node.pro',
			style: {
				'border-color': P.pro,
				'border-style': 'solid',
				'background-color': P.proFill
			}
		},
		{
			selector: 'node.con',
			style: {
				'border-color': P.con,
				'border-style': 'dashed',
				'border-dash-pattern': [9, 5] as unknown as string,
				'background-color': P.conFill
			}
		},
		{ selector: 'node.pro.side-for', style: band(P.pro, P.proFill) },
		{ selector: 'node.pro.side-against', style: band(P.con, P.proFill) },
		{ selector: 'node.con.side-for', style: band(P.pro, P.conFill) },
		{ selector: 'node.con.side-against', style: band(P.con, P.conFill) },
		// Added in class: a warm fill, whatever the stance, and a ✎ in the header.
		{ selector: 'node.contribution.side-for', style: band(P.pro, P.contributionFill) },
		{
			selector: 'node.contribution.side-against',
			style: band(P.con, P.contributionFill)
		},
		{
			// Zoomed out: the short title in a large font, so a projector still shows something legible.
			selector: 'node.brief',
			style: {
				label: 'data(brief)',
				'font-size': 'data(briefFontSize)',
				// The footer without its words, which would be unreadable this small (standing.ts).
				'background-image': 'data(standingBrief)',
				'font-weight': 'bold',
				'line-height': 1.2
			}
		},
		{
			// Zoomed out far: one large sign per claim, never hidden, so no box is ever blank.
			selector: 'node.far',
			style: {
				label: 'data(far)',
				'font-size': FAR_FONT_SIZE,
				'min-zoomed-font-size': 0,
				'text-justification': 'center',
				'background-image': 'data(standingBrief)',
				'font-weight': 'bold',
				'line-height': 1
			}
		},
		{
			// On the path to a match or the focus, but not a match itself.
			selector: 'node.context',
			style: { opacity: W.context }
		},
		{ selector: 'edge.context', style: { opacity: W.contextEdge } },
		{
			selector: 'node.focus',
			style: { 'border-width': W.focusBorder }
		},
		{
			// While a search or a "next to argue" list picks claims out, the rest step back.
			selector: 'node.dim',
			style: { opacity: W.dim }
		},
		{ selector: 'edge.dim', style: { opacity: W.dimEdge } },
		{
			selector: 'node.hit',
			style: {
				'outline-width': 7,
				'outline-color': P.hit,
				'outline-offset': 4,
				'outline-style': 'solid',
				'outline-opacity': 1
			}
		},
		{
			selector: 'node.struck',
			style: {
				opacity: W.struck,
				'border-style': 'dotted'
			}
		},
		{ selector: 'edge.struck', style: { opacity: W.struckEdge } },
		{
			// A what-if flipped this claim's label: a thick double ring, not colour alone, wide
			// enough to see on the whole map at the zoom it opens at (about 0.5).
			selector: 'node.changed',
			style: {
				'outline-width': 14,
				'outline-color': P.changed,
				'outline-offset': 4,
				'outline-style': 'double',
				'outline-opacity': 1
			}
		},
		{
			selector: 'node:selected',
			style: {
				'underlay-color': P.selected,
				'underlay-opacity': W.selectedOpacity,
				'underlay-padding': 9,
				'underlay-shape': 'round-rectangle'
			}
		},
		{
			selector: 'edge',
			style: {
				width: W.edge,
				'curve-style': 'bezier',
				'arrow-scale': W.arrowScale,
				'source-distance-from-node': 2
			}
		},
		{
			selector: 'edge.pro',
			style: {
				'line-color': P.pro,
				'source-arrow-color': P.pro,
				'source-arrow-shape': 'triangle',
				'line-style': 'solid'
			}
		},
		{
			selector: 'edge.con',
			style: {
				'line-color': P.con,
				'source-arrow-color': P.con,
				'source-arrow-shape': 'tee',
				'line-style': 'dashed',
				'line-dash-pattern': [10, 6] as unknown as string
			}
		},
		{
			// Tree edges follow the layout's bend points (routes.ts), given as data.
			selector: 'edge.routed',
			style: {
				'curve-style': 'segments',
				'edge-distances': 'node-position',
				'segment-weights': 'data(weights)',
				'segment-distances': 'data(distances)',
				'source-endpoint': 'data(sourceEndpoint)',
				'target-endpoint': 'data(targetEndpoint)'
			}
		},
		{
			selector: 'edge.also',
			style: {
				width: W.alsoEdge,
				opacity: W.also,
				'curve-style': 'bezier',
				'arrow-scale': W.alsoArrowScale
			}
		},
		{ selector: 'edge.undercut', style: { 'line-style': 'dotted' } },
		{ selector: 'edge:selected', style: { width: W.selectedEdge } }
	];
}
