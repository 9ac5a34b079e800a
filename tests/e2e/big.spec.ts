import { expect, test, type Page } from '@playwright/test';
import { syntheticDebate } from '../../scripts/synthetic';
import { loadDebate } from '../../src/lib/core/load';
import { buildGraph } from '../../src/lib/core/model';
import { computeVisibility, emptyFilters, foldedByLevels } from '../../src/lib/core/view';
import { DAGRE_MAX_CLAIMS } from '../../src/lib/map/layout';
import { map } from './debate';

/** Imports a synthetic debate of `n` claims (tree + cross-links) and opens its map. */
async function openBig(page: Page, n: number) {
	await page.goto('/');
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await page.getByTestId('import-file').setInputFiles({
		name: `synthetic-${n}.json`,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(syntheticDebate(n, 'tree+links')))
	});
	await expect(page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
	// Read, checked and stored by the import worker, not on the page's thread.
	expect(
		await page.evaluate(
			"performance.getEntriesByType('resource').some((e) => e.name.includes('imported.worker'))"
		)
	).toBe(true);
	await page.getByTestId('import-done').getByRole('link').click();
	await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', /\d+/, { timeout: 30_000 });
}

const drawnIds = (page: Page) => map(page, (h) => h.nodeIds());
const outlineIds = (page: Page) =>
	page.locator('[role="treeitem"]').evaluateAll((items) => items.map((i) => i.dataset.claim));

test('a 3,000-claim debate opens with its first levels, folded with counts, map and outline alike', async ({
	page
}) => {
	await openBig(page, 3000);
	const drawn = await drawnIds(page);
	expect(drawn.length).toBeGreaterThan(10);
	expect(drawn.length).toBeLessThanOrEqual(150);
	expect((await outlineIds(page)).sort()).toEqual([...drawn].sort());
	await expect(page.getByTestId('levels-note')).toContainText('of 3,000 claims shown');
	// A folded claim says how much it hides, on the map and in the outline.
	const id = (await page
		.locator('[role="treeitem"][aria-expanded="false"]')
		.first()
		.getAttribute('data-claim'))!;
	const folded = page.locator(`[role="treeitem"][data-claim="${id}"]`);
	expect(await map(page, (h, c) => h.labelOf(c), id)).toMatch(/⊕ \d+/);

	// Opening it shows its answers, and the claim stays where it was on screen.
	await folded.click();
	await page.keyboard.press('Escape');
	const before = await map(page, (h, c) => h.renderedCentre(c), id);
	await folded.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(async () => (await drawnIds(page)).length).toBeGreaterThan(drawn.length);
	await expect(folded).toHaveAttribute('aria-expanded', 'true');
	const after = await map(page, (h, c) => h.renderedCentre(c), id);
	expect(Math.abs(after.x - before.x)).toBeLessThan(2);
	expect(Math.abs(after.y - before.y)).toBeLessThan(2);
	await expect(page).toHaveURL(/unfold=/);

	// Fewer levels: only the thesis's own answers.
	await page.getByTestId('levels').selectOption('1');
	await expect.poll(async () => (await outlineIds(page)).length).toBeLessThan(drawn.length);
	await expect(page).toHaveURL(/levels=1/);
	expect((await outlineIds(page)).sort()).toEqual((await drawnIds(page)).sort());
});

test('a classroom-sized debate shows every level and no levels note', async ({ page }) => {
	await openBig(page, 100);
	expect((await drawnIds(page)).length).toBe(100);
	await expect(page.getByTestId('levels')).toHaveValue('all');
	await expect(page.getByTestId('levels-note')).toHaveCount(0);
});

test('the tree view uses dagre for a small map and the linear tidy tree for a big one', async ({
	page
}) => {
	await openBig(page, 3000);
	await page.getByRole('button', { name: 'Tree' }).click();
	await expect(page.getByTestId('map')).toHaveAttribute('data-engine', 'dagre');
	// The fewest levels that draw more claims than dagre is used for.
	const loaded = loadDebate(JSON.stringify(syntheticDebate(3000, 'tree+links')));
	if (!loaded.ok) throw new Error('synthetic debate invalid');
	const graph = buildGraph(loaded.value);
	const drawnAt = (levels: number) =>
		computeVisibility(graph, {
			folded: foldedByLevels(graph, levels, new Set()),
			filters: emptyFilters()
		}).visible.length;
	let levels = 1;
	while (drawnAt(levels) <= DAGRE_MAX_CLAIMS) levels++;
	await page.getByTestId('levels').selectOption(String(levels));
	await expect(page.getByTestId('map')).toHaveAttribute('data-engine', 'tidy');
	const drawn = await drawnIds(page);
	expect(drawn).toHaveLength(drawnAt(levels));
	// Laid out: claims do not all sit at one point.
	const xs = new Set(
		await Promise.all(
			drawn.slice(0, 20).map((id) => map(page, (h, c) => Math.round(h.renderedCentre(c).x), id))
		)
	);
	expect(xs.size).toBeGreaterThan(5);
});

test('a claim opened by link (or from search) deep below the level limit is unfolded and shown', async ({
	page
}) => {
	await openBig(page, 3000);
	const loaded = loadDebate(JSON.stringify(syntheticDebate(3000, 'tree+links')));
	if (!loaded.ok) throw new Error('synthetic debate invalid');
	const graph = buildGraph(loaded.value);
	const deep = graph.order.find((id) => graph.depth.get(id)! >= 6)!;
	expect(await drawnIds(page)).not.toContain(deep);
	await page.goto(`${page.url()}&claim=${deep}`);
	await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', /\d+/);
	await expect.poll(async () => drawnIds(page)).toContain(deep);
	await expect(page.getByTestId('drawer')).toBeVisible();
	// Its whole path is open, and the claim is in the outline too.
	await expect(page.locator(`[role="treeitem"][data-claim="${deep}"]`)).toBeVisible();
});
