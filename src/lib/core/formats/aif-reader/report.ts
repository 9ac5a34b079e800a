import type { Diagnostic } from '../../load/diagnostic';
import { warning } from '../build';
import type { ClaimsRead } from './read-claims';
import type { RelationsRead } from './read-relations';
import { listIds, plural, shortTitle, type AifNode } from './model';
import type { Positions } from './positions';

/** Everything reading found worth saying, gathered from the steps that found it. */
export interface Findings {
	relations: RelationsRead;
	/** I-nodes where a circle of relations was broken. */
	cycles: string[];
	claims: ClaimsRead;
	/** The thesis's I-node, and how many top-level claims there are in all. */
	thesisNode: AifNode;
	rootCount: number;
	/** Nodes of the dialogue layer and of types not read, counted by type. */
	dialogue: Map<string, number>;
	otherTypes: Map<string, number>;
	/** How many speakers became actors. */
	actorCount: number;
}

/** Writes warnings, each on the line of the first node it names. */
class Report {
	constructor(
		private readonly at: Positions,
		private readonly file: string,
		private readonly warnings: Diagnostic[]
	) {}

	/** One warning for the nodes `ids`, when there are any; `message` is given the plural "s". */
	note(ids: string[], message: (s: string) => string, hint?: string): void {
		if (ids.length > 0)
			this.warnings.push(
				warning(this.file, this.at.nodeLine(ids[0]!), message(ids.length === 1 ? '' : 's'), hint)
			);
	}

	/** One warning for the whole file (no line). */
	whole(message: string): void {
		this.warnings.push(warning(this.file, 0, message));
	}
}

/** What was made of S-nodes that do not map one to one onto relations. */
function reportRelations(r: RelationsRead, report: Report): void {
	report.note(
		r.linked,
		(s) =>
			`linked argument${s} with several premises (S-node${s} ${listIds(r.linked)}) became one relation per premise`,
		'Counterpoint draws each premise as its own support or attack'
	);
	report.note(
		r.rephrases,
		(s) =>
			`rephrase${s} (MA node${s} ${listIds(r.rephrases)}) became support${s} from the rephrasing claim to the rephrased one`
	);
	report.note(
		r.dangling,
		(s) => `S-node${s} without a premise or a conclusion skipped: ${listIds(r.dangling)}`
	);
	report.note(
		r.unresolved,
		(s) =>
			`relation${s} aimed at an inference that is not one premise to one conclusion skipped (S-node${s} ${listIds(r.unresolved)})`,
		'Counterpoint can undercut only the link from one claim to another'
	);
	report.note(
		r.multiConclusion,
		(s) =>
			`S-node${s} with several conclusions (${listIds(r.multiConclusion)}): each premise relates to each conclusion`
	);
	report.note(
		r.selfLoops,
		(s) => `relation${s} from a claim to itself skipped (S-node${s} ${listIds(r.selfLoops)})`
	);
}

/** Which claim was chosen as the thesis, when the file has other top-level claims. */
function reportRoots(f: Findings, at: Positions, file: string, warnings: Diagnostic[]): void {
	const { otherRoots, otherQuestions } = f.claims;
	if (otherRoots.length + otherQuestions.length === 0) return;
	const parts = [
		otherRoots.length > 0 ? plural(otherRoots.length, 'other top-level claim') : '',
		otherQuestions.length > 0 ? plural(otherQuestions.length, 'question') : ''
	].filter(Boolean);
	warnings.push(
		warning(
			file,
			at.nodeLine(f.thesisNode.id),
			`the file has ${plural(f.rootCount, 'top-level claim')}: the thesis is I-node "${f.thesisNode.id}" (the one with most claims under it, "${shortTitle(f.thesisNode.text, 60)}"); ${parts.join(' and ')} are drawn beside it as separate top-level claims`,
			'to argue about another one, set "thesis" to its id in the debate file (Counterpoint YAML or JSON export)'
		)
	);
}

/** The nodes counted by type that were not read: the dialogue layer, and unknown types. */
function reportUnread(f: Findings, report: Report): void {
	if (f.dialogue.size > 0) {
		const total = [...f.dialogue.values()].reduce((a, b) => a + b, 0);
		const parts = [...f.dialogue].map(([t, k]) => `${k} ${t}`).join(', ');
		const speakers =
			f.actorCount > 0 ? `; ${plural(f.actorCount, 'speaker')} kept as claim actors` : '';
		report.whole(`dialogue layer dropped: ${plural(total, 'node')} (${parts})${speakers}`);
	}
	if (f.otherTypes.size > 0) {
		const parts = [...f.otherTypes].map(([t, k]) => `${k} ${t}`).join(', ');
		report.whole(`nodes of types Counterpoint does not read were skipped: ${parts}`);
	}
}

/**
 * The warnings about what reading changed or left out, in a fixed order: S-nodes, circles,
 * isolated claims, other top-level claims, long and empty texts, repeated relations, the
 * dialogue layer and unread node types.
 */
export function reportFindings(
	f: Findings,
	at: Positions,
	file: string,
	warnings: Diagnostic[]
): void {
	const report = new Report(at, file, warnings);
	reportRelations(f.relations, report);
	report.note(
		f.cycles,
		(s) =>
			`circle${s} of relations broken at I-node${s} ${listIds(f.cycles)}: the relation closing the circle was kept as an extra relation (also)`,
		'a claim must lead to a root through its main target'
	);
	report.note(
		f.claims.isolated,
		(s) =>
			`I-node${s} related to no other claim kept as separate root${s} beside the thesis: ${listIds(f.claims.isolated)}`
	);
	reportRoots(f, at, file, warnings);
	report.note(
		f.claims.long,
		(s) =>
			`claim${s} longer than 160 characters shortened, the full text kept as detail (I-node${s} ${listIds(f.claims.long)})`
	);
	report.note(
		f.claims.empty,
		(s) => `I-node${s} without text given a placeholder: ${listIds(f.claims.empty)}`
	);
	if (f.relations.duplicateRelations > 0)
		report.whole(
			`repeated relations between the same claims merged: ${f.relations.duplicateRelations}`
		);
	reportUnread(f, report);
}
