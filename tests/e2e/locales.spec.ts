import { expect, test } from '@playwright/test';

/** Issue 19: nothing about the reader's language assumes that the other language is English. */

test("a debate written in Chinese labels its quotes' translations Chinese, and dates follow the language's locale", async ({
	page
}) => {
	await page.goto('/?lang=zh');
	await page
		.getByTestId('import-file')
		.setInputFiles('tests/fixtures/debates/chinese-primary.yaml');
	await expect(page.getByTestId('import-done')).toBeVisible();
	await page.getByTestId('imported-list').locator('a').click();
	await page.waitForFunction(() => window.__counterpointMap?.nodeIds().length);
	await page.goto(`${page.url()}&claim=p1`);
	const evidence = page.getByTestId('evidence');
	// A translation given as plain text is in the debate's language, not English.
	await expect(evidence.locator('.translation')).toHaveAttribute('lang', 'zh');
	await expect(evidence.locator('.translation')).toContainText('百分之四十');
	await expect(page.getByTestId('source-card')).toContainText('2024年3月5日');
	// The same date in English, as the English locale writes it.
	await page.getByRole('button', { name: 'EN', exact: true }).click();
	await expect(page.getByTestId('source-card')).toContainText('5 Mar 2024');
});
