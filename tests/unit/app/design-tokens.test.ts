import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The interface's colours are design tokens (custom properties) in src/app.css, one set per
 * theme (normal, high contrast). A misspelt token is silent in CSS (the property falls back to
 * nothing), and a colour written in a component escapes the themes: both fail here.
 */

const APP_CSS = readFileSync('src/app.css', 'utf8');

/** Components whose styles still hold colours of their own, to move onto the tokens. */
const NOT_YET = new Set([
	'src/lib/components/DebatePage.svelte',
	'src/lib/components/EvidenceDrawer.svelte',
	'src/lib/components/Handout.svelte',
	'src/lib/components/PresentCaption.svelte',
	'src/lib/components/ViewBar.svelte'
]);

function svelteFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return svelteFiles(path);
		return name.endsWith('.svelte') ? [path] : [];
	});
}

const files = svelteFiles('src').map((path) => ({
	path: path.replaceAll('\\', '/'),
	style: readFileSync(path, 'utf8').match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? ''
}));

/** The tokens a theme defines: `--c-…` and `--w-…` inside a `:root` rule. */
function defined(css: string): Set<string> {
	const names = new Set<string>();
	for (const root of css.matchAll(/:root\s*\{([^}]*)\}/g))
		for (const m of root[1]!.matchAll(/(--[cw]-[\w-]+)\s*:/g)) names.add(m[1]!);
	return names;
}

describe('design tokens', () => {
	const tokens = defined(APP_CSS);

	it('defines each token for the normal theme, and high contrast redefines only known ones', () => {
		const normal = defined(APP_CSS.slice(0, APP_CSS.indexOf('@media')));
		expect(normal.size).toBeGreaterThan(20);
		const contrast = APP_CSS.match(
			/@media \(prefers-contrast: more\) \{\s*:root\s*\{([^}]*)\}/
		)?.[1];
		expect(contrast, 'a :root rule for high contrast').toBeTruthy();
		for (const m of contrast!.matchAll(/(--[cw]-[\w-]+)\s*:/g))
			expect(normal.has(m[1]!), `${m[1]} in high contrast only`).toBe(true);
		// Text that greys out normally is black in high contrast.
		expect(contrast).toMatch(/--c-muted:\s*#000/);
	});

	it('every token a component uses is defined (a misspelt one would draw nothing)', () => {
		const unknown = files.flatMap(({ path, style }) =>
			[...style.matchAll(/var\((--[cw]-[\w-]+)/g)]
				.map((m) => m[1]!)
				.filter((name) => !tokens.has(name))
				.map((name) => `${path}: ${name}`)
		);
		expect(unknown).toEqual([]);
	});

	it('components moved onto the tokens hold no colours of their own', () => {
		const own = files
			.filter(({ path }) => !NOT_YET.has(path))
			.flatMap(({ path, style }) =>
				[...style.matchAll(/#[0-9a-fA-F]{3,8}\b|\brgba?\(\s*\d/g)].map((m) => `${path}: ${m[0]}`)
			);
		expect(own).toEqual([]);
		// The list above only shrinks: a file in it that no longer has colours is taken off.
		for (const path of NOT_YET)
			expect(
				files.find((f) => f.path === path)?.style,
				`${path} still has colours of its own`
			).toMatch(/#[0-9a-fA-F]{3,8}\b/);
	});
});
