import { expect, test } from '@playwright/test';
import { violations } from './axe';
import { debateFile, interceptChunk, map, openMap } from './debate';

const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
const tour = (debateFile as unknown as { tour?: string[] }).tour ?? [];

test('present mode: a full tour by keyboard, revealing claims as it goes, the step in the URL', async ({
	page
}) => {
	// The walk grows with the debate's tour: a generous allowance per step catches a hang, not speed.
	test.setTimeout(60_000 + tour.length * 5_000);
	await openMap(page);
	await page.getByTestId('present').click();
	const caption = page.getByTestId('caption');
	await expect(caption).toContainText(byId.get(debateFile.thesis)!.text.en);
	await expect(page.getByTestId('step-counter')).toHaveText(`1 / ${tour.length}`);
	// Nothing beyond the thesis is shown before the tour reaches it.
	expect(await map(page, (h) => h.nodeIds())).toEqual([debateFile.thesis]);
	await expect(page).toHaveURL(/present=1&step=1/);

	const keys = ['ArrowRight', ' ', 'PageDown', 'ArrowDown'];
	for (let i = 1; i < tour.length; i++) {
		await page.keyboard.press(keys[i % keys.length]!);
		await expect(page.getByTestId('step-counter')).toHaveText(`${i + 1} / ${tour.length}`);
		const id = tour[i]!;
		await expect(caption).toContainText(byId.get(id)!.text.en);
		const shown = await map(page, (h) => h.nodeIds());
		// Every claim toured so far is on the map, and the one being presented is selected.
		for (const earlier of tour.slice(0, i + 1)) expect(shown).toContain(earlier);
		expect(await map(page, (h) => h.selected())).toEqual([id]);
	}
	await expect(page).toHaveURL(new RegExp(`step=${tour.length}`));
	// At the end, next stays put; PageUp goes back; Home returns to the start.
	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('step-counter')).toHaveText(`${tour.length} / ${tour.length}`);
	await page.keyboard.press('PageUp');
	await expect(page.getByTestId('step-counter')).toHaveText(`${tour.length - 1} / ${tour.length}`);
	await page.keyboard.press('Home');
	await expect(page.getByTestId('step-counter')).toHaveText(`1 / ${tour.length}`);
	// Jump to any step.
	await page.getByTestId('step-select').selectOption(String(tour.length - 3));
	await expect(page.getByTestId('step-counter')).toHaveText(`${tour.length - 2} / ${tour.length}`);
	await page.screenshot({ path: 'screenshots/present.png' });
	await page.keyboard.press('Escape');
	await expect(caption).toBeHidden();
	await expect(page).not.toHaveURL(/present=/);
	await expect.poll(() => map(page, (h) => h.nodeIds().length)).toBe(debateFile.claims.length);
});

test('a link to a step of the tour opens present mode there', async ({ page }) => {
	await openMap(page, '?present=1&step=4');
	await expect(page.getByTestId('step-counter')).toHaveText(`4 / ${tour.length}`);
	await expect(page.getByTestId('caption')).toContainText(byId.get(tour[3]!)!.text.en);
});

const drawerHeading = (page: import('@playwright/test').Page) =>
	page.getByTestId('drawer').getByRole('heading', { level: 2 });

/** Adds an objection to the claim open in the drawer; returns the new claim's id. */
async function addObjection(page: import('@playwright/test').Page, text: string) {
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill(text);
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(page)).toHaveText(text);
	return new URL(page.url()).searchParams.get('claim')!;
}

/** Clicks "Hand in (file)"; gives the downloaded file's name and text. */
async function handInFile(page: import('@playwright/test').Page) {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('hand-in').click()
	]);
	const { readFileSync } = await import('node:fs');
	return {
		name: download.suggestedFilename(),
		text: readFileSync((await download.path())!, 'utf8')
	};
}

test('a student adds, edits and deletes an objection, with undo and redo, and a reload keeps it', async ({
	page
}) => {
	const target = debateFile.claims.find((c) => c.stance === 'pro')!;
	await openMap(page, `?claim=${target.id}`);
	// A bad address is refused beside its field, and nothing is added.
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill('Open weights also help attackers.');
	await page.getByText('Add a source (optional)').click();
	await page.getByTestId('contribution-url').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(page.getByTestId('url-error')).toContainText('http:// or https://');
	await page.getByTestId('contribution-url').fill('https://example.org/report');
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(page)).toHaveText('Open weights also help attackers.');
	const id = new URL(page.url()).searchParams.get('claim')!;
	await expect(page.getByTestId('contributed')).toContainText('Added in class');
	expect(await map(page, (h) => h.nodeIds().length)).toBe(debateFile.claims.length + 1);
	expect(await map(page, (h, a) => h.classesOf(a), id)).toContain('contribution');
	await expect(page.locator(`[role="treeitem"][data-claim="${id}"]`)).toContainText(
		'added in class'
	);
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');

	// Edit.
	await page.getByTestId('drawer').getByRole('button', { name: 'Edit' }).click();
	await page
		.getByTestId('contribution-text')
		.fill('Open weights help attackers as much as defenders.');
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(drawerHeading(page)).toHaveText('Open weights help attackers as much as defenders.');

	// Undo the edit, redo it (keyboard), then delete and undo the deletion.
	await page.getByTestId('map').focus();
	await page.keyboard.press('Control+z');
	await expect(drawerHeading(page)).toHaveText('Open weights also help attackers.');
	await page.keyboard.press('Control+Shift+z');
	await expect(drawerHeading(page)).toHaveText('Open weights help attackers as much as defenders.');
	await page.getByTestId('delete-contribution').click();
	await page.getByTestId('confirm-delete').click();
	await expect(page.getByTestId('contribution-count')).toHaveText('0');
	expect(await map(page, (h) => h.nodeIds().length)).toBe(debateFile.claims.length);
	await page.getByTestId('contributions').getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('contribution-count')).toHaveText('1');
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');

	// Nothing is lost on reload.
	await page.reload();
	await page.waitForFunction(
		(n) => window.__counterpointMap?.nodeIds().length === n,
		debateFile.claims.length + 1
	);
	await page.locator(`[role="treeitem"][data-claim="${id}"]`).click();
	await expect(drawerHeading(page)).toHaveText('Open weights help attackers as much as defenders.');
});

test("a second tab's newer edit is not overwritten by an older tab", async ({ context }) => {
	const target = debateFile.claims.find((c) => c.stance === 'con')!;
	const a = await context.newPage();
	await openMap(a, `?claim=${target.id}`);
	const id = await addObjection(a, 'First version.');
	const b = await context.newPage();
	await openMap(b, `?claim=${id}`);
	await expect(drawerHeading(b)).toHaveText('First version.');
	// Tab B edits the addition; tab A, which still shows the old text, adds another one.
	await b.getByTestId('drawer').getByRole('button', { name: 'Edit' }).click();
	await b.getByTestId('contribution-text').fill('Second version, from tab B.');
	await b.getByRole('button', { name: 'Save changes' }).click();
	await expect(b.getByTestId('save-state')).toHaveText('Saved in this browser');
	await a.locator(`[role="treeitem"][data-claim="${target.id}"]`).click();
	await addObjection(a, 'Another one, from tab A.');
	await expect(a.getByTestId('save-state')).toHaveText('Saved in this browser');
	// Tab A heard about B's edit; and what is stored has both tabs' work.
	await a.locator(`[role="treeitem"][data-claim="${id}"]`).click();
	await expect(drawerHeading(a)).toHaveText('Second version, from tab B.');
	const c = await context.newPage();
	await openMap(c);
	await expect(c.getByTestId('contribution-count')).toHaveText('2');
	await expect(c.locator(`[role="treeitem"][data-claim="${id}"]`)).toContainText('Second version');
});

test('an unreadable change is kept aside with a message, and new work still saves', async ({
	page
}) => {
	await openMap(page);
	// Write something that is not an operation where this debate's changes live.
	await page.evaluate(
		(debateId) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open('counterpoint');
				open.onsuccess = () => {
					const tx = open.result.transaction('ops', 'readwrite');
					tx.objectStore('ops').put({ debateId, id: 'broken-1', op: { broken: true } });
					tx.oncomplete = () => {
						open.result.close();
						done();
					};
					tx.onerror = () => fail(tx.error);
				};
				open.onerror = () => fail(open.error);
			}),
		'llama-open-weights'
	);
	await page.reload();
	await expect(page.getByTestId('kept-aside')).toContainText('kept aside');
	const kept = await page.evaluate(
		() =>
			new Promise<unknown[]>((done) => {
				const open = indexedDB.open('counterpoint');
				open.onsuccess = () => {
					const req = open.result.transaction('quarantine').objectStore('quarantine').getAll();
					req.onsuccess = () => done(req.result.map((r) => r.value));
				};
			})
	);
	expect(kept).toEqual([{ broken: true }]);
	await page.locator(`[role="treeitem"][data-claim="${debateFile.thesis}"]`).click();
	await addObjection(page, 'Still works after the broken record.');
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');
});

test('hand in: the debate with the additions marked, as YAML', async ({ page }) => {
	await openMap(page, `?claim=${debateFile.thesis}`);
	await page.getByTestId('add-pro').click();
	await page.getByTestId('contribution-text').fill('Students can study the model themselves.');
	await page.getByLabel('Your name (optional)').fill('Mei');
	await page.getByRole('button', { name: 'Add to the map' }).click();
	const { name, text } = await handInFile(page);
	expect(name).toBe('llama-open-weights-additions.yaml');
	expect(text).toContain('Students can study the model themselves.');
	expect(text).toMatch(/contributor:\s*\n\s*name: Mei/);
});

/**
 * Writes a student's hand-in to `file`: the shipped debate with their objections (marked with
 * their name) and, if given, their stance poll. Returns the path.
 */
async function writeHandIn(
	file: string,
	name: string,
	claims: { id: string; target: string; text: string }[],
	poll?: unknown
) {
	const { parse, stringify } = await import('yaml');
	const { readFileSync, writeFileSync } = await import('node:fs');
	const base = parse(readFileSync('arguments/llama-open-weights.yaml', 'utf8'));
	const marked = claims.map((c) => ({
		...c,
		stance: 'con',
		text: { en: c.text },
		contributor: { name, at: '2026-11-28T09:00:00Z' }
	}));
	const handIn = poll ? { handIn: { poll } } : {};
	writeFileSync(file, stringify({ ...base, claims: [...base.claims, ...marked], ...handIn }));
	return file;
}

test("a teacher merges two students' hand-ins, sees look-alikes, and exports the merged debate", async ({
	page
}, info) => {
	const { parse } = await import('yaml');
	const { readFileSync } = await import('node:fs');
	const target = debateFile.claims.find((c) => c.stance === 'pro')!.id;
	const handIn = (name: string, texts: string[]) =>
		writeHandIn(
			info.outputPath(`${name}.yaml`),
			name,
			texts.map((text, i) => ({ id: `my-${i + 1}`, target, text }))
		);
	const mei = await handIn('Mei', ['Benchmarks can be gamed.', 'Leaks are not releases.']);
	const sam = await handIn('Sam', ['Benchmarks can be GAMED!']);

	await openMap(page);
	const menu = page.getByTestId('export-menu');
	await menu.locator('summary').click();
	await page.getByTestId('merge-files').setInputFiles([mei, sam]);
	const report = page.getByTestId('merge-report');
	await expect(report).toContainText('Merged 3 additions from 2 files (Mei, Sam)');
	await expect(report).toContainText('Look alike');
	await expect(page.getByTestId('contribution-count')).toHaveText('3');
	expect(await map(page, (h) => h.nodeIds().length)).toBe(debateFile.claims.length + 3);
	// Both look-alikes answer the same claim: side by side under it.
	const ids = await map(page, (h) => h.nodeIds());
	expect(ids).toContain('my-1');
	expect(ids).toContain('my-1-2');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		menu.locator('button[data-format="yaml"]').click()
	]);
	const merged = parse(readFileSync((await download.path())!, 'utf8'));
	const names = merged.claims
		.filter((c: { contributor?: { name: string } }) => c.contributor)
		.map((c: { contributor: { name: string } }) => c.contributor.name);
	expect(names.sort()).toEqual(['Mei', 'Mei', 'Sam']);
	// One undo takes the whole merge back.
	await page.keyboard.press('Escape');
	await page.getByTestId('contributions').getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('contribution-count')).toHaveText('0');
});

test('a hand-in merged twice adds nothing the second time; a revised one updates the earlier claims, and the report says so', async ({
	page
}, info) => {
	const target = debateFile.claims.find((c) => c.stance === 'pro')!.id;
	const version = (n: number, claims: { id: string; target: string; text: string }[]) =>
		writeHandIn(info.outputPath(`mei-${n}.yaml`), 'Mei', claims);
	const first = await version(1, [
		{ id: 'my-k2x9q1', target, text: 'Benchmarks can be gamed.' },
		{ id: 'my-p0w3z7', target: 'my-k2x9q1', text: 'Scores are checked by others.' }
	]);
	const revised = await version(2, [
		{ id: 'my-k2x9q1', target, text: 'Benchmarks can be gamed, and often are.' },
		{ id: 'my-p0w3z7', target: 'my-k2x9q1', text: 'Scores are checked by others.' },
		{ id: 'my-r5t8u2', target: 'my-k2x9q1', text: 'Nobody audits the test sets.' }
	]);

	await openMap(page);
	await page.getByTestId('export-menu').locator('summary').click();
	const report = page.getByTestId('merge-report');
	await page.getByTestId('merge-files').setInputFiles(first);
	await expect(report).toContainText('Merged 2 additions from 1 file (Mei)');
	await expect(page.getByTestId('contribution-count')).toHaveText('2');

	// The same file again: recognised, nothing copied.
	await page.getByTestId('merge-files').setInputFiles(first);
	await expect(report).toContainText(
		'Mei’s hand-in was merged before, and its claims have not changed: none was added again.'
	);
	await expect(page.getByTestId('contribution-count')).toHaveText('2');

	// A revised hand-in: the changed claim is updated in place, only the new one is added.
	await page.getByTestId('merge-files').setInputFiles(revised);
	await expect(page.getByTestId('merge-resubmitted')).toHaveText(
		'Mei’s hand-in was merged before: 1 claim updated, 1 new, 1 unchanged.'
	);
	await expect(page.getByTestId('contribution-count')).toHaveText('3');
	expect(await map(page, (h) => h.nodeIds().length)).toBe(debateFile.claims.length + 3);
	await expect(page.locator('[role="treeitem"][data-claim="my-k2x9q1"]')).toContainText(
		'Benchmarks can be gamed, and often are.'
	);
	await expect(page.locator('[role="treeitem"][data-claim="my-r5t8u2"]')).toContainText(
		'Nobody audits the test sets.'
	);
});

test("after a merge the teacher sees the class's stance polls: before and after, the shift, the most persuasive; a re-submitted poll replaces the earlier one", async ({
	page
}, info) => {
	// A long story with two accessibility scans: room for a busy machine.
	test.setTimeout(120_000);
	const [persuasive, other] = debateFile.claims.filter((c) => c.stance === 'con');
	const target = debateFile.claims.find((c) => c.stance === 'pro')!.id;
	const answer = (stance: number, minute: number) => ({
		stance,
		at: `2026-11-28T09:${String(minute).padStart(2, '0')}:00Z`
	});
	const file = (name: string) => info.outputPath(name);
	const mei = (after: number) =>
		writeHandIn(
			file(`mei-${after}.yaml`),
			'Mei',
			[{ id: 'my-m1', target, text: 'Open models help small labs.' }],
			{
				before: answer(20, 1),
				after: answer(after, 40),
				persuasive: ['my-m1', persuasive!.id]
			}
		);
	// Sam and Lin only answered the poll: their files add no claim.
	const sam = await writeHandIn(file('Sam.yaml'), 'Sam', [], {
		before: answer(50, 2),
		after: answer(90, 41),
		persuasive: [persuasive!.id, other!.id]
	});
	const lin = await writeHandIn(file('Lin.yaml'), 'Lin', [], {
		before: answer(45, 3),
		persuasive: [persuasive!.id]
	});

	await page.setViewportSize({ width: 1280, height: 1000 });
	await openMap(page);
	await page.getByTestId('export-menu').locator('summary').click();
	await page.getByTestId('merge-files').setInputFiles([await mei(70), sam, lin]);
	await expect(page.getByTestId('merge-polls')).toHaveText('Stance polls from Mei, Sam, Lin.');
	await expect(page.getByTestId('merge-report')).not.toContainText('adds no claims');
	const chart = page.getByTestId('class-poll');
	const cell = (band: string, when: string) =>
		chart.locator(`tr[data-band="${band}"] td[data-when="${when}"]`);
	// Before: Mei 20 (against), Sam 50 and Lin 45 (undecided); after: Mei 70 (for), Sam 90.
	await expect(cell('against', 'before')).toHaveText('1');
	await expect(cell('undecided', 'before')).toHaveText('2');
	await expect(cell('undecided', 'after')).toHaveText('0');
	await expect(cell('for', 'after')).toHaveText('1');
	await expect(cell('strongly-for', 'after')).toHaveText('1');
	// A real table: its headers name each number.
	await expect(chart.getByRole('columnheader', { name: 'After' })).toBeVisible();
	await expect(chart.getByRole('rowheader', { name: /undecided\s*41–59/ })).toBeVisible();
	await expect(page.getByTestId('class-poll-answered')).toHaveText(
		'3 students handed in a poll: 3 answered before the discussion, 2 after it.'
	);
	await expect(page.getByTestId('class-poll-shift')).toHaveText(
		'Average shift: +45 towards the thesis (of the 2 who answered both).'
	);
	const votes = page.getByTestId('class-poll-persuasive').locator('li');
	await expect(votes.first()).toHaveText(`3 students — ${persuasive!.text.en}`);
	// Mei's own claim, marked under its id in her browser, is found under its merged id.
	await expect(votes.filter({ hasText: 'Open models help small labs.' })).toHaveText(
		'1 student — Open models help small labs.'
	);
	await page
		.getByTestId('export-menu')
		.locator('.panel')
		.screenshot({ path: 'screenshots/class-poll.png' });
	// Large, for the projector: the same chart over the page; Esc gives the menu back.
	await page.getByTestId('class-poll-enlarge').click();
	const projector = page.getByTestId('class-poll-projector');
	await expect(projector.getByTestId('class-poll-shift')).toHaveText(
		'Average shift: +45 towards the thesis (of the 2 who answered both).'
	);
	await page.screenshot({ path: 'screenshots/class-poll-projector.png' });
	expect(await violations(page), 'class poll, large').toEqual([]);
	await page.keyboard.press('Escape');
	await expect(projector).toBeHidden();
	await expect(page.getByTestId('merge-report')).toBeVisible();

	// Mei hands in again, having changed her mind after: her poll replaces the first one.
	expect(await violations(page), 'class poll in the menu').toEqual([]);
	await page.getByTestId('merge-files').setInputFiles(await mei(30));
	await expect(page.getByTestId('merge-polls-replaced')).toHaveText(
		'Mei: the new poll replaces the one handed in before.'
	);
	await expect(page.getByTestId('class-poll-answered')).toContainText('3 students handed in');
	await expect(page.getByTestId('class-poll-shift')).toHaveText(
		'Average shift: +25 towards the thesis (of the 2 who answered both).'
	);
	await expect(cell('for', 'after')).toHaveText('0');
	await expect(cell('against', 'after')).toHaveText('1');
	await expect(page.getByTestId('contribution-count')).toHaveText('1');

	// In Chinese too.
	await page.getByRole('button', { name: '中文' }).click();
	await expect(chart.getByRole('heading', { level: 3 })).toHaveText('全班对论题的立场');
	await expect(page.getByTestId('class-poll-shift')).toHaveText(
		'平均变化：+25 更倾向论题（前后都作答的 2 人）。'
	);
	await page
		.getByTestId('export-menu')
		.locator('.panel')
		.screenshot({ path: 'screenshots/class-poll-zh.png' });
});

test('the handout lists every claim with its sources and prints as a PDF on A4 and on Letter', async ({
	page
}) => {
	await openMap(page);
	await page.getByTestId('handout-button').click();
	const handout = page.getByTestId('handout');
	await expect(handout.locator('li[data-claim]')).toHaveCount(debateFile.claims.length);
	for (const c of debateFile.claims.slice(0, 5))
		await expect(handout.locator(`li[data-claim="${c.id}"]`)).toContainText(c.text.en);
	// The map picture is drawn.
	const img = handout.locator('figure img');
	await expect
		.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth))
		.toBeGreaterThan(500);
	await expect(page).toHaveURL(/print=1/);

	await page.emulateMedia({ media: 'print' });
	const a4 = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	await page.emulateMedia({ media: 'screen' });
	await page.getByRole('button', { name: 'Letter' }).click();
	await page.emulateMedia({ media: 'print' });
	const letter = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	const { writeFileSync, mkdirSync } = await import('node:fs');
	mkdirSync('screenshots', { recursive: true });
	writeFileSync('screenshots/handout-a4.pdf', a4);
	const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
	const box = (pdf: Buffer) =>
		pdf
			.toString('latin1')
			.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/)!
			.slice(1)
			.map((v) => Math.round(Number(v)));
	expect(pages(a4)).toBeGreaterThan(2);
	expect(box(a4)).toEqual([595, 842]);
	expect(box(letter)).toEqual([612, 792]);
	await page.emulateMedia({ media: 'screen' });
	await page.keyboard.press('Escape');
	await expect(handout).toBeHidden();
	await expect(page.getByTestId('map')).toBeVisible();
});

test('stance poll: before and after, the shift, the most persuasive claims, kept and handed in', async ({
	page
}) => {
	const [first, second] = debateFile.claims.filter((c) => c.stance === 'con');
	await openMap(page);
	await page.getByTestId('poll-button').click();
	const poll = page.getByTestId('poll');
	await expect(poll).toBeVisible();
	await expect(page.getByTestId('poll-slider')).toBeFocused();
	await page.getByTestId('poll-slider').fill('30');
	await page.getByTestId('poll-why').fill('Misuse worries me.');
	await page.getByTestId('poll-save').click();
	// Saving "before" moves on to "after".
	await expect(poll.getByRole('tab', { name: /After it/ })).toHaveAttribute(
		'aria-selected',
		'true'
	);
	await page.keyboard.press('Escape');
	await expect(poll).toBeHidden();

	for (const c of [first!, second!]) {
		await page.locator(`[role="treeitem"][data-claim="${c.id}"]`).click();
		await page.getByTestId('persuasive').click();
		await expect(page.getByTestId('persuasive')).toHaveAttribute('aria-pressed', 'true');
	}
	await page.reload();
	await page.waitForFunction(() => window.__counterpointMap);
	await page.getByTestId('poll-button').click();
	await page.getByTestId('poll-slider').fill('70');
	await page.getByTestId('poll-save').click();
	await expect(page.getByTestId('poll-shift')).toHaveText('+40 towards the thesis');
	const listed = page.getByTestId('poll-persuasive').locator('li');
	await expect(listed).toHaveCount(2);
	await expect(listed.first()).toHaveText(first!.text.en);
	await page.keyboard.press('Escape');

	const { parse } = await import('yaml');
	const handIn = parse((await handInFile(page)).text).handIn;
	expect(handIn.poll.before).toMatchObject({ stance: 30, why: 'Misuse worries me.' });
	expect(handIn.poll.after.stance).toBe(70);
	expect(handIn.poll.persuasive).toEqual([first!.id, second!.id]);
});

test('a full storage is reported, not swallowed, and the addition stays on screen', async ({
	page
}) => {
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
			if ((window as unknown as { __storageFull?: boolean }).__storageFull)
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		};
	});
	await openMap(page, `?claim=${debateFile.thesis}`);
	await page.evaluate(
		() => ((window as unknown as { __storageFull: boolean }).__storageFull = true)
	);
	await addObjection(page, 'Saved nowhere yet.');
	await expect(page.getByTestId('store-problem')).toContainText('storage is full');
	await expect(page.getByTestId('save-state')).toHaveText('Not saved');
	expect(await map(page, (h) => h.nodeIds().length)).toBe(debateFile.claims.length + 1);
});

test('without browser storage (private mode) the page says so, and additions still work and can be handed in', async ({
	page
}) => {
	await page.addInitScript(() => {
		// What some private modes do: IndexedDB is there, but opening it fails.
		IDBFactory.prototype.open = function () {
			throw new DOMException('The user denied permission to access the database.', 'SecurityError');
		};
	});
	await openMap(page, `?claim=${debateFile.thesis}`);
	await addObjection(page, 'Kept in memory only.');
	await expect(page.getByTestId('store-problem')).toBeVisible();
	await expect(page.getByTestId('save-state')).toHaveText('Not saved');
	expect((await handInFile(page)).text).toContain('Kept in memory only.');
});

test("a student adds a claim after the classroom's connection dropped", async ({
	page,
	context
}) => {
	const target = debateFile.claims.find((c) => c.stance === 'pro')!;
	await openMap(page, `?claim=${target.id}`);
	// The checks for an addition are not in the page's first load; they arrive once it is idle.
	await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
	await page.waitForTimeout(500);
	await context.setOffline(true);
	const id = await addObjection(page, 'Offline, this objection is still kept.');
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');
	await context.setOffline(false);
	await page.reload();
	await expect.poll(() => map(page, (h) => h.nodeIds()).catch(() => [])).toContain(id);
});

test("a student hands in after the classroom's connection dropped: the file still comes, with the additions", async ({
	page,
	context
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	const target = debateFile.claims.find((c) => c.stance === 'pro')!;
	await openMap(page, `?claim=${target.id}`);
	// What hand-in needs is not in the page's first load; it arrives once the page is idle.
	await page.evaluate(() => new Promise((done) => requestIdleCallback(done)));
	await page.waitForLoadState('networkidle');
	await context.setOffline(true);
	await addObjection(page, 'Handed in without a connection.');
	const { name, text } = await handInFile(page);
	expect(name).toBe('llama-open-weights-additions.yaml');
	const { parse } = await import('yaml');
	const file = parse(text);
	expect(
		file.claims
			.filter((c: { contributor?: unknown }) => c.contributor)
			.map((c: { text: unknown }) => c.text)
	).toEqual([{ en: 'Handed in without a connection.' }]);
	await expect(page.getByTestId('hand-in-note')).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('when the YAML writer cannot be loaded at all, the hand-in comes as JSON, said so, and nothing is lost', async ({
	page
}) => {
	// The YAML library never arrives (the connection dropped before the page was idle).
	await interceptChunk(page, 'yaml.document', 'fail');
	await openMap(page, `?claim=${debateFile.thesis}`);
	await addObjection(page, 'Kept, whatever the connection.');
	const { name, text } = await handInFile(page);
	expect(name).toBe('llama-open-weights-additions.json');
	const file = JSON.parse(text);
	expect(file.claims.at(-1)).toMatchObject({ text: { en: 'Kept, whatever the connection.' } });
	await expect(page.getByTestId('hand-in-note')).toContainText(
		'saved as llama-open-weights-additions.json, in Counterpoint JSON'
	);
	await expect(page.getByTestId('contribution-count')).toHaveText('1');
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');
});

test('a double click on "Add" while the checks are still loading adds the claim once', async ({
	page
}) => {
	// Hold the chunk with the additions' checks (it has the form's messages) for a moment.
	await interceptChunk(page, 'put the rest in a source', 1500);
	const target = debateFile.claims.find((c) => c.stance === 'pro')!;
	await openMap(page, `?claim=${target.id}`);
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill('Said twice, added once.');
	await page.getByRole('button', { name: 'Add to the map' }).dblclick();
	await expect(drawerHeading(page)).toHaveText('Said twice, added once.');
	await expect(page.getByTestId('contribution-count')).toHaveText('1');
	await page.waitForTimeout(300);
	await expect(page.getByTestId('contribution-count')).toHaveText('1');
});
