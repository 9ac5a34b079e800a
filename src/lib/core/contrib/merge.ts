import type { Diagnostic } from '../load/diagnostic';
import type { Claim, Debate, RelationTarget, Source } from '../schema/debate';
import { textIn } from '../schema/text';
import type { Contribution } from './contribution';

/**
 * A teacher merges students' hand-ins into one map: the claims each student added (those the
 * teacher's debate does not have) become additions here, with ids made unique, authors kept,
 * and look-alike claims (same target, same words) reported so they can be compared side by side.
 */

export interface MergeResult {
	contributions: Contribution[];
	warnings: Diagnostic[];
	/** Pairs of additions that say the same thing to the same claim: [new, earlier]. */
	duplicates: [string, string][];
}

/** Lower case, no punctuation, single spaces: how two claims are compared for duplicates. */
function normalise(text: string): string {
	return text
		.toLowerCase()
		.replace(/[\p{P}\p{S}]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function targetId(t: RelationTarget | undefined): string | undefined {
	return typeof t === 'string' ? t : t?.to;
}

/**
 * The additions in `handIn` (a validated debate, from `file`) as contributions to `base`.
 * `existing` are the additions already here (merged earlier, or the teacher's own); ids of
 * both are avoided. `now` stamps the merged versions.
 */
export function mergeHandIn(
	base: Debate,
	existing: readonly Contribution[],
	handIn: Debate,
	options: { file: string; now: number }
): MergeResult {
	const warnings: Diagnostic[] = [];
	const warn = (message: string, hint?: string) =>
		warnings.push({
			severity: 'warning',
			file: options.file,
			line: 0,
			column: 0,
			path: '',
			message,
			hint
		});
	if (handIn.id !== base.id && handIn.thesis !== base.thesis) {
		warn(
			`this file is about another debate ("${textIn(handIn.title, 'en', handIn.language)}"), so nothing was taken from it`,
			'merge hand-ins on the map of the debate they were written for'
		);
		return { contributions: [], warnings, duplicates: [] };
	}
	const baseIds = new Set(base.claims.map((c) => c.id));
	const taken = new Set([
		...baseIds,
		...existing.map((c) => c.id),
		...base.sources.map((s) => s.id)
	]);
	for (const c of existing) if (c.source) taken.add(c.source.id);

	const added = handIn.claims.filter((c) => !baseIds.has(c.id));
	if (added.length === 0) warn('this file adds no claims to the debate');
	// New ids for the added claims and their sources, so two students' "my-1" stay two claims.
	const rename = new Map<string, string>();
	const fresh = (id: string) => {
		let out = id;
		for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
		taken.add(out);
		return out;
	};
	for (const c of added) rename.set(c.id, fresh(c.id));
	const sourceById = new Map(handIn.sources.map((s) => [s.id, s]));
	const baseSources = new Set(base.sources.map((s) => s.id));
	const author = (c: Claim) =>
		c.contributor?.name ?? options.file.replace(/\.[a-z]+$/i, '').replace(/^.*[\\/]/, '');

	const seen = new Map<string, string>();
	for (const c of existing) {
		if (c.deleted) continue;
		const text = textIn(c.claim.text, base.language, base.language);
		seen.set(`${targetId(c.claim.target)}|${normalise(text)}`, c.id);
	}
	const contributions: Contribution[] = [];
	const duplicates: [string, string][] = [];
	for (const c of added) {
		const id = rename.get(c.id)!;
		const mapTarget = (t: RelationTarget): RelationTarget =>
			typeof t === 'string'
				? (rename.get(t) ?? t)
				: { from: rename.get(t.from) ?? t.from, to: rename.get(t.to) ?? t.to };
		let source: Source | undefined;
		const evidence = [];
		for (const e of c.evidence ?? []) {
			if (baseSources.has(e.source)) {
				evidence.push(e);
				continue;
			}
			const s = sourceById.get(e.source);
			if (s && !source) {
				source = { ...s, id: fresh(s.id) };
				evidence.push({ ...e, source: source.id });
			} else
				warn(
					`claim "${c.id}" cites more than one new source; only the first was kept`,
					'an addition made in class has at most one source'
				);
		}
		const claim: Claim = {
			...c,
			id,
			...(c.target !== undefined ? { target: mapTarget(c.target) } : {}),
			...(c.also ? { also: c.also.map((r) => ({ ...r, target: mapTarget(r.target) })) } : {}),
			...(evidence.length ? { evidence } : { evidence: undefined }),
			contributor: {
				name: author(c),
				at: c.contributor?.at ?? new Date(options.now).toISOString()
			}
		};
		if (!claim.evidence) delete claim.evidence;
		if (c.target === undefined) {
			warn(`claim "${c.id}" answers nothing (a second thesis), so it was left out`);
			continue;
		}
		const key = `${targetId(claim.target)}|${normalise(textIn(c.text, base.language, handIn.language))}`;
		const twin = seen.get(key);
		if (twin) duplicates.push([id, twin]);
		else seen.set(key, id);
		contributions.push({ id, claim, ...(source ? { source } : {}), updatedAt: options.now });
	}
	return { contributions, warnings, duplicates };
}
