import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { parse } from 'yaml';

/** The shipped debate as the tests know it: read from the file, not hard-coded. */
export const DEBATE_ID = 'llama-open-weights';
export const debateFile = parse(readFileSync(`arguments/${DEBATE_ID}.yaml`, 'utf8')) as {
	thesis: string;
	claims: {
		id: string;
		text: { en: string; zh: string };
		target?: string;
		stance?: string;
		evidence: { source: string; quote: string; quoteLang: string }[];
		tags?: string[];
	}[];
	sources: { id: string; url?: string; title: string | Record<string, string> }[];
};

export type { MapHook } from '../../src/lib/map/test-hook';
import type { MapHook } from '../../src/lib/map/test-hook';

/** Opens the shipped debate's map (on `origin`, another server, if given) and waits for it. */
export async function openMap(page: Page, query = '', origin = '') {
	await page.goto(`${origin}/debate/${DEBATE_ID}${query}`);
	await page.waitForFunction(() => window.__counterpointMap?.nodeIds().length);
	await expect(page.getByTestId('map')).toBeVisible();
}

/**
 * Calls the map's test hook in the page. The function travels as source text and runs as a
 * DevTools evaluation, which the page's Content-Security-Policy (no eval) does not block.
 */
export function map<T>(page: Page, fn: (hook: MapHook, arg: string) => T, arg = ''): Promise<T> {
	return page.evaluate(
		`(${fn.toString()})(window.__counterpointMap, ${JSON.stringify(arg)})`
	) as Promise<T>;
}

type Box = { x1: number; y1: number; x2: number; y2: number };

/** Pairs of claims whose drawn boxes intersect; empty when nothing overlaps. */
export function overlappingPairs(ids: string[], boxes: Box[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const [a, b] = [boxes[i]!, boxes[j]!];
			if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2)
				out.push(`${ids[i]} / ${ids[j]}`);
		}
	}
	return out;
}

/** Presses Tab until the focused element matches `selector` (at most `limit` times). */
export async function tabTo(page: Page, selector: string, limit = 60) {
	for (let i = 0; i < limit; i++) {
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
		await page.keyboard.press('Tab');
	}
}

/**
 * Intercepts the download of the app's script chunk that contains `marker` (chunk names are
 * hashed; their contents are not): `'fail'` refuses it as a dropped connection would, a number
 * holds it back that many milliseconds. Other chunks pass untouched.
 */
export function interceptChunk(page: Page, marker: string, what: 'fail' | number) {
	return page.route('**/_app/immutable/chunks/*.js', async (route) => {
		const response = await route.fetch();
		const body = await response.text();
		if (body.includes(marker)) {
			if (what === 'fail') return route.abort('internetdisconnected');
			await new Promise((wait) => setTimeout(wait, what));
		}
		return route.fulfill({ response, body });
	});
}

/** Answers the stance poll on `page`, before or after the discussion, and closes it. */
export async function answerPoll(page: Page, when: 'Before' | 'After', stance: string) {
	await page.getByTestId('poll-button').click();
	const poll = page.getByTestId('poll');
	await poll.getByRole('tab', { name: new RegExp(when) }).click();
	await page.getByTestId('poll-slider').fill(stance);
	await page.getByTestId('poll-save').click();
	await page.keyboard.press('Escape');
	await expect(poll).toBeHidden();
}
