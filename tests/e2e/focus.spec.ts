import { expect, test, type Page } from '@playwright/test';
import { debateFile, openMap, tabTo } from './debate';

/**
 * Drawer, dialogs and menus: focus moves in when they open, stays in while a modal one is open,
 * and goes back to where it came from when they close. Everything by keyboard.
 */

/** Where focus is, as a short description, and whether it is inside `selector`. */
const focusIn = (page: Page, selector: string) =>
	page.evaluate((s) => {
		const a = document.activeElement;
		return !!a && a !== document.body && !!a.closest(s);
	}, selector);

const described = (page: Page) =>
	page.evaluate(() => {
		const a = document.activeElement;
		return a ? `${a.tagName.toLowerCase()} ${(a.textContent ?? '').trim().slice(0, 30)}` : 'none';
	});

/** Presses `key` `times` times; after each press focus must be inside `selector`. */
async function staysIn(page: Page, selector: string, key: string, times: number) {
	const seen = new Set<string>();
	for (let i = 0; i < times; i++) {
		await page.keyboard.press(key);
		expect(await focusIn(page, selector), `${key} ×${i + 1}: ${await described(page)}`).toBe(true);
		seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
	}
	return seen.size;
}

/** How many Tab stops `selector` has (what Tab must go round). */
const stops = (page: Page, selector: string) =>
	page
		.locator(selector)
		.evaluate(
			(root) =>
				[
					...root.querySelectorAll<HTMLElement>(
						'a[href], button, input, select, textarea, summary, [tabindex]'
					)
				].filter(
					(el) => el.tabIndex >= 0 && el.checkVisibility() && !(el as HTMLButtonElement).disabled
				).length
		);

const claim = debateFile.claims.find((c) => c.stance === 'con' && c.target === debateFile.thesis)!;

test.describe('wide screen', () => {
	test('the evidence drawer: focus moves in, is not trapped (the map stays usable), Esc gives it back to the outline row', async ({
		page
	}) => {
		await openMap(page);
		await tabTo(page, '[role="treeitem"]');
		await page.keyboard.press('ArrowDown');
		const row = page.locator('[role="treeitem"]').nth(1);
		await expect(row).toBeFocused();
		await page.keyboard.press('Enter');
		const drawer = page.getByTestId('drawer');
		await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
		// A side panel beside a usable map: nothing on the page is inert.
		expect(await page.locator('[inert]').count()).toBe(0);
		await page.keyboard.press('Tab');
		expect(await focusIn(page, '[data-testid="drawer"]')).toBe(true);
		await page.keyboard.press('Escape');
		await expect(drawer).toBeHidden();
		await expect(row).toBeFocused();

		// Not a trap: Tab walks out of the drawer, on to the rest of the page.
		await page.keyboard.press('Enter');
		await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
		const n = await stops(page, '[data-testid="drawer"]');
		let left = false;
		for (let i = 0; i <= n + 2 && !left; i++) {
			await page.keyboard.press('Tab');
			left = !(await focusIn(page, '[data-testid="drawer"]'));
		}
		expect(left).toBe(true);
		await expect(drawer).toBeVisible();
	});

	test('the drawer closed by its ✕ gives focus back too', async ({ page }) => {
		await openMap(page);
		await tabTo(page, '[role="treeitem"]');
		const row = page.locator('[role="treeitem"]').first();
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('drawer').getByRole('heading', { level: 2 })).toBeFocused();
		await page.keyboard.press('Shift+Tab');
		await expect(page.getByTestId('drawer').locator('button.close')).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('drawer')).toBeHidden();
		await expect(row).toBeFocused();
	});

	test('the stance poll (a modal dialog): focus in, Tab goes round inside, Esc returns to its button', async ({
		page
	}) => {
		await openMap(page);
		await tabTo(page, '[data-testid="poll-button"]');
		await page.keyboard.press('Enter');
		const poll = page.getByTestId('poll');
		await expect(poll).toBeVisible();
		await expect(page.getByTestId('poll-slider')).toBeFocused();
		const n = await stops(page, '[data-testid="poll"]');
		expect(n).toBeGreaterThan(3);
		// Round more than once, both ways, and never out.
		expect(await staysIn(page, '[data-testid="poll"]', 'Tab', n * 2 + 1)).toBe(n);
		expect(await staysIn(page, '[data-testid="poll"]', 'Shift+Tab', n + 2)).toBe(n);
		await page.keyboard.press('Escape');
		await expect(poll).toBeHidden();
		await expect(page.getByTestId('poll-button')).toBeFocused();
	});

	test('Export & merge (a drop-down): focus moves in, the hand-in picker is reachable, Esc closes it and returns to it', async ({
		page
	}) => {
		await openMap(page);
		const menu = page.getByTestId('export-menu');
		await tabTo(page, '[data-testid="export-menu"] > summary');
		await page.keyboard.press('Enter');
		await expect(menu).toHaveAttribute('open', '');
		await expect.poll(() => focusIn(page, '[data-testid="export-menu"] .panel')).toBe(true);
		await tabTo(page, '[data-testid="merge-files"]', 30);
		await expect(page.getByTestId('merge-files')).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(menu).not.toHaveAttribute('open', '');
		await expect(menu.locator('summary')).toBeFocused();
		// Esc on the closed menu's summary is the page's Esc again: nothing breaks.
		await page.keyboard.press('Escape');
		await expect(menu.locator('summary')).toBeFocused();
	});
});

test.describe('small screen (Tools menu)', () => {
	test.use({ viewport: { width: 1024, height: 768 } });

	test('the Tools menu: focus moves in, the stance poll opened from it returns there, Esc closes the menu and returns to it', async ({
		page
	}) => {
		await openMap(page);
		const tools = page.locator('details.dropdown:not([data-testid])');
		const summary = tools.locator(':scope > summary');
		await expect(summary).toHaveText('Tools');
		await tabTo(page, 'details.dropdown:not([data-testid]) > summary');
		await page.keyboard.press('Enter');
		await expect(tools).toHaveAttribute('open', '');
		await expect.poll(() => focusIn(page, '.more-panel')).toBe(true);
		await tabTo(page, '[data-testid="poll-button"]', 10);
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('poll')).toBeVisible();
		await expect(page.getByTestId('poll-slider')).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('poll')).toBeHidden();
		await expect(page.getByTestId('poll-button')).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(tools).not.toHaveAttribute('open', '');
		await expect(summary).toBeFocused();
	});
});

test.describe('phone', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('the side panel over the map: focus moves in, what it covers is inert, Esc returns to Panel', async ({
		page
	}) => {
		await openMap(page);
		const panel = page.getByRole('button', { name: 'Panel' });
		await panel.focus();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('tree')).toBeVisible();
		await expect(page.getByRole('tab', { name: 'Outline' })).toBeFocused();
		// The map and the bars over it, covered by the panel, are out of reach.
		await expect(page.locator('main.map-pane')).toHaveAttribute('inert', '');
		// Tab and Shift+Tab go round the panel and the toolbar above it, never under the panel.
		const inLayer = 'header.bar, aside.outline-pane';
		await staysIn(page, inLayer, 'Tab', 40);
		await staysIn(page, inLayer, 'Shift+Tab', 40);
		// The whole toolbar is above the panel, not under it.
		const bar = (await page.locator('header.bar').boundingBox())!;
		const pane = (await page.locator('aside.outline-pane').boundingBox())!;
		expect(pane.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
		await page.keyboard.press('Escape');
		await expect(page.getByRole('tree')).toBeHidden();
		await expect(panel).toBeFocused();
		expect(await page.locator('[inert]').count()).toBe(0);
	});

	test('the bottom sheet is modal: focus moves in, Tab goes round inside, Esc returns to the outline row, then to the map', async ({
		page
	}) => {
		await openMap(page);
		await page.getByRole('button', { name: 'Panel' }).press('Enter');
		await tabTo(page, '[role="treeitem"]');
		await page.keyboard.press('ArrowDown');
		const row = page.locator(`[role="treeitem"]`).nth(1);
		await expect(row).toBeFocused();
		await page.keyboard.press('Enter');
		const drawer = page.getByTestId('drawer');
		await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
		// The sheet lies over the side panel (not under it), and everything else is inert.
		const d = (await drawer.boundingBox())!;
		expect(
			await page.evaluate(
				([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('[data-testid="drawer"]'),
				[d.x + d.width / 2, d.y + 40]
			)
		).toBe(true);
		await expect(page.locator('header.bar')).toHaveAttribute('inert', '');
		await expect(page.locator('aside.outline-pane')).toHaveAttribute('inert', '');
		// The map, in the box the drawer sits beside on a wide screen, is inert with that box.
		expect(await page.getByTestId('map').evaluate((m) => !!m.closest('[inert]'))).toBe(true);
		const n = await stops(page, '[data-testid="drawer"]');
		expect(await staysIn(page, '[data-testid="drawer"]', 'Tab', n + 3)).toBe(n);
		await staysIn(page, '[data-testid="drawer"]', 'Shift+Tab', 5);
		await page.keyboard.press('Escape');
		await expect(drawer).toBeHidden();
		await expect(row).toBeFocused();
		// Esc again closes the panel.
		await page.keyboard.press('Escape');
		await expect(page.getByRole('tree')).toBeHidden();

		// Opened from the map by keyboard: Esc gives focus back to the map.
		await page.getByTestId('map').focus();
		await page.keyboard.press('Enter');
		await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
		await staysIn(page, '[data-testid="drawer"]', 'Tab', 4);
		await page.keyboard.press('Escape');
		await expect(drawer).toBeHidden();
		await expect(page.getByTestId('map')).toBeFocused();
		expect(await page.locator('[inert]').count()).toBe(0);
	});

	test('the sheet opened from a link closes by its ✕ and gives focus to the map', async ({
		page
	}) => {
		await openMap(page, `?claim=${claim.id}`);
		const drawer = page.getByTestId('drawer');
		await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
		await page.keyboard.press('Shift+Tab');
		await expect(drawer.locator('button.close')).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(drawer).toBeHidden();
		await expect(page.getByTestId('map')).toBeFocused();
	});
});

test('the import panel is part of the page, not a dialog: its paste box opens by keyboard and Tab goes into it', async ({
	page
}) => {
	await page.goto('/');
	await tabTo(page, 'details.paste > summary');
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(page.getByTestId('import-text')).toBeFocused();
});
