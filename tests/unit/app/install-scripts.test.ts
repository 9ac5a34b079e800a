import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * npm 11 skips a dependency's install script unless the project's `allowScripts` (package.json)
 * says whether it may run, and ends every install with a warning naming each one it skipped. Each
 * dependency with an install script in the lock has its recorded decision, so an install is quiet
 * and a new one (or a new dependency's) is a warning worth reading.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
	allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
	packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
};

describe('install scripts', () => {
	it('every dependency with an install script has a decision in allowScripts', () => {
		const decided = Object.keys(pkg.allowScripts ?? {});
		const undecided = Object.entries(lock.packages)
			.filter(([path, p]) => path && p.hasInstallScript)
			.map(([path, p]) => ({ name: path.replace(/^.*node_modules\//, ''), version: p.version }))
			.filter(
				({ name, version }) => !decided.includes(name) && !decided.includes(`${name}@${version}`)
			)
			.map(({ name, version }) => `${name}@${version}`);
		expect(undecided).toEqual([]);
	});

	it('allows esbuild’s, which checks its platform binary and fetches it if npm left it out', () => {
		const entry = Object.entries(pkg.allowScripts ?? {}).find(([k]) => /^esbuild(@|$)/.test(k));
		expect(entry?.[1]).toBe(true);
	});
});
