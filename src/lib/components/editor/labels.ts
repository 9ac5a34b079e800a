import type { DraftClaim, DraftHead } from '$lib/core/author/draft';

/** How a claim is named in a list: its short title or the start of its text, else its id. */
export function labelOf(
	claim: DraftClaim,
	head: Pick<DraftHead, 'language' | 'languages'>
): string {
	for (const lang of [head.language, ...head.languages]) {
		const s = claim.title?.[lang]?.trim() || claim.text?.[lang]?.trim();
		if (s) return s.length > 60 ? `${s.slice(0, 59)}…` : s;
	}
	return claim.id;
}

/** An id made from a name: lower-case letters and digits joined by "-" (empty if none). */
export function slug(name: string): string {
	return name
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);
}
