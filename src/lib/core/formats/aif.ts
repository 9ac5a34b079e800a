import type { Diagnostic } from '../load/diagnostic';
import { jsonErrorAt, Lines } from '../load/json';
import { Evidence, Source, type Debate, type RelationTarget, type Stance } from '../schema/debate';
import { LONG_TEXT_MAX, textIn } from '../schema/localised';
import { debateLanguage, error, fitClaimText, importedFrame, makeId, warning } from './build';
import { FORMATS } from './catalog';
import { fullText } from './left-out';
import type { Codec, DecodeResult, Locate } from './codec';

/**
 * The Argument Interchange Format as JSON, in the shapes found in the wild:
 *
 * - AIFdb nodeset export: `{nodes, edges, locutions}` with digit-string ids;
 * - OVA3 save: `{AIF: {nodes, edges, schemefulfillments, participants, locutions…}, text, OVA}`,
 *   sometimes with `dialog`; AMF's xAIF has integer ids, `null` lists, `text: {txt}` and `ova`;
 * - SADFace (`atom`/`scheme` nodes, `source_id`/`target_id` edges), read as AIF as a bonus;
 *   its description, notes and analyst go into the debate's summary.
 *
 * Ids may be strings or integers anywhere; `null` lists count as empty.
 *
 * AIF is a graph of I-nodes (propositions) and S-nodes (RA inference, CA conflict, MA
 * rephrase), with an optional dialogue layer (L locutions, TA transitions, YA illocutions).
 * Reading maps I-nodes to claims and each S-node to one relation per premise:
 *
 * - premise I → RA → conclusion I: `pro`; → CA →: `con`; → MA → (a rephrase): `pro`, warned.
 *   A linked argument (several premises into one RA/CA) becomes one relation per premise, warned.
 * - I → CA → RA/CA/MA (an undercut, or a conflict on a conflict): an undercut of the relation
 *   the attacked S-node stands for, when it has exactly one premise and one conclusion I.
 * - A multi-conclusion S-node relates each premise to each conclusion; an S-node with no
 *   premise or no conclusion is skipped, warned with its nodeID.
 * - Dialogue nodes (L, TA, YA) are dropped, counted in one warning; the speaker of an L → YA → I
 *   (participant name by personID, else the `Name : text` prefix) becomes the claim's actor.
 * - Edges to nodes that are not in the file are errors: the file is damaged.
 * - The first relation of a claim (in node order) is its `target`, the others go to `also`,
 *   unless that would close a circle of targets, in which case a later one is used.
 * - The thesis is the root that has the most claims under it; other roots stay roots.
 *
 * Writing gives an AIFdb nodeset: one I-node per claim with its whole text (`fullText`), one
 * RA/CA per relation (an undercut points its CA at the RA/CA of the relation it attacks),
 * deterministic ids and timestamps. Each piece of evidence is an I-node of its own supporting
 * its claim through an RA node: its text is `“quote” — source title, address`, which any AIF
 * tool shows, and its `evidence` field holds the evidence and its whole source, which reading
 * puts back as evidence (checked by the debate schema; a field that fails stays a claim, warned).
 * Titles, notes, sources no claim cites and the rest have no place in a plain AIF nodeset and
 * are listed as left out (`FORMATS.aif.leavesOut`).
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const own = (o: JsonObject, key: string): Json | undefined =>
	Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

/** Ids may be strings or numbers ("510959", 12, "4_173158685654602051"). */
function idOf(v: unknown): string | undefined {
	if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return undefined;
}

function textOf(v: unknown): string {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return '';
}

// ---------------------------------------------------------------------------------------------
// Located JSON errors

/**
 * Parses JSON, or says where it is broken. No line-length limit: AIF is JSON, often minified onto
 * one line, and both JSON.parse and `jsonErrorAt` read it in one linear pass; the import size
 * cap bounds it.
 */
function parseJson(
	text: string,
	file: string,
	lines: Lines
): { ok: true; value: Json } | { ok: false; error: Diagnostic } {
	try {
		return { ok: true, value: JSON.parse(text) as Json };
	} catch (e) {
		const found = jsonErrorAt(text);
		let pos = found ? lines.at(found.offset) : { line: 0, column: 0 };
		let message = found?.message ?? (e as Error).message;
		if (!found) {
			// The scanner accepted what JSON.parse refused: fall back to the engine's position.
			const at = /position (\d+)/.exec(message);
			if (at) pos = lines.at(Number(at[1]));
			message = message.replace(/^JSON\.parse: /, '');
		}
		return {
			ok: false,
			error: {
				...error(
					file,
					pos.line,
					`not valid JSON: ${message}`,
					'AIF files are JSON: check the punctuation here'
				),
				column: pos.column
			}
		};
	}
}

// ---------------------------------------------------------------------------------------------
// Reading

interface AifNode {
	id: string;
	/** Upper-cased AIF type: I, RA, CA, MA, L, TA, YA, PA… */
	type: string;
	text: string;
	/** Position in the node list: relations are ordered by the S-node that made them. */
	index: number;
	/** A Counterpoint evidence I-node's `evidence` field (see `EVIDENCE_FIELD`), unchecked. */
	evidence?: Json;
}

interface Rel {
	from: string;
	target: RelationTarget;
	stance: Stance;
}

const ARGUMENT = new Set(['RA', 'CA', 'MA']);
const DIALOGUE = new Set(['L', 'TA', 'YA']);
const STANCE: Record<string, Stance> = { RA: 'pro', CA: 'con', MA: 'pro' };

/** The first words of an OVA `text` (HTML with highlighted spans) for the debate title. */
function plainText(html: string): string {
	return html
		.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<br\s*\/?>|<\/(p|div|li|h\d)>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
			const k = e.toLowerCase();
			if (k[0] === '#') {
				const code = k[1] === 'x' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
				return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
			}
			return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[k] ?? ' ';
		});
}

function shortTitle(text: string, max = 80): string {
	const first = text.trim().split(/\n\s*\n|\n/)[0] ?? '';
	const clean = first.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + '…';
}

/**
 * The speaker of a locution from its text, as AIFdb writes it: `Fiona Bruce : Tonight…`, or in
 * an analyst's copy `Nicole: Fiona Bruce : Tonight…` (the analyst's colon has no space before it).
 */
export function speakerInText(text: string): string | undefined {
	const m = /^\s*(?:[^:\n]{0,59}[^:\s]:\s+)?([^:\n]{1,60}?)\s+:\s/.exec(text);
	const name = m?.[1]?.trim();
	return name ? name : undefined;
}

function push<T>(map: Map<string, T[]>, key: string, value: T) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lists up to ten ids for a message: `"1", "2" and 3 more`. */
function listIds(ids: string[]): string {
	const shown = ids.slice(0, 10).map((id) => `"${id}"`);
	return ids.length > 10 ? `${shown.join(', ')} and ${ids.length - 10} more` : shown.join(', ');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A SADFace document read as AIF lists, so one reader serves both. */
function fromSadface(root: JsonObject): { nodes: Json[]; edges: Json[] } {
	const nodes = (own(root, 'nodes') as Json[]).map((n): Json => {
		if (!isObject(n)) return n;
		const type = textOf(own(n, 'type')).toLowerCase();
		const name = textOf(own(n, 'name'));
		const aifType =
			type === 'atom'
				? 'I'
				: type === 'scheme'
					? /conflict|attack|rebut|undercut|counter/i.test(name)
						? 'CA'
						: /rephrase|restat/i.test(name)
							? 'MA'
							: 'RA'
					: type;
		return { nodeID: own(n, 'id') ?? null, type: aifType, text: own(n, 'text') ?? name };
	});
	const edges = Array.isArray(own(root, 'edges'))
		? (own(root, 'edges') as Json[]).map((e): Json =>
				isObject(e)
					? {
							edgeID: own(e, 'id') ?? null,
							fromID: own(e, 'source_id') ?? null,
							toID: own(e, 'target_id') ?? null
						}
					: e
			)
		: [];
	return { nodes, edges };
}

/** A SADFace file's description, notes and analyst, as one text for the debate's summary. */
function sadfaceAbout(core: JsonObject): string {
	const say = (key: string) => textOf(own(core, key)).replace(/\s+/g, ' ').trim();
	const end = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);
	const [description, notes, analyst] = [say('description'), say('notes'), say('analyst_name')];
	return [
		description && end(description),
		notes && `Notes: ${end(notes)}`,
		analyst && `Analysed by ${end(analyst)}`
	]
		.filter(Boolean)
		.join(' ');
}

const looksLikeSadface = (root: JsonObject) => {
	const nodes = own(root, 'nodes');
	return (
		Array.isArray(nodes) &&
		nodes.length > 0 &&
		nodes.every(
			(n) => isObject(n) && own(n, 'nodeID') === undefined && own(n, 'id') !== undefined
		) &&
		nodes.some((n) => isObject(n) && (own(n, 'type') === 'atom' || own(n, 'type') === 'scheme'))
	);
};

/**
 * The field of an I-node that holds a piece of evidence Counterpoint wrote: the evidence as in
 * a debate file, with its source (id and all) in place of the source's id. Other AIF tools
 * ignore it and show the node's text, which says the quote, the source's title and address.
 */
const EVIDENCE_FIELD = 'evidence';

/** An evidence field's parts, each checked by the debate schema's own rules. */
const EvidenceNode = Evidence.omit({ source: true }).extend({ source: Source });

interface EvidenceRead {
	evidence: Record<string, unknown>;
	source: Record<string, unknown> & { id: string };
}

/**
 * The I-nodes that are evidence: a valid evidence field, and only RA nodes out, each with this
 * node as its one premise and claims as conclusions. One with a field that is not valid, or
 * used as a premise of anything else, stays a claim, with a warning (no data is dropped).
 */
function readEvidenceNodes(
	ordered: AifNode[],
	ins: (id: string) => AifNode[],
	outs: (id: string) => AifNode[],
	file: string,
	nodeLine: (id: string) => number,
	warnings: Diagnostic[]
): Map<string, EvidenceRead> {
	const found = new Map<string, EvidenceRead>();
	for (const n of ordered) {
		if (n.evidence === undefined) continue;
		const checked = EvidenceNode.safeParse(n.evidence);
		if (!checked.success) {
			const issue = checked.error.issues[0]!;
			const where = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the field';
			warnings.push(
				warning(
					file,
					nodeLine(n.id),
					`I-node "${n.id}" has an "${EVIDENCE_FIELD}" field that is not valid evidence (${where}: ${issue.message}); it was read as a claim`,
					'write the evidence as Counterpoint exports it, or remove the field'
				)
			);
			continue;
		}
		const supports = outs(n.id);
		const plain =
			supports.length > 0 &&
			supports.every(
				(s) =>
					s.type === 'RA' &&
					ins(s.id).length === 1 &&
					outs(s.id).length > 0 &&
					outs(s.id).every((c) => c.type === 'I' && c.evidence === undefined)
			);
		if (!plain) {
			warnings.push(
				warning(
					file,
					nodeLine(n.id),
					`evidence I-node "${n.id}" does not only support claims through inferences of its own; it was read as a claim`
				)
			);
			continue;
		}
		const { source, ...evidence } = checked.data;
		found.set(n.id, { evidence, source: source as EvidenceRead['source'] });
	}
	return found;
}

function decodeAif(text: string, file: string): DecodeResult {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const lines = new Lines(body);
	const warnings: Diagnostic[] = [];
	const fail = (errors: Diagnostic[]): DecodeResult => ({ ok: false, errors, warnings });

	const parsed = parseJson(body, file, lines);
	if (!parsed.ok) return fail([parsed.error]);
	const root = parsed.value;

	/** Line of the first `"key":` in the text (good enough to point at a list). */
	const keyLine = (key: string) => {
		const m = new RegExp(`"${escapeRe(key)}"\\s*:`).exec(body);
		return m ? lines.at(m.index).line : 1;
	};
	const notAif = (message: string) =>
		fail([
			error(
				file,
				1,
				message,
				'an AIF file is a JSON object with "nodes" and "edges" lists (AIFdb), or with an "AIF" object holding them (OVA3)'
			)
		]);

	if (!isObject(root)) return notAif('not an AIF file: the JSON is not an object');
	if (own(root, 'formatVersion') !== undefined)
		return fail([
			error(
				file,
				keyLine('formatVersion'),
				'this is a Counterpoint debate, not an AIF file',
				'import it as Counterpoint JSON'
			)
		]);

	let variant = 'AIFdb';
	let container: JsonObject = root;
	let idKey = 'nodeID';
	let rawNodes: Json[];
	let rawEdges: Json[];
	let title = '';
	/** What a SADFace file says about its analysis, kept in the debate's summary. */
	let about = '';
	const aifValue = own(root, 'AIF');
	if (aifValue !== undefined) {
		if (!isObject(aifValue))
			return fail([
				error(
					file,
					keyLine('AIF'),
					'"AIF" must be an object holding "nodes" and "edges"',
					'this looks like an OVA3 file whose AIF part is damaged'
				)
			]);
		container = aifValue;
		// OVA3 saves carry their layout under "OVA"; AMF's xAIF has "ova" or none.
		variant = own(root, 'OVA') !== undefined ? 'OVA3' : 'xAIF';
		const t = own(root, 'text');
		title = shortTitle(plainText(isObject(t) ? textOf(own(t, 'txt')) : textOf(t)));
	} else if (looksLikeSadface(root)) {
		variant = 'SADFace';
		idKey = 'id';
		const meta = own(root, 'metadata');
		const core = isObject(meta) ? own(meta, 'core') : undefined;
		title = isObject(core) ? shortTitle(textOf(own(core, 'title'))) : '';
		if (isObject(core)) about = sadfaceAbout(core);
	}

	const listAt = (key: string, required: boolean): Json[] | Diagnostic => {
		const v = own(container, key);
		if (v === undefined && required)
			return error(
				file,
				1,
				`not an AIF file: there is no "${key}" list`,
				'an AIF file is a JSON object with "nodes" and "edges" lists (AIFdb), or with an "AIF" object holding them (OVA3)'
			);
		if (v === undefined || v === null) return [];
		if (!Array.isArray(v))
			return error(
				file,
				keyLine(key),
				`"${key}" must be a list, not ${typeof v === 'object' ? 'an object' : `a ${typeof v}`}`,
				`write "${key}": [ … ]`
			);
		return v;
	};
	if (variant === 'SADFace') {
		({ nodes: rawNodes, edges: rawEdges } = fromSadface(root));
	} else {
		const n = listAt('nodes', true);
		const e = listAt('edges', false);
		const problems = [n, e].filter((x): x is Diagnostic => !Array.isArray(x));
		if (problems.length > 0) return fail(problems);
		rawNodes = n as Json[];
		rawEdges = e as Json[];
	}
	const optionalList = (key: string): Json[] => {
		const v = own(container, key);
		return Array.isArray(v) ? v : [];
	};

	// Where each node stands in the text, found once: `"nodeID": "123"` or `"nodeID": 123`.
	let nodeOffsets: Map<string, number> | undefined;
	const nodeLine = (id: string): number => {
		if (!nodeOffsets) {
			nodeOffsets = new Map();
			const re = new RegExp(
				`"${idKey}"\\s*:\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|(-?\\d[\\d.eE+-]*))`,
				'g'
			);
			for (let m = re.exec(body); m; m = re.exec(body)) {
				const key = (m[1] ?? m[2] ?? '').trim();
				if (!nodeOffsets.has(key)) nodeOffsets.set(key, m.index);
			}
		}
		const offset = nodeOffsets.get(id);
		return offset === undefined ? 0 : lines.at(offset).line;
	};

	// Nodes.
	const nodes = new Map<string, AifNode>();
	let malformed = 0;
	const duplicates: string[] = [];
	rawNodes.forEach((raw, index) => {
		if (!isObject(raw)) return void malformed++;
		const id = idOf(own(raw, 'nodeID'));
		if (id === undefined) return void malformed++;
		let type = textOf(own(raw, 'type')).trim().toUpperCase();
		// Kept, so edges to it still resolve; reported below with the other unread types.
		if (!type) type = '(NO TYPE)';
		if (nodes.has(id)) return void duplicates.push(id);
		const evidence = type === 'I' ? own(raw, EVIDENCE_FIELD) : undefined;
		nodes.set(id, {
			id,
			type,
			text: textOf(own(raw, 'text')),
			index,
			...(evidence !== undefined ? { evidence } : {})
		});
	});
	if (malformed > 0)
		warnings.push(warning(file, keyLine('nodes'), `nodes without a nodeID skipped: ${malformed}`));
	if (duplicates.length > 0)
		warnings.push(
			warning(
				file,
				nodeLine(duplicates[0]!),
				`nodeID ${listIds(duplicates)} appears more than once; the first node with it was kept`
			)
		);

	// Edges: every end must be a node of the file.
	const incoming = new Map<string, AifNode[]>();
	const outgoing = new Map<string, AifNode[]>();
	const edgeErrors: Diagnostic[] = [];
	let fromIdOffsets: number[] | undefined;
	const edgeLine = (raw: Json, index: number): number => {
		const edgeId = isObject(raw) ? idOf(own(raw, 'edgeID')) : undefined;
		if (edgeId !== undefined) {
			const re = new RegExp(
				`"edgeID"\\s*:\\s*(?:"${escapeRe(edgeId)}"|${escapeRe(edgeId)}(?![\\w.]))`
			);
			const m = re.exec(body);
			if (m) return lines.at(m.index).line;
		}
		fromIdOffsets ??= [...body.matchAll(/"(?:fromID|source_id)"\s*:/g)].map((m) => m.index!);
		const offset = fromIdOffsets[index];
		return offset === undefined ? keyLine('edges') : lines.at(offset).line;
	};
	rawEdges.forEach((raw, index) => {
		const from = isObject(raw) ? idOf(own(raw, 'fromID')) : undefined;
		const to = isObject(raw) ? idOf(own(raw, 'toID')) : undefined;
		const a = from === undefined ? undefined : nodes.get(from);
		const b = to === undefined ? undefined : nodes.get(to);
		if (a && b) {
			push(outgoing, a.id, b);
			push(incoming, b.id, a);
			return;
		}
		if (edgeErrors.length >= 20) return;
		const edgeId = isObject(raw) ? idOf(own(raw, 'edgeID')) : undefined;
		const name = edgeId !== undefined ? `edge "${edgeId}"` : `edge ${index + 1}`;
		const missing = [
			[from, a, 'fromID'],
			[to, b, 'toID']
		] as const;
		const what = missing
			.filter(([, node]) => !node)
			.map(([id, , key]) =>
				id === undefined
					? `has no ${key}`
					: `${key === 'fromID' ? 'comes from' : 'goes to'} node "${id}", which is not in the file`
			)
			.join(' and ');
		edgeErrors.push(
			error(
				file,
				edgeLine(raw, index),
				`${name} ${what}`,
				'every edge must join two nodes listed under "nodes"; remove the edge or add the node'
			)
		);
	});
	if (edgeErrors.length > 0) return fail(edgeErrors);

	const ordered = [...nodes.values()];
	const ins = (id: string) => incoming.get(id) ?? [];
	const outs = (id: string) => outgoing.get(id) ?? [];
	// Evidence written by Counterpoint: an I-node with an `evidence` field, supporting claims
	// through RA nodes of its own. It goes back onto those claims as evidence, not as a claim.
	const evidenceNodes = readEvidenceNodes(ordered, ins, outs, file, nodeLine, warnings);
	const inodes = ordered.filter((n) => n.type === 'I' && !evidenceNodes.has(n.id));
	if (inodes.length === 0)
		return fail([
			error(
				file,
				1,
				rawNodes.length === 0
					? 'the AIF file has no claims: its node list is empty'
					: 'the AIF file has no claims: it has no I-nodes (propositions)',
				'export the analysis again once it holds at least one proposition'
			)
		]);

	// Claims: one per I-node.
	const taken = new Set<string>();
	const claimId = new Map<string, string>();
	for (const n of inodes) claimId.set(n.id, makeId(`n${n.id}`, taken));

	// Relations, one per premise of each argument S-node, in node order.
	const relations = new Map<string, Rel[]>();
	const seen = new Set<string>();
	let duplicateRelations = 0;
	const addRelation = (from: string, target: RelationTarget, stance: Stance) => {
		const key = `${from}|${typeof target === 'string' ? target : `${target.from}->${target.to}`}|${stance}`;
		if (seen.has(key)) return void duplicateRelations++;
		seen.add(key);
		push(relations, from, { from, target, stance });
	};
	const dangling: string[] = [];
	const linked: string[] = [];
	const rephrases: string[] = [];
	const selfLoops: string[] = [];
	const multiConclusion: string[] = [];
	const unresolved: string[] = [];
	const otherTypes = new Map<string, number>();
	const dialogue = new Map<string, number>();
	const snodes = ordered.filter(
		(n) => ARGUMENT.has(n.type) && !ins(n.id).some((p) => evidenceNodes.has(p.id))
	);
	/** The single relation an S-node stands for, when it has one premise and one conclusion I. */
	const single = (s: AifNode): { from: string; to: string } | undefined => {
		const p = ins(s.id).filter((n) => n.type === 'I');
		const c = outs(s.id).filter((n) => n.type === 'I');
		if (p.length !== 1 || c.length !== 1 || p[0] === c[0]) return undefined;
		return { from: claimId.get(p[0]!.id)!, to: claimId.get(c[0]!.id)! };
	};
	for (const s of snodes) {
		const premises = [...new Set(ins(s.id).filter((n) => n.type === 'I'))];
		const conclusions = [
			...new Set(outs(s.id).filter((n) => n.type === 'I' || ARGUMENT.has(n.type)))
		];
		if (premises.length === 0 || conclusions.length === 0) {
			dangling.push(s.id);
			continue;
		}
		if (premises.length > 1) linked.push(s.id);
		if (conclusions.length > 1) multiConclusion.push(s.id);
		if (s.type === 'MA') rephrases.push(s.id);
		const stance = STANCE[s.type]!;
		for (const c of conclusions) {
			if (c.type === 'I') {
				for (const p of premises) {
					if (p === c) selfLoops.push(s.id);
					else addRelation(claimId.get(p.id)!, claimId.get(c.id)!, stance);
				}
				continue;
			}
			const link = single(c);
			if (!link) {
				unresolved.push(s.id);
				continue;
			}
			for (const p of premises) {
				const from = claimId.get(p.id)!;
				if (from === link.from) selfLoops.push(s.id);
				else addRelation(from, { ...link }, stance);
			}
		}
	}
	for (const n of ordered) {
		if (n.type === 'I' || ARGUMENT.has(n.type)) continue;
		const counts = DIALOGUE.has(n.type) ? dialogue : otherTypes;
		counts.set(n.type, (counts.get(n.type) ?? 0) + 1);
	}

	// Speakers: L → YA → I makes the locution's speaker the claim's actor.
	const participants = new Map<string, string>();
	for (const p of optionalList('participants')) {
		if (!isObject(p)) continue;
		const id = idOf(own(p, 'participantID'));
		const name = [textOf(own(p, 'firstname')), textOf(own(p, 'surname'))]
			.map((s) => s.trim())
			.filter(Boolean)
			.join(' ');
		if (id !== undefined && name && !participants.has(id)) participants.set(id, name);
	}
	const personOf = new Map<string, string>();
	for (const l of optionalList('locutions')) {
		if (!isObject(l)) continue;
		const node = idOf(own(l, 'nodeID'));
		const person = idOf(own(l, 'personID'));
		if (node !== undefined && person !== undefined && !personOf.has(node))
			personOf.set(node, person);
	}
	const speakerOf = (l: AifNode): string | undefined => {
		const person = personOf.get(l.id);
		const named = person === undefined ? undefined : participants.get(person);
		return named ?? speakerInText(l.text);
	};
	// Questions: an I-node asked (a YA "Pure/Assertive/Rhetorical Questioning" onto it, as QT30
	// and AIFdb write the moderator's questions), or whose text ends with a question mark.
	const asked = new Set<string>();
	for (const ya of ordered)
		if (ya.type === 'YA' && /question/i.test(ya.text))
			for (const n of outs(ya.id)) if (n.type === 'I') asked.add(n.id);
	const isQuestion = (n: AifNode) => asked.has(n.id) || /[?？]\s*$/.test(n.text);

	const actorIds = new Set<string>();
	const actors = new Map<string, string>(); // name → id
	const actorOf = new Map<string, string>(); // I-node → actor id
	for (const ya of ordered) {
		if (ya.type !== 'YA') continue;
		const targets = outs(ya.id).filter((n) => n.type === 'I' && !actorOf.has(n.id));
		if (targets.length === 0) continue;
		const speaker = ins(ya.id)
			.filter((n) => n.type === 'L')
			.map(speakerOf)
			.find((s) => s !== undefined);
		if (!speaker) continue;
		let actor = actors.get(speaker);
		if (!actor) {
			actor = makeId(speaker, actorIds, 'a');
			actors.set(speaker, actor);
		}
		for (const t of targets) actorOf.set(t.id, actor);
	}

	// Main targets: the first relation of each claim, unless it would close a circle of targets
	// (AIF allows circles; a debate's claims must each lead to a root). A union-find of the
	// target forest: a claim, still a root when its turn comes, may hang under `p` unless `p`
	// already leads up to it.
	const up = new Map<string, string>();
	const find = (id: string): string => {
		let at = id;
		while (up.has(at) && up.get(at) !== at) at = up.get(at)!;
		// Path compression.
		let c = id;
		while (c !== at) {
			const next = up.get(c)!;
			up.set(c, at);
			c = next;
		}
		return at;
	};
	const parentOf = (r: Rel) => (typeof r.target === 'string' ? r.target : r.target.from);
	const primary = new Map<string, Rel>();
	const cycles: string[] = [];
	for (const n of inodes) {
		const id = claimId.get(n.id)!;
		const rels = relations.get(id) ?? [];
		const chosen = rels.find((r) => find(parentOf(r)) !== id);
		if (rels.length > 0 && chosen !== rels[0]) cycles.push(n.id);
		if (chosen) {
			primary.set(id, chosen);
			up.set(id, find(parentOf(chosen)));
		}
	}

	// The thesis: the root with the most claims under it, preferring roots that argue for
	// nothing (a root may keep relations in `also` after a circle was broken).
	const under = new Map<string, number>();
	for (const n of inodes) {
		const r = find(claimId.get(n.id)!);
		under.set(r, (under.get(r) ?? 0) + 1);
	}
	const roots = inodes.map((n) => claimId.get(n.id)!).filter((id) => !primary.has(id));
	const bare = roots.filter((id) => !relations.has(id));
	let thesis = (bare.length > 0 ? bare : roots)[0]!;
	for (const r of bare.length > 0 ? bare : roots)
		if (under.get(r)! > under.get(thesis)!) thesis = r;

	// Claims.
	const relatedTo = new Set<string>();
	for (const rels of relations.values())
		for (const r of rels) {
			relatedTo.add(r.from);
			if (typeof r.target === 'string') relatedTo.add(r.target);
			else relatedTo.add(r.target.from).add(r.target.to);
		}
	const isolated: string[] = [];
	const otherRoots: string[] = [];
	const otherQuestions: string[] = [];
	const long: string[] = [];
	const empty: string[] = [];
	// Each claim's evidence, in node order; one source per source id written.
	const sources = new Map<string, Record<string, unknown>>();
	const evidenceOf = new Map<string, Record<string, unknown>[]>();
	for (const [id, e] of evidenceNodes) {
		const known = sources.get(e.source.id);
		let sourceId = e.source.id;
		if (known && JSON.stringify(known) !== JSON.stringify(e.source)) {
			sourceId = makeId(e.source.id, new Set(sources.keys()), 's');
		}
		if (!sources.has(sourceId)) sources.set(sourceId, { ...e.source, id: sourceId });
		for (const s of outs(id))
			for (const c of outs(s.id))
				if (claimId.has(c.id)) push(evidenceOf, c.id, { ...e.evidence, source: sourceId });
	}
	const claims = inodes.map((n) => {
		const id = claimId.get(n.id)!;
		let fitted = fitClaimText(n.text);
		if (!fitted.text) {
			empty.push(n.id);
			fitted = { text: '(an I-node without text)', shortened: false };
		} else if (fitted.shortened) long.push(n.id);
		if (!relatedTo.has(id) && id !== thesis) isolated.push(n.id);
		const main = primary.get(id);
		const also = (relations.get(id) ?? [])
			.filter((r) => r !== main)
			.map((r) => ({ target: r.target, stance: r.stance }));
		const actor = actorOf.get(n.id);
		// A question at the top is drawn and listed as one (map, outline), not as another thesis.
		const question = !main && isQuestion(n);
		if (!main && id !== thesis) (question ? otherQuestions : otherRoots).push(n.id);
		return {
			id,
			...(question ? { kind: 'question' as const } : {}),
			text: fitted.text,
			...(fitted.detail ? { detail: fitted.detail } : {}),
			...(main ? { stance: main.stance, target: main.target } : {}),
			...(also.length > 0 ? { also } : {}),
			...(actor ? { actor } : {}),
			...(evidenceOf.has(n.id) ? { evidence: evidenceOf.get(n.id) } : {})
		};
	});

	const note = (ids: string[], message: (s: string) => string, hint?: string) => {
		if (ids.length > 0)
			warnings.push(warning(file, nodeLine(ids[0]!), message(ids.length === 1 ? '' : 's'), hint));
	};
	note(
		linked,
		(s) =>
			`linked argument${s} with several premises (S-node${s} ${listIds(linked)}) became one relation per premise`,
		'Counterpoint draws each premise as its own support or attack'
	);
	note(
		rephrases,
		(s) =>
			`rephrase${s} (MA node${s} ${listIds(rephrases)}) became support${s} from the rephrasing claim to the rephrased one`
	);
	note(
		dangling,
		(s) => `S-node${s} without a premise or a conclusion skipped: ${listIds(dangling)}`
	);
	note(
		unresolved,
		(s) =>
			`relation${s} aimed at an inference that is not one premise to one conclusion skipped (S-node${s} ${listIds(unresolved)})`,
		'Counterpoint can undercut only the link from one claim to another'
	);
	note(
		multiConclusion,
		(s) =>
			`S-node${s} with several conclusions (${listIds(multiConclusion)}): each premise relates to each conclusion`
	);
	note(
		selfLoops,
		(s) => `relation${s} from a claim to itself skipped (S-node${s} ${listIds(selfLoops)})`
	);
	note(
		cycles,
		(s) =>
			`circle${s} of relations broken at I-node${s} ${listIds(cycles)}: the relation closing the circle was kept as an extra relation (also)`,
		'a claim must lead to a root through its main target'
	);
	note(
		isolated,
		(s) =>
			`I-node${s} related to no other claim kept as separate root${s} beside the thesis: ${listIds(isolated)}`
	);
	if (otherRoots.length + otherQuestions.length > 0) {
		const thesisNode = inodes.find((n) => claimId.get(n.id) === thesis)!;
		const parts = [
			otherRoots.length > 0 ? plural(otherRoots.length, 'other top-level claim') : '',
			otherQuestions.length > 0 ? plural(otherQuestions.length, 'question') : ''
		].filter(Boolean);
		warnings.push(
			warning(
				file,
				nodeLine(thesisNode.id),
				`the file has ${plural(roots.length, 'top-level claim')}: the thesis is I-node "${thesisNode.id}" (the one with most claims under it, "${shortTitle(thesisNode.text, 60)}"); ${parts.join(' and ')} are drawn beside it as separate top-level claims`,
				'to argue about another one, set "thesis" to its id in the debate file (Counterpoint YAML or JSON export)'
			)
		);
	}
	note(
		long,
		(s) =>
			`claim${s} longer than 160 characters shortened, the full text kept as detail (I-node${s} ${listIds(long)})`
	);
	note(empty, (s) => `I-node${s} without text given a placeholder: ${listIds(empty)}`);
	if (duplicateRelations > 0)
		warnings.push(
			warning(file, 0, `repeated relations between the same claims merged: ${duplicateRelations}`)
		);
	if (dialogue.size > 0) {
		const total = [...dialogue.values()].reduce((a, b) => a + b, 0);
		const parts = [...dialogue].map(([t, k]) => `${k} ${t}`).join(', ');
		warnings.push(
			warning(
				file,
				0,
				`dialogue layer dropped: ${plural(total, 'node')} (${parts})${actors.size > 0 ? `; ${plural(actors.size, 'speaker')} kept as claim actors` : ''}`
			)
		);
	}
	if (otherTypes.size > 0) {
		const parts = [...otherTypes].map(([t, k]) => `${k} ${t}`).join(', ');
		warnings.push(
			warning(file, 0, `nodes of types Counterpoint does not read were skipped: ${parts}`)
		);
	}

	const base = file.split(/[\\/]/).pop() ?? file;
	const name = base.replace(/\.(aif\.)?json$/i, '').replace(/\.aif$/i, '');
	const frame = importedFrame({
		id: name || 'aif',
		// Untitled: named after the thesis chosen (the root with most below), not the first node.
		title:
			title ||
			shortTitle(inodes.find((n) => claimId.get(n.id) === thesis)?.text ?? '') ||
			name ||
			'Imported debate',
		format: variant === 'SADFace' ? 'SADFace' : `AIF JSON, ${variant} variant`,
		file,
		language: debateLanguage(
			inodes.map((n) => n.text),
			(message, hint) => warnings.push(warning(file, 0, message, hint))
		)
	});
	frame.actors = [...actors].map(([actorName, id]) => ({ id, name: actorName }));
	if (about) {
		const summary = `${about} ${frame.summary}`;
		frame.summary =
			summary.length <= LONG_TEXT_MAX ? summary : `${summary.slice(0, LONG_TEXT_MAX - 1)}…`;
		if (summary.length > LONG_TEXT_MAX)
			warnings.push(
				warning(
					file,
					keyLine('description'),
					`the SADFace description and notes were shortened to ${LONG_TEXT_MAX} characters`
				)
			);
	}
	frame.sources = [...sources.values()];
	const data = { ...frame, thesis, claims };

	const claimLine = (i: number) => {
		const n = inodes[i];
		return n ? nodeLine(n.id) : 0;
	};
	const thesisIndex = claims.findIndex((c) => c.id === thesis);
	const locate: Locate = (path) => {
		let line = 0;
		if (path[0] === 'claims' && typeof path[1] === 'number') line = claimLine(path[1]);
		else if (path[0] === 'thesis') line = claimLine(thesisIndex);
		return { line, column: line > 0 ? 1 : 0 };
	};
	return { ok: true, data, warnings, locate };
}

// ---------------------------------------------------------------------------------------------
// Writing

/** AIFdb's timestamp for a debate: its newest source date, or the epoch, never the clock. */
function timestampOf(debate: Debate): string {
	const dates = debate.sources
		.map((s) => s.date)
		.filter((d): d is string => d !== undefined)
		.map((d) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d))
		.sort();
	return `${dates[dates.length - 1] ?? '1970-01-01'} 00:00:00`;
}

function encodeAif(debate: Debate, lang?: string): string {
	const language = lang ?? debate.language;
	const timestamp = timestampOf(debate);
	const inodeOf = new Map<string, string>();
	debate.claims.forEach((c, i) => inodeOf.set(c.id, String(i + 1)));
	const nodes: Record<string, unknown>[] = debate.claims.map((c) => ({
		nodeID: inodeOf.get(c.id)!,
		// The whole text, not the 160 characters a claim shows: an I-node holds long texts.
		text: fullText(c, language, debate.language),
		type: 'I',
		timestamp
	}));
	// One S-node per relation, claim by claim, the main relation first (reading takes a claim's
	// first relation as its target).
	const relations = debate.claims.flatMap((c) => [
		...(c.target !== undefined && c.stance !== undefined
			? [{ from: c.id, target: c.target, stance: c.stance }]
			: []),
		...(c.also ?? []).map((r) => ({ from: c.id, target: r.target, stance: r.stance }))
	]);
	const snodeOf = new Map<string, string>();
	let next = debate.claims.length;
	const assigned = relations.map((r) => {
		const id = String(++next);
		if (typeof r.target === 'string') {
			const key = `${r.from}->${r.target}`;
			if (!snodeOf.has(key)) snodeOf.set(key, id);
		}
		return { ...r, id };
	});
	const edges: Record<string, string | null>[] = [];
	const edge = (fromID: string, toID: string) =>
		edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });
	for (const r of assigned) {
		const to =
			typeof r.target === 'string'
				? inodeOf.get(r.target)
				: snodeOf.get(`${r.target.from}->${r.target.to}`);
		const from = inodeOf.get(r.from);
		if (to === undefined || from === undefined) continue;
		const conflict = r.stance === 'con';
		nodes.push({
			nodeID: r.id,
			text: conflict ? 'Default Conflict' : 'Default Inference',
			type: conflict ? 'CA' : 'RA',
			timestamp,
			scheme: conflict ? 'Default Conflict' : 'Default Inference',
			schemeID: conflict ? '71' : '72'
		});
		edge(from, r.id);
		edge(r.id, to);
	}
	// Evidence: an I-node each, supporting its claim through an RA node. Its text says the quote
	// and the source for any AIF tool; its `evidence` field holds all of it for Counterpoint.
	const sources = new Map(debate.sources.map((s) => [s.id, s]));
	for (const c of debate.claims) {
		for (const ev of c.evidence ?? []) {
			const source = sources.get(ev.source);
			if (!source) continue;
			const evidenceId = String(++next);
			const title = textIn(source.title, language, debate.language);
			nodes.push({
				nodeID: evidenceId,
				text: `“${ev.quote}” — ${title}${source.url ? `, ${source.url}` : ''}`,
				type: 'I',
				timestamp,
				[EVIDENCE_FIELD]: { ...ev, source }
			});
			const ra = String(++next);
			nodes.push({
				nodeID: ra,
				text: 'Default Inference',
				type: 'RA',
				timestamp,
				scheme: 'Default Inference',
				schemeID: '72'
			});
			edge(evidenceId, ra);
			edge(ra, inodeOf.get(c.id)!);
		}
	}
	return JSON.stringify({ nodes, edges, locutions: [] }, null, '\t') + '\n';
}

/**
 * Whether a text is AIF, from its structure wherever it is in the file: JSON keys come in any
 * order, and a big AIFdb or QT30 nodeset may list tens of kilobytes of nodes (or an OVA3 save
 * a long `text`) before `"edges"` or `"AIF"` appear. Only linear searches run over the whole
 * text; the first 64 KiB decide most files.
 */
function sniffAif(head: string, whole: string = head): number {
	if (!/^\uFEFF?\s*\{/.test(head)) return 0;
	if (/"formatVersion"\s*:/.test(head.slice(0, 4000))) return 0;
	const has = (re: RegExp) => re.test(head) || (whole !== head && re.test(whole));
	if (has(/"AIF"\s*:\s*\{/)) return 0.95;
	// An AIFdb nodeset: nodes with AIF ids and AIF node types; edges may be missing or empty.
	if (
		has(/"nodes"\s*:\s*\[/) &&
		has(/"nodeID"\s*:/) &&
		has(/"type"\s*:\s*"(?:I|RA|CA|MA|L|TA|YA)"/)
	)
		return 0.95;
	if (has(/"nodes"\s*:\s*\[/) && has(/"type"\s*:\s*"atom"/) && has(/"source_id"\s*:/)) return 0.8;
	return 0;
}

export const aifCodec: Codec<'aif'> = {
	...FORMATS.aif,
	sniff: sniffAif,
	decode: async (text, { file }) => {
		try {
			return decodeAif(text, file);
		} catch (e) {
			// A reader bug must come out as a message, never as a crash.
			return {
				ok: false,
				errors: [error(file, 0, `the AIF file could not be read: ${(e as Error).message}`)],
				warnings: []
			};
		}
	},
	encode: (debate, options) => encodeAif(debate, options?.lang)
};
