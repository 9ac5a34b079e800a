import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// UI strings: messages/{en,zh}.json compiled into src/lib/paraglide (generated, gitignored),
		// at the start of every build and dev server, and again when a message file changes. Same
		// options as `npm run i18n` (package.json), which compiles outside Vite for svelte-check.
		// Unit tests read messages/*.json directly and need no compiled messages.
		process.env.VITEST
			? []
			: paraglideVitePlugin({
					project: './project.inlang',
					outdir: './src/lib/paraglide',
					// `?lang=` in the address wins, then the language this browser remembers, then English
					// (src/lib/state/ui-language.svelte.ts defines `custom-query`).
					strategy: ['custom-query', 'localStorage', 'baseLocale']
				}),
		sveltekit()
	],
	server: { fs: { allow: ['arguments'] } },
	// The import worker (src/lib/state/imported.worker.ts) loads codecs lazily, as the page does.
	worker: { format: 'es' },
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		environment: 'node',
		// A guard against hangs, not a speed check: on a busy 2-core laptop a test that takes 1 s
		// alone can take ten. No test asserts a duration; speed is measured by `npm run bench`.
		testTimeout: 60_000,
		// Opening an embedded database (initdb in WebAssembly) takes seconds on a busy machine.
		hookTimeout: 60_000
	}
});
