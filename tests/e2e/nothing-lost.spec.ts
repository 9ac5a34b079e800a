import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { answerPoll, debateFile, DEBATE_ID, openMap } from './debate';

/**
 * Nothing a student writes is lost, in one tab or five: each test is one way work was lost
 * before (issue "nothing lost"), played as the students did it.
 */

// Several tabs each: generous, to catch a hang, not to time anything.
test.describe.configure({ timeout: 120_000 });

const drawerHeading = (page: Page) => page.getByTestId('drawer').getByRole('heading', { level: 2 });
const row = (page: Page, id: string) => page.locator(`[role="treeitem"][data-claim="${id}"]`);
const thesis = debateFile.thesis;

/** Adds an objection to the claim open in the drawer; returns the new claim's id. */
async function addObjection(page: Page, text: string) {
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill(text);
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(page)).toHaveText(text);
	return new URL(page.url()).searchParams.get('claim')!;
}

async function edit(page: Page, id: string, text: string) {
	await row(page, id).click();
	await page.getByTestId('drawer').getByRole('button', { name: 'Edit' }).click();
	await page.getByTestId('contribution-text').fill(text);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(drawerHeading(page)).toHaveText(text);
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');
}

/** The texts of the additions a fresh tab of this browser shows, sorted. */
async function freshTabShows(context: BrowserContext): Promise<string[]> {
	const page = await context.newPage();
	await openMap(page);
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');
	const texts = await page
		.locator('[role="treeitem"]', { hasText: 'added in class' })
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-claim')!));
	const out: string[] = [];
	for (const id of texts) {
		await row(page, id).click();
		out.push((await drawerHeading(page).textContent())!.trim());
	}
	await page.close();
	return out.sort();
}

test("a stale tab's mark does not overwrite another tab's answer to the stance poll", async ({
	context
}) => {
	const a = await context.newPage();
	const b = await context.newPage();
	await openMap(a);
	await openMap(b);
	await answerPoll(a, 'Before', '20');
	await b.reload();
	await openMap(b);
	await answerPoll(b, 'After', '80');
	// A has not been reloaded; it marks a claim as most persuasive.
	const con = debateFile.claims.find((c) => c.stance === 'con')!;
	await row(a, con.id).click();
	await a.getByTestId('persuasive').click();
	await expect(a.getByTestId('persuasive')).toHaveAttribute('aria-pressed', 'true');

	const c = await context.newPage();
	await openMap(c);
	await c.getByTestId('poll-button').click();
	// Both answers and the mark: the shift from 20 to 80 is there.
	await expect(c.getByTestId('poll-shift')).toHaveText('+60 towards the thesis');
	await expect(c.getByTestId('poll-persuasive').locator('li')).toHaveText([con.text.en]);
});

test("undo in one tab never erases another tab's edit: it is refused, saying why", async ({
	context
}) => {
	const a = await context.newPage();
	await openMap(a, `?claim=${thesis}`);
	const x = await addObjection(a, 'X, as A wrote it.');
	const b = await context.newPage();
	await openMap(b);
	await edit(b, x, 'X, as B rewrote it.');

	// A clicks Undo (then Redo): refused, B's text named, nothing changed.
	await a.getByTestId('contributions').getByRole('button', { name: 'Undo' }).click();
	await expect(a.getByTestId('undo-refused')).toContainText('X, as B rewrote it.');
	await a.getByTestId('contributions').getByRole('button', { name: 'Redo' }).isDisabled();
	await row(a, x).click();
	await expect(drawerHeading(a)).toHaveText('X, as B rewrote it.');
	expect(await freshTabShows(context)).toEqual(['X, as B rewrote it.']);

	// B edits again; A's Undo is refused again, and X is not deleted.
	await edit(b, x, 'X, B again.');
	await a.getByTestId('contributions').getByRole('button', { name: 'Undo' }).click();
	await expect(a.getByTestId('undo-refused')).toContainText('X, B again.');
	expect(await freshTabShows(context)).toEqual(['X, B again.']);

	// B's own undo works: back to its first text.
	await b.getByTestId('contributions').getByRole('button', { name: 'Undo' }).click();
	await row(b, x).click();
	await expect(drawerHeading(b)).toHaveText('X, as B rewrote it.');
});

test('an edit being typed survives its addition being deleted in another tab', async ({
	context
}) => {
	const a = await context.newPage();
	await openMap(a, `?claim=${thesis}`);
	const x = await addObjection(a, 'To be deleted elsewhere.');
	const b = await context.newPage();
	await openMap(b);
	await row(b, x).click();
	await b.getByTestId('drawer').getByRole('button', { name: 'Edit' }).click();
	await b.getByTestId('contribution-text').fill('Half an hour of careful writing.');

	await row(a, x).click();
	await a.getByTestId('delete-contribution').click();
	await a.getByTestId('confirm-delete').click();
	await expect(a.getByTestId('contribution-count')).toHaveText('0');

	// B's form is still open, with the text, and says what happened.
	await expect(b.getByTestId('form-deleted')).toContainText('deleted in another tab');
	await expect(b.getByTestId('contribution-text')).toHaveValue('Half an hour of careful writing.');
	await b.getByRole('button', { name: 'Add as a new claim' }).click();
	await expect(drawerHeading(b)).toHaveText('Half an hour of careful writing.');
	expect(await freshTabShows(context)).toEqual(['Half an hour of careful writing.']);
});

test('a reload straight after Add keeps every claim (written ahead to a journal)', async ({
	page
}) => {
	// A slow disk: each IndexedDB write commits 30 s after it is made (a transaction with a
	// request in flight cannot commit), long enough that a busy test machine cannot catch up
	// before the reload. After the reload (the same tab) the disk is well again.
	await page.addInitScript(() => {
		if (sessionStorage.getItem('slow-disk-was-here')) return;
		sessionStorage.setItem('slow-disk-was-here', '1');
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (
			this: IDBObjectStore,
			...args: Parameters<typeof put>
		) {
			const request = put.apply(this, args);
			const until = Date.now() + 30_000;
			const keepBusy = () => {
				if (Date.now() < until) this.count().onsuccess = keepBusy;
			};
			request.addEventListener('success', keepBusy);
			return request;
		};
	});
	await openMap(page, `?claim=${thesis}`);
	for (const text of ['Quick one.', 'Quick two.', 'Quick three.']) {
		await row(page, thesis).click();
		await page.getByTestId('add-con').click();
		await page.getByTestId('contribution-text').fill(text);
		await page.getByRole('button', { name: 'Add to the map' }).click();
		await expect(drawerHeading(page)).toHaveText(text);
	}
	// Reload at once: IndexedDB has not committed the last ones, and says so.
	await expect(page.getByTestId('save-state')).toHaveText('Saving…');
	await page.reload();
	await openMap(page);
	await expect(page.getByTestId('contribution-count')).toHaveText('3');
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');
});

test('a change no storage has taken makes the browser ask before the page is left', async ({
	page
}) => {
	await page.addInitScript(() => {
		// localStorage refuses (the journal), and IndexedDB never commits a write to the log.
		Storage.prototype.setItem = function () {
			throw new DOMException('refused', 'QuotaExceededError');
		};
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (
			this: IDBObjectStore,
			...args: Parameters<typeof put>
		) {
			const request = put.apply(this, args);
			if (this.name === 'ops') {
				const keepBusy = () => {
					this.get(['', '']).onsuccess = keepBusy;
				};
				request.addEventListener('success', keepBusy);
			}
			return request;
		};
	});
	await openMap(page, `?claim=${thesis}`);
	await addObjection(page, 'Not saved anywhere yet.');
	await expect(page.getByTestId('save-state')).toHaveText('Saving…');
	const asked = page.waitForEvent('dialog');
	await page.close({ runBeforeUnload: true });
	const dialog = await asked;
	expect(dialog.type()).toBe('beforeunload');
	// Leave anyway, so the page closes with the test.
	await dialog.accept();
});

test('deleting your claim asks first, takes its replies with it, and Undo or Restore bring all back after a reload', async ({
	page
}) => {
	await openMap(page, `?claim=${thesis}`);
	const parent = await addObjection(page, 'My objection.');
	const reply = await addObjection(page, 'My answer to myself.');
	await row(page, parent).click();
	await page.getByTestId('delete-contribution').click();
	await expect(page.getByTestId('drawer')).toContainText('and the reply to it');
	await page.getByTestId('confirm-delete').click();
	await expect(page.getByTestId('contribution-count')).toHaveText('0');
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');

	// After a reload Undo still works, and brings both back.
	await page.reload();
	await openMap(page);
	const undo = page.getByTestId('contributions').getByRole('button', { name: 'Undo' });
	await expect(undo).toBeEnabled();
	await undo.click();
	await expect(page.getByTestId('contribution-count')).toHaveText('2');

	// Deleted again, then brought back from the list of deleted claims.
	await row(page, parent).click();
	await page.getByTestId('delete-contribution').click();
	await page.getByTestId('confirm-delete').click();
	await expect(page.getByTestId('contribution-count')).toHaveText('0');
	await page.getByTestId('deleted').locator('summary').click();
	await page.getByRole('button', { name: 'Restore “My answer to myself.”' }).click();
	await expect(page.getByTestId('contribution-count')).toHaveText('2');
	await expect(row(page, reply)).toBeVisible();

	// And the hand-in has both.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('hand-in').click()
	]);
	const { readFileSync } = await import('node:fs');
	const text = readFileSync((await download.path())!, 'utf8');
	expect(text).toContain('My objection.');
	expect(text).toContain('My answer to myself.');
});

/** Opens a page of the site that is not the app, to write to its storage before the app runs. */
async function atOrigin(page: Page) {
	await page.route('**/__storage', (route) =>
		route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>storage</title>' })
	);
	await page.goto('/__storage');
}

const junkAmongGood = (version: number, debateId: string, thesisId: string) =>
	new Promise<void>((done, fail) => {
		const claim = (id: string, text: string) => ({
			id,
			claim: {
				id,
				text: { en: text },
				stance: 'con',
				target: thesisId,
				contributor: { at: '2026-12-01T09:00:00.000Z' }
			},
			updatedAt: 1000
		});
		const open = indexedDB.open('counterpoint', version);
		open.onupgradeneeded = () => {
			const db = open.result;
			db.createObjectStore('debates', { keyPath: 'id' });
			db.createObjectStore('contributions', { keyPath: 'debateId' });
			db.createObjectStore('quarantine', { keyPath: 'key' });
			db.createObjectStore('polls', { keyPath: 'debateId' });
		};
		open.onsuccess = () => {
			const tx = open.result.transaction('contributions', 'readwrite');
			tx.objectStore('contributions').put({
				debateId,
				items: [
					claim('my-one', 'Good one.'),
					{ junk: 'a record nobody can read' },
					claim('my-two', 'Good two.'),
					claim('my-three', 'Good three.')
				],
				savedAt: 1000
			});
			tx.oncomplete = () => {
				open.result.close();
				done();
			};
			tx.onerror = () => fail(tx.error);
		};
		open.onerror = () => fail(open.error);
	});

test('one unreadable record beside three good ones: the three are shown, the one can be downloaded', async ({
	page
}) => {
	await atOrigin(page);
	// What an earlier version stored: a list of additions, one item junk.
	await page.evaluate(
		`(${junkAmongGood.toString()})(3, ${JSON.stringify(DEBATE_ID)}, ${JSON.stringify(thesis)})`
	);
	await openMap(page);
	await expect(page.getByTestId('contribution-count')).toHaveText('3');
	await expect(page.getByTestId('kept-aside')).toContainText('1 saved changes');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('kept-aside-download').click()
	]);
	const { readFileSync } = await import('node:fs');
	const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
	expect(file.keptAside.map((r: { value: unknown }) => r.value)).toEqual([
		{ junk: 'a record nobody can read' }
	]);
	// The message stays until the student dismisses it.
	await page.reload();
	await openMap(page);
	await expect(page.getByTestId('kept-aside')).toBeVisible();
	await page.getByTestId('kept-aside').getByRole('button', { name: 'Dismiss' }).click();
	await page.reload();
	await openMap(page);
	await expect(page.getByTestId('contribution-count')).toHaveText('3');
	await expect(page.getByTestId('kept-aside')).toBeHidden();
});

test('the form: the source fields stay open while typing, the claim answered is named, and the language is the one written in', async ({
	page
}) => {
	const con = debateFile.claims.find((c) => c.stance === 'con')!;
	// The page in Chinese; the student writes in English.
	await openMap(page, `?claim=${con.id}&lang=zh`);
	await page.getByTestId('add-con').click();
	const form = page.getByTestId('contribution-form');
	// The claim answered is named in the form.
	await expect(page.getByTestId('form-target')).toContainText(con.text.zh);
	// Opened by hand, the source fields stay open while the claim is typed.
	await form.locator('details summary').click();
	await page.getByTestId('contribution-text').pressSequentially('Open weights help defenders too.');
	await expect(form.locator('details')).toHaveAttribute('open', '');
	await expect(page.getByTestId('contribution-lang')).toHaveValue('en');
	await form.locator('button[type="submit"]').click();
	// Shown with the “not translated yet” marker: it is English on a Chinese page.
	await expect(drawerHeading(page)).toContainText('Open weights help defenders too.');
	const id = new URL(page.url()).searchParams.get('claim')!;

	// A second "add an objection" now answers the student's own claim, and says so.
	await page.getByTestId('add-con').click();
	await expect(page.getByTestId('form-target')).toContainText('Open weights help defenders too.');
	await form.getByRole('button', { name: '取消' }).click();

	// Editing it with the page in Chinese keeps it English.
	await page.getByTestId('drawer').getByRole('button', { name: '编辑' }).click();
	await expect(page.getByTestId('contribution-lang')).toHaveValue('en');
	await page.getByTestId('contribution-text').fill('Open weights help defenders as well.');
	await form.locator('button[type="submit"]').click();
	await expect(drawerHeading(page)).toContainText('Open weights help defenders as well.');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('hand-in').click()
	]);
	const { readFileSync } = await import('node:fs');
	const { parse } = await import('yaml');
	const file = parse(readFileSync((await download.path())!, 'utf8'));
	const added = file.claims.find((c: { id: string }) => c.id === id);
	expect(added.text).toEqual({ en: 'Open weights help defenders as well.' });
});
