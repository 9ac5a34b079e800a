/* eslint-disable svelte/prefer-svelte-reactivity -- what the page reads ($state.raw) is replaced,
   never mutated; the maps here are private bookkeeping, not state. */
import { getContext, setContext } from 'svelte';
import type { Op } from '../core/oplog/op';
import type { ModerationOp } from '../core/oplog/moderation';
import { classState, seenBy, type ClassEvent, type ClassState } from '../core/class/class-state';
import { DELETED_END_ID, TEACHER } from '../core/class/permissions';
import { studentParts, type StudentPart } from '../core/class/class-results';
import { openStore, type SyncRecord } from './db';
import { loadOpChecks, type OpLog } from './oplog.svelte';

/**
 * A class session's server as the browser sees it: where this student's operations go, and
 * where everyone's come from. The page uses the HTTP one (`session-remote.ts`); tests use a
 * stand-in.
 */
export interface Remote {
	/**
	 * Sends operations. Resolves with the event id the server gave each one it took (an
	 * operation sent twice gets the id it got the first time) and why it refused others (no
	 * right to, a bad value: sending again would not help). Rejects when the server cannot be
	 * reached or is not answering properly (offline, restarting, its database down): the
	 * operations are sent again later.
	 */
	send(
		ops: (Op | ModerationOp)[]
	): Promise<{ acked: Map<string, number>; refused: Map<string, string> }>;
	/**
	 * Streams the session's events after event `cursor`, in order, each once; reports whether
	 * the stream is up, and `gone` when the server no longer has the session (it ended, or was
	 * deleted, while this page was away). Returns a function that stops it.
	 */
	listen(
		cursor: number,
		onEvents: (events: Incoming[]) => void,
		onStatus: (status: 'live' | 'offline' | 'gone') => void
	): () => void;
}

/**
 * One event of the session's stream: an operation of the log, or the teacher's moderation (an
 * approved or restored addition comes with its latest version, `reveal`). `by` is who the server
 * says made it: a participant id, or `teacher`.
 */
export type Incoming = (
	{ seq: number; by: string; op: Op } | { seq: number; by: string; mod: ModerationOp; reveal?: Op }
) & {
	/** The maker's display name, when this reader may see it. */
	name?: string;
};

/**
 * How the connection to the class stands, for the status line. `gone`: the server no longer has
 * the session; the page shows what this browser kept of it, read-only.
 */
export type Connection = 'connecting' | 'live' | 'offline' | 'gone';

/** Waits before sending again after a failure: 1 s, doubling up to 30 s. */
const RETRY_MS = [1000, 2000, 4000, 8000, 16000, 30000];

/**
 * The outbox of a class session: every operation this student makes goes to the operation log
 * first (kept in the browser, shown at once), then to the server, again and again until the
 * server has acknowledged it — offline, across reloads, through a server restart. The server
 * takes an operation once however often it is sent (by its id), so nothing is doubled. What the
 * server streams (everyone's operations, this student's included) joins the same log.
 */
export class Outbox {
	/** How the stream of everyone's events stands. */
	private stream = $state<Connection>('connecting');
	/** The last send failed (the server or its database did not answer): tried again later. */
	private sendFailing = $state(false);

	/**
	 * How the connection to the class stands: offline while either the stream is down or the
	 * server does not take what is sent (a stream can stay open while the database is down).
	 */
	get connection(): Connection {
		if (this.stream === 'gone') return 'gone';
		return this.sendFailing && this.stream !== 'connecting' ? 'offline' : this.stream;
	}
	/** This student's operations the server has not acknowledged yet. */
	waiting = $state(0);
	/** Operations the server refused, with why: kept, not applied, shown to the student. */
	refused = $state.raw<{ op: Op; why: string }[]>([]);
	/** What the teacher decided (waiting, hidden, reworded; locked, ended), as seen here. */
	classState = $state.raw<ClassState>(classState([], 'open'));
	/** Each student's part (poll, marks, additions): the teacher's page only. */
	parts = $state.raw<StudentPart[]>([]);
	/** Display names by participant id, as the stream gave them to this reader. */
	names = $state.raw<ReadonlyMap<string, string>>(new Map());
	/**
	 * The teacher deleted the session while this page was open: what this browser kept of it is
	 * to be forgotten (the page does it, with the session's code).
	 */
	deleted = $state(false);
	/** Why the teacher's last moderation did not go through; null once one does. */
	moderationProblem = $state<string | null>(null);

	private records = new Map<string, SyncRecord>();
	private sending = false;
	private attempt = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private stops: (() => void)[] = [];

	/**
	 * `viewer`: who this page is in the session (the role, and the participant id the server
	 * knows them by); `moderation`: whether students' additions wait for approval.
	 */
	constructor(
		readonly log: OpLog,
		readonly remote: Remote,
		readonly viewer: { role: 'teacher' | 'student'; moderation: 'open' | 'approve' } = {
			role: 'student',
			moderation: 'open'
		},
		readonly logId: string = log.debateId
	) {}

	/** Whether this person can change nothing now: the session is over, or locked to students. */
	get readOnly(): boolean {
		const { locked, ended } = this.classState;
		return ended || this.connection === 'gone' || (locked && this.viewer.role === 'student');
	}

	/** This person as the server names them in events. */
	private get me() {
		return this.viewer.role === 'teacher' ? TEACHER : this.log.identity.actor;
	}

	/**
	 * Sends the teacher's moderation now (it needs the server: it is not kept to send later).
	 * The page changes when the event comes back on the stream, as on every other screen.
	 */
	async moderate(op: ModerationOp): Promise<boolean> {
		try {
			const { refused } = await this.remote.send([op]);
			const why = refused.get(op.id);
			this.moderationProblem = why ?? null;
			return why === undefined;
		} catch {
			this.moderationProblem = '';
			return false;
		}
	}

	/**
	 * Reads where each operation stands, starts the stream from the last event seen, sends.
	 * `gone`: the server said it no longer has the session; the page shows what is kept, and
	 * nothing is sent.
	 */
	async start(options: { gone?: boolean } = {}): Promise<void> {
		try {
			const db = await openStore();
			const range = IDBKeyRange.bound([this.logId, ''], [this.logId, '\uffff']);
			const stored = await db.getAll('sync', range);
			// A stored moderation is read like one from the network: what fails is left out.
			const { readModeration } = stored.some((r) => r.mod) ? await loadOpChecks() : {};
			for (const r of stored) {
				if (r.mod && !readModeration?.(r.mod)) delete r.mod;
				this.records.set(r.opId, r);
			}
		} catch {
			// Without storage the outbox still sends what this page holds.
		}
		this.derive();
		if (options.gone) {
			this.stream = 'gone';
			return;
		}
		const cursor = Math.max(0, ...[...this.records.values()].map((r) => r.seq ?? 0));
		this.stops.push(
			this.remote.listen(
				cursor,
				(events) => void this.received(events),
				(status) => {
					// Once gone, a late report from the stream does not bring it back.
					if (this.stream === 'gone') return;
					this.stream = status;
					if (status === 'gone') this.stop();
					// The way back to the server is open again: send now, not at the next retry.
					if (status === 'live') this.kick();
				}
			),
			this.log.onAppend(() => this.kick())
		);
		if (typeof addEventListener !== 'undefined') {
			const online = () => this.kick();
			addEventListener('online', online);
			this.stops.push(() => removeEventListener('online', online));
		}
		this.kick();
	}

	stop() {
		for (const stop of this.stops.splice(0)) stop();
		clearTimeout(this.timer);
	}

	/** This student's operations still to send, oldest first. */
	private unsent(): Op[] {
		const mine = [...this.log.all()].filter(
			(op) =>
				op.actor === this.log.identity.actor &&
				!this.records.get(op.id)?.acked &&
				!this.records.get(op.id)?.refused &&
				!this.records.get(op.id)?.seq
		);
		return mine.sort((a, b) => a.at - b.at);
	}

	/** Sends what waits now, unless a send is on its way (it sends again when done). */
	private kick() {
		clearTimeout(this.timer);
		void this.flush();
	}

	private async flush() {
		if (this.sending) return;
		const batch = this.unsent().slice(0, 100);
		this.updateWaiting();
		if (batch.length === 0) return;
		this.sending = true;
		try {
			const { acked, refused } = await this.remote.send(batch);
			this.attempt = 0;
			this.sendFailing = false;
			const marks: SyncRecord[] = [];
			for (const op of batch) {
				const seq = acked.get(op.id);
				const why = refused.get(op.id);
				if (seq !== undefined) marks.push({ ...this.mark(op.id), acked: seq });
				else if (why !== undefined) marks.push({ ...this.mark(op.id), refused: why });
			}
			await this.save(marks);
			this.sending = false;
			// More may have come meanwhile.
			if (this.unsent().length) void this.flush();
			else this.updateWaiting();
		} catch {
			this.sending = false;
			if (this.stream === 'gone') return;
			this.sendFailing = true;
			const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
			this.timer = setTimeout(() => void this.flush(), wait);
		}
	}

	/** Everyone's operations from the stream: into the log, with where the stream got to. */
	private async received(events: Incoming[]) {
		if (events.length === 0) return;
		// The operations are stored before the stream's place is: a reload in between would
		// otherwise resume after events this browser never kept.
		await this.log.receive(
			events.flatMap((e) => ('op' in e ? [e.op] : e.reveal ? [e.reveal] : []))
		);
		await this.save(
			events.map((e) =>
				'op' in e
					? { ...this.mark(e.op.id), seq: e.seq, by: e.by, ...named(e) }
					: { ...this.mark(e.mod.id), seq: e.seq, by: e.by, mod: e.mod }
			)
		);
		// After it is stored: the page then forgets everything this browser kept of the session.
		if (events.some((e) => 'mod' in e && e.mod.kind === 'end' && e.mod.id === DELETED_END_ID))
			this.deleted = true;
	}

	private mark(opId: string): SyncRecord {
		return this.records.get(opId) ?? { logId: this.logId, opId };
	}

	private async save(marks: SyncRecord[]) {
		for (const m of marks) this.records.set(m.opId, m);
		this.derive();
		try {
			const db = await openStore();
			const tx = db.transaction('sync', 'readwrite');
			for (const m of marks) await tx.store.put(m);
			await tx.done;
		} catch {
			// Not knowing an operation was acknowledged only means sending it again: the server
			// takes it once.
		}
	}

	private updateWaiting() {
		this.waiting = this.unsent().length;
	}

	/**
	 * What follows from the records (where each operation stands with the server, and the
	 * teacher's decisions): what was refused, the class's state and results, the names, and what
	 * this reader's map leaves off. Worked out when the records change, not on every send.
	 */
	private derive() {
		this.updateWaiting();
		const ops = new Map([...this.log.all()].map((op) => [op.id, op]));
		const refused = [...this.records.values()]
			.filter((r) => r.refused && ops.has(r.opId))
			.map((r) => ({ op: ops.get(r.opId)!, why: r.refused! }));
		if (refused.length !== this.refused.length) this.refused = refused;
		const events: ClassEvent[] = [];
		for (const r of this.records.values()) {
			const seq = r.seq ?? r.acked;
			if (seq === undefined) continue;
			if (r.mod) events.push({ seq, by: r.by ?? '', mod: r.mod as ModerationOp });
			else {
				const op = ops.get(r.opId);
				if (op)
					events.push({
						seq,
						by: r.by ?? (op.actor === this.log.identity.actor ? this.me : ''),
						op
					});
			}
		}
		this.classState = classState(events, this.viewer.moderation);
		if (this.viewer.role === 'teacher')
			this.parts = studentParts(events.flatMap((e) => ('op' in e ? [e] : [])));
		// The names the server let this reader see (none of classmates' in an anonymous session).
		const names = new Map<string, string>();
		for (const r of this.records.values()) if (r.by && r.name) names.set(r.by, r.name);
		if (names.size !== this.names.size) this.names = names;
		// Nothing more will come, and nothing more can be sent.
		if (this.classState.ended) this.stop();
		// Left off the map: what the server refused, and additions the class does not see.
		const viewer = { role: this.viewer.role, actor: this.me };
		const excluded = new Set(refused.map((r) => r.op.id));
		for (const op of ops.values()) {
			const claim = op.kind === 'put' ? op.value.id : op.kind === 'delete' ? op.claim : undefined;
			if (claim !== undefined && !seenBy(this.classState, claim, viewer)) excluded.add(op.id);
		}
		this.log.exclude(excluded);
	}
}

const named = (e: Incoming) => (e.name ? { name: e.name } : {});

const KEY = Symbol('outbox');

/** Shares a class session's outbox with the page's components (none outside a session). */
export function setOutbox(outbox: Outbox | undefined) {
	setContext(KEY, outbox);
}

export function getOutbox(): Outbox | undefined {
	return getContext<Outbox | undefined>(KEY);
}
