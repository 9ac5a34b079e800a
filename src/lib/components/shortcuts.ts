import type { DebateView } from '$lib/state/debate-view.svelte';
import { cycleTab } from './focus';
import type { ModalFocus } from './modal-focus.svelte';
import { leaveFullscreen, presentKey } from './present-mode';

/** Whether a key press is typing into a field, where page shortcuts must not fire. */
export function typing(event: KeyboardEvent): boolean {
	const t = event.target;
	return (
		t instanceof HTMLElement &&
		(t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)) &&
		!(t instanceof HTMLInputElement && ['checkbox', 'radio', 'range'].includes(t.type))
	);
}

/** What the debate page's keys act on. */
export interface PageKeys {
	view: DebateView;
	focus: ModalFocus;
	/** Closes the side panel lying over the map, giving focus back to its button. */
	closePanel(): void;
}

/**
 * The debate page's keys, wherever focus is: Tab kept in a modal layer, undo and redo of
 * additions, present mode's keys, Esc (closes the panel over the map, the drawer, present
 * mode), `/` to search and `f` to focus on the selected claim.
 */
export function pageKeydown(event: KeyboardEvent, page: PageKeys) {
	const { view, focus } = page;
	// A dialog (the stance poll) handles its own keys, Esc included.
	if (event.target instanceof Element && event.target.closest('dialog[open]')) return;
	if (event.key === 'Tab' && (focus.sheet || focus.overlay)) {
		cycleTab(event, focus.layer());
		return;
	}
	// Undo and redo of additions; inside a text field the field's own undo wins.
	if ((event.ctrlKey || event.metaKey) && !event.altKey && !typing(event)) {
		const key = event.key.toLowerCase();
		if (key === 'z' || key === 'y') {
			event.preventDefault();
			if (key === 'y' || event.shiftKey) view.contributions.redo();
			else view.contributions.undo();
			return;
		}
	}
	if (event.altKey || event.ctrlKey || event.metaKey) return;
	if (view.presenting && !typing(event) && presentKey(event, view)) return;
	if (event.key === 'Escape') return escape(event, page);
	if (typing(event)) return;
	if (event.key === '/') {
		event.preventDefault();
		view.outlineOpen = true;
		view.panel = 'find';
		view.searchRequests++;
	} else if ((event.key === 'f' || event.key === 'F') && view.selected) {
		event.preventDefault();
		view.focusOn(view.focus === view.selected ? null : view.selected);
	}
}

/** Esc: the side panel over the map on a phone closes first (a search box clears first). */
function escape(event: KeyboardEvent, { view, focus, closePanel }: PageKeys) {
	const search = event.target instanceof HTMLInputElement && event.target.type === 'search';
	if (focus.overlay && !(search && (event.target as HTMLInputElement).value)) {
		event.preventDefault();
		closePanel();
		return;
	}
	const wasOpen = view.drawerOpen && !view.presenting;
	if (view.presenting) leaveFullscreen();
	if (!view.back()) return;
	event.preventDefault();
	if (wasOpen) focus.restoreFocus();
}
