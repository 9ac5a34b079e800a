import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The interface's colours are design tokens (custom properties) in src/app.css, one set per
 * theme (normal, high contrast). A misspelt token is silent in CSS (the property falls back to
 * nothing), and a colour written in a component escapes the themes: both fail here, for every
 * component and the stylesheets beside them.
 */

const APP_CSS = readFileSync('src/app.css', 'utf8');

function styledFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return styledFiles(path);
		return name.endsWith('.svelte') || name.endsWith('.css') ? [path] : [];
	});
}

/** Each component's styles, and each stylesheet beside them (app.css, which defines, aside). */
const files = styledFiles('src')
	.map((path) => path.replaceAll('\\', '/'))
	.filter((path) => path !== 'src/app.css')
	.map((path) => {
		const text = readFileSync(path, 'utf8');
		const style = path.endsWith('.css') ? text : text.match(/<style>([\s\S]*?)<\/style>/)?.[1];
		return { path, style: style ?? '' };
	});

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

	it('no component holds colours of its own', () => {
		expect(files.some((f) => f.path.endsWith('claim-list.css'))).toBe(true);
		const own = files.flatMap(({ path, style }) =>
			[...style.matchAll(/#[0-9a-fA-F]{3,8}\b|\brgba?\(\s*\d/g)].map((m) => `${path}: ${m[0]}`)
		);
		expect(own).toEqual([]);
	});
});
