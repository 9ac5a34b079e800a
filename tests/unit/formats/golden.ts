import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compares `actual` with the golden file at `path`. A missing golden file fails the test: it is
 * never written silently. `UPDATE_GOLDEN=1 npx vitest run <test file>` writes or rewrites it
 * (review the diff before committing it).
 */
export function expectGolden(path: string, actual: string) {
	if (process.env.UPDATE_GOLDEN === '1') {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, actual);
	}
	if (!existsSync(path))
		throw new Error(
			`golden file ${path} is missing: write it with UPDATE_GOLDEN=1 npx vitest run <this test file>, and review it`
		);
	expect(actual).toBe(readFileSync(path, 'utf8'));
}
