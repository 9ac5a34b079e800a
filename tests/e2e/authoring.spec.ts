import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { violations } from './axe';
import { debateFile, DEBATE_ID, map } from './debate';

/**
 * Writing a debate in the browser (issue 20): from nothing to a file `npm run validate` accepts,
 * kept across reloads and tabs; and a shipped debate edited as a copy, its file untouched.
 */

test.describe.configure({ timeout: 180_000 });

/** The row of claim `id` in the editor's tree. */
const row = (page: Page, id: string) =>
	page.getByTestId('claim-tree').locator('li', { has: page.locator(`[data-claim="${id}"]`) });

/** Adds a claim answering `target`, writes its text in English and Chinese; returns its id. */
async function addClaim(page: Page, target: string, stance: 'pro' | 'con', en: string, zh: string) {
	const before = await page.getByTestId('claim-tree').locator('[data-claim]').count();
	await row(page, target).getByTestId(`add-${stance}`).click();
	await expect(page.getByTestId('claim-tree').locator('[data-claim]')).toHaveCount(before + 1);
	await page.getByTestId('claim-text-en').fill(en);
	await page.getByTestId('claim-text-zh').fill(zh);
	await page.getByTestId('claim-text-zh').blur();
	const current = page.getByTestId('claim-tree').locator('[aria-current="true"]');
	await expect(current).toContainText(en);
	return (await current.getAttribute('data-claim'))!;
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

test('builds a small debate from nothing, keeps it across a reload and a second tab, and downloads a file that passes validation and opens as a map', async ({
	page,
	context
}) => {
	await page.goto('/');
	await page.getByTestId('new-debate').click();
	await expect(page.getByTestId('debate-form')).toBeVisible();
	await expect(page).toHaveURL(/\/edit\?d=/);

	await page.getByTestId('debate-id').fill('school-phones');
	await page.getByTestId('debate-title-en').fill('Phones at school');
	await page.getByTestId('debate-title-zh').fill('学校里的手机');
	await page.getByTestId('debate-summary-en').fill('Should schools ban phones in class?');
	await page.getByTestId('debate-summary-zh').fill('学校应当在课堂上禁止手机吗？');
	await page.getByTestId('edit-thesis').click();
	await page.getByTestId('claim-text-en').fill('Schools should ban phones in class.');
	await page.getByTestId('claim-text-zh').fill('学校应当在课堂上禁止手机。');
	// The checks run as one types: a claim over 160 characters is refused beside its field.
	await page.getByTestId('claim-text-en').fill('x'.repeat(161));
	await expect(page.getByTestId('claim-form').getByTestId('field-problems').first()).toContainText(
		'at most 160 characters'
	);
	await page.getByTestId('claim-text-en').fill('Schools should ban phones in class.');

	const p1 = await addClaim(page, 'thesis', 'pro', 'Phones distract pupils.', '手机让学生分心。');
	await addClaim(page, 'thesis', 'pro', 'Bans cut bullying online.', '禁令减少网络欺凌。');
	await addClaim(page, 'thesis', 'con', 'Phones help in emergencies.', '手机在紧急情况下有用。');
	await addClaim(page, 'thesis', 'con', 'Pupils must learn self-control.', '学生必须学会自律。');
	// The to-do list names what is left: claims with no evidence, claims nobody answered.
	await expect(page.getByTestId('todo')).toContainText('Phones distract pupils.');

	// A source from its address (nothing fetched), then a quote in English with a Chinese translation.
	await page
		.getByTestId('new-source-address')
		.fill('https://www.example.org/news/2024/03/05/phones-and-attention-in-class/');
	await page.getByTestId('add-source').click();
	await expect(page.getByTestId('source-date')).toHaveValue('2024-03-05');
	await expect(page.getByTestId('source-title-en')).toHaveValue('Phones and attention in class');
	await expect(page.getByTestId('source-organisation')).toHaveValue('example.org');
	await row(page, p1).locator('[data-claim]').click();
	await page.getByTestId('add-evidence').click();
	// An empty quote is a problem, told beside the box and tied to it for a screen reader.
	const quote = page.getByTestId('evidence-quote');
	await expect(quote).toHaveAttribute('aria-invalid', 'true');
	await expect(quote).toHaveAccessibleDescription(/\S/);
	await quote.fill('Pupils without phones scored higher on tests.');
	await quote.blur();
	await expect(quote).toHaveAttribute('aria-invalid', 'false');
	await page.getByTestId('evidence-translation-zh').fill('没有手机的学生考试成绩更高。');
	await page.getByTestId('evidence-locator').fill('paragraph 3');
	await page.getByTestId('evidence-locator').blur();
	await expect(page.getByTestId('check-summary')).toHaveText(
		'Passes the checks: the download is ready.'
	);
	await expect(page.getByTestId('save-state')).toHaveText('Saved in this browser');

	// A reload keeps everything; so does a second tab, which sees the first one's changes.
	await page.reload();
	await expect(page.getByTestId('claim-tree').locator('[data-claim]')).toHaveCount(5);
	await row(page, p1).locator('[data-claim]').click();
	await expect(page.getByTestId('evidence-translation-zh')).toHaveValue(
		'没有手机的学生考试成绩更高。'
	);
	const other = await context.newPage();
	await other.goto(page.url());
	await expect(other.getByTestId('claim-tree').locator('[data-claim]')).toHaveCount(5);
	await addClaim(
		other,
		p1,
		'con',
		'Some pupils need phones for health.',
		'有些学生因健康需要手机。'
	);
	await expect(page.getByTestId('claim-tree').locator('[data-claim]')).toHaveCount(6);
	await other.close();
	// Deleted with its branch, after saying how many go; undo brings it back.
	await row(page, p1).locator('[data-claim]').click();
	await page.getByTestId('delete-claim').click();
	await expect(page.getByRole('alert')).toContainText('2 claims in all');
	await page.getByTestId('confirm-delete').click();
	await expect(page.getByTestId('claim-tree').locator('[data-claim]')).toHaveCount(4);
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByTestId('claim-tree').locator('[data-claim]')).toHaveCount(6);

	// The download passes `npm run validate`, as a file in arguments/ must.
	await expect(page.getByTestId('check-summary')).toHaveText(
		'Passes the checks: the download is ready.'
	);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('download-yaml').click()
	]);
	expect(download.suggestedFilename()).toBe('school-phones.yaml');
	const file = join(mkdtempSync(join(tmpdir(), 'authoring-')), 'school-phones.yaml');
	await download.saveAs(file);
	const out = execFileSync('npx', ['tsx', 'src/cli/validate.ts', file], { encoding: 'utf8' });
	expect(out).toContain('6 claims');
	const text = readFileSync(file, 'utf8');
	expect(text).toContain('没有手机的学生考试成绩更高。');

	// And the file opens as a map, imported like any other.
	await page.goto('/');
	await page.getByTestId('import-file').setInputFiles(file);
	await expect(page.getByTestId('import-done')).toContainText('6 claims');
	await page.getByTestId('imported-list').locator('a').first().click();
	await page.waitForFunction(() => window.__counterpointMap?.nodeIds().length);
	expect(await map(page, (h) => h.nodeIds().length)).toBe(6);
});

test('editing a copy of the shipped debate never changes its file in arguments/', async ({
	page
}) => {
	const path = `arguments/${DEBATE_ID}.yaml`;
	const before = sha(path);
	await page.goto('/');
	await page.getByRole('link', { name: 'Edit a copy' }).first().click();
	await expect(page.getByTestId('claim-tree').locator('[data-claim]')).toHaveCount(
		debateFile.claims.length
	);
	await expect(page.getByTestId('debate-id')).toHaveValue(`${DEBATE_ID}-copy`);
	// Moving a claim takes its branch with it.
	const moved = debateFile.claims.find(
		(c) => c.target && debateFile.claims.some((k) => k.target === c.id)
	)!;
	await row(page, moved.id).locator('[data-claim]').click();
	const to = debateFile.claims.find(
		(c) => c.target === debateFile.thesis && c.id !== moved.id && c.id !== moved.target
	)!;
	await page.getByTestId('claim-target').selectOption(to.id);
	await expect(page.getByTestId('check-summary')).toHaveText(
		'Passes the checks: the download is ready.'
	);
	await row(page, debateFile.thesis).locator('[data-claim]').click();
	await page.getByTestId('claim-text-en').fill('An edited thesis.');
	// Where the class server runs, the edited copy starts a class session as it stands — the
	// words just typed included, even when the button is pressed before the checks ran again.
	await page.getByRole('button', { name: 'About the debate' }).click();
	await page.getByTestId('start-class').click();
	await expect(page).toHaveURL(/\/class\?code=/);
	await expect(page.locator(`[role="treeitem"][data-claim="${debateFile.thesis}"]`)).toContainText(
		'An edited thesis.'
	);
	expect(sha(path)).toBe(before);
	// The shipped map still reads as its file does.
	await page.goto(`/debate/${DEBATE_ID}?claim=${debateFile.thesis}`);
	await expect(page.getByTestId('drawer').getByRole('heading', { level: 2 })).toHaveText(
		debateFile.claims.find((c) => c.id === debateFile.thesis)!.text.en
	);
});

test('the editor, in each of its forms and in Chinese, has no serious accessibility problems', async ({
	page
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Edit a copy' }).first().click();
	await expect(page.getByTestId('debate-form')).toBeVisible();
	expect(await violations(page), 'about the debate').toEqual([]);
	await row(page, debateFile.claims[1]!.id).locator('[data-claim]').click();
	await page.getByTestId('delete-claim').click();
	expect(await violations(page), 'a claim, about to be deleted').toEqual([]);
	await page.getByRole('button', { name: 'Edit the source' }).first().click();
	expect(await violations(page), 'a source').toEqual([]);
	await page.goto(`${new URL(page.url()).pathname}${new URL(page.url()).search}&lang=zh`);
	await page.getByRole('button', { name: '中文' }).click();
	await expect(page.getByRole('button', { name: '关于这场辩论' })).toBeVisible();
	expect(await violations(page), 'in Chinese').toEqual([]);
});

test('a link to a debate nobody wrote in this browser says so, in the editor and as a map', async ({
	page
}) => {
	for (const path of ['/edit?d=nobody-wrote', '/local?draft=nobody-wrote']) {
		await page.goto(path);
		await expect(page.getByRole('alert')).toContainText(
			'There is no debate being written under this address in this browser.'
		);
	}
});
