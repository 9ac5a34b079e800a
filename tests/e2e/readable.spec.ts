import { expect, test, type Page } from '@playwright/test';
import { map, openMap, overlappingPairs } from './debate';

/** The smallest claim text a projector must show at Fit, px on screen (issue 18, issue 16). */
const MIN_PX = 16;
const SHOTS = '/work/notes/shots-18';

/** Every claim drawn at least partly inside the map, with its font and what Cytoscape draws. */
async function visibleClaims(page: Page) {
	const area = (await page.getByTestId('map').boundingBox())!;
	const claims = await map(page, (h) =>
		h.nodeIds().map((id) => ({
			id,
			box: h.renderedBox(id),
			font: parseFloat(h.styleOf(id, 'font-size')),
			hideBelow: parseFloat(h.styleOf(id, 'min-zoomed-font-size')),
			label: h.labelOf(id),
			zoom: h.zoom()
		}))
	);
	return claims.filter(
		(c) => c.box.x2 > 0 && c.box.y2 > 0 && c.box.x1 < area.width && c.box.y1 < area.height
	);
}

/** What a reader sees at Fit: every visible claim's text at least MIN_PX, all in one font. */
async function expectReadable(page: Page) {
	const shown = await visibleClaims(page);
	expect(shown.length).toBeGreaterThan(3);
	for (const c of shown) {
		expect(c.font * c.zoom, `${c.id} drawn at ${c.font}px × ${c.zoom}`).toBeGreaterThanOrEqual(
			MIN_PX - 1e-6
		);
		// Drawn, not hidden by Cytoscape's minimum (a blank box).
		expect(c.font * c.zoom).toBeGreaterThanOrEqual(c.hideBelow);
		expect(c.label.trim(), c.id).not.toBe('');
	}
	expect(new Set(shown.map((c) => c.font)).size, 'one font for every claim').toBe(1);
	expect(
		overlappingPairs(
			shown.map((c) => c.id),
			shown.map((c) => c.box)
		)
	).toEqual([]);
	return shown;
}

for (const [width, height] of [
	[1920, 1080],
	[1366, 768]
] as const) {
	test(`at Fit the shipped debate's claims read at ${MIN_PX} px or more, in one font, at ${width}×${height}`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height });
		await openMap(page);
		await expectReadable(page);
		await page.screenshot({ path: `${SHOTS}/fit-${width}x${height}.png` });
		// Zoomed in and back with the Fit button: the same readable map.
		for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
		await page.getByRole('button', { name: 'Fit' }).click();
		await expect
			.poll(async () => Math.min(...(await visibleClaims(page)).map((c) => c.font * c.zoom)))
			.toBeGreaterThanOrEqual(MIN_PX - 1e-6);
		await expectReadable(page);
	});
}

test('zoomed out far, every claim still shows something: a large sign, never a blank box', async ({
	page
}) => {
	await openMap(page);
	const zoomOut = page.getByRole('button', { name: 'Zoom out' });
	for (let i = 0; i < 12; i++) await zoomOut.click();
	await expect.poll(() => map(page, (h) => h.zoom())).toBeLessThan(0.15);
	const claims = await visibleClaims(page);
	expect(claims.length).toBeGreaterThan(10);
	for (const c of claims) {
		expect(c.label.trim(), c.id).not.toBe('');
		expect(c.font * c.zoom, c.id).toBeGreaterThanOrEqual(c.hideBelow);
	}
	expect(new Set(claims.map((c) => c.font)).size).toBe(1);
	await page.screenshot({ path: `${SHOTS}/far-1920x1080.png` });
});

test('an AIF forest of fifty roots opens readable at Fit, one thesis, the rest top-level claims and questions', async ({
	page
}) => {
	await page.goto('/');
	await page
		.getByTestId('import-file')
		.setInputFiles('tests/fixtures/formats/aif/qt30-style-forest.json');
	await expect(page.getByTestId('import-done')).toContainText('69 claims');
	await page.getByTestId('imported-list').locator('a').click();
	await page.waitForFunction(() => window.__counterpointMap?.nodeIds().length);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'The council should build the northern bypass.'
	);
	const shown = await expectReadable(page);
	// Zoomed in enough to read the headers: one THESIS; other roots say what they are.
	for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	const headers = await map(page, (h) =>
		h.nodeIds().map((id) => ({ id, header: h.labelOf(id).split('\n')[0], cls: h.classesOf(id) }))
	);
	expect(headers.filter((n) => n.cls.includes('thesis'))).toHaveLength(1);
	expect(headers.filter((n) => n.cls.includes('root')).length).toBe(49);
	expect(shown.length).toBeGreaterThan(3);
	await page.getByRole('button', { name: 'Fit' }).click();
	await page.screenshot({ path: `${SHOTS}/forest-fit-1920x1080.png` });
});
