import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The core (`src/lib/core`) runs in Node as in the page: the lint rule that keeps it so must
 * catch a way out of it however it is written — by alias, by a relative path, by a browser
 * global — and leave what the core may use alone.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: 'src/lib/core/view/probe.ts' });
	return result!.messages
		.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
		.map((m) => m.message);
}

describe('the core stays pure', () => {
	it('refuses the view, the state and the server, by alias or by relative path', async () => {
		for (const from of [
			'../../state/db',
			'../../components/i18n',
			'../../map/elements',
			'../../server/class/hub',
			'$lib/state/db',
			'$lib/paraglide/messages',
			'svelte',
			'cytoscape'
		]) {
			const found = await problems(`import * as x from '${from}';\nexport const y = x;\n`);
			expect(found, from).toHaveLength(1);
		}
	}, 60_000);

	it('refuses what only a browser has, and allows what Node has too', async () => {
		const found = await problems(
			'export const a = [window, document, indexedDB, EventSource, localStorage, location];\n'
		);
		expect(found).toHaveLength(6);
		expect(
			await problems(
				"import { z } from '../schema/zod';\nimport { x } from '$lib/core/model';\n" +
					'export const b = [z, x, URL, TextEncoder, structuredClone, setTimeout, console];\n'
			)
		).toEqual([]);
	}, 60_000);
});
