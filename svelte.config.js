import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered: the build is a folder of static files that any web server can host.
		// 404.html is the page for every other address: the server sends it with status 404 and the
		// app shows its error page there (src/routes/+error.svelte), with the way back.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '404.html', strict: true }),
		alias: { $core: 'src/lib/core' },
		// A strict Content-Security-Policy, written into every prerendered page as a <meta> tag:
		// only this site's own scripts (SvelteKit's inline start-up script by its hash), no eval,
		// no plugins, no <base> tricks. Pictures may be data:/blob: URLs (map footers, exports).
		// See docs/threat-model.md.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// One inline style attribute, by its hash: SvelteKit's route announcer (the live region
				// that tells a screen reader the page changed), which hides itself with a `style`.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
