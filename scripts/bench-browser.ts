/**
 * The browser half of `npm run bench`: the built app in Debian's headless Chromium. Prints one
 * JSON object per line (suite `browser`, `limit`, `bundle`). Run by `scripts/bench.ts`; alone:
 * `tsx scripts/bench-browser.ts [--full] [--shipped]` (`--shipped`: the shipped debate only).
 *
 * - `browser`: from navigation (the shipped debate) or from choosing a file (imports) to the
 *   map's first frame on screen, and the longest main-thread task meanwhile (Long Tasks API).
 * - `limit`: a bare page that parses the same debate's JSON and has Cytoscape draw it at
 *   positions computed beforehand: no validation, no layout, no app. From navigation to first
 *   frame, like the app. What no app can beat on this machine.
 * - `bundle`: gzip bytes of the JavaScript the map page loads before it is interactive (its
 *   module preloads and their static imports; lazily loaded code is not counted). The shipped
 *   row adds `js_to_drawn_gzip_bytes`: every script fetched by the time the map is drawn (the
 *   map engine, Cytoscape, loads beside the page, after it is interactive).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './ensure-chromium.mjs';
import { syntheticDebate, type Shape } from './synthetic';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const BASE = `http://127.0.0.1:${PORT}`;
const SHIPPED = 'llama-open-weights';
const VIEWPORT = { width: 1366, height: 768 };
const full = process.argv.includes('--full');

/** Records long tasks from the start of the page, before any of its scripts run. */
const LONG_TASKS = `
	window.__longTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
	}).observe({ type: 'longtask', buffered: true });
	document.addEventListener('change', () => { window.__fileChosenAt = performance.now(); }, true);
	// When the page is interactive: the app marks <html data-ready> once it has hydrated.
	new MutationObserver((_, observer) => {
		if (document.documentElement?.hasAttribute('data-ready')) {
			window.__readyAt = performance.now();
			observer.disconnect();
		}
	}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
`;

function median(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}
const round = (ms: number) => Math.round(ms);

/** Serves the built app (building it first if stale) and resolves once it answers. */
async function serve(): Promise<ChildProcess> {
	const server = spawn(process.execPath, ['scripts/start.mjs'], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(PORT) },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((ok, fail) => {
		server.stdout!.on('data', (chunk: Buffer) => {
			if (chunk.toString().includes('is running at')) ok();
		});
		server.on('exit', (code) => fail(new Error(`the app server stopped (${code})`)));
	});
	return server;
}

/** Waits for the map's first frame; returns its time (ms since this page's navigation). */
async function mapDrawn(page: Page, timeout = 120_000): Promise<number> {
	await page.waitForSelector('[data-testid="map"][data-drawn]', { timeout });
	return page.evaluate(
		"performance.getEntriesByName('counterpoint:map-drawn')[0].startTime"
	) as Promise<number>;
}

/** The longest task that started between `from` and `until` (ms on the page's clock), after settling a little. */
async function longestTask(page: Page, until: number, from = 0): Promise<number> {
	await page.waitForTimeout(300);
	const tasks = (await page.evaluate('window.__longTasks')) as { start: number; ms: number }[];
	return Math.max(0, ...tasks.filter((t) => t.start >= from && t.start <= until).map((t) => t.ms));
}

async function shipped(browser: Browser, runs: number) {
	const drawn: number[] = [];
	const longest: number[] = [];
	const layout: number[] = [];
	const domReady: number[] = [];
	const interactive: number[] = [];
	let jsToDrawn = 0;
	for (let i = 0; i < runs; i++) {
		const context = await browser.newContext({ viewport: VIEWPORT });
		const page = await context.newPage();
		await page.addInitScript(LONG_TASKS);
		await page.goto(`${BASE}/debate/${SHIPPED}`);
		const at = await mapDrawn(page);
		drawn.push(at);
		layout.push(
			(await page.evaluate(
				"performance.getEntriesByName('counterpoint:layout')[0].duration"
			)) as number
		);
		const nav = (await page.evaluate(
			"JSON.stringify(performance.getEntriesByType('navigation')[0])"
		)) as string;
		domReady.push((JSON.parse(nav) as { domInteractive: number }).domInteractive);
		interactive.push((await page.evaluate('window.__readyAt')) as number);
		// Every script the page had asked for by the time its map was drawn, gzip-sized from the build.
		const scripts = (await page.evaluate(
			`performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js') && r.startTime <= ${at}).map((r) => new URL(r.name).pathname)`
		)) as string[];
		jsToDrawn = scripts.reduce(
			(sum, path) => sum + gzipSync(readFileSync(resolve(ROOT, 'build/client' + path))).length,
			0
		);
		longest.push(await longestTask(page, at));
		await context.close();
	}
	return {
		drawn_ms: round(median(drawn)),
		longest_task_ms: round(median(longest)),
		// Of which: the HTML parsed (the page's DOM ready), the page usable (hydrated) and the
		// map's texts and layout.
		dom_interactive_ms: round(median(domReady)),
		interactive_ms: round(median(interactive)),
		js_to_drawn_gzip_bytes: jsToDrawn,
		layout_ms: Math.round(median(layout) * 10) / 10
	};
}

/** Chooses a synthetic debate in the import panel, then opens it: file chosen → map drawn. */
async function imported(browser: Browser, n: number, shape: Shape, query = '') {
	const context = await browser.newContext({ viewport: VIEWPORT });
	const page = await context.newPage();
	await page.addInitScript(LONG_TASKS);
	await page.goto(`${BASE}/`);
	const json = JSON.stringify(syntheticDebate(n, shape));
	await page.setInputFiles('input[type="file"]', {
		name: `synthetic-${n}.json`,
		mimeType: 'application/json',
		buffer: Buffer.from(json)
	});
	await page.waitForSelector('[data-testid="import-done"] a', { timeout: 120_000 });
	const chosenAt = (await page.evaluate('window.__fileChosenAt')) as number;
	const importMs = ((await page.evaluate('performance.now()')) as number) - chosenAt;
	const importLongest = await longestTask(page, Infinity, chosenAt);
	const clickAt = (await page.evaluate('window.__clickAt = performance.now()')) as number;
	if (query) {
		// Straight to a view (every level): a full load of that address.
		const href = await page.getAttribute('[data-testid="import-done"] a', 'href');
		await page.goto(`${BASE}${href}${query}`);
	} else await page.click('[data-testid="import-done"] a');
	const at = await mapDrawn(page);
	// SvelteKit opens the link without reloading (same document, same clock); were it a full
	// navigation, the new document's clock would start at zero.
	const sameDocument = (await page.evaluate('window.__clickAt !== undefined')) as boolean;
	const openMs = sameDocument ? at - clickAt : at;
	const openLongest = await longestTask(page, at, sameDocument ? clickAt : 0);
	const drawnNodes = Number(await page.getAttribute('[data-testid="map"]', 'data-drawn'));
	const fps = await panFps(page);
	await context.close();
	return {
		import_ms: round(importMs),
		open_ms: round(openMs),
		import_to_drawn_ms: round(importMs + openMs),
		longest_task_ms: round(Math.max(importLongest, openLongest)),
		drawn_nodes: drawnNodes,
		pan_fps: fps
	};
}

/** Frames per second while the map is dragged for one second. */
async function panFps(page: Page): Promise<number> {
	const box = (await page.locator('[data-testid="map"]').boundingBox())!;
	const x = box.x + box.width / 2;
	const y = box.y + box.height / 2;
	await page.evaluate(`(() => {
		window.__frames = 0;
		const tick = () => { window.__frames++; if (window.__counting) requestAnimationFrame(tick); };
		window.__counting = true;
		requestAnimationFrame(tick);
	})()`);
	const t0 = Date.now();
	await page.mouse.move(x, y);
	await page.mouse.down();
	for (let i = 0; i < 30; i++) {
		await page.mouse.move(x + (i % 2 ? -1 : 1) * 8 * i, y + 4 * i, { steps: 2 });
		await page.waitForTimeout(1000 / 30);
	}
	await page.mouse.up();
	const frames = (await page.evaluate('(window.__counting = false, window.__frames)')) as number;
	return Math.round((frames * 1000) / (Date.now() - t0));
}

/** Bare Cytoscape drawing the debate at positions laid out beforehand, after JSON.parse. */
async function limit(browser: Browser, n: number, shape: Shape | 'shipped') {
	const { buildGraph } = await import('../src/lib/core/model');
	const { toElements } = await import('../src/lib/map/elements');
	const { arrange } = await import('../src/lib/map/arrange');
	const { mapStyle } = await import('../src/lib/map/style');
	const { loadDebate } = await import('../src/lib/core/load');
	const data =
		shape === 'shipped'
			? readFileSync(resolve(ROOT, `arguments/${SHIPPED}.yaml`), 'utf8')
			: JSON.stringify(syntheticDebate(n, shape));
	const loaded = loadDebate(data);
	if (!loaded.ok) throw new Error('bench debate invalid');
	const graph = buildGraph(loaded.value);
	const elements = toElements(graph, { lang: 'en' });
	const { positions } = arrange(graph, elements, VIEWPORT.width / VIEWPORT.height);
	const drawn = {
		debate: loaded.value,
		elements: [
			...elements.nodes.map((node) => ({ ...node, position: positions[node.data.id] })),
			...elements.edges
		]
	};
	// A page of its own: navigation → parse → draw, timed like the app's page.
	const html = `<!doctype html><meta charset="utf-8"><div id="map" style="position:absolute;inset:0"></div>
<script src="/__bench/cytoscape.js"></script>
<script id="data" type="application/json">${JSON.stringify(drawn).replace(/</g, '\\u003c')}</script>
<script>
	const { elements } = JSON.parse(document.getElementById('data').textContent);
	const cy = cytoscape({ container: document.getElementById('map'), elements, style: ${JSON.stringify(mapStyle())}, layout: { name: 'preset' } });
	cy.one('render', () => performance.mark('limit-drawn'));
</script>`;
	const context = await browser.newContext({ viewport: VIEWPORT });
	await context.route(`${BASE}/__bench/limit`, (route) =>
		route.fulfill({ contentType: 'text/html', body: html })
	);
	await context.route(`${BASE}/__bench/cytoscape.js`, (route) =>
		route.fulfill({ path: resolve(ROOT, 'node_modules/cytoscape/dist/cytoscape.min.js') })
	);
	const times: number[] = [];
	for (let i = 0; i < 3; i++) {
		const page = await context.newPage();
		await page.goto(`${BASE}/__bench/limit`);
		await page.waitForFunction("performance.getEntriesByName('limit-drawn').length > 0", null, {
			timeout: 120_000
		});
		times.push(
			(await page.evaluate("performance.getEntriesByName('limit-drawn')[0].startTime")) as number
		);
		await page.close();
	}
	await context.close();
	return round(median(times));
}

/** Gzip bytes of the map page's JavaScript before interaction: preloads and static imports. */
function bundle(): { gzip_bytes: number; files: number } {
	// The server's build: pages in build/prerendered, scripts in build/client, linked relative to
	// the page's address (/debate/<id>).
	const html = resolve(ROOT, `build/prerendered/debate/${SHIPPED}.html`);
	const queue = [...readFileSync(html, 'utf8').matchAll(/href="([^"]+\.js)"/g)].map((m) =>
		resolve(ROOT, 'build/client/debate', m[1]!)
	);
	const seen = new Set<string>();
	let gzip = 0;
	while (queue.length) {
		const file = queue.shift()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const code = readFileSync(file, 'utf8');
		gzip += gzipSync(code).length;
		// Static imports between chunks (`from"./x.js"`, `import"./x.js"`); not `import("./x.js")`.
		for (const m of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g))
			queue.push(resolve(dirname(file), m[1]!));
	}
	return { gzip_bytes: gzip, files: seen.size };
}

async function main() {
	const server = await serve();
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		args: CHROMIUM_ARGS
	});
	const print = (row: object) => console.log(JSON.stringify(row));
	try {
		print({ suite: 'bundle', page: `/debate/${SHIPPED}`, ...bundle() });
		const ship = await shipped(browser, 5);
		const shipLimit = await limit(browser, 0, 'shipped');
		print({
			suite: 'browser',
			case: 'shipped',
			...ship,
			limit_ms: shipLimit,
			ratio_to_limit: Math.round((ship.drawn_ms / shipLimit) * 100) / 100
		});
		// `--shipped`: only the shipped debate (a quick check while working on the page).
		const sizes = process.argv.includes('--shipped')
			? []
			: full
				? [1000, 3000, 10000]
				: [1000, 3000];
		for (const n of sizes) {
			const shape: Shape = 'tree+links';
			const row = await imported(browser, n, shape);
			print({ suite: 'browser', case: 'import', n, shape, ...row });
			print({ suite: 'limit', n, shape, limit_ms: await limit(browser, n, shape) });
			if (n === 3000)
				print({
					suite: 'browser',
					case: 'all levels',
					n,
					shape,
					...(await imported(browser, n, shape, '&levels=all'))
				});
		}
	} finally {
		await browser.close();
		server.kill();
	}
}

await main();
