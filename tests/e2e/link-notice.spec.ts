import { expect, test } from '@playwright/test';
import { DEBATE_ID } from './debate';

/** A link with a thousand bad parts: the notice stays a line or two, and the map stays in view. */
const scores = Array.from({ length: 1000 }, (_, i) => `x${i + 1}:0.1`).join(',');

for (const [lang, words] of [
	[
		'en',
		'Some parts of this link were ignored: score=x1:0.1, score=x2:0.1, score=x3:0.1 and 997 more.'
	],
	['zh', '此链接中有些部分被忽略了：score=x1:0.1, score=x2:0.1, score=x3:0.1，另有 997 项。']
] as const)
	test(`1,000 bad scores in a link: a notice of a line or two names three and counts the rest; the map stays in view (${lang})`, async ({
		page
	}) => {
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.goto(`/debate/${DEBATE_ID}?lang=${lang}&score=${scores}`);
		const notice = page.getByTestId('link-ignored');
		await expect(notice).toContainText(words);
		const box = (await notice.boundingBox())!;
		// Two lines of 0.9rem text and the dismiss button, at most.
		expect(box.height).toBeLessThan(80);
		const map = page.getByTestId('map');
		await expect(map).toBeVisible();
		const drawn = (await map.boundingBox())!;
		expect(drawn.y + drawn.height / 2).toBeLessThan(768);
		expect(drawn.height).toBeGreaterThan(400);
		await page.screenshot({ path: `test-results/link-notice-${lang}.png` });
	});
