/* eslint-disable svelte/prefer-svelte-reactivity -- what the page reads ($state.raw) is replaced,
   never mutated; the maps here are scratch copies. */
import {
	authorHistory,
	foldEntries,
	revertEntries,
	type Authored,
	type EntryValue
} from '../core/author/entries';
import {
	asEntry,
	branchOf,
	citing,
	claimKey,
	deletionOf,
	draftOf,
	freshEntryId,
	HEAD_KEY,
	sourceKey,
	type DraftClaim,
	type DraftDebate,
	type DraftSource
} from '../core/author/draft';
import type { DraftCheck } from '../core/author/problems';
import type { AuthorOp } from '../core/oplog/op';
import type { History } from '../core/oplog/replay';
import { OpLog, type Identity } from './oplog.svelte';

/** The checks of a debate being written (zod): loaded when the editor first checks. */
export const loadDraftChecks = () => import('../core/author/check');

/** Logs of debates being written are named `edit:<key>`; a class's or a reader's are not. */
export const EDIT_PREFIX = 'edit:';

/** How long typing may pause before what was typed becomes one step (one Undo). */
export const TYPING_PAUSE_MS = 600;

/** One change of an entry: its new value, or undefined to delete it. */
export type Change = [key: string, value: EntryValue | undefined];

/** Why an Undo or Redo did nothing: the entries changed since, in another tab. */
export interface DraftRefusal {
	action: 'undo' | 'redo';
	entries: string[];
}

/**
 * A debate being written in this browser: a view of its operation log (`OpLog`, log
 * `edit:<key>`), which keeps every change as the students' additions are kept — journalled at
 * once, then in IndexedDB, each change its own record, tabs telling each other — so nothing
 * typed is lost on a reload or with two tabs. Undo and redo act on what this tab did.
 */
export class DebateDraft {
	readonly log: OpLog;
	/** The log folded into entries. */
	readonly authored: Authored;
	/** The debate as the editor shows it: the log, with what is being typed laid over it. */
	readonly draft: DraftDebate;
	readonly history: History<AuthorOp>;
	/** What the last check found; null until the checks have loaded. */
	check = $state.raw<DraftCheck | null>(null);
	refusal = $state<DraftRefusal | null>(null);
	/** Values being typed, not yet in the log (they go in after a pause, or when the field is left). */
	private typing = $state.raw<ReadonlyMap<string, EntryValue>>(new Map());
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		readonly key: string,
		identity?: Identity
	) {
		this.log = new OpLog(EDIT_PREFIX + key, identity);
		this.authored = $derived(foldEntries(this.log.state.ops));
		this.draft = $derived.by(() => {
			if (this.typing.size === 0) return draftOf(this.authored.entries);
			const entries = new Map(this.authored.entries);
			for (const [k, v] of this.typing) entries.set(k, v);
			return draftOf(entries);
		});
		this.history = $derived(authorHistory(this.authored, this.log.identity.tab));
	}

	/**
	 * The debate written under `key`, loaded; undefined when nobody wrote under it (a link from
	 * another browser, or a draft deleted since).
	 */
	static async open(key: string): Promise<DebateDraft | undefined> {
		const draft = new DebateDraft(key);
		await draft.load();
		if (draft.exists) return draft;
		draft.close();
		return undefined;
	}

	/** A new key for a debate being written. */
	static newKey(): string {
		return OpLog.newId().slice(0, 12);
	}

	get head() {
		return this.draft.head;
	}
	get claims() {
		return this.draft.claims;
	}
	get sources() {
		return this.draft.sources;
	}
	/** Whether the log has anything (a key nobody wrote under has nothing). */
	get exists() {
		return this.authored.entries.has(HEAD_KEY);
	}
	get canUndo() {
		return this.lastUndoable() !== undefined || this.typing.size > 0;
	}
	get canRedo() {
		return this.history.redo.length > 0;
	}

	claim(id: string): DraftClaim | undefined {
		return this.claims.find((c) => c.id === id);
	}
	source(id: string): DraftSource | undefined {
		return this.sources.find((s) => s.id === id);
	}

	load(): Promise<void> {
		return this.log.load();
	}

	close() {
		this.flush();
		this.log.close();
	}

	/** Checks the debate as `npm run validate` would check its download. */
	async recheck(): Promise<DraftCheck> {
		const { checkDraft } = await loadDraftChecks();
		const result = checkDraft(this.draft);
		this.check = result;
		return result;
	}

	/** Writes the first entries of a new debate, or of a copy, as one step. */
	start(entries: readonly Change[]) {
		this.apply(entries);
	}

	/**
	 * Changes an entry. `typing`: the change is held until typing pauses or the field is left,
	 * so that a word is one step to undo, not one per letter; it shows at once all the same.
	 */
	set(key: string, value: EntryValue, typing = false) {
		if (!typing) {
			this.flush();
			this.apply([[key, value]]);
			return;
		}
		this.typing = new Map([...this.typing, [key, value]]);
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.flush(), TYPING_PAUSE_MS);
	}

	/** Puts what is being typed into the log now (the field was left, or the page is going). */
	flush() {
		clearTimeout(this.timer);
		this.timer = undefined;
		if (this.typing.size === 0) return;
		const changes = [...this.typing];
		this.typing = new Map();
		this.apply(changes);
	}

	/** Adds a claim answering `target`; returns its id. */
	addClaim(target: string, stance: 'pro' | 'con'): string {
		const id = freshEntryId(
			'c-',
			this.claims.map((c) => c.id)
		);
		const claim: DraftClaim = { id, text: {}, stance, target };
		this.set(claimKey(id), asEntry(claim));
		return id;
	}

	/** How many claims deleting `id` takes with it (its branch), itself included. */
	deletionSize(id: string): number {
		return 1 + branchOf(this.claims, id).length;
	}

	/** Deletes a claim with its branch, as one step (undo brings all back). */
	deleteClaim(id: string): boolean {
		this.flush();
		const deletion = deletionOf(this.draft, id);
		if (!deletion) return false;
		this.apply(deletion.changes);
		return true;
	}

	/** Adds a source (with what `fill` already knows of it); returns its id. */
	addSource(fill: Partial<DraftSource> = {}): string {
		const id = freshEntryId(
			's-',
			this.sources.map((s) => s.id)
		);
		const lang = this.head?.language ?? 'en';
		const source: DraftSource = {
			title: {},
			type: 'article',
			language: lang,
			status: 'unconfirmed',
			...fill,
			id
		};
		this.set(sourceKey(id), asEntry(source));
		return id;
	}

	/** The claims citing source `id`: it cannot be deleted while there are any. */
	citing(id: string): string[] {
		return citing(this.draft, id);
	}

	deleteSource(id: string): boolean {
		this.flush();
		if (this.citing(id).length > 0 || !this.source(id)) return false;
		this.apply([[sourceKey(id), undefined]]);
		return true;
	}

	undo() {
		this.flush();
		const step = this.lastUndoable();
		if (step) this.back(step, 'undo');
	}

	/**
	 * The step Undo would take back: not the one that started the debate (its heading made from
	 * nothing), which would leave nothing to edit; deleting a debate is done from the library.
	 */
	private lastUndoable() {
		const step = this.history.undo.at(-1);
		const starts = step?.ops.some(
			(op) => op.key === HEAD_KEY && op.base === null && !op.undoes && !op.redoes
		);
		return starts ? undefined : step;
	}

	redo() {
		this.flush();
		const step = this.history.redo.at(-1);
		if (step) this.back(step, 'redo');
	}

	private back(step: History<AuthorOp>['undo'][number], action: 'undo' | 'redo') {
		const r = revertEntries(this.authored, step);
		if (!r.ok) {
			this.refusal = { action, entries: r.changedSince };
			return;
		}
		const mark = action === 'undo' ? { undoes: step.group } : { redoes: step.group };
		this.append(r.changes.map((c) => ({ key: c.key, value: c.to, base: c.base, ...mark })));
	}

	/** One step: every change in one group, made on each entry's latest version. */
	private apply(changes: readonly Change[]) {
		if (changes.length === 0) return;
		this.append(
			changes.map(([key, value]) => ({
				key,
				value,
				base: this.authored.heads.get(key) ?? null
			}))
		);
	}

	private append(
		changes: {
			key: string;
			value: EntryValue | undefined;
			base: string | null;
			undoes?: string;
			redoes?: string;
		}[]
	) {
		this.refusal = null;
		const group = OpLog.newId();
		const at = this.log.nextAt(changes.length);
		const { actor, tab } = this.log.identity;
		void this.log.append(
			changes.map(({ key, value, ...rest }, i): AuthorOp => {
				// A plain copy: the value may be a Svelte proxy, which storage cannot clone.
				const envelope = { id: OpLog.newId(), actor, tab, group, at: at + i, key, ...rest };
				return value === undefined
					? { ...envelope, kind: 'unset' }
					: { ...envelope, kind: 'set', value: JSON.parse(JSON.stringify(value)) as EntryValue };
			})
		);
	}
}
