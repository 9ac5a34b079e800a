import type { Debate, RelationTarget } from '../schema/debate';
import { didYouMean } from './suggest';
import type { PlainIssue } from './zod-issues';

/** How many levels of claims answering claims a debate may have. Real Kialo debates reach about 20. */
export const MAX_NESTING = 200;

export interface CheckOptions {
	/** The id the debate must carry (its file name without extension). */
	expectedId?: string;
	/**
	 * Authored debates (the ones shipped in `arguments/`) must have exactly one root, the thesis,
	 * and evidence on every other claim. Imports may have several roots and bare claims.
	 */
	authored?: boolean;
}

export interface CheckResult {
	errors: PlainIssue[];
	warnings: PlainIssue[];
}

/**
 * Checks what the schema cannot: unique ids, references that resolve, the thesis being a root,
 * no claim aimed at itself, and every claim reaching a root through its targets.
 */
export function checkReferences(debate: Debate, options: CheckOptions = {}): CheckResult {
	const errors: PlainIssue[] = [];
	const warnings: PlainIssue[] = [];

	const ids = (list: 'claims' | 'sources' | 'actors' | 'tags', label: string) => {
		const seen = new Map<string, number>();
		debate[list].forEach((item, i) => {
			const first = seen.get(item.id);
			if (first !== undefined) {
				errors.push({
					path: [list, i, 'id'],
					message: `duplicate ${label} id "${item.id}"`,
					hint: `${list}[${first}] already uses it; give each ${label} its own id`
				});
			} else seen.set(item.id, i);
		});
		return seen;
	};
	const claims = ids('claims', 'claim');
	const sources = ids('sources', 'source');
	const actors = ids('actors', 'actor');
	const tags = ids('tags', 'tag');

	// A guess compares the id with every known one: for the first few unknown ids only, or a
	// file of 10,000 claims aimed at nowhere took 40 s (50,000 would take about twenty minutes).
	let guesses = 20;
	const unknown = (
		path: PropertyKey[],
		kind: string,
		id: string,
		known: Map<string, number>,
		list: string
	) =>
		errors.push({
			path,
			message: `unknown ${kind} "${id}"`,
			hint:
				(guesses-- > 0 ? didYouMean(id, known.keys()) : undefined) ??
				`add it to \`${list}\`, or use one of its ids`
		});

	if (options.expectedId !== undefined && debate.id !== options.expectedId) {
		errors.push({
			path: ['id'],
			message: `id "${debate.id}" does not match the file name`,
			hint: `rename the file to ${debate.id}.yaml, or set id: ${options.expectedId}`
		});
	}

	const thesis = debate.claims[claims.get(debate.thesis) ?? -1];
	if (!thesis) unknown(['thesis'], 'claim', debate.thesis, claims, 'claims');
	else if (thesis.target !== undefined) {
		errors.push({
			path: ['thesis'],
			message: `the thesis "${debate.thesis}" is not a root: it has a target`,
			hint: `remove stance and target from claim "${debate.thesis}", or name the root claim as the thesis`
		});
	}

	/** Ids of the claims a relation target points at (both ends for an undercut). */
	const checkTarget = (target: RelationTarget, path: PropertyKey[], selfId: string) => {
		const refs: [string, PropertyKey[]][] =
			typeof target === 'string'
				? [[target, path]]
				: [
						[target.from, [...path, 'from']],
						[target.to, [...path, 'to']]
					];
		for (const [id, p] of refs) {
			if (!claims.has(id)) unknown(p, 'claim', id, claims, 'claims');
		}
		if (typeof target === 'string' && target === selfId) {
			errors.push({
				path,
				message: `claim "${selfId}" targets itself`,
				hint: 'a claim supports or attacks another claim'
			});
		}
		if (typeof target !== 'string' && claims.has(target.from) && claims.has(target.to)) {
			const from = debate.claims[claims.get(target.from)!]!;
			const linked =
				from.target === target.to || (from.also ?? []).some((r) => r.target === target.to);
			if (!linked) {
				errors.push({
					path,
					message: `there is no relation from "${target.from}" to "${target.to}" to undercut`,
					hint: `claim "${target.from}" must have "${target.to}" as its target or in \`also\``
				});
			}
		}
	};

	const roots: string[] = [];
	debate.claims.forEach((claim, i) => {
		if (claim.target !== undefined) checkTarget(claim.target, ['claims', i, 'target'], claim.id);
		else roots.push(claim.id);
		claim.also?.forEach((rel, j) =>
			checkTarget(rel.target, ['claims', i, 'also', j, 'target'], claim.id)
		);
		if (claim.actor !== undefined && !actors.has(claim.actor))
			unknown(['claims', i, 'actor'], 'actor', claim.actor, actors, 'actors');
		claim.tags?.forEach((tag, j) => {
			if (!tags.has(tag)) unknown(['claims', i, 'tags', j], 'tag', tag, tags, 'tags');
		});
		claim.evidence?.forEach((ev, j) => {
			if (!sources.has(ev.source))
				unknown(['claims', i, 'evidence', j, 'source'], 'source', ev.source, sources, 'sources');
		});
		if (options.authored && claim.target !== undefined && !claim.evidence?.length) {
			warnings.push({
				path: ['claims', i],
				message: `claim "${claim.id}" has no evidence`,
				hint: 'add at least one quote from a source'
			});
		}
	});
	debate.tour?.forEach((id, i) => {
		if (!claims.has(id)) unknown(['tour', i], 'claim', id, claims, 'claims');
	});
	if (options.authored && roots.length > 1) {
		for (const id of roots.filter((r) => r !== debate.thesis)) {
			errors.push({
				path: ['claims', claims.get(id)!],
				message: `claim "${id}" has no target, so it is a second root beside the thesis`,
				hint: `give it a stance and a target, or make it the thesis`
			});
		}
	}

	// Every claim must reach a root by following its main target (an undercut follows `from`).
	// A walk that comes back to a claim it passed has found a circle; report each circle once.
	const parentOf = (id: string): string | undefined => {
		const c = debate.claims[claims.get(id) ?? -1];
		if (!c || c.target === undefined) return undefined;
		return typeof c.target === 'string' ? c.target : c.target.from;
	};
	const settled = new Set<string>();
	let circles = 0;
	debate.claims.forEach((claim) => {
		const trail: string[] = [];
		const onTrail = new Set<string>();
		let at: string | undefined = claim.id;
		while (at !== undefined && !settled.has(at) && !onTrail.has(at)) {
			trail.push(at);
			onTrail.add(at);
			at = parentOf(at);
		}
		// A claim aimed at itself is already reported as such.
		if (at !== undefined && onTrail.has(at) && parentOf(at) !== at) {
			circles++;
			const circle = trail.slice(trail.indexOf(at));
			errors.push({
				path: ['claims', claims.get(at)!, 'target'],
				message: `claims ${[...circle, at].map((c) => `"${c}"`).join(' → ')} go round in a circle and never reach the thesis`,
				hint: 'point one of them at a claim that leads to the thesis'
			});
		}
		for (const t of trail) settled.add(t);
	});

	// Depth, once there are no circles: a map hundreds of levels deep cannot be read or drawn.
	if (circles === 0) {
		const depth = new Map<string, number>();
		for (const claim of debate.claims) {
			const trail: string[] = [];
			let at: string | undefined = claim.id;
			while (at !== undefined && !depth.has(at) && trail.length <= debate.claims.length) {
				trail.push(at);
				at = parentOf(at);
			}
			let d = at !== undefined ? depth.get(at)! : -1;
			for (let i = trail.length - 1; i >= 0; i--) depth.set(trail[i]!, ++d);
		}
		const deepest = debate.claims.find((c) => (depth.get(c.id) ?? 0) > MAX_NESTING);
		if (deepest) {
			errors.push({
				path: ['claims', claims.get(deepest.id)!],
				message: `claims nest more than ${MAX_NESTING} levels deep (claim "${deepest.id}" is at level ${depth.get(deepest.id)})`,
				hint: 'no class can follow a chain that long; split the debate, or attach deep claims higher up'
			});
		}
	}

	return { errors, warnings };
}
