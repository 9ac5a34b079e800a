import { getContext, setContext } from 'svelte';
import { buildGraph, type ArgumentGraph } from '../core/model';
import type { Debate } from '../core/schema';

/**
 * What one reader is looking at in one debate: the selected claim, whether the drawer and the
 * outline are open, the language. View state only — none of it is ever written into the debate.
 */
export class DebateView {
	readonly graph: ArgumentGraph;
	/** The claim shown in the drawer and highlighted on the map and in the outline. */
	selected = $state<string | null>(null);
	drawerOpen = $state(false);
	outlineOpen = $state(true);
	lang = $state('en');
	/** `columns`: the classroom layout (default); `tree`: a top-down dagre tree, wide but familiar. */
	layout = $state<'columns' | 'tree'>('columns');
	/** Increments whenever someone asks the map to fit; the map component reacts to it. */
	fitRequests = $state(0);
	zoomRequests = $state<{ factor: number; n: number }>({ factor: 1, n: 0 });

	constructor(debate: Debate) {
		this.graph = buildGraph(debate);
	}

	get debate(): Debate {
		return this.graph.debate;
	}

	get selectedClaim() {
		return this.selected ? this.graph.claims.get(this.selected) : undefined;
	}

	/** Selects a claim and opens its evidence drawer. Unknown ids are ignored. */
	open(id: string) {
		if (!this.graph.claims.has(id)) return;
		this.selected = id;
		this.drawerOpen = true;
	}

	/** Selects without opening the drawer (moving through the outline). */
	select(id: string | null) {
		if (id !== null && !this.graph.claims.has(id)) return;
		this.selected = id;
	}

	close() {
		this.drawerOpen = false;
	}

	fit() {
		this.fitRequests++;
	}

	zoom(factor: number) {
		this.zoomRequests = { factor, n: this.zoomRequests.n + 1 };
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
