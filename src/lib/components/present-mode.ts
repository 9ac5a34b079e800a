import type { DebateView } from '$lib/state/debate-view.svelte';

/*
 * Present mode on the page: full screen with it, and the keys of a clicker or keyboard that walk
 * the tour.
 */

/** Starts the tour from its first step, full screen if the browser allows. */
export function startPresenting(view: DebateView) {
	view.present(0);
	// Full screen needs the click that asked for it; a browser may still refuse.
	document.documentElement.requestFullscreen?.().catch(() => {});
}

export function leaveFullscreen() {
	if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

/** Leaving full screen (Esc in the browser's own handling) leaves present mode too. */
export function fullscreenChanged(view: DebateView) {
	if (!document.fullscreenElement && view.presenting) view.stopPresenting();
}

/** Clicker and keyboard keys in present mode: a clicker sends PageDown/PageUp. */
const PRESENT_KEYS: Record<string, (step: number) => number> = {
	ArrowRight: (s) => s + 1,
	ArrowDown: (s) => s + 1,
	' ': (s) => s + 1,
	PageDown: (s) => s + 1,
	ArrowLeft: (s) => s - 1,
	ArrowUp: (s) => s - 1,
	PageUp: (s) => s - 1,
	Home: () => 0,
	End: () => Infinity
};

/** Moves the tour for a present-mode key; returns whether it was one. */
export function presentKey(event: KeyboardEvent, view: DebateView): boolean {
	const next = PRESENT_KEYS[event.key];
	if (!next || event.target instanceof HTMLSelectElement) return false;
	event.preventDefault();
	view.goTo(next(view.step));
	return true;
}
