import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Serious and critical WCAG 2.1 A/AA violations on the page as it is now, summarised. Fails if
 * axe's colour-contrast check did not run (it skips what it cannot see).
 */
export async function violations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const ran = [...result.passes, ...result.violations, ...result.incomplete].map((r) => r.id);
	expect(ran).toContain('color-contrast');
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id}: ${v.help} (${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')})`
		);
}

/**
 * From the map page with its side panel open: the "next to argue" tab, the export menu, the
 * stance poll, present mode and the handout, each checked with axe. `nextTab` is the tab's name
 * in the language shown; `suffix` goes after each state's name in a failure.
 */
export async function checkToolStates(page: Page, nextTab: string, suffix = '') {
	await page.getByRole('tab', { name: nextTab }).click();
	expect(await violations(page), `next to argue${suffix}`).toEqual([]);

	await page.getByTestId('export-menu').locator('summary').click();
	expect(await violations(page), `export menu${suffix}`).toEqual([]);
	await page.getByTestId('export-menu').locator('summary').click();

	await page.getByTestId('poll-button').click();
	expect(await violations(page), `stance poll${suffix}`).toEqual([]);
	await page.keyboard.press('Escape');

	await page.getByTestId('present').click();
	expect(await violations(page), `present mode${suffix}`).toEqual([]);
	await page.keyboard.press('Escape');

	await page.getByTestId('handout-button').click();
	expect(await violations(page), `handout${suffix}`).toEqual([]);
}
