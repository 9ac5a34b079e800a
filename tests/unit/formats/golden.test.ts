import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

	it('are written only by expectGolden: no test has its own way to write one', () => {
		const files = (readdirSync('tests', { recursive: true }) as string[])
			.filter((f) => f.endsWith('.ts'))
			.map((f) => join('tests', f));
		const own = files.filter(
			(f) =>
				f !== join('tests/unit/formats/golden.ts') && /UPDATE_GOLDEN/.test(readFileSync(f, 'utf8'))
		);
		expect(own).toEqual([join('tests/unit/formats/golden.test.ts')]);
	});
});
