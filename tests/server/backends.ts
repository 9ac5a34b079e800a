import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db';

/**
 * The databases the server suites run against: PGlite in this process, always; and the
 * PostgreSQL server at DATABASE_URL (`.ci/run` starts one). Outside CI with no server the
 * PostgreSQL suite is skipped with its reason; in CI (CI=1) a missing server fails the run.
 */
export interface Backend {
	name: 'pglite' | 'postgres';
	/** A new, empty place to keep data: a PGlite folder, or a PostgreSQL database. */
	place(): Promise<Place>;
}

export interface Place {
	/** Opens (and migrates) a connection to this place; call again for a second server. */
	open(): Promise<Database>;
	/** Deletes the place (after every connection is closed). */
	remove(): Promise<void>;
}

const pglite: Backend = {
	name: 'pglite',
	async place() {
		const dir = mkdtempSync(join(tmpdir(), 'counterpoint-test-'));
		return {
			open: () => openDatabase({ dataDir: dir }),
			remove: async () => rmSync(dir, { recursive: true, force: true })
		};
	}
};

const url = process.env.DATABASE_URL;

const postgresBackend: Backend = {
	name: 'postgres',
	async place() {
		// Each place is a database of its own on the test server, dropped afterwards.
		const { default: postgres } = await import('postgres');
		const admin = postgres(url!, { max: 1, onnotice: () => {} });
		const name = `counterpoint_test_${randomBytes(6).toString('hex')}`;
		await admin.unsafe(`create database ${name}`);
		const dbUrl = new URL(url!);
		dbUrl.pathname = `/${name}`;
		return {
			open: () => openDatabase({ url: dbUrl.toString() }),
			async remove() {
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			}
		};
	}
};

if (!url && process.env.CI)
	throw new Error(
		'CI=1 but DATABASE_URL is not set: the PostgreSQL suite must run in CI (.ci/run starts a server).'
	);

/** Runs `suite` once per database; PostgreSQL is skipped, with its reason, when there is none. */
export function eachBackend(title: string, suite: (backend: Backend) => void): void {
	describe(`${title} (PGlite)`, () => suite(pglite));
	const reason = 'no PostgreSQL server: set DATABASE_URL, or run `bash scripts/with-postgres.sh`';
	(url ? describe : describe.skip)(
		`${title} (PostgreSQL${url ? '' : `; skipped: ${reason}`})`,
		() => suite(postgresBackend)
	);
}
