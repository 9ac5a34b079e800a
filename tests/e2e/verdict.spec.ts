import { expect, test } from '@playwright/test';
import { debateFile, openMap } from './debate';

/** Objections aimed straight at the thesis, from the file. */
const thesisObjections = new Set(
	debateFile.claims
		.filter((c) => c.target === debateFile.thesis && c.stance === 'con')
		.map((c) => c.id)
);

test('the thesis headline says in plain words which objections have no answer, each a link', async ({
	page
}) => {
	await openMap(page);
	const bar = page.getByTestId('thesis-standing');
	const verdict = bar.getByTestId('verdict');
	await expect(verdict).toContainText('contested');
	// Not the jargon, not "defeated": the precise term waits behind a click.
	await expect(bar).not.toContainText('OUT');
	await expect(bar).not.toContainText('defeated');
	const summary = (await verdict.getByTestId('verdict-summary').textContent())!;
	const count = Number(/(\d+) objections? (has|have) no answer yet/.exec(summary)?.[1]);
	expect(count).toBeGreaterThan(0);
	const links = verdict.getByTestId('verdict-standing').locator('[data-claim-link]');
	await expect(links).toHaveCount(Math.min(3, count));
	for (const id of await links.evaluateAll((as) =>
		as.map((a) => a.getAttribute('data-claim-link'))
	))
		expect(thesisObjections.has(id!), `${id} objects to the thesis`).toBe(true);

	await verdict.getByTestId('precise-toggle').click();
	await expect(verdict.getByTestId('precise')).toContainText('grounded label OUT');

	// A link opens that objection in the drawer, where its own verdict says it holds.
	const first = (await links.first().getAttribute('data-claim-link'))!;
	await links.first().click();
	await expect(page).toHaveURL(new RegExp(`claim=${first}`));
	await expect(page.getByTestId('standing').getByTestId('verdict')).toHaveAttribute(
		'data-label',
		'IN'
	);
});

test('the drawer gives the chain of reasons, each a link, and the working of the strength', async ({
	page
}) => {
	await openMap(page, `?claim=${debateFile.thesis}`);
	const chain = page.getByTestId('why-chain');
	// One step per objection to the thesis, the standing ones first.
	await expect(chain.locator('li')).toHaveCount(thesisObjections.size);
	await expect(chain.locator('li').first()).toHaveAttribute('data-reason', 'stands');
	await expect(chain.locator('li').first()).toContainText('stands (nothing answers it)');
	await expect(chain.locator('li[data-reason="falls"]').first()).toContainText('knocked down by');

	const working = page.getByTestId('working');
	await working.locator('summary').click();
	await expect(working).toContainText('Base score');
	const strength = (await page.getByTestId('claim-strength').textContent())!;
	// The formula ends in the strength shown above it.
	await expect(working.getByTestId('working-numbers')).toHaveText(
		new RegExp(`= ${strength}$|^${strength}$`)
	);

	// Following a step moves the drawer to that claim.
	const step = chain.locator('li[data-reason="falls"] [data-claim-link]').nth(1);
	const id = (await step.getAttribute('data-claim-link'))!;
	await step.click();
	await expect(page).toHaveURL(new RegExp(`claim=${id}`));
});

test('Chinese words for the verdict, without the doubled label', async ({ page }) => {
	await openMap(page, `?claim=${debateFile.thesis}&lang=zh`);
	const verdict = page.getByTestId('thesis-standing').getByTestId('verdict');
	await expect(verdict).toContainText('受质疑');
	await expect(verdict).toContainText(/有 \d+ 条异议尚无人回应/);
	const standing = page.getByTestId('standing');
	await expect(standing).not.toContainText('被驳倒');
	await expect(page.getByTestId('why-chain').locator('li').first()).toContainText('没有人回应它');
});
