import type { ArgumentGraph } from '../model/graph';
import { characterCount, firstCharacters } from '../schema/characters';
import { isId, LANGUAGE_TAG_PATTERN } from '../schema/vocabulary';
import { facetAccepts, FACETS, LAYOUTS, type Facet } from './filters';
import type { Layout, ViewState } from './view-state';

/**
 * The view state in a link: `?focus=c05&tag=safety&q=open+weights&strike=c02&score=p01:0.8`.
 * Lists are comma-separated. Reading is lenient: a value that is not valid, or names a claim the
 * debate does not have, is dropped and reported, never fatal — a link from an older version of
 * a debate still opens.
 *
 * Read with the format's plain vocabulary (`vocabulary.ts`, `filters.ts`) rather than the zod
 * schemas, so that opening a link does not load the validator; a property test checks that
 * whatever this returns is a valid `ViewState` by the schema.
 */

const LIST_PARAMS = { fold: 'folded', unfold: 'unfolded', strike: 'struck' } as const;

/** At most this many values of one parameter are read; the rest are ignored, and counted. */
const LIST_MAX = 500;

/** The values of a comma-separated parameter; those past {@link LIST_MAX} go to `overflow`. */
function list(params: URLSearchParams, name: string, overflow: string[]): string[] {
	const all = (params.get(name) ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	for (const v of all.slice(LIST_MAX)) overflow.push(`${name}=${v}`);
	return all.slice(0, LIST_MAX);
}

export interface ReadView {
	state: ViewState;
	/** `name=value` pieces that were ignored, for a gentle notice. */
	dropped: string[];
}

/** Reads view state from query parameters; with a graph, ids are checked against the debate. */
export function readViewParams(params: URLSearchParams, graph?: ArgumentGraph): ReadView {
	const dropped: string[] = [];
	// Values past the limit, named after the ones that were read and dropped.
	const overflow: string[] = [];
	const isClaim = (id: string) => isId(id) && (graph ? graph.claims.has(id) : true);
	const claimParam = (name: string): string | undefined => {
		const v = params.get(name);
		if (v === null || v === '') return undefined;
		if (isClaim(v)) return v;
		dropped.push(`${name}=${v}`);
		return undefined;
	};
	const claimList = (name: string): string[] => {
		const out: string[] = [];
		for (const v of list(params, name, overflow)) {
			if (isClaim(v) && !out.includes(v)) out.push(v);
			else if (!isClaim(v)) dropped.push(`${name}=${v}`);
		}
		return out;
	};

	const filters = {} as Record<Facet, string[]>;
	for (const facet of FACETS) {
		filters[facet] = [];
		for (const v of list(params, facet, overflow)) {
			if (facetAccepts(facet, v, graph)) {
				if (!filters[facet].includes(v)) filters[facet].push(v);
			} else dropped.push(`${facet}=${v}`);
		}
	}

	const scores: Record<string, number> = {};
	for (const pair of list(params, 'score', overflow)) {
		const [id = '', value = ''] = pair.split(':');
		const n = Number(value);
		if (isClaim(id) && value !== '' && Number.isFinite(n) && n >= 0 && n <= 1) scores[id] = n;
		else dropped.push(`score=${pair}`);
	}

	const layoutText = params.get('layout') ?? 'columns';
	const layout = (LAYOUTS as readonly string[]).includes(layoutText)
		? (layoutText as Layout)
		: undefined;
	if (!layout) dropped.push(`layout=${layoutText}`);
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

	const claim = claimParam('claim');
	const focus = claimParam('focus');
	const state: ViewState = {
		...(claim ? { claim } : {}),
		...(focus ? { focus } : {}),
		[LIST_PARAMS.fold]: claimList('fold'),
		[LIST_PARAMS.unfold]: claimList('unfold'),
		...(levels !== undefined ? { levels } : {}),
		[LIST_PARAMS.strike]: claimList('strike'),
		filters: filters as ViewState['filters'],
		query,
		scores,
		lang: lang && LANGUAGE_TAG_PATTERN.test(lang) ? lang : 'en',
		layout: layout ?? 'columns',
		present,
		step,
		// `print=1` is the full handout (as links made before the short one say), `print=short` the short.
		print: params.get('print') === '1' || params.get('print') === 'short',
		handout: params.get('print') === 'short' ? 'short' : 'full'
	};
	return { state, dropped: [...dropped, ...overflow] };
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
	if (state.print) params.set('print', state.handout === 'short' ? 'short' : '1');
	if (state.present) {
		params.set('present', '1');
		params.set('step', String(state.step + 1));
	}
	return params;
}

function round(v: number): string {
	return String(Math.round(v * 100) / 100);
}

/** How many ignored parts of a link a notice names, and how long each may be. */
export const IGNORED_SHOWN = 3;
export const IGNORED_PART_MAX = 40;

/**
 * The ignored parts of a link as a notice names them: the first few, each cut short, and how many
 * more there are. A link with a thousand bad scores must not push the map off the screen.
 */
export function summariseIgnored(parts: readonly string[]): { parts: string; more: number } {
	const shown = parts
		.slice(0, IGNORED_SHOWN)
		.map((p) =>
			characterCount(p) > IGNORED_PART_MAX ? `${firstCharacters(p, IGNORED_PART_MAX - 1)}…` : p
		);
	return { parts: shown.join(', '), more: Math.max(0, parts.length - IGNORED_SHOWN) };
}
