import type { ArgumentGraph } from '../model/graph';
import { aggregate, combine, linksInto } from './dfquad';
import type { Evaluation } from './evaluate';
import type { Label } from './grounded';

/**
 * Why a claim has its label, as steps a page words in the reader's language. Each step names
 * the claims it rests on, so each can be a link.
 *
 * - `unopposed`: nothing objects to the claim (IN).
 * - `stands`: objection `by` stands and attacks the claim (makes it OUT). `unanswered` when
 *   nothing answers `by` at all; otherwise `answers` lists the answers to it, each knocked down.
 * - `falls`: objection `by` is itself knocked down by `knockedBy` (standing objections to it).
 * - `cut`: objection `by` stands, but `cutBy` (standing) says it does not bear on the claim.
 * - `open`: objection `by` is undecided: it is part of a circle of objections (UNDEC).
 */
export type Reason =
	| { code: 'unopposed' }
	| { code: 'stands'; by: string; unanswered: boolean; answers: string[] }
	| { code: 'falls'; by: string; knockedBy: string[] }
	| { code: 'cut'; by: string; cutBy: string[] }
	| { code: 'open'; by: string };

/** A claim's label with the reasons for it; `struck` when a what-if took it out. */
export interface LabelExplanation {
	id: string;
	label: Label | undefined;
	struck: boolean;
	/** The objections to the claim, each with what became of it: the deciding ones first. */
	reasons: Reason[];
	/** How many objections to the claim still stand (the ones that make it OUT). */
	standing: number;
	/** How many of those have no answer at all. */
	unanswered: number;
	/** How many objections there are in all. */
	objections: number;
}

/** One supporter or attacker in the strength sum: its strength and the weight it counts with. */
export interface Term {
	id: string;
	/** The supporter's or attacker's own strength σ. */
	strength: number;
	/** What it counts with: its strength, reduced by claims undercutting its link. */
	weight: number;
	/** Claims (not struck) that undercut its link to this claim. */
	undercutBy: string[];
}

/**
 * The DF-QuAD working for one claim, with its own numbers:
 * attack = 1 − ∏(1 − wᵢ) over attackers, support likewise over supporters, then
 * strength = base − base · (attack − support) when attack ≥ support, else
 * base + (1 − base) · (support − attack).
 */
export interface StrengthWorking {
	id: string;
	base: number;
	supporters: Term[];
	attackers: Term[];
	/** F of the supporters' weights. */
	support: number;
	/** F of the attackers' weights. */
	attack: number;
	/** `down`: attack outweighs support; `up`: support outweighs attack; `even`: neither moves it. */
	direction: 'down' | 'up' | 'even';
	/** The claim's strength as the evaluation has it (equal to the formula's, up to iteration on cycles). */
	strength: number;
	/** The formula's result from these numbers. */
	computed: number;
}

const byStrength = (evaluation: Evaluation) => (a: string, b: string) =>
	(evaluation.strength.get(b) ?? 0) - (evaluation.strength.get(a) ?? 0);

/** Attackers of every claim, with their standing undercutters: shared by the explanations. */
function attackersOf(graph: ArgumentGraph, evaluation: Evaluation) {
	return linksInto(graph, evaluation.struck).contributions;
}

/**
 * Why a claim is IN, OUT or UNDEC under the grounded labelling, one step per objection to it:
 * the deciding objections first (those standing, for an OUT claim), each list ordered strongest
 * first. Pure: the evaluation is the one the page shows.
 */
export function explainLabel(
	graph: ArgumentGraph,
	evaluation: Evaluation,
	id: string,
	links = attackersOf(graph, evaluation)
): LabelExplanation {
	const label = evaluation.labels.get(id);
	const struck = evaluation.struck.has(id);
	const empty = { id, label, struck, reasons: [], standing: 0, unanswered: 0, objections: 0 };
	if (struck || label === undefined) return empty;
	const is = (x: string, l: Label) => evaluation.labels.get(x) === l;
	const strongest = byStrength(evaluation);
	const attacks = (links.get(id) ?? []).filter((c) => !c.pro);
	const objectionsTo = (x: string) => (links.get(x) ?? []).filter((c) => !c.pro).map((c) => c.from);

	const stands: Reason[] = [];
	const open: Reason[] = [];
	const fell: Reason[] = [];
	for (const a of [...attacks].sort((p, q) => strongest(p.from, q.from))) {
		const cutBy = a.undercutters.filter((u) => is(u, 'IN')).sort(strongest);
		if (is(a.from, 'OUT')) {
			const knockedBy = objectionsTo(a.from)
				.filter((x) => is(x, 'IN'))
				.sort(strongest);
			fell.push({ code: 'falls', by: a.from, knockedBy });
		} else if (cutBy.length > 0) fell.push({ code: 'cut', by: a.from, cutBy });
		else if (is(a.from, 'IN') && a.undercutters.every((u) => is(u, 'OUT'))) {
			const answers = objectionsTo(a.from).sort(strongest);
			stands.push({ code: 'stands', by: a.from, unanswered: answers.length === 0, answers });
		} else open.push({ code: 'open', by: a.from });
	}
	const reasons: Reason[] =
		attacks.length === 0 ? [{ code: 'unopposed' }] : [...stands, ...open, ...fell];
	return {
		...empty,
		reasons,
		standing: stands.length,
		unanswered: stands.filter((r) => r.code === 'stands' && r.unanswered).length,
		objections: attacks.length
	};
}

/** The DF-QuAD sum behind a claim's strength, with the numbers that went into it. */
export function explainStrength(
	graph: ArgumentGraph,
	evaluation: Evaluation,
	id: string,
	links = attackersOf(graph, evaluation)
): StrengthWorking | undefined {
	const strength = evaluation.strength.get(id);
	const base = evaluation.base.get(id);
	if (strength === undefined || base === undefined) return undefined;
	const supporters: Term[] = [];
	const attackers: Term[] = [];
	for (const c of links.get(id) ?? []) {
		const own = evaluation.strength.get(c.from) ?? 0;
		let weight = own;
		for (const u of c.undercutters) weight *= 1 - (evaluation.strength.get(u) ?? 0);
		(c.pro ? supporters : attackers).push({
			id: c.from,
			strength: own,
			weight,
			undercutBy: c.undercutters
		});
	}
	const heaviest = (a: Term, b: Term) => b.weight - a.weight;
	supporters.sort(heaviest);
	attackers.sort(heaviest);
	const support = aggregate(supporters.map((s) => s.weight));
	const attack = aggregate(attackers.map((a) => a.weight));
	return {
		id,
		base,
		supporters,
		attackers,
		support,
		attack,
		direction: attack > support ? 'down' : support > attack ? 'up' : 'even',
		strength,
		computed: combine(base, attack, support)
	};
}

/** The strongest claims on each side of the thesis, for "what is the best case against?". */
export interface StrongestClaims {
	/** Claims arguing for the thesis (side +1), strongest first. */
	support: string[];
	/** Claims arguing against it (side −1), strongest first. */
	objections: string[];
}

/**
 * Claims ranked by strength on each side of the thesis, strongest first (ties in file order),
 * at most `limit` each. Struck claims and questions are left out.
 */
export function strongestClaims(
	graph: ArgumentGraph,
	evaluation: Evaluation,
	limit = Infinity
): StrongestClaims {
	const rank = (side: number) =>
		sortByStrength(
			graph.order.filter(
				(id) =>
					id !== graph.debate.thesis &&
					graph.side.get(id) === side &&
					graph.claims.get(id)?.kind !== 'question' &&
					evaluation.strength.has(id)
			),
			evaluation
		).slice(0, limit);
	return { support: rank(1), objections: rank(-1) };
}

/**
 * Claim ids ordered strongest first; claims without a strength (struck) go last. The sort is
 * stable: claims of equal strength keep the order they came in.
 */
export function sortByStrength(ids: readonly string[], evaluation: Evaluation): string[] {
	const s = (id: string) => evaluation.strength.get(id) ?? -1;
	return [...ids].sort((a, b) => s(b) - s(a));
}
