import type { ArgumentGraph } from '../model/graph';

/** Base score τ of a claim that neither the file nor the reader gives one. */
export const DEFAULT_BASE_SCORE = 0.5;
/** Iteration on a cycle stops once no strength changes by this much in a sweep. */
export const DEFAULT_TOLERANCE = 1e-6;
/** Sweeps allowed per cycle before giving up and reporting `converged: false`. */
export const DEFAULT_MAX_ITERATIONS = 1000;

export interface DfQuadOptions {
	/**
	 * The reader's base scores, by claim id; they win over the file's `baseScore`. Unknown ids and
	 * values that are not numbers in [0, 1] are ignored.
	 */
	baseScores?: Readonly<Record<string, number>>;
	/** Claims removed, with every relation to or from them, before evaluating. */
	struck?: ReadonlySet<string>;
	/** See {@link DEFAULT_TOLERANCE}. */
	tolerance?: number;
	/** See {@link DEFAULT_MAX_ITERATIONS}. */
	maxIterations?: number;
}

export interface DfQuadResult {
	/** Final strength σ in [0, 1] of every claim not struck, in file order. */
	strength: Map<string, number>;
	/** Base score τ used for every claim not struck, in file order. */
	base: Map<string, number>;
	/** False when some cycle was still moving after `maxIterations` sweeps. */
	converged: boolean;
	/** Most sweeps any cycle took; 0 when the graph has no cycle and strengths are exact. */
	iterations: number;
}

/** One supporter or attacker A of a claim X, with the claims undercutting the link A → X. */
export interface ArgumentLink {
	from: string;
	pro: boolean;
	undercutters: string[];
}

// Ids never contain a newline, so the pair is unambiguous.
const linkKey = (from: string, to: string) => `${from}\n${to}`;

const isScore = (v: unknown): v is number =>
	typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** DF-QuAD aggregation F(v₁…vₙ) = 1 − ∏(1 − vᵢ): the joint force of several arguments. F(∅) = 0. */
export function aggregate(values: Iterable<number>): number {
	let keep = 1;
	for (const v of values) keep *= 1 - v;
	return 1 - keep;
}

/**
 * DF-QuAD combination: base score `v0` moved down by the attack `va` or up by the support `vs`,
 * whichever is larger, in proportion to the room left (v0 below, 1 − v0 above).
 */
export function combine(v0: number, va: number, vs: number): number {
	return va >= vs ? v0 - v0 * (va - vs) : v0 + (1 - v0) * (vs - va);
}

/**
 * Base score τ of every claim not struck, in file order: the reader's override if valid, else
 * the claim's `baseScore`, else {@link DEFAULT_BASE_SCORE}.
 */
export function baseScoresOf(
	graph: ArgumentGraph,
	overrides: Readonly<Record<string, number>> = {},
	struck: ReadonlySet<string> = new Set()
): Map<string, number> {
	const base = new Map<string, number>();
	for (const id of graph.order) {
		if (struck.has(id) || base.has(id)) continue;
		// Own properties only: an id such as "constructor" must not find Object's.
		const reader = Object.hasOwn(overrides, id) ? overrides[id] : undefined;
		const file = graph.claims.get(id)?.baseScore;
		base.set(id, isScore(reader) ? reader : isScore(file) ? file : DEFAULT_BASE_SCORE);
	}
	return base;
}

/**
 * DF-QuAD gradual strength (Rago, Toni, Aurisicchio & Baroni 2016): each claim starts from its
 * base score τ and is pulled down by its attackers and up by its supporters,
 * σ(X) = combine(τ(X), F(attackers), F(supporters)).
 *
 * An undercut weakens a link rather than a claim: A counts towards X with weight
 * σ(A) · (1 − F(σ of the `con` undercuts of the link A → X)). A `pro` undercut leaves the
 * weight as it is — the link already counts in full, and DF-QuAD has nothing to add to it.
 *
 * Without cycles the strengths are exact, computed from the leaves up. Each cycle is solved by
 * Jacobi iteration from the base scores once everything it depends on is known, until no strength
 * moves by `tolerance` in a sweep or `maxIterations` sweeps have run. Struck claims are removed
 * with every relation to or from them.
 */
export function dfquad(graph: ArgumentGraph, options: DfQuadOptions = {}): DfQuadResult {
	const struck = options.struck ?? new Set<string>();
	const tolerance =
		typeof options.tolerance === 'number' && options.tolerance > 0
			? options.tolerance
			: DEFAULT_TOLERANCE;
	const maxIterations =
		Number.isInteger(options.maxIterations) && options.maxIterations! >= 1
			? options.maxIterations!
			: DEFAULT_MAX_ITERATIONS;

	const base = baseScoresOf(graph, options.baseScores, struck);
	// Start every claim at its base score: that is also where Jacobi iteration starts.
	const strength = new Map(base);

	const { contributions, dependsOn } = linksInto(graph, struck);

	const next = (id: string): number => {
		let attacked = 1;
		let supported = 1;
		for (const c of contributions.get(id)!) {
			let weight = strength.get(c.from)!;
			for (const u of c.undercutters) weight *= 1 - strength.get(u)!;
			if (c.pro) supported *= 1 - weight;
			else attacked *= 1 - weight;
		}
		return combine(base.get(id)!, 1 - attacked, 1 - supported);
	};

	let converged = true;
	let iterations = 0;
	for (const component of components([...base.keys()], dependsOn)) {
		const only = component[0]!;
		if (component.length === 1 && !dependsOn.get(only)!.has(only)) {
			strength.set(only, next(only));
			continue;
		}
		// Jacobi: every claim of the cycle moves from the previous sweep's values, so the result
		// does not depend on the order claims happen to be visited in.
		let sweeps = 0;
		let delta = Infinity;
		while (delta >= tolerance && sweeps < maxIterations) {
			const values = component.map(next);
			delta = 0;
			component.forEach((id, i) => {
				delta = Math.max(delta, Math.abs(values[i]! - strength.get(id)!));
				strength.set(id, values[i]!);
			});
			sweeps++;
		}
		if (delta >= tolerance) converged = false;
		iterations = Math.max(iterations, sweeps);
	}
	return { strength, base, converged, iterations };
}

/**
 * Every claim's supporters and attackers (each counted once, however many relations say so),
 * with the `con` undercuts of each link, and what each claim's strength depends on. Struck
 * claims are left out with every relation to or from them.
 */
export function linksInto(
	graph: ArgumentGraph,
	struck: ReadonlySet<string> = new Set()
): { contributions: Map<string, ArgumentLink[]>; dependsOn: Map<string, Set<string>> } {
	const live = (id: string) => graph.claims.has(id) && !struck.has(id);
	const undercutters = new Map<string, Set<string>>();
	for (const r of graph.relations) {
		if (r.stance !== 'con' || !r.undercuts || !live(r.from)) continue;
		const key = linkKey(r.undercuts.from, r.undercuts.to);
		const set = undercutters.get(key) ?? new Set<string>();
		set.add(r.from);
		undercutters.set(key, set);
	}

	// A claim that supports X through its target and again under `also` counts once.
	const contributions = new Map<string, ArgumentLink[]>();
	const dependsOn = new Map<string, Set<string>>();
	for (const id of graph.order) {
		if (!live(id)) continue;
		contributions.set(id, []);
		dependsOn.set(id, new Set());
	}
	const seen = new Set<string>();
	for (const r of graph.relations) {
		if (r.undercuts || !live(r.from) || !live(r.to)) continue;
		const key = `${linkKey(r.from, r.to)}\n${r.stance}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const cutters = [...(undercutters.get(linkKey(r.from, r.to)) ?? [])];
		contributions.get(r.to)!.push({ from: r.from, pro: r.stance === 'pro', undercutters: cutters });
		const deps = dependsOn.get(r.to)!;
		deps.add(r.from);
		for (const u of cutters) deps.add(u);
	}
	return { contributions, dependsOn };
}

/**
 * Strongly connected components of the dependency graph (Tarjan's algorithm, without recursion
 * so that a long chain cannot overflow the stack), each listed after everything it depends on.
 */
function components(ids: string[], dependsOn: Map<string, Set<string>>): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const onStack = new Set<string>();
	const stack: string[] = [];
	const out: string[][] = [];
	let counter = 0;
	const visit = (id: string) => {
		index.set(id, counter);
		low.set(id, counter);
		counter++;
		stack.push(id);
		onStack.add(id);
	};
	for (const root of ids) {
		if (index.has(root)) continue;
		visit(root);
		const work: { id: string; deps: Iterator<string> }[] = [
			{ id: root, deps: dependsOn.get(root)!.values() }
		];
		while (work.length > 0) {
			const frame = work[work.length - 1]!;
			const step = frame.deps.next();
			if (!step.done) {
				const dep = step.value;
				if (!index.has(dep)) {
					visit(dep);
					work.push({ id: dep, deps: dependsOn.get(dep)!.values() });
				} else if (onStack.has(dep)) {
					low.set(frame.id, Math.min(low.get(frame.id)!, index.get(dep)!));
				}
				continue;
			}
			work.pop();
			const parent = work[work.length - 1];
			if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
			if (low.get(frame.id) === index.get(frame.id)) {
				const component: string[] = [];
				let member: string;
				do {
					member = stack.pop()!;
					onStack.delete(member);
					component.push(member);
				} while (member !== frame.id);
				out.push(component);
			}
		}
	}
	return out;
}
