import type { Move } from '../core/view';
import type { DebateView } from '../state/debate-view.svelte';

/** Arrows follow the layout: in columns a branch reads left to right, in the tree top-down. */
const KEY_MOVES = {
	columns: { ArrowLeft: 'parent', ArrowRight: 'child', ArrowUp: 'previous', ArrowDown: 'next' },
	tree: { ArrowUp: 'parent', ArrowDown: 'child', ArrowLeft: 'previous', ArrowRight: 'next' }
} as const;

type MapView = Pick<
	DebateView,
	'layout' | 'selected' | 'move' | 'open' | 'toggleFold' | 'zoom' | 'fit'
>;

/**
 * The map's own keys (no modifier): arrows move the selection, Enter or Space opens the claim
 * (or selects the thesis), `c` folds, `+` `-` `0` zoom and fit. Returns whether `key` was one.
 */
export function mapKey(key: string, view: MapView): boolean {
	const moves: Record<string, Move> = KEY_MOVES[view.layout];
	const move = moves[key];
	if (move) view.move(move);
	else if (key === 'Enter' || key === ' ') {
		if (view.selected) view.open(view.selected);
		else view.move('parent');
	} else if (key === 'c' && view.selected) view.toggleFold(view.selected);
	else if (key === '+' || key === '=') view.zoom(1.25);
	else if (key === '-') view.zoom(0.8);
	else if (key === '0') view.fit();
	else return false;
	return true;
}
