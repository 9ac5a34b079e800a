import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The map page's first load leaves out what only some readers need: the validator (zod), the
// codecs, the layout engines, the handout, the SVG writer. Vite splits at dynamic `import()`, so
// a static import path from the page to one of these pulls it into the first load. This walks
// the page's static imports, as the bundler does, and names the path that does.

const ROOT = resolve(__dirname, '../../..');
const PAGES = ['src/routes/debate/[id]/+page.svelte', 'src/routes/+layout.svelte'];
/**
 * Modules that must load only when used, by path or package name; and the map engine, which
 * loads beside the page (its download starts with the page, but nothing waits for it).
 */
const LATER = [
	'cytoscape',
	'zod',
	'src/lib/core/schema/zod.ts',
	'src/lib/core/formats/index.ts',
	'yaml',
	'@argdown/core',
	'cytoscape-dagre',
	'd3-hierarchy',
	'minisearch',
	'src/lib/components/Handout.svelte',
	'src/lib/map/svg.ts'
];

function resolveImport(from: string, spec: string): string | null {
	let base: string;
	if (spec.startsWith('$lib')) base = resolve(ROOT, 'src/lib' + spec.slice(4));
	else if (spec.startsWith('.')) base = resolve(dirname(from), spec);
	else return spec; // a package: its name
	for (const candidate of [base, `${base}.ts`, `${base}.svelte.ts`, `${base}/index.ts`])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return null;
}

/** Static, value-level imports and re-exports (not `import type`, not `import()`). */
function staticImports(file: string): string[] {
	const code = readFileSync(file, 'utf8');
	const out: string[] = [];
	for (const m of code.matchAll(/^\s*(import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'/gms)) {
		const names = m[2]!.trim();
		// `import { type A, type B } from …` is erased too.
		if (/^\{[^}]*\}$/s.test(names)) {
			const list = names
				.slice(1, -1)
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean);
			if (list.every((n) => n.startsWith('type '))) continue;
		}
		out.push(m[3]!);
	}
	for (const m of code.matchAll(/^\s*import\s+'([^']+)'/gm)) out.push(m[1]!);
	return out;
}

/** Every module the pages load at once, each with the chain of files that brings it in. */
function firstLoad(): Map<string, string[]> {
	const chains = new Map<string, string[]>();
	const queue: [string, string[]][] = PAGES.map((p) => [resolve(ROOT, p), []]);
	while (queue.length) {
		const [file, chain] = queue.shift()!;
		if (chains.has(file)) continue;
		chains.set(file, chain);
		if (!file.startsWith('/')) continue; // a package: not walked into
		const here = [...chain, relative(ROOT, file)];
		for (const spec of staticImports(file)) {
			const target = resolveImport(file, spec);
			if (target) queue.push([target, here]);
		}
	}
	return chains;
}

describe("the map page's first load", () => {
	const loaded = firstLoad();

	it('walks the whole page (the walk itself works)', () => {
		const files = [...loaded.keys()].map((f) => (f.startsWith('/') ? relative(ROOT, f) : f));
		expect(files).toContain('src/lib/components/ArgumentMap.svelte');
		expect(files).toContain('src/lib/core/view/url.ts');
		expect(files).toContain('idb');
	});

	it.each(LATER)('does not bring in %s', (later) => {
		const key = later.includes('/') ? resolve(ROOT, later) : later;
		const chain = loaded.get(key);
		expect(chain, chain && `brought in by ${chain.join(' → ')}`).toBeUndefined();
	});
});
