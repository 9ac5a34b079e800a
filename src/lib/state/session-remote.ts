import type { Op } from '../core/oplog/op';
import type { ModerationOp } from '../core/oplog/moderation';
import type { Incoming, Remote } from './outbox.svelte';

/**
 * The class-session API as the browser uses it (`src/routes/api/class`): same-origin requests,
 * the student's or teacher's credential in an HttpOnly cookie the server set, one EventSource
 * per open page.
 */

/** Who may do what in a session, as its settings say. */
export interface SessionSettings {
	moderation: 'open' | 'approve';
	names: 'shown' | 'anonymous';
}

/** A session as this person sees it (`GET /api/class/<code>`). */
export interface SessionInfo {
	code: string;
	settings: SessionSettings;
	locked: boolean;
	role: 'teacher' | 'student';
	you: { id: string; name?: string };
	/** The debate, to be validated like a file before it is shown. */
	debate: unknown;
}

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
			const source = new EventSource(`${path}/events?after=${cursor}`);
			let checks: Promise<typeof import('../core/oplog/checks')> | undefined;
			// Events are handled one after another, in the order they came.
			let queue = Promise.resolve();
			source.onopen = () => onStatus('live');
			source.onerror = () => onStatus('offline');
			source.onmessage = (message) => {
				queue = queue.then(async () => {
					let event: { seq?: unknown; actor?: unknown; by?: unknown; op?: unknown };
					try {
						event = JSON.parse(message.data);
					} catch {
						return;
					}
					const { seq, actor } = event;
					if (typeof seq !== 'number' || typeof actor !== 'string') return;
					checks ??= import('../core/oplog/checks');
					const { readOps, readModeration } = await checks;
					const incoming = readEvent(seq, actor, event.op, readOps, readModeration);
					const name = typeof event.by === 'string' ? event.by.slice(0, 80) : undefined;
					if (incoming) onEvents([name ? { ...incoming, name } : incoming]);
				});
			};
			return () => source.close();
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
