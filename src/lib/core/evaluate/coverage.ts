import type { ArgumentGraph } from '../model/graph';

/** Where a debate is thin: prompts for what a class should argue or look up next. */
export interface Coverage {
	/**
	 * The thesis and the claims arguing for it (its side, once stances are multiplied through: an
	 * objection to an objection counts) that nobody has objected to yet.
	 */
	unanswered: string[];
	/** Claims arguing against the thesis (a support of an objection too) nobody has answered yet. */
	unrebutted: string[];
	/** Claims whose evidence all comes from sources we could not confirm. */
	onlyUnconfirmed: string[];
	/** Claims with no evidence at all. */
	noEvidence: string[];
}

/**
 * Finds the gaps in a debate, each list in file order. A claim counts as objected to when a
 * `con` relation targets it, or when a `con` undercut attacks one of its own links (that
 * objects to its reasoning). Questions are skipped: they are answered, not argued or sourced.
 */
export function coverage(graph: ArgumentGraph): Coverage {
	const objected = new Set<string>();
	for (const r of graph.relations) {
		if (r.stance !== 'con') continue;
		// An undercut's `to` is the end of the link it attacks, not a claim it disputes.
		objected.add(r.undercuts ? r.undercuts.from : r.to);
	}
	const status = new Map(graph.debate.sources.map((s) => [s.id, s.status]));

	const result: Coverage = { unanswered: [], unrebutted: [], onlyUnconfirmed: [], noEvidence: [] };
	for (const id of graph.order) {
		const claim = graph.claims.get(id);
		if (!claim || claim.kind === 'question') continue;
		const open = !objected.has(id);
		// By side, not stance: a "pro" claim backing an objection argues against the thesis.
		const against = id !== graph.debate.thesis && graph.side.get(id) === -1;
		if (open && !against) result.unanswered.push(id);
		if (open && against) result.unrebutted.push(id);
		const evidence = claim.evidence ?? [];
		if (evidence.length === 0) result.noEvidence.push(id);
		// A source missing from the list (only in unchecked input) is no better than unconfirmed.
		else if (evidence.every((e) => (status.get(e.source) ?? 'unconfirmed') === 'unconfirmed'))
			result.onlyUnconfirmed.push(id);
	}
	return result;
}
