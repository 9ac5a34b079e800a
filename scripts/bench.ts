/**
 * `npm run bench [-- --full] [-- --json]`: how long Counterpoint takes to go from a debate's text
 * to a laid-out map, step by step, beside Argdown (`@argdown/core` + Graphviz) on the same debate
 * written by our own Argdown exporter. Synthetic, seeded debates: 100, 1,000 and 3,000 claims
 * (10,000 with --full), as pure trees and as trees with 10 % extra cross-links. Each size and shape
 * runs in a fresh process (dagre's speed depends on the JIT's history); each step reports the
 * median of several runs. Then the browser half (bench-browser.ts; skip with --no-browser): the
 * built app in headless Chromium. Between them, hostile inputs that were once quadratic, each at two
 * sizes (bench-hostile.ts; skip with --no-hostile). Prints tables; with --json, one JSON object per
 * line.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { syntheticDebate, type Shape } from './synthetic';
interface Row {
	suite: string;
	n: number;
	shape: Shape;
	[key: string]: unknown;
}

const args = process.argv.slice(2);

function median(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)]!;
}

async function time(runs: number, fn: () => unknown | Promise<unknown>) {
	const out: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		out.push(performance.now() - t);
	}
	return Math.round(median(out) * 10) / 10;
}

/** One size and shape, in this (fresh) process. */
async function runCase(n: number, shape: Shape): Promise<Row[]> {
	const { stringify } = await import('yaml');
	const { loadDebate } = await import('../src/lib/core/load');
	const { importDebate, exportDebate } = await import('../src/lib/core/formats');
	const { buildGraph } = await import('../src/lib/core/model');
	const { evaluate } = await import('../src/lib/core/evaluate');
	const { toElements } = await import('../src/lib/map/elements');
	const { arrange } = await import('../src/lib/map/arrange');
	const { dagreOptions, LAYOUT_SELECTOR } = await import('../src/lib/map/layout');
	const { tidyTree } = await import('../src/lib/map/tidy-tree');
	const cytoscape = (await import('cytoscape')).default;
	const dagre = (await import('cytoscape-dagre')).default;
	cytoscape.use(dagre);
	const { argdown } = await import('@argdown/core/dist/argdown.js');

	const data = syntheticDebate(n, shape);
	const yamlText = stringify(data);
	const jsonText = JSON.stringify(data);
	const runs = n <= 1000 ? 5 : 3;
	const loaded = loadDebate(yamlText);
	if (!loaded.ok) throw new Error('synthetic debate invalid');
	const debate = loaded.value;
	const graph = buildGraph(debate);
	const elements = toElements(graph, { lang: 'en' });

	const yamlMs = await time(runs, () => loadDebate(yamlText));
	const jsonMs = await time(runs, () => importDebate(jsonText, { file: 'b.json' }));
	const graphMs = await time(runs, () => buildGraph(debate));
	const elementsMs = await time(runs, () => toElements(graph, { lang: 'en' }));
	const combMs = await time(runs, () => arrange(graph, elements, 16 / 9));
	const evalMs = await time(runs, () => evaluate(graph));
	const sizes = new Map(
		elements.nodes.map((e) => [e.data.id, { w: e.data.width, h: e.data.height }])
	);
	const tidyMs = await time(runs, () =>
		tidyTree(
			graph,
			(id) => sizes.get(id)!,
			() => true
		)
	);
	const dagreRuns = n <= 1000 ? runs : 1;
	const dagreMs =
		n >= 3000 && shape === 'tree+links' && !args.includes('--full')
			? null
			: await time(dagreRuns, () => {
					const cy = cytoscape({
						headless: true,
						styleEnabled: true,
						elements: [...elements.nodes, ...elements.edges]
					});
					cy.nodes().forEach((node) => {
						node.style({ width: node.data('width'), height: node.data('height') });
					});
					cy.elements(LAYOUT_SELECTOR).layout(dagreOptions()).run();
					cy.destroy();
				});

	// Argdown on the same debate, from our own export.
	const argdownText = exportDebate(debate, 'argdown').text;
	const argdownRun = (process: string[]) =>
		argdown.run({ input: argdownText, process, logLevel: 'error' } as never);
	const adParseMs = await time(runs, () => argdownRun(['parse-input', 'build-model']));
	const adMapMs = await time(runs, () =>
		argdownRun(['parse-input', 'build-model', 'build-map', 'export-dot'])
	);
	// Graphviz (viz.js) can abort the whole process on big graphs: run it in a process of its own.
	const svgChild = spawnSync(
		process.execPath,
		['--import', 'tsx', fileURLToPath(import.meta.url), '--argdown-svg', String(n), shape],
		{ encoding: 'utf8', maxBuffer: 1 << 24 }
	);
	const svgLine = svgChild.stdout.split('\n').find((l) => l.startsWith('svg_ms='));
	const adSvgMs = svgChild.status === 0 && svgLine ? Number(svgLine.slice(7)) : null;

	// Ours, text to laid-out map with the classroom layout: YAML + validation + graph + elements + layout.
	const oursMs = Math.round((yamlMs + graphMs + elementsMs + combMs) * 10) / 10;
	return [
		{
			suite: 'ours',
			n,
			shape,
			yaml_parse_validate_ms: yamlMs,
			json_parse_validate_ms: jsonMs,
			build_graph_ms: graphMs,
			elements_ms: elementsMs,
			layout_columns_ms: combMs,
			layout_dagre_ms: dagreMs,
			layout_tidy_tree_ms: tidyMs,
			evaluate_ms: evalMs
		},
		{
			suite: 'argdown',
			n,
			shape,
			parse_model_ms: adParseMs,
			to_dot_ms: adMapMs,
			to_svg_ms: adSvgMs
		},
		{
			suite: 'vs-argdown',
			n,
			shape,
			ours_ms: oursMs,
			argdown_ms: adSvgMs,
			ratio: adSvgMs ? Math.round((oursMs / adSvgMs) * 100) / 100 : null,
			...(adSvgMs ? {} : { note: 'Graphviz (viz.js) aborted on this graph' })
		}
	];
}

/** Argdown text → SVG through Graphviz, alone in this process; prints `svg_ms=…`. */
async function argdownSvg(n: number, shape: Shape) {
	const { loadDebate } = await import('../src/lib/core/load');
	const { exportDebate } = await import('../src/lib/core/formats');
	const { argdown } = await import('@argdown/core/dist/argdown.js');
	const loaded = loadDebate(JSON.stringify(syntheticDebate(n, shape)));
	if (!loaded.ok) throw new Error(`synthetic debate invalid: ${loaded.errors[0]?.message}`);
	const input = exportDebate(loaded.value, 'argdown').text;
	const ms = await time(n <= 1000 ? 3 : 1, () =>
		argdown.run({
			input,
			process: ['parse-input', 'build-model', 'build-map', 'export-dot', 'export-svg'],
			logLevel: 'error'
		} as never)
	);
	console.log(`svg_ms=${ms}`);
}

/** Runs this or another bench script in a fresh process; returns the JSON lines it printed. */
function runChild(childArgs: string[]): Record<string, unknown>[] {
	const child = spawnSync(process.execPath, ['--import', 'tsx', ...childArgs], {
		encoding: 'utf8',
		maxBuffer: 1 << 24
	});
	if (child.status !== 0) {
		console.error(child.stderr);
		process.exit(1);
	}
	return child.stdout
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function main() {
	const svgAt = args.indexOf('--argdown-svg');
	if (svgAt >= 0) return argdownSvg(Number(args[svgAt + 1]), args[svgAt + 2] as Shape);
	const caseAt = args.indexOf('--case');
	if (caseAt >= 0) {
		const rows = await runCase(Number(args[caseAt + 1]), args[caseAt + 2] as Shape);
		for (const r of rows) console.log(JSON.stringify(r));
		return;
	}
	const sizes = args.includes('--full') ? [100, 1000, 3000, 10000] : [100, 1000, 3000];
	const rows: Row[] = [];
	const self = fileURLToPath(import.meta.url);
	for (const n of sizes)
		for (const shape of ['tree', 'tree+links'] as Shape[]) {
			rows.push(
				...(runChild([
					'--stack-size=4000',
					self,
					'--case',
					String(n),
					shape,
					...args.filter((a) => a === '--full')
				]) as Row[])
			);
		}
	// Hostile inputs that were once quadratic, each at n and 2n (see bench-hostile.ts).
	const hostileRows = args.includes('--no-hostile')
		? []
		: runChild([fileURLToPath(new URL('./bench-hostile.ts', import.meta.url))]);
	// The browser half: the built app in headless Chromium (see bench-browser.ts).
	const browserRows: Record<string, unknown>[] = [];
	if (!args.includes('--no-browser')) {
		browserRows.push(
			...runChild([
				fileURLToPath(new URL('./bench-browser.ts', import.meta.url)),
				...args.filter((a) => a === '--full')
			])
		);
	}
	if (args.includes('--json')) {
		for (const r of [...rows, ...hostileRows, ...browserRows]) console.log(JSON.stringify(r));
		return;
	}
	const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
	console.log('Counterpoint vs Argdown: text → laid-out map (ms, median; one process per row)\n');
	console.log(
		'| claims | shape | ours: YAML+validate | graph | elements | columns layout | dagre layout | tidy tree | evaluate | Argdown parse+model | Argdown → dot | Argdown → SVG | ours / Argdown |'
	);
	console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const n of sizes)
		for (const shape of ['tree', 'tree+links']) {
			const ours = rows.find((r) => r.suite === 'ours' && r.n === n && r.shape === shape)!;
			const ad = rows.find((r) => r.suite === 'argdown' && r.n === n && r.shape === shape)!;
			const vs = rows.find((r) => r.suite === 'vs-argdown' && r.n === n && r.shape === shape)!;
			console.log(
				`| ${n} | ${shape} | ${show(ours.yaml_parse_validate_ms)} | ${show(ours.build_graph_ms)} | ${show(ours.elements_ms)} | ${show(ours.layout_columns_ms)} | ${show(ours.layout_dagre_ms)} | ${show(ours.layout_tidy_tree_ms)} | ${show(ours.evaluate_ms)} | ${show(ad.parse_model_ms)} | ${show(ad.to_dot_ms)} | ${show(ad.to_svg_ms)} | ${show(vs.ratio)} |`
			);
		}
	console.log(
		'\n"ours" = YAML parse + validation + graph + elements + columns layout; "Argdown" = parse → model → map → dot → Graphviz SVG.'
	);
	if (hostileRows.length > 0) {
		console.log(
			'\nHostile input, once quadratic: ms at n and at 2n, and their ratio (about 2 is linear, 4 quadratic)\n'
		);
		console.log('| input | n | ms at n | ms at 2n | ratio |');
		console.log('|---|---:|---:|---:|---:|');
		for (const r of hostileRows)
			console.log(
				`| ${show(r.case)} | ${show(r.n)} | ${show(r.n_ms)} | ${show(r.twice_n_ms)} | ${show(r.ratio)} |`
			);
	}
	if (browserRows.length === 0) return;
	const find = (suite: string, extra: (r: Record<string, unknown>) => boolean = () => true) =>
		browserRows.find((r) => r.suite === suite && extra(r));
	const bundle = find('bundle');
	const shipped = find('browser', (r) => r.case === 'shipped');
	console.log('\nIn headless Chromium, the built app (ms, median; 1366×768)\n');
	console.log(
		'| debate | to drawn map | longest task | bare Cytoscape limit | ratio to limit | claims drawn | pan fps |'
	);
	console.log('|---|---:|---:|---:|---:|---:|---:|');
	if (shipped)
		console.log(
			`| shipped (navigation) | ${show(shipped.drawn_ms)} (HTML parsed ${show(shipped.dom_interactive_ms)}; page usable ${show(shipped.interactive_ms)}; texts + layout ${show(shipped.layout_ms)}) | ${show(shipped.longest_task_ms)} | ${show(shipped.limit_ms)} | ${show(shipped.ratio_to_limit)} | all | — |`
		);
	for (const r of browserRows.filter((r) => r.case === 'import' || r.case === 'all levels')) {
		const limit = find('limit', (l) => l.n === r.n)?.limit_ms;
		console.log(
			`| ${r.n} ${r.shape} (${r.case === 'import' ? 'file chosen' : 'file chosen, opened at all levels'}) | ${show(r.import_to_drawn_ms)} | ${show(r.longest_task_ms)} | ${show(limit)} (all drawn) | ${limit ? Math.round((Number(r.import_to_drawn_ms) / Number(limit)) * 100) / 100 : '—'} | ${show(r.drawn_nodes)} | ${show(r.pan_fps)} |`
		);
	}
	if (bundle)
		console.log(
			`\nMap page JavaScript before interaction: ${Math.round(Number(bundle.gzip_bytes) / 1024)} KB gzip in ${show(bundle.files)} files.`
		);
	if (shipped?.js_to_drawn_gzip_bytes)
		console.log(
			`All the JavaScript fetched by the time the shipped map is drawn (with the map engine): ${Math.round(Number(shipped.js_to_drawn_gzip_bytes) / 1024)} KB gzip.`
		);
}

await main();
