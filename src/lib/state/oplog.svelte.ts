/* eslint-disable svelte/prefer-svelte-reactivity -- what the page reads ($state.raw) is replaced,
   never mutated; the maps and sets here are private bookkeeping, not state. */
import type { Op } from '../core/oplog/op';
import { replay, type Replayed } from '../core/oplog/replay';
import { openStore, type CounterpointDB, type QuarantineRecord } from './db';
import { journal, type Journal } from './journal';
import type { StoreProblem } from './problem';

/**
 * The operation checks (zod): loaded when stored operations are first read or a student first
 * submits, not with the page.
 */
export const loadOpChecks = () => import('../core/oplog/checks');

/** How saving stands, for the status line. */
export type SaveState = 'idle' | 'loading' | 'saving' | 'saved' | 'failed';

/** Who made an operation: this browser (`actor`) and this tab (`tab`, kept across reloads). */
export interface Identity {
	actor: string;
	tab: string;
}

/**
 * One debate's log of operations in this browser: every addition, edit, deletion, stance and
 * mark a student makes here, appended and never rewritten; the page shows it replayed.
 *
 * Nothing is lost:
 * - a change is written at once to `localStorage` (a synchronous journal: it survives a reload
 *   or a closed tab a millisecond later), then to IndexedDB, and taken off the journal only once
 *   IndexedDB has committed it; a journal left behind is written on the next opening;
 * - each operation is its own record, so a tab never writes back another tab's work, stale or
 *   not; tabs tell each other when they save, and read what is new;
 * - an operation that cannot be read is kept aside on its own (the others stay), and can be
 *   downloaded as a file.
 */
export class OpLog {
	/** The log replayed: what the page shows. */
	state = $state.raw<Replayed>(replay([]));
	saveState = $state<SaveState>('idle');
	problem = $state<StoreProblem | null>(null);
	/** Operations not yet committed to IndexedDB (shown as "saving"). */
	pending = $state.raw<ReadonlySet<string>>(new Set());
	/**
	 * Operations neither in the journal nor committed: a reload now would lose them. The page
	 * asks before it is left while there are any.
	 */
	unsafe = $state(0);
	/** Records of this debate kept aside because they could not be read, not yet dismissed. */
	keptAside = $state.raw<QuarantineRecord[]>([]);
	readonly identity: Identity;

	private ops = new Map<string, Op>();
	private uncommitted = new Map<string, Op>();
	private channel: BroadcastChannel | undefined;
	private queue: Promise<void> = Promise.resolve();
	private journal: Journal;
	private lastAt = 0;
	private appendListeners = new Set<() => void>();
	private excluded: ReadonlySet<string> = new Set();

	constructor(
		readonly debateId: string,
		identity?: Identity
	) {
		this.identity = identity ?? browserIdentity();
		this.journal = journal(debateId);
	}

	/** A fresh random id (128 bits) for an operation or a step. */
	static newId(): string {
		return crypto.randomUUID().replaceAll('-', '');
	}

	/**
	 * The `at` of a new operation (the first of `count`, which take the next ones): after every
	 * operation seen, and never going backwards.
	 */
	nextAt(count = 1): number {
		const first = Math.max(Date.now(), this.state.clock + 1, this.lastAt + 1);
		this.lastAt = first + count - 1;
		return first;
	}

	/**
	 * Reads what this browser holds for the debate — operations in IndexedDB, a journal left by
	 * a reload, and stores of earlier versions, which become operations — and starts listening to
	 * other tabs. Browser only.
	 */
	async load(): Promise<void> {
		this.saveState = 'loading';
		try {
			const checks = await loadOpChecks();
			const left = this.journal.read(checks.readOps);
			// What a reload left in the journal shows at once, even if IndexedDB will not open; it
			// stays to be written until IndexedDB has it.
			for (const op of left.ops) if (!this.ops.has(op.id)) this.uncommitted.set(op.id, op);
			this.merge(left.ops);
			const db = await openStore();
			const { ops, kept } = await settleStored(db, this.debateId, left, checks);
			for (const op of left.ops) this.uncommitted.delete(op.id);
			this.journal.remove(left.keys);
			this.merge(ops);
			this.keptAside = kept;
			this.saveState = this.uncommitted.size ? 'saving' : 'saved';
			if (this.uncommitted.size) void this.flush();
		} catch (e) {
			this.fail(e);
		}
		if (typeof BroadcastChannel !== 'undefined' && !this.channel) {
			this.channel = new BroadcastChannel(`counterpoint:${this.debateId}`);
			this.channel.onmessage = () => void this.refresh();
		}
	}

	/** Stops listening to other tabs. */
	close() {
		this.channel?.close();
		this.channel = undefined;
	}

	/** Appends operations made here (one action), shows them, and saves them. */
	append(ops: Op[]): Promise<void> {
		if (ops.length === 0) return this.queue;
		for (const op of ops) this.uncommitted.set(op.id, op);
		this.merge(ops);
		this.pending = new Set([...this.pending, ...ops.map((o) => o.id)]);
		if (!this.journal.write(ops[0]!.group, ops)) this.unsafe += ops.length;
		const saved = this.flush();
		for (const listener of this.appendListeners) listener();
		return saved;
	}

	/**
	 * Takes in operations made elsewhere (a class session's server): shown, and kept in this
	 * browser so that they are there offline and after a reload. Each is taken once.
	 */
	receive(ops: Op[]): Promise<void> {
		const fresh = ops.filter((op) => !this.ops.has(op.id));
		if (fresh.length === 0) return this.queue;
		for (const op of fresh) this.uncommitted.set(op.id, op);
		this.merge(fresh);
		return this.flush();
	}

	/**
	 * Leaves operations out of what is shown (a class session's server refused them); they stay
	 * in the log, and in this browser.
	 */
	exclude(ids: ReadonlySet<string>) {
		const same = ids.size === this.excluded.size && [...ids].every((id) => this.excluded.has(id));
		if (same) return;
		this.excluded = ids;
		this.state = replay(this.shown());
	}

	/** Every operation held, in no particular order. */
	all(): Iterable<Op> {
		return this.ops.values();
	}

	/**
	 * Calls `listener` each time operations are made here (journalled, perhaps not yet in
	 * IndexedDB): a class session's outbox sends them at once.
	 */
	onAppend(listener: () => void): () => void {
		this.appendListeners.add(listener);
		return () => this.appendListeners.delete(listener);
	}

	/** Marks what was kept aside as seen: the message goes until something new is kept aside. */
	async dismissKeptAside() {
		const seen = this.keptAside;
		this.keptAside = [];
		try {
			const db = await openStore();
			const tx = db.transaction('quarantine', 'readwrite');
			for (const r of seen) await tx.store.put({ ...r, seen: true });
			await tx.done;
		} catch {
			// Dismissing is a courtesy; the records themselves stay kept aside either way.
		}
	}

	private merge(ops: Iterable<Op>) {
		let added = false;
		for (const op of ops)
			if (!this.ops.has(op.id)) {
				this.ops.set(op.id, op);
				added = true;
			}
		if (added) this.state = replay(this.shown());
	}

	private shown(): Op[] {
		const all = [...this.ops.values()];
		return this.excluded.size ? all.filter((op) => !this.excluded.has(op.id)) : all;
	}

	/** Writes every uncommitted operation, one transaction; retried with the next change. */
	private flush(): Promise<void> {
		this.queue = this.queue.then(async () => {
			const batch = [...this.uncommitted.values()];
			if (batch.length === 0) return;
			this.saveState = 'saving';
			try {
				const db = await openStore();
				const tx = db.transaction('ops', 'readwrite');
				settled(tx.done);
				for (const op of batch) await tx.store.put({ debateId: this.debateId, id: op.id, op });
				await tx.done;
				for (const op of batch) this.uncommitted.delete(op.id);
				this.journal.remove(this.journal.keysOf(batch));
				const committed = new Set(batch.map((o) => o.id));
				this.pending = new Set([...this.pending].filter((id) => !committed.has(id)));
				this.unsafe = Math.max(0, this.unsafe - batch.length);
				this.unsafe = Math.min(this.unsafe, this.uncommitted.size);
				this.saveState = this.uncommitted.size ? 'saving' : 'saved';
				this.problem = null;
				this.channel?.postMessage('saved');
			} catch (e) {
				this.fail(e);
			}
		});
		return this.queue;
	}

	/** Another tab saved: read the operations it added. */
	private async refresh() {
		try {
			const { readOps } = await loadOpChecks();
			const db = await openStore();
			const records = await db.getAll('ops', debateRange(this.debateId));
			const fresh = records.filter((r) => !this.ops.has(r.id)).map((r) => r.op);
			this.merge(readOps(fresh).ops);
		} catch (e) {
			this.fail(e);
		}
	}

	private fail(e: unknown) {
		this.saveState = 'failed';
		const name = (e as { name?: string })?.name;
		const error = String((e as Error)?.message ?? e);
		this.problem =
			name === 'QuotaExceededError' ? { kind: 'work-full' } : { kind: 'work-failed', error };
	}
}

type Checks = Awaited<ReturnType<typeof loadOpChecks>>;

/** The IndexedDB key range of one debate's operations. */
export function debateRange(debateId: string) {
	return IDBKeyRange.bound([debateId, ''], [debateId, '\uffff']);
}

/**
 * One transaction: writes what a journal left, turns an earlier version's stores (a list of
 * additions, a poll) into operations, moves every unreadable record aside on its own, and reads
 * the debate's operations back. Returns them with the records kept aside and not yet seen.
 */
async function settleStored(
	db: CounterpointDB,
	debateId: string,
	journalled: { ops: Op[]; unreadable: QuarantineRecord[] },
	checks: Checks
): Promise<{ ops: Op[]; kept: QuarantineRecord[] }> {
	const tx = db.transaction(['ops', 'contributions', 'polls', 'quarantine'], 'readwrite');
	settled(tx.done);
	const opsStore = tx.objectStore('ops');
	const quarantine = tx.objectStore('quarantine');
	const keptAt = new Date().toISOString();
	const keep = (value: unknown, store: string, reason: string, n: number) =>
		quarantine.put({
			key: `${store}:${debateId}:${keptAt}:${n}`,
			store,
			reason,
			keptAt,
			value,
			debateId
		});
	for (const op of journalled.ops) await opsStore.put({ debateId, id: op.id, op });
	for (const r of journalled.unreadable) await quarantine.put(r);

	// Stores of earlier versions: a whole list of additions, and a poll, per debate.
	const legacy = await tx.objectStore('contributions').get(debateId);
	if (legacy) {
		const { ops, unreadable } = checks.fromLegacyContributions(legacy.items);
		for (const op of ops) await opsStore.put({ debateId, id: op.id, op });
		let n = 0;
		for (const item of unreadable)
			await keep(item, 'contributions', 'an addition that could not be read', n++);
		await tx.objectStore('contributions').delete(debateId);
	}
	const poll = await tx.objectStore('polls').get(debateId);
	if (poll) {
		const ops = checks.fromLegacyPoll(poll.poll, poll.savedAt);
		if (ops) for (const op of ops) await opsStore.put({ debateId, id: op.id, op });
		else await keep(poll.poll, 'polls', 'a stance poll that could not be read', 0);
		await tx.objectStore('polls').delete(debateId);
	}

	const records = await opsStore.getAll(debateRange(debateId));
	const { ops, unreadable } = checks.readOps(records.map((r) => r.op));
	let n = 0;
	for (const bad of unreadable) {
		const record = records[bad.index]!;
		await keep(record.op, 'ops', `a change that could not be read (${bad.problem})`, n++);
		await opsStore.delete([debateId, record.id]);
	}
	const all = await quarantine.getAll();
	await tx.done;
	const kept = all.filter(
		(r) => !r.seen && (r.debateId === debateId || r.key.startsWith(`contributions:${debateId}:`))
	);
	return { ops, kept };
}

/**
 * Marks a transaction's `done` as looked after. When a step fails (a put refused, the
 * transaction aborted), `done` rejects with the same failure, which the caller has already caught
 * and reported; unobserved, it would also surface as an unhandled rejection in the console.
 */
function settled(done: Promise<void>) {
	done.catch(() => undefined);
}

/**
 * This browser's person id (kept in `localStorage`) and this tab's (kept in `sessionStorage`,
 * which a reload keeps and a new tab does not). Either falls back to a new one when storage is
 * refused.
 */
export function browserIdentity(): Identity {
	const kept = (storage: () => Storage, key: string) => {
		try {
			const s = storage();
			const have = s.getItem(key);
			if (have && /^[A-Za-z0-9_-]{8,64}$/.test(have)) return have;
			const id = OpLog.newId();
			s.setItem(key, id);
			return id;
		} catch {
			return OpLog.newId();
		}
	};
	return {
		actor: kept(() => localStorage, 'counterpoint:actor'),
		tab: kept(() => sessionStorage, 'counterpoint:tab')
	};
}
