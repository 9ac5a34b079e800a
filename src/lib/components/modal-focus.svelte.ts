import { tick } from 'svelte';
import type { MediaQuery } from 'svelte/reactivity';
import type { DebateView } from '$lib/state/debate-view.svelte';
import { inertOutside } from './focus';

/** The parts of the debate page that open over others, once they are on the page (getters). */
export interface PageParts {
	readonly bar?: HTMLElement;
	readonly pane?: HTMLElement;
	readonly mapArea?: HTMLElement;
}

/**
 * Focus on the debate page. On a phone the side panel lies over the map, and the drawer is a
 * bottom sheet over both: whichever is on top is modal. Focus moves into it, Tab stays in it
 * (the panel shares its turn with the toolbar above it, still in view), what it covers is inert,
 * and Esc closes it and gives focus back. On a wide screen both sit beside the map and nothing
 * is trapped. Made while the page is initialised (it starts effects).
 */
export class ModalFocus {
	/** The drawer is open as a bottom sheet, and modal. */
	readonly sheet: boolean;
	/** The side panel is open over the map, and modal. */
	readonly overlay: boolean;
	/** Where focus was before the drawer took it, to give it back on close. */
	private returnFocus: HTMLElement | null = null;

	constructor(
		private readonly view: DebateView,
		private readonly narrow: MediaQuery,
		private readonly parts: PageParts
	) {
		const covered = () => view.presenting || view.printing;
		this.sheet = $derived(narrow.current && view.drawerOpen && !covered());
		this.overlay = $derived(narrow.current && view.outlineOpen && !covered() && !this.sheet);
		$effect(() => {
			void view.selectedClaim;
			return this.trap();
		});
		// The drawer closed by its ✕ (or a tap on the map) leaves focus on nothing: give it back.
		let drawerWasOpen = false;
		$effect(() => {
			const open = view.drawerOpen;
			const lost = !document.activeElement || document.activeElement === document.body;
			if (drawerWasOpen && !open && lost) this.restoreFocus();
			drawerWasOpen = open;
		});
	}

	/** The elements of the modal layer, when there is one. */
	layer(): HTMLElement[] {
		const parts = this.parts;
		if (this.sheet) {
			const drawer = parts.mapArea?.querySelector<HTMLElement>('[data-testid="drawer"]');
			return drawer ? [drawer] : [];
		}
		if (this.overlay && parts.bar && parts.pane) return [parts.bar, parts.pane];
		return [];
	}

	/** Makes what the modal layer covers inert, and moves focus in; returns the undo. */
	private trap(): (() => void) | undefined {
		if (!this.sheet && !this.overlay) return;
		const layer = this.layer();
		if (layer.length === 0) return;
		const undo = inertOutside(layer);
		// The sheet may open while the panel had made the map inert, too late for the drawer's
		// own focus: move focus in here.
		const into = layer[0]!;
		if (this.sheet && !into.contains(document.activeElement))
			into.querySelector<HTMLElement>('#drawer-title')?.focus();
		return undo;
	}

	/** Opens or closes the side panel; over the map on a phone, focus moves into it. */
	togglePanel() {
		const view = this.view;
		view.outlineOpen = !view.outlineOpen;
		// Over the map on a phone: focus moves into the panel, on its current tab.
		if (view.outlineOpen && this.narrow.current)
			void tick().then(() => document.querySelector<HTMLElement>(`#tab-${view.panel}`)?.focus());
	}

	/** Remembers the last thing focused outside the drawer: where Esc gives focus back to. */
	noteFocus(event: FocusEvent) {
		const t = event.target;
		if (t instanceof HTMLElement && !t.closest('[data-testid="drawer"]')) this.returnFocus = t;
	}

	/** Gives focus back to where the reader came from: the outline item, the map, a button. */
	restoreFocus() {
		const back = this.returnFocus;
		queueMicrotask(() => {
			const selected = this.view.selected;
			const item = selected
				? document.querySelector<HTMLElement>(
						`[role="treeitem"][data-claim="${CSS.escape(selected)}"]`
					)
				: null;
			const map = document.querySelector<HTMLElement>('[data-testid="map"]');
			(back?.isConnected ? back : (item ?? map))?.focus();
		});
	}
}
