import { NODE } from './elements';

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
	faded: '#9CA3AF'
} as const;

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

/** The map's stylesheet as data: the component hands it to Cytoscape unchanged. */
export function mapStyle(): Style[] {
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
				color: PALETTE.ink,
				'text-wrap': 'wrap',
				'text-max-width': '1000px',
				'text-halign': 'center',
				'text-valign': 'center',
				'text-justification': 'left',
				'border-width': 3,
				'background-color': '#FFFFFF',
				// Hide text that would be too small to read rather than show a smudge.
				'min-zoomed-font-size': 7
			}
		},
		{
			selector: 'node.thesis',
			style: {
				'background-color': PALETTE.thesis,
				'border-color': PALETTE.thesis,
				color: '#FFFFFF',
				'font-weight': 'bold',
				'border-width': 4
			}
		},
		{
			selector: 'node.pro',
			style: {
				'border-color': PALETTE.pro,
				'border-style': 'solid',
				'background-color': PALETTE.proFill
			}
		},
		{
			selector: 'node.con',
			style: {
				'border-color': PALETTE.con,
				'border-style': 'dashed',
				'border-dash-pattern': [9, 5] as unknown as string,
				'background-color': PALETTE.conFill
			}
		},
		{ selector: 'node.pro.side-for', style: band(PALETTE.pro, PALETTE.proFill) },
		{ selector: 'node.pro.side-against', style: band(PALETTE.con, PALETTE.proFill) },
		{ selector: 'node.con.side-for', style: band(PALETTE.pro, PALETTE.conFill) },
		{ selector: 'node.con.side-against', style: band(PALETTE.con, PALETTE.conFill) },
		{
			// Zoomed out: the short title in a large font, so a projector still shows something legible.
			selector: 'node.brief',
			style: {
				label: 'data(brief)',
				'font-size': 'data(briefFontSize)',
				'font-weight': 'bold',
				'line-height': 1.2
			}
		},
		{
			selector: 'node:selected',
			style: {
				'underlay-color': PALETTE.selected,
				'underlay-opacity': 0.55,
				'underlay-padding': 9,
				'underlay-shape': 'round-rectangle'
			}
		},
		{
			selector: 'edge',
			style: {
				width: 4,
				'curve-style': 'bezier',
				'arrow-scale': 1.8,
				'source-distance-from-node': 2
			}
		},
		{
			selector: 'edge.pro',
			style: {
				'line-color': PALETTE.pro,
				'source-arrow-color': PALETTE.pro,
				'source-arrow-shape': 'triangle',
				'line-style': 'solid'
			}
		},
		{
			selector: 'edge.con',
			style: {
				'line-color': PALETTE.con,
				'source-arrow-color': PALETTE.con,
				'source-arrow-shape': 'tee',
				'line-style': 'dashed',
				'line-dash-pattern': [10, 6] as unknown as string
			}
		},
		{
			selector: 'edge.also',
			style: { width: 2, opacity: 0.55, 'curve-style': 'bezier', 'arrow-scale': 1.2 }
		},
		{ selector: 'edge.undercut', style: { 'line-style': 'dotted' } },
		{ selector: 'edge:selected', style: { width: 5 } }
	];
}
