import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/ensure-chromium.mjs';

// A port of its own, so browser tests do not collide with `npm start` (4173); E2E_PORT overrides.
const PORT = Number(process.env.E2E_PORT ?? 4327);

/**
 * Browser tests run against the built app (`npm start`'s server) in Debian's Chromium (npm cannot download
 * browsers here). `npm run test:e2e` builds first and checks that Chromium is installed.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	// Generous, for a busy machine: these catch a page that never gets there, they do not time it.
	timeout: 60_000,
	expect: { timeout: 15_000 },
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1920, height: 1080 },
		launchOptions: {
			executablePath: chromiumPath(),
			args: CHROMIUM_ARGS
		}
	},
	webServer: {
		command: `node scripts/start.mjs`,
		// Class sessions keep their data in a folder of this port's own, not the developer's ./data.
		env: { PORT: String(PORT), COUNTERPOINT_DATA: join(tmpdir(), `counterpoint-e2e-${PORT}`) },
		url: `http://127.0.0.1:${PORT}/`,
		reuseExistingServer: false,
		timeout: 120_000
	}
});
