import { expect, test } from '@playwright/test';
import { debateFile, map, openMap } from './debate';

const SIZES = [
	{ name: 'projector', width: 1920, height: 1080 },
	{ name: 'laptop', width: 1366, height: 768 },
	{ name: 'tablet', width: 1024, height: 768 },
	{ name: 'phone', width: 390, height: 844 }
] as const;

const objection = debateFile.claims.find(
	(c) => c.stance === 'con' && c.target === debateFile.thesis
)!;

for (const size of SIZES) {
	test(`usable at ${size.width}×${size.height} (${size.name}): nothing overflows, the map and the drawer fit`, async ({
		page
	}) => {
		await page.setViewportSize({ width: size.width, height: size.height });
		await openMap(page);
		// The page itself never scrolls sideways.
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			size.width
		);
		const mapBox = (await page.getByTestId('map').boundingBox())!;
		expect(mapBox.width).toBeGreaterThan(size.width * 0.5);
		expect(mapBox.height).toBeGreaterThan(size.height * 0.4);
		expect(await map(page, (h) => h.nodeIds().length)).toBe(debateFile.claims.length);
		await page.screenshot({ path: `screenshots/map-${size.width}x${size.height}.png` });

		// Every tool is reachable: inline on wide screens, in the Tools menu on small ones.
		const present = page.getByTestId('present');
		if (!(await present.isVisible())) await page.getByText('Tools', { exact: true }).click();
		await expect(present).toBeVisible();
		await page.keyboard.press('Escape');

		await page.goto(`/debate/${'llama-open-weights'}?claim=${objection.id}`);
		const drawer = page.getByTestId('drawer');
		await expect(drawer).toBeVisible();
		const d = (await drawer.boundingBox())!;
		if (size.width <= 760) {
			// A bottom sheet: full width, the upper part of the map left free.
			expect(d.width).toBeGreaterThanOrEqual(size.width - 1);
			expect(d.y).toBeGreaterThan(size.height * 0.3);
		} else {
			expect(d.x).toBeGreaterThan(size.width * 0.4);
		}
		// The claim opened is visible beside or above the drawer.
		await expect
			.poll(async () => {
				const box = await map(page, (h, a) => h.renderedBox(a), objection.id);
				const m = (await page.getByTestId('map').boundingBox())!;
				const right = m.x + box.x2;
				const bottom = m.y + box.y2;
				return size.width <= 760 ? bottom <= d.y + 1 : right <= d.x + 1;
			})
			.toBe(true);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			size.width
		);
		await page.screenshot({ path: `screenshots/drawer-${size.width}x${size.height}.png` });
	});
}

test('on a phone the side panel opens over the map and closes again', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await openMap(page);
	await expect(page.getByRole('tree')).toBeHidden();
	await page.getByRole('button', { name: 'Panel' }).click();
	const tree = page.getByRole('tree');
	await expect(tree).toBeVisible();
	const box = (await page.locator('aside.outline-pane').boundingBox())!;
	expect(box.width).toBeGreaterThanOrEqual(389);
	await page.getByRole('treeitem').first().click();
	const drawer = page.getByTestId('drawer');
	await expect(drawer).toBeVisible();
	// The claim's evidence is a bottom sheet over the panel (not hidden under it), and modal:
	// it closes before anything else is used.
	const d = (await drawer.boundingBox())!;
	const onTop = await page.evaluate(
		([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[data-testid="drawer"]'),
		[d.x + d.width / 2, d.y + 40]
	);
	expect(onTop).toBe(true);
	await expect(page.locator('header.bar')).toHaveAttribute('inert', '');
	await page.screenshot({ path: 'screenshots/panel-and-sheet-390x844.png' });
	await drawer.getByRole('button', { name: 'Close the evidence drawer' }).click();
	await expect(drawer).toBeHidden();
	await expect(page.getByRole('treeitem').first()).toBeFocused();
	await page.getByRole('button', { name: 'Panel' }).click();
	await expect(tree).toBeHidden();
});

test('pro and con stay distinguishable for a reader with deuteranopia (simulated)', async ({
	page
}) => {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'deuteranopia' });
	await openMap(page, `?claim=${objection.id}`);
	for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	// For a person to look at: borders (solid/dashed), glyphs and header words carry the difference.
	await page.screenshot({ path: 'screenshots/map-deuteranopia.png' });
	await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
	// The distinction is also in words, not only colour: every claim's label says Pro or Con.
	const labels = await Promise.all(
		debateFile.claims
			.filter((c) => c.stance)
			.slice(0, 10)
			.map((c) => map(page, (h, a) => h.labelOf(a), c.id))
	);
	for (const l of labels) expect(l).toMatch(/Pro|Con|\+|＋|−/);
});
