import type { Page } from '@playwright/test';

/**
 * Records, from the page's first script on, every directive the Content-Security-Policy refused
 * and every uncaught error; `refused()` and `errors` read them back.
 */
export async function watchPolicy(page: Page) {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(String(e)));
	await page.addInitScript(
		"window.__refused = []; document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(e.violatedDirective));"
	);
	return {
		errors,
		refused: () => page.evaluate('window.__refused') as Promise<string[]>
	};
}
