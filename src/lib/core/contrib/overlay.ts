import type { Debate } from '../schema/debate';
import type { Contribution, ContributionDraft } from './contribution';

// What the page does with additions it already holds (lay them over the debate, fill the form
// to edit one) needs no validator: this module stays free of zod, and the
// checks in `contribution.ts` load when a student first submits or stored additions are read.

/** The form's fields for an existing addition (to edit it). */
export function draftOf(c: Contribution, lang: string): ContributionDraft {
	const text =
		typeof c.claim.text === 'string'
			? c.claim.text
			: (c.claim.text[lang] ?? Object.values(c.claim.text)[0]!);
	const quote = c.claim.evidence?.[0]?.kind === 'quote' ? c.claim.evidence[0].quote : undefined;
	return {
		target: typeof c.claim.target === 'string' ? c.claim.target : c.claim.target!.to,
		stance: c.claim.stance!,
		text,
		author: c.claim.contributor?.name,
		source: c.source
			? {
					title:
						typeof c.source.title === 'string' ? c.source.title : Object.values(c.source.title)[0],
					url: c.source.url,
					quote
				}
			: undefined
	};
}

export interface Overlay {
	debate: Debate;
	/** Additions not shown because what they answer is gone (deleted, or no longer in the file). */
	orphans: string[];
}

/**
 * The debate with the additions laid over it, as the map shows it. An addition whose target is
 * missing (its parent addition was deleted, or the file changed) is left out and reported.
 */
export function withContributions(debate: Debate, contributions: readonly Contribution[]): Overlay {
	const live = contributions.filter((c) => !c.deleted);
	if (live.length === 0) return { debate, orphans: [] };
	const known = new Set(debate.claims.map((c) => c.id));
	const taken = new Set([...known, ...debate.sources.map((s) => s.id)]);
	const pending = live.filter((c) => !known.has(c.id));
	const claims = [...debate.claims];
	const sources = [...debate.sources];
	// Additions may answer additions: add those whose target is known until nothing changes.
	let progress = true;
	while (progress) {
		progress = false;
		for (let i = 0; i < pending.length; i++) {
			const c = pending[i]!;
			const target = typeof c.claim.target === 'string' ? c.claim.target : c.claim.target?.to;
			if (!target || !known.has(target)) continue;
			claims.push(c.claim);
			known.add(c.id);
			if (c.source && !taken.has(c.source.id)) {
				sources.push(c.source);
				taken.add(c.source.id);
			}
			pending.splice(i--, 1);
			progress = true;
		}
	}
	return { debate: { ...debate, claims, sources }, orphans: pending.map((c) => c.id) };
}

/** A short random id for a new addition, unlike any in `taken`. */
export function freshId(taken: Iterable<string>): string {
	const used = new Set(taken);
	for (;;) {
		const id = `my-${Math.random().toString(36).slice(2, 8)}`;
		if (id.length > 4 && !used.has(id)) return id;
	}
}
