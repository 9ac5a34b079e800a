import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { debateFile, openMap } from './debate';

/** The people of a class session, each in a browser context of their own, and what they do. */

export const drawerHeading = (page: Page) =>
	page.getByTestId('drawer').getByRole('heading', { level: 2 });
export const row = (page: Page, id: string) =>
	page.locator(`[role="treeitem"][data-claim="${id}"]`);

/** The people of the running test: their pages keep a map and a live stream busy until closed. */
const people: BrowserContext[] = [];

/** A person with a browser of their own (closed by `closePeople` after the test). */
export async function person(browser: Browser) {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
	people.push(context);
	return context.newPage();
}

/**
 * Closes every person's browser the test opened: left open, their maps and streams would go on
 * using the machine through every later test. Register with `test.afterEach(closePeople)`.
 */
export async function closePeople() {
	await Promise.all(people.splice(0).map((c) => c.close()));
}

/** Waits for a class page's map, and for its stream to be up. */
export async function live(page: Page) {
	await page.waitForFunction(() => window.__counterpointMap?.nodeIds().length);
	await expect(page.getByTestId('class-status').getByRole('status')).toHaveAttribute(
		'data-connection',
		'live'
	);
}

export async function join(page: Page, name: string, code?: string, via?: string) {
	await page.goto(via ?? '/join');
	await expect(page.locator('html[data-ready]')).toBeAttached();
	if (code) await page.getByTestId('join-code').fill(code);
	await page.getByTestId('join-name').fill(name);
	await page.getByRole('button', { name: 'Join' }).click();
	await page.waitForURL(/\/class\?code=/);
	await live(page);
}

/**
 * A teacher starts a session from the shipped debate's map (additions shown at once, names
 * shown, unless asked otherwise; on the test server unless `origin` names another); their page
 * and the join code.
 */
export async function startClass(
	browser: Browser,
	options: { approve?: boolean; anonymous?: boolean; origin?: string } = {}
) {
	const teacher = await person(browser);
	await openMap(teacher, '', options.origin);
	await teacher.getByTestId('export-menu').locator('summary').click();
	if (options.approve) await teacher.getByTestId('start-approve').check();
	if (options.anonymous) await teacher.getByLabel('hidden from classmates (you see them)').check();
	await teacher.getByTestId('start-class').click();
	await teacher.waitForURL(/\/class\?code=/);
	await live(teacher);
	const code = (await teacher.getByTestId('class-code').textContent())!.trim();
	return { teacher, code };
}

/** A session started by a teacher, with these students joined by its code, each on their own page. */
export async function classOf(
	browser: Browser,
	names: string[],
	options: Parameters<typeof startClass>[1] = {}
) {
	const { teacher, code } = await startClass(browser, options);
	const students: Page[] = [];
	for (const name of names) {
		const page = await person(browser);
		await join(page, name, code);
		students.push(page);
	}
	return { teacher, code, students };
}

/** `page` objects to claim `target` with `text` (the drawer then shows the new addition). */
export async function object(page: Page, text: string, target = debateFile.thesis) {
	await row(page, target).click();
	await page.getByTestId('add-con').click();
	await page.getByTestId('contribution-text').fill(text);
	await page.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(page)).toHaveText(text);
	return new URL(page.url()).searchParams.get('claim')!;
}

/** The outline's rows with this text on `page`. */
export const rowsWith = (page: Page, text: string) =>
	page.locator('[role="treeitem"]', { hasText: text });
