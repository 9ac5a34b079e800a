import type { Contribution } from '../contrib/contribution';
import { withContributions } from '../contrib/overlay';
import { buildGraph } from '../model/graph';
import type { Debate } from '../schema';
import { tourSteps } from '../view/tour';
import type { ClassState } from './class-state';
import type { StudentPart } from './class-results';

/**
 * What a teacher takes home from a class session: the debate with the class's additions (each
 * marked with who wrote it and when; hidden and unapproved ones left out; the tour as the class
 * walked it, with the additions the teacher put in it), and the stance poll
 * as a table for a spreadsheet.
 */

/** The debate as the class left it, for a Counterpoint YAML file. */
export function sessionDebate(
	base: Debate,
	additions: readonly Contribution[],
	state: ClassState,
	names: ReadonlyMap<string, string>
): Debate {
	const shown = additions
		.filter((c) => !c.deleted && !state.states.has(c.id))
		.map((c) => {
			const name = names.get(state.owners.get(c.id) ?? '');
			const contributor = c.claim.contributor ?? { at: new Date(c.updatedAt).toISOString() };
			return name ? { ...c, claim: { ...c.claim, contributor: { ...contributor, name } } } : c;
		});
	const debate = withContributions(base, shown).debate;
	if (!base.tour && state.tour.length === 0) return debate;
	// Written out, so that the file walks what the class walked: the additions left out of the
	// tour stay out of it.
	const tour = tourSteps(buildGraph(debate), {
		additions: new Set(shown.map((c) => c.id)),
		added: state.tour
	});
	return { ...debate, tour };
}

/**
 * The stance poll as CSV (RFC 4180): one row a student — name, stance before and after (0–100),
 * the shift, and the claims they marked most persuasive. A cell that a spreadsheet would read as
 * a formula (starting with = + - @, a tab or a return) is written with a leading apostrophe, so a
 * student's name cannot run one.
 */
export function pollCsv(parts: readonly StudentPart[], names: ReadonlyMap<string, string>): string {
	const header = ['student', 'before', 'after', 'shift', 'most_persuasive'];
	const rows = parts.map((p) => {
		const before = p.poll.before?.stance;
		const after = p.poll.after?.stance;
		return [
			names.get(p.id) ?? p.id,
			before ?? '',
			after ?? '',
			before !== undefined && after !== undefined ? after - before : '',
			p.poll.persuasive.join(' ')
		];
	});
	return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number): string {
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
