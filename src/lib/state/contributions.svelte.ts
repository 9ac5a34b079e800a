import type { Contribution, DraftResult } from '../core/contrib/contribution';
import { freshId } from '../core/contrib/overlay';
import type { Refused } from '../core/oplog/checks';
import type { EditOp } from '../core/oplog/op';
import { historyOf, repliesTo, revert, type History, type Revert } from '../core/oplog/replay';
import type { Debate } from '../core/schema';
import { loadOpChecks, OpLog } from './oplog.svelte';

/**
 * The additions' checks (zod schemas): loaded when first needed (a student submits, or stored
 * additions are read), not with the page, so that the map opens without the validator.
 */
const loadChecks = () => import('../core/contrib/contribution');

/** Why Undo or Redo did nothing: going back would overwrite these newer changes. */
export interface Refusal {
	action: 'undo' | 'redo';
	/** The additions changed since (by another tab, or a later action). */
	changed: Contribution[];
}

/**
 * A reader's additions to one debate: a view of the debate's operation log (`OpLog`), which
 * keeps and saves every change. Undo and redo act on what this tab did, and are refused when
 * they would overwrite a newer change made elsewhere.
 */
export class ContributionStore {
	/** Why the last Undo or Redo was refused; null once something else happens. */
	refusal = $state<Refusal | null>(null);
	private readonly history: History;

	/**
	 * Whose additions this reader may edit and delete: in a student's own browser every addition
	 * is theirs (`own`); in a class session a student edits only their own (`shared`), and the
	 * teacher any (`any`: a correction, shown to the class as edited).
	 */
	constructor(
		readonly log: OpLog,
		readonly edits: 'own' | 'shared' | 'any' = 'own'
	) {
		this.history = $derived(historyOf(log.state, log.identity.tab));
	}

	get debateId() {
		return this.log.debateId;
	}
	/** Every addition, deleted ones included as markers. */
	get items(): Contribution[] {
		return this.log.state.items;
	}
	/** Additions that are shown (not deleted). */
	get live(): Contribution[] {
		return this.items.filter((c) => !c.deleted);
	}
	/** Deleted additions, newest first: each can be restored. */
	get deleted(): Contribution[] {
		return this.items.filter((c) => c.deleted).sort((a, b) => b.updatedAt - a.updatedAt);
	}
	get state() {
		return this.log.saveState;
	}
	get problem() {
		return this.log.problem;
	}
	get canUndo() {
		return this.history.undo.length > 0;
	}
	get canRedo() {
		return this.history.redo.length > 0;
	}
	/** Whether the latest change to addition `id` is still being written. */
	isPending(id: string) {
		const head = this.log.state.heads.get(id);
		return head !== undefined && this.log.pending.has(head);
	}

	find(id: string): Contribution | undefined {
		return this.items.find((c) => c.id === id && !c.deleted);
	}

	/** Addition `id` if it is this student's own (to edit or delete). */
	mine(id: string): Contribution | undefined {
		const c = this.find(id);
		if (!c || this.edits !== 'shared') return c;
		return this.log.state.madeBy.get(id) === this.log.identity.actor ? c : undefined;
	}

	/** The live additions that answer `id`, directly or not: deleted with it. */
	replies(id: string): Contribution[] {
		return repliesTo(this.items, id);
	}

	load(): Promise<void> {
		return this.log.load();
	}

	/**
	 * Loads the checks ahead of need, once the page is idle: a student who writes a claim after
	 * the classroom's connection dropped can still add it. A failure here is retried on submit.
	 */
	prepare(): void {
		loadChecks().catch(() => {});
		loadOpChecks().catch(() => {});
	}

	close() {
		this.log.close();
	}

	/**
	 * Checks a draft and, if it is sound, adds it (or replaces addition `editing`). `lang` is
	 * the language it is written in.
	 */
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
			now: Date.now(),
			lang: options.lang,
			debate: options.debate,
			previous
		});
		if (result.ok) this.put([result.contribution]);
		return result;
	}

	/** Deletes an addition and every addition answering it, as one step (undo brings all back). */
	remove(id: string) {
		const target = this.find(id);
		if (!target) return;
		const all = [target, ...this.replies(id)];
		const step = OpLog.newId();
		const at = this.log.nextAt(all.length);
		this.refusal = null;
		void this.log.append(all.map((c, i) => this.deleteOp(c.id, step, at + i)));
	}

	/**
	 * Brings back a deleted addition, with what it answers if that was deleted too, and the
	 * replies deleted with it: nothing a student wrote stays out of reach.
	 */
	restore(id: string) {
		const gone = this.items.find((c) => c.id === id && c.deleted);
		if (!gone) return;
		// Lookups for this call, not state.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const byId = new Map(this.items.map((c) => [c.id, c]));
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const back = new Map<string, Contribution>();
		// What it answers, up the chain, while that is a deleted addition.
		for (let c: Contribution | undefined = gone; c?.deleted;) {
			if (back.has(c.id)) break;
			back.set(c.id, c);
			const t = c.claim.target;
			c = byId.get((typeof t === 'string' ? t : t?.to) ?? '');
		}
		// The replies deleted in the same step.
		const step = this.stepOf(id);
		for (const c of this.items) if (c.deleted && this.stepOf(c.id) === step) back.set(c.id, c);
		this.put([...back.values()].map((c) => ({ ...c, deleted: undefined })));
	}

	/** The step (group of operations) that made addition `id`'s latest version. */
	private stepOf(id: string): string | undefined {
		const { versions, heads } = this.log.state;
		return versions.get(heads.get(id) ?? '')?.op.group;
	}

	/**
	 * Adds or updates several additions as one step (merging students' hand-ins): an addition
	 * whose id is already here replaces it. Undo takes the whole step back.
	 */
	addAll(contributions: readonly Contribution[]) {
		this.put(contributions);
	}

	/**
	 * As `addAll`, but only the additions the store will read back: each is checked with the
	 * rules stored operations are read with, so one that would be put aside on the next opening
	 * is refused now, alone, and the rest are added. Returns the refused ones, with why.
	 */
	async addChecked(contributions: readonly Contribution[]): Promise<Refused[]> {
		const { checkContributions } = await loadOpChecks();
		const { ok, refused } = checkContributions(contributions);
		this.put(ok);
		return refused;
	}

	undo(): Refusal | null {
		const step = this.history.undo.at(-1);
		return step ? this.back(step, 'undo') : null;
	}

	redo(): Refusal | null {
		const step = this.history.redo.at(-1);
		return step ? this.back(step, 'redo') : null;
	}

	private back(step: { group: string; ops: EditOp[] }, action: 'undo' | 'redo') {
		const r = revert(this.log.state, step);
		if (!r.ok) {
			this.refusal = { action, changed: r.changedSince };
			return this.refusal;
		}
		this.refusal = null;
		const group = OpLog.newId();
		const at = this.log.nextAt(r.changes.length);
		const mark = action === 'undo' ? { undoes: step.group } : { redoes: step.group };
		void this.log.append(r.changes.map((c, i) => this.revertOp(c, group, at + i, mark)));
		return null;
	}

	private put(contributions: readonly Contribution[]) {
		if (contributions.length === 0) return;
		this.refusal = null;
		const group = OpLog.newId();
		const at = this.log.nextAt(contributions.length);
		void this.log.append(
			contributions.map((value, i) => ({
				...this.envelope(group, at + i),
				kind: 'put' as const,
				base: this.log.state.heads.get(value.id) ?? null,
				value: { ...value, updatedAt: at + i }
			}))
		);
	}

	private deleteOp(id: string, group: string, at: number): EditOp {
		return {
			...this.envelope(group, at),
			kind: 'delete',
			base: this.log.state.heads.get(id) ?? null,
			claim: id
		};
	}

	private revertOp(
		c: Revert,
		group: string,
		at: number,
		mark: { undoes?: string; redoes?: string }
	): EditOp {
		const envelope = { ...this.envelope(group, at), ...mark, base: c.base };
		return c.to
			? { ...envelope, kind: 'put', value: { ...c.to, updatedAt: at } }
			: { ...envelope, kind: 'delete', claim: c.id };
	}

	private envelope(group: string, at: number) {
		return {
			id: OpLog.newId(),
			actor: this.log.identity.actor,
			tab: this.log.identity.tab,
			group,
			at
		};
	}
}
