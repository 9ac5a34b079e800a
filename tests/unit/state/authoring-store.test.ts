import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asEntry, claimKey, HEAD_KEY, newDebateEntries } from '../../../src/lib/core/author/draft';
import { DebateDraft, TYPING_PAUSE_MS } from '../../../src/lib/state/authoring.svelte';
import { useMemoryStorage } from './memory-storage';

/**
 * A debate being written, kept as the students' additions are (one operation log per debate,
 * journalled then in IndexedDB). Each `DebateDraft` is one tab; a new one with the same tab id
 * is that tab after a reload.
 */

let key = 'k-0';
let serial = 0;
beforeAll(() => {
	useMemoryStorage();
});
afterEach(() => {
	key = `k-${++serial}`;
	localStorage.clear();
});

const tab = (name: string) =>
	new DebateDraft(key, { actor: 'person-1', tab: `tab-${name}-000000` });

async function started(name = 'a') {
	const d = tab(name);
	await d.load();
	d.start(newDebateEntries('my-debate', ['en', 'zh']));
	return d;
}
const text = (d: DebateDraft, id: string) => d.claim(id)?.text;

describe('writing a debate in the browser', () => {
	it('keeps everything written across a reload, even before IndexedDB has it', async () => {
		const a = await started();
		const p = a.addClaim('thesis', 'pro');
		a.set(claimKey(p), asEntry({ ...a.claim(p)!, text: { en: 'For', zh: '赞成' } }));
		// No wait for IndexedDB: the journal in localStorage has it.
		const again = tab('a');
		await again.load();
		expect(again.head?.id).toBe('my-debate');
		expect(text(again, p)).toEqual({ en: 'For', zh: '赞成' });
		await a.log.append([]);
		a.close();
		again.close();
	});

	it('shows one tab’s writing in another', async () => {
		const a = await started('a');
		await a.log.append([]);
		const b = tab('b');
		await b.load();
		const c = b.addClaim('thesis', 'con');
		await b.log.append([]);
		await a.load(); // as a BroadcastChannel message makes it read again
		expect(a.claim(c)?.stance).toBe('con');
		a.close();
		b.close();
	});

	it('holds typing until it pauses, then makes it one step to undo', async () => {
		const a = await started();
		const thesis = a.claim('thesis')!;
		a.set(claimKey('thesis'), asEntry({ ...thesis, text: { en: 'O' } }), true);
		a.set(claimKey('thesis'), asEntry({ ...thesis, text: { en: 'Open' } }), true);
		expect(text(a, 'thesis')).toEqual({ en: 'Open' }); // shown at once
		await new Promise((r) => setTimeout(r, TYPING_PAUSE_MS + 100));
		const steps = a.history.undo.length;
		a.undo();
		expect(text(a, 'thesis')).toEqual({ en: '', zh: '' });
		expect(a.history.undo.length).toBe(steps - 1);
		a.redo();
		expect(text(a, 'thesis')).toEqual({ en: 'Open' });
		a.close();
	});

	it('deletes a claim with its branch as one step, and undo brings the branch back', async () => {
		const a = await started();
		const p = a.addClaim('thesis', 'pro');
		const q = a.addClaim(p, 'con');
		const r = a.addClaim(q, 'pro');
		expect(a.deletionSize(p)).toBe(3);
		expect(a.deleteClaim('thesis')).toBe(false);
		a.deleteClaim(p);
		expect(a.claims.map((c) => c.id)).toEqual(['thesis']);
		a.undo();
		expect(a.claims.map((c) => c.id)).toEqual(['thesis', p, q, r]);
		a.close();
	});

	it('refuses an undo that would overwrite what another tab changed since', async () => {
		const a = await started('a');
		const p = a.addClaim('thesis', 'pro');
		await a.log.append([]);
		const b = tab('b');
		await b.load();
		b.set(claimKey(p), asEntry({ ...b.claim(p)!, text: { en: 'Theirs' } }));
		await b.log.append([]);
		await a.load();
		a.undo();
		expect(a.refusal).toEqual({ action: 'undo', entries: [claimKey(p)] });
		expect(text(a, p)).toEqual({ en: 'Theirs' });
		a.close();
		b.close();
	});

	it('never undoes the start of the debate, which would leave nothing to edit', async () => {
		const a = await started();
		expect(a.canUndo).toBe(false);
		a.undo();
		expect(a.head?.id).toBe('my-debate');
		a.addClaim('thesis', 'pro');
		expect(a.canUndo).toBe(true);
		a.undo();
		expect(a.canUndo).toBe(false);
		expect(a.claims.map((c) => c.id)).toEqual(['thesis']);
		a.close();
	});

	it('keeps a source while claims cite it', async () => {
		const a = await started();
		const s = a.addSource({ url: 'https://example.org/a' });
		const p = a.addClaim('thesis', 'pro');
		a.set(
			claimKey(p),
			asEntry({
				...a.claim(p)!,
				evidence: [{ source: s, kind: 'quote', quote: 'q', quoteLang: 'en', locator: 'p. 1' }]
			})
		);
		expect(a.deleteSource(s)).toBe(false);
		expect(a.citing(s)).toEqual([p]);
		a.deleteClaim(p);
		expect(a.deleteSource(s)).toBe(true);
		expect(a.sources).toEqual([]);
		expect(a.authored.entries.has(HEAD_KEY)).toBe(true);
		a.close();
	});
});
