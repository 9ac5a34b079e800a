/* eslint-disable svelte/prefer-svelte-reactivity -- what the page reads ($state.raw) is replaced,
   never mutated; the maps here are private bookkeeping, not state. */
import { getContext, setContext } from 'svelte';
import type { Op } from '../core/oplog/op';
import { openStore, type SyncRecord } from './db';
import type { OpLog } from './oplog.svelte';

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
	send(ops: Op[]): Promise<{ acked: Map<string, number>; refused: Map<string, string> }>;
	/**
	 * Streams the session's operations after event `cursor`, in order, each once; reports whether
	 * the stream is up. Returns a function that stops it.
	 */
	listen(
		cursor: number,
		onEvents: (events: { seq: number; op: Op }[]) => void,
		onStatus: (status: 'live' | 'offline') => void
	): () => void;
}

/** How the connection to the class stands, for the status line. */
export type Connection = 'connecting' | 'live' | 'offline';

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
	connection = $state<Connection>('connecting');
	/** This student's operations the server has not acknowledged yet. */
	waiting = $state(0);
	/** Operations the server refused, with why: kept, not applied, shown to the student. */
	refused = $state.raw<{ op: Op; why: string }[]>([]);

	private records = new Map<string, SyncRecord>();
	private sending = false;
	private attempt = 0;
	private timer: ReturnType<typeof setTimeout> | undefined;
	private stops: (() => void)[] = [];

	constructor(
		readonly log: OpLog,
		readonly remote: Remote,
		readonly logId: string = log.debateId
	) {}

	/** Reads where each operation stands, starts the stream from the last event seen, sends. */
	async start(): Promise<void> {
		try {
			const db = await openStore();
			const range = IDBKeyRange.bound([this.logId, ''], [this.logId, '\uffff']);
			for (const r of await db.getAll('sync', range)) this.records.set(r.opId, r);
		} catch {
			// Without storage the outbox still sends what this page holds.
		}
		this.updateCounts();
		const cursor = Math.max(0, ...[...this.records.values()].map((r) => r.seq ?? 0));
		this.stops.push(
			this.remote.listen(
				cursor,
				(events) => void this.received(events),
				(status) => {
					this.connection = status;
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
		this.updateCounts();
		if (batch.length === 0) return;
		this.sending = true;
		try {
			const { acked, refused } = await this.remote.send(batch);
			this.attempt = 0;
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
			else this.updateCounts();
		} catch {
			this.sending = false;
			this.connection = 'offline';
			const wait = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!;
			this.timer = setTimeout(() => void this.flush(), wait);
		}
	}

	/** Everyone's operations from the stream: into the log, with where the stream got to. */
	private async received(events: { seq: number; op: Op }[]) {
		if (events.length === 0) return;
		// The operations are stored before the stream's place is: a reload in between would
		// otherwise resume after events this browser never kept.
		await this.log.receive(events.map((e) => e.op));
		await this.save(events.map(({ seq, op }) => ({ ...this.mark(op.id), seq })));
	}

	private mark(opId: string): SyncRecord {
		return this.records.get(opId) ?? { logId: this.logId, opId };
	}

	private async save(marks: SyncRecord[]) {
		for (const m of marks) this.records.set(m.opId, m);
		this.updateCounts();
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

	private updateCounts() {
		this.waiting = this.unsent().length;
		const ops = new Map([...this.log.all()].map((op) => [op.id, op]));
		const refused = [...this.records.values()]
			.filter((r) => r.refused && ops.has(r.opId))
			.map((r) => ({ op: ops.get(r.opId)!, why: r.refused! }));
		if (refused.length !== this.refused.length) {
			this.refused = refused;
			this.log.exclude(new Set(refused.map((r) => r.op.id)));
		}
	}
}

const KEY = Symbol('outbox');

/** Shares a class session's outbox with the page's components (none outside a session). */
export function setOutbox(outbox: Outbox | undefined) {
	setContext(KEY, outbox);
}

export function getOutbox(): Outbox | undefined {
	return getContext<Outbox | undefined>(KEY);
}
