import { expect, test, type Page } from '@playwright/test';
import { debateFile, map, openMap } from './debate';

/**
 * Issue 16's smoother lesson: the drawer in plain English beside the map, the thesis kept in
 * view, present mode on a phone, a short handout and a slide.
 */
const SHOTS = 'screenshots';
const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
const sourceOf = (id: string) => debateFile.sources.find((s) => s.id === id)!;

type Box = { x1: number; y1: number; x2: number; y2: number };
const intersects = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (a: Box, b: Box) => a.x1 >= b.x1 && a.y1 >= b.y1 && a.x2 <= b.x2 && a.y2 <= b.y2;

/** An element's box on the page. */
async function pageBox(page: Page, testId: string): Promise<Box> {
	const b = (await page.getByTestId(testId).boundingBox())!;
	return { x1: b.x, y1: b.y, x2: b.x + b.width, y2: b.y + b.height };
}

/** A claim's drawn box (label included) on the page, from the map's test hook. */
async function claimBox(page: Page, id: string): Promise<Box> {
	const m = await pageBox(page, 'map');
	const b = await map(page, (h, a) => h.renderedBox(a), id);
	return { x1: m.x1 + b.x1, y1: m.y1 + b.y1, x2: m.x1 + b.x2, y2: m.y1 + b.y2 };
}

/** A claim whose quotes all come from one source in Chinese with a Chinese-only title. */
const oneChineseSource = debateFile.claims.find(
	(c) =>
		c.evidence.length >= 2 &&
		new Set(c.evidence.map((e) => e.source)).size === 1 &&
		typeof sourceOf(c.evidence[0]!.source).title === 'string' &&
		c.evidence[0]!.quoteLang === 'zh'
)!;

test('the drawer speaks English for a Chinese source: a labelled link, a real locator, one note a source', async ({
	page
}) => {
	await openMap(page, `?claim=${oneChineseSource.id}`);
	const drawer = page.getByTestId('drawer');
	const source = sourceOf(oneChineseSource.evidence[0]!.source) as unknown as {
		title: string;
		url: string;
		note?: { en: string };
	};
	// Two quotes, one source card: its note is said once.
	await expect(drawer.getByTestId('evidence')).toHaveCount(oneChineseSource.evidence.length);
	await expect(drawer.getByTestId('source-card')).toHaveCount(1);
	await expect(drawer.getByText(source.note!.en)).toHaveCount(1);
	// The link reads in English and names the language; the Chinese title is marked as Chinese.
	const link = drawer.getByTestId('source-card').locator(`a[href="${source.url}"]`);
	await expect(link).toContainText('in Chinese');
	expect(await link.textContent()).not.toMatch(/\p{Script=Han}/u);
	await expect(drawer.getByTestId('original-title').locator('[lang="zh"]')).toHaveText(
		source.title
	);
	// "Where:" says where in words and links to the passage, not a cut Chinese fragment.
	const where = drawer.getByTestId('locator').first();
	await expect(where).toContainText('Where: the sentence this quote begins');
	expect(await where.textContent()).not.toMatch(/\p{Script=Han}/u);
	const passage = where.getByTestId('passage-link');
	expect(await passage.getAttribute('href')).toMatch(/#:~:text=/);
	// The status speaks of the source itself, so it sits well beside "no primary source was found".
	await expect(drawer.getByTestId('source-status')).toHaveText(
		/Source checked: the original or a stored copy was seen/
	);
	await page.screenshot({ path: `${SHOTS}/drawer-source-en.png` });
	await page.getByRole('button', { name: '中文', exact: true }).click();
	await expect(drawer.getByTestId('locator').first()).toContainText('以这段引文开头的句子');
	await page.screenshot({ path: `${SHOTS}/drawer-source-zh.png` });
});

test('the drawer opens beside the map, never over it, and the claim opened stays in sight', async ({
	page
}) => {
	await openMap(page);
	const ids = await map(page, (h) => h.nodeIds());
	const tried = new Set<string>();
	for (let k = 0; k < 3; k++) {
		// A claim drawn whole in the right third of the map as it is now, where a drawer opening
		// over the map would cover it (the map opens zoomed in to read, so some are off screen).
		const mapBox = await pageBox(page, 'map');
		let id: string | undefined;
		for (const c of ids) {
			if (tried.has(c)) continue;
			const b = await claimBox(page, c);
			if (b.x1 > mapBox.x1 + ((mapBox.x2 - mapBox.x1) * 2) / 3 && inside(b, mapBox)) {
				id = c;
				break;
			}
		}
		expect(id, 'a claim drawn whole in the right third of the map').toBeDefined();
		tried.add(id!);
		const at = await map(page, (h, a) => h.renderedCentre(a), id!);
		await page.mouse.click(at.x, at.y);
		await expect(page.getByTestId('drawer').getByRole('heading', { level: 2 })).toHaveText(
			byId.get(id!)!.text.en
		);
		const drawer = await pageBox(page, 'drawer');
		await expect.poll(async () => intersects(await pageBox(page, 'map'), drawer)).toBe(false);
		await expect
			.poll(async () => {
				const box = await claimBox(page, id!);
				return !intersects(box, drawer) && inside(box, await pageBox(page, 'map'));
			})
			.toBe(true);
	}
	await page.screenshot({ path: `${SHOTS}/drawer-beside-map.png` });
});

test('after a what-if strike-out the thesis is in view with the claim struck', async ({ page }) => {
	await openMap(page);
	// The claim drawn furthest right: opening it pans the map away from the thesis.
	const ids = await map(page, (h) => h.nodeIds());
	let far = ids[0]!;
	let farX = -Infinity;
	for (const id of ids) {
		if (id === debateFile.thesis) continue;
		const x = (await map(page, (h, a) => h.renderedCentre(a), id)).x;
		if (x > farX) [far, farX] = [id, x];
	}
	await page.goto(`/debate/llama-open-weights?claim=${far}`);
	await page.waitForFunction(() => window.__counterpointMap);
	await expect(page.getByTestId('drawer')).toBeVisible();
	// Close up, reading the claim: the thesis is off screen.
	for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	const visible = async (id: string) =>
		inside(await claimBox(page, id), await pageBox(page, 'map'));
	await expect.poll(() => visible(debateFile.thesis)).toBe(false);
	await page.getByTestId('strike').click();
	await expect(page.getByTestId('whatif')).toBeVisible();
	await expect.poll(() => visible(debateFile.thesis)).toBe(true);
	await expect.poll(() => visible(far)).toBe(true);
	await page.screenshot({ path: `${SHOTS}/whatif-thesis-in-view.png` });
});

/** The claims below `id`, however deep. */
function below(id: string): string[] {
	const kids = debateFile.claims.filter((c) => c.target === id).map((c) => c.id);
	return [...kids, ...kids.flatMap(below)];
}

/** Opens the export menu, clicks the slide button, and returns the status line. */
async function exportSlide(page: Page) {
	const menu = page.getByTestId('export-menu');
	await menu.locator('summary').click();
	await expect(page.getByTestId('export-slide')).toBeVisible();
	return menu;
}

test('a 16:9 slide of the focused view: 1920 × 1080, short titles no smaller than 24 px', async ({
	page
}) => {
	// A claim with a few below it: a view a teacher would put on one slide.
	const branch = debateFile.claims.find((c) => c.target && below(c.id).length >= 3)!;
	await openMap(page, `?focus=${branch.id}`);
	const menu = await exportSlide(page);
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('export-slide').click()
	]);
	expect(file.suggestedFilename()).toBe('llama-open-weights-slide.png');
	const { readFileSync, copyFileSync, mkdirSync } = await import('node:fs');
	const png = readFileSync((await file.path())!);
	// The PNG header: signature, then the IHDR chunk's width and height (big-endian).
	expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
	expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
	const status = menu.getByTestId('export-status');
	await expect(status).toContainText('smallest text');
	expect(Number(await status.getAttribute('data-slide-text-px'))).toBeGreaterThanOrEqual(24);
	mkdirSync(SHOTS, { recursive: true });
	copyFileSync((await file.path())!, `${SHOTS}/slide-focus-en.png`);

	// The whole map of the debate is too much for one slide: the menu says so and what to do.
	await page.goto('/debate/llama-open-weights');
	await page.waitForFunction(() => window.__counterpointMap);
	const whole = await exportSlide(page);
	await page.getByTestId('export-slide').click();
	await expect(whole.getByTestId('export-status')).toContainText('Focus on a claim (F)');
	expect(
		Number(await whole.getByTestId('export-status').getAttribute('data-slide-text-px'))
	).toBeLessThan(24);
});

test('the short handout: thesis, map and the strongest claims of each side, on at most 2 A4 pages', async ({
	page
}) => {
	await openMap(page);
	// The strongest of each side as the Strongest tab lists them.
	await page.getByRole('tab', { name: 'Strongest' }).click();
	const top = async (side: string) =>
		page
			.getByTestId(`strongest-${side}`)
			.locator('[data-claim]')
			.evaluateAll((bs) => bs.slice(0, 3).map((b) => b.getAttribute('data-claim')!));
	const against = await top('objections');
	const forIt = await top('support');
	expect(against.length).toBe(3);
	expect(forIt.length).toBe(3);
	await page.getByTestId('handout-button').click();
	const handout = page.getByTestId('handout');
	await page.getByTestId('handout-short').click();
	await expect(handout).toContainText(byId.get(debateFile.thesis)!.text.en);
	for (const id of against)
		await expect(handout.getByTestId('handout-strongest-objections')).toContainText(
			byId.get(id)!.text.en
		);
	for (const id of forIt)
		await expect(handout.getByTestId('handout-strongest-support')).toContainText(
			byId.get(id)!.text.en
		);
	// Not the full list of claims.
	await expect(handout.locator('li[data-claim]')).toHaveCount(0);
	await expect
		.poll(() => handout.locator('figure img').evaluate((i: HTMLImageElement) => i.naturalWidth))
		.toBeGreaterThan(500);
	await page.emulateMedia({ media: 'print' });
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
	expect(pages).toBeGreaterThanOrEqual(1);
	expect(pages).toBeLessThanOrEqual(2);
	// The first page holds the title, the thesis and the map: the map is not pushed to page 2.
	const a4 = { height: 297 - 2 * 14 };
	const mapBottom = await handout
		.locator('figure')
		.evaluate(
			(f) =>
				f.getBoundingClientRect().bottom -
				f.closest('[data-testid="handout"]')!.getBoundingClientRect().top
		);
	// CSS pixels at 96 per inch: 1 mm = 96 / 25.4 px.
	expect(mapBottom).toBeLessThan((a4.height * 96) / 25.4);
	const { writeFileSync, mkdirSync } = await import('node:fs');
	mkdirSync(SHOTS, { recursive: true });
	writeFileSync(`${SHOTS}/handout-short-a4.pdf`, pdf);
	await page.emulateMedia({ media: 'screen' });
});

test('on a phone: the title shows in the header, and present mode leaves the map most of the screen', async ({
	browser
}) => {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
	await openMap(page);
	const title = page.getByTestId('debate-title');
	await expect(title).toBeVisible();
	const t = (await title.boundingBox())!;
	expect(t.width).toBeGreaterThan(200);
	expect(t.x + t.width).toBeLessThanOrEqual(390);
	await page.screenshot({ path: `${SHOTS}/phone-title-en.png` });

	await page.goto('/debate/llama-open-weights?present=1');
	await page.waitForFunction(() => window.__counterpointMap);
	const caption = page.getByTestId('caption');
	await expect(caption).toBeVisible();
	const visibleMap = async () => {
		const m = (await page.getByTestId('map').boundingBox())!;
		const c = (await caption.boundingBox())!;
		// The map's part not under the caption, within the screen.
		const bottom = Math.min(m.y + m.height, c.y, 844);
		return Math.max(0, bottom - Math.max(m.y, 0));
	};
	expect(await visibleMap()).toBeGreaterThanOrEqual(0.4 * 844);
	await page.screenshot({ path: `${SHOTS}/phone-present-en.png` });
	// Who argues it and the quote open on demand, and the caption still leaves the map in view.
	await page.getByTestId('caption-more').click();
	await expect(caption.locator('blockquote')).toBeVisible();
	expect(await visibleMap()).toBeGreaterThanOrEqual(0.4 * 844);
	await page.screenshot({ path: `${SHOTS}/phone-present-open-en.png` });
	await page.close();
});

test('the short handout is kept in the address: a reload or a shared link opens the short one', async ({
	page
}) => {
	await openMap(page);
	await page.getByTestId('handout-button').click();
	await page.getByTestId('handout-short').click();
	await expect(page).toHaveURL(/[?&]print=short\b/);
	await page.reload();
	await expect(page.getByTestId('handout-short')).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByTestId('handout-strongest-support')).toBeVisible();
	await page.getByRole('button', { name: 'Full', exact: true }).click();
	await expect(page).toHaveURL(/[?&]print=1\b/);
});
