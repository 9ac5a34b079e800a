import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { DEBATE_ID, debateFile, map, openMap, tabTo } from './debate';

/**
 * One language switch for the claims and the whole interface (Paraglide messages): EN / 中文
 * changes both at once, without a reload and without losing what is on screen; the choice is in
 * the link and remembered by the browser; switching back gives exactly the English again.
 */

const SHOTS = 'screenshots';
const byId = new Map(debateFile.claims.map((c) => [c.id, c]));
const thesis = byId.get(debateFile.thesis)!;
/** A claim with an actor, evidence and claims answering it: the drawer shows every section. */
const rich = debateFile.claims.find(
	(c) =>
		c.target &&
		(c as { actor?: string }).actor &&
		c.evidence?.length &&
		debateFile.claims.some((k) => k.target === c.id)
)!;
const { title } = parse(readFileSync(`arguments/${DEBATE_ID}.yaml`, 'utf8')) as {
	title: { en: string; zh: string };
};

/** The interface's words as a reader (or a screen reader) gets them, to compare languages. */
async function interfaceWords(page: Page) {
	const names = (selector: string) =>
		page
			.locator(selector)
			.evaluateAll((els) =>
				els.map((e) => (e.getAttribute('aria-label') ?? (e as HTMLElement).innerText).trim())
			);
	return {
		toolbar: await names('[role="toolbar"] button, [role="toolbar"] summary'),
		groups: await names('[role="toolbar"] [role="group"]'),
		tabs: await names('[role="tab"]'),
		legend: (await page.locator('section.legend').innerText()).trim(),
		legendLabel: await page.locator('section.legend').getAttribute('aria-label'),
		thesisBar: (await page.getByTestId('thesis-standing').innerText()).trim(),
		map: await page.getByTestId('map').getAttribute('aria-label'),
		outline: (await page.getByRole('tree').innerText()).trim()
	};
}

async function drawerWords(page: Page) {
	const drawer = page.getByTestId('drawer');
	return {
		text: (await drawer.innerText()).trim(),
		close: await drawer.locator('button.close').getAttribute('aria-label')
	};
}

test('中文 turns the interface and the claims Chinese together, keeps the view, and EN gives the exact English back', async ({
	page
}) => {
	await openMap(page, `?claim=${rich.id}`);
	// State that must survive the switch: a search in the Find tab, an open drawer.
	await page.getByRole('tab', { name: 'Find' }).click();
	await page.getByTestId('search').fill('open');
	await expect(page.getByTestId('search-results')).toBeVisible();
	await page.getByRole('tab', { name: 'Outline' }).click();
	const english = await interfaceWords(page);
	const englishDrawer = await drawerWords(page);
	expect(english.toolbar).toContain('Panel');
	await page.evaluate(
		() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true)
	);

	await page.getByRole('button', { name: '中文' }).click();

	// The address and the document say Chinese; it is the same document (no reload).
	await expect(page).toHaveURL(/lang=zh/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	expect(
		await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)
	).toBe(true);

	// Toolbar, panel, legend, thesis bar.
	const toolbar = page.getByRole('toolbar');
	await expect(toolbar).toHaveAttribute('aria-label', '地图工具');
	for (const name of ['面板', '全图', '图例', '分栏', '树状', '演示', '讲义', '我的立场'])
		await expect(toolbar.getByRole('button', { name, exact: true })).toBeVisible();
	await expect(toolbar.getByRole('button', { name: '放大' })).toBeVisible();
	await expect(page.getByTestId('export-menu').locator('summary')).toHaveText('导出与合并');
	for (const name of ['大纲', '查找', '下一步论证'])
		await expect(page.getByRole('tab', { name })).toBeVisible();
	await expect(page.getByRole('heading', { name: '大纲' })).toBeVisible();
	const legend = page.getByRole('region', { name: '如何阅读这张图' });
	await expect(legend).toContainText('论题（顶部）');
	await expect(legend).toContainText('实线边框');
	const thesisBar = page.getByTestId('thesis-standing');
	await expect(thesisBar).toContainText('论题');
	await expect(thesisBar).toContainText(/站得住|受质疑|悬而未决/);
	await expect(page.getByTestId('thesis-meter')).toHaveAttribute('aria-label', '论题的强度');
	await expect(page.getByTestId('map')).toHaveAttribute('aria-roledescription', '论证图');

	// The claims too: outline, and on the map (zoomed in to full texts) headers, texts, footers.
	await expect(page.getByRole('treeitem').first()).toContainText(thesis.text.zh);
	await expect
		.poll(() => map(page, (h, id) => h.standingOf(id), debateFile.thesis))
		.toMatch(/站得住|受质疑|悬而未决/);
	for (let i = 0; i < 6; i++) await toolbar.getByRole('button', { name: '放大' }).click();
	await expect
		.poll(() => map(page, (h, id) => h.labelOf(id), debateFile.thesis))
		.toMatch(/^论题\n/);
	expect(await map(page, (h, id) => h.labelOf(id), debateFile.thesis)).toContain(
		thesis.text.zh.slice(0, 6)
	);
	const headers = await map(page, (h) => h.nodeIds().map((id) => h.labelOf(id).split('\n')[0]));
	for (const header of headers)
		expect(header).toMatch(/^(论题|[＋−] (支持|反对) · (支持|反对)论题|− 反驳异议|＋ 支持异议)$/);
	await toolbar.getByRole('button', { name: '全图' }).click();

	// The drawer stayed open: Chinese words around the Chinese claim.
	const drawer = page.getByTestId('drawer');
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(rich.text.zh);
	await expect(drawer.locator('p.kind')).toContainText('其目标，整体上');
	await expect(drawer.getByRole('button', { name: '关闭证据栏（Esc）' })).toBeVisible();
	await expect(drawer.getByRole('term').first()).toHaveText('提出者');
	await expect(drawer.getByRole('heading', { name: /^证据（\d+）$/ })).toBeVisible();
	await expect(drawer.getByRole('heading', { name: '成立情况' })).toBeVisible();
	await expect(drawer.getByRole('heading', { name: /^反对它的论点（\d+）$/ })).toBeVisible();
	await expect(drawer.getByTestId('strike')).toHaveText('删去（假设）');
	await expect(drawer.getByTestId('add-con')).toHaveText('− 提出异议');
	// The search is still there, now under 查找.
	await page.getByRole('tab', { name: '查找' }).click();
	await expect(page.getByTestId('search')).toHaveValue('open');
	await expect(page.getByRole('status').filter({ hasText: '个论点匹配' })).toBeVisible();
	await page.getByRole('tab', { name: '大纲' }).click();
	await page.screenshot({ path: `${SHOTS}/drawer-zh-1920x1080.png` });

	// A reload keeps Chinese (the link says so).
	await page.reload();
	await page.waitForFunction(() => window.__counterpointMap);
	await expect(page.getByRole('button', { name: '面板' })).toBeVisible();
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(rich.text.zh);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	// The search came back from the link too, and with it the Find tab: back to the outline.
	await expect(page.getByRole('tab', { name: '查找' })).toHaveAttribute('aria-selected', 'true');
	await page.getByRole('tab', { name: '大纲' }).click();

	// EN: exactly the English of before, and the English claims.
	await page.getByRole('button', { name: 'EN', exact: true }).click();
	await expect(page).not.toHaveURL(/lang=/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('button', { name: 'Panel' })).toBeVisible();
	await expect.poll(() => interfaceWords(page)).toEqual(english);
	expect(await drawerWords(page)).toEqual(englishDrawer);
	for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	await expect
		.poll(() => map(page, (h, id) => h.labelOf(id), debateFile.thesis))
		.toMatch(/^THESIS\n/);
	await expect
		.poll(() => map(page, (h, id) => h.labelOf(id), rich.id))
		.toMatch(/^[＋−] (Pro|Con) · (for|against) thesis\n/);
});

test('the language is remembered by the browser, and ?lang= in a link wins', async ({ page }) => {
	await openMap(page);
	await page.getByRole('button', { name: '中文' }).click();
	await expect(page).toHaveURL(/lang=zh/);

	// A link without ?lang= opens in the language chosen last, and says so in the address.
	await openMap(page);
	await expect(page.getByRole('button', { name: '面板' })).toBeVisible();
	await expect(page.getByRole('treeitem').first()).toContainText(thesis.text.zh);
	await expect(page).toHaveURL(/lang=zh/);

	// ?lang=en wins over what was remembered, and is remembered in turn.
	await openMap(page, '?lang=en');
	await expect(page.getByRole('button', { name: 'Panel' })).toBeVisible();
	await expect(page.getByRole('treeitem').first()).toContainText(thesis.text.en);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Debates' })).toBeVisible();
});

test('the library has the same switch: Chinese, in the link, remembered on the map, and back', async ({
	page
}) => {
	await page.goto('/');
	await page.locator('html[data-ready]').waitFor({ state: 'attached' });
	const english = {
		intro: await page.locator('header p').innerText(),
		counts: await page.locator('.debates .counts').first().innerText(),
		import: await page.locator('section.import').innerText()
	};
	await page.getByRole('button', { name: '中文' }).click();
	await expect(page).toHaveURL(/\?lang=zh$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
	await expect(page).toHaveTitle('Counterpoint — 课堂辩论的论证图');
	await expect(page.getByRole('heading', { name: '辩论', exact: true })).toBeVisible();
	await expect(page.getByRole('heading', { name: '导入辩论' })).toBeVisible();
	await expect(page.locator('.debates .title').first()).toHaveText(title.zh);
	await expect(page.locator('.debates .counts').first()).toContainText(/\d+ 个论点/);
	await expect(page.getByText('……或粘贴文本')).toBeVisible();
	// The file chooser is worded by the page, not by the browser (whose button stays English):
	// ours shows, the browser's lies invisibly over it, still the control that takes the file.
	const chooser = page.getByTestId('import-file');
	await expect(page.locator('.file-pick .file-button')).toHaveText('选择文件…');
	await expect(chooser).toHaveCSS('opacity', '0');
	await expect(chooser).toHaveAccessibleName(/打开文件/);
	await page.screenshot({ path: 'screenshots/library-zh.png' });
	await page.reload();
	await expect(page.getByRole('heading', { name: '导入辩论' })).toBeVisible();

	// The map opened from the library is Chinese too.
	await page.locator('.debates a').first().click();
	await page.waitForFunction(() => window.__counterpointMap);
	await expect(page.getByRole('button', { name: '面板' })).toBeVisible();
	await expect(page).toHaveURL(/lang=zh/);

	await page.goto('/');
	await page.getByRole('button', { name: 'EN', exact: true }).click();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { name: 'Debates' })).toBeVisible();
	await expect(page.locator('.debates .title').first()).toHaveText(title.en);
	expect(await page.locator('header p').innerText()).toBe(english.intro);
	expect(await page.locator('.debates .counts').first().innerText()).toBe(english.counts);
	expect(await page.locator('section.import').innerText()).toBe(english.import);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('keyboard only, in Chinese: Tab to the map, arrows, Enter opens the drawer, Esc closes it', async ({
	page
}) => {
	await openMap(page, '?lang=zh');
	await expect(page.getByRole('button', { name: '面板' })).toBeVisible();
	await page.screenshot({ path: `${SHOTS}/map-zh-1920x1080.png` });
	await tabTo(page, '[data-testid="map"]');
	const mapBox = page.getByTestId('map');
	await expect(mapBox).toBeFocused();
	await expect(mapBox).toHaveAttribute('aria-label', /方向键/);
	await expect.poll(() => map(page, (h) => h.selected())).toEqual([debateFile.thesis]);
	await expect(page.locator('#map-announce')).toContainText('论题');
	await page.keyboard.press('ArrowRight');
	const [first] = await map(page, (h) => h.selected());
	expect(byId.get(first!)!.target).toBe(debateFile.thesis);
	await page.keyboard.press('ArrowDown');
	const [second] = await map(page, (h) => h.selected());
	expect(byId.get(second!)!.target).toBe(debateFile.thesis);
	// What a screen reader hears is Chinese too.
	const announce = page.locator('#map-announce');
	await expect(announce).toContainText(/其目标，(支持|反对)论题。/);
	await expect(announce).toContainText(/\d+ 条异议，\d+ 条支持/);
	await expect(announce).toContainText(/强度 \d\.\d\d/);
	expect(await announce.innerText()).not.toMatch(/[A-Za-z]{4,}/);
	await page.keyboard.press('Enter');
	const drawer = page.getByTestId('drawer');
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(byId.get(second!)!.text.zh);
	await expect(drawer.getByRole('heading', { level: 2 })).toBeFocused();
	await expect(drawer.getByRole('heading', { name: '成立情况' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(drawer).toBeHidden();
	await expect(mapBox).toBeFocused();
	await expect(page).toHaveURL(/lang=zh/);
});

test('Chinese fits: no label, button or header overflows, at projector and laptop sizes', async ({
	page
}) => {
	for (const size of [
		{ width: 1920, height: 1080 },
		{ width: 1366, height: 768 }
	]) {
		await page.setViewportSize(size);
		await openMap(page, `?lang=zh&claim=${rich.id}`);
		await expect(page.getByTestId('drawer')).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			size.width
		);
		// Every button and tab shows its whole label.
		const clipped = await page
			.locator('button:visible, summary:visible, [role="tab"]:visible')
			.evaluateAll((els) =>
				els
					.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
					.map((e) => (e as HTMLElement).innerText)
			);
		expect(clipped).toEqual([]);
		// The toolbar stays on one row.
		const bar = (await page.locator('header.bar').boundingBox())!;
		expect(bar.height).toBeLessThan(70);
	}
});

test('a text without a translation shows in its own language, marked as not translated yet', async ({
	page
}) => {
	await page.goto('/');
	await page.getByTestId('import-file').setInputFiles('tests/fixtures/debates/valid.yaml');
	await page.getByTestId('imported-list').locator('a').click();
	await page.waitForFunction(() => window.__counterpointMap);
	await page.getByRole('button', { name: '中文' }).click();
	const items = page.getByRole('treeitem');
	// The thesis has Chinese; the three claims under it have English only.
	await expect(items.first()).toContainText('学校应当要求穿校服');
	await expect(items.first().getByTestId('untranslated')).toHaveCount(0);
	await expect(items.nth(1)).toContainText('Uniforms cost families less');
	await expect(items.nth(1).getByTestId('untranslated')).toHaveText('尚未翻译');
	await items.nth(1).click();
	await expect(page.getByTestId('drawer').getByTestId('untranslated')).toBeVisible();
});
