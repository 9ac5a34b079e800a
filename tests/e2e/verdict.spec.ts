import { expect, test } from '@playwright/test';
import { debateFile, map, openMap } from './debate';

/** Objections aimed straight at the thesis, from the file. */
const thesisObjections = new Set(
	debateFile.claims
		.filter((c) => c.target === debateFile.thesis && c.stance === 'con')
		.map((c) => c.id)
);

test('the thesis headline says in plain words which objections have no answer, each a link', async ({
	page
}) => {
	await openMap(page);
	const bar = page.getByTestId('thesis-standing');
	const verdict = bar.getByTestId('verdict');
	await expect(verdict).toContainText('contested');
	// Not the jargon, not "defeated": the precise term waits behind a click.
	await expect(bar).not.toContainText('OUT');
	await expect(bar).not.toContainText('defeated');
	const summary = (await verdict.getByTestId('verdict-summary').textContent())!;
	const count = Number(/(\d+) objections? (has|have) no answer yet/.exec(summary)?.[1]);
	expect(count).toBeGreaterThan(0);
	const links = verdict.getByTestId('verdict-standing').locator('[data-claim-link]');
	await expect(links).toHaveCount(Math.min(3, count));
	for (const id of await links.evaluateAll((as) =>
		as.map((a) => a.getAttribute('data-claim-link'))
	))
		expect(thesisObjections.has(id!), `${id} objects to the thesis`).toBe(true);

	await verdict.getByTestId('precise-toggle').click();
	await expect(verdict.getByTestId('precise')).toContainText('grounded label OUT');

	// A link opens that objection in the drawer, where its own verdict says it holds.
	const first = (await links.first().getAttribute('data-claim-link'))!;
	await links.first().click();
	await expect(page).toHaveURL(new RegExp(`claim=${first}`));
	await expect(page.getByTestId('standing').getByTestId('verdict')).toHaveAttribute(
		'data-label',
		'IN'
	);
});

test('the drawer gives the chain of reasons, each a link, and the working of the strength', async ({
	page
}) => {
	await openMap(page, `?claim=${debateFile.thesis}`);
	const chain = page.getByTestId('why-chain');
	// One step per objection to the thesis, the standing ones first.
	await expect(chain.locator('li')).toHaveCount(thesisObjections.size);
	await expect(chain.locator('li').first()).toHaveAttribute('data-reason', 'stands');
	await expect(chain.locator('li').first()).toContainText('stands (nothing answers it)');
	await expect(chain.locator('li[data-reason="falls"]').first()).toContainText('knocked down by');

	const working = page.getByTestId('working');
	await working.locator('summary').click();
	await expect(working).toContainText('Base score');
	const strength = (await page.getByTestId('claim-strength').textContent())!;
	// The formula ends in the strength shown above it.
	await expect(working.getByTestId('working-numbers')).toHaveText(
		new RegExp(`= ${strength}$|^${strength}$`)
	);

	// Following a step moves the drawer to that claim.
	const step = chain.locator('li[data-reason="falls"] [data-claim-link]').nth(1);
	const id = (await step.getAttribute('data-claim-link'))!;
	await step.click();
	await expect(page).toHaveURL(new RegExp(`claim=${id}`));
});

test('Chinese words for the verdict, without the doubled label', async ({ page }) => {
	await openMap(page, `?claim=${debateFile.thesis}&lang=zh`);
	const verdict = page.getByTestId('thesis-standing').getByTestId('verdict');
	await expect(verdict).toContainText('受质疑');
	await expect(verdict).toContainText(/有 \d+ 条异议尚无人回应/);
	const standing = page.getByTestId('standing');
	await expect(standing).not.toContainText('被驳倒');
	await expect(page.getByTestId('why-chain').locator('li').first()).toContainText('没有人回应它');
});

/** The strength each listed claim shows ("strength 0.62"), in list order. */
async function strengthsShown(list: import('@playwright/test').Locator): Promise<number[]> {
	const texts = await list.allTextContents();
	return texts.map((t) => Number(/(\d\.\d\d)/.exec(t)?.[1]));
}
const descending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! >= x);

test('Find and Next to argue list strongest first on request', async ({ page }) => {
	await openMap(page);
	await page.getByRole('tab', { name: 'Find' }).click();
	await page.getByTestId('search').fill('open');
	const hits = page.getByTestId('search-results').locator('[data-claim]');
	await expect.poll(() => hits.count()).toBeGreaterThan(3);
	const byMatch = await hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
	await page.getByTestId('sort-strongest').check();
	const shown = await strengthsShown(hits.locator('.where'));
	expect(shown.length).toBe(byMatch.length);
	expect(shown.every((x) => x >= 0 && x <= 1)).toBe(true);
	expect(descending(shown), shown.join(' ')).toBe(true);
	const byStrength = await hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
	expect(byStrength).not.toEqual(byMatch);
	expect([...byStrength].sort()).toEqual([...byMatch].sort());

	await page.getByRole('tab', { name: 'Next to argue' }).click();
	await expect(page.getByTestId('gap-sort-strongest')).toBeChecked();
	const gaps = page.getByTestId('gap-list').locator('[data-claim]');
	expect(descending(await strengthsShown(gaps))).toBe(true);
});

test('"Strongest" shows the best case against and for the thesis, picked out on the map', async ({
	page
}) => {
	await openMap(page);
	await page.getByRole('tab', { name: 'Strongest' }).click();
	for (const side of ['objections', 'support']) {
		const items = page.getByTestId(`strongest-${side}`).locator('[data-claim]');
		await expect(items).toHaveCount(5);
		expect(descending(await strengthsShown(items))).toBe(true);
	}
	// The strongest objection is one that argues against the thesis.
	const best = page.getByTestId('strongest-objections').locator('[data-claim]').first();
	const id = (await best.getAttribute('data-claim'))!;
	const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
	const sideOf = (x: string): number => {
		const c = byId.get(x)!;
		return c.target ? (c.stance === 'con' ? -1 : 1) * sideOf(c.target) : 1;
	};
	expect(sideOf(id)).toBe(-1);
	expect(await map(page, (h, a) => h.classesOf(a), id)).toContain('hit');
	await page.getByRole('button', { name: 'Show more' }).click();
	await expect(page.getByTestId('strongest-objections').locator('[data-claim]')).toHaveCount(10);
	await best.click();
	await expect(page).toHaveURL(new RegExp(`claim=${id}`));
});

test('a what-if names the claims whose label flipped, as links, without the struck claim', async ({
	page
}) => {
	// A rebuttal with its own target answered by nothing else: striking it revives that target.
	const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
	const rebuttal = debateFile.claims.find(
		(c) =>
			c.stance === 'con' &&
			byId.get(c.target!)?.stance === 'con' &&
			debateFile.claims.filter((d) => d.target === c.target && d.stance === 'con').length === 1 &&
			!debateFile.claims.some((d) => d.target === c.id)
	)!;
	await openMap(page, `?claim=${rebuttal.id}`);
	await page.getByTestId('strike').click();
	const bar = page.getByTestId('whatif');
	const changed = bar.getByTestId('whatif-changed');
	const links = changed.locator('[data-claim-link]');
	await expect(links.first()).toBeVisible();
	const ids = await links.evaluateAll((as) => as.map((a) => a.getAttribute('data-claim-link')));
	expect(ids).toContain(rebuttal.target);
	expect(ids).not.toContain(rebuttal.id);
	expect(ids).not.toContain(debateFile.thesis);
	// The count says as many as are listed: the struck claim is not counted as a change.
	const count = Number(/(\d+) claims? changes? label/.exec((await bar.textContent())!)?.[1]);
	expect(count).toBe(ids.length);
	await expect(changed).toContainText('contested → holds');
	// Each listed claim wears the what-if ring on the map.
	for (const id of ids) expect(await map(page, (h, a) => h.classesOf(a), id!)).toContain('changed');
	await links.first().click();
	await expect(page).toHaveURL(new RegExp(`claim=${ids[0]}`));
});

test('"How to read this map" opens from the map in large type, in both languages', async ({
	page
}) => {
	await openMap(page);
	await page.getByRole('button', { name: 'How to read this map' }).click();
	const help = page.getByRole('dialog', { name: 'How to read this map' });
	await expect(help).toBeVisible();
	for (const words of ['Arrows and bars', 'Holds, contested, unsettled', 'Strength', 'What if?'])
		await expect(help.getByRole('heading', { name: words })).toBeVisible();
	// Large enough to project: the body text is at least 24 px on a 1920-pixel screen.
	const size = await help
		.locator('p')
		.first()
		.evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
	expect(size).toBeGreaterThanOrEqual(24);
	await page.keyboard.press('Escape');
	await expect(help).toBeHidden();

	await page.getByRole('button', { name: '中文' }).click();
	await page.getByRole('button', { name: '如何阅读这张图' }).click();
	await expect(page.getByRole('dialog', { name: '如何阅读这张图' })).toContainText('站得住');
});

test('a claim answering an objection says so on the map, not "Con · for thesis"', async ({
	page
}) => {
	const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
	const answer = debateFile.claims.find(
		(c) =>
			c.stance === 'con' &&
			byId.get(c.target!)?.stance === 'con' &&
			byId.get(c.target!)!.target === debateFile.thesis
	)!;
	await openMap(page);
	for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	await expect
		.poll(() => map(page, (h, id) => h.labelOf(id), answer.id))
		.toMatch(/^− Answers an objection\n/);
});
