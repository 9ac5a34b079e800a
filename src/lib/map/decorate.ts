import type { Evaluation, EvaluationDiff } from '../core/evaluate';
import type { ArgumentGraph } from '../core/model';
import type { Standing } from './standing';

export interface DecorationInput {
	/** Claims drawn only as the path to a match or the focus. */
	context: ReadonlySet<string>;
	focus: string | null;
	/** Claims picked out (search, "next to argue"); the rest are dimmed. `null`: none. */
	highlight: ReadonlySet<string> | null;
	evaluation: Evaluation;
	/** What a what-if changed, if one is active. */
	diff: EvaluationDiff | null;
}

export interface Decorations {
	nodes: Map<string, { classes: string[]; standing: Standing }>;
	edges: Map<string, string[]>;
}

/**
 * The view's emphasis for each drawn claim and relation: faded context, the focus, search hits,
 * struck and changed claims, and the label and strength its footer shows. Changes to these never
 * move anything, so the map applies them without laying out again.
 */
export function decorate(
	graph: ArgumentGraph,
	ids: Iterable<string>,
	edgeIds: Iterable<string>,
	input: DecorationInput
): Decorations {
	const { evaluation, diff, highlight } = input;
	const was = new Map(diff?.flipped.map((f) => [f.id, f.before]) ?? []);
	const nodes: Decorations['nodes'] = new Map();
	for (const id of ids) {
		const classes: string[] = [];
		const struck = evaluation.struck.has(id);
		if (input.context.has(id)) classes.push('context');
		if (input.focus === id) classes.push('focus');
		if (highlight) classes.push(highlight.has(id) ? 'hit' : 'dim');
		if (struck) classes.push('struck');
		else if (was.has(id)) classes.push('changed');
		nodes.set(id, {
			classes,
			standing: {
				struck,
				label: evaluation.labels.get(id),
				strength: evaluation.strength.get(id),
				was: was.get(id)
			}
		});
	}
	const byId = new Map(graph.relations.map((r) => [r.id, r]));
	const edges: Decorations['edges'] = new Map();
	for (const id of edgeIds) {
		const rel = byId.get(id);
		if (!rel) continue;
		const classes: string[] = [];
		if (input.context.has(rel.from)) classes.push('context');
		if (highlight && !(highlight.has(rel.from) && highlight.has(rel.to))) classes.push('dim');
		if (evaluation.struck.has(rel.from) || evaluation.struck.has(rel.to)) classes.push('struck');
		edges.set(id, classes);
	}
	return { nodes, edges };
}
