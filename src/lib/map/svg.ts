import type { Arrangement } from './arrange';
import { NODE, type MapElements } from './elements';
import { FONT, PALETTE } from './style';

/**
 * The map as an SVG document, for slides and print: every claim with its border, side band,
 * wrapped text and strength footer, every relation with its arrow or bar. Written from the map's
 * geometry rather than replayed canvas calls, so it looks like the map in any SVG viewer.
 * (cytoscape-svg, the maintained extension that replays canvas drawing, dropped node borders and
 * leaked dash patterns onto solid edges with Cytoscape 3.35, which would misstate pro and con.)
 */

export interface Point {
	x: number;
	y: number;
}

export interface SceneNode {
	id: string;
	/** Centre, model coordinates. */
	x: number;
	y: number;
	w: number;
	h: number;
	/** The map's classes: thesis/pro/con, side-for/side-against, context, dim, struck, hit, changed. */
	classes: readonly string[];
	/** The full label, lines separated by `\n` (already wrapped to fit). */
	label: string;
	fontSize: number;
	/** Short titles in large bold type (the zoomed-out map) rather than full texts. */
	bold?: boolean;
	/** The strength footer as an image URI. */
	footer?: string;
}

export interface SceneEdge {
	id: string;
	/** pro/con, main/also, undercut, context, dim, struck. */
	classes: readonly string[];
	/** From the claim argued about (where the arrow or bar is) to the claim doing the arguing. */
	points: readonly Point[];
	/** `segments`: straight runs through `points`; `bezier`: quadratic curves through them. */
	curve: 'segments' | 'bezier';
}

export interface Scene {
	nodes: readonly SceneNode[];
	edges: readonly SceneEdge[];
}

const escapeXml = (s: string) =>
	s.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? '&#39;'
	);

const n = (v: number) => String(Math.round(v * 10) / 10);

function opacityOf(classes: readonly string[]): number {
	if (classes.includes('dim')) return 0.28;
	if (classes.includes('struck')) return 0.55;
	if (classes.includes('context')) return 0.5;
	return 1;
}

function nodeSvg(node: SceneNode): string {
	const c = node.classes;
	const thesis = c.includes('thesis');
	// Another root beside the thesis: white, with the thesis's dark border (style.ts).
	const root = c.includes('root');
	const pro = c.includes('pro');
	const left = node.x - node.w / 2;
	const top = node.y - node.h / 2;
	const border = thesis || root ? PALETTE.thesis : pro ? PALETTE.pro : PALETTE.con;
	const fill = thesis
		? PALETTE.thesis
		: root
			? '#FFFFFF'
			: c.includes('contribution')
				? PALETTE.contributionFill
				: pro
					? PALETTE.proFill
					: PALETTE.conFill;
	const dash = c.includes('struck')
		? ' stroke-dasharray="2 4"'
		: !thesis && !root && !pro
			? ' stroke-dasharray="9 5"'
			: '';
	const width = thesis || root ? 4 : 3;
	const out: string[] = [];
	const opacity = opacityOf(c);
	out.push(`<g id="claim-${escapeXml(node.id)}"${opacity < 1 ? ` opacity="${opacity}"` : ''}>`);
	for (const [cls, colour] of [
		['hit', PALETTE.hit],
		['changed', PALETTE.changed]
	] as const) {
		if (c.includes(cls))
			out.push(
				`<rect x="${n(left - 8)}" y="${n(top - 8)}" width="${n(node.w + 16)}" height="${n(node.h + 16)}" rx="12" fill="none" stroke="${colour}" stroke-width="7"/>`
			);
	}
	const clip = `clip-${escapeXml(node.id)}`;
	out.push(
		`<clipPath id="${clip}"><rect x="${n(left)}" y="${n(top)}" width="${n(node.w)}" height="${n(node.h)}" rx="8"/></clipPath>`,
		`<rect x="${n(left)}" y="${n(top)}" width="${n(node.w)}" height="${n(node.h)}" rx="8" fill="${fill}"/>`
	);
	if (!thesis && !root) {
		const side = c.includes('side-against') ? PALETTE.con : PALETTE.pro;
		out.push(
			`<rect x="${n(left)}" y="${n(top)}" width="${NODE.bandWidth}" height="${n(node.h)}" fill="${side}" clip-path="url(#${clip})"/>`
		);
	}
	if (node.footer)
		out.push(
			`<image href="${escapeXml(node.footer)}" x="${n(left)}" y="${n(top + node.h - NODE.footer)}" width="${n(node.w)}" height="${NODE.footer}" clip-path="url(#${clip})"/>`
		);
	out.push(
		`<rect x="${n(left)}" y="${n(top)}" width="${n(node.w)}" height="${n(node.h)}" rx="8" fill="none" stroke="${border}" stroke-width="${width}"${dash}/>`
	);
	// The text block sits centred above the footer, lines left-aligned, as on the map.
	const lines = node.label.split('\n');
	const lineHeight = node.fontSize * (node.bold ? 1.2 : NODE.lineHeight);
	const textLeft = left + NODE.padding + (thesis || root ? 0 : NODE.bandWidth);
	const blockTop = top + (node.h - NODE.footer - lines.length * lineHeight) / 2;
	out.push(
		`<text font-family="${escapeXml(FONT)}" font-size="${node.fontSize}"${thesis || root || node.bold ? ' font-weight="700"' : ''} fill="${thesis ? '#FFFFFF' : PALETTE.ink}"${c.includes('struck') ? ' text-decoration="line-through"' : ''}>`
	);
	lines.forEach((line, i) => {
		const y = blockTop + i * lineHeight + lineHeight * 0.78;
		out.push(`<tspan x="${n(textLeft)}" y="${n(y)}">${escapeXml(line)}</tspan>`);
	});
	out.push('</text></g>');
	return out.join('');
}

function pathOf(edge: SceneEdge): string {
	const p = edge.points;
	if (p.length < 2) return '';
	if (edge.curve === 'segments' || p.length === 2)
		return `M${p.map((q) => `${n(q.x)},${n(q.y)}`).join(' L')}`;
	// Quadratic pieces through the control points, joined at their midpoints (Cytoscape's bezier).
	let d = `M${n(p[0]!.x)},${n(p[0]!.y)}`;
	const controls = p.slice(1, -1);
	controls.forEach((cp, i) => {
		const next = controls[i + 1];
		const end = next ? { x: (cp.x + next.x) / 2, y: (cp.y + next.y) / 2 } : p[p.length - 1]!;
		d += ` Q${n(cp.x)},${n(cp.y)} ${n(end.x)},${n(end.y)}`;
	});
	return d;
}

function edgeSvg(edge: SceneEdge): string {
	const c = edge.classes;
	const pro = c.includes('pro');
	const also = c.includes('also');
	const colour = pro ? PALETTE.pro : PALETTE.con;
	const dash = c.includes('undercut') ? '2 6' : pro ? '' : '10 6';
	const opacity = Math.min(opacityOf(c), also ? 0.55 : 1, c.includes('struck') ? 0.25 : 1);
	return `<path d="${pathOf(edge)}" fill="none" stroke="${colour}" stroke-width="${also ? 2 : 4}"${dash ? ` stroke-dasharray="${dash}"` : ''}${opacity < 1 ? ` opacity="${opacity}"` : ''} marker-start="url(#${pro ? 'arrow' : 'bar'}-${also ? 'small' : 'big'})"/>`;
}

function markers(): string {
	const out: string[] = [];
	for (const [size, scale] of [
		['big', 1],
		['small', 0.7]
	] as const) {
		out.push(
			`<marker id="arrow-${size}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="${n(5 * scale)}" markerHeight="${n(5 * scale)}" orient="auto-start-reverse" markerUnits="strokeWidth"><path d="M0,0 L10,5 L0,10 z" fill="${PALETTE.pro}"/></marker>`,
			`<marker id="bar-${size}" viewBox="0 0 4 10" refX="2" refY="5" markerWidth="${n(2 * scale)}" markerHeight="${n(5 * scale)}" orient="auto-start-reverse" markerUnits="strokeWidth"><rect x="0" y="0" width="4" height="10" fill="${PALETTE.con}"/></marker>`
		);
	}
	return `<defs>${out.join('')}</defs>`;
}

/** The scene as a standalone SVG document, sized to fit everything with a margin. */
export function sceneToSvg(scene: Scene, options: { background?: string; title?: string } = {}) {
	const xs: number[] = [];
	const ys: number[] = [];
	for (const node of scene.nodes) {
		xs.push(node.x - node.w / 2 - 12, node.x + node.w / 2 + 12);
		ys.push(node.y - node.h / 2 - 12, node.y + node.h / 2 + 12);
	}
	for (const edge of scene.edges)
		for (const p of edge.points) {
			xs.push(p.x);
			ys.push(p.y);
		}
	const margin = 20;
	const x0 = Math.floor((xs.length ? Math.min(...xs) : 0) - margin);
	const y0 = Math.floor((ys.length ? Math.min(...ys) : 0) - margin);
	const w = Math.ceil((xs.length ? Math.max(...xs) : 0) + margin - x0);
	const h = Math.ceil((ys.length ? Math.max(...ys) : 0) + margin - y0);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${x0} ${y0} ${w} ${h}">`,
		options.title ? `<title>${escapeXml(options.title)}</title>` : '',
		markers(),
		options.background
			? `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="${escapeXml(options.background)}"/>`
			: '',
		// Relations under claims, as on the map.
		...scene.edges.map(edgeSvg),
		...scene.nodes.map(nodeSvg),
		'</svg>\n'
	].join('\n');
}

/**
 * The scene of a map laid out without Cytoscape (the classroom layout, in node): for the printed
 * handout and tests. Routed relations follow their bends; others run straight between claims.
 * `brief` draws short titles in large type, legible when a whole map shrinks onto one page.
 */
export function sceneOfLayout(
	elements: MapElements,
	layout: Arrangement,
	options: { brief?: boolean } = {}
): Scene {
	return {
		nodes: elements.nodes.map((n) => ({
			id: n.data.id,
			...layout.positions[n.data.id]!,
			w: n.data.width,
			h: n.data.height,
			classes: n.classes.split(' '),
			label: options.brief ? n.data.brief : n.data.label,
			fontSize: options.brief ? n.data.briefFontSize : n.data.fontSize,
			bold: options.brief
		})),
		edges: elements.edges.map((e) => {
			const routed = layout.paths[e.data.id];
			return {
				id: e.data.id,
				classes: e.classes.split(' '),
				points: routed ?? [layout.positions[e.data.source]!, layout.positions[e.data.target]!],
				curve: 'segments' as const
			};
		})
	};
}
