/**
 * The Content-Security-Policy, in one place: `svelte.config.js` writes it into every page (a
 * `<meta>` tag, with SvelteKit's start-up script by its hash), and `scripts/start.mjs` sends it as
 * a header with the import worker's script, which a page's `<meta>` does not reach. Only this
 * site's own scripts, no eval, no plugins, no `<base>` tricks; pictures may be data:/blob: URLs
 * (map footers, exports). See docs/threat-model.md.
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	// One inline style attribute, by its hash: SvelteKit's route announcer (the live region that
	// tells a screen reader the page changed), which hides itself with a `style`.
	'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['none'],
	'form-action': ['self']
};

/** Sources written in single quotes: keywords and hashes (schemes and hosts are not). */
const QUOTED =
	/^(self|none|unsafe-[a-z-]+|strict-dynamic|report-sample|wasm-unsafe-eval|sha(256|384|512)-.+)$/;

/** The directives as a header's value: `default-src 'self'; script-src 'self'; …`. */
export function cspHeader(directives = CSP_DIRECTIVES) {
	return Object.entries(directives)
		.map(([name, sources]) =>
			[name, ...sources.map((s) => (QUOTED.test(s) ? `'${s}'` : s))].join(' ')
		)
		.join('; ');
}
