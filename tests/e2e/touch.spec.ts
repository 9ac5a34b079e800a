import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { debateFile, map, openMap } from './debate';

/**
 * A phone: one finger pans the map, two fingers pinch-zoom it, a tap on a claim opens its
 * evidence as a bottom sheet. Real touch events, sent through the DevTools protocol.
 */
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

type Point = { x: number; y: number };

/** Fingers from `from` to `to` (one point per finger), in small steps, then lifted. */
async function gesture(cdp: CDPSession, from: Point[], to: Point[], steps = 12) {
	const at = (t: number) =>
		from.map((p, i) => ({
			x: p.x + (to[i]!.x - p.x) * t,
			y: p.y + (to[i]!.y - p.y) * t,
			id: i
		}));
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
	for (let s = 1; s <= steps; s++)
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(s / steps) });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const centre = (page: Page, id: string) => map(page, (h, a) => h.renderedCentre(a), id);
const zoom = (page: Page) => map(page, (h) => h.zoom());

/** A point on the map's empty ground (on no claim), well inside the map. */
async function emptyPoint(page: Page): Promise<Point> {
	const m = (await page.getByTestId('map').boundingBox())!;
	const boxes = await map(page, (h) => h.nodeIds().map((id) => h.renderedBox(id)));
	for (const fy of [0.85, 0.75, 0.65, 0.25, 0.15])
		for (const fx of [0.5, 0.3, 0.7, 0.15, 0.85]) {
			const x = m.width * fx;
			const y = m.height * fy;
			const onClaim = boxes.some(
				(b) => x >= b.x1 - 12 && x <= b.x2 + 12 && y >= b.y1 - 12 && y <= b.y2 + 12
			);
			if (!onClaim) return { x: m.x + x, y: m.y + y };
		}
	throw new Error('no empty ground on the map');
}

test('touch: one finger pans the map by the distance dragged', async ({ page }) => {
	await openMap(page);
	// The browser leaves touches on the map to the map: no page scroll or page zoom.
	expect(await page.getByTestId('map').evaluate((el) => getComputedStyle(el).touchAction)).toBe(
		'none'
	);
	const cdp = await page.context().newCDPSession(page);
	const thesis = debateFile.thesis;
	const before = await centre(page, thesis);
	const z = await zoom(page);
	const start = await emptyPoint(page);
	const drag = { x: -90, y: -150 };
	await gesture(cdp, [start], [{ x: start.x + drag.x, y: start.y + drag.y }], 20);
	await expect.poll(async () => (await centre(page, thesis)).y).not.toBe(before.y);
	const after = await centre(page, thesis);
	const moved = { x: after.x - before.x, y: after.y - before.y };
	// Cytoscape starts panning once the finger has moved a few pixels: allow that much.
	expect(Math.abs(moved.x - drag.x)).toBeLessThan(25);
	expect(Math.abs(moved.y - drag.y)).toBeLessThan(25);
	expect(Math.sign(moved.x)).toBe(-1);
	expect(Math.sign(moved.y)).toBe(-1);
	// A pan is not a zoom, and not a tap: nothing opened.
	expect(await zoom(page)).toBeCloseTo(z, 5);
	await expect(page.getByTestId('drawer')).toBeHidden();
});

test('touch: two fingers pinch the map in and out', async ({ page }) => {
	await openMap(page);
	const cdp = await page.context().newCDPSession(page);
	const m = (await page.getByTestId('map').boundingBox())!;
	const c = { x: m.x + m.width / 2, y: m.y + m.height / 2 };
	const z0 = await zoom(page);
	// Spread: the fingers go from 60 px apart to 240 px apart.
	await gesture(
		cdp,
		[
			{ x: c.x - 30, y: c.y },
			{ x: c.x + 30, y: c.y }
		],
		[
			{ x: c.x - 120, y: c.y },
			{ x: c.x + 120, y: c.y }
		]
	);
	await expect.poll(() => zoom(page)).toBeGreaterThan(z0 * 2);
	const z1 = await zoom(page);
	// Pinch: from 240 px apart back to 80.
	await gesture(
		cdp,
		[
			{ x: c.x, y: c.y - 120 },
			{ x: c.x, y: c.y + 120 }
		],
		[
			{ x: c.x, y: c.y - 40 },
			{ x: c.x, y: c.y + 40 }
		]
	);
	await expect.poll(() => zoom(page)).toBeLessThan(z1 / 2);
	await expect(page.getByTestId('drawer')).toBeHidden();
});

test('touch: a tap on a claim opens its evidence as a bottom sheet, the claim above it', async ({
	page
}) => {
	await openMap(page);
	const cdp = await page.context().newCDPSession(page);
	const thesis = debateFile.thesis;
	const p = await centre(page, thesis);
	await cdp.send('Input.dispatchTouchEvent', {
		type: 'touchStart',
		touchPoints: [{ x: p.x, y: p.y }]
	});
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	const drawer = page.getByTestId('drawer');
	await expect(drawer).toBeVisible();
	const text = debateFile.claims.find((c) => c.id === thesis)!.text.en;
	await expect(drawer.getByRole('heading', { level: 2 })).toHaveText(text);
	await expect(page).toHaveURL(new RegExp(`claim=${thesis}`));
	expect(await map(page, (h) => h.selected())).toEqual([thesis]);
	// A bottom sheet: full width, in the lower part of the screen, the claim visible above it.
	const d = (await drawer.boundingBox())!;
	expect(d.width).toBeGreaterThanOrEqual(389);
	expect(d.y).toBeGreaterThan(844 * 0.3);
	await expect
		.poll(async () => (await map(page, (h, a) => h.renderedBox(a), thesis)).y2)
		.toBeLessThanOrEqual(d.y - (await page.getByTestId('map').boundingBox())!.y + 1);
	await page.screenshot({ path: 'screenshots/touch-sheet-390x844.png' });
});
