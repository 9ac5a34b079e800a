#!/usr/bin/env node
/**
 * Proof that a change to the styles changes nothing anyone sees: walks the interface through its
 * states (library and import panel; the map page with each side-panel tab, a search with filters,
 * a kind of gap, Export & merge, the drawer and its add-a-claim form, a what-if, focus, the stance
 * poll, present mode; the handout; the editor), in normal and in high contrast, and writes every
 * rendered element's computed colours, borders, shadows, weights, opacity and decoration (and its
 * ::before/::after when drawn) to JSON. Dump before the change, dump after, compare.
 *
 *   node scripts/start.mjs                          # a built app, PORT=4173 by default
 *   node scripts/style-dump.mjs dump before.json [port]
 *   node scripts/style-dump.mjs compare before.json after.json
 *
 * Compare lists each element and property that differs and exits 1 if any does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './ensure-chromium.mjs';

const DEBATE = 'llama-open-weights';
const PROPS = [
	'color',
	'background-color',
	'background-image',
	...['top', 'right', 'bottom', 'left'].flatMap((side) =>
		['width', 'color', 'style'].map((what) => `border-${side}-${what}`)
	),
	'box-shadow',
	'font-weight',
	'opacity',
	'text-decoration',
	'outline-color',
	'outline-width',
	'outline-style'
];

/** In the page: each rendered element, keyed by its path (tag, classes, index), with its styles. */
function styles(props) {
	const key = (el) => {
		const parts = [];
		for (let e = el; e; e = e.parentElement) {
			const index = e.parentElement ? [...e.parentElement.children].indexOf(e) : 0;
			// Svelte's scoping classes are hashed from the styles, so they change with them.
			const classes = [...e.classList].filter((c) => !c.startsWith('svelte-'));
			parts.unshift(`${e.tagName.toLowerCase()}${classes.map((c) => `.${c}`).join('')}[${index}]`);
		}
		return parts.join('>');
	};
	const out = {};
	for (const el of document.querySelectorAll('body *')) {
		if (el.closest('svg') || !el.checkVisibility()) continue;
		const record = {};
		const style = getComputedStyle(el);
		for (const p of props) record[p] = style.getPropertyValue(p);
		for (const pseudo of ['::before', '::after']) {
			const ps = getComputedStyle(el, pseudo);
			if (ps.content !== 'none' && ps.content !== 'normal')
				for (const p of props) record[pseudo + p] = ps.getPropertyValue(p);
		}
		out[key(el)] = record;
	}
	return out;
}

async function dump(file, port) {
	const base = `http://127.0.0.1:${port}`;
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
	const result = {};
	for (const contrast of ['no-preference', 'more']) {
		const context = await browser.newContext({
			viewport: { width: 1920, height: 1080 },
			reducedMotion: 'reduce'
		});
		const page = await context.newPage();
		await page.emulateMedia({ contrast });
		const snap = async (name) => {
			await page.waitForTimeout(400);
			result[`${contrast}/${name}`] = await page.evaluate(styles, PROPS);
			console.log(contrast, name, Object.keys(result[`${contrast}/${name}`]).length);
		};
		const openMap = async (query = '') => {
			await page.goto(`${base}/debate/${DEBATE}${query}`);
			await page.waitForFunction(() => window.__counterpointMap?.nodeIds().length);
		};

		await page.goto(`${base}/`);
		await snap('library');
		await page.locator('.import details.paste summary').click();
		await page.locator('.import textarea').fill('thesis: [broken');
		await page.locator('.import .paste button').first().click();
		await snap('import-problem');

		await openMap();
		await snap('map-outline');
		const claim = await page.locator('[role="treeitem"]').nth(1).getAttribute('data-claim');
		const tabs = page.locator('.sidebar [role="tab"]');
		for (const [i, tab] of (await tabs.all()).entries()) {
			await tab.click();
			await snap(`map-tab-${i}`);
		}
		await tabs.nth(1).click();
		await page.getByTestId('search').fill('open');
		await page.locator('input[data-facet="tag"]').first().check();
		await snap('map-find-filtered');
		await tabs.nth(2).click();
		await page.locator('label.kind').nth(1).click();
		await snap('map-gap-kind');
		await tabs.nth(3).click();
		if (await page.locator('.more').count()) await page.locator('.more').first().click();
		await snap('map-strongest-more');

		await openMap();
		await page.getByTestId('export-menu').locator('summary').click();
		await snap('map-export');
		await page.keyboard.press('Escape');
		await page.locator(`[role="treeitem"][data-claim="${claim}"]`).click();
		await snap('map-drawer');
		await page.getByTestId('add-con').click();
		await snap('map-add-claim');
		await page.getByTestId('contribution-form').locator('button.primary').click();
		await snap('map-add-claim-problem');

		await openMap(`?claim=${claim}`);
		await page.getByTestId('strike').click();
		await snap('map-what-if');
		await openMap(`?focus=${claim}&q=open`);
		await snap('map-focus-search');

		await openMap();
		await page.getByTestId('poll-button').click();
		await snap('poll');
		for (const [when, stance] of [
			[/Before/, '30'],
			[/After/, '70']
		]) {
			await page.getByTestId('poll').getByRole('tab', { name: when }).click();
			await page.getByTestId('poll-slider').fill(stance);
			await page.getByTestId('poll-save').click();
		}
		await page.getByTestId('poll-result').waitFor();
		await snap('poll-result');

		await openMap('?present=1&step=3');
		await snap('present');

		await page.goto(`${base}/debate/${DEBATE}?print=1`);
		await page.locator('.handout .map img').waitFor();
		await snap('handout');
		await page.locator('.handout .controls button[aria-pressed="false"]').first().click();
		await snap('handout-other-choice');

		await page.goto(`${base}/edit?new`);
		await page.getByTestId('check-summary').click();
		await snap('editor-checks');
		await context.close();
	}
	await browser.close();
	writeFileSync(file, JSON.stringify(result, null, 1));
}

function compare(beforeFile, afterFile) {
	const [before, after] = [beforeFile, afterFile].map((f) => JSON.parse(readFileSync(f, 'utf8')));
	let differences = 0;
	const report = (line) => {
		differences++;
		console.log(line);
	};
	for (const state of new Set([...Object.keys(before), ...Object.keys(after)])) {
		const [b, a] = [before[state] ?? {}, after[state] ?? {}];
		for (const el of new Set([...Object.keys(b), ...Object.keys(a)])) {
			if (!b[el] || !a[el]) {
				report(`${state} ${el}: only ${b[el] ? 'before' : 'after'}`);
				continue;
			}
			for (const p of new Set([...Object.keys(b[el]), ...Object.keys(a[el])]))
				if (b[el][p] !== a[el][p]) report(`${state} ${el} ${p}: ${b[el][p]} → ${a[el][p]}`);
		}
	}
	const elements = Object.values(before).reduce((n, s) => n + Object.keys(s).length, 0);
	console.log(
		`${Object.keys(before).length} states, ${elements} elements: ${differences} differences`
	);
	process.exitCode = differences ? 1 : 0;
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'dump' && args[0]) await dump(args[0], Number(args[1] ?? process.env.PORT ?? 4173));
else if (mode === 'compare' && args[1]) compare(args[0], args[1]);
else {
	console.error(
		'usage: style-dump.mjs dump <out.json> [port] | compare <before.json> <after.json>'
	);
	process.exitCode = 2;
}
