import { expect, test } from '@playwright/test';
import { debateFile, map, openMap } from './debate';

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
