import { DOMImplementation, DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import { hierarchy, tree } from 'd3-hierarchy';
import type { Diagnostic } from '../load/diagnostic';
import { buildGraph } from '../model/graph';
import type { Debate, RelationTarget, Stance } from '../schema/debate';
import { textIn } from '../schema/localised';
import { debateLanguage, error, fitClaimText, importedFrame, makeId, warning } from './build';
import { FORMATS } from './catalog';
import type { Codec, DecodeResult } from './codec';
import { fullText } from './left-out';

/**
 * GraphML, the graph format of yEd, Gephi, Cytoscape desktop and NetworkX, read and written
 * with @xmldom/xmldom (an XML parser and serializer, so no text can break the markup).
 *
 * Writing: one node per claim, one edge per relation from the claim to the one it answers, with
 * yEd's styling (`y:ShapeNode`: fill and border by side of the thesis, the text as label, a
 * position from a tidy tree, as the map's Tree view lays out a big map) and plain GraphML data that any
 * reader sees: `text` (whole), `kind`, `side` on nodes, `stance` on edges. An undercut (a
 * relation aimed at the link from A to B) is an edge to A with `undercuts` = B's id, which
 * reading turns back into the undercut. What GraphML has no place for is listed as left out.
 *
 * Reading (a yEd map or any GraphML): node labels (`y:NodeLabel`, else a `text`/`label`/`name`
 * data) become claims, a node's description and URL its note; each edge a relation from source to target. Its side comes from, in
 * order: a `stance` data; the edge's label (support/pro/+ vs attack/objection/con/−); its line
 * colour (green/blue → support, red/orange → attack); a dashed line → attack. An edge that says
 * neither is read as support, with a note naming it. Edges into nodes not in the file are
 * errors; the first relation of a claim is its target, the others `also`, unless that would
 * close a circle (then the claim stays a root, noted). The thesis is the root with most below.
 */

const NS = {
	graphml: 'http://graphml.graphdrawing.org/xmlns',
	y: 'http://www.yworks.com/xml/graphml',
	xsi: 'http://www.w3.org/2001/XMLSchema-instance',
	xmlns: 'http://www.w3.org/2000/xmlns/'
};
/** Colours of the map (map/style.ts), so an export looks like the map it came from. */
const COLOURS = {
	thesis: { fill: '#FFFFFF', line: '#1B2430' },
	pro: { fill: '#EAF3FA', line: '#0072B2' },
	con: { fill: '#FCEEE6', line: '#D55E00' }
};
const NODE_WIDTH = 240;
const GAP = { sibling: 26, rank: 80 };

/** A claim box's height for yEd: the label's lines at yEd's 12 px font, estimated. */
const heightOf = (text: string) => 24 + Math.ceil(Math.max(text.length, 1) / 36) * 16;

function encodeGraphml(debate: Debate, lang = debate.language): string {
	const primary = debate.language;
	const graph = buildGraph(debate);
	const doc = new DOMImplementation().createDocument(NS.graphml, 'graphml', null);
	const root = doc.documentElement!;
	// Declared once on the root, so the serializer does not repeat them on every element.
	root.setAttributeNS(NS.xmlns, 'xmlns:y', NS.y);
	root.setAttributeNS(NS.xmlns, 'xmlns:xsi', NS.xsi);
	root.setAttributeNS(
		NS.xsi,
		'xsi:schemaLocation',
		`${NS.graphml} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd`
	);
	const el = (parent: Element, name: string, attrs: Record<string, string> = {}, text?: string) => {
		const e = name.startsWith('y:')
			? doc.createElementNS(NS.y, name)
			: doc.createElementNS(NS.graphml, name);
		for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
		if (text !== undefined) e.appendChild(doc.createTextNode(text));
		parent.appendChild(e);
		return e;
	};
	const keys: [string, string, string, string?][] = [
		['d0', 'node', 'nodegraphics'],
		['d1', 'edge', 'edgegraphics'],
		['text', 'node', '', 'string'],
		['kind', 'node', '', 'string'],
		['side', 'node', '', 'string'],
		['stance', 'edge', '', 'string'],
		['undercuts', 'edge', '', 'string'],
		['title', 'graph', '', 'string']
	];
	for (const [id, on, yType, type] of keys)
		el(
			root,
			'key',
			yType
				? { for: on, id, 'yfiles.type': yType }
				: { 'attr.name': id, 'attr.type': type!, for: on, id }
		);
	const g = el(root, 'graph', { edgedefault: 'directed', id: debate.id });
	el(g, 'data', { key: 'title' }, textIn(debate.title, lang, primary));

	// Positions: a tidy tree of the main relations, roots side by side (the map's Tree view of a
	// big map; dagre, which lays out a small one, needs Cytoscape).
	const texts = new Map(debate.claims.map((c) => [c.id, fullText(c, lang, primary)]));
	const ROOT = '\u0000';
	const layout = hierarchy<string>(ROOT, (id) =>
		id === ROOT ? graph.roots : (graph.children.get(id) ?? [])
	);
	const tallest: number[] = [];
	layout.each((n) => {
		if (n.data !== ROOT)
			tallest[n.depth] = Math.max(tallest[n.depth] ?? 0, heightOf(texts.get(n.data)!));
	});
	tree<string>().nodeSize([NODE_WIDTH + GAP.sibling, 1])(layout);
	const top: number[] = [0, 0];
	for (let d = 2; d < tallest.length; d++) top[d] = top[d - 1]! + tallest[d - 1]! + GAP.rank;
	const at = new Map<string, { x: number; y: number }>();
	layout.each((n) => {
		if (n.data !== ROOT) at.set(n.data, { x: n.x ?? 0, y: top[n.depth] ?? 0 });
	});

	for (const c of debate.claims) {
		const text = texts.get(c.id)!;
		const side = graph.roots.includes(c.id)
			? 'thesis'
			: graph.side.get(c.id) === -1
				? 'con'
				: 'pro';
		const node = el(g, 'node', { id: c.id });
		el(node, 'data', { key: 'text' }, text);
		el(node, 'data', { key: 'kind' }, c.kind ?? 'claim');
		el(
			node,
			'data',
			{ key: 'side' },
			side === 'thesis' ? 'root' : side === 'pro' ? 'for' : 'against'
		);
		const shape = el(el(node, 'data', { key: 'd0' }), 'y:ShapeNode');
		const p = at.get(c.id) ?? { x: 0, y: 0 };
		const h = heightOf(text);
		el(shape, 'y:Geometry', {
			height: String(h),
			width: String(NODE_WIDTH),
			x: (p.x - NODE_WIDTH / 2).toFixed(1),
			y: p.y.toFixed(1)
		});
		el(shape, 'y:Fill', { color: COLOURS[side].fill, transparent: 'false' });
		el(shape, 'y:BorderStyle', {
			color: COLOURS[side].line,
			type: 'line',
			width: side === 'thesis' ? '3.0' : '2.0'
		});
		el(
			shape,
			'y:NodeLabel',
			{
				alignment: 'center',
				autoSizePolicy: 'node_width',
				configuration: 'CroppingLabel',
				fontFamily: 'Dialog',
				fontSize: '12',
				modelName: 'internal',
				modelPosition: 'c',
				textColor: '#111827'
			},
			text
		);
		el(shape, 'y:Shape', { type: c.kind === 'question' ? 'hexagon' : 'roundrectangle' });
	}

	let n = 0;
	const edge = (from: string, target: RelationTarget, stance: Stance) => {
		const to = typeof target === 'string' ? target : target.from;
		const e = el(g, 'edge', { id: `e${++n}`, source: from, target: to });
		el(e, 'data', { key: 'stance' }, stance);
		if (typeof target !== 'string') el(e, 'data', { key: 'undercuts' }, target.to);
		const line = el(el(e, 'data', { key: 'd1' }), 'y:PolyLineEdge');
		const colour = COLOURS[stance].line;
		el(line, 'y:LineStyle', {
			color: colour,
			type: stance === 'con' ? 'dashed' : 'line',
			width: '2.0'
		});
		el(line, 'y:Arrows', { source: 'none', target: 'standard' });
		el(
			line,
			'y:EdgeLabel',
			{ fontFamily: 'Dialog', fontSize: '11', textColor: colour },
			typeof target !== 'string' ? 'undercuts' : stance === 'pro' ? 'supports' : 'attacks'
		);
	};
	for (const c of debate.claims) {
		if (c.target !== undefined && c.stance !== undefined) edge(c.id, c.target, c.stance);
		for (const r of c.also ?? []) edge(c.id, r.target, r.stance);
	}
	return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Reading

const SUPPORT = /\b(support|supports|pro|for|because|reason|premise|agree)\b|^\s*\+\s*$/i;
const ATTACK =
	/\b(attack|attacks|against|con|objection|rebut|rebuttal|undercut|undercuts|contra|disagree|conflict)\b|^\s*[-−–]\s*$/i;

/** Support or attack from a colour: green or blue hues support, red or orange attack. */
function stanceOfColour(colour: string | null): Stance | undefined {
	const m = /^#?([0-9a-f]{6})/i.exec(colour ?? '');
	if (!m) return undefined;
	const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16)) as [
		number,
		number,
		number
	];
	const max = Math.max(r, g, b);
	const min = Math.min(r, g, b);
	if (max - min < 40) return undefined; // grey or black: says nothing
	if (r === max && g < r * 0.8) return 'con';
	if (g === max || b === max) return 'pro';
	return undefined;
}

const local = (e: Element) => e.localName ?? e.nodeName.replace(/^.*:/, '');
const children = (e: Element, name: string) =>
	Array.from(e.childNodes).filter(
		(c): c is Element => c.nodeType === 1 && local(c as Element) === name
	);
const descendants = (e: Element, name: string) =>
	Array.from(e.getElementsByTagNameNS('*', name)) as Element[];
const lineOf = (e: Element) => (e as unknown as { lineNumber?: number }).lineNumber ?? 0;

function decodeGraphml(text: string, file: string): DecodeResult {
	const warnings: Diagnostic[] = [];
	const fail = (errors: Diagnostic[]): DecodeResult => ({ ok: false, errors, warnings });
	const problems: Diagnostic[] = [];
	let doc;
	try {
		doc = new DOMParser({
			onError: (level, message, context) => {
				const line = (context as { locator?: { lineNumber?: number } })?.locator?.lineNumber ?? 0;
				if (level !== 'warning')
					problems.push(
						error(
							file,
							line,
							`not valid XML: ${message.split('\n')[0]}`,
							'GraphML is XML: check the markup here'
						)
					);
			}
		}).parseFromString(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'text/xml');
	} catch (e) {
		const located = e as { locator?: { lineNumber?: number }; message?: string };
		return fail(
			problems.length > 0
				? problems
				: [
						error(
							file,
							located.locator?.lineNumber ?? 0,
							`not valid XML: ${String(located.message).split('\n')[0]}`,
							'GraphML is XML: check the markup here'
						)
					]
		);
	}
	if (problems.length > 0) return fail(problems);
	const root = doc.documentElement;
	if (!root || local(root as unknown as Element) !== 'graphml')
		return fail([
			error(
				file,
				1,
				'not a GraphML file: its root element is not <graphml>',
				'export the graph from yEd or Gephi as GraphML'
			)
		]);
	const graphEl = children(root as unknown as Element, 'graph')[0];
	if (!graphEl)
		return fail([
			error(file, lineOf(root as unknown as Element), 'the GraphML file has no <graph>')
		]);

	// Data keys: id → attribute name (yEd: d0, d1…; others name them).
	const keyName = new Map<string, string>();
	for (const k of children(root as unknown as Element, 'key'))
		keyName.set(
			k.getAttribute('id') ?? '',
			(k.getAttribute('attr.name') ?? k.getAttribute('yfiles.type') ?? '').toLowerCase()
		);
	const dataOf = (e: Element, names: string[]) => {
		for (const d of children(e, 'data')) {
			const name = keyName.get(d.getAttribute('key') ?? '') ?? d.getAttribute('key') ?? '';
			if (names.includes(name.toLowerCase())) return (d.textContent ?? '').trim();
		}
		return undefined;
	};

	// Nodes (nested graphs — yEd groups — are read through: their nodes are claims too).
	const taken = new Set<string>();
	const claimOf = new Map<string, string>();
	const nodes: {
		id: string;
		claim: string;
		text: string;
		line: number;
		kind?: string;
		note?: string;
	}[] = [];
	const unlabelled: string[] = [];
	for (const n of descendants(graphEl, 'node')) {
		const id = n.getAttribute('id') ?? '';
		if (!id || claimOf.has(id)) continue;
		// A yEd group node holds a graph: it is a frame, not a claim.
		if (children(n, 'graph').length > 0) continue;
		const label = descendants(n, 'NodeLabel')
			.map((l) => (l.textContent ?? '').trim())
			.find(Boolean);
		const text = dataOf(n, ['text']) || label || dataOf(n, ['label', 'name']) || '';
		if (!text) unlabelled.push(id);
		const claim = makeId(id, taken, 'n');
		claimOf.set(id, claim);
		// yEd's description and URL fields have no place on a claim but its note.
		const note = [
			dataOf(n, ['description']) && `Description: ${dataOf(n, ['description'])}`,
			dataOf(n, ['url']) && `URL: ${dataOf(n, ['url'])}`
		]
			.filter(Boolean)
			.join(' ');
		nodes.push({
			id,
			claim,
			text: text || `(node ${id} without a label)`,
			line: lineOf(n),
			kind: dataOf(n, ['kind']),
			...(note ? { note } : {})
		});
	}
	if (nodes.length === 0)
		return fail([
			error(file, lineOf(graphEl), 'the GraphML file has no nodes', 'draw at least one claim')
		]);

	// Edges.
	const relations = new Map<string, { target: RelationTarget; stance: Stance }[]>();
	const errors: Diagnostic[] = [];
	const guessed: string[] = [];
	let guessedLine = 0;
	const selfLoops: string[] = [];
	for (const e of descendants(graphEl, 'edge')) {
		const [s, t] = [e.getAttribute('source') ?? '', e.getAttribute('target') ?? ''];
		const from = claimOf.get(s);
		const to = claimOf.get(t);
		const name = e.getAttribute('id') || `${s} → ${t}`;
		if (!from || !to) {
			if (errors.length < 20)
				errors.push(
					error(
						file,
						lineOf(e),
						`edge "${name}" ${!from ? `comes from node "${s}"` : `goes to node "${t}"`}, which is not in the file`,
						'every edge must join two nodes of the file'
					)
				);
			continue;
		}
		if (from === to) {
			selfLoops.push(name);
			continue;
		}
		const label = descendants(e, 'EdgeLabel')
			.map((l) => (l.textContent ?? '').trim())
			.join(' ');
		const said = dataOf(e, ['stance', 'relation', 'type', 'label']) ?? '';
		const lineStyle = descendants(e, 'LineStyle')[0];
		let stance: Stance | undefined =
			said === 'pro' || said === 'con'
				? said
				: ATTACK.test(`${said} ${label}`)
					? 'con'
					: SUPPORT.test(`${said} ${label}`)
						? 'pro'
						: undefined;
		stance ??= stanceOfColour(lineStyle?.getAttribute('color') ?? null);
		if (!stance && /dash|dot/i.test(lineStyle?.getAttribute('type') ?? '')) stance = 'con';
		if (!stance) {
			stance = 'pro';
			if (guessed.length === 0) guessedLine = lineOf(e);
			guessed.push(name);
		}
		const undercuts = dataOf(e, ['undercuts']);
		const link = undercuts !== undefined ? claimOf.get(undercuts) : undefined;
		const list = relations.get(from) ?? [];
		list.push({ target: link ? { from: to, to: link } : to, stance });
		relations.set(from, list);
	}
	if (errors.length > 0) return fail(errors);

	// Targets: the first relation that does not close a circle of targets (union-find).
	const up = new Map<string, string>();
	const find = (id: string): string => {
		let at = id;
		while (up.has(at)) at = up.get(at)!;
		return at;
	};
	const parentOf = (t: RelationTarget) => (typeof t === 'string' ? t : t.from);
	const circles: string[] = [];
	const claims = nodes.map((n) => {
		const rels = relations.get(n.claim) ?? [];
		const main = rels.find((r) => find(parentOf(r.target)) !== n.claim);
		if (rels.length > 0 && !main) circles.push(n.id);
		if (main) up.set(n.claim, parentOf(main.target));
		const fitted = fitClaimText(n.text);
		const also = rels.filter((r) => r !== main);
		return {
			id: n.claim,
			// "claim" is the default, left unsaid as the schema's other readers leave it.
			...(n.kind === 'question' || n.kind === 'argument' ? { kind: n.kind } : {}),
			text: fitted.text,
			...(fitted.detail ? { detail: fitted.detail } : {}),
			...(main ? { stance: main.stance, target: main.target } : {}),
			...(also.length > 0 ? { also } : {}),
			...(n.note ? { note: n.note } : {})
		};
	});
	const under = new Map<string, number>();
	for (const n of nodes) under.set(find(n.claim), (under.get(find(n.claim)) ?? 0) + 1);
	const roots = claims.filter((c) => c.target === undefined).map((c) => c.id);
	const thesis = roots.reduce(
		(best, r) => (under.get(r)! > under.get(best)! ? r : best),
		roots[0] ?? claims[0]!.id
	);

	const listed = (ids: string[]) =>
		ids
			.slice(0, 10)
			.map((i) => `"${i}"`)
			.join(', ') + (ids.length > 10 ? ` and ${ids.length - 10} more` : '');
	if (guessed.length > 0)
		warnings.push(
			warning(
				file,
				guessedLine,
				`${guessed.length} edge${guessed.length === 1 ? '' : 's'} said neither support nor attack (no stance, label, colour or dash) and ${guessed.length === 1 ? 'was' : 'were'} read as support: ${listed(guessed)}`,
				'label an edge "attacks" or colour it red for an objection'
			)
		);
	if (unlabelled.length > 0)
		warnings.push(
			warning(file, 0, `nodes without a label were given a placeholder: ${listed(unlabelled)}`)
		);
	if (selfLoops.length > 0)
		warnings.push(warning(file, 0, `edges from a node to itself skipped: ${listed(selfLoops)}`));
	if (circles.length > 0)
		warnings.push(
			warning(
				file,
				0,
				`edges going round in a circle: node${circles.length === 1 ? '' : 's'} ${listed(circles)} kept ${circles.length === 1 ? 'its relations' : 'their relations'} as extra relations (also)`
			)
		);
	if (roots.length > 1)
		warnings.push(
			warning(
				file,
				0,
				`${roots.length} nodes answer no other; the one with most claims below it is the thesis, the others stay separate roots`
			)
		);

	const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.graphml$/i, '');
	const title = dataOf(graphEl, ['title']) || base || 'GraphML map';
	const frame = importedFrame({
		id: base || 'graphml',
		title,
		format: 'GraphML',
		file,
		language: debateLanguage(
			nodes.map((n) => n.text),
			(message, hint) => warnings.push(warning(file, 0, message, hint))
		)
	});
	const lineOfClaim = nodes.map((n) => n.line);
	return {
		ok: true,
		data: { ...frame, thesis, claims },
		warnings,
		locate: (path) => {
			const line =
				path[0] === 'claims' && typeof path[1] === 'number' ? (lineOfClaim[path[1]] ?? 0) : 0;
			return { line, column: line > 0 ? 1 : 0 };
		}
	};
}

export const graphmlCodec: Codec<'graphml'> = {
	...FORMATS.graphml,
	sniff: (head) => (/<graphml[\s>]/.test(head) ? 0.95 : 0),
	decode: async (text, { file }) => {
		try {
			return decodeGraphml(text, file);
		} catch (e) {
			return {
				ok: false,
				errors: [error(file, 0, `the GraphML file could not be read: ${(e as Error).message}`)],
				warnings: []
			};
		}
	},
	encode: (debate, options) => encodeGraphml(debate, options?.lang)
};
