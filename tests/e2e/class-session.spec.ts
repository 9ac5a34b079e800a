import { expect, test } from '@playwright/test';
import { closePeople, drawerHeading, join, live, person, row, startClass } from './class';
import { debateFile } from './debate';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text a QR code in this PNG holds, read by a QR decoder. */
function readQr(png: Buffer): string | undefined {
	const image = PNG.sync.read(png);
	return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/**
 * A class session as the people in it use it, each in a browser context of their own: the
 * teacher starts it from the map, students join with the code (typed, or in the join address),
 * and what one posts appears on the others' screens.
 */

test.afterEach(closePeople);
test.describe.configure({ timeout: 120_000 });

test('a teacher starts a session; students join by code and by the join address; a post reaches every screen', async ({
	browser
}) => {
	const { teacher, code } = await startClass(browser);
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

	const ana = await person(browser);
	await join(ana, 'Ana', code.toLowerCase());
	const ben = await person(browser);
	await join(ben, 'Ben', undefined, `/join?code=${code}`);

	// Ana objects to the thesis; Ben and the teacher see it at once.
	await row(ana, debateFile.thesis).click();
	await ana.getByTestId('add-con').click();
	await ana.getByTestId('contribution-text').fill('Open weights cannot be recalled once out.');
	await ana.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(ana)).toHaveText('Open weights cannot be recalled once out.');
	for (const other of [ben, teacher])
		await expect(
			other.locator('[role="treeitem"]', { hasText: 'Open weights cannot be recalled once out.' })
		).toBeVisible();
	// Ben cannot edit or delete Ana's claim; Ana can.
	const id = new URL(ana.url()).searchParams.get('claim')!;
	await row(ben, id).click();
	await expect(drawerHeading(ben)).toHaveText('Open weights cannot be recalled once out.');
	await expect(ben.getByTestId('delete-contribution')).toHaveCount(0);
	await expect(ana.getByTestId('delete-contribution')).toBeVisible();
	await expect(ana.getByTestId('class-waiting')).toHaveCount(0);
});

test('a student offline keeps working; the change is delivered exactly once when the connection returns', async ({
	browser
}) => {
	const { teacher, code } = await startClass(browser);
	const ana = await person(browser);
	await join(ana, 'Ana', code);

	await ana.context().setOffline(true);
	await row(ana, debateFile.thesis).click();
	await ana.getByTestId('add-con').click();
	await ana.getByTestId('contribution-text').fill('Written while the Wi-Fi was down.');
	await ana.getByRole('button', { name: 'Add to the map' }).click();
	await expect(drawerHeading(ana)).toHaveText('Written while the Wi-Fi was down.');
	await expect(ana.getByTestId('class-waiting')).toHaveText('1 waiting to be sent');
	await ana.context().setOffline(false);
	await expect(ana.getByTestId('class-waiting')).toHaveCount(0, { timeout: 40_000 });
	await expect(
		teacher.locator('[role="treeitem"]', { hasText: 'Written while the Wi-Fi was down.' })
	).toHaveCount(1);
	// Delivered once: the teacher's page, reloaded, reads the server's log afresh: one copy.
	await teacher.reload();
	await live(teacher);
	await expect(
		teacher.locator('[role="treeitem"]', { hasText: 'Written while the Wi-Fi was down.' })
	).toHaveCount(1);
});

test('the QR code the teacher shows large reads as the join address; a student who opens it only types a name', async ({
	browser
}) => {
	const { teacher, code } = await startClass(browser);
	await teacher.getByTestId('class-join-show').click();
	const projected = teacher.getByTestId('class-join-projector');
	await expect(projected.getByTestId('class-join-code')).toHaveText(code);
	// Read as a phone would: from the picture of the code, not from the page's markup.
	const qr = projected.getByTestId('class-qr');
	const box = (await qr.boundingBox())!;
	// Large enough to read from the back of a room on a 1366-pixel-wide projector image.
	expect(box.width).toBeGreaterThan(250);
	const read = readQr(await qr.screenshot());
	expect(read).toBe(`${new URL(teacher.url()).origin}/join?code=${code}`);

	const ana = await person(browser);
	await join(ana, 'Ana', undefined, new URL(read!).pathname + new URL(read!).search);
	await expect(ana.getByTestId('class-status')).toContainText(code);
});
