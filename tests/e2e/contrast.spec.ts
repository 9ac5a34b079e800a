import { expect, test, type Page } from '@playwright/test';
import { checkToolStates, violations } from './axe';
import { debateFile, map, openMap } from './debate';

/**
 * High contrast (prefers-contrast: more, and forced colours): the map switches to its bolder,
 * darker style as soon as the setting changes, the interface drops its faint greys, and axe
 * (colour contrast included) finds nothing serious in any state.
 */

const objection = debateFile.claims.find(
	(c) => c.stance === 'con' && c.target === debateFile.thesis
)!;
const support = debateFile.claims.find(
	(c) => c.stance === 'pro' && c.target === debateFile.thesis
)!;

const styleOf = (page: Page, id: string, prop: string) =>
	map(
		page,
		(h, a) => h.styleOf(...(JSON.parse(a) as [string, string])),
		JSON.stringify([id, prop])
	);

const css = (page: Page, selector: string, prop: string) =>
	page
		.locator(selector)
		.first()
		.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);

test('more contrast: the map restyles at once — thicker borders and lines, black text, darker pro and con', async ({
	page
}) => {
	await openMap(page);
	const edges = await map(page, (h) => h.edgeIds());
	const edge = edges[0]!;
	const curves = () =>
		map(page, (h) => h.edgeIds().map((id) => `${id}:${h.styleOf(id, 'curve-style')}`));
	const normal = {
		border: await styleOf(page, support.id, 'border-width'),
		edge: await styleOf(page, edge, 'width'),
		colour: await styleOf(page, support.id, 'border-color'),
		curves: await curves()
	};
	expect(normal.border).toBe('3px');
	expect(edges.length).toBeGreaterThan(10);

	await page.emulateMedia({ contrast: 'more' });
	await expect.poll(() => styleOf(page, support.id, 'border-width')).toBe('5px');
	expect(await styleOf(page, debateFile.thesis, 'border-width')).toBe('6px');
	expect(await styleOf(page, edge, 'width')).toBe('6px');
	expect(await styleOf(page, support.id, 'color')).toBe('rgb(0,0,0)');
	expect(await styleOf(page, objection.id, 'color')).toBe('rgb(0,0,0)');
	expect(await styleOf(page, support.id, 'border-color')).not.toBe(normal.colour);
	expect(await styleOf(page, support.id, 'border-color')).toBe('rgb(0,79,124)');
	expect(await styleOf(page, objection.id, 'border-color')).toBe('rgb(143,54,0)');
	// The layout's own routing of the relations (set per edge) survives the new stylesheet.
	expect(await curves()).toEqual(normal.curves);
	// And back, when the setting is turned off.
	await page.emulateMedia({ contrast: 'no-preference' });
	await expect.poll(() => styleOf(page, support.id, 'border-width')).toBe('3px');
	expect(await styleOf(page, edge, 'width')).toBe(normal.edge);
});

test('more contrast: faded claims stay readable (opacity 0.7 or more) and the interface is black on white', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.emulateMedia({ contrast: 'more' });
	await openMap(page, `?claim=${objection.id}`);
	// The toolbar is black with white text; the panel, outline and drawer have no faint greys.
	expect(await css(page, 'header.bar', 'background-color')).toBe('rgb(0, 0, 0)');
	expect(await css(page, '.tools button', 'border-top-color')).toBe('rgb(0, 0, 0)');
	expect(await css(page, '[role="tab"]', 'background-color')).toBe('rgb(255, 255, 255)');
	expect(await css(page, '[role="treeitem"] .relation', 'color')).toBe('rgb(0, 0, 0)');
	expect(await css(page, '[data-testid="drawer"] h3', 'color')).toBe('rgb(0, 0, 0)');
	expect(await css(page, '[data-testid="drawer"]', 'border-left-width')).toBe('3px');
	await page.screenshot({ path: 'screenshots/contrast-map-1920x1080.png' });
	expect(await violations(page), 'map with drawer').toEqual([]);

	for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.screenshot({ path: 'screenshots/contrast-map-zoomed.png' });

	// Focus and a search: the path up is faded context, claims the search does not pick dimmed.
	await openMap(page, `?focus=${objection.id}&q=open`);
	const classes = await map(page, (h) =>
		h.nodeIds().map((id) => [id, h.classesOf(id).join(' ')] as const)
	);
	const faded = classes.filter(([, c]) => /\b(context|dim)\b/.test(c)).map(([id]) => id);
	expect(faded.length).toBeGreaterThan(0);
	for (const id of faded)
		expect(Number(await styleOf(page, id, 'opacity'))).toBeGreaterThanOrEqual(0.7);
	for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.screenshot({ path: 'screenshots/contrast-faded.png' });
	expect(await violations(page), 'focus and search').toEqual([]);

	await checkToolStates(page, 'Next to argue');

	await page.goto('/');
	await page.getByText('…or paste text').click();
	expect(await violations(page), 'library and import').toEqual([]);
});

test('more contrast on a phone: the panel over the map and the bottom sheet pass axe', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.emulateMedia({ contrast: 'more' });
	await openMap(page);
	await page.getByRole('button', { name: 'Panel' }).click();
	expect(await violations(page), 'panel over the map').toEqual([]);
	await page.getByRole('button', { name: 'Panel' }).click();
	await openMap(page, `?claim=${objection.id}`);
	await expect(page.getByTestId('drawer')).toBeVisible();
	await page.screenshot({ path: 'screenshots/contrast-phone-sheet.png' });
	expect(await violations(page), 'bottom sheet').toEqual([]);
});

test('more contrast on a phone: present mode’s black caption keeps its words and its Show-more toggle white', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.emulateMedia({ contrast: 'more' });
	await openMap(page, '?present=1&step=2');
	const toggle = '[data-testid="caption-more"]';
	await expect(page.locator(toggle)).toBeVisible();
	expect(await css(page, '[data-testid="caption"]', 'background-color')).toBe('rgb(0, 0, 0)');
	expect(await css(page, toggle, 'color')).toBe('rgb(255, 255, 255)');
	expect(await css(page, toggle, 'border-top-color')).toBe('rgb(255, 255, 255)');
	await page.locator(toggle).click();
	expect(await css(page, '[data-testid="caption"] .who', 'color')).toBe('rgb(255, 255, 255)');
	await page.screenshot({ path: 'screenshots/contrast-phone-present.png' });
	expect(await violations(page), 'present mode on a phone').toEqual([]);
});

test('forced colours (a Windows contrast theme): the map keeps its own ground and its high-contrast style', async ({
	page
}) => {
	await page.emulateMedia({ forcedColors: 'active' });
	await openMap(page, `?claim=${objection.id}`);
	expect(await styleOf(page, support.id, 'border-width')).toBe('5px');
	expect(await css(page, '[data-testid="map"]', 'forced-color-adjust')).toBe('none');
	await page.screenshot({ path: 'screenshots/forced-colours.png' });
});
