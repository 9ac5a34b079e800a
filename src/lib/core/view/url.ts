import type { ArgumentGraph } from '../model/graph';
import { Id } from '../schema/debate';
import { FACETS, Filters, Layout, ViewState, type Facet } from './view-state';

/**
 * The view state in a link: `?focus=c05&tag=safety&q=open+weights&strike=c02&score=p01:0.8`.
 * Lists are comma-separated. Reading is lenient: a value that is not valid, or names a claim the
 * debate does not have, is dropped and reported, never fatal — a link from an older version of
 * a debate still opens.
 */

const LIST_PARAMS = { fold: 'folded', unfold: 'unfolded', strike: 'struck' } as const;

function list(params: URLSearchParams, name: string): string[] {
	return (params.get(name) ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
		.slice(0, 500);
}

export interface ReadView {
	state: ViewState;
	/** `name=value` pieces that were ignored, for a gentle notice. */
	dropped: string[];
}

/** Reads view state from query parameters; with a graph, ids are checked against the debate. */
export function readViewParams(params: URLSearchParams, graph?: ArgumentGraph): ReadView {
	const dropped: string[] = [];
	const isClaim = (id: string) => Id.safeParse(id).success && (graph ? graph.claims.has(id) : true);
	const claimParam = (name: string): string | undefined => {
		const v = params.get(name);
		if (v === null || v === '') return undefined;
		if (isClaim(v)) return v;
		dropped.push(`${name}=${v}`);
		return undefined;
	};
	const claimList = (name: string): string[] => {
		const out: string[] = [];
		for (const v of list(params, name)) {
			if (isClaim(v) && !out.includes(v)) out.push(v);
			else if (!isClaim(v)) dropped.push(`${name}=${v}`);
		}
		return out;
	};

	const filters = {} as Record<Facet, string[]>;
	for (const facet of FACETS) {
		const item = Filters.shape[facet].unwrap().element;
		filters[facet] = [];
		for (const v of list(params, facet)) {
			const known =
				graph && facet === 'actor'
					? graph.debate.actors.some((a) => a.id === v)
					: graph && facet === 'tag'
						? graph.debate.tags.some((t) => t.id === v)
						: true;
			if (item.safeParse(v).success && known) {
				if (!filters[facet].includes(v)) filters[facet].push(v);
			} else dropped.push(`${facet}=${v}`);
		}
	}

	const scores: Record<string, number> = {};
	for (const pair of list(params, 'score')) {
		const [id = '', value = ''] = pair.split(':');
		const n = Number(value);
		if (isClaim(id) && value !== '' && Number.isFinite(n) && n >= 0 && n <= 1) scores[id] = n;
		else dropped.push(`score=${pair}`);
	}

	const layout = Layout.safeParse(params.get('layout') ?? 'columns');
	if (!layout.success) dropped.push(`layout=${params.get('layout')}`);
	const lang = params.get('lang');
	const query = (params.get('q') ?? '').slice(0, 200);

	const levelsText = params.get('levels');
	const levelsNumber = Number(levelsText);
	const levels =
		levelsText === 'all'
			? 'all'
			: levelsText && Number.isInteger(levelsNumber) && levelsNumber >= 1 && levelsNumber <= 200
				? levelsNumber
				: undefined;
	if (levelsText !== null && levels === undefined) dropped.push(`levels=${levelsText}`);

	const present = params.get('present') === '1';
	const stepText = params.get('step');
	const stepNumber = stepText === null ? 1 : Number(stepText);
	if (stepText !== null && !(Number.isInteger(stepNumber) && stepNumber >= 1))
		dropped.push(`step=${stepText}`);
	const step = Number.isInteger(stepNumber) && stepNumber >= 1 ? stepNumber - 1 : 0;

	const state = ViewState.parse({
		claim: claimParam('claim'),
		focus: claimParam('focus'),
		[LIST_PARAMS.fold]: claimList('fold'),
		[LIST_PARAMS.unfold]: claimList('unfold'),
		levels,
		[LIST_PARAMS.strike]: claimList('strike'),
		filters,
		query,
		scores,
		lang: lang && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : 'en',
		layout: layout.success ? layout.data : 'columns',
		present,
		step,
		print: params.get('print') === '1'
	});
	return { state, dropped };
}

/** Writes the view state as query parameters, leaving out whatever is at its default. */
export function writeViewParams(state: ViewState): URLSearchParams {
	const params = new URLSearchParams();
	if (state.claim) params.set('claim', state.claim);
	if (state.focus) params.set('focus', state.focus);
	if (state.folded.length) params.set('fold', state.folded.join(','));
	if (state.levels !== undefined) params.set('levels', String(state.levels));
	if (state.unfolded.length) params.set('unfold', state.unfolded.join(','));
	for (const facet of FACETS)
		if (state.filters[facet].length) params.set(facet, state.filters[facet].join(','));
	if (state.query.trim()) params.set('q', state.query);
	if (state.struck.length) params.set('strike', state.struck.join(','));
	const scores = Object.entries(state.scores);
	if (scores.length) params.set('score', scores.map(([id, v]) => `${id}:${round(v)}`).join(','));
	if (state.lang !== 'en') params.set('lang', state.lang);
	if (state.layout !== 'columns') params.set('layout', state.layout);
	if (state.print) params.set('print', '1');
	if (state.present) {
		params.set('present', '1');
		params.set('step', String(state.step + 1));
	}
	return params;
}

function round(v: number): string {
	return String(Math.round(v * 100) / 100);
}
