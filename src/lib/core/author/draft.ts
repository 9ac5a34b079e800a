import type { Claim, Debate, Evidence, RelationTarget, Source } from '../schema/debate';
import type { Authored, EntryValue } from './entries';

// Free of zod: what the editor writes and reads back. The checks (the debate schema and its
// reference checks, as `npm run validate` runs them) are in `check.ts`, loaded when needed.

/** A text per language, as the editor keeps it (a file's plain string is its primary language). */
export type Texts = Record<string, string>;

/** The debate's heading: everything but its claims and sources. */
export interface DraftHead {
	id: string;
	title: Texts;
	summary: Texts;
	/** The primary language: where a text is missing in another, this one is shown. */
	language: string;
	/** The languages the author writes in (the editor shows a field for each); not in the file. */
	languages: string[];
	thesis: string;
	tags: { id: string; label: Texts }[];
	actors: { id: string; name: Texts; role?: Texts; organisation?: string }[];
	tour?: string[];
}

/**
 * A record of the schema as the editor keeps it: each text that may be given per language is a
 * {@link Texts}, every other field as the schema has it. Derived from the schema's types, so a
 * field added to a claim, a piece of evidence or a source is in the draft without a hand edit;
 * if it is a text per language, `entriesOf` stops compiling until it turns it into `Texts`.
 */
export type Drafted<T> = {
	[K in keyof T]: Texts extends Exclude<T[K], undefined>
		? undefined extends T[K]
			? Texts | undefined
			: Texts
		: T[K];
};

export type DraftEvidence = Drafted<Evidence>;

/** A claim as the editor keeps it (its `kind`: claim, question, or an argument read from Argdown). */
export type DraftClaim = Omit<Drafted<Claim>, 'evidence'> & { evidence?: DraftEvidence[] };

/** A source as the editor keeps it. */
export type DraftSource = Drafted<Source>;

export const HEAD_KEY = 'debate';
export const claimKey = (id: string) => `claim:${id}`;
export const sourceKey = (id: string) => `source:${id}`;

/** Entries hold plain JSON: the typed views above are how the editor writes them. */
const as = <T>(v: EntryValue | undefined) => v as unknown as T | undefined;
export const asEntry = (v: DraftHead | DraftClaim | DraftSource) => v as unknown as EntryValue;

/** The debate being written, as typed views of its entries, in the order they were made. */
export interface DraftDebate {
	head: DraftHead | undefined;
	claims: DraftClaim[];
	sources: DraftSource[];
}

export function draftOf(entries: Authored['entries']): DraftDebate {
	const claims: DraftClaim[] = [];
	const sources: DraftSource[] = [];
	for (const [key, value] of entries) {
		if (!value) continue;
		if (key.startsWith('claim:')) claims.push(as<DraftClaim>(value)!);
		else if (key.startsWith('source:')) sources.push(as<DraftSource>(value)!);
	}
	return { head: as<DraftHead>(entries.get(HEAD_KEY)), claims, sources };
}

/** A text kept per language: a plain string is the primary language's. */
export function textsOf(text: string | Texts | undefined, language: string): Texts | undefined {
	if (text === undefined) return undefined;
	return typeof text === 'string' ? { [language]: text } : { ...text };
}

/** The entries of a copy of `debate` (shipped or imported), under the id `id`. */
export function entriesOf(
	debate: Debate,
	id: string,
	languages: readonly string[]
): [string, EntryValue][] {
	const lang = debate.language;
	const tx = (text: string | Texts | undefined) => textsOf(text, lang);
	const present = new Set([lang, ...languages]);
	const head: DraftHead = {
		id,
		title: tx(debate.title)!,
		summary: tx(debate.summary)!,
		language: lang,
		languages: [...present],
		thesis: debate.thesis,
		tags: debate.tags.map((t) => ({ id: t.id, label: tx(t.label)! })),
		actors: debate.actors.map((a) => ({ ...a, name: tx(a.name)!, role: tx(a.role) })),
		...(debate.tour ? { tour: [...debate.tour] } : {})
	};
	const claims = debate.claims.map((c): DraftClaim => ({
		...c,
		text: tx(c.text)!,
		title: tx(c.title),
		detail: tx(c.detail),
		note: tx(c.note),
		evidence: c.evidence?.map((e) => ({ ...e, translation: tx(e.translation) }))
	}));
	const sources = debate.sources.map((s): DraftSource => ({
		...s,
		title: tx(s.title)!,
		note: tx(s.note)
	}));
	// A plain copy, stored as JSON: fields left undefined above are left out.
	const plain = <T>(v: T) => JSON.parse(JSON.stringify(v)) as EntryValue;
	return [
		[HEAD_KEY, plain(head)],
		...sources.map((s): [string, EntryValue] => [sourceKey(s.id), plain(s)]),
		...claims.map((c): [string, EntryValue] => [claimKey(c.id), plain(c)])
	];
}

/** The entries of a new debate: its heading and its thesis, still to be written. */
export function newDebateEntries(id: string, languages: readonly string[]): [string, EntryValue][] {
	const blank = Object.fromEntries(languages.map((l) => [l, '']));
	const head: DraftHead = {
		id,
		title: { ...blank },
		summary: { ...blank },
		language: languages[0]!,
		languages: [...languages],
		thesis: 'thesis',
		tags: [],
		actors: []
	};
	const thesis: DraftClaim = { id: 'thesis', text: { ...blank } };
	return [
		[HEAD_KEY, asEntry(head)],
		[claimKey('thesis'), asEntry(thesis)]
	];
}

/** The claim a claim hangs from on the map: its target (an undercut hangs from `from`). */
export function parentOf(claim: Pick<DraftClaim, 'target'>): string | undefined {
	const t = claim.target;
	return t === undefined ? undefined : typeof t === 'string' ? t : t.from;
}

/**
 * The claims in tree order, each below what it answers, the thesis first, with their depth.
 * Claims that do not reach a root (a circle another tab made) come last, so none is out of reach.
 */
export function claimTree(
	claims: readonly DraftClaim[],
	thesis: string
): { claim: DraftClaim; depth: number }[] {
	const children = new Map<string, DraftClaim[]>();
	const ids = new Set(claims.map((c) => c.id));
	const roots: DraftClaim[] = [];
	for (const c of claims) {
		const p = parentOf(c);
		if (p === undefined || !ids.has(p)) roots.push(c);
		else children.set(p, [...(children.get(p) ?? []), c]);
	}
	roots.sort((a, b) => Number(b.id === thesis) - Number(a.id === thesis));
	const out: { claim: DraftClaim; depth: number }[] = [];
	const seen = new Set<string>();
	// A stack, not recursion: a chain of hundreds of claims must not overflow it.
	const stack: [DraftClaim, number][] = [...roots, ...claims].reverse().map((c) => [c, 0]);
	while (stack.length) {
		const [c, depth] = stack.pop()!;
		if (seen.has(c.id)) continue;
		seen.add(c.id);
		out.push({ claim: c, depth });
		const kids = children.get(c.id) ?? [];
		for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
	}
	return out;
}

/** Every claim below `id` (answering it, directly or not): what moves and goes with it. */
export function branchOf(claims: readonly DraftClaim[], id: string): string[] {
	const children = new Map<string, string[]>();
	for (const c of claims) {
		const p = parentOf(c);
		if (p === undefined) continue;
		children.set(p, [...(children.get(p) ?? []), c.id]);
	}
	const out: string[] = [];
	const seen = new Set([id]);
	const queue = [id];
	while (queue.length) {
		for (const k of children.get(queue.shift()!) ?? []) {
			if (seen.has(k)) continue;
			seen.add(k);
			out.push(k);
			queue.push(k);
		}
	}
	return out;
}

/** The claims `id` may answer: any but itself and those below it (that would be a circle). */
export function targetsFor(claims: readonly DraftClaim[], id: string): DraftClaim[] {
	const below = new Set([id, ...branchOf(claims, id)]);
	return claims.filter((c) => !below.has(c.id));
}

/** Whether a relation target names one of `ids` (an undercut names two claims). */
const names = (t: RelationTarget, ids: ReadonlySet<string>) =>
	typeof t === 'string' ? ids.has(t) : ids.has(t.from) || ids.has(t.to);

/** What deleting a claim does: every entry it changes (undefined: deleted). */
export interface Deletion {
	/** The claim and its branch. */
	claims: string[];
	changes: [string, EntryValue | undefined][];
}

/**
 * Deleting claim `id` takes its branch with it, and the relations and tour stops that named
 * any of them, so that no reference is left to nothing. Undefined for the thesis: a debate is
 * about it.
 */
export function deletionOf(draft: DraftDebate, id: string): Deletion | undefined {
	if (!draft.head || id === draft.head.thesis) return undefined;
	if (!draft.claims.some((c) => c.id === id)) return undefined;
	const gone = [id, ...branchOf(draft.claims, id)];
	const ids = new Set(gone);
	const changes: [string, EntryValue | undefined][] = gone.map((c) => [claimKey(c), undefined]);
	for (const c of draft.claims) {
		if (ids.has(c.id) || !c.also?.some((r) => names(r.target, ids))) continue;
		const also = c.also.filter((r) => !names(r.target, ids));
		const next: DraftClaim = { ...c, also };
		if (also.length === 0) delete next.also;
		changes.push([claimKey(c.id), asEntry(next)]);
	}
	if (draft.head.tour?.some((s) => ids.has(s)))
		changes.push([
			HEAD_KEY,
			asEntry({ ...draft.head, tour: draft.head.tour.filter((s) => !ids.has(s)) })
		]);
	return { claims: gone, changes };
}

/** The claims that cite source `id` (it cannot go while they do). */
export function citing(draft: DraftDebate, id: string): string[] {
	return draft.claims.filter((c) => c.evidence?.some((e) => e.source === id)).map((c) => c.id);
}

/** A short id unlike any in `taken`: `prefix` and random letters and digits. */
export function freshEntryId(prefix: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	for (;;) {
		const id = `${prefix}${Math.random().toString(36).slice(2, 6)}`;
		if (/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id) && !used.has(id)) return id;
	}
}

/**
 * The texts that count: trimmed, empty ones left out; a text in the primary language only is
 * written plain, as the format reads a plain text. `required`: when none is left, the primary
 * language's stays empty, so the check says which field to fill.
 */
function texts(t: Texts | undefined, primary: string, required: true): Texts | string;
function texts(t: Texts | undefined, primary: string, required?: false): Texts | string | undefined;
function texts(
	t: Texts | undefined,
	primary: string,
	required = false
): Texts | string | undefined {
	const kept = Object.fromEntries(
		Object.entries(t ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '')
	);
	const langs = Object.keys(kept);
	if (langs.length === 1 && langs[0] === primary) return kept[primary];
	if (langs.length > 0) return kept;
	return required ? { [primary]: '' } : undefined;
}

/** A field left empty in the form is a field left out of the file. */
function optional<T>(v: T | undefined | ''): T | undefined {
	return v === '' || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? undefined : v;
}

/** Drops keys whose value is undefined (the file has no `field: null`). */
function defined<T extends object>(o: T): T {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The debate as a file would hold it: what the checks read and the download writes. Empty
 * optional fields are left out; the editor's own `languages` is not part of the format.
 */
export function debateInput(draft: DraftDebate): Record<string, unknown> {
	const h = draft.head;
	const lang = h?.language ?? 'en';
	const tx = (t: Texts | undefined) => texts(t, lang);
	return defined({
		formatVersion: 1,
		id: h?.id ?? '',
		title: texts(h?.title, lang, true),
		summary: texts(h?.summary, lang, true),
		language: lang,
		thesis: h?.thesis ?? '',
		tags: (h?.tags ?? []).map((t) => ({ id: t.id, label: texts(t.label, lang, true) })),
		actors: (h?.actors ?? []).map((a) =>
			defined({
				id: a.id,
				name: texts(a.name, lang, true),
				role: tx(a.role),
				organisation: optional(a.organisation)
			})
		),
		sources: draft.sources.map((s) =>
			defined({
				...s,
				title: texts(s.title, lang, true),
				author: optional(s.author),
				organisation: optional(s.organisation),
				publisher: optional(s.publisher),
				date: optional(s.date),
				url: optional(s.url),
				note: tx(s.note)
			})
		),
		claims: draft.claims.map((c) =>
			defined({
				...c,
				text: texts(c.text, lang, true),
				title: tx(c.title),
				detail: tx(c.detail),
				note: tx(c.note),
				actor: optional(c.actor),
				baseScore: optional(c.baseScore),
				tags: c.tags?.length ? c.tags : undefined,
				also: c.also?.length ? c.also : undefined,
				evidence: c.evidence?.length
					? c.evidence.map((e) => defined({ ...e, translation: tx(e.translation) }))
					: undefined
			})
		),
		tour: h?.tour?.length ? h.tour : undefined
	});
}
