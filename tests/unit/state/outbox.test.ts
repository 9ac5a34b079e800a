import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Op } from '../../../src/lib/core/oplog/op';
import { ContributionStore } from '../../../src/lib/state/contributions.svelte';
import { OpLog } from '../../../src/lib/state/oplog.svelte';
import { Outbox, type Remote } from '../../../src/lib/state/outbox.svelte';
import { fixtureGraph } from '../graphs';
import { useMemoryStorage } from './memory-storage';

/**
 * The outbox of a class session against a stand-in server in this process: a log of events
 * with one id per operation (a re-sent operation gets its first id back), listeners fed in
 * order, and a switch that takes it off the network. It counts what it received.
 */
class StandInServer {
	events: { seq: number; op: Op }[] = [];
	online = true;
	/** How many operations arrived, re-sends included. */
	received = 0;
	private listeners = new Set<{
		cursor: number;
		onEvents: (e: { seq: number; op: Op }[]) => void;
		onStatus: (s: 'live' | 'offline') => void;
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
					const have = this.events.find((e) => e.op.id === op.id);
					if (have) acked.set(op.id, have.seq);
					else {
						const seq = this.events.length + 1;
						this.events.push({ seq, op });
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

	setOnline(online: boolean) {
		this.online = online;
		for (const l of this.listeners) l.onStatus(online ? 'live' : 'offline');
		if (online) this.deliver();
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

beforeAll(() => {
	useMemoryStorage();
});

const debate = () => fixtureGraph('valid').debate;
let session = 0;

/** A student's page in a session: their log, their additions, their outbox. */
async function student(name: string, server: StandInServer, logId: string) {
	const log = new OpLog(logId, { actor: `actor-${name}-0000`, tab: `tab-${name}-00000` });
	const store = new ContributionStore(log);
	await log.load();
	const outbox = new Outbox(log, server.remote());
	await outbox.start();
	return { log, store, outbox };
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
			expect(server.events.map((e) => e.op.kind)).toEqual(['put']);
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
});
