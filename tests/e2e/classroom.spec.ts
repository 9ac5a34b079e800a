import { expect, test } from '@playwright/test';
import { debateFile, map, openMap } from './debate';

const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
const tour = (debateFile as unknown as { tour?: string[] }).tour ?? [];

test('present mode: a full tour by keyboard, revealing claims as it goes, the step in the URL', async ({
	page
}) => {
	await openMap(page);
	await page.getByTestId('present').click();
	const caption = page.getByTestId('caption');
	await expect(caption).toContainText(byId.get(debateFile.thesis)!.text.en);
	await expect(page.getByTestId('step-counter')).toHaveText(`1 / ${tour.length}`);
	// Nothing beyond the thesis is shown before the tour reaches it.
	expect(await map(page, (h) => h.nodeIds())).toEqual([debateFile.thesis]);
	await expect(page).toHaveURL(/present=1&step=1/);

	const keys = ['ArrowRight', ' ', 'PageDown', 'ArrowDown'];
	for (let i = 1; i < tour.length; i++) {
		await page.keyboard.press(keys[i % keys.length]!);
		await expect(page.getByTestId('step-counter')).toHaveText(`${i + 1} / ${tour.length}`);
		const id = tour[i]!;
		await expect(caption).toContainText(byId.get(id)!.text.en);
		const shown = await map(page, (h) => h.nodeIds());
		// Every claim toured so far is on the map, and the one being presented is selected.
		for (const earlier of tour.slice(0, i + 1)) expect(shown).toContain(earlier);
		expect(await map(page, (h) => h.selected())).toEqual([id]);
	}
	await expect(page).toHaveURL(new RegExp(`step=${tour.length}`));
	// At the end, next stays put; PageUp goes back; Home returns to the start.
	await page.keyboard.press('ArrowRight');
	await expect(page.getByTestId('step-counter')).toHaveText(`${tour.length} / ${tour.length}`);
	await page.keyboard.press('PageUp');
	await expect(page.getByTestId('step-counter')).toHaveText(`${tour.length - 1} / ${tour.length}`);
	await page.keyboard.press('Home');
	await expect(page.getByTestId('step-counter')).toHaveText(`1 / ${tour.length}`);
	// Jump to any step.
	await page.getByTestId('step-select').selectOption(String(tour.length - 3));
	await expect(page.getByTestId('step-counter')).toHaveText(`${tour.length - 2} / ${tour.length}`);
	await page.screenshot({ path: 'screenshots/present.png' });
	await page.keyboard.press('Escape');
	await expect(caption).toBeHidden();
	await expect(page).not.toHaveURL(/present=/);
	await expect.poll(() => map(page, (h) => h.nodeIds().length)).toBe(debateFile.claims.length);
});

test('a link to a step of the tour opens present mode there', async ({ page }) => {
	await openMap(page, '?present=1&step=4');
	await expect(page.getByTestId('step-counter')).toHaveText(`4 / ${tour.length}`);
	await expect(page.getByTestId('caption')).toContainText(byId.get(tour[3]!)!.text.en);
});
