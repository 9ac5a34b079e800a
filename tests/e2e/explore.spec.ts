import { expect, test, type Page } from '@playwright/test';
import { debateFile, map, openMap, tabTo } from './debate';

const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
const children = (id: string) => debateFile.claims.filter((c) => c.target === id).map((c) => c.id);
const below = (id: string): string[] => children(id).flatMap((k) => [k, ...below(k)]);
const pathUp = (id: string): string[] => {
	const t = byId.get(id)!.target;
	return t ? [id, ...pathUp(t)] : [id];
};
/** Which side of the thesis a claim argues, from the file: +1 for, −1 against. */
const sideOf = (id: string): number => {
	const c = byId.get(id)!;
	return c.target ? (c.stance === 'con' ? -1 : 1) * sideOf(c.target) : 1;
};
const nodeIds = (page: Page) => map(page, (h) => h.nodeIds().sort());
const sorted = (ids: string[]) => [...ids].sort();

/** An objection to the thesis with rebuttals under it, so focusing on it shows three levels. */
const deepObjection = debateFile.claims.find(
	(c) => c.target === debateFile.thesis && c.stance === 'con' && below(c.id).length >= 3
)!;

test('focus on a claim shows its path and everything below it; one action returns to the whole map', async ({
	page
}) => {
	await openMap(page, `?claim=${deepObjection.id}`);
	const all = await nodeIds(page);
	await page.getByTestId('focus-claim').click();
	const expected = sorted([...pathUp(deepObjection.id), ...below(deepObjection.id)]);
	await expect.poll(() => nodeIds(page)).toEqual(expected);
	const crumbs = page.getByTestId('breadcrumb');
	await expect(crumbs).toBeVisible();
	await expect(crumbs.locator('[aria-current="location"]')).toBeVisible();
	await expect(page).toHaveURL(new RegExp(`focus=${deepObjection.id}`));
	// The thesis above the focus is drawn faded, as context.
	expect(await map(page, (h, a) => h.classesOf(a), debateFile.thesis)).toContain('context');
	await page.getByTestId('unfocus').click();
	await expect.poll(() => nodeIds(page)).toEqual(all);
	await expect(crumbs).toBeHidden();
	await expect(page).not.toHaveURL(/focus=/);
});

test('a filter link reproduces the same view, with the path to the thesis kept', async ({
	page,
	browser
}) => {
	await openMap(page);
	await page.getByRole('tab', { name: 'Find' }).click();
	await page.locator('input[data-facet="tag"][data-value="safety"]').check();
	await page.locator('input[data-facet="side"][data-value="against"]').check();
	const matches = debateFile.claims.filter((c) => c.tags?.includes('safety'));
	await expect(page.getByTestId('filter-summary')).toContainText('claims match');
	await expect(page).toHaveURL(/tag=safety/);
	await expect(page).toHaveURL(/side=against/);
	const shown = await nodeIds(page);
	expect(shown.length).toBeLessThan(debateFile.claims.length);
	// Every drawn claim is a safety claim or on the way from one to the thesis.
	const allowed = new Set(matches.flatMap((c) => pathUp(c.id)));
	for (const id of shown) expect(allowed.has(id)).toBe(true);

	const other = await browser.newPage({ viewport: { width: 1600, height: 900 } });
	await openMap(other, new URL(page.url()).search);
	expect(await nodeIds(other)).toEqual(shown);
	await other.getByRole('tab', { name: 'Find' }).click();
	await expect(other.locator('input[data-facet="tag"][data-value="safety"]')).toBeChecked();
	await other.close();

	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect.poll(() => nodeIds(page).then((ids) => ids.length)).toBe(debateFile.claims.length);
});

test('search finds a Chinese quote, lists the claim and highlights it on the map', async ({
	page
}) => {
	// A run of Chinese characters from an evidence quote, read from the debate file.
	let phrase = '';
	let owner = '';
	for (const c of debateFile.claims) {
		for (const e of c.evidence) {
			const run = e.quoteLang === 'zh' ? e.quote.match(/[\u4e00-\u9fff]{8,}/)?.[0] : undefined;
			if (run && !phrase && c.id !== debateFile.thesis) {
				phrase = run.slice(0, 8);
				owner = c.id;
			}
		}
	}
	expect(phrase).not.toBe('');
	await openMap(page);
	await page.keyboard.press('/');
	const box = page.getByTestId('search');
	await expect(box).toBeFocused();
	await page.keyboard.type(phrase);
	const results = page.getByTestId('search-results');
	await expect(results.locator(`[data-claim="${owner}"]`)).toBeVisible();
	await expect(results.locator(`[data-claim="${owner}"]`)).toContainText('quote');
	await expect.poll(() => map(page, (h, a) => h.classesOf(a), owner)).toContain('hit');
	expect(await map(page, (h, a) => h.classesOf(a), debateFile.thesis)).toContain('dim');
	await expect(page).toHaveURL(/q=/);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('drawer')).toContainText(phrase);
});

test("the base-score slider changes the thesis meter, and the reader's score is in the link", async ({
	page
}) => {
	await openMap(page, `?claim=${debateFile.thesis}`);
	const strength = page.getByTestId('thesis-strength');
	const before = Number(await strength.textContent());
	const slider = page.getByTestId('base-score');
	await slider.focus();
	for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveValue('0.8');
	await expect.poll(async () => Number(await strength.textContent())).toBeGreaterThan(before + 0.1);
	await expect(page.getByTestId('thesis-meter')).toHaveAttribute(
		'value',
		String(await page.getByTestId('thesis-meter').getAttribute('value'))
	);
	expect(Number(await page.getByTestId('thesis-meter').getAttribute('value'))).toBeGreaterThan(
		before + 0.1
	);
	await expect(page).toHaveURL(new RegExp(`score=${debateFile.thesis}%3A0.8`));
	await page.reload();
	await page.waitForFunction(() => window.__counterpointMap);
	await expect.poll(async () => Number(await strength.textContent())).toBeGreaterThan(before + 0.1);
});

test('a strike-out shows what changed, and undo restores it', async ({ page }) => {
	// A rebuttal: striking it out revives the objection it answered.
	const attackersOf = (id: string) =>
		debateFile.claims.filter((c) => c.target === id && c.stance === 'con');
	const rebuttal = debateFile.claims.find(
		(c) =>
			c.stance === 'con' &&
			byId.get(c.target!)?.stance === 'con' &&
			children(c.id).length === 0 &&
			attackersOf(c.target!).length === 1
	)!;
	await openMap(page, `?claim=${rebuttal.id}`);
	const strength = page.getByTestId('thesis-strength');
	const before = (await strength.textContent())!;
	const targetStanding = await map(page, (h, a) => h.standingOf(a), rebuttal.target!);
	await page.getByTestId('strike').click();
	const summary = page.getByTestId('whatif');
	await expect(summary).toContainText(
		/1 claim struck out\. Thesis \d\.\d\d\d? → \d\.\d\d\d?; \d+ claims? changes? label/
	);
	await expect(page).toHaveURL(new RegExp(`strike=${rebuttal.id}`));
	expect(await map(page, (h, a) => h.classesOf(a), rebuttal.id)).toContain('struck');
	// The objection it answered is no longer defeated: its footer shows the flip.
	await expect
		.poll(() => map(page, (h, a) => h.standingOf(a), rebuttal.target!))
		.not.toBe(targetStanding);
	expect(await map(page, (h, a) => h.classesOf(a), rebuttal.target!)).toContain('changed');
	expect(await map(page, (h, a) => h.standingOf(a), rebuttal.target!)).toContain('→');

	await summary.getByRole('button', { name: 'Undo' }).click();
	await expect(summary).toBeHidden();
	await expect(strength).toHaveText(before);
	expect(await map(page, (h, a) => h.classesOf(a), rebuttal.id)).not.toContain('struck');
	await expect
		.poll(() => map(page, (h, a) => h.standingOf(a), rebuttal.target!))
		.toBe(targetStanding);
	await expect(page).not.toHaveURL(/strike=/);
});

test('keyboard only on the map: Tab in, arrows across three levels, Enter, f, Esc', async ({
	page
}) => {
	await openMap(page);
	await tabTo(page, '[data-testid="map"]');
	const mapBox = page.getByTestId('map');
	await expect(mapBox).toBeFocused();
	// Landing on the map selects the thesis; Right goes down a level in the columns layout.
	await expect.poll(() => map(page, (h) => h.selected())).toEqual([debateFile.thesis]);
	const path: string[] = [debateFile.thesis];
	for (let level = 1; level <= 3; level++) {
		await page.keyboard.press('ArrowRight');
		const [now] = await map(page, (h) => h.selected());
		expect(byId.get(now!)!.target).toBe(path.at(-1));
		path.push(now!);
		if (level === 1) {
			// Down moves to the next claim answering the same one; find one with claims below it.
			let guard = 0;
			while (children((await map(page, (h) => h.selected()))[0]!).length === 0 && guard++ < 60)
				await page.keyboard.press('ArrowDown');
			const [sibling] = await map(page, (h) => h.selected());
			expect(byId.get(sibling!)!.target).toBe(debateFile.thesis);
			if (sibling !== now) {
				await page.keyboard.press('ArrowUp');
				const [previous] = await map(page, (h) => h.selected());
				expect(previous).not.toBe(sibling);
				expect(byId.get(previous!)!.target).toBe(debateFile.thesis);
				await page.keyboard.press('ArrowDown');
			}
			path[1] = sibling!;
			continue;
		}
		if (children(now!).length === 0) break;
	}
	expect(path.length).toBeGreaterThanOrEqual(3);
	const deepest = path.at(-1)!;
	await expect(page.locator('#map-announce')).toContainText(/objections/);
	await page.keyboard.press('Enter');
	const drawer = page.getByTestId('drawer');
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(byId.get(deepest)!.text.en);
	await page.keyboard.press('Escape');
	await expect(drawer).toBeHidden();
	await expect(mapBox).toBeFocused();
	await page.keyboard.press('ArrowLeft');
	expect(await map(page, (h) => h.selected())).toEqual([path.at(-2)]);
	await page.keyboard.press('f');
	await expect(page.getByTestId('breadcrumb')).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('breadcrumb')).toBeHidden();
});

test('folding a branch hides it on the map and in the outline, and says how many it hides', async ({
	page
}) => {
	await openMap(page, `?claim=${deepObjection.id}`);
	await page.getByRole('button', { name: 'Fold the claims below' }).click();
	const hidden = below(deepObjection.id);
	await expect
		.poll(() => nodeIds(page).then((ids) => ids.length))
		.toBe(debateFile.claims.length - hidden.length);
	for (const id of await nodeIds(page)) expect(hidden).not.toContain(id);
	// Zoomed out the short title says how many it hides; zoomed in, the full text says which side.
	expect(await map(page, (h, a) => h.labelOf(a), deepObjection.id)).toContain(`⊕ ${hidden.length}`);
	for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	expect(await map(page, (h, a) => h.labelOf(a), deepObjection.id)).toMatch(
		new RegExp(`${hidden.length} folded: \\d+ for, \\d+ against`)
	);
	await expect(page).toHaveURL(new RegExp(`fold=${deepObjection.id}`));
	await page.keyboard.press('Escape');
	await expect(page.locator(`[role="treeitem"][data-claim="${deepObjection.id}"]`)).toHaveAttribute(
		'aria-expanded',
		'false'
	);
	// On the map, C unfolds the selected claim again.
	await page.getByTestId('map').focus();
	await page.keyboard.press('c');
	await expect.poll(() => nodeIds(page).then((ids) => ids.length)).toBe(debateFile.claims.length);
});

test('"next to argue" lists unanswered objections and picks them out on the map', async ({
	page
}) => {
	await openMap(page);
	await page.getByRole('tab', { name: 'Next to argue' }).click();
	const option = page.getByRole('radio', { name: /Against the thesis, no answer yet/ });
	await option.check();
	const count = Number(await page.locator('label', { has: option }).locator('.n').textContent());
	const items = page.getByTestId('gap-list').locator('[data-claim]');
	await expect(items).toHaveCount(count);
	expect(count).toBeGreaterThan(0);
	for (const id of await items.evaluateAll((els) =>
		els.map((e) => e.getAttribute('data-claim')!)
	)) {
		// It argues against the thesis (stances multiplied up the chain: a pro backing an objection).
		expect(sideOf(id)).toBe(-1);
		// Nobody has objected to it.
		expect(debateFile.claims.some((c) => c.target === id && c.stance === 'con')).toBe(false);
		expect(await map(page, (h, a) => h.classesOf(a), id)).toContain('hit');
	}
	expect(await map(page, (h, a) => h.classesOf(a), debateFile.thesis)).toContain('dim');
});

test('a link with parts that no longer fit the debate opens anyway and says what it ignored', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	await openMap(page, '?focus=no-such-claim&tag=safety&score=p01:9');
	await expect(page.getByRole('status').filter({ hasText: 'ignored' })).toContainText(
		'score=p01:9, focus=no-such-claim'
	);
	// What did fit is applied, and the address is cleaned up.
	await expect(page).toHaveURL(/\?tag=safety$/);
	expect(errors).toEqual([]);
});

test('a claim opened from the outline is shown beside the drawer, not under it', async ({
	page
}) => {
	await openMap(page);
	// The claim drawn furthest right: where the drawer opens.
	const ids = await map(page, (h) => h.nodeIds());
	const xs = await Promise.all(ids.map((id) => map(page, (h, a) => h.renderedCentre(a).x, id)));
	const rightmost = ids[xs.indexOf(Math.max(...xs))]!;
	await page.locator(`[role="treeitem"][data-claim="${rightmost}"]`).click();
	const drawer = await page.getByTestId('drawer').boundingBox();
	await expect
		.poll(async () => {
			const box = await map(page, (h, a) => h.renderedBox(a), rightmost);
			const mapBox = (await page.getByTestId('map').boundingBox())!;
			return mapBox.x + box.x2 <= drawer!.x && mapBox.x + box.x1 >= mapBox.x;
		})
		.toBe(true);
});
