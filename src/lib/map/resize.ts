import type { Core } from 'cytoscape';

/** How long after the map opens the page around it may still be settling, in ms. */
const SETTLING = 1000;

/**
 * Keeps the map's size that of its container. The page around the map may still be settling
 * as it opens (a bar above it gains a line): for that first second, unless the reader moves it,
 * `refit` puts a map shown whole back to whole in its new box. Later resizes (a drawer, a
 * window) keep the view as it is; so do all when `refit` is null. Returns the stop.
 */
export function followResize(
	instance: Core,
	container: HTMLElement,
	refit: (() => void) | null
): () => void {
	const settled = performance.now() + SETTLING;
	let moved = false;
	const touched = () => (moved = true);
	for (const type of ['pointerdown', 'wheel', 'keydown'])
		container.addEventListener(type, touched, { once: true, capture: true });
	const observer = new ResizeObserver(() => {
		instance.resize();
		if (moved || !refit || performance.now() > settled) return;
		refit();
	});
	observer.observe(container);
	return () => observer.disconnect();
}
