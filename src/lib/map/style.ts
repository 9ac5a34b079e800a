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
	faded: '#9CA3AF',
	/** Search matches and "next to argue" picks. */
	hit: '#009E73',
	/** Claims a what-if changed. */
	changed: '#CC79A7',
	/** Fill of claims added in class (their header also starts with ✎). */
	contributionFill: '#FFF6CC'
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
				'min-zoomed-font-size': 6,
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
		// Added in class: a warm fill, whatever the stance, and a ✎ in the header.
		{ selector: 'node.contribution.side-for', style: band(PALETTE.pro, PALETTE.contributionFill) },
		{
			selector: 'node.contribution.side-against',
			style: band(PALETTE.con, PALETTE.contributionFill)
		},
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
			// On the path to a match or the focus, but not a match itself.
			selector: 'node.context',
			style: { opacity: 0.5 }
		},
		{ selector: 'edge.context', style: { opacity: 0.35 } },
		{
			selector: 'node.focus',
			style: { 'border-width': 6 }
		},
		{
			// While a search or a "next to argue" list picks claims out, the rest step back.
			selector: 'node.dim',
			style: { opacity: 0.28 }
		},
		{ selector: 'edge.dim', style: { opacity: 0.2 } },
		{
			selector: 'node.hit',
			style: {
				'outline-width': 7,
				'outline-color': PALETTE.hit,
				'outline-offset': 4,
				'outline-style': 'solid',
				'outline-opacity': 1
			}
		},
		{
			selector: 'node.struck',
			style: {
				opacity: 0.55,
				'border-style': 'dotted'
			}
		},
		{ selector: 'edge.struck', style: { opacity: 0.25 } },
		{
			// A what-if flipped this claim's label: a thick double ring, not colour alone.
			selector: 'node.changed',
			style: {
				'outline-width': 8,
				'outline-color': PALETTE.changed,
				'outline-offset': 3,
				'outline-style': 'double',
				'outline-opacity': 1
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
			style: { width: 2, opacity: 0.55, 'curve-style': 'bezier', 'arrow-scale': 1.2 }
		},
		{ selector: 'edge.undercut', style: { 'line-style': 'dotted' } },
		{ selector: 'edge:selected', style: { width: 5 } }
	];
}
