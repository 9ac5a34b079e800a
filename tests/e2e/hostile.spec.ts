import { expect, test } from '@playwright/test';
import { map } from './debate';

test('every page carries a strict Content-Security-Policy, and an injected script does not run', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	for (const path of ['/', '/debate/llama-open-weights']) {
		await page.goto(path);
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(csp, path).toContain("script-src 'self'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).not.toContain('unsafe-eval');
	}
	// A script element smuggled into the page is refused by the policy.
	await page.evaluate(() => {
		const s = document.createElement('script');
		s.textContent = 'window.__inline = 1';
		document.body.append(s);
	});
	expect(await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)).toBe(
		undefined
	);
	// The app itself works under the policy.
	expect(await map(page, (h) => h.nodeIds().length)).toBeGreaterThan(10);
	expect(errors).toEqual([]);
});

test('a debate full of script payloads imports, opens and shows them as text: nothing runs', async ({
	page
}) => {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await page.goto('/');
	await page.getByTestId('import-file').setInputFiles('tests/fixtures/hostile/xss.yaml');
	await expect(page.getByTestId('import-done')).toBeVisible();
	await expect(page.getByTestId('imported-list')).toContainText('<img src=x onerror=');
	await page.getByTestId('imported-list').locator('a').click();
	await page.waitForFunction(
		() => (window as unknown as { __counterpointMap?: unknown }).__counterpointMap
	);
	await page.locator('[role="treeitem"]').nth(1).click();
	const drawer = page.getByTestId('drawer');
	await expect(drawer).toContainText('<img src=x onerror="window.__pwned=1"> objection');
	await expect(drawer).toContainText('<script>window.__pwned=1</script>');
	// The payload is text: no element was made from it, and nothing ran.
	expect(await page.locator('img[src="x"], script:not([src])').count()).toBeLessThanOrEqual(1);
	expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
		undefined
	);
	expect(dialogs).toBe(0);
});

test('a javascript: source link is refused on import, located, and nothing is stored', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-file').setInputFiles('tests/fixtures/hostile/javascript-url.yaml');
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText(
		'javascript-url.yaml:11:10 sources[0].url: must be an http:// or https:// address'
	);
	await expect(page.getByTestId('imported-list')).toBeHidden();
});
