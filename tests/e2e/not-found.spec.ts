import { expect, test } from '@playwright/test';
import { watchPolicy } from './policy';

/** An address the app has no page for: a real page that says so, with the way back. */

for (const [lang, words] of [
	{
		lang: 'en',
		title: 'Page not found',
		debate: 'There is no debate called “nope”.',
		page: 'There is no page at /no/such/page.',
		back: 'See all debates',
		list: 'Debates',
		home: '/'
	},
	{
		lang: 'zh',
		title: '找不到这个页面',
		debate: '没有名为“nope”的辩论。',
		page: '/no/such/page 这个地址没有页面。',
		back: '查看所有辩论',
		list: '辩论',
		home: '/?lang=zh'
	}
].map((w) => [w.lang, w] as const))
	test(`/debate/nope: status 404, a page saying what happened and a link back to the debates (${lang})`, async ({
		page
	}) => {
		const policy = await watchPolicy(page);
		const query = lang === 'en' ? '' : `?lang=${lang}`;
		const response = await page.goto(`/debate/nope${query}`);
		expect(response?.status()).toBe(404);
		const main = page.getByTestId('error-page');
		await expect(main.getByRole('heading', { level: 1 })).toHaveText(words.title);
		await expect(main).toContainText(words.debate);
		await expect(page).toHaveTitle(`${words.title} — Counterpoint`);
		// The strict policy holds here too (the server sends it as a header; a static host's
		// 404.html carries it in a <meta>): nothing of the page was refused.
		const meta = page.locator('meta[http-equiv="content-security-policy"]');
		const policyText =
			response?.headers()['content-security-policy'] ??
			((await meta.count()) ? await meta.getAttribute('content') : '');
		expect(policyText).toMatch(/script-src 'self'/);
		expect(policyText).not.toMatch(/unsafe-eval|unsafe-inline/);
		expect(await policy.refused()).toEqual([]);
		await page.screenshot({ path: `test-results/not-found-${lang}.png` });

		// Any other unknown address too.
		expect((await page.goto(`/no/such/page${query}`))?.status()).toBe(404);
		await expect(main).toContainText(words.page);

		// The way back: the list of debates, in the same language.
		await main.getByRole('link', { name: words.back }).click();
		await expect(page).toHaveURL(words.home);
		await expect(
			page.getByRole('heading', { level: 2, name: words.list, exact: true })
		).toBeVisible();
		await expect(page.getByRole('link', { name: /Llama/ })).toBeVisible();
		expect(policy.errors).toEqual([]);
	});
