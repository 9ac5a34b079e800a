import { expect, test, type Page } from '@playwright/test';
import { debateFile, map, openMap } from './debate';

/** What a student types in the add-a-claim form: counted as they see it, refused when blank. */

const target = debateFile.claims.find((c) => c.stance === 'pro')!;
const drawerHeading = (page: Page) => page.getByTestId('drawer').getByRole('heading', { level: 2 });

/** Opens the form to object to a claim, with `text` typed in. */
async function typeObjection(page: Page, text: string) {
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill(text);
}

test('the counter counts what the check counts: 160 🦙 show 160/160 and are added; 161 are refused', async ({
	page
}) => {
	await openMap(page, `?claim=${target.id}`);
	const count = page.getByTestId('contribution-form').locator('.count');
	await typeObjection(page, '🦙'.repeat(161));
	await expect(count).toHaveText('161/160');
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(page.locator('#err-text')).toHaveText(
		'keep it to 160 characters; put the rest in a source'
	);
	await page.getByTestId('contribution-text').fill('🦙'.repeat(160));
	await expect(count).toHaveText('160/160');
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(page)).toHaveText('🦙'.repeat(160));
});

test('"é" typed as e + accent counts once and is stored as one character', async ({ page }) => {
	await openMap(page, `?claim=${target.id}`);
	await typeObjection(page, 'e\u0301'.repeat(160));
	await expect(page.getByTestId('contribution-form').locator('.count')).toHaveText('160/160');
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(page)).toHaveText('\u00e9'.repeat(160));
	// Stored in NFC: the heading holds 160 code units, not 320.
	expect(await drawerHeading(page).evaluate((h) => h.textContent!.trim().length)).toBe(160);
});

for (const [lang, add, message] of [
	['en', 'Add to the map', 'write the claim'],
	['zh', '添加到图上', '请写下你的论点']
] as const)
	test(`a claim of only invisible characters is refused beside the field, and no blank card is added (${lang})`, async ({
		page
	}) => {
		await openMap(page, `?claim=${target.id}&lang=${lang}`);
		const before = await map(page, (h) => h.nodeIds().length);
		for (const text of ['\u200B\u200C\u200D', '\u2060\uFEFF', '\u0301\u0301', ' \u200B ']) {
			if (!(await page.getByTestId('contribution-text').isVisible()))
				await page.getByTestId('add-con').click();
			await page.getByTestId('contribution-text').fill(text);
			await page.getByRole('button', { name: add }).click();
			await expect(page.locator('#err-text')).toHaveText(message);
			await expect(page.getByTestId('contribution-text')).toHaveAttribute('aria-invalid', 'true');
		}
		expect(await map(page, (h) => h.nodeIds().length)).toBe(before);
	});

test('a pasted web address is wrapped inside its card on the map, cut between characters', async ({
	page
}) => {
	await openMap(page, `?claim=${target.id}`);
	const address =
		'https://example.org/reports/2024/open-weights-and-the-safety-of-everyone-final-version.pdf';
	await typeObjection(page, `See ${address}`);
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(page)).toHaveText(`See ${address}`);
	const id = new URL(page.url()).searchParams.get('claim')!;
	// Every line of the label, measured in the map's own font, is narrower than the card.
	const widths = await map(
		page,
		(h, claim) => {
			const ctx = document.createElement('canvas').getContext('2d')!;
			ctx.font = `${h.styleOf(claim, 'font-weight')} ${h.styleOf(claim, 'font-size')} ${h.styleOf(claim, 'font-family')}`;
			const card = h.renderedBox(claim).w / h.zoom();
			return h
				.labelOf(claim)
				.split('\n')
				.map((line) => ({ line, width: ctx.measureText(line).width, card }));
		},
		id
	);
	expect(widths.length).toBeGreaterThan(2);
	for (const w of widths) expect(w.width, w.line).toBeLessThan(w.card);
	// Nor does it spill out of its entry in the outline.
	const pane = (await page.locator('aside.outline-pane').boundingBox())!;
	const entry = (await page.locator(`li[data-claim="${id}"] > .text`).boundingBox())!;
	expect(entry.x + entry.width).toBeLessThanOrEqual(pane.x + pane.width);
	await page.screenshot({ path: 'test-results/long-address.png' });
	// Close up: the claim in focus, drawn large enough to read its full text.
	await openMap(page, `?focus=${id}`);
	await page.screenshot({ path: 'test-results/long-address-focus.png' });
});
