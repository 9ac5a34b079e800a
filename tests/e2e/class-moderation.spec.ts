import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
	classOf,
	closePeople,
	drawerHeading,
	join,
	live,
	object,
	person,
	row,
	rowsWith
} from './class';
import { debateFile } from './debate';

/**
 * The teacher moderates a class session, and everyone sees it at once: additions held for
 * approval, hidden and shown again, the session locked and ended. A student has none of the
 * teacher's controls.
 */

test.afterEach(closePeople);
test.describe.configure({ timeout: 150_000 });

test('approve-first keeps a post from classmates until the teacher approves it; a student cannot moderate', async ({
	browser
}) => {
	const { teacher, code, students } = await classOf(browser, ['Ana', 'Ben'], { approve: true });
	const [ana, ben] = students as [Page, Page];

	const text = 'Approval first: this waits for the teacher.';
	const id = await object(ana, text);
	// Ana sees her post, marked as waiting; the teacher sees it in the queue; Ben does not.
	await expect(ana.getByTestId('addition-status')).toContainText('Waiting for the teacher');
	await expect(teacher.getByTestId('approval-queue')).toContainText(text);
	await expect(rowsWith(teacher, text)).toHaveCount(1);
	// Ben has had time to receive anything the server would send him: the teacher's page did.
	await expect(rowsWith(ben, text)).toHaveCount(0);

	// No teacher's controls for a student, on her own post or on the session.
	await expect(ana.getByTestId('approve')).toHaveCount(0);
	await expect(ana.getByTestId('hide')).toHaveCount(0);
	await expect(ana.getByTestId('class-lock')).toHaveCount(0);
	await expect(ana.getByTestId('class-end')).toHaveCount(0);

	await teacher.getByTestId('queue-approve').click();
	await expect(rowsWith(ben, text)).toHaveCount(1);
	await expect(teacher.getByTestId('approval-queue')).toHaveCount(0);
	await expect(ana.getByTestId('addition-status')).toHaveCount(0);
	// A classmate who joins later sees the approved post too.
	const cai = await person(browser);
	await join(cai, 'Cai', code);
	await expect(row(cai, id)).toHaveCount(1);
});

test('the teacher hides a post and shows it again, locks the session and ends it; every screen follows', async ({
	browser
}) => {
	const { teacher, code, students } = await classOf(browser, ['Ana', 'Ben']);
	const [ana, ben] = students as [Page, Page];

	const text = 'A post the teacher will hide for a moment.';
	const id = await object(ana, text);
	await expect(rowsWith(ben, text)).toHaveCount(1);

	await row(teacher, id).click();
	await expect(drawerHeading(teacher)).toHaveText(text);
	await teacher.getByTestId('hide').click();
	await expect(rowsWith(ben, text)).toHaveCount(0);
	// Its author keeps it, told why; the teacher keeps it, to show it again.
	await expect(ana.getByTestId('addition-status')).toContainText('hidden this from the class');
	await expect(teacher.getByTestId('addition-status')).toContainText('Hidden from the class');
	// Still hidden after Ben reloads.
	await ben.reload();
	await live(ben);
	await expect(rowsWith(ben, text)).toHaveCount(0);
	await teacher.getByTestId('restore-to-class').click();
	await expect(rowsWith(ben, text)).toHaveCount(1);

	// Locked: students read, and can add nothing.
	await teacher.getByTestId('class-lock').click();
	await expect(ben.getByTestId('class-locked')).toBeVisible();
	await row(ben, id).click();
	await expect(drawerHeading(ben)).toHaveText(text);
	await expect(ben.getByTestId('add-con')).toHaveCount(0);
	await expect(ana.getByTestId('delete-contribution')).toHaveCount(0);
	await teacher.getByTestId('class-lock').click();
	await expect(ben.getByTestId('class-locked')).toHaveCount(0);
	await expect(ben.getByTestId('add-con')).toBeVisible();

	// Ended: read-only for everyone, the teacher's controls gone, the code no longer joins.
	await teacher.getByTestId('class-end').click();
	await teacher.getByTestId('class-end-confirm').click();
	for (const page of [teacher, ana, ben])
		await expect(page.getByTestId('class-ended')).toBeVisible();
	await expect(ben.getByTestId('add-con')).toHaveCount(0);
	await expect(teacher.getByTestId('class-lock')).toHaveCount(0);
	const late = await person(browser);
	await late.goto(`/join?code=${code}`);
	await late.getByTestId('join-name').fill('Dee');
	await late.getByRole('button', { name: 'Join' }).click();
	await expect(late.getByRole('alert')).toBeVisible();
	await expect(late).toHaveURL(/\/join/);

	// Reloaded, the ended session's map opens from what each browser kept: read-only, and the
	// teacher can still take it home.
	await teacher.reload();
	await expect(teacher.getByTestId('class-ended')).toBeVisible();
	await expect(rowsWith(teacher, text)).toHaveCount(1);
	await teacher.getByTestId('after-class').locator('summary').click();
	const [file] = await Promise.all([
		teacher.waitForEvent('download'),
		teacher.getByTestId('class-export-yaml').click()
	]);
	expect(readFileSync((await file.path())!, 'utf8')).toContain(text);
	await ana.reload();
	await expect(ana.getByTestId('class-status').getByRole('status')).toHaveAttribute(
		'data-connection',
		'gone'
	);
	await row(ana, id).click();
	await expect(drawerHeading(ana)).toHaveText(text);
	await expect(ana.getByTestId('delete-contribution')).toHaveCount(0);
	await expect(ana.getByTestId('add-con')).toHaveCount(0);
	// Her copy is hers to remove; then the code opens nothing in her browser either.
	await ana.getByTestId('class-forget').click();
	await ana.getByTestId('class-forget-confirm').click();
	await ana.waitForURL((url) => !url.search.includes('code='));
	await ana.goto(`/class?code=${code}`);
	await expect(ana.getByTestId('class-problem')).toBeVisible();
});

test('names: classmates see who posted in a named session; in an anonymous one only the teacher and the author do', async ({
	browser
}) => {
	for (const anonymous of [false, true]) {
		const { teacher, students } = await classOf(browser, ['Ana', 'Ben'], { anonymous });
		const [ana, ben] = students as [Page, Page];
		const text = `Who wrote this? (${anonymous ? 'anonymous' : 'named'} session)`;
		const id = await object(ana, text);
		for (const page of [teacher, ben]) {
			await row(page, id).click();
			await expect(drawerHeading(page)).toHaveText(text);
		}
		await expect(teacher.getByTestId('posted-by')).toHaveText('Posted in class by Ana');
		if (anonymous) await expect(ben.getByTestId('posted-by')).toHaveCount(0);
		else await expect(ben.getByTestId('posted-by')).toHaveText('Posted in class by Ana');
		await expect(ana.getByTestId('posted-by')).toHaveText('Posted in class by Ana');
	}
});

test('the teacher puts a post in the tour: present mode walks it after the claim it answers, on every screen', async ({
	browser
}) => {
	const tour = (debateFile as unknown as { tour: string[] }).tour;
	const { teacher, students } = await classOf(browser, ['Ana']);
	const [ana] = students as [Page];
	// An answer to the tour's last claim: it goes right after it, as the last step.
	const text = 'A reply worth showing the whole class.';
	const id = await object(ana, text, tour.at(-1));
	await ana.getByTestId('present').click();
	// A post alone does not move the tour the class is following.
	await expect(ana.getByTestId('step-counter')).toHaveText(`1 / ${tour.length}`);

	await row(teacher, id).click();
	await expect(drawerHeading(teacher)).toHaveText(text);
	await teacher.getByTestId('tour-toggle').click();
	await expect(teacher.getByTestId('in-tour')).toBeVisible();
	await teacher.screenshot({ path: 'screenshots/class-tour-teacher.png' });
	await expect(ana.getByTestId('step-counter')).toHaveText(`1 / ${tour.length + 1}`);
	await ana.getByTestId('step-select').selectOption(String(tour.length));
	await expect(ana.getByTestId('caption')).toContainText(text);
	await ana.screenshot({ path: 'screenshots/class-tour-student.png' });
	// A student has no say over the tour.
	await expect(ana.getByTestId('tour-toggle')).toHaveCount(0);

	await teacher.getByTestId('tour-toggle').click();
	await expect(teacher.getByTestId('in-tour')).toHaveCount(0);
	await expect(ana.getByTestId('step-counter')).toHaveText(`${tour.length} / ${tour.length}`);
});
