import type { Label } from '$lib/core/evaluate';
import type { ArgumentGraph } from '$lib/core/model';
import { textIn } from '$lib/core/schema';
import type { Facet } from '$lib/core/view';

/** How a claim relates to its target, for screen readers and the outline: "objects to", "supports". */
export function relationWord(graph: ArgumentGraph, id: string): string {
	const claim = graph.claims.get(id);
	if (!claim || claim.stance === undefined) return 'thesis';
	return claim.stance === 'pro' ? 'supports' : 'objects to';
}

/** "argues for the thesis" / "argues against the thesis" once stances are multiplied through. */
export function sideWords(graph: ArgumentGraph, id: string): string {
	if (graph.claims.get(id)?.target === undefined) return '';
	return graph.side.get(id) === -1 ? 'against the thesis' : 'for the thesis';
}

/** Headings of the filter groups. */
export const FACET_TITLES: Record<Facet, string> = {
	side: 'Side of the thesis',
	stance: 'Stance toward its target',
	actor: 'Argued by',
	tag: 'Theme',
	kind: 'Kind of evidence',
	status: 'Source checked'
};

/** How a filter value reads in the panel. */
export function facetValueWord(graph: ArgumentGraph, facet: Facet, value: string, lang: string) {
	const d = graph.debate;
	switch (facet) {
		case 'side':
			return value === 'for' ? 'For the thesis' : 'Against the thesis';
		case 'stance':
			return value === 'pro' ? '＋ Pro: supports' : '− Con: objects';
		case 'actor':
			return textIn(d.actors.find((a) => a.id === value)?.name, lang, d.language) || value;
		case 'tag':
			return textIn(d.tags.find((t) => t.id === value)?.label, lang, d.language) || value;
		case 'kind':
			return value.charAt(0).toUpperCase() + value.slice(1);
		case 'status':
			return STATUS_WORDS[value as keyof typeof STATUS_WORDS] ?? value;
	}
}

export const STATUS_WORDS = {
	confirmed: 'Primary source seen',
	secondary: 'Known through a secondary report',
	unconfirmed: 'Primary not found'
} as const;

/** What each grounded label means, in classroom words. */
export const LABEL_MEANINGS: Record<Label, string> = {
	IN: 'stands: every objection to it is itself defeated',
	OUT: 'defeated: an objection to it stands',
	UNDEC: 'undecided: objections and answers go round in a circle'
};

/** A short name for a claim: its title, else its text. */
export function shortName(graph: ArgumentGraph, id: string, lang: string): string {
	const c = graph.claims.get(id);
	if (!c) return id;
	return (
		textIn(c.title, lang, graph.debate.language) || textIn(c.text, lang, graph.debate.language)
	);
}
