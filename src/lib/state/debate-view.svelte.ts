import { getContext, setContext } from 'svelte';
import {
	coverage,
	compareEvaluations,
	strongestClaims,
	type StrongestClaims,
	evaluate,
	type Coverage,
	type Evaluation,
	type EvaluationDiff
} from '../core/evaluate';
import { buildGraph, pathToRoot, type ArgumentGraph } from '../core/model';
import { withContributions } from '../core/contrib/overlay';
import type { Debate } from '../core/schema';
import { ContributionStore } from './contributions.svelte';
import { browserIdentity, OpLog } from './oplog.svelte';
import { sessionLogId } from './db';
import { PollStore } from './poll.svelte';
import { isLocale } from '$lib/paraglide/runtime.js';
import { uiLanguage, type UiLang } from './ui-language.svelte';
import type { DebateSearch } from '../core/search';
import type { SearchHit } from '../core/search/terms';
import {
	LEVELS,
	autoLevels,
	computeVisibility,
	foldedByLevels,
	revealedAt,
	tourSteps,
	emptyFilters,
	hasFilters,
	step,
	type Facet,
	type Filters,
	type Levels,
	type Move,
	type ViewState,
	type Visibility
} from '../core/view';

/** What a picture of the map should look like. */
export interface ImageRequest {
	format: 'png' | 'svg';
	/** 1, 2 or 4 times the map's natural size (PNG). */
	scale: number;
	background: 'white' | 'transparent';
}

/** A slide of the map as shown: the PNG, or none when its texts would be too small to read. */
export interface SlideResult {
	blob: Blob | null;
	/** The smallest claim title on the slide, in its pixels. */
	textPx: number;
}

/** The side panel's tabs. */
export type Panel = 'outline' | 'find' | 'gaps' | 'strongest';
/** Which coverage list the "next to argue" panel highlights. */
export type GapKind = keyof Coverage;

/** The evaluation of a big debate before it is weighed: nothing known yet. */
const NOT_WEIGHED: Evaluation = {
	labels: new Map(),
	strength: new Map(),
	base: new Map(),
	struck: new Set(),
	converged: true,
	iterations: 0
};

/**
 * What one reader is looking at in one debate: selection, focus, folds, filters, search,
 * what-if strike-outs and their own base scores, the language and layout. View state only —
 * none of it is ever written into the debate; the page mirrors it into the URL.
 */
export class DebateView {
	/** The claim shown in the drawer and highlighted on the map and in the outline. */
	selected = $state<string | null>(null);
	drawerOpen = $state(false);
	outlineOpen = $state(true);
	panel = $state<Panel>('outline');
	gapKind = $state<GapKind>('unanswered');
	/** Find's matches and "next to argue" listed strongest first, rather than by match or file order. */
	strongestFirst = $state(false);
	/** How many of each side the "strongest" panel lists. */
	strongestLimit = $state(5);
	/**
	 * The language of the claims and of the whole interface: one switch. It is the shared UI
	 * language rune, so the page around the map, the library and Paraglide's messages follow it.
	 */
	get lang(): UiLang {
		return uiLanguage.current;
	}
	set lang(lang: UiLang) {
		uiLanguage.set(lang);
	}
	/** `columns`: the classroom layout (default); `tree`: a top-down dagre tree, wide but familiar. */
	layout = $state<'columns' | 'tree'>('columns');
	focus = $state<string | null>(null);
	folded = $state<string[]>([]);
	/** Levels shown before claims fold; `undefined`: the debate's default (`autoLevels`). */
	levels = $state<Levels | undefined>(undefined);
	/** Claims past the level limit that the reader opened. */
	unfolded = $state<string[]>([]);
	filters = $state<Filters>(emptyFilters());
	query = $state('');
	/** What-if: claims struck out of the evaluation, in the order they were struck. */
	struck = $state<string[]>([]);
	/** The reader's own base scores, overriding the file's. */
	scores = $state<Record<string, number>>({});
	/**
	 * A class session's votes as base scores (`classBaseScores`), while the teacher weighs the
	 * map with them; the reader's own scores still win. Null: the file's.
	 */
	classScores = $state.raw<Record<string, number> | null>(null);
	/** In a class session: the additions the teacher put in the tour, in that order. */
	private classTour = $state.raw<readonly string[]>([]);
	/** Earlier strike-out sets, for undo. */
	private strikeHistory = $state<string[][]>([]);
	/** Increments whenever someone asks the map to fit; the map component reacts to it. */
	fitRequests = $state(0);
	zoomRequests = $state<{ factor: number; n: number }>({ factor: 1, n: 0 });
	/**
	 * Draws the whole map as a picture; set by the map component while it has a map (it alone
	 * owns Cytoscape), `null` otherwise.
	 */
	exportImage = $state.raw<((request: ImageRequest) => Promise<Blob>) | null>(null);
	/** Draws a 16:9 slide of the map as shown (map/slide.ts); set by the map component too. */
	exportSlide = $state.raw<
		((titles: { title: string; subtitle?: string }) => Promise<SlideResult>) | null
	>(null);
	/** Increments when something asks for the search box (the `/` key). */
	searchRequests = $state(0);

	/** Which claims the map and outline draw, given focus, folds and filters. */
	/** Levels shown: the reader's choice, else the debate's default. */
	readonly shownLevels: Levels;
	/** Claims the level limit folds. */
	readonly levelFolds: Set<string>;
	/** Everything folded: by the reader and by the level limit. */
	readonly allFolded: string[];
	/**
	 * A big debate is weighed (labels and strengths) in a task of its own just after the page's
	 * first frame, not with the page or its map: opening it stays under the 200 ms a task may
	 * take. Set by the page.
	 */
	weighed = $state(false);
	/**
	 * Whether the page has applied its address (focus, folds, filters, language…). The map waits
	 * for it: the first map built is then the one the link describes, built once, not the
	 * default view built and thrown away. Set by {@link apply}.
	 */
	addressRead = $state(false);
	/** Whether the evaluation is still to come (a big debate, just opened). */
	get weighing(): boolean {
		// Size first: a small debate's evaluation then does not depend on `weighed` at all, and is
		// not worked out again when the page sets it.
		return this.graph.order.length > LEVELS.foldAbove && !this.weighed;
	}
	readonly visibility: Visibility;
	readonly shown: Set<string>;
	/** Strength and labels with the reader's scores and strike-outs. */
	readonly evaluation: Evaluation;
	/** The same without strike-outs: what the what-if is compared against. */
	readonly baseline: Evaluation;
	readonly diff: EvaluationDiff | null;
	readonly hits: SearchHit[];
	readonly coverage: Coverage;
	/** Each side's claims, strongest first (all of them; the panel shows the first few). */
	readonly strongest: StrongestClaims;
	/**
	 * Claims to pick out on the map, the rest dimmed: search matches, or on the "next to argue"
	 * panel the chosen list. `null` when nothing is being picked out.
	 */
	readonly highlight: Set<string> | null;

	/**
	 * The debate shown: the file's, plus whatever a reader has added to it. Replaced (never
	 * mutated) when it changes; graph, search and evaluation follow.
	 */
	readonly debate: Debate;
	/** The debate as its file has it, before a reader's additions. */
	readonly base: Debate;
	/** Everything the reader does to this debate (additions, stance), kept in this browser. */
	readonly log: OpLog;
	/** The class session, when the page is one (`/class?code=`): its code, and who this is. */
	readonly session:
		{ code: string; role: 'teacher' | 'student'; moderation: 'open' | 'approve' } | undefined;
	/** The reader's additions in class, saved in this browser. */
	readonly contributions: ContributionStore;
	/** The reader's stance poll on the thesis, saved in this browser. */
	readonly poll: PollStore;
	/** Additions not shown because what they answer is gone. */
	readonly orphans: string[];
	readonly graph: ArgumentGraph;
	/** The full-text index; `null` until the first search loads its code (MiniSearch). */
	readonly search: DebateSearch | null;
	private searchCode = $state.raw<typeof import('../core/search') | null>(null);
	private searchLoading: Promise<void> | undefined;
	/** The tour: the order present mode walks the claims in. */
	readonly tour: string[];
	presenting = $state(false);
	/** Showing the printable handout. */
	printing = $state(false);
	/** Which handout is shown: the full one, or the short one (about two pages). */
	handout = $state<'full' | 'short'>('full');
	/** 0-based step of the tour while presenting. */
	step = $state(0);

	/**
	 * `session`: the page is a class session's (`/class`): its log is the session's, kept apart
	 * from the student's own work on the debate, made as the participant the server knows.
	 */
	constructor(
		debate: Debate,
		session?: {
			code: string;
			actor: string;
			role: 'teacher' | 'student';
			moderation: 'open' | 'approve';
		}
	) {
		this.base = debate;
		this.session = session && {
			code: session.code,
			role: session.role,
			moderation: session.moderation
		};
		this.log = session
			? new OpLog(sessionLogId(session.code), { ...browserIdentity(), actor: session.actor })
			: new OpLog(debate.id);
		this.contributions = new ContributionStore(
			this.log,
			!session ? 'own' : session.role === 'teacher' ? 'any' : 'shared'
		);
		this.poll = new PollStore(this.log);
		const overlay = $derived(withContributions(debate, this.contributions.items));
		this.debate = $derived(overlay.debate);
		this.orphans = $derived(overlay.orphans);
		this.graph = $derived(buildGraph(this.debate));
		this.search = $derived(this.searchCode ? new this.searchCode.DebateSearch(this.debate) : null);
		this.tour = $derived(
			tourSteps(
				this.graph,
				session && {
					// Derived values are replaced, never mutated: a plain set is enough.
					// eslint-disable-next-line svelte/prefer-svelte-reactivity
					additions: new Set(this.contributions.items.map((c) => c.id)),
					added: this.classTour
				}
			)
		);
		this.shownLevels = $derived(this.levels ?? autoLevels(this.graph));
		// The level limit is for reading a big map from the top. A tour reveals claims itself and a
		// filter picks them out, so neither is folded away; a focus counts levels from itself.
		const levelFolds = () =>
			this.presenting || this.filtering
				? []
				: foldedByLevels(
						this.graph,
						this.shownLevels,
						// A lookup built for this call, not state.
						// eslint-disable-next-line svelte/prefer-svelte-reactivity
						new Set(this.unfolded),
						this.focus ? (this.graph.depth.get(this.focus) ?? 0) : 0
					);
		// Derived values are replaced, never mutated: plain sets are enough.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.levelFolds = $derived(new Set(levelFolds()));
		this.allFolded = $derived([...this.folded, ...this.levelFolds]);
		this.visibility = $derived(
			computeVisibility(this.graph, {
				reveal: this.presenting ? revealedAt(this.graph, this.tour, this.step) : undefined,
				focus: this.focus ?? undefined,
				folded: this.allFolded,
				filters: this.filters
			})
		);
		// Derived values are replaced, never mutated: plain sets are enough.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.shown = $derived(new Set(this.visibility.visible));
		this.evaluation = $derived(
			this.weighing
				? NOT_WEIGHED
				: evaluate(this.graph, { baseScores: this.baseScores, struck: this.struck })
		);
		this.baseline = $derived(
			this.struck.length === 0 || this.weighing
				? this.evaluation
				: evaluate(this.graph, { baseScores: this.baseScores })
		);
		this.diff = $derived(
			this.struck.length === 0
				? null
				: compareEvaluations(this.graph, this.baseline, this.evaluation)
		);
		this.hits = $derived.by(() => {
			if (!this.query.trim()) return [];
			// The index's code loads on the first search; the hits follow when it arrives.
			if (!this.search) return (void this.loadSearch(), []);
			return this.search.search(this.query);
		});
		this.coverage = $derived(coverage(this.graph));
		this.strongest = $derived(strongestClaims(this.graph, this.evaluation));
		this.highlight = $derived.by(() => {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			if (this.outlineOpen && this.panel === 'gaps') return new Set(this.coverage[this.gapKind]);
			if (this.outlineOpen && this.panel === 'strongest') {
				const n = this.strongestLimit;
				const { support, objections } = this.strongest;
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				return new Set([...support.slice(0, n), ...objections.slice(0, n)]);
			}
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			if (this.query.trim()) return new Set(this.hits.map((h) => h.id));
			return null;
		});
	}

	/** The claim the tour is on while presenting. */
	get stepClaim(): string | undefined {
		return this.presenting ? this.tour[this.step] : undefined;
	}

	/** Starts present mode at a step (the current one by default). */
	present(step = this.step) {
		this.presenting = true;
		this.goTo(step);
	}

	/**
	 * The teacher changed the class's tour: present mode stays on the claim it shows (its step
	 * may move), or on the nearest step if that claim left the tour.
	 */
	setClassTour(added: readonly string[]) {
		if (added.length === this.classTour.length && added.every((id, i) => id === this.classTour[i]))
			return;
		const on = this.stepClaim;
		this.classTour = added;
		if (!this.presenting) return;
		const at = on === undefined ? -1 : this.tour.indexOf(on);
		if (at !== this.step) this.goTo(at >= 0 ? at : this.step);
	}

	/** Moves the tour to a step (clamped) and selects its claim. */
	goTo(step: number) {
		const last = Math.max(0, this.tour.length - 1);
		this.step = Math.min(last, Math.max(0, Math.round(step)));
		const id = this.tour[this.step];
		if (id) this.select(id);
	}

	stopPresenting() {
		this.presenting = false;
		this.fit();
	}

	get selectedClaim() {
		return this.selected ? this.graph.claims.get(this.selected) : undefined;
	}

	/** The chain from the thesis down to the focused claim, for the breadcrumb. */
	get focusPath(): string[] {
		return this.focus ? pathToRoot(this.graph, this.focus).reverse() : [];
	}

	get filtering(): boolean {
		return hasFilters(this.filters);
	}

	/** Selects a claim and opens its evidence drawer. Unknown ids are ignored. */
	open(id: string) {
		if (!this.graph.claims.has(id)) return;
		this.reveal(id);
		this.selected = id;
		this.drawerOpen = true;
	}

	/** Unfolds whatever hides a claim (a search hit, a link), so opening it shows it on the map. */
	private reveal(id: string) {
		for (const up of pathToRoot(this.graph, id).slice(1)) if (this.isFolded(up)) this.unfold(up);
	}

	/** Selects without opening the drawer (moving through the outline or the map). */
	select(id: string | null) {
		if (id !== null && !this.graph.claims.has(id)) return;
		this.selected = id;
	}

	/** Moves the selection across the visible map; selects the thesis if nothing is selected. */
	move(move: Move) {
		const from = this.selected && this.shown.has(this.selected) ? this.selected : null;
		this.select(from ? step(this.graph, this.shown, from, move) : this.debate.thesis);
	}

	close() {
		this.drawerOpen = false;
	}

	/** Focuses the map on a claim; focusing on the thesis (or `null`) shows the whole map. */
	focusOn(id: string | null) {
		if (id !== null && !this.graph.claims.has(id)) return;
		this.focus = id === this.debate.thesis ? null : id;
		if (id) this.unfold(id);
		this.fit();
	}

	isFolded(id: string): boolean {
		return this.folded.includes(id) || this.levelFolds.has(id);
	}

	toggleFold(id: string) {
		if (!this.graph.claims.has(id)) return;
		if (this.isFolded(id)) this.unfold(id);
		else if (this.unfolded.includes(id)) this.unfolded = this.unfolded.filter((f) => f !== id);
		else this.folded = [...this.folded, id];
	}

	/** Opens a claim folded by the reader or by the level limit. */
	private unfold(id: string) {
		this.folded = this.folded.filter((f) => f !== id);
		if (this.levelFolds.has(id)) this.unfolded = [...this.unfolded, id];
	}

	/** Shows this many levels below the thesis (`all`: every level); opened claims close again. */
	setLevels(levels: Levels) {
		this.levels = levels;
		this.unfolded = [];
	}

	toggleFilter(facet: Facet, value: string) {
		const values = this.filters[facet] as string[];
		const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
		this.filters = { ...this.filters, [facet]: next };
		this.fit();
	}

	clearFilters() {
		this.filters = emptyFilters();
		this.fit();
	}

	isStruck(id: string): boolean {
		return this.struck.includes(id);
	}

	/** Strikes a claim out of the evaluation (or puts it back); undo remembers each step. */
	toggleStrike(id: string) {
		if (!this.graph.claims.has(id)) return;
		this.strikeHistory = [...this.strikeHistory, this.struck];
		this.struck = this.isStruck(id) ? this.struck.filter((s) => s !== id) : [...this.struck, id];
	}

	get canUndoStrike(): boolean {
		return this.strikeHistory.length > 0;
	}

	undoStrike() {
		const previous = this.strikeHistory.at(-1);
		if (previous === undefined) return;
		this.strikeHistory = this.strikeHistory.slice(0, -1);
		this.struck = previous;
	}

	resetStrikes() {
		if (this.struck.length === 0) return;
		this.strikeHistory = [...this.strikeHistory, this.struck];
		this.struck = [];
	}

	/** The base scores the map is weighed with: the reader's own over the class's, if any. */
	private get baseScores(): Record<string, number> {
		return this.classScores ? { ...this.classScores, ...this.scores } : this.scores;
	}

	/** The reader's base score for a claim (their own, else the file's, else 0.5). */
	baseScore(id: string): number {
		return this.evaluation.base.get(id) ?? this.graph.claims.get(id)?.baseScore ?? 0.5;
	}

	setScore(id: string, value: number) {
		if (!this.graph.claims.has(id) || !Number.isFinite(value)) return;
		this.scores = { ...this.scores, [id]: Math.min(1, Math.max(0, value)) };
	}

	resetScore(id: string) {
		const { [id]: _dropped, ...rest } = this.scores;
		this.scores = rest;
	}

	/** Loads the search index's code (once); the index is built for the debate shown. */
	loadSearch(): Promise<void> {
		this.searchLoading ??= import('../core/search').then((code) => {
			this.searchCode = code;
		});
		return this.searchLoading;
	}

	/**
	 * Esc: one step back. Closes the drawer, else leaves the focus, else clears the search,
	 * else clears the selection. Returns false when there was nothing to step back from.
	 */
	back(): boolean {
		if (this.presenting) this.stopPresenting();
		else if (this.printing) this.printing = false;
		else if (this.drawerOpen) this.close();
		else if (this.focus) this.focusOn(null);
		else if (this.query) this.query = '';
		else if (this.selected) this.selected = null;
		else return false;
		return true;
	}

	fit() {
		this.fitRequests++;
	}

	zoom(factor: number) {
		this.zoomRequests = { factor, n: this.zoomRequests.n + 1 };
	}

	/** The view as it goes into a link. */
	get state(): ViewState {
		return {
			claim: this.drawerOpen && this.selected ? this.selected : undefined,
			focus: this.focus ?? undefined,
			folded: this.folded,
			levels: this.levels,
			unfolded: this.unfolded,
			filters: this.filters,
			query: this.query,
			struck: this.struck,
			scores: this.scores,
			lang: this.lang,
			layout: this.layout,
			present: this.presenting,
			step: this.step,
			print: this.printing,
			handout: this.handout
		};
	}

	/** Applies a view read from a link. */
	apply(state: ViewState) {
		this.focus = state.focus ?? null;
		this.folded = state.folded;
		this.levels = state.levels;
		this.unfolded = state.unfolded;
		this.filters = state.filters;
		this.query = state.query;
		this.struck = state.struck;
		this.scores = state.scores;
		if (isLocale(state.lang)) this.lang = state.lang;
		this.layout = state.layout;
		if (state.claim) this.open(state.claim);
		if (state.present) this.present(state.step);
		this.printing = state.print;
		this.handout = state.handout;
		if (state.query.trim() || this.filtering) {
			this.outlineOpen = true;
			this.panel = 'find';
		}
		this.addressRead = true;
	}
}

const KEY = Symbol('debate-view');

export function setDebateView(view: DebateView): DebateView {
	return setContext(KEY, view);
}

export function getDebateView(): DebateView {
	const view = getContext<DebateView | undefined>(KEY);
	if (!view) throw new Error('getDebateView() outside a debate page');
	return view;
}
