import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { debateFile, openMap } from './debate';

/** Issue 21: addresses are kept written out, so no export lets one break out of its link. */

async function download(page: Page, click: () => Promise<void>) {
	const [file] = await Promise.all([page.waitForEvent('download'), click()]);
	return readFileSync((await file.path())!, 'utf8');
}

test('an imported source address that tries to break out is kept written out, in the drawer and the Markdown handout', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-file').setInputFiles('tests/fixtures/hostile/breakout-url.yaml');
	await expect(page.getByTestId('import-done')).toContainText('2 claims');
	await page.getByTestId('imported-list').locator('a').click();
	await page.waitForFunction(() => window.__counterpointMap?.nodeIds().length);
	await page.goto(`${page.url()}&claim=t`);
	await expect(page.getByTestId('source-card').locator('a')).toHaveAttribute(
		'href',
		'https://example.org/a%3E[click](javascript:alert(1))'
	);
	const menu = page.getByTestId('export-menu');
	await menu.locator('summary').click();
	const handout = await download(page, () =>
		menu.locator('button[data-format="markdown"]').click()
	);
	const links = handout.match(/<[^>\n]*>/g);
	expect(links).toEqual([
		'<https://example.org/a%3E[click](javascript:alert(1))>',
		'<https://example.org/a%22%20onmouseover=%22alert(1)>'
	]);
});

test('the add-a-claim form keeps a pasted address written out, and says in Chinese when that grows too long', async ({
	page
}) => {
	const target = debateFile.claims.find((c) => c.stance === 'pro')!;
	await openMap(page, `?claim=${target.id}&lang=zh`);
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill('开放权重也帮助了攻击者。');
	const form = page.getByTestId('contribution-form');
	await form.locator('details > summary').click();
	const submit = form.locator('button[type="submit"]');
	await page.getByTestId('contribution-url').fill(`https://example.org/${'路'.repeat(700)}`);
	await submit.click();
	await expect(page.getByTestId('url-error')).toHaveText(
		'写成网址后共有 6,320 个字符（空格、引号和 A–Z 以外的字母都会变成 %XX 编码），最多 2,048 个'
	);
	await form.screenshot({ path: 'screenshots/url-too-long-zh.png' });
	await page
		.getByTestId('contribution-url')
		.fill('https://example.org/a>[click](javascript:alert(1))');
	await submit.click();
	await expect(page.getByTestId('drawer').getByRole('heading', { level: 2 })).toHaveText(
		'开放权重也帮助了攻击者。'
	);
	await expect(page.getByTestId('source-card').locator('a')).toHaveAttribute(
		'href',
		'https://example.org/a%3E[click](javascript:alert(1))'
	);
});
