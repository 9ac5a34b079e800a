import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/**
 * Compares `actual` with the golden file at `path`. `UPDATE_GOLDEN=1 npx vitest run` rewrites
 * the file instead (review the diff before committing it).
 */
export function expectGolden(path: string, actual: string) {
	if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
		if (process.env.CI) throw new Error(`golden file ${path} is missing`);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, actual);
	}
	expect(actual).toBe(readFileSync(path, 'utf8'));
}
