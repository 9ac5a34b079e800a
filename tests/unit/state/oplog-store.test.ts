import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contributionFromDraft, type Contribution } from '../../../src/lib/core/contrib';
import { ContributionStore } from '../../../src/lib/state/contributions.svelte';
import { openStore } from '../../../src/lib/state/db';
import { OpLog } from '../../../src/lib/state/oplog.svelte';
import { PollStore } from '../../../src/lib/state/poll.svelte';
import { fixtureGraph } from '../graphs';
import { useMemoryStorage } from './memory-storage';

/**
 * The browser store of a student's work, in node: IndexedDB from fake-indexeddb (one database
 * for the process, as one browser has), `localStorage` from a small in-memory stand-in. Each
 * `OpLog` is one tab; a new one on the same identity is the same tab after a reload.
 */

const debate = () => fixtureGraph('valid').debate;
let debateId = 'd-0';
let serial = 0;

beforeAll(() => {
	useMemoryStorage();
});
afterEach(() => {
	// Each test has a debate of its own in the shared database.
	debateId = `d-${++serial}`;
	localStorage.clear();
});

function tab(name: string) {
	const log = new OpLog(debateId, { actor: 'person-1', tab: `tab-${name}-000000` });
	return { log, store: new ContributionStore(log), poll: new PollStore(log) };
}

async function add(store: ContributionStore, text: string, target = 'p1', editing?: string) {
	const r = await store.submit(
		{ target, stance: 'con', text },
		{ debate: debate(), lang: 'en', editing }
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	await settle(store.log);
	return r.contribution.id;
}

/** Waits for what was appended to be written. */
async function settle(log: OpLog) {
	await log.append([]);
}

const texts = (store: ContributionStore) =>
	store.live.map((c) => (typeof c.claim.text === 'string' ? c.claim.text : c.claim.text.en));

describe("a student's work in this browser", () => {
	it('keeps two tabs’ answers to the stance poll, whichever tab is stale', async () => {
		const a = tab('A');
		const b = tab('B');
		await a.log.load();
		await a.poll.answer('before', 20, '');
		await b.log.load();
		await b.poll.answer('after', 80, 'convinced');
		// A never heard of B's answer, and marks a claim.
		await a.poll.togglePersuasive('c1');
		const fresh = tab('C');
		await fresh.log.load();
		expect(fresh.poll.poll).toMatchObject({
			before: { stance: 20 },
			after: { stance: 80, why: 'convinced' },
			persuasive: ['c1']
		});
	});

	it("refuses an undo that would erase another tab's edit, says which, and loses nothing", async () => {
		const a = tab('A');
		await a.log.load();
		const x = await add(a.store, 'X');
		const b = tab('B');
		await b.log.load();
		await add(b.store, 'X as B wrote it', 'p1', x);
		await a.log.load(); // A hears of it (as a BroadcastChannel message would make it read).
		const refusal = a.store.undo();
		expect(refusal?.changed.map((c) => c.claim.text)).toEqual([{ en: 'X as B wrote it' }]);
		await settle(a.log);
		const fresh = tab('C');
		await fresh.log.load();
		expect(texts(fresh.store)).toEqual(['X as B wrote it']);
	});

	it('keeps the undo history of a tab across a reload', async () => {
		const a = tab('A');
		await a.log.load();
		await add(a.store, 'First');
		await add(a.store, 'Second');
		const reloaded = tab('A');
		await reloaded.log.load();
		expect(reloaded.store.canUndo).toBe(true);
		reloaded.store.undo();
		await settle(reloaded.log);
		expect(texts(reloaded.store)).toEqual(['First']);
		// Another tab has none of it to undo.
		const other = tab('B');
		await other.log.load();
		expect(other.store.canUndo).toBe(false);
	});

	it('deletes a claim with the replies to it, and brings them all back with Restore', async () => {
		const a = tab('A');
		await a.log.load();
		const parent = await add(a.store, 'Parent');
		await add(a.store, 'Reply', parent);
		await add(a.store, 'Reply to the reply', a.store.live[1]!.id);
		expect(a.store.replies(parent)).toHaveLength(2);
		a.store.remove(parent);
		await settle(a.log);
		expect(texts(a.store)).toEqual([]);
		expect(a.store.deleted).toHaveLength(3);
		// After a reload the deleted claims are still listed, and Restore brings back the chain.
		const again = tab('A');
		await again.log.load();
		again.store.restore(parent);
		await settle(again.log);
		expect(texts(again.store).sort()).toEqual(['Parent', 'Reply', 'Reply to the reply']);
	});

	it('takes back a merge that updated earlier additions by restoring them, not deleting them', async () => {
		const a = tab('A');
		await a.log.load();
		const make = (text: string) => {
			const r = contributionFromDraft(
				{ target: 'p1', stance: 'con', text },
				{ id: 'mei-1', now: 1, lang: 'en', debate: debate() }
			);
			if (!r.ok) throw new Error('draft');
			return r.contribution;
		};
		a.store.addAll([make('First hand-in')]);
		a.store.addAll([make('Revised hand-in')]);
		await settle(a.log);
		expect(texts(a.store)).toEqual(['Revised hand-in']);
		a.store.undo();
		await settle(a.log);
		expect(texts(a.store)).toEqual(['First hand-in']);
	});

	it('restores a reply with what it answers, if that was deleted too', async () => {
		const a = tab('A');
		await a.log.load();
		const parent = await add(a.store, 'Parent');
		const reply = await add(a.store, 'Reply', parent);
		a.store.remove(parent);
		a.store.restore(reply);
		await settle(a.log);
		expect(texts(a.store).sort()).toEqual(['Parent', 'Reply']);
	});

	it('writes a journal at once, so a reload before IndexedDB commits keeps the claim', async () => {
		const a = tab('A');
		await a.log.load();
		// Submit, and "reload" at once: the tab is gone before its IndexedDB write is awaited.
		const { contributionFromDraft: check } = await import('../../../src/lib/core/contrib');
		const r = check(
			{ target: 'p1', stance: 'con', text: 'Kept through a quick reload' },
			{ id: 'my-quick', now: 1, lang: 'en', debate: debate() }
		);
		if (!r.ok) throw new Error('draft');
		const blocked = await holdWrites();
		void a.store.addAll([r.contribution]);
		const journal = Object.keys(
			Object.fromEntries(
				Array.from({ length: localStorage.length }, (_, i) => [localStorage.key(i)!, 1])
			)
		);
		expect(journal.some((k) => k.startsWith(`counterpoint:pending:${debateId}:`))).toBe(true);
		expect(a.store.isPending('my-quick')).toBe(true);
		blocked.release();
		// A fresh tab finds it, from the journal or IndexedDB, whichever came first.
		const fresh = tab('B');
		await fresh.log.load();
		expect(texts(fresh.store)).toEqual(['Kept through a quick reload']);
		await settle(a.log);
		expect(a.store.isPending('my-quick')).toBe(false);
		expect(localStorage.length).toBe(0);
	});

	it('keeps the readable changes when one stored change is junk, and lists the junk', async () => {
		const a = tab('A');
		await a.log.load();
		for (const text of ['One', 'Two', 'Three']) await add(a.store, text);
		const db = await openStore();
		await db.put('ops', { debateId, id: 'junk-0001', op: { kind: 'put', value: 'garbage' } });
		const fresh = tab('B');
		await fresh.log.load();
		expect(texts(fresh.store)).toEqual(['One', 'Two', 'Three']);
		expect(fresh.log.keptAside.map((r) => r.value)).toEqual([{ kind: 'put', value: 'garbage' }]);
		// The message stays until dismissed; the record stays kept aside after.
		await fresh.log.dismissKeptAside();
		const later = tab('C');
		await later.log.load();
		expect(later.log.keptAside).toEqual([]);
		expect((await db.getAll('quarantine')).filter((r) => r.debateId === debateId)).toHaveLength(1);
	});

	it("reads an earlier version's stores: a list of additions (one item junk) and a poll", async () => {
		const db = await openStore();
		const item = (id: string, text: string, updatedAt: number): Contribution => {
			const r = contributionFromDraft(
				{ target: 'p1', stance: 'con', text },
				{ id, now: updatedAt, lang: 'en', debate: debate() }
			);
			if (!r.ok) throw new Error('draft');
			return r.contribution;
		};
		await db.put('contributions', {
			debateId,
			items: [
				item('my-1', 'One', 10),
				{ junk: true },
				item('my-2', 'Two', 20),
				item('my-3', 'Three', 30)
			],
			savedAt: 30
		});
		await db.put('polls', {
			debateId,
			poll: { before: { stance: 35, at: '2026-12-01T09:00:00Z' }, persuasive: [] },
			savedAt: 40
		});
		const a = tab('A');
		await a.log.load();
		expect(texts(a.store)).toEqual(['One', 'Two', 'Three']);
		expect(a.poll.poll.before?.stance).toBe(35);
		expect(a.log.keptAside.map((r) => r.value)).toEqual([{ junk: true }]);
		expect(await db.get('contributions', debateId)).toBeUndefined();
	});
});

/**
 * Holds every IndexedDB write transaction of the process until released (as a slow disk
 * would), by keeping one readwrite transaction on the ops store busy.
 */
async function holdWrites() {
	const db = await openStore();
	const tx = db.transaction('ops', 'readwrite');
	let held = true;
	const spin = () => {
		if (held) void tx.store.get(['', '']).then(spin);
	};
	spin();
	return {
		release() {
			held = false;
		}
	};
}
