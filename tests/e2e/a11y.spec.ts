import { expect, test } from '@playwright/test';
import { checkToolStates, violations } from './axe';
import { debateFile, openMap } from './debate';

test('the library and the import panel have no serious accessibility problems', async ({
	page
}) => {
	await page.goto('/');
	await page.getByText('…or paste text').click();
	expect(await violations(page)).toEqual([]);
});

test('the map page in each of its states has no serious accessibility problems', async ({
	page
}) => {
	// Six axe passes over a page of 67 claims: generous for a busy machine (a hang, not speed).
	test.setTimeout(180_000);
	await openMap(page);
	expect(await violations(page), 'map with outline').toEqual([]);

	await page.locator(`[role="treeitem"][data-claim="${debateFile.claims[1]!.id}"]`).click();
	expect(await violations(page), 'drawer open').toEqual([]);
	await page.getByTestId('add-con').click();
	expect(await violations(page), 'add-a-claim form').toEqual([]);
	await page.keyboard.press('Escape');

	await page.getByRole('tab', { name: 'Find' }).click();
	await page.getByTestId('search').fill('open');
	await page.locator('input[data-facet="tag"][data-value="safety"]').check();
	expect(await violations(page), 'search and filters').toEqual([]);

	await checkToolStates(page, 'Next to argue');
});

test('Chinese pages have no serious accessibility problems either', async ({ page }) => {
	await openMap(page, `?lang=zh&claim=${debateFile.thesis}`);
	expect(await violations(page)).toEqual([]);
});

test('the whole interface in Chinese (?lang=zh), state by state, has no serious accessibility problems', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/?lang=zh');
	await page.getByText('……或粘贴文本').click();
	expect(await violations(page), 'library (zh)').toEqual([]);

	await openMap(page, '?lang=zh');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	expect(await violations(page), 'map with outline (zh)').toEqual([]);

	await page.locator(`[role="treeitem"][data-claim="${debateFile.claims[1]!.id}"]`).click();
	expect(await violations(page), 'drawer open (zh)').toEqual([]);
	await page.getByTestId('strike').click();
	expect(await violations(page), 'what-if (zh)').toEqual([]);
	await page.getByTestId('add-con').click();
	await page.getByRole('button', { name: '添加到图上' }).click();
	expect(await violations(page), 'add-a-claim form with a problem (zh)').toEqual([]);
	await page.keyboard.press('Escape');

	await page.getByRole('tab', { name: '查找' }).click();
	await page.getByTestId('search').fill('开源');
	await page.locator('input[data-facet="tag"][data-value="safety"]').check();
	expect(await violations(page), 'search and filters (zh)').toEqual([]);

	await checkToolStates(page, '下一步论证', ' (zh)');
});
