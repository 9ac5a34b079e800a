import type { Contribution } from '../contrib/contribution';
import type { Poll } from '../schema/poll';
import type { EditOp, Op } from './op';

// Free of zod (types only): the page replays the log it holds without loading the validator.

/** What one applied change did to one addition: the addition before it and after it. */
export interface Version {
	op: EditOp;
	/** Undefined when the change made the addition (nothing was there). */
	before: Contribution | undefined;
	after: Contribution;
}

/** The log folded into what the page shows. */
export interface Replayed {
	/** Every addition ever made, deleted ones as markers (`deleted: true`), first made first. */
	items: Contribution[];
	/** The operation behind each addition's current version. */
	heads: ReadonlyMap<string, string>;
	/** Who made each addition (the `actor` of its first version). */
	madeBy: ReadonlyMap<string, string>;
	/** Each applied change to an addition, by operation id. */
	versions: ReadonlyMap<string, Version>;
	/**
	 * For each applied change, the change whose version it brings about: itself, or for an undo
	 * or redo, the change whose version it restored ('' for none: undoing a new addition). Two
	 * changes with the same entry left the addition reading the same.
	 */
	sameAs: ReadonlyMap<string, string>;
	/** Undo and redo operations not applied: a newer change to the same addition came first. */
	refused: ReadonlySet<string>;
	/** The stance poll: the latest answer before and after, the claims marked most persuasive. */
	poll: Poll;
	/** The operations in log order. */
	ops: readonly Op[];
	/** The latest `at` in the log: a new operation must come after it. */
	clock: number;
}

/** Log order: by `at`, then by `id`, the same in every tab and on the server. */
export function compareOps(a: Op, b: Op): number {
	return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The log in order, each operation once (an operation sent twice is applied once). */
export function ordered(ops: Iterable<Op>): Op[] {
	const byId = new Map<string, Op>();
	for (const op of ops) if (!byId.has(op.id)) byId.set(op.id, op);
	return [...byId.values()].sort(compareOps);
}

/**
 * Folds the log into the additions and the poll. A put or delete changes its addition whatever
 * came before (the earlier version stays in `versions`: nothing is lost); an undo or redo
 * applies only if its `base` is still the addition's latest version, so it never overwrites a
 * change made elsewhere meanwhile.
 */
export function replay(ops: Iterable<Op>): Replayed {
	const log = ordered(ops);
	const current = new Map<string, Contribution>();
	const heads = new Map<string, string>();
	const madeBy = new Map<string, string>();
	const versions = new Map<string, Version>();
	const sameAs = new Map<string, string>();
	/** The version each applied change replaced ('' when it made the addition). */
	const replaced = new Map<string, string>();
	const refused = new Set<string>();
	const stance: Pick<Poll, 'before' | 'after'> = {};
	const persuasive = new Map<string, boolean>();
	for (const op of log) {
		switch (op.kind) {
			case 'put':
			case 'delete': {
				const id = op.kind === 'put' ? op.value.id : op.claim;
				const head = heads.get(id) ?? null;
				if ((op.undoes || op.redoes) && op.base !== head) {
					refused.add(op.id);
					break;
				}
				const before = current.get(id);
				let after: Contribution;
				if (op.kind === 'put') {
					after = { ...op.value, updatedAt: op.at };
					delete after.deleted;
				} else if (before) after = { ...before, deleted: true, updatedAt: op.at };
				else break; // Deleting what was never made changes nothing.
				// A version that was deleted counts as nothing there, for undo.
				versions.set(op.id, { op, before: before?.deleted ? undefined : before, after });
				replaced.set(op.id, head ?? '');
				// Going back restores the version the undone (or redone) change replaced.
				sameAs.set(
					op.id,
					op.undoes || op.redoes ? (sameAs.get(replaced.get(op.base!) ?? '') ?? '') : op.id
				);
				// Insertion order of a Map is kept on update: first made stays first.
				current.set(id, after);
				heads.set(id, op.id);
				if (!madeBy.has(id)) madeBy.set(id, op.actor);
				break;
			}
			case 'stance':
				stance[op.when] = op.answer;
				break;
			case 'persuasive':
				// Re-inserted, so the list keeps the order in which claims were last marked.
				persuasive.delete(op.claim);
				persuasive.set(op.claim, op.on);
				break;
		}
	}
	const marked = [...persuasive].filter(([, on]) => on).map(([id]) => id);
	return {
		items: [...current.values()],
		heads,
		madeBy,
		versions,
		sameAs,
		refused,
		poll: { ...stance, persuasive: marked.slice(-50) },
		ops: log,
		clock: log.at(-1)?.at ?? 0
	};
}

/** An operation Undo and Redo act on: made by one tab, as part of one action (`group`). */
export interface Undoable {
	tab: string;
	group: string;
	undoes?: string;
	redoes?: string;
}

/** One action of one tab: the operations that share a `group`, in log order. */
export interface Step<T extends Undoable = EditOp> {
	group: string;
	ops: T[];
}

/** What Undo and Redo would take back in a tab: the last step of each stack, if any. */
export interface History<T extends Undoable = EditOp> {
	undo: Step<T>[];
	redo: Step<T>[];
}

/**
 * The undo and redo stacks of one tab, read from the log: the steps it made, less those it
 * undid, with redo holding what it undid since its last new step. Kept in the log, so the
 * history survives a reload of the tab.
 */
export function historyOf(replayed: Replayed, tab: string): History {
	const edits = replayed.ops.filter(
		(op): op is EditOp =>
			(op.kind === 'put' || op.kind === 'delete') && !replayed.refused.has(op.id)
	);
	return undoStacks(edits, tab);
}

/**
 * The undo and redo stacks of `tab` from the operations Undo and Redo act on (in log order,
 * refused ones left out): an undo takes its step off the undo stack onto the redo stack, a redo
 * puts it back, and a new step clears what could be redone.
 */
export function undoStacks<T extends Undoable>(ops: Iterable<T>, tab: string): History<T> {
	const steps = new Map<string, Step<T>>();
	for (const op of ops) {
		if (op.tab !== tab) continue;
		let step = steps.get(op.group);
		if (!step) steps.set(op.group, (step = { group: op.group, ops: [] }));
		step.ops.push(op);
	}
	let undo: Step<T>[] = [];
	let redo: Step<T>[] = [];
	for (const step of steps.values()) {
		const first = step.ops[0]!;
		if (first.undoes) {
			undo = undo.filter((s) => s.group !== first.undoes);
			redo.push(step);
		} else if (first.redoes) {
			redo = redo.filter((s) => s.group !== first.redoes);
			undo.push(step);
		} else {
			undo.push(step);
			redo = [];
		}
	}
	return { undo, redo };
}

/**
 * The changes that take `step` back: each addition it touched returns to the version before it,
 * based on its latest version. Refused, with the additions changed since (by another tab, or a
 * later action), when going back would overwrite them.
 */
export function revert(
	replayed: Replayed,
	step: Step
): { ok: true; changes: Revert[] } | { ok: false; changedSince: Contribution[] } {
	const changedSince: Contribution[] = [];
	const changes: Revert[] = [];
	for (const op of [...step.ops].reverse()) {
		const v = replayed.versions.get(op.id);
		if (!v) continue;
		const id = v.after.id;
		const head = replayed.heads.get(id)!;
		// The addition must still read as this step left it, though an undo and a redo since
		// may have brought that about.
		if (replayed.sameAs.get(head) !== replayed.sameAs.get(op.id)) {
			const now = replayed.items.find((c) => c.id === id);
			if (now) changedSince.push(now);
			continue;
		}
		changes.push({ base: head, id, to: v.before });
	}
	return changedSince.length ? { ok: false, changedSince } : { ok: true, changes };
}

/** One addition taken back to `to` (undefined: deleted), made on version `base`. */
export interface Revert {
	base: string;
	id: string;
	to: Contribution | undefined;
}

/**
 * The live additions that answer `id`, directly or through other additions: what goes with it
 * when it is deleted, so no reply is left hanging from nothing.
 */
export function repliesTo(items: readonly Contribution[], id: string): Contribution[] {
	const byTarget = new Map<string, Contribution[]>();
	for (const c of items) {
		if (c.deleted) continue;
		const t = c.claim.target;
		const to = typeof t === 'string' ? t : t?.to;
		if (!to) continue;
		const list = byTarget.get(to) ?? [];
		list.push(c);
		byTarget.set(to, list);
	}
	const out: Contribution[] = [];
	const queue = [id];
	const seen = new Set(queue);
	while (queue.length) {
		for (const c of byTarget.get(queue.shift()!) ?? []) {
			if (seen.has(c.id)) continue;
			seen.add(c.id);
			out.push(c);
			queue.push(c.id);
		}
	}
	return out;
}
