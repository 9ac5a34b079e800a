import type { DebateView } from '$lib/state/debate-view.svelte';
import { labelMeaning, labelWord, relationWord, shortName, sideWords } from './claim-words';
import { t } from './i18n';

/**
 * What the map's live region says when the selection moves: the claim's short name, what it
 * answers, its standing, how many objections and supports it has and what lies below it.
 * Nothing when no claim is selected.
 */
export function announcement(view: DebateView): string {
	const id = view.selected;
	if (!id) return '';
	const graph = view.graph;
	const lang = view.lang;
	const label = view.evaluation.labels.get(id);
	const strength = view.evaluation.strength.get(id);
	const incoming = graph.incoming.get(id) ?? [];
	const kids = (graph.children.get(id) ?? []).filter((k) => view.shown.has(k)).length;
	return [
		shortName(graph, id, lang),
		id === view.debate.thesis
			? t.relation_thesis()
			: t.announce_relation({
					relation: relationWord(graph, id, lang),
					side: sideWords(graph, id, lang)
				}),
		view.isStruck(id)
			? t.struck_out()
			: label && strength !== undefined
				? t.announce_standing({
						label: labelWord(label, lang),
						meaning: labelMeaning(label, lang),
						strength: strength.toFixed(2)
					})
				: '',
		t.announce_counts({
			objections: incoming.filter((r) => r.stance === 'con').length,
			supports: incoming.filter((r) => r.stance === 'pro').length
		}),
		kids ? t.announce_below({ count: kids }) : t.announce_nothing_below(),
		view.isFolded(id) ? t.announce_folded() : ''
	]
		.filter(Boolean)
		.join(t.sentence_separator());
}
