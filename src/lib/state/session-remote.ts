import type { Op } from '../core/oplog/op';
import type { ModerationOp } from '../core/oplog/moderation';
import type { SessionInfo, SessionSettings } from '../core/class/session-info';
import type { Incoming, Remote } from './outbox.svelte';

export type { SessionInfo, SessionSettings };

/**
 * The class-session API as the browser uses it (`src/routes/api/class`): same-origin requests,
 * the student's or teacher's credential in an HttpOnly cookie the server set, one EventSource
 * per open page.
 */

/** An answer the server gave instead of what was asked, with its message. */
export class SessionError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

const JSON_HEADERS = { 'content-type': 'application/json' };

async function call<T>(path: string, init?: RequestInit): Promise<T> {
	let res: Response;
	try {
		res = await fetch(path, { credentials: 'same-origin', ...init });
	} catch {
		throw new SessionError(0, '');
	}
	if (res.ok) return (res.status === 204 ? undefined : await res.json()) as T;
	let message = '';
	try {
		message = ((await res.json()) as { error?: string }).error ?? '';
	} catch {
		// A server that is not Counterpoint's (a static host) answers in HTML, or nothing.
	}
	throw new SessionError(res.status, message);
}

/** Starts a session on a shipped debate (by id) or an imported one (the debate itself). */
export function startSession(
	debate: { id: string } | { snapshot: unknown },
	settings: SessionSettings
): Promise<{ code: string; teacherSecret: string; joinUrl: string }> {
	const body = 'id' in debate ? { debate: debate.id, settings } : { ...debate, settings };
	return call('/api/class', { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
}

export function joinSession(code: string, name: string): Promise<{ participant: string }> {
	return call(`/api/class/${encodeURIComponent(code)}/join`, {
		method: 'POST',
		headers: JSON_HEADERS,
		body: JSON.stringify({ name })
	});
}

/** Opens the teacher's control link on this device (the secret from the link's #fragment). */
export function teacherSignIn(code: string, secret: string): Promise<void> {
	return call(`/api/class/${encodeURIComponent(code)}/teacher`, {
		method: 'POST',
		headers: JSON_HEADERS,
		body: JSON.stringify({ secret })
	});
}

/** The teacher deletes the session and everything the students wrote in it, on the server. */
export function deleteSession(code: string): Promise<void> {
	return call(`/api/class/${encodeURIComponent(code)}`, {
		method: 'DELETE',
		headers: JSON_HEADERS,
		body: '{}'
	});
}

export function sessionInfo(code: string): Promise<SessionInfo> {
	return call(`/api/class/${encodeURIComponent(code)}`);
}

/** Waits before opening a refused stream again: 1 s, doubling up to 30 s. */
const RETRY_MS = [1000, 2000, 4000, 8000, 16000, 30000];

/** Statuses after which sending the same operations again cannot succeed. */
const FINAL = new Set([400, 401, 403, 404, 409, 410, 413, 415, 422]);

/**
 * The session's server as the outbox sees it. A refused request of several operations is
 * sent again one by one, so that only the operation the server refuses is set aside.
 */
export function sessionRemote(code: string): Remote {
	const path = `/api/class/${encodeURIComponent(code)}`;
	const post = (ops: (Op | ModerationOp)[]) =>
		call<{ results: { id: string; seq: number }[] }>(`${path}/ops`, {
			method: 'POST',
			headers: JSON_HEADERS,
			body: JSON.stringify({ ops })
		});
	const send: Remote['send'] = async (ops) => {
		const acked = new Map<string, number>();
		const refused = new Map<string, string>();
		try {
			for (const r of (await post(ops)).results) acked.set(r.id, r.seq);
		} catch (e) {
			if (!(e instanceof SessionError) || !FINAL.has(e.status)) throw e;
			if (ops.length === 1) refused.set(ops[0]!.id, e.message || `refused (${e.status})`);
			else
				for (const op of ops) {
					const one = await send([op]);
					for (const [id, seq] of one.acked) acked.set(id, seq);
					for (const [id, why] of one.refused) refused.set(id, why);
				}
		}
		return { acked, refused };
	};
	return {
		send,
		listen(cursor, onEvents, onStatus) {
			let last = cursor;
			let source: EventSource | undefined;
			let timer: ReturnType<typeof setTimeout> | undefined;
			let stopped = false;
			let attempt = 0;
			let checks: Promise<typeof import('../core/oplog/checks')> | undefined;
			// Events are handled one after another, in the order they came.
			let queue = Promise.resolve();
			const open = () => {
				const stream = new EventSource(`${path}/events?after=${last}`);
				source = stream;
				stream.onopen = () => {
					attempt = 0;
					onStatus('live');
				};
				stream.onerror = () => {
					onStatus('offline');
					// The browser retries a dropped stream by itself (with Last-Event-ID), but not
					// one the server answered with an error (its database down): that one is opened
					// again here, after the last event seen, unless the session is gone.
					if (stream.readyState === EventSource.CLOSED && !stopped) void reopen();
				};
				stream.onmessage = (message) => {
					queue = queue.then(async () => {
						let event: { seq?: unknown; actor?: unknown; by?: unknown; op?: unknown };
						try {
							event = JSON.parse(message.data);
						} catch {
							return;
						}
						const { seq, actor } = event;
						if (typeof seq !== 'number' || typeof actor !== 'string') return;
						last = Math.max(last, seq);
						checks ??= import('../core/oplog/checks');
						const { readOps, readModeration } = await checks;
						const incoming = readEvent(seq, actor, event.op, readOps, readModeration);
						const name = typeof event.by === 'string' ? event.by.slice(0, 80) : undefined;
						if (incoming) onEvents([name ? { ...incoming, name } : incoming]);
					});
				};
			};
			const reopen = async () => {
				try {
					// HEAD: is the session still there, without downloading its debate again.
					await call(path, { method: 'HEAD' });
				} catch (e) {
					// The same answer as for an unknown code: the session ended or was deleted.
					if (e instanceof SessionError && (e.status === 404 || e.status === 410)) {
						if (!stopped) onStatus('gone');
						return;
					}
				}
				const wait = RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]!;
				timer = setTimeout(() => {
					if (!stopped) open();
				}, wait);
			};
			open();
			return () => {
				stopped = true;
				clearTimeout(timer);
				source?.close();
			};
		}
	};
}

type Checks = typeof import('../core/oplog/checks');

/**
 * One event of the stream, checked: an operation of the log, or the teacher's moderation (an
 * approved or restored addition comes with its latest version in `reveal`). Undefined when it
 * is neither.
 */
export function readEvent(
	seq: number,
	by: string,
	raw: unknown,
	readOps: Checks['readOps'],
	readModeration: Checks['readModeration']
): Incoming | undefined {
	const { reveal, ...op } = (raw ?? {}) as { reveal?: unknown };
	const mod = readModeration(op);
	if (mod) {
		const shown = reveal === undefined ? undefined : readOps([reveal]).ops[0];
		return { seq, by, mod, ...(shown ? { reveal: shown } : {}) };
	}
	const [read] = readOps([raw]).ops;
	return read && { seq, by, op: read };
}
