import { expect, test, type Page } from '@playwright/test';
import { classOf, row } from './class';
import { answerPoll, debateFile } from './debate';

/**
 * The class's results on the teacher's page, live: the stance poll before and after (large, for
 * the projector), the map weighed with the class's "most persuasive" votes, and what each
 * student did — the last for the teacher only.
 */

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
