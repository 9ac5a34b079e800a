import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadAuthoredDebate, type LoadResult } from '../lib/core/load';
import type { Debate } from '../lib/core/schema';

/** Where the shipped debates live, relative to the repository root. */
export const ARGUMENTS_DIR = 'arguments';

/** Debate files in `arguments/` (YAML, one debate each), sorted by name. */
export function debateFiles(dir = ARGUMENTS_DIR): string[] {
	return readdirSync(dir)
		.filter((f) => /\.ya?ml$/.test(f))
		.sort()
		.map((f) => join(dir, f));
}

/** Reads and validates one debate file as an authored debate: its id must match its name. */
export function loadDebateFile(path: string): LoadResult<Debate> {
	const file = relative(process.cwd(), path) || path;
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (e) {
		const reason =
			(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
		return {
			ok: false,
			warnings: [],
			errors: [{ severity: 'error', file, line: 0, column: 0, path: '', message: reason }]
		};
	}
	return loadAuthoredDebate(text, file);
}
