/**
 * A load generator for the class benchmark, run as a child process of bench-class.ts (several
 * share the students). Each simulated student joins its session by code, holds one event stream
 * (reconnecting with Last-Event-ID as EventSource does), and makes one action every `interval`
 * seconds whatever the server answers: a new addition, an edit of its own, a "most persuasive"
 * vote or a poll answer, sent by an outbox as the app's is (one request at a time, what waited
 * sent together). Every stream is checked against what the senders were acknowledged
 * (tally.ts); the latency of each delivery is measured from the moment its operation was made,
 * time in the outbox included. All students of a session live in one process, so the times
 * share one clock.
 *
 * Messages from the parent: `setup` → answers `ready`; `go` → runs, then answers `done`;
 * `close` → exits.
 */
import { Agent, request, type ClientRequest, type IncomingMessage } from 'node:http';
import { Ledger, SseParser, StreamTally, sumReports, type StreamReport } from './tally';

export type Target = 'class' | 'baseline';
export type Action = 'new' | 'edit' | 'vote' | 'poll';

export interface Setup {
	type: 'setup';
	target: Target;
	/** The instances' base URLs; student i of a session uses instance i mod their number. */
	bases: string[];
	/** Session codes (or baseline room names) this process simulates. */
	sessions: string[];
	students: number;
	/** Seconds between one student's actions. */
	interval: number;
	/** Seconds of actions. */
	seconds: number;
	/** Seconds at the start left out of the figures. */
	warmup: number;
	/**
	 * After the last action, how long to wait for every operation to be acknowledged and every
	 * stream to have everything: until `drain` seconds pass with no progress (or 60 s in all).
	 */
	drain: number;
	/** Share of each action (normalised). */
	mix: Record<Action, number>;
}

export interface Ready {
	type: 'ready';
	connected: number;
	failures: string[];
}

export interface Done {
	type: 'done';
	/** Actions made during the measured window, and of those acknowledged (by the end). */
	sent: number;
	acked: number;
	/** Actions acknowledged during the measured window (whenever made): the throughput. */
	ackedInWindow: number;
	/** Actions still waiting for their acknowledgement when the drain ended. */
	unacknowledged: number;
	/** Requests answered with anything but success (by status, or the error's code). */
	failed: Record<string, number>;
	/** New deliveries received during the measured window. */
	delivered: number;
	/** Seconds the measured window lasted. */
	window: number;
	streams: StreamReport;
	reconnects: number;
	/** Streams that did not have everything when the drain ended. */
	incomplete: number;
	/**
	 * How the wait after the last action ended: everything in; nothing more came for `drain`
	 * seconds (what is missing is lost); or 60 s passed with events still coming (missing: late).
	 */
	drained: 'complete' | 'stalled' | 'still arriving';
	/** Made → delivered, ms, one per delivery of an operation made in the measured window. */
	latencies: Float64Array;
	/** Made → acknowledged (time in the outbox and the request), ms, one per operation. */
	acks: Float64Array;
}

const THESIS = 'thesis';
const sseAgent = new Agent({ keepAlive: true, maxSockets: Infinity });
// An idle connection is closed before the server would close it (Node's 5 s), so none is reused
// as it closes ("socket hang up", ECONNRESET).
const postAgent = new Agent({
	keepAlive: true,
	maxSockets: Infinity,
	maxFreeSockets: 1024,
	timeout: 4000
});

interface Reply {
	status: number;
	body: string;
	cookie?: string;
}

/** One HTTP request with a JSON body; the reply's status, body and first cookie. */
function send(url: URL, headers: Record<string, string>, body: unknown): Promise<Reply> {
	return new Promise((resolve, reject) => {
		const text = JSON.stringify(body);
		const req = request(
			url,
			{
				method: 'POST',
				agent: postAgent,
				headers: {
					...headers,
					origin: url.origin,
					'content-type': 'application/json',
					'content-length': String(Buffer.byteLength(text))
				},
				// The app's fetch waits as long as the server takes; this only guards against a hang.
				timeout: 300_000
			},
			(res) => {
				let data = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (data += c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						body: data,
						cookie: res.headers['set-cookie']?.[0]?.split(';')[0]
					})
				);
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
		req.on('error', reject);
		req.end(text);
	});
}

/** Where a target keeps joining, streams and operations. */
const paths = {
	class: {
		join: (code: string) => `/api/class/${code}/join`,
		events: (code: string) => `/api/class/${code}/events`,
		ops: (code: string) => `/api/class/${code}/ops`
	},
	baseline: {
		join: (code: string) => `/s/${code}/join`,
		events: (code: string, me: string) => `/s/${code}/events?me=${me}`,
		ops: (code: string, me: string) => `/s/${code}/ops?me=${me}`
	}
};

class Run {
	readonly ledgers = new Map<string, Ledger>();
	readonly students: Student[] = [];
	/** performance.now() of the first action, and of the end of actions. */
	start = Infinity;
	end = Infinity;
	measureFrom = Infinity;
	running = true;
	sent = 0;
	acked = 0;
	ackedInWindow = 0;
	pending = 0;
	failed: Record<string, number> = {};
	delivered = 0;
	/** New deliveries at any time (progress while draining). */
	received = 0;
	reconnects = 0;
	/** When each operation of the window was made, by id. */
	sentAt = new Map<string, number>();
	latencies: number[] = [];
	acks: number[] = [];
	private pick: [Action, number][];

	constructor(readonly setup: Setup) {
		const total = Object.values(setup.mix).reduce((a, b) => a + b, 0);
		let acc = 0;
		this.pick = (Object.entries(setup.mix) as [Action, number][]).map(([a, w]) => [
			a,
			(acc += w / total)
		]);
	}

	action(): Action {
		const r = Math.random();
		return (this.pick.find(([, upTo]) => r < upTo) ?? this.pick[this.pick.length - 1]!)[0];
	}

	fail(why: string) {
		this.failed[why] = (this.failed[why] ?? 0) + 1;
	}
}

let opCounter = 0;
const newId = (label: string) =>
	`${label}-${process.pid.toString(36)}-${(++opCounter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

class Student {
	actor = '';
	private auth: Record<string, string> = {};
	tally!: StreamTally;
	private req?: ClientRequest;
	private res?: IncomingMessage;
	/** This student's additions and the id of the operation that last put each. */
	private mine = new Map<string, string>();
	private vote = false;
	connected = false;

	constructor(
		private readonly run: Run,
		readonly code: string,
		private readonly name: string,
		private readonly base: string
	) {}

	private url(path: string) {
		return new URL(path, this.base);
	}

	async join() {
		const { target } = this.run.setup;
		let reply: Reply | undefined;
		// A connection the server closed as it was reused ("socket hang up") is tried again, under
		// another name: the first attempt may have joined.
		for (let attempt = 1; !reply; attempt++) {
			const name = attempt === 1 ? this.name : `${this.name} (${attempt})`;
			reply = await send(this.url(paths[target].join(this.code)), {}, { name }).catch((e) => {
				if (attempt >= 3) throw e;
				return undefined;
			});
		}
		if (reply.status !== 201) throw new Error(`join ${reply.status}: ${reply.body.slice(0, 200)}`);
		this.actor = (JSON.parse(reply.body) as { participant: string }).participant;
		if (reply.cookie) this.auth = { cookie: reply.cookie };
		this.tally = new StreamTally(this.actor);
	}

	/** Opens the event stream (again, from the last event received); resolves once it answers. */
	connect(): Promise<void> {
		return new Promise((resolve, reject) => {
			const { target } = this.run.setup;
			const headers: Record<string, string> = { ...this.auth, accept: 'text/event-stream' };
			if (this.tally.lastSeq > 0) headers['last-event-id'] = String(this.tally.lastSeq);
			const parser = new SseParser();
			const req = request(this.url(paths[target].events(this.code, this.actor)), {
				agent: sseAgent,
				headers
			});
			this.req = req;
			req.on('response', (res) => {
				if (res.statusCode !== 200) {
					res.resume();
					this.run.fail(`events ${res.statusCode}`);
					reject(new Error(`events ${res.statusCode}`));
					this.retry();
					return;
				}
				this.res = res;
				this.connected = true;
				resolve();
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					for (const m of parser.feed(chunk)) if (m.id && m.data) this.deliver(m.id, m.data);
				});
				res.on('close', () => {
					this.connected = false;
					this.retry();
				});
			});
			req.on('error', (e) => {
				this.run.fail(`events ${(e as NodeJS.ErrnoException).code ?? e.message}`);
				reject(e);
				this.retry();
			});
			req.end();
		});
	}

	/** A dropped stream comes back after the server's `retry:` (2 s), as a browser's would. */
	private retrying = false;
	private retry() {
		if (!this.run.running || this.retrying) return;
		this.retrying = true;
		this.run.reconnects++;
		setTimeout(() => {
			this.retrying = false;
			if (this.run.running && !this.connected) this.connect().catch(() => {});
		}, 2000);
	}

	private deliver(id: string, data: string) {
		const now = performance.now();
		const seq = Number(id);
		const opId = (JSON.parse(data) as { op: { id: string } }).op.id;
		if (!this.tally.receive(seq, opId)) return;
		this.run.received++;
		if (now >= this.run.measureFrom && now <= this.run.end) this.run.delivered++;
		const at = this.run.sentAt.get(opId);
		if (at !== undefined) this.run.latencies.push(now - at);
	}

	/** Makes one action now and sends it (after what waits before it). */
	act() {
		const run = this.run;
		const kind = run.action();
		const envelope = {
			id: newId('op'),
			actor: this.actor,
			tab: 'tab-bench-1',
			at: Date.now(),
			group: newId('g')
		};
		let op: Record<string, unknown>;
		const edit = kind === 'edit' && this.mine.size > 0;
		if (kind === 'new' || kind === 'edit') {
			const own = edit ? [...this.mine.keys()][Math.floor(Math.random() * this.mine.size)]! : null;
			const claim = own ?? newId('c');
			op = {
				...envelope,
				kind: 'put',
				base: own ? this.mine.get(own)! : null,
				value: {
					id: claim,
					claim: {
						id: claim,
						text: {
							en: `${edit ? 'Edited: a' : 'A'} class benchmark objection from ${this.name}: open weights let schools audit what their students use.`
						},
						stance: 'con',
						target: THESIS,
						contributor: { name: this.name, at: new Date().toISOString() }
					},
					updatedAt: Date.now()
				}
			};
		} else if (kind === 'vote') {
			this.vote = !this.vote;
			op = { ...envelope, kind: 'persuasive', claim: THESIS, on: this.vote };
		} else {
			op = {
				...envelope,
				kind: 'stance',
				when: Math.random() < 0.5 ? 'before' : 'after',
				answer: { stance: Math.floor(Math.random() * 101), at: new Date().toISOString() }
			};
		}
		const now = performance.now();
		const measured = now >= run.measureFrom;
		if (measured) {
			run.sent++;
			run.sentAt.set(envelope.id, now);
		}
		run.pending++;
		this.outbox.push({ op, made: now, measured });
		this.flush();
	}

	/** Operations made and not yet acknowledged, oldest first. */
	private outbox: { op: Record<string, unknown>; made: number; measured: boolean }[] = [];
	private sending = false;
	private failures = 0;

	/**
	 * Sends what waits, as the app's outbox does: one request at a time, everything waiting in
	 * it (up to 100); on failure the same operations again a second later (the server applies
	 * an operation once however often it is sent).
	 */
	private flush() {
		const run = this.run;
		if (this.sending || this.outbox.length === 0) return;
		this.sending = true;
		const batch = this.outbox.slice(0, 100);
		const ledger = run.ledgers.get(this.code)!;
		const url = this.url(paths[run.setup.target].ops(this.code, this.actor));
		// As the app's outbox: 1 s after a failure, doubling up to 30 s.
		const retry = (why: string) => {
			run.fail(why);
			this.sending = false;
			const wait = Math.min(30_000, 1000 * 2 ** this.failures++);
			if (run.running) setTimeout(() => this.flush(), wait);
		};
		send(url, this.auth, { ops: batch.map((b) => b.op) })
			.then((reply) => {
				if (reply.status !== 200) return retry(`ops ${reply.status}`);
				const { results } = JSON.parse(reply.body) as { results: { seq: number }[] };
				const now = performance.now();
				if (now >= run.measureFrom && now <= run.end) run.ackedInWindow += batch.length;
				this.failures = 0;
				batch.forEach(({ op, made, measured }, i) => {
					ledger.record(results[i]!.seq, {
						opId: op.id as string,
						actor: this.actor,
						public: op.kind === 'put'
					});
					if (op.kind === 'put') this.mine.set((op.value as { id: string }).id, op.id as string);
					if (measured) {
						run.acked++;
						run.acks.push(now - made);
					}
				});
				this.outbox.splice(0, batch.length);
				run.pending -= batch.length;
				this.sending = false;
				this.flush();
			})
			.catch((e: NodeJS.ErrnoException) => retry(`ops ${e.code ?? e.message}`));
	}

	close() {
		this.connected = false;
		this.res?.destroy();
		this.req?.destroy();
	}
}

/** Runs `fn` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(limit, items.length) }, async () => {
			while (next < items.length) await fn(items[next++]!);
		})
	);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let run: Run | undefined;

async function setup(s: Setup): Promise<Ready> {
	run = new Run(s);
	const failures: string[] = [];
	for (const code of s.sessions) {
		run.ledgers.set(code, new Ledger());
		for (let i = 0; i < s.students; i++)
			run.students.push(new Student(run, code, `Student ${i + 1}`, s.bases[i % s.bases.length]!));
	}
	await pool(run.students, 16, async (st) => {
		try {
			await st.join();
			await st.connect();
		} catch (e) {
			if (failures.length < 5) failures.push((e as Error).message);
		}
	});
	// A stream refused at first is tried again after 2 s (see retry).
	for (let i = 0; i < 50 && run.students.some((st) => st.actor && !st.connected); i++)
		await sleep(100);
	return { type: 'ready', connected: run.students.filter((st) => st.connected).length, failures };
}

async function go(startAt: number): Promise<Done> {
	const r = run!;
	const { interval, seconds, warmup, drain } = r.setup;
	r.start = performance.now() + (startAt - Date.now());
	r.measureFrom = r.start + warmup * 1000;
	r.end = r.start + seconds * 1000;
	// Open loop: each student's actions keep their schedule whatever the server answers.
	for (const st of r.students) {
		if (!st.actor) continue;
		const tick = (at: number) => {
			if (at >= r.end) return;
			setTimeout(
				() => {
					st.act();
					tick(at + interval * 1000);
				},
				Math.max(0, at - performance.now())
			);
		};
		tick(r.start + Math.random() * interval * 1000);
	}
	await sleep(Math.max(0, r.end - performance.now()));
	// Late is not lost: wait while acknowledgements and deliveries still come.
	const waiting = () =>
		r.students.filter((st) => st.actor && !st.tally.complete(r.ledgers.get(st.code)!)).length;
	const hardStop = performance.now() + 60_000;
	let progress = '';
	let lastProgress = performance.now();
	let drained: Done['drained'] | undefined;
	for (;;) {
		const now = performance.now();
		if (r.pending + waiting() === 0) drained = 'complete';
		else if (now - lastProgress > drain * 1000) drained = 'stalled';
		else if (now > hardStop) drained = 'still arriving';
		if (drained) break;
		const mark = `${r.pending} ${r.received}`;
		if (mark !== progress) {
			progress = mark;
			lastProgress = now;
		}
		await sleep(200);
	}
	r.running = false;
	const joined = r.students.filter((st) => st.actor);
	return {
		type: 'done',
		sent: r.sent,
		acked: r.acked,
		ackedInWindow: r.ackedInWindow,
		unacknowledged: r.pending,
		failed: r.failed,
		delivered: r.delivered,
		window: (r.end - r.measureFrom) / 1000,
		streams: sumReports(joined.map((st) => st.tally.report(r.ledgers.get(st.code)!))),
		reconnects: r.reconnects,
		incomplete: waiting(),
		drained: drained!,
		latencies: Float64Array.from(r.latencies),
		acks: Float64Array.from(r.acks)
	};
}

process.on('message', (msg: Setup | { type: 'go'; at: number } | { type: 'close' }) => {
	if (msg.type === 'setup') void setup(msg).then((m) => process.send!(m));
	else if (msg.type === 'go') void go(msg.at).then((m) => process.send!(m));
	else {
		if (run) run.running = false;
		for (const st of run?.students ?? []) st.close();
		sseAgent.destroy();
		postAgent.destroy();
		process.disconnect();
		setTimeout(() => process.exit(0), 100).unref();
	}
});
