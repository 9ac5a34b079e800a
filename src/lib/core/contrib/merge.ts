import type { Diagnostic } from '../load/diagnostic';
import type { Claim, Debate, RelationTarget, Source } from '../schema/debate';
import { textIn } from '../schema/text';
import { studentKey, type StudentPoll } from '../poll/tally';
import type { Contribution } from './contribution';

/**
 * A teacher merges students' hand-ins into one map: the claims each student added (those the
 * teacher's debate does not have) become additions here, with ids made unique, authors kept,
 * and look-alike claims (same target, same words) reported so they can be compared side by side.
 * Nothing in a hand-in is dropped without a word: each claim is merged, recognised as one of the
 * debate's own claims unchanged, or named in a warning that says why it was not taken.
 */

export interface MergeResult {
	contributions: Contribution[];
	warnings: Diagnostic[];
	/** Pairs of additions that say the same thing to the same claim: [new, earlier]. */
	duplicates: [string, string][];
	/** How many of the file's claims are the debate's own, unchanged (nothing to take). */
	own: number;
	/** Who handed the file in: the names on its additions, else the file's name. */
	students: string[];
	/** Ids of the additions new to this map. */
	added: string[];
	/**
	 * A re-submission (claims handed in before by the same student): ids of the earlier additions
	 * it changes, how many it hands in again unchanged, and how many earlier additions of the same
	 * student it no longer has (they are kept).
	 */
	updated: string[];
	unchanged: number;
	kept: number;
	/** The student's stance poll, when they handed one in (claim ids as merged here). */
	poll?: StudentPoll;
}

type Origin = NonNullable<Contribution['origin']>;

/** Where a claim of a hand-in comes from, as kept on the addition it becomes. */
function originOf(c: Claim): Origin {
	return {
		...(c.contributor?.name ? { contributor: c.contributor.name } : {}),
		id: c.id,
		...(c.contributor?.at ? { at: c.contributor.at } : {})
	};
}

/**
 * Whether a claim of a hand-in is the one an earlier hand-in gave as `o`: the same student's
 * claim with the same id (and the same time of adding, where both have one). A claim with
 * neither a name nor a time is never taken for an earlier one: its "my-1" could be anyone's,
 * and a copy too many is better than a student's claim overwritten by another's.
 */
function sameOrigin(o: Origin, c: Claim): boolean {
	const name = c.contributor?.name;
	const at = c.contributor?.at;
	if (o.id !== c.id || o.contributor !== name) return false;
	if (!name && !(o.at && at)) return false;
	return !o.at || !at || o.at === at;
}

/** The longest name an addition's contributor may have (`Contributor` in the schema). */
export const CONTRIBUTOR_NAME_MAX = 80;

/**
 * The name a hand-in's additions go under when the student gave none: the file's name without
 * its folder and extension, as the stored additions allow it (1–80 characters, no surrounding
 * spaces). A file called `.yaml` is known by its whole name; a 90-character name is cut short.
 */
export function authorFromFile(file: string): string {
	const base = file.replace(/^.*[\\/]/, '').trim();
	const name = base.replace(/\.[a-z]+$/i, '').trim() || base || 'hand-in';
	// Cut between code points, never inside one: 80 UTF-16 units is what the schema counts.
	let out = '';
	for (const ch of name) {
		if (out.length + ch.length > CONTRIBUTOR_NAME_MAX) break;
		out += ch;
	}
	return out.trim();
}

/** Whether two pieces of validated data (JSON values) are the same, whatever their key order. */
function sameData(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
	const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
	return (
		ka.length === kb.length &&
		ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
	);
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
	const warn = (message: string, hint?: string, path = '') =>
		warnings.push({
			severity: 'warning',
			file: options.file,
			line: 0,
			column: 0,
			path,
			message,
			hint
		});
	// The debate's id says which debate a hand-in was written for; two debates may well share a
	// thesis id ("thesis", "t").
	if (handIn.id !== base.id) {
		warn(
			`this file is for another debate ("${handIn.id}": "${textIn(handIn.title, 'en', handIn.language)}"), not this one ("${base.id}"), so nothing was taken from it`,
			'merge hand-ins on the map of the debate they were written for'
		);
		return {
			contributions: [],
			warnings,
			duplicates: [],
			own: 0,
			students: [],
			added: [],
			updated: [],
			unchanged: 0,
			kept: 0
		};
	}
	const baseClaims = new Map(base.claims.map((c) => [c.id, c]));
	const taken = new Set([
		...baseClaims.keys(),
		...existing.map((c) => c.id),
		...base.sources.map((s) => s.id)
	]);
	for (const c of existing) if (c.source) taken.add(c.source.id);

	// Each claim of the file: the debate's own (unchanged: nothing to take; changed but not marked
	// as a student's: reported, the debate's version kept), or an addition. A student's addition
	// whose id the debate has since used for a claim of its own is still an addition, renamed.
	const added: Claim[] = [];
	const where = new Map<Claim, string>();
	let own = 0;
	handIn.claims.forEach((c, i) => {
		where.set(c, `claims[${i}]`);
		const mine = baseClaims.get(c.id);
		if (!mine) added.push(c);
		else if (sameData(c, mine)) own++;
		else if (c.contributor) added.push(c);
		else
			warn(
				`claim "${c.id}" is not the same as this debate's claim "${c.id}" and is not marked as a student's addition, so it was not taken; this debate's version stays`,
				`the file's version says "${textIn(c.text, base.language, handIn.language)}": add it by hand if it is a student's point`,
				`claims[${i}]`
			);
	});
	const poll = handIn.handIn?.poll;
	if (added.length === 0 && !poll)
		warn('this file adds no claims to the debate, and has no stance poll');
	// A student who gave no name is known by the file's name.
	const fileStem = authorFromFile(options.file);
	const author = (c: Claim) => c.contributor?.name ?? fileStem;
	// A claim handed in before (a re-submission) is the same addition again: it keeps its id here
	// and updates it, rather than coming in as a copy.
	const byOrigin = new Map<string, Contribution[]>();
	for (const e of existing)
		if (e.origin) byOrigin.set(e.origin.id, [...(byOrigin.get(e.origin.id) ?? []), e]);
	const earlierOf = new Map<Claim, Contribution>();
	for (const c of added) {
		const matches = (byOrigin.get(c.id) ?? []).filter((e) => sameOrigin(e.origin!, c));
		const earlier = matches.find((e) => !e.deleted) ?? matches[0];
		if (earlier) earlierOf.set(c, earlier);
	}
	// New ids for the other added claims and their sources, so two students' "my-1" stay two.
	const rename = new Map<string, string>();
	const fresh = (id: string) => {
		let out = id;
		for (let n = 2; taken.has(out); n++) out = `${id}-${n}`;
		taken.add(out);
		return out;
	};
	for (const c of added) {
		const earlier = earlierOf.get(c)?.id;
		const id = earlier ?? fresh(c.id);
		rename.set(c.id, id);
		if (baseClaims.has(c.id) && !earlier)
			warn(
				`claim "${c.id}" by ${author(c)} uses the id of one of this debate's claims but says something else; it was added as "${id}"`,
				undefined,
				where.get(c)
			);
	}
	const sourceById = new Map(handIn.sources.map((s) => [s.id, s]));
	const baseSources = new Set(base.sources.map((s) => s.id));

	const seen = new Map<string, string>();
	for (const c of existing) {
		if (c.deleted) continue;
		const text = textIn(c.claim.text, base.language, base.language);
		seen.set(`${targetId(c.claim.target)}|${normalise(text)}`, c.id);
	}
	const contributions: Contribution[] = [];
	const duplicates: [string, string][] = [];
	const updated: string[] = [];
	let unchanged = 0;
	for (const c of added) {
		const id = rename.get(c.id)!;
		const earlier = earlierOf.get(c);
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
				source = { ...s, id: earlier?.source?.id ?? fresh(s.id) };
				evidence.push({ ...e, source: source.id });
			} else
				warn(
					`claim "${c.id}" cites more than one new source; only the first was kept`,
					'an addition made in class has at most one source',
					where.get(c)
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
				at:
					c.contributor?.at ?? earlier?.claim.contributor?.at ?? new Date(options.now).toISOString()
			}
		};
		if (!claim.evidence) delete claim.evidence;
		if (c.target === undefined) {
			warn(
				`claim "${c.id}" answers nothing (a second thesis), so it was left out`,
				'an addition supports or objects to a claim of the debate',
				where.get(c)
			);
			continue;
		}
		if (earlier && sameData(claim, earlier.claim) && sameData(source, earlier.source)) {
			// Handed in again as it was: nothing to do (an addition the teacher deleted stays so).
			unchanged++;
			continue;
		}
		const key = `${targetId(claim.target)}|${normalise(textIn(c.text, base.language, handIn.language))}`;
		const twin = seen.get(key);
		if (twin && twin !== id) duplicates.push([id, twin]);
		else seen.set(key, id);
		if (earlier) updated.push(id);
		contributions.push({
			id,
			claim,
			...(source ? { source } : {}),
			updatedAt: options.now,
			origin: originOf(c)
		});
	}
	// An addition to a claim that is not here is kept, but the map cannot show it: say so.
	const known = new Set([
		...baseClaims.keys(),
		...existing.filter((c) => !c.deleted).map((c) => c.id),
		...contributions.map((c) => c.id)
	]);
	const fileIds = new Map([...rename].map(([from, to]) => [to, from]));
	for (const c of contributions) {
		const target = targetId(c.claim.target);
		if (target && !known.has(target))
			warn(
				`claim "${fileIds.get(c.id)}" answers "${target}", which this debate does not have; it was merged but is not shown on the map`,
				'the claim it answers may have been deleted since the class'
			);
	}
	const names = [...new Set(added.map((c) => c.contributor?.name).filter((n): n is string => !!n))];
	const students = names.length ? names : [fileStem];
	// What a student handed in before but has left out of this hand-in stays: say how much.
	const matched = new Set(earlierOf.values());
	const kept =
		matched.size === 0
			? 0
			: existing.filter(
					(e) =>
						!e.deleted &&
						!matched.has(e) &&
						e.origin?.contributor !== undefined &&
						students.includes(e.origin.contributor)
				).length;
	return {
		contributions,
		warnings,
		duplicates,
		own,
		...(poll
			? {
					poll: {
						key: studentKey(names[0], poll, options.file),
						student: students[0]!,
						// The ids the student marked, as their claims are called here.
						poll: { ...poll, persuasive: poll.persuasive.map((id) => rename.get(id) ?? id) }
					}
				}
			: {}),
		students,
		added: contributions.filter((c) => !updated.includes(c.id)).map((c) => c.id),
		updated,
		unchanged,
		kept
	};
}

/** One hand-in of a batch, read and validated. */
export interface HandInFile {
	file: string;
	debate: Debate;
}

/**
 * Several hand-ins merged one after the other, as one change: each sees the additions the ones
 * before it gave (so the same file twice in a batch is a re-submission, not a copy). Gives each
 * file's result, and the additions to store, once each (a later version replaces an earlier).
 */
export function mergeHandIns(
	base: Debate,
	existing: readonly Contribution[],
	files: readonly HandInFile[],
	now: number
): { contributions: Contribution[]; results: MergeResult[] } {
	const merging = new Map<string, Contribution>();
	const results = files.map(({ file, debate }) => {
		const here = new Map(existing.map((c) => [c.id, c]));
		for (const c of merging.values()) here.set(c.id, c);
		const m = mergeHandIn(base, [...here.values()], debate, { file, now });
		for (const c of m.contributions) merging.set(c.id, c);
		return m;
	});
	return { contributions: [...merging.values()], results };
}
