import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { classOf, closePeople, object, person, row, rowsWith } from './class';
import { answerPoll, debateFile } from './debate';

/**
 * The class's results on the teacher's page, live: the stance poll before and after (large, for
 * the projector), the map weighed with the class's "most persuasive" votes, and what each
 * student did — the last for the teacher only.
 */

test.afterEach(closePeople);
test.describe.configure({ timeout: 150_000 });

test('the projector shows the class’s stance poll as it comes in, and the map weighed with the class’s votes', async ({
	browser
}) => {
	const { teacher, students } = await classOf(browser, ['Ana', 'Ben']);
	const [ana, ben] = students as [Page, Page];

	await answerPoll(ana, 'Before', '10');
	await answerPoll(ben, 'Before', '30');
	await answerPoll(ana, 'After', '70');
	await teacher.getByTestId('class-results').locator(':scope > summary').click();
	const results = teacher.getByTestId('class-results-counts');
	await expect(results).toContainText('before: 2, after: 1');

	// Large, for the projector: the histogram's bars and the shift.
	await teacher.getByTestId('class-results-show').click();
	const projected = teacher.getByTestId('class-results-projector');
	await expect(projected.getByTestId('class-poll')).toBeVisible();
	await expect(projected.locator('tr[data-band="strongly-against"]')).toContainText('1');
	await expect(projected).toContainText('+60 towards the thesis');
	// What each student did is not on the projector.
	await expect(projected).not.toContainText('Ana');
	await teacher.keyboard.press('Escape');
	await expect(projected).toBeHidden();
	await teacher.getByTestId('class-students').locator('summary').click();
	await expect(teacher.getByTestId('class-students').locator('tbody tr')).toHaveCount(2);
	await expect(teacher.getByTestId('class-students')).toContainText('Ana');
	// Students see no one else's answers.
	await expect(ana.getByTestId('class-results')).toHaveCount(0);

	// Both students find the same objection most persuasive: weighed with the class's votes, it
	// starts at 1 on the teacher's map.
	const claim = debateFile.claims.find((c) => c.target === debateFile.thesis)!.id;
	for (const page of [ana, ben]) {
		await row(page, claim).click();
		await page.getByTestId('persuasive').click();
		await expect(page.getByTestId('persuasive')).toHaveAttribute('aria-pressed', 'true');
	}
	await expect(results).toContainText('most persuasive: 2');
	await row(teacher, claim).click();
	const base = teacher.getByTestId('base-score');
	const fileScore = await base.inputValue();
	await teacher.getByTestId('class-weigh').check();
	await expect(base).toHaveValue('1');
	await teacher.getByTestId('class-weigh').uncheck();
	await expect(base).toHaveValue(fileScore);
});

test('after class the teacher downloads the session and the poll, then deletes the session with every student’s words', async ({
	browser
}) => {
	const { teacher, code, students } = await classOf(browser, ['Ana']);
	const ana = students[0]!;
	const text = 'Exported with its author and time.';
	await object(ana, text);
	await answerPoll(ana, 'Before', '25');
	await expect(rowsWith(teacher, text)).toHaveCount(1);
	await expect
		.poll(() => teacher.getByTestId('class-results-counts').textContent())
		.toContain('before: 1');
	await teacher.getByTestId('after-class').locator('summary').click();
	const saved = async (button: string) => {
		const [file] = await Promise.all([
			teacher.waitForEvent('download'),
			teacher.getByTestId(button).click()
		]);
		return readFileSync((await file.path())!, 'utf8');
	};
	const yaml = parse(await saved('class-export-yaml')) as {
		claims: { text: unknown; contributor?: { name?: string; at: string } }[];
	};
	const added = yaml.claims.filter((c) => c.contributor);
	expect(added).toHaveLength(1);
	expect(JSON.stringify(added[0]!.text)).toContain(text);
	expect(added[0]!.contributor!.name).toBe('Ana');
	const csv = (await saved('class-export-csv')).replace(/^\ufeff/, '').split('\r\n');
	expect(csv[0]).toBe('student,before,after,shift,most_persuasive');
	expect(csv[1]).toBe('Ana,25,,,');

	await teacher.getByTestId('class-delete').click();
	await teacher.getByTestId('class-delete-confirm').click();
	await teacher.waitForURL((url) => !url.search.includes('code='));
	// Ana's page is told the session is over, and deleted: her browser keeps none of it, so a
	// reload opens nothing; the code no longer opens anything for anyone.
	await expect(ana.getByTestId('class-ended')).toBeVisible();
	await expect(ana.getByTestId('class-status').getByRole('status')).toContainText(
		'deleted by the teacher'
	);
	await ana.reload();
	await expect(ana.getByTestId('class-problem')).toBeVisible();
	await expect(rowsWith(ana, text)).toHaveCount(0);
	const late = await person(browser);
	await late.goto(`/class?code=${code}`);
	await expect(late.getByRole('alert')).toBeVisible();
});
