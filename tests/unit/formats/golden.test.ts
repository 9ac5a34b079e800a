import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGolden } from './golden';

describe('golden files', () => {
	it('fails on a missing golden file and never writes one silently', () => {
		const path = 'tests/golden/missing/never-written.txt';
		const update = process.env.UPDATE_GOLDEN;
		delete process.env.UPDATE_GOLDEN;
		try {
			expect(() => expectGolden(path, 'anything')).toThrow(/golden file .* is missing/);
		} finally {
			if (update !== undefined) process.env.UPDATE_GOLDEN = update;
		}
		expect(existsSync(path)).toBe(false);
	});
});
