import type { Label, LabelExplanation } from '$lib/core/evaluate';
import type { ArgumentGraph } from '$lib/core/model';
import { textIn } from '$lib/core/schema/text';
import { stanceBand, type StanceBand } from '$lib/core/schema/poll-scale';
import type { Evidence, Source } from '$lib/core/schema';
import {
	FACET_DESCRIPTORS,
	isFixedFacet,
	type Facet,
	type FacetDescriptor,
	type FacetMessageKey
} from '$lib/core/view';
import type { MapWords } from '$lib/map/elements';
import type { StandingWords } from '$lib/map/standing';
import { m } from '$lib/paraglide/messages.js';
import { uiLang } from '$lib/state/ui-language.svelte';

/**
 * Words about claims in the reader's language, for the outline, the drawer, the map and what
 * screen readers announce. Every function takes the language (`view.lang`) explicitly.
 */

const at = (lang: string) => ({ locale: uiLang(lang) });

/**
 * How a claim relates to its target, for screen readers and the outline: "objects to",
 * "supports"; at the top, "thesis", or for the other roots of a forest (an imported AIF file)
 * "top-level claim" or "question".
 */
export function relationWord(graph: ArgumentGraph, id: string, lang: string): string {
	const claim = graph.claims.get(id);
	if (claim && claim.stance === undefined && id !== graph.debate.thesis)
		return claim.kind === 'question'
			? m.relation_root_question({}, at(lang))
			: m.relation_root_claim({}, at(lang));
	if (!claim || claim.stance === undefined) return m.relation_thesis({}, at(lang));
	return claim.stance === 'pro'
		? m.relation_supports({}, at(lang))
		: m.relation_objects({}, at(lang));
}

/** "for the thesis" / "against the thesis" once stances are multiplied through. */
export function sideWords(graph: ArgumentGraph, id: string, lang: string): string {
	if (graph.claims.get(id)?.target === undefined) return '';
	return graph.side.get(id) === -1 ? m.side_against({}, at(lang)) : m.side_for({}, at(lang));
}

/** A message named by a facet descriptor, in `lang`; a key that is no message fails the type check. */
function facetMessage(key: FacetMessageKey, lang: string): string {
	return m[key]({}, at(lang));
}

/** Headings of the filter groups. */
export function facetTitle(facet: Facet, lang: string): string {
	return facetMessage(FACET_DESCRIPTORS[facet].title, lang);
}

/** How a filter value reads in the panel: the facet's message for it, or the debate's own word. */
export function facetValueWord(graph: ArgumentGraph, facet: Facet, value: string, lang: string) {
	const d: FacetDescriptor = FACET_DESCRIPTORS[facet];
	if (!isFixedFacet(d)) {
		const word = d.entries(graph.debate).find((e) => e.id === value)?.word;
		return textIn(word, lang, graph.debate.language) || value;
	}
	const key = d.words[value];
	if (key === undefined) return value;
	const word = facetMessage(key as FacetMessageKey, lang);
	return d.capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** Whether we saw a source's primary, in words. */
export function statusWord(status: string, lang: string): string {
	const words: Record<Source['status'], () => string> = {
		confirmed: () => m.status_confirmed({}, at(lang)),
		secondary: () => m.status_secondary({}, at(lang)),
		unconfirmed: () => m.status_unconfirmed({}, at(lang))
	};
	return words[status as Source['status']]?.() ?? status;
}

/** A kind of evidence ("quote", "statistic"…), in words. */
export function evidenceKindWord(kind: string, lang: string): string {
	const words: Record<Evidence['kind'], () => string> = {
		quote: () => m.evidence_kind_quote({}, at(lang)),
		statistic: () => m.evidence_kind_statistic({}, at(lang)),
		event: () => m.evidence_kind_event({}, at(lang)),
		opinion: () => m.evidence_kind_opinion({}, at(lang)),
		study: () => m.evidence_kind_study({}, at(lang)),
		document: () => m.evidence_kind_document({}, at(lang))
	};
	return words[kind as Evidence['kind']]?.() ?? kind;
}

/** A type of source ("article", "report"…), in words. */
export function sourceTypeWord(type: string, lang: string): string {
	const words: Record<Source['type'], () => string> = {
		article: () => m.source_type_article({}, at(lang)),
		essay: () => m.source_type_essay({}, at(lang)),
		letter: () => m.source_type_letter({}, at(lang)),
		license: () => m.source_type_license({}, at(lang)),
		report: () => m.source_type_report({}, at(lang)),
		post: () => m.source_type_post({}, at(lang)),
		transcript: () => m.source_type_transcript({}, at(lang)),
		book: () => m.source_type_book({}, at(lang)),
		other: () => m.source_type_other({}, at(lang))
	};
	return words[type as Source['type']]?.() ?? type;
}

/** A grounded label as the reader sees it: IN / OUT / UNDEC, 成立 / 被驳倒 / 未定. */
export function labelWord(label: Label, lang: string): string {
	if (label === 'IN') return m.label_in({}, at(lang));
	if (label === 'OUT') return m.label_out({}, at(lang));
	return m.label_undec({}, at(lang));
}

/** What each grounded label means, in classroom words. */
export function labelMeaning(label: Label, lang: string): string {
	if (label === 'IN') return m.label_meaning_in({}, at(lang));
	if (label === 'OUT') return m.label_meaning_out({}, at(lang));
	return m.label_meaning_undec({}, at(lang));
}

/** Each band of the poll's scale, worded (a band missing here fails the type check). */
const STANCE_WORDS: Record<StanceBand, (lang: string) => string> = {
	'strongly-against': (lang) => m.stance_strongly_against({}, at(lang)),
	against: (lang) => m.stance_against({}, at(lang)),
	undecided: (lang) => m.stance_undecided({}, at(lang)),
	for: (lang) => m.stance_for({}, at(lang)),
	'strongly-for': (lang) => m.stance_strongly_for({}, at(lang))
};

/** Words for a stance on the poll's 0–100 scale (the core decides the band). */
export function stanceWordsIn(stance: number, lang: string): string {
	return STANCE_WORDS[stanceBand(stance)](lang);
}

/** The words the map writes into its nodes: headers, the fold line and the label footers. */
export function mapWords(lang: string): MapWords & { standing: StandingWords } {
	const l = at(lang);
	return {
		thesis: m.map_thesis({}, l),
		rootClaim: m.map_root_claim({}, l),
		rootQuestion: m.map_root_question({}, l),
		pro: m.map_pro({}, l),
		con: m.map_con({}, l),
		forThesis: m.map_for_thesis({}, l),
		againstThesis: m.map_against_thesis({}, l),
		answersObjection: m.map_answers_objection({}, l),
		backsObjection: m.map_backs_objection({}, l),
		hidden: (n) => m.map_folded({ total: n.for + n.against, pro: n.for, con: n.against }, l),
		standing: {
			labels: {
				IN: m.map_standing_in({}, l),
				OUT: m.map_standing_out({}, l),
				UNDEC: m.map_standing_undec({}, l)
			},
			flip: (label) => labelWord(label, lang),
			struck: m.map_struck({}, l)
		}
	};
}

/** A short name for a claim: its title, else its text. */
export function shortName(graph: ArgumentGraph, id: string, lang: string): string {
	const c = graph.claims.get(id);
	if (!c) return id;
	return (
		textIn(c.title, lang, graph.debate.language) || textIn(c.text, lang, graph.debate.language)
	);
}

/**
 * The verdict on a claim after its label word, in classroom words: "2 objections have no answer
 * yet:", "every objection to it has been answered." (the list of objections follows it).
 */
export function verdictSummary(why: LabelExplanation, lang: string): string {
	const l = at(lang);
	const count = why.standing;
	if (why.label === 'UNDEC') return m.verdict_circle({}, l);
	if (why.label === 'IN')
		return why.objections === 0 ? m.verdict_unopposed({}, l) : m.verdict_answered({}, l);
	if (why.unanswered === count)
		return count === 1
			? m.verdict_unanswered_one({ count }, l)
			: m.verdict_unanswered_other({ count }, l);
	return count === 1
		? m.verdict_standing_one({ count }, l)
		: m.verdict_standing_other({ count }, l);
}

/** The precise term for a grounded label, with its definition (one click from the plain word). */
export function labelPrecise(label: Label, lang: string): string {
	if (label === 'IN') return m.precise_in({}, at(lang));
	if (label === 'OUT') return m.precise_out({}, at(lang));
	return m.precise_undec({}, at(lang));
}
