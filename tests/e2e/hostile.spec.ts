import { expect, test } from '@playwright/test';
import { map } from './debate';
import { watchPolicy } from './policy';

test('every page carries a strict Content-Security-Policy, and an injected script does not run', async ({
	page
}) => {
	// What the policy had to refuse of our own code and the framework's: nothing at all.
	const { errors, refused: policyRefused } = await watchPolicy(page);
	for (const path of ['/', '/debate/llama-open-weights']) {
		await page.goto(path);
		await page.locator('html[data-ready]').waitFor({ state: 'attached' });
		if (path.startsWith('/debate/'))
			await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', /\d+/);
		const refused = await policyRefused();
		expect(refused, path).toEqual([]);
		const csp = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(csp, path).toContain("script-src 'self'");
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
		expect(csp).not.toContain('unsafe-eval');
	}
	// SvelteKit's route announcer (for screen readers) keeps its one allowed style: after a
	// navigation inside the app it is there, and hidden from sight.
	await page.goto('/');
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	await page.getByRole('link', { name: /Llama/ }).click();
	await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', /\d+/);
	const announcer = page.locator('#svelte-announcer');
	await expect(announcer).toBeAttached();
	expect((await announcer.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
	expect(await policyRefused()).toEqual([]);
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
	await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', /\d+/);
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
	await page.waitForFunction(() => window.__counterpointMap);
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

test('a line too long is refused on import before parsing, located, and nothing is stored', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-file').setInputFiles('tests/fixtures/hostile/long-line.yaml');
	const errors = page.getByTestId('import-errors');
	await expect(errors).toContainText(
		'long-line.yaml:14:1 line 14 is 100,001 characters long; the limit is 100,000 (break the text into lines'
	);
	await expect(page.getByTestId('imported-list')).toBeHidden();

	// 15 MB on one line, made here: refused in the browser, with its line (that no parser runs
	// first is counted in tests/unit/formats/linear.test.ts; the time is in `npm run bench`).
	const { readFileSync } = await import('node:fs');
	const lines = readFileSync('tests/fixtures/debates/valid.yaml', 'utf8').split('\n');
	lines.splice(9, 0, `    detail: ${'word '.repeat(3_000_000)}`);
	await page.getByTestId('import-file').setInputFiles({
		name: 'huge-line.yaml',
		mimeType: 'application/yaml',
		buffer: Buffer.from(lines.join('\n'))
	});
	await expect(errors).toContainText(
		'huge-line.yaml:10:1 line 10 is 15,000,012 characters long; the limit is 100,000'
	);
	await expect(page.getByTestId('imported-list')).toBeHidden();
});

test('a file that would keep the reader busy for minutes is stopped with a message; the page stays usable', async ({
	page
}) => {
	await page.goto('/');
	// A short limit for the test; the app's own is 30 s (src/lib/state/off-thread.ts).
	await page.evaluate("localStorage.setItem('counterpoint:import-time-limit', '1500')");
	await page.reload();
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	// 100,000 open brackets: Argdown's parser takes seconds over them (docs/threat-model.md).
	await page.getByTestId('import-file').setInputFiles({
		name: 'brackets.argdown',
		mimeType: 'text/plain',
		buffer: Buffer.from('[' + '['.repeat(100_000) + '\n')
	});
	await expect(page.getByTestId('import-errors')).toContainText('so it was stopped', {
		timeout: 30_000
	});
	await expect(page.getByTestId('imported-list').locator('li')).toHaveCount(0);
	// The app's own limit again, so that a busy machine cannot stop the next, ordinary import.
	await page.evaluate("localStorage.removeItem('counterpoint:import-time-limit')");
	// The page answered throughout, and the next import works (a fresh worker).
	await page.getByRole('button', { name: '中文' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	await page.getByTestId('import-file').setInputFiles('tests/golden/kialo/valid.txt');
	await expect(page.getByTestId('import-done')).toBeVisible();
	await expect(page.getByTestId('imported-list').locator('li')).toHaveCount(1);
});
