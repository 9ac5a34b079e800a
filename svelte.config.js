import adapterNode from '@sveltejs/adapter-node';
import adapterStatic from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './scripts/csp.mjs';

/**
 * Two builds from one source:
 * - the default (`npm run build`, `npm start`): a Node server in `build/` (adapter-node) that
 *   serves the prerendered pages and runs class sessions (`/api/class/…`);
 * - `npm run build:static` (COUNTERPOINT_STATIC=1): a folder of static files in `build-static/`
 *   for any web host, without class sessions.
 */
const STATIC = process.env.COUNTERPOINT_STATIC === '1';

/**
 * Every page is prerendered in both builds; only the class-session API runs on the server. A
 * page that slips out of prerendering would need a server the static build does not have, so
 * the build stops and names it (adapter-static's `strict`, kept for pages, relaxed for the API).
 * @param {import('@sveltejs/kit').Adapter} adapter
 * @returns {import('@sveltejs/kit').Adapter}
 */
function pagesPrerendered(adapter) {
	return {
		...adapter,
		async adapt(builder) {
			const dynamic = builder.routes.filter(
				(r) => r.prerender !== true && !r.id.startsWith('/api/')
			);
			if (dynamic.length > 0)
				throw new Error(
					`Every page must be prerendered, but these are not: ${dynamic.map((r) => r.id).join(', ')}`
				);
			return adapter.adapt(builder);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: pagesPrerendered(
			STATIC
				? adapterStatic({
						pages: 'build-static',
						assets: 'build-static',
						// The page for every other address (src/routes/+error.svelte), with the way back.
						fallback: '404.html',
						strict: false
					})
				: adapterNode({ out: 'build' })
		),
		alias: { $core: 'src/lib/core' },
		// A strict Content-Security-Policy (scripts/csp.mjs), written into every prerendered page as
		// a <meta> tag, SvelteKit's inline start-up script allowed by its hash. A page rendered by
		// the server carries the same policy as a header; the import worker's script gets it as a
		// header from scripts/start.mjs; the API's answers (JSON, event streams) are not documents.
		csp: { mode: 'hash', directives: CSP_DIRECTIVES }
	}
};

export default config;
