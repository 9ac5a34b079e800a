import { expect, test, type Page } from '@playwright/test';
import { debateFile, map, openMap, overlappingPairs } from './debate';

/**
 * Hostile debates (issue 22): crafted files and names that once hid a class's work, broke the
 * map or slipped past the policy, each played as a teacher or a student would meet it.
 */

/**
 * A hand-in of the shipped debate with one objection to `target`, by `name` (none: the student
 * left the name out), written to `file`.
 */
async function writeHandIn(file: string, name: string | undefined, id: string, text: string) {
	const { parse, stringify } = await import('yaml');
	const { readFileSync, writeFileSync } = await import('node:fs');
	const base = parse(readFileSync('arguments/llama-open-weights.yaml', 'utf8'));
	const target = debateFile.claims.find((c) => c.stance === 'pro')!.id;
	const claim = {
		id,
		target,
		stance: 'con',
		text: { en: text },
		contributor: { ...(name ? { name } : {}), at: '2026-11-28T09:00:00Z' }
	};
	writeFileSync(file, stringify({ ...base, claims: [...base.claims, claim] }));
	return file;
}

test('a hand-in named with 90 characters, or only ".yaml", hides none of the class’s additions after a reload', async ({
	page
}, info) => {
	const { mkdirSync } = await import('node:fs');
	const dir = info.outputPath('hand-ins');
	mkdirSync(dir, { recursive: true });
	const long = `${'x'.repeat(90)}.yaml`;
	const files = [
		await writeHandIn(`${dir}/mei.yaml`, 'Mei', 'my-1', 'Benchmarks can be gamed.'),
		await writeHandIn(`${dir}/${long}`, undefined, 'my-2', 'Leaks are not releases.'),
		await writeHandIn(`${dir}/.yaml`, undefined, 'my-3', 'Nobody audits the test sets.')
	];
	await openMap(page);
	await page.getByTestId('export-menu').locator('summary').click();
	await page.getByTestId('merge-files').setInputFiles(files);
	await expect(page.getByTestId('merge-report')).toContainText('Merged 3 additions from 3 files');
	await expect(page.getByTestId('contribution-count')).toHaveText('3');
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');

	// Read back from storage: every addition is there, nothing was put aside.
	await page.reload();
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');
	await expect(page.getByTestId('contribution-count')).toHaveText('3');
	await expect(page.getByTestId('kept-aside')).toBeHidden();
	const ids = await map(page, (h) => h.nodeIds());
	expect(ids).toEqual(expect.arrayContaining(['my-1', 'my-2', 'my-3']));
	// The unnamed students go under their files' names, as the store allows them.
	await page.locator('[role="treeitem"][data-claim="my-2"]').click();
	await expect(page.getByTestId('drawer')).toContainText('x'.repeat(80));
	await expect(page.getByTestId('drawer')).not.toContainText('x'.repeat(81));
});

/** Imports a file of tests/fixtures/hostile and opens it; returns the map's address. */
async function importAndOpen(page: Page, fixture: string) {
	await page.goto('/');
	await page.getByTestId('import-file').setInputFiles(`tests/fixtures/hostile/${fixture}`);
	await expect(page.getByTestId('import-done')).toBeVisible();
	await page.getByTestId('imported-list').locator('a').first().click();
	await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', /\d+/);
	return page.url();
}

test('claims named constructor, valueOf, toString… are drawn in columns and in the tree', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	const ids = [
		'constructor',
		'valueOf',
		'toString',
		'hasOwnProperty',
		'isPrototypeOf',
		'propertyIsEnumerable',
		'toLocaleString'
	];
	const url = await importAndOpen(page, 'prototype-ids.yaml');
	expect((await map(page, (h) => h.nodeIds())).sort()).toEqual([...ids].sort());
	// The tree, laid out by dagre: every claim placed, each below the claim it answers.
	await page.goto(`${url}&layout=tree`);
	const drawn = page.getByTestId('map');
	await expect(drawn).toHaveAttribute('data-engine', 'dagre');
	await expect(drawn).toHaveAttribute('data-drawn', String(ids.length));
	const y = (id: string) => map(page, (h, id) => h.renderedCentre(id).y, id);
	expect(await y('valueOf')).toBeGreaterThan(await y('constructor'));
	expect(await y('hasOwnProperty')).toBeGreaterThan(await y('valueOf'));
	expect(await y('propertyIsEnumerable')).toBeGreaterThan(await y('hasOwnProperty'));
	// Nothing drawn on top of anything else.
	const boxes = await Promise.all(ids.map((id) => map(page, (h, id) => h.renderedBox(id), id)));
	expect(overlappingPairs(ids, boxes)).toEqual([]);
	await expect(page.getByTestId('map-failed')).toBeHidden();
	await page.screenshot({ path: 'test-results/hostile-prototype-ids-tree.png' });
	expect(errors).toEqual([]);
});

test('a layout that fails says so on the map, and the other layout still draws it', async ({
	page
}) => {
	const url = await importAndOpen(page, 'prototype-ids.yaml');
	// The dagre layout's code, broken on its way to the page: its run throws.
	await page.route('**/_app/immutable/chunks/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (!body.includes('useDagreEdgeControlPoints')) return route.fulfill({ response, body });
		return route.fulfill({
			response,
			body: body.replaceAll('.layoutPositions(', '.noSuchFunction(')
		});
	});
	await page.goto(`${url}&layout=tree`);
	const failed = page.getByTestId('map-failed');
	await expect(failed).toHaveText(/could not be laid out in this layout/);
	await expect(failed).toHaveAttribute('role', 'alert');
	await page.screenshot({ path: 'test-results/hostile-layout-failed.png' });
	// The outline works, and Columns draws the map.
	await expect(page.locator('[role="treeitem"]')).toHaveCount(7);
	await page.getByRole('button', { name: 'Columns' }).click();
	await expect(page.getByTestId('map')).toHaveAttribute('data-drawn', '7');
	await expect(failed).toBeHidden();
});

test('the import worker runs under the pages’ policy, sent with its script: no string becomes code there', async ({
	page
}) => {
	const headers = new Map<string, Record<string, string>>();
	page.on('response', (r) => headers.set(r.url(), r.headers()));
	await page.goto('/');
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	// The first import starts the worker.
	await page.getByTestId('import-file').setInputFiles('tests/golden/kialo/valid.txt');
	await expect(page.getByTestId('import-done')).toBeVisible();
	expect(page.workers()).toHaveLength(1);
	const worker = page.workers()[0]!;
	// The worker's own script (not a page, not a chunk) carries the policy.
	const policy = headers.get(worker.url())?.['content-security-policy'] ?? '';
	expect(policy).toContain("script-src 'self'");
	expect(policy).toContain("default-src 'self'");
	expect(policy).not.toMatch(/unsafe-eval|unsafe-inline/);
	// The policy holds in the worker: a string handed over as code does not run, nor does a
	// script from a data: address (DevTools' own evaluation, which runs these lines, is exempt).
	expect(
		await worker.evaluate(
			"new Promise((done) => { try { setTimeout('self.__ran = true', 0); } catch {} setTimeout(() => done(self.__ran ?? false), 100); })"
		)
	).toBe(false);
	expect(
		await worker.evaluate(
			"import('data:text/javascript,self.__ran = true').then(() => 'ran', () => 'refused')"
		)
	).toBe('refused');
	// …and reading files of every kind there asks for none: the policy refuses nothing.
	await worker.evaluate(
		"self.__refused = []; self.addEventListener('securitypolicyviolation', (e) => self.__refused.push(e.violatedDirective + ' ' + e.sourceFile))"
	);
	const files = [
		'tests/fixtures/debates/valid.yaml',
		'tests/golden/argdown/valid.argdown',
		'tests/golden/aif/valid.aif.json'
	];
	for (const [i, file] of files.entries()) {
		await page.getByTestId('import-file').setInputFiles(file);
		await expect(page.getByTestId('imported-list').locator('li')).toHaveCount(i + 2);
	}
	expect(page.workers()).toEqual([worker]);
	expect(await worker.evaluate('self.__refused')).toEqual([]);
});

test('a claim pasted with a character that is not text (U+FFFF) is refused in the form, naming it', async ({
	page
}) => {
	await openMap(page, `?claim=${debateFile.thesis}`);
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill('Copied from a broken file\uFFFF here.');
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(page.locator('#err-text')).toHaveText('remove the character U+FFFF: it is not text');
	// Nothing was added: the class's additions are still none.
	await expect(page.getByTestId('contribution-count')).toBeHidden();
	// In Chinese too.
	await page.getByRole('button', { name: '中文' }).click();
	await expect(page.locator('#err-text')).toHaveText('请删除字符 U+FFFF：它不是文字');
});
