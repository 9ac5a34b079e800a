import type { Diagnostic } from '../../load/diagnostic';
import { Lines } from '../../load/json';
import { LONG_TEXT_MAX } from '../../schema/localised';
import { debateLanguage, error, importedFrame, makeId, warning } from '../build';
import type { DecodeResult, Locate } from '../codec';
import { readContainer, type AifFile } from './container';
import { questionTest, readSpeakers } from './dialogue';
import { collectEvidence, readEvidenceNodes } from './evidence';
import { shortTitle, type AifNode } from './model';
import { Positions } from './positions';
import { reportFindings } from './report';
import { readClaims } from './read-claims';
import { readEdges, readNodes } from './read-graph';
import { countUnread, readRelations } from './read-relations';
import { chooseTargets, chooseThesis } from './read-targets';

/** What the debate around the claims is made of. */
interface Frame {
	aif: AifFile;
	/** The thesis's I-node, whose text names an untitled debate. */
	thesisNode: AifNode;
	inodes: AifNode[];
	actors: Map<string, string>;
	sources: Map<string, Record<string, unknown>>;
}

/**
 * The debate's frame: named after the file, titled by the file's own title, else the thesis's
 * text; its format the AIF variant; its language told from the claims' texts; its actors and
 * sources. A SADFace description goes before the summary, cut to a summary's length (warned).
 */
function debateFrame(f: Frame, at: Positions, file: string, warnings: Diagnostic[]) {
	const base = file.split(/[\\/]/).pop() ?? file;
	const name = base.replace(/\.(aif\.)?json$/i, '').replace(/\.aif$/i, '');
	const frame = importedFrame({
		id: name || 'aif',
		// Untitled: named after the thesis chosen (the root with most below), not the first node.
		title: f.aif.title || shortTitle(f.thesisNode.text) || name || 'Imported debate',
		format: f.aif.variant === 'SADFace' ? 'SADFace' : `AIF JSON, ${f.aif.variant} variant`,
		file,
		language: debateLanguage(
			f.inodes.map((n) => n.text),
			(message, hint) => warnings.push(warning(file, 0, message, hint))
		)
	});
	frame.actors = [...f.actors].map(([actorName, id]) => ({ id, name: actorName }));
	if (f.aif.about) {
		const summary = `${f.aif.about} ${frame.summary}`;
		frame.summary =
			summary.length <= LONG_TEXT_MAX ? summary : `${summary.slice(0, LONG_TEXT_MAX - 1)}…`;
		if (summary.length > LONG_TEXT_MAX)
			warnings.push(
				warning(
					file,
					at.keyLine('description'),
					`the SADFace description and notes were shortened to ${LONG_TEXT_MAX} characters`
				)
			);
	}
	frame.sources = [...f.sources.values()];
	return frame;
}

/** The error of a file with no claim to read: no nodes at all, or no I-nodes. */
const noClaims = (empty: boolean, file: string) =>
	error(
		file,
		1,
		empty
			? 'the AIF file has no claims: its node list is empty'
			: 'the AIF file has no claims: it has no I-nodes (propositions)',
		'export the analysis again once it holds at least one proposition'
	);

/** Where a claim, or the thesis (the claim at `thesisIndex`), stands: its I-node's line. */
function locator(inodes: AifNode[], at: Positions, thesisIndex: number): Locate {
	const claimLine = (i: number) => {
		const n = inodes[i];
		return n ? at.nodeLine(n.id) : 0;
	};
	return (path) => {
		let line = 0;
		if (path[0] === 'claims' && typeof path[1] === 'number') line = claimLine(path[1]);
		else if (path[0] === 'thesis') line = claimLine(thesisIndex);
		return { line, column: line > 0 ? 1 : 0 };
	};
}

/**
 * The debate in an AIF file (see `aif.ts` for the mapping): the JSON and its variant, the node
 * graph, evidence I-nodes, claims with ids, relations from S-nodes, speakers from the dialogue
 * layer, main targets and the thesis, the claims, the warnings, then the debate around them.
 */
export function decodeAif(text: string, file: string): DecodeResult {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const lines = new Lines(body);
	const warnings: Diagnostic[] = [];
	const fail = (errors: Diagnostic[]): DecodeResult => ({ ok: false, errors, warnings });

	const read = readContainer(body, lines, file);
	if (!read.ok) return fail(read.errors);
	const aif = read.value;
	const at = new Positions(body, lines, aif.idKey);
	const nodes = readNodes(aif.rawNodes, at, file, warnings);
	const edges = readEdges(aif.rawEdges, nodes, at, file);
	if (!edges.ok) return fail(edges.errors);
	const { graph } = edges;

	// Evidence written by Counterpoint: an I-node with an `evidence` field, supporting claims
	// through RA nodes of its own. It goes back onto those claims as evidence, not as a claim.
	const evidenceNodes = readEvidenceNodes(graph, at, file, warnings);
	const inodes = graph.ordered.filter((n) => n.type === 'I' && !evidenceNodes.has(n.id));
	if (inodes.length === 0) return fail([noClaims(aif.rawNodes.length === 0, file)]);

	// Claims: one per I-node.
	const taken = new Set<string>();
	const claimId = new Map<string, string>();
	for (const n of inodes) claimId.set(n.id, makeId(`n${n.id}`, taken));

	const relations = readRelations(graph, claimId, (id) => evidenceNodes.has(id));
	const { dialogue, otherTypes } = countUnread(graph.ordered);
	const { actors, actorOf } = readSpeakers(graph, aif.container);
	const targets = chooseTargets(inodes, claimId, relations.relations);
	const { thesis, roots } = chooseThesis(inodes, claimId, relations.relations, targets);
	const { sources, evidenceOf } = collectEvidence(evidenceNodes, graph, (id) => claimId.has(id));
	const claims = readClaims(inodes, {
		claimId,
		relations: relations.relations,
		primary: targets.primary,
		thesis,
		actorOf,
		evidenceOf,
		isQuestion: questionTest(graph)
	});
	const thesisNode = inodes.find((n) => claimId.get(n.id) === thesis)!;
	const findings = { relations, cycles: targets.cycles, claims, thesisNode, dialogue, otherTypes };
	reportFindings(
		{ ...findings, rootCount: roots.length, actorCount: actors.size },
		at,
		file,
		warnings
	);

	const frame = debateFrame({ aif, thesisNode, inodes, actors, sources }, at, file, warnings);
	const data = { ...frame, thesis, claims: claims.claims };
	const locate = locator(
		inodes,
		at,
		claims.claims.findIndex((c) => c.id === thesis)
	);
	return { ok: true, data, warnings, locate };
}
