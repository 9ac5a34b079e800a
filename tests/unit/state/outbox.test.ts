import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Op } from '../../../src/lib/core/oplog/op';
import type { ModerationOp } from '../../../src/lib/core/oplog/moderation';
import { ContributionStore } from '../../../src/lib/state/contributions.svelte';
import { OpLog } from '../../../src/lib/state/oplog.svelte';
import { Outbox, type Incoming, type Remote } from '../../../src/lib/state/outbox.svelte';
import { fixtureGraph } from '../graphs';
import { useMemoryStorage } from './memory-storage';

/**
 * The outbox of a class session against a stand-in server in this process: a log of events
 * with one id per operation (a re-sent operation gets its first id back), listeners fed in
 * order, and a switch that takes it off the network. It counts what it received. The teacher's
 * moderation is taken as the server takes it (a restored addition comes with its last version);
 * who may do what is the real server's business (tests/server).
 */
class StandInServer {
	events: Incoming[] = [];
	online = true;
	/** How many operations arrived, re-sends included. */
	received = 0;
	private listeners = new Set<{
		cursor: number;
		onEvents: (e: Incoming[]) => void;
		onStatus: (s: 'live' | 'offline' | 'gone') => void;
	}>();
	/** Operations it refuses, by the text of the addition (as a moderation rule would). */
	refuse = new Set<string>();

	remote(): Remote {
		return {
			send: async (ops) => {
				if (!this.online) throw new TypeError('Failed to fetch');
				this.received += ops.length;
				const acked = new Map<string, number>();
				const refused = new Map<string, string>();
				for (const op of ops) {
					const text = op.kind === 'put' ? JSON.stringify(op.value.claim.text) : '';
					if ([...this.refuse].some((r) => text.includes(r))) {
						refused.set(op.id, 'the teacher has locked the session');
						continue;
					}
					const have = this.events.find((e) => idOf(e) === op.id);
					if (have) acked.set(op.id, have.seq);
					else {
						const seq = this.events.length + 1;
						this.events.push(
							'actor' in op
								? { seq, by: op.actor, op }
								: { seq, by: 'teacher', mod: op, ...this.reveal(op) }
						);
						acked.set(op.id, seq);
					}
				}
				this.deliver();
				return { acked, refused };
			},
			listen: (cursor, onEvents, onStatus) => {
				const l = { cursor, onEvents, onStatus };
				this.listeners.add(l);
				queueMicrotask(() => {
					onStatus(this.online ? 'live' : 'offline');
					this.deliver();
				});
				return () => this.listeners.delete(l);
			}
		};
	}

	/** An approved or restored addition's latest version goes with the teacher's event. */
	private reveal(mod: ModerationOp): { reveal?: Op } {
		if (mod.kind !== 'approve' && mod.kind !== 'restore') return {};
		const puts = this.events.flatMap((e) =>
			'op' in e && e.op.kind === 'put' && e.op.value.id === mod.claim ? [e.op] : []
		);
		return puts.length ? { reveal: puts.at(-1)! } : {};
	}

	setOnline(online: boolean) {
		this.online = online;
		for (const l of this.listeners) l.onStatus(online ? 'live' : 'offline');
		if (online) this.deliver();
	}

	/** The session is deleted, as the real server does it: an end in the teacher's name, then gone. */
	delete() {
		this.events.push({
			seq: this.events.length + 1,
			by: 'teacher',
			mod: { kind: 'end', id: 'session-deleted', at: Date.now() }
		});
		this.deliver();
		for (const l of this.listeners) l.onStatus('gone');
	}

	private deliver() {
		if (!this.online) return;
		for (const l of this.listeners) {
			const fresh = this.events.filter((e) => e.seq > l.cursor);
			if (fresh.length === 0) continue;
			l.cursor = fresh.at(-1)!.seq;
			l.onEvents(fresh);
		}
	}
}

const idOf = (e: Incoming) => ('op' in e ? e.op.id : e.mod.id);

beforeAll(() => {
	useMemoryStorage();
});

const debate = () => fixtureGraph('valid').debate;
let session = 0;

/** A student's page in a session: their log, their additions, their outbox. */
async function student(
	name: string,
	server: StandInServer,
	logId: string,
	viewer: ConstructorParameters<typeof Outbox>[2] = { role: 'student', moderation: 'open' },
	options: { gone?: boolean } = {}
) {
	const log = new OpLog(logId, { actor: `actor-${name}-0000`, tab: `tab-${name}-00000` });
	const store = new ContributionStore(log);
	await log.load();
	const outbox = new Outbox(log, server.remote(), viewer);
	await outbox.start(options);
	return { log, store, outbox };
}

/** A session with two students, Mei and Sam, and their teacher, each on a page of their own. */
async function classroom() {
	const server = new StandInServer();
	const logId = `session-${++session}`;
	return {
		server,
		logId,
		mei: await student('mei', server, logId),
		sam: await student('sam', server, `${logId}-sam`),
		teacher: await student('teacher', server, `${logId}-teacher`, {
			role: 'teacher',
			moderation: 'open'
		})
	};
}

async function add(store: ContributionStore, text: string) {
	const r = await store.submit(
		{ target: 'p1', stance: 'con', text },
		{ debate: debate(), lang: 'en' }
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
}

const texts = (store: ContributionStore) =>
	store.live.map((c) => (typeof c.claim.text === 'string' ? c.claim.text : c.claim.text.en));

describe('a class session outbox', () => {
	it("delivers a post to every classmate's page", async () => {
		const server = new StandInServer();
		const logId = `session-${++session}`;
		const mei = await student('mei', server, logId);
		const sam = await student('sam', server, `${logId}-sam`);
		await add(mei.store, 'Open weights help attackers.');
		await vi.waitFor(() => expect(texts(sam.store)).toEqual(['Open weights help attackers.']));
		expect(mei.outbox.waiting).toBe(0);
	});

	it('keeps an offline change, and delivers it exactly once when the connection returns', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const server = new StandInServer();
			const logId = `session-${++session}`;
			const mei = await student('mei', server, logId);
			server.setOnline(false);
			await add(mei.store, 'Written on the bus.');
			await vi.waitFor(() => expect(mei.outbox.connection).toBe('offline'));
			// Retried while offline: nothing arrives, and it waits in the outbox.
			await vi.advanceTimersByTimeAsync(10_000);
			expect(mei.outbox.waiting).toBe(1);
			expect(server.events).toHaveLength(0);
			expect(texts(mei.store)).toEqual(['Written on the bus.']);
			server.setOnline(true);
			await vi.waitFor(() => expect(mei.outbox.waiting).toBe(0));
			await vi.advanceTimersByTimeAsync(60_000);
			expect(server.events.map((e) => 'op' in e && e.op.kind)).toEqual(['put']);
		} finally {
			vi.useRealTimers();
		}
	});

	it('sends again after a reload what the server never acknowledged, and the server takes it once', async () => {
		const server = new StandInServer();
		const logId = `session-${++session}`;
		const mei = await student('mei', server, logId);
		server.setOnline(false);
		await add(mei.store, 'Sent after the reload.');
		mei.outbox.stop();
		// The same tab after a reload, back online.
		server.setOnline(true);
		const again = await student('mei', server, logId);
		await vi.waitFor(() => expect(again.outbox.waiting).toBe(0));
		expect(server.events).toHaveLength(1);
		// A second reload sends nothing: it knows the server has it.
		again.outbox.stop();
		const before = server.received;
		const third = await student('mei', server, logId);
		await vi.waitFor(() => expect(third.outbox.connection).toBe('live'));
		expect(server.received).toBe(before);
		expect(texts(third.store)).toEqual(['Sent after the reload.']);
	});

	it('keeps what the server refused, leaves it off the map, and says why', async () => {
		const server = new StandInServer();
		server.refuse.add('Too late');
		const logId = `session-${++session}`;
		const mei = await student('mei', server, logId);
		await add(mei.store, 'Too late, the session is locked.');
		await vi.waitFor(() => expect(mei.outbox.refused).toHaveLength(1));
		expect(mei.outbox.refused[0]!.why).toBe('the teacher has locked the session');
		expect(texts(mei.store)).toEqual([]);
		expect(mei.outbox.waiting).toBe(0);
	});

	it("takes a hidden addition off classmates' maps, keeps it on its author's, and brings it back when restored", async () => {
		const { server, logId, mei, sam, teacher } = await classroom();
		await add(mei.store, 'A rude remark.');
		await vi.waitFor(() => expect(texts(sam.store)).toEqual(['A rude remark.']));
		const claim = mei.store.live[0]!.id;
		expect(await teacher.outbox.moderate({ kind: 'hide', id: 'hide-op-0001', at: 1, claim })).toBe(
			true
		);
		await vi.waitFor(() => expect(texts(sam.store)).toEqual([]));
		expect(texts(mei.store)).toEqual(['A rude remark.']);
		expect(mei.outbox.classState.states.get(claim)).toBe('hidden');
		// The teacher still sees it, marked, to restore it.
		expect(texts(teacher.store)).toEqual(['A rude remark.']);
		expect(teacher.outbox.classState.states.get(claim)).toBe('hidden');
		await teacher.outbox.moderate({ kind: 'restore', id: 'restore-op-01', at: 2, claim });
		await vi.waitFor(() => expect(texts(sam.store)).toEqual(['A rude remark.']));
		// A classmate who joins after the restore sees it too, from the restored version alone.
		const li = await student('li', server, `${logId}-li`);
		await vi.waitFor(() => expect(texts(li.store)).toEqual(['A rude remark.']));
		expect(li.outbox.classState.states.has(claim)).toBe(false);
	});

	it('keeps what the teacher decided across a reload', async () => {
		const { server, logId, mei, sam, teacher } = await classroom();
		await add(mei.store, 'Hidden, then locked.');
		await vi.waitFor(() => expect(texts(sam.store)).toHaveLength(1));
		const claim = mei.store.live[0]!.id;
		await teacher.outbox.moderate({ kind: 'hide', id: 'hide-op-0002', at: 1, claim });
		await teacher.outbox.moderate({ kind: 'lock', id: 'lock-op-0001', at: 2, on: true });
		await vi.waitFor(() => expect(sam.outbox.classState.locked).toBe(true));
		sam.outbox.stop();
		server.setOnline(false);
		// Sam reloads with the network down: the page still knows what the teacher decided.
		const again = await student('sam', server, `${logId}-sam`);
		expect(again.outbox.classState.locked).toBe(true);
		expect(texts(again.store)).toEqual([]);
	});

	it('opens what this browser kept when the server no longer has the session: read-only, nothing sent', async () => {
		const server = new StandInServer();
		const logId = `session-${++session}`;
		const mei = await student('mei', server, logId);
		await add(mei.store, 'Kept after the session.');
		await vi.waitFor(() => expect(mei.outbox.waiting).toBe(0));
		mei.outbox.stop();
		const before = server.received;
		const again = await student('mei', server, logId, undefined, { gone: true });
		expect(again.outbox.connection).toBe('gone');
		expect(again.outbox.readOnly).toBe(true);
		expect(texts(again.store)).toEqual(['Kept after the session.']);
		await add(again.store, 'Written after it was over.');
		await new Promise((r) => setTimeout(r, 50));
		expect(server.received).toBe(before);
	});

	it('a session deleted while the page is open: it ends, goes read-only, and asks to be forgotten', async () => {
		const server = new StandInServer();
		const logId = `session-${++session}`;
		const mei = await student('mei', server, logId);
		await add(mei.store, 'Soon deleted.');
		await vi.waitFor(() => expect(mei.outbox.waiting).toBe(0));
		expect(mei.outbox.deleted).toBe(false);
		server.delete();
		await vi.waitFor(() => expect(mei.outbox.deleted).toBe(true));
		expect(mei.outbox.classState.ended).toBe(true);
		expect(mei.outbox.connection).toBe('gone');
		expect(mei.outbox.readOnly).toBe(true);
		// A teacher's ordinary end is not a deletion.
		const other = new StandInServer();
		const sam = await student('sam', other, `session-${++session}`);
		const teacher = await student('t', other, `session-${session}-t`, {
			role: 'teacher',
			moderation: 'open'
		});
		await teacher.outbox.moderate({ kind: 'end', id: 'end-op-00001', at: 1 });
		await vi.waitFor(() => expect(sam.outbox.classState.ended).toBe(true));
		expect(sam.outbox.deleted).toBe(false);
	});
});
