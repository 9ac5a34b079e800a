import type { ArgumentGraph } from '../model/graph';
import { dfquad } from './dfquad';
import { groundedLabels, type Label } from './grounded';

/** Strength changes smaller than this are not worth telling a reader about. */
export const MIN_MOVE = 0.005;

export interface EvaluationOptions {
	/**
	 * The reader's base scores by claim id, winning over the file's. Unknown ids and values that
	 * are not numbers in [0, 1] are ignored: they may come from a URL anyone can write.
	 */
	baseScores?: Readonly<Record<string, number>>;
	/** Claims to strike out (a what-if); unknown ids are ignored. */
	struck?: Iterable<string>;
	/** Convergence threshold for cycles (DF-QuAD); see `DEFAULT_TOLERANCE`. */
	tolerance?: number;
	/** Sweeps allowed per cycle (DF-QuAD); see `DEFAULT_MAX_ITERATIONS`. */
	maxIterations?: number;
}

/** Both verdicts on a debate: grounded labels and DF-QuAD strengths, for every claim not struck. */
export interface Evaluation {
	labels: Map<string, Label>;
	strength: Map<string, number>;
	base: Map<string, number>;
	/** The claims actually struck out: the known ids among those asked for. */
	struck: Set<string>;
	/** False when DF-QuAD iteration on some cycle did not settle; strengths are then approximate. */
	converged: boolean;
	/** Most Jacobi sweeps any cycle took; 0 for a debate without cycles. */
	iterations: number;
}

/** Evaluates a debate, optionally with the reader's base scores and some claims struck out. */
export function evaluate(graph: ArgumentGraph, options: EvaluationOptions = {}): Evaluation {
	const struck = new Set<string>();
	for (const id of options.struck ?? []) {
		if (typeof id === 'string' && graph.claims.has(id)) struck.add(id);
	}
	const labels = groundedLabels(graph, struck);
	const { strength, base, converged, iterations } = dfquad(graph, {
		baseScores: options.baseScores,
		struck,
		tolerance: options.tolerance,
		maxIterations: options.maxIterations
	});
	return { labels, strength, base, struck, converged, iterations };
}

export interface EvaluationDiff {
	/** The thesis's strength before and after; undefined where it was struck out. */
	thesis: { before: number | undefined; after: number | undefined };
	/** Claims whose label changed; undefined where the claim was struck out. */
	flipped: { id: string; before: Label | undefined; after: Label | undefined }[];
	/**
	 * What the what-if did to the claims still there: those (other than the thesis) whose label
	 * changed, struck claims left out. What a reader is told "changed".
	 */
	relabelled: { id: string; before: Label; after: Label }[];
	/** The thesis's label before and after; undefined where it was struck out. */
	thesisLabel: { before: Label | undefined; after: Label | undefined };
	/** Claims present in both whose strength moved by at least {@link MIN_MOVE}. */
	moved: { id: string; before: number; after: number }[];
	/** Every claim that flipped or moved. */
	changed: Set<string>;
}

/** What a what-if did: labels that flipped (incl. claims struck out), strengths that moved by ≥ 0.005, in file order. */
export function compareEvaluations(
	graph: ArgumentGraph,
	before: Evaluation,
	after: Evaluation
): EvaluationDiff {
	const flipped: EvaluationDiff['flipped'] = [];
	const moved: EvaluationDiff['moved'] = [];
	const changed = new Set<string>();
	for (const id of graph.order) {
		const was = before.labels.get(id);
		const is = after.labels.get(id);
		if (was !== is) {
			flipped.push({ id, before: was, after: is });
			changed.add(id);
		}
		const from = before.strength.get(id);
		const to = after.strength.get(id);
		// The tiny allowance keeps a move of exactly 0.005 from being lost to rounding.
		if (from !== undefined && to !== undefined && Math.abs(to - from) >= MIN_MOVE - 1e-12) {
			moved.push({ id, before: from, after: to });
			changed.add(id);
		}
	}
	const thesis = graph.debate.thesis;
	const relabelled: EvaluationDiff['relabelled'] = [];
	for (const f of flipped)
		if (f.id !== thesis && f.before !== undefined && f.after !== undefined)
			relabelled.push({ id: f.id, before: f.before, after: f.after });
	return {
		thesis: { before: before.strength.get(thesis), after: after.strength.get(thesis) },
		thesisLabel: { before: before.labels.get(thesis), after: after.labels.get(thesis) },
		flipped,
		relabelled,
		moved,
		changed
	};
}
