import { textIn } from '../schema/localised';
import type { Debate } from '../schema/debate';
import { error } from './build';
import { FORMATS } from './catalog';
import { fullText } from './left-out';
import type { Codec } from './codec';
import { decodeAif } from './aif-reader/decode';
import { EVIDENCE_FIELD } from './aif-reader/evidence';

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
 * Reading maps I-nodes to claims and each S-node to one relation per premise (`aif-reader/decode.ts`
 * runs the steps, one module of `aif-reader/` each):
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

export { speakerInText } from './aif-reader/dialogue';

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
