import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { debateFile, DEBATE_ID, interceptChunk, openMap } from './debate';

/**
 * Faults in the middle of a save. Each change to the classroom additions is an operation, written
 * first to a journal in `localStorage` (synchronously, when it is made) and then to IndexedDB in
 * one transaction per batch (`OpLog.flush`); the journal entry goes only once IndexedDB has
 * committed. These tests kill a save between its write and its commit and look at what a fresh
 * tab finds: the whole batch (from the journal), or, when the journal was refused too, exactly
 * the old state — never half a batch.
 *
 * No test seam in the app: an init script (this page only, never the app's code) wraps
 * `IDBObjectStore.prototype.put` for the `ops` store, as the quota test in classroom.spec.ts
 * does. Armed from the test through `window.__fault`:
 * - `'hold'`: issue the puts, then keep the transaction busy with reads so it never commits,
 *   and report the writes in flight (`window.__held`); the test then kills the tab;
 * - `'abort'`: issue the put, then abort its transaction, as the browser does on a storage error.
 * `window.__noJournal` makes `localStorage.setItem` refuse, as a full or blocked storage does.
 */

type Fault = 'hold' | 'abort' | undefined;
type Held = { puts: number };

function installFaults(page: Page) {
	return page.addInitScript(() => {
		const w = window as unknown as { __fault?: Fault; __held?: Held; __noJournal?: boolean };
		const setItem = Storage.prototype.setItem;
		Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
			if (w.__noJournal && key.startsWith('counterpoint:pending:'))
				throw new DOMException('refused', 'QuotaExceededError');
			return setItem.call(this, key, value);
		};
		const put = IDBObjectStore.prototype.put;
		const holding = new WeakSet<IDBTransaction>();
		IDBObjectStore.prototype.put = function (
			this: IDBObjectStore,
			...args: Parameters<typeof put>
		) {
			const request = put.apply(this, args);
			const fault = this.name === 'ops' ? w.__fault : undefined;
			if (fault === 'abort') {
				w.__fault = undefined;
				this.transaction.abort();
			} else if (fault === 'hold' || holding.has(this.transaction)) {
				w.__fault = undefined;
				const first = !holding.has(this.transaction);
				holding.add(this.transaction);
				request.addEventListener('success', () => {
					w.__held = { puts: (w.__held?.puts ?? 0) + 1 };
					// A request in flight keeps a transaction from committing: chain them for ever.
					const keepBusy = () => {
						this.get(['', '']).onsuccess = keepBusy;
					};
					if (first) keepBusy();
				});
			}
			return request;
		};
	});
}

/**
 * The additions IndexedDB holds for the debate, as their English texts, sorted: its operations
 * replayed the simple way (in order, each put or delete replacing the last).
 */
function stored(page: Page): Promise<string[]> {
	return page.evaluate(
		(debateId) =>
			new Promise<string[]>((done, fail) => {
				const open = indexedDB.open('counterpoint');
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction('ops').objectStore('ops').getAll();
					req.onerror = () => fail(req.error);
					req.onsuccess = () => {
						open.result.close();
						type Rec = {
							debateId: string;
							op: {
								id: string;
								at: number;
								kind: string;
								claim?: string;
								value?: { id: string; claim: { text: Record<string, string> } };
							};
						};
						const ops = (req.result as Rec[])
							.filter((r) => r.debateId === debateId)
							.map((r) => r.op)
							.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
						const live = new Map<string, string>();
						for (const op of ops)
							if (op.kind === 'put')
								live.set(op.value!.id, Object.values(op.value!.claim.text)[0]!);
							else if (op.kind === 'delete') live.delete(op.claim!);
						done([...live.values()].sort());
					};
				};
			}),
		DEBATE_ID
	);
}

/** Anything unreadable moved aside: there must be nothing after a crash. */
function quarantined(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((done) => {
				const open = indexedDB.open('counterpoint');
				open.onsuccess = () => {
					const req = open.result.transaction('quarantine').objectStore('quarantine').count();
					req.onsuccess = () => {
						open.result.close();
						done(req.result);
					};
				};
			})
	);
}

const drawerHeading = (page: Page) => page.getByTestId('drawer').getByRole('heading', { level: 2 });

async function addObjection(page: Page, text: string) {
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill(text);
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(page)).toHaveText(text);
}

/** A student's hand-in adding `texts` as objections to the thesis, written to a file. */
async function handIn(path: string, texts: string[]) {
	const { parse, stringify } = await import('yaml');
	const { readFileSync, writeFileSync } = await import('node:fs');
	const base = parse(readFileSync(`arguments/${DEBATE_ID}.yaml`, 'utf8'));
	const claims = texts.map((text, i) => ({
		id: `mei-${i + 1}`,
		stance: 'con',
		target: debateFile.thesis,
		text: { en: text },
		contributor: { name: 'Mei', at: '2026-11-28T09:00:00Z' }
	}));
	writeFileSync(path, stringify({ ...base, claims: [...base.claims, ...claims] }));
	return path;
}

/** A fresh tab of the same browser: what it shows and what it finds stored, with any errors. */
async function reopen(context: BrowserContext) {
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('console', (m) => {
		// Cytoscape's inline styles, refused by the CSP, are a known and accepted noise.
		if (m.type() === 'error' && !/directive 'style-src/.test(m.text())) errors.push(m.text());
	});
	await openMap(page);
	return { page, errors };
}

const BATCH = ['Mei: homework load is unequal.', 'Mei: tutors widen the gap.'];

/** Crashes the renderer, or closes the tab without asking. */
async function kill(
	context: BrowserContext,
	page: Page,
	how: 'the renderer crashes' | 'the tab is closed'
) {
	if (how === 'the renderer crashes') {
		const crashed = page.waitForEvent('crash');
		const cdp = await context.newCDPSession(page);
		// The renderer dies before it can answer.
		void cdp.send('Page.crash').catch(() => undefined);
		await crashed;
	} else {
		await page.close({ runBeforeUnload: false });
	}
}

/** Adds one objection, then merges a two-claim hand-in with its IndexedDB write held. */
async function batchHeld(page: Page, file: string) {
	await openMap(page, `?claim=${debateFile.thesis}`);
	await addObjection(page, 'Saved before the crash.');
	// Committed (the status line already says "Saved" from loading, so it is not the signal).
	await expect.poll(() => stored(page)).toEqual(['Saved before the crash.']);
	// The second save: a merged hand-in of two claims, written in one transaction, held.
	await page.evaluate(() => ((window as unknown as { __fault: Fault }).__fault = 'hold'));
	await page.getByTestId('export-menu').locator('summary').click();
	await page.getByTestId('merge-files').setInputFiles(file);
	await expect(page.getByTestId('merge-report')).toContainText('Merged 2 additions');
	await page.waitForFunction(() => (window as unknown as { __held?: Held }).__held?.puts === 2);
	await expect(page.getByTestId('save-state')).toHaveText('Saving…');
}

for (const how of ['the renderer crashes', 'the tab is closed'] as const) {
	test(`when ${how} in the middle of saving a two-claim batch, a fresh tab has the whole batch, once`, async ({
		context
	}, info) => {
		const page = await context.newPage();
		await installFaults(page);
		await batchHeld(page, await handIn(info.outputPath('mei.yaml'), BATCH));
		// IndexedDB has not committed the batch: only the journal holds it.
		await kill(context, page, how);

		const { page: fresh, errors } = await reopen(context);
		// The journal was written on opening: the old addition and the whole batch, each once.
		const all = [...BATCH, 'Saved before the crash.'].sort();
		await expect(fresh.getByTestId('contribution-count')).toHaveText('3');
		await expect.poll(() => stored(fresh)).toEqual(all);
		await expect(fresh.getByTestId('store-problem')).toBeHidden();
		expect(
			await fresh.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('pending')))
		).toEqual([]);
		expect(await quarantined(fresh)).toBe(0);
		expect(errors).toEqual([]);
	});
}

test('with the journal refused, a crash in the middle of saving a batch leaves exactly the old state, never half of it', async ({
	context
}, info) => {
	const page = await context.newPage();
	await installFaults(page);
	await page.addInitScript(
		() => ((window as unknown as { __noJournal: boolean }).__noJournal = true)
	);
	await batchHeld(page, await handIn(info.outputPath('mei.yaml'), BATCH));
	await kill(context, page, 'the renderer crashes');

	const { page: fresh, errors } = await reopen(context);
	expect(await stored(fresh)).toEqual(['Saved before the crash.']);
	await expect(fresh.getByTestId('contribution-count')).toHaveText('1');
	await expect(fresh.getByTestId('store-problem')).toBeHidden();
	expect(await quarantined(fresh)).toBe(0);
	expect(errors).toEqual([]);
});

test('a save that completes before the crash is kept whole: exactly the new state', async ({
	context
}, info) => {
	const page = await context.newPage();
	await openMap(page, `?claim=${debateFile.thesis}`);
	await addObjection(page, 'Saved before the crash.');
	const file = await handIn(info.outputPath('mei.yaml'), BATCH);
	await page.getByTestId('export-menu').locator('summary').click();
	await page.getByTestId('merge-files').setInputFiles(file);
	await expect(page.getByTestId('merge-report')).toContainText('Merged 2 additions');
	// Committed: another connection reads the new record (the status line may still show the
	// previous save's "Saved" for a moment, so it is not the signal).
	const all = [...BATCH, 'Saved before the crash.'].sort();
	await expect.poll(() => stored(page)).toEqual(all);
	const crashed = page.waitForEvent('crash');
	void (await context.newCDPSession(page)).send('Page.crash').catch(() => undefined);
	await crashed;

	const { page: fresh, errors } = await reopen(context);
	expect(await stored(fresh)).toEqual(all);
	await expect(fresh.getByTestId('contribution-count')).toHaveText('3');
	expect(errors).toEqual([]);
});

test('an aborted save is reported, the addition stays on screen, nothing half-written is stored, and the next save keeps it', async ({
	context
}) => {
	const page = await context.newPage();
	await installFaults(page);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	await openMap(page, `?claim=${debateFile.thesis}`);
	await addObjection(page, 'Saved first.');
	await expect.poll(() => stored(page)).toEqual(['Saved first.']);

	await page.locator(`[role="treeitem"][data-claim="${debateFile.thesis}"]`).click();
	await page.evaluate(() => ((window as unknown as { __fault: Fault }).__fault = 'abort'));
	await addObjection(page, 'Aborted while saving.');
	await expect(page.getByTestId('store-problem')).toContainText(
		'could not be saved in this browser'
	);
	await expect(page.getByTestId('save-state')).toHaveText('Not saved');
	// Still on the map and in the outline, and counted.
	await expect(page.getByTestId('contribution-count')).toHaveText('2');
	await expect(
		page.locator('[role="treeitem"]', { hasText: 'Aborted while saving.' })
	).toBeVisible();
	expect(await stored(page)).toEqual(['Saved first.']);

	// The next change saves everything this tab holds, the one that failed included.
	await page.locator(`[role="treeitem"][data-claim="${debateFile.thesis}"]`).click();
	await addObjection(page, 'Saved after the fault.');
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');
	await expect(page.getByTestId('store-problem')).toBeHidden();
	const { page: fresh, errors: freshErrors } = await reopen(context);
	expect(await stored(fresh)).toEqual(
		['Aborted while saving.', 'Saved after the fault.', 'Saved first.'].sort()
	);
	await expect(fresh.getByTestId('contribution-count')).toHaveText('3');
	expect(freshErrors).toEqual([]);
	expect(errors).toEqual([]);
});

test('if the map engine cannot load, the page says so and the outline and drawer still work', async ({
	page
}) => {
	// Cytoscape arrives in a chunk of its own, beside the page: refuse that one download.
	await interceptChunk(page, 'getRetiredTextureQueue', 'fail');
	await page.goto(`/debate/${DEBATE_ID}`);
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await expect(
		page.getByRole('alert').filter({ hasText: 'The map could not be loaded' })
	).toBeVisible();
	await page.screenshot({ path: 'screenshots/map-engine-failed.png' });
	const claim = debateFile.claims.find((c) => c.target)!;
	await page.locator(`[role="treeitem"][data-claim="${claim.id}"]`).click();
	await expect(page.getByTestId('drawer').getByRole('heading', { level: 2 })).toHaveText(
		claim.text.en
	);
});
