import { isUnavailable } from '../db';
import { CHANNEL, type ClassService, type EventRow, type Session, type Viewer } from './service';
import { DELETED_END_ID, TEACHER } from '$core/class/permissions';

/** One open event stream: who reads it, the last seq it has been given, where to write. */
interface Subscriber {
	viewer: Viewer;
	names: Session['settings']['names'];
	last: number;
	send(text: string): void;
	close(): void;
}

/**
 * Fan-out of one instance: its open event streams, by session. The instance LISTENs once; a
 * notification (from any instance) wakes that session's room, which reads the log after the
 * oldest position among its streams — the same query that replays from `Last-Event-ID` — and
 * gives each stream what it has not had and may see. A lost notification only delays: the
 * heartbeat re-reads every room, and so does a re-made LISTEN connection.
 */
export class Hub {
	private rooms = new Map<string, Room>();
	private stopListening?: () => Promise<void>;
	private heartbeat?: ReturnType<typeof setInterval>;

	constructor(
		private readonly service: ClassService,
		private readonly heartbeatMs = 15_000
	) {}

	async start() {
		this.stopListening = await this.service.db.listen(
			CHANNEL,
			(payload) => {
				const [id, what] = payload.split(':');
				const room = this.rooms.get(id!);
				if (what !== 'deleted') return room?.wake();
				room?.gone();
				this.rooms.delete(id!);
			},
			() => this.wakeAll()
		);
		this.heartbeat = setInterval(() => {
			for (const room of this.rooms.values()) room.ping();
			this.wakeAll();
		}, this.heartbeatMs);
		this.heartbeat.unref?.();
	}

	/** Streams `session`'s events after `after` to `send`; returns the unsubscribe. */
	subscribe(
		session: Session,
		viewer: Viewer,
		after: number,
		send: (text: string) => void,
		close: () => void
	): () => void {
		let room = this.rooms.get(session.id);
		if (!room) {
			room = new Room(session.id, this.service);
			this.rooms.set(session.id, room);
		}
		const sub: Subscriber = { viewer, names: session.settings.names, last: after, send, close };
		room.subs.add(sub);
		room.wake();
		const r = room;
		return () => {
			r.subs.delete(sub);
			if (r.subs.size === 0 && this.rooms.get(session.id) === r) this.rooms.delete(session.id);
		};
	}

	/** Open streams of `actor` in `sessionId` on this instance. */
	streams(sessionId: string, actor: string): number {
		let n = 0;
		for (const s of this.rooms.get(sessionId)?.subs ?? []) if (s.viewer.actor === actor) n++;
		return n;
	}

	private wakeAll() {
		for (const room of this.rooms.values()) room.wake();
	}

	async stop() {
		clearInterval(this.heartbeat);
		await this.stopListening?.();
		for (const room of this.rooms.values()) for (const s of room.subs) s.close();
		this.rooms.clear();
	}
}

class Room {
	subs = new Set<Subscriber>();
	private running = false;
	private again = false;

	constructor(
		readonly id: string,
		private readonly service: ClassService
	) {}

	/**
	 * The session was deleted (its events with it): each stream still open is told it ended, as
	 * the teacher's end would have told it, and closed.
	 */
	gone() {
		for (const sub of this.subs) {
			const end: EventRow = {
				seq: sub.last + 1,
				op_id: DELETED_END_ID,
				actor: TEACHER,
				kind: 'end',
				audience: 'all',
				payload: { kind: 'end', id: DELETED_END_ID, at: Date.now() },
				at: new Date(),
				display_name: null
			};
			sub.send(render(end, sub));
			sub.close();
		}
		this.subs.clear();
	}

	ping() {
		for (const s of this.subs) s.send(': keep-alive\n\n');
	}

	/** Reads and delivers what is new; a wake during a read reads again after it. */
	wake() {
		if (this.running) {
			this.again = true;
			return;
		}
		this.running = true;
		void (async () => {
			do {
				this.again = false;
				try {
					await this.pump();
				} catch (e) {
					// The database is away: the next notification or heartbeat tries again.
					if (!isUnavailable(e)) console.error('class session stream:', e);
				}
			} while (this.again && this.subs.size > 0);
			this.running = false;
		})();
	}

	private async pump() {
		const BATCH = 500;
		for (;;) {
			if (this.subs.size === 0) return;
			const from = Math.min(...[...this.subs].map((s) => s.last));
			const rows = await this.service.read(this.id, from, BATCH);
			const rendered = new Map<string, string>();
			for (const row of rows)
				for (const sub of this.subs) {
					if (row.seq <= sub.last) continue;
					sub.last = row.seq;
					if (!visible(row, sub.viewer)) continue;
					const variant = `${row.seq}:${variantOf(row, sub)}`;
					let text = rendered.get(variant);
					if (text === undefined) {
						text = render(row, sub);
						rendered.set(variant, text);
					}
					sub.send(text);
					if (row.kind === 'end') sub.close();
				}
			if (rows.length < BATCH) return;
		}
	}
}

function visible(row: EventRow, viewer: Viewer): boolean {
	return row.audience === 'all' || viewer.role === 'teacher' || row.actor === viewer.actor;
}

/** Streams that are shown the same text for this row. */
function variantOf(row: EventRow, sub: Subscriber): string {
	return anonymous(row, sub) ? 'anonymous' : 'named';
}

/** Names are hidden from classmates in an anonymous session (the teacher and the author see them). */
function anonymous(row: EventRow, sub: Subscriber): boolean {
	return (
		sub.names === 'anonymous' && sub.viewer.role === 'student' && row.actor !== sub.viewer.actor
	);
}

/**
 * One SSE message: `id:` is the seq (the browser sends it back as Last-Event-ID), `data:` the
 * event as JSON: `{ seq, actor, by, at, op }` (`by`: the author's display name, left out when
 * names are hidden from this reader; `op.reveal`: an approved or restored addition's version).
 */
export function render(row: EventRow, sub: Pick<Subscriber, 'names' | 'viewer'>): string {
	const anon = anonymous(row, sub as Subscriber);
	const by = row.actor === TEACHER ? TEACHER : (row.display_name ?? undefined);
	const data = {
		seq: row.seq,
		actor: row.actor,
		...(anon ? {} : { by }),
		at: new Date(row.at).getTime(),
		op: anon ? withoutNames(row.payload) : row.payload
	};
	return `id: ${row.seq}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** An operation with the names a student wrote into it (contributor, source author) removed. */
export function withoutNames(payload: Record<string, unknown>): Record<string, unknown> {
	const strip = (op: Record<string, unknown>) => {
		const value = op.value as
			| { claim?: { contributor?: Record<string, unknown> }; source?: Record<string, unknown> }
			| undefined;
		if (!value) return op;
		const claim = value.claim && {
			...value.claim,
			...(value.claim.contributor ? { contributor: omit(value.claim.contributor, 'name') } : {})
		};
		// A source needs an author or an organisation: a student's name gives way to the class.
		const source = value.source?.author
			? { organisation: 'Added in class', ...omit(value.source, 'author') }
			: value.source;
		return {
			...op,
			value: { ...value, ...(claim ? { claim } : {}), ...(source ? { source } : {}) }
		};
	};
	const out = strip(payload);
	return payload.reveal
		? { ...out, reveal: strip(payload.reveal as Record<string, unknown>) }
		: out;
}

const omit = (o: Record<string, unknown>, key: string) => {
	const { [key]: _dropped, ...rest } = o;
	return rest;
};
