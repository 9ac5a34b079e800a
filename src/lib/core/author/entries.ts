import type { AuthorOp, Op, SetOp } from '../oplog/op';
import { ordered, undoStacks, type History, type Step } from '../oplog/replay';

// Free of zod (types only): the editor folds the log it holds without loading the validator.

/** An entry's value as the author left it (see `EntryValue` in `oplog/op.ts`). */
export type EntryValue = SetOp['value'];

/** What one applied change did to one entry: its value before and after (undefined: none). */
export interface EntryVersion {
	op: AuthorOp;
	key: string;
	before: EntryValue | undefined;
	after: EntryValue | undefined;
}

/**
 * A debate being written, folded from its log: each entry (`debate`, `claim:<id>`,
 * `source:<id>`) as it now reads, in the order it was first made.
 */
export interface Authored {
	/** Every entry ever made; a deleted one is `undefined` (it keeps its place for an undo). */
	entries: ReadonlyMap<string, EntryValue | undefined>;
	/** The operation behind each entry's current value. */
	heads: ReadonlyMap<string, string>;
	/** Each applied change, by operation id. */
	versions: ReadonlyMap<string, EntryVersion>;
	/** Undo and redo operations not applied: the entry had changed since (in another tab). */
	refused: ReadonlySet<string>;
	/** The authoring operations in log order. */
	ops: readonly AuthorOp[];
}

const isAuthorOp = (op: Op): op is AuthorOp => op.kind === 'set' || op.kind === 'unset';

/**
 * Folds a log into the debate it writes. A set or unset changes its entry whatever came before;
 * an undo or redo applies only if its `base` is still the entry's latest version, so it never
 * overwrites a change made in another tab meanwhile.
 */
export function foldEntries(ops: Iterable<Op>): Authored {
	const log = ordered(ops).filter(isAuthorOp);
	const entries = new Map<string, EntryValue | undefined>();
	const heads = new Map<string, string>();
	const versions = new Map<string, EntryVersion>();
	const refused = new Set<string>();
	for (const op of log) {
		const head = heads.get(op.key) ?? null;
		if ((op.undoes || op.redoes) && op.base !== head) {
			refused.add(op.id);
			continue;
		}
		const before = entries.get(op.key);
		const after = op.kind === 'set' ? op.value : undefined;
		versions.set(op.id, { op, key: op.key, before, after });
		// A Map keeps its insertion order on update: an entry deleted and brought back keeps its place.
		entries.set(op.key, after);
		heads.set(op.key, op.id);
	}
	return { entries, heads, versions, refused, ops: log };
}

/** The undo and redo stacks of one tab's writing, kept in the log (they survive a reload). */
export function authorHistory(authored: Authored, tab: string): History<AuthorOp> {
	return undoStacks(
		authored.ops.filter((op) => !authored.refused.has(op.id)),
		tab
	);
}

/** One entry taken back to `to` (undefined: deleted), made on version `base`. */
export interface EntryRevert {
	key: string;
	base: string;
	to: EntryValue | undefined;
}

/**
 * The changes that take `step` back: each entry it touched returns to its value before the
 * step. Refused, with the keys changed since (in another tab, or by a later step), when going
 * back would overwrite them.
 */
export function revertEntries(
	authored: Authored,
	step: Step<AuthorOp>
): { ok: true; changes: EntryRevert[] } | { ok: false; changedSince: string[] } {
	// Per entry: its value before the step's first change, and the step's last change to it.
	const first = new Map<string, EntryVersion>();
	const last = new Map<string, string>();
	for (const op of step.ops) {
		const v = authored.versions.get(op.id);
		if (!v) continue;
		if (!first.has(v.key)) first.set(v.key, v);
		last.set(v.key, op.id);
	}
	const changedSince: string[] = [];
	const changes: EntryRevert[] = [];
	for (const [key, v] of first) {
		const head = authored.heads.get(key)!;
		if (head !== last.get(key)) changedSince.push(key);
		else changes.push({ key, base: head, to: v.before });
	}
	return changedSince.length ? { ok: false, changedSince } : { ok: true, changes };
}
