import { expect, test } from '@playwright/test';
import { DEBATE_ID, debateFile, map, openMap, overlappingPairs, tabTo } from './debate';

const SHOTS = 'screenshots';
const claimIds = debateFile.claims.map((c) => c.id);
const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
/** A claim deep in the map with a quote and a linked source, to open in the drawer. */
const sample = debateFile.claims.find(
	(c) => c.target && c.evidence.some((e) => debateFile.sources.find((s) => s.id === e.source)?.url)
)!;

test('the library lists the shipped debate with its counts', async ({ page }) => {
	await page.goto('/');
	const link = page.getByRole('link', { name: /Llama/ });
	await expect(link).toBeVisible();
	await expect(link).toContainText(`${claimIds.length} claims`);
	await expect(link).toContainText(/＋ \d+ for/);
	await link.click();
	await expect(page).toHaveURL(new RegExp(`/debate/${DEBATE_ID}`));
});

test('the map draws one node per claim and one edge per relation, and the outline lists the same claims', async ({
	page
}) => {
	await openMap(page);
	const nodes = await map(page, (h) => h.nodeIds());
	expect(nodes.sort()).toEqual([...claimIds].sort());
	const items = await page
		.getByRole('treeitem')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-claim')));
	expect(items.sort()).toEqual([...claimIds].sort());
	const edges = await map(page, (h) => h.edgeIds());
	const relations = debateFile.claims.reduce(
		(n, c) => n + (c.target ? 1 : 0) + ((c as { also?: unknown[] }).also?.length ?? 0),
		0
	);
	expect(edges).toHaveLength(relations);
	await page.screenshot({ path: `${SHOTS}/map-1920x1080.png` });
});

test('no two claims overlap on the map, and it opens on the thesis with the left edge of the map in view', async ({
	page
}) => {
	await openMap(page);
	const boxes = await Promise.all(claimIds.map((id) => map(page, (h, a) => h.renderedBox(a), id)));
	const area = await page.getByTestId('map').boundingBox();
	// The map opens readable (readable.spec.ts), so a big one is panned rather than shrunk: the
	// thesis is whole on screen, and the map starts at the left, nothing left of the window.
	const thesis = boxes[claimIds.indexOf(debateFile.thesis)]!;
	expect(thesis.x1).toBeGreaterThanOrEqual(-1);
	expect(thesis.x2).toBeLessThanOrEqual(area!.width + 1);
	expect(thesis.y1).toBeGreaterThanOrEqual(-1);
	expect(thesis.y2).toBeLessThanOrEqual(area!.height + 1);
	expect(Math.min(...boxes.map((b) => b.x1))).toBeGreaterThanOrEqual(-1);
	expect(overlappingPairs(claimIds, boxes)).toEqual([]);
});

test('zoomed out the map shows short titles; zoomed in, the full claim text', async ({ page }) => {
	await openMap(page);
	const thesis = debateFile.thesis;
	expect(await map(page, (h) => h.zoom())).toBeLessThan(0.7);
	const far = await map(page, (h, a) => h.labelOf(a), thesis);
	expect(far.replace(/\s+/g, ' ')).not.toContain(byId.get(thesis)!.text.en);
	for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	const near = await map(page, (h, a) => h.labelOf(a), thesis);
	expect(near.replace(/\s+/g, ' ')).toContain(
		byId.get(thesis)!.text.en.split(' ').slice(0, 4).join(' ')
	);
	await page.getByRole('button', { name: 'Fit' }).click();
	await expect.poll(() => map(page, (h) => h.zoom())).toBeLessThan(0.7);
});

test('clicking a node opens its evidence drawer with the quote and a safe source link', async ({
	page
}) => {
	await openMap(page);
	const centre = await map(page, (h, a) => h.renderedCentre(a), sample.id);
	await page.mouse.click(centre.x, centre.y);
	const drawer = page.getByTestId('drawer');
	await expect(drawer).toBeVisible();
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(sample.text.en);
	await expect(drawer.locator('blockquote').first()).toHaveText(sample.evidence[0]!.quote);
	const source = debateFile.sources.find(
		(s) =>
			s.id ===
			sample.evidence.find((e) => debateFile.sources.find((s) => s.id === e.source)?.url)!.source
	)!;
	const link = drawer.locator(`a[href="${source.url}"]`).first();
	await expect(link).toHaveAttribute('target', '_blank');
	await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
	await expect(page).toHaveURL(new RegExp(`\\?claim=${sample.id}$`));
	expect(await map(page, (h) => h.selected())).toEqual([sample.id]);
	await page.screenshot({ path: `${SHOTS}/drawer-1920x1080.png` });
});

test('a ?claim= link opens that drawer on load, and its links move the selection', async ({
	page
}) => {
	const objection = debateFile.claims.find(
		(c) => c.stance === 'con' && c.target && c.target !== debateFile.thesis
	)!;
	await openMap(page, `?claim=${objection.id}`);
	const drawer = page.getByTestId('drawer');
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(objection.text.en);
	await drawer.locator(`dd a[data-claim-link="${objection.target}"]`).click();
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(
		byId.get(objection.target!)!.text.en
	);
	await expect(page).toHaveURL(new RegExp(`\\?claim=${objection.target}$`));
	await expect(
		drawer
			.getByRole('region', { name: /Attacked by/ })
			.or(drawer.locator('section', { hasText: 'Attacked by' }))
	).toContainText(objection.text.en);
});

test('the outline scrolls to the claim opened from a link or the drawer, so it shows where the reader is', async ({
	page
}) => {
	const row = (id: string) => page.locator(`[role="treeitem"][data-claim="${id}"]`);
	const last = debateFile.claims.at(-1)!;
	await openMap(page, `?claim=${last.id}`);
	await expect(row(last.id)).toBeInViewport();
	// Up to the claim it answers, by the drawer's link: that row comes into view.
	await page
		.getByTestId('drawer')
		.locator(`dd a[data-claim-link="${last.target}"]`)
		.first()
		.click();
	await expect(row(last.target as string)).toBeInViewport();
});

test('keyboard only: Tab to the outline, arrow to a claim, Enter opens the drawer, Esc closes it', async ({
	page
}) => {
	await openMap(page);
	await tabTo(page, '[role="treeitem"]');
	await expect(page.getByRole('treeitem').first()).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	const third = page.getByRole('treeitem').nth(2);
	await expect(third).toBeFocused();
	const id = (await third.getAttribute('data-claim'))!;
	await page.keyboard.press('Enter');
	const drawer = page.getByTestId('drawer');
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(byId.get(id)!.text.en);
	await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(drawer).toBeHidden();
	await expect(page.getByRole('treeitem').nth(2)).toBeFocused();
	await expect(page).not.toHaveURL(/claim=/);
	// Left collapses the thesis; its claims leave the outline.
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByRole('treeitem')).toHaveCount(1);
	await expect(page.getByRole('treeitem').first()).toHaveAttribute('aria-expanded', 'false');
});

test('the claims switch to Chinese, and the choice is in the URL', async ({ page }) => {
	await openMap(page);
	await page.getByRole('button', { name: '中文' }).click();
	await expect(page).toHaveURL(/lang=zh/);
	const thesis = byId.get(debateFile.thesis)!;
	await expect(page.getByRole('treeitem').first()).toContainText(thesis.text.zh);
	await page.screenshot({ path: `${SHOTS}/map-zh-1920x1080.png` });
});

test('the tree layout (dagre) draws the same claims with the thesis on top and no overlaps', async ({
	page
}) => {
	await openMap(page);
	await page.getByRole('button', { name: 'Tree' }).click();
	await expect(page.getByRole('button', { name: 'Tree' })).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('map')).toHaveAttribute('data-engine', 'dagre');
	await expect.poll(() => map(page, (h) => h.nodeIds().length)).toBe(claimIds.length);
	const boxes = await Promise.all(claimIds.map((id) => map(page, (h, a) => h.renderedBox(a), id)));
	const thesis = boxes[claimIds.indexOf(debateFile.thesis)]!;
	for (const b of boxes) if (b !== thesis) expect(b.y1).toBeGreaterThan(thesis.y1);
	expect(overlappingPairs(claimIds, boxes)).toEqual([]);
});

test('a link opens straight on the view it names: the map is laid out once, not a default first', async ({
	page
}) => {
	const layouts = () =>
		page.evaluate(() => performance.getEntriesByName('counterpoint:layout').length);
	await openMap(page);
	expect(await layouts()).toBe(1);
	const deep = debateFile.claims.find((c) => c.target && c.target !== debateFile.thesis)!;
	await openMap(page, `?focus=${deep.id}`);
	expect(await layouts()).toBe(1);
	// The one map built is the focused one: the claim, its path up and what answers it, no more.
	const nodes = await map(page, (h) => h.nodeIds());
	expect(nodes).toContain(deep.id);
	expect(nodes.length).toBeLessThan(claimIds.length);
});

test('a reader’s page carries no test surface: the map hook is there only under automation', async ({
	page
}) => {
	// As a browser nobody drives: navigator.webdriver is false.
	await page.addInitScript(() =>
		Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => false })
	);
	await page.goto(`/debate/${DEBATE_ID}`);
	// The map is drawn (its container says how many claims), and still nothing is on window.
	await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', String(claimIds.length));
	expect(await page.evaluate(() => navigator.webdriver)).toBe(false);
	expect(await page.evaluate(() => '__counterpointMap' in window)).toBe(false);
});

test('on a laptop the debate’s title keeps room for its first words beside or above the tools', async ({
	page
}) => {
	for (const [width, height] of [
		[1366, 768],
		[1280, 720],
		[1920, 1080]
	] as const) {
		await page.setViewportSize({ width, height });
		await openMap(page);
		const title = page.getByTestId('debate-title');
		await expect(title).toBeVisible();
		// 8rem at least: "Should Meta rel…", never cut to a letter by the toolbar.
		expect((await title.boundingBox())!.width, `${width}×${height}`).toBeGreaterThanOrEqual(128);
	}
});
