import type { Contribution, DraftResult } from '../core/contrib/contribution';
import { freshId, isoNow, mergeContributions } from '../core/contrib/overlay';
import type { Debate } from '../core/schema';
import { openStore, type QuarantineRecord } from './db';
import type { StoreProblem } from './problem';

/**
 * The additions' checks (zod schemas): loaded when first needed (a student submits, or stored
 * additions are read), not with the page, so that the map opens without the validator.
 */
const loadChecks = () => import('../core/contrib/contribution');

/** One change to the additions, kept for undo and redo: the addition before and after it. */
interface Change {
	before: Contribution | undefined;
	after: Contribution;
}

/** How saving stands, for the status line. */
export type SaveState = 'idle' | 'loading' | 'saving' | 'saved' | 'failed';

/**
 * A reader's additions to one debate, saved in this browser after every change. Several tabs of
 * the same debate share them: each save merges with what is stored (the newer version of each
 * addition wins, deletions included), and tells the other tabs, which merge it in. Undo and
 * redo replay changes as new versions, so they survive the same merging.
 */
export class ContributionStore {
	/** Every addition, deleted ones included as markers. */
	items = $state.raw<Contribution[]>([]);
	state = $state<SaveState>('idle');
	/** A problem the reader must know about (storage full, unreadable store); null when none. */
	problem = $state<StoreProblem | null>(null);
	/** Each step is one action: a single edit, or a whole merge of hand-ins. */
	private undoStack = $state.raw<Change[][]>([]);
	private redoStack = $state.raw<Change[][]>([]);
	private channel: BroadcastChannel | undefined;
	/** Saves run one after another, so a later change never lands before an earlier one. */
	private queue: Promise<void> = Promise.resolve();

	constructor(readonly debateId: string) {}

	/** Additions that are shown (not deleted). */
	get live(): Contribution[] {
		return this.items.filter((c) => !c.deleted);
	}

	get canUndo() {
		return this.undoStack.length > 0;
	}
	get canRedo() {
		return this.redoStack.length > 0;
	}

	find(id: string): Contribution | undefined {
		return this.items.find((c) => c.id === id && !c.deleted);
	}

	/** Reads what this browser has stored, and starts listening to other tabs. Browser only. */
	async load(): Promise<void> {
		this.state = 'loading';
		try {
			const stored = await this.read();
			this.items = mergeContributions(stored, this.items);
			this.state = 'saved';
		} catch (e) {
			this.fail(e);
		}
		if (typeof BroadcastChannel !== 'undefined') {
			this.channel = new BroadcastChannel(`counterpoint:${this.debateId}`);
			this.channel.onmessage = () => void this.refresh();
		}
	}

	/**
	 * Loads the checks ahead of need, once the page is idle: a student who writes a claim after
	 * the classroom's connection dropped can still add it. A failure here is retried on submit.
	 */
	prepare(): void {
		loadChecks().catch(() => {});
	}

	/** Stops listening to other tabs. */
	close() {
		this.channel?.close();
		this.channel = undefined;
	}

	/** Checks a draft and, if it is sound, adds it (or replaces addition `editing`). */
	async submit(
		draft: unknown,
		options: { debate: Debate; lang: string; editing?: string }
	): Promise<DraftResult> {
		const { contributionFromDraft } = await loadChecks();
		const previous = options.editing ? this.find(options.editing) : undefined;
		const id =
			previous?.id ??
			freshId([...options.debate.claims.map((c) => c.id), ...this.items.map((c) => c.id)]);
		const result = contributionFromDraft(draft, {
			id,
			now: this.now(),
			lang: options.lang,
			debate: options.debate,
			previous
		});
		if (result.ok) this.change([{ before: previous, after: result.contribution }]);
		return result;
	}

	/** Deletes an addition (undo brings it back). */
	remove(id: string) {
		const before = this.find(id);
		if (!before) return;
		this.change([{ before, after: { ...before, deleted: true, updatedAt: this.now() } }]);
	}

	/** Adds several additions as one step (merging students' hand-ins); undo removes them all. */
	addAll(contributions: readonly Contribution[]) {
		if (contributions.length === 0) return;
		const now = this.now();
		this.change(contributions.map((c) => ({ before: undefined, after: { ...c, updatedAt: now } })));
	}

	undo() {
		const last = this.undoStack.at(-1);
		if (!last) return;
		this.undoStack = this.undoStack.slice(0, -1);
		this.redoStack = [...this.redoStack, last];
		const now = this.now();
		this.apply(
			last.map((c) => ({ ...(c.before ?? { ...c.after, deleted: true }), updatedAt: now }))
		);
	}

	redo() {
		const last = this.redoStack.at(-1);
		if (!last) return;
		this.redoStack = this.redoStack.slice(0, -1);
		this.undoStack = [...this.undoStack, last];
		const now = this.now();
		this.apply(last.map((c) => ({ ...c.after, updatedAt: now })));
	}

	private change(changes: Change[]) {
		this.undoStack = [...this.undoStack, changes].slice(-200);
		this.redoStack = [];
		this.apply(changes.map((c) => c.after));
	}

	private apply(versions: Contribution[]) {
		this.items = mergeContributions(this.items, versions);
		void this.save();
	}

	/** Writes the additions, merged with what another tab may have stored meanwhile. */
	private save(): Promise<void> {
		this.queue = this.queue.then(async () => {
			this.state = 'saving';
			try {
				// Before the transaction: awaiting anything else inside it would let it commit.
				const { Contributions } = await loadChecks();
				const db = await openStore();
				// One transaction reads, merges and writes, so two tabs cannot interleave; an
				// unreadable record is moved aside in the same transaction, never lost.
				const tx = db.transaction(['contributions', 'quarantine'], 'readwrite');
				settled(tx.done);
				const store = tx.objectStore('contributions');
				const record = await store.get(this.debateId);
				const parsed = Contributions.safeParse(record?.items ?? []);
				if (!parsed.success && record)
					await tx
						.objectStore('quarantine')
						.put(keptAside(this.debateId, record.items, 'while saving'));
				const merged = mergeContributions(parsed.success ? parsed.data : [], this.items);
				await store.put({ debateId: this.debateId, items: merged, savedAt: Date.now() });
				await tx.done;
				this.items = mergeContributions(this.items, merged);
				this.state = 'saved';
				if (this.problem?.kind !== 'additions-unreadable') this.problem = null;
				this.channel?.postMessage('saved');
			} catch (e) {
				this.fail(e);
			}
		});
		return this.queue;
	}

	/** Another tab saved: take its newer versions. */
	private async refresh() {
		try {
			this.items = mergeContributions(this.items, await this.read());
		} catch (e) {
			this.fail(e);
		}
	}

	/** The stored additions; an unreadable record is kept aside (never deleted) and reported. */
	private async read(): Promise<Contribution[]> {
		const db = await openStore();
		const record = await db.get('contributions', this.debateId);
		if (!record) return [];
		const { Contributions } = await loadChecks();
		const parsed = Contributions.safeParse(record.items);
		if (parsed.success) return parsed.data;
		const tx = db.transaction(['contributions', 'quarantine'], 'readwrite');
		settled(tx.done);
		await tx.objectStore('quarantine').put(keptAside(this.debateId, record.items, 'on opening'));
		await tx.objectStore('contributions').delete(this.debateId);
		await tx.done;
		this.problem = { kind: 'additions-unreadable' };
		return [];
	}

	private fail(e: unknown) {
		this.state = 'failed';
		const name = (e as { name?: string })?.name;
		this.problem =
			name === 'QuotaExceededError'
				? { kind: 'additions-full' }
				: { kind: 'additions-failed', error: String((e as Error)?.message ?? e) };
	}

	/** A clock that never goes backwards, so a quick undo still counts as newer. */
	private last = 0;
	private now() {
		this.last = Math.max(Date.now(), this.last + 1);
		return this.last;
	}
}

/**
 * Marks a transaction's `done` as looked after. When a step fails (a put refused, the
 * transaction aborted), `done` rejects with the same failure, which the caller has already caught
 * and reported; unobserved, it would also surface as an unhandled rejection in the console.
 * Awaiting `done` afterwards still throws as before.
 */
function settled(done: Promise<void>) {
	done.catch(() => undefined);
}

/** The record under which unreadable additions are kept aside. */
function keptAside(debateId: string, value: unknown, when: string): QuarantineRecord {
	const keptAt = isoNow();
	return {
		key: `contributions:${debateId}:${keptAt}`,
		store: 'contributions',
		reason: `unreadable additions found ${when}`,
		keptAt,
		value
	};
}
