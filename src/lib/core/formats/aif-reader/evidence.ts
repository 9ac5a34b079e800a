import type { Diagnostic } from '../../load/diagnostic';
import { Evidence, Source } from '../../schema/debate';
import { makeId, warning } from '../build';
import { push, type Graph } from './model';
import type { Positions } from './positions';

/**
 * The field of an I-node that holds a piece of evidence Counterpoint wrote: the evidence as in
 * a debate file, with its source (id and all) in place of the source's id. Other AIF tools
 * ignore it and show the node's text, which says the quote, the source's title and address.
 */
export const EVIDENCE_FIELD = 'evidence';

/** An evidence field's parts, each checked by the debate schema's own rules. */
const EvidenceNode = Evidence.omit({ source: true }).extend({ source: Source });

/** A piece of evidence read from an I-node, and its source. */
export interface EvidenceRead {
	evidence: Record<string, unknown>;
	source: Record<string, unknown> & { id: string };
}

/**
 * The I-nodes that are evidence: a valid evidence field, and only RA nodes out, each with this
 * node as its one premise and claims as conclusions. One with a field that is not valid, or
 * used as a premise of anything else, stays a claim, with a warning (no data is dropped).
 */
export function readEvidenceNodes(
	{ ordered, ins, outs }: Graph,
	at: Positions,
	file: string,
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
					at.nodeLine(n.id),
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
					at.nodeLine(n.id),
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

/**
 * The debate's sources and each claim I-node's evidence, in node order: one source per source
 * id written, a source given again with other details getting an id of its own.
 */
export function collectEvidence(
	evidenceNodes: Map<string, EvidenceRead>,
	{ outs }: Graph,
	isClaim: (id: string) => boolean
): {
	sources: Map<string, Record<string, unknown>>;
	evidenceOf: Map<string, Record<string, unknown>[]>;
} {
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
				if (isClaim(c.id)) push(evidenceOf, c.id, { ...e.evidence, source: sourceId });
	}
	return { sources, evidenceOf };
}
