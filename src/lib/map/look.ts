import type { Core } from 'cytoscape';
import type { ArgumentGraph } from '../core/model';
import { decorate, type DecorationInput } from './decorate';
import { NODE } from './elements';
import type { Look } from './placement';
import { standingImage, type StandingWords } from './standing';

/**
 * The view's look of each drawn element, as Cytoscape takes it: emphasis classes (decorate.ts)
 * and each claim's standing footer, drawn full and brief.
 */
export function lookOf(
	graph: ArgumentGraph,
	drawn: { nodes: Iterable<string>; edges: Iterable<string> },
	input: DecorationInput,
	words: StandingWords
): Look {
	const deco = decorate(graph, drawn.nodes, drawn.edges, input);
	const classes = new Map<string, string>();
	const standing = new Map<string, { full: string; brief: string }>();
	for (const [id, d] of deco.nodes) {
		classes.set(id, d.classes.join(' '));
		const isRoot = graph.claims.get(id)?.target === undefined;
		const isThesis = id === graph.debate.thesis;
		const width = isThesis ? NODE.thesisWidth : NODE.width;
		const options = {
			inset: NODE.padding + (isRoot ? 0 : NODE.bandWidth),
			// Only the thesis is dark; other roots are drawn light (style.ts, `node.root`).
			dark: isThesis,
			words
		};
		standing.set(id, {
			full: standingImage(d.standing, width, options),
			brief: standingImage(d.standing, width, { ...options, brief: true })
		});
	}
	for (const [id, c] of deco.edges) classes.set(id, c.join(' '));
	return { classes, standing };
}

/**
 * Applies `next` to the map in place (nothing moves), changing only the elements whose look
 * differs from `before`, the classes last applied. Returns the classes now applied.
 */
export function applyLook(
	instance: Core,
	before: ReadonlyMap<string, string>,
	next: Look
): Map<string, string> {
	instance.batch(() => {
		for (const [id, classes] of next.classes) {
			const was = before.get(id) ?? '';
			if (was === classes) continue;
			const element = instance.getElementById(id);
			if (was) element.removeClass(was);
			if (classes) element.addClass(classes);
		}
		for (const [id, images] of next.standing) {
			const node = instance.getElementById(id);
			if (node.data('standing') !== images.full) node.data('standing', images.full);
			if (node.data('standingBrief') !== images.brief) node.data('standingBrief', images.brief);
		}
	});
	return next.classes;
}
