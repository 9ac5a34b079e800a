import { createClassApp, type AppOptions, type ClassApp } from '../../src/lib/server/class/app';
import * as http from '../../src/lib/server/class/http';
import type { Database } from '../../src/lib/server/db';
import type { Op } from '../../src/lib/core/oplog/op';
import type { ModerationOp } from '../../src/lib/core/oplog/moderation';

/**
 * Drives one class-server instance through its HTTP handlers, as a browser would: same-origin
 * JSON requests, cookies kept per person. No sockets: the handlers take Requests.
 */
export const ORIGIN = 'http://class.test';
export const DEBATE = 'llama-open-weights';
/** A claim of the shipped debate, to reply to. */
export const THESIS = 'thesis';

let teachers = 0;

export class Server {
	private constructor(readonly app: ClassApp) {}

	/** The heartbeat is slow: a stream that receives an event was woken by its notification. */
	static async start(db: Database, options: AppOptions = {}) {
		return new Server(await createClassApp(db, { heartbeatMs: 60_000, ...options }));
	}

	/** One request to a handler; `cookie` is the person's jar. */
	async call(
		handler: (app: ClassApp, ctx: http.Ctx) => Promise<Response>,
		path: string,
		init: {
			method?: string;
			body?: unknown;
			raw?: string;
			cookie?: string;
			headers?: Record<string, string>;
			address?: string;
		} = {}
	): Promise<Response> {
		const url = new URL(path, ORIGIN);
		const method = init.method ?? (init.body !== undefined || init.raw ? 'POST' : 'GET');
		const headers: Record<string, string> = {
			...(method === 'POST' ? { origin: ORIGIN, 'content-type': 'application/json' } : {}),
			...(init.cookie ? { cookie: init.cookie } : {}),
			...init.headers
		};
		const request = new Request(url, {
			method,
			headers,
			body: init.raw ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined)
		});
		const code = path.match(/^\/api\/class\/([^/?]+)/)?.[1];
		return http.respond(() =>
			handler(this.app, { request, url, code, address: init.address ?? '127.0.0.1' })
		);
	}

	async create(settings?: object, body: object = { debate: DEBATE }) {
		// Each session from a teacher of its own (address): the suite starts more sessions than one
		// address may in an hour.
		const res = await this.call(http.createSession, '/api/class', {
			body: { ...body, settings },
			address: `10.0.${Math.floor(++teachers / 250)}.${teachers % 250}`
		});
		if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
		const json = (await res.json()) as { code: string; teacherSecret: string; joinUrl: string };
		return { ...json, cookie: cookieOf(res) };
	}

	async join(code: string, name: string) {
		const res = await this.call(http.joinSession, `/api/class/${code}/join`, { body: { name } });
		if (res.status !== 201) throw new Error(`join: ${res.status} ${await res.text()}`);
		return { ...((await res.json()) as { participant: string }), cookie: cookieOf(res) };
	}

	post(code: string, cookie: string, ops: (Op | ModerationOp)[]) {
		return this.call(http.postOps, `/api/class/${code}/ops`, { body: { ops }, cookie });
	}

	/** Posts and expects success: the seqs given. */
	async send(code: string, cookie: string, ops: (Op | ModerationOp)[]): Promise<number[]> {
		const res = await this.post(code, cookie, ops);
		if (res.status !== 200) throw new Error(`ops: ${res.status} ${await res.text()}`);
		return ((await res.json()) as { results: { seq: number }[] }).results.map((r) => r.seq);
	}

	async stream(code: string, cookie: string, lastEventId?: number) {
		const res = await this.call(http.streamEvents, `/api/class/${code}/events`, {
			cookie,
			headers: lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}
		});
		if (res.status !== 200) throw new Error(`events: ${res.status} ${await res.text()}`);
		return new EventReader(res);
	}

	close() {
		return this.app.close();
	}
}

/** `name=value` of the response's cookie, for the next request. */
export function cookieOf(res: Response): string {
	return res.headers.get('set-cookie')!.split(';')[0]!;
}

export interface Delivered {
	id: number;
	data: {
		seq: number;
		actor: string;
		by?: string;
		op: { id: string; kind: string; reveal?: unknown; value?: unknown };
	};
}

/** Reads an event stream as EventSource would: `id:` and `data:` lines, comments skipped. */
export class EventReader {
	events: Delivered[] = [];
	comments = 0;
	ended = false;
	private reader: ReadableStreamDefaultReader<Uint8Array>;

	constructor(res: Response) {
		this.reader = res.body!.getReader();
		void this.pump();
	}

	private async pump() {
		const decoder = new TextDecoder();
		let buffer = '';
		for (;;) {
			const { done, value } = await this.reader
				.read()
				.catch(() => ({ done: true, value: undefined }));
			if (done) {
				this.ended = true;
				return;
			}
			buffer += decoder.decode(value, { stream: true });
			let cut;
			while ((cut = buffer.indexOf('\n\n')) >= 0) {
				const block = buffer.slice(0, cut);
				buffer = buffer.slice(cut + 2);
				if (block.startsWith(':')) this.comments++;
				const id = block.match(/^id: (\d+)$/m)?.[1];
				const data = block.match(/^data: (.*)$/m)?.[1];
				if (id && data) this.events.push({ id: Number(id), data: JSON.parse(data) });
			}
		}
	}

	get ids() {
		return this.events.map((e) => e.id);
	}

	close() {
		return this.reader.cancel();
	}
}

let n = 0;
/** A fresh operation id (the app's format: 8–64 letters, digits, - or _). */
export const opId = (label = 'op') =>
	`${label}-${(++n).toString().padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}`;

const envelope = () => ({
	id: opId(),
	actor: 'browser-0001',
	tab: 'tab-000001',
	at: Date.now(),
	group: opId('g')
});

/** A student's new addition replying to `target`. */
export function put(
	id: string,
	target = THESIS,
	text = 'Open weights let schools audit the model.',
	name?: string
): Op {
	const at = new Date().toISOString();
	return {
		...envelope(),
		kind: 'put',
		base: null,
		value: {
			id,
			claim: {
				id,
				text: { en: text },
				stance: 'con',
				target,
				contributor: { ...(name ? { name } : {}), at }
			},
			updatedAt: Date.now()
		}
	} as Op;
}

export const del = (claim: string): Op =>
	({ ...envelope(), kind: 'delete', base: null, claim }) as Op;
export const stance = (value: number): Op =>
	({
		...envelope(),
		kind: 'stance',
		when: 'before',
		answer: { stance: value, at: new Date().toISOString() }
	}) as Op;
export const moderate = (kind: ModerationOp['kind'], extra: object = {}): ModerationOp =>
	({ id: opId('m'), at: Date.now(), kind, ...extra }) as ModerationOp;
