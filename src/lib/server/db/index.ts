import { migrate } from './migrations';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './types';

export { DatabaseUnavailable, isUnavailable, json, type Database, type Queryable } from './types';
export { migrate } from './migrations';

export interface DatabaseConfig {
	/** `postgres://…`: a PostgreSQL server. Otherwise the embedded PGlite. */
	url?: string;
	/** PGlite's data folder; undefined: in memory. */
	dataDir?: string;
}

/** Where the server keeps its data, from the environment (`DATABASE_URL`, `COUNTERPOINT_DATA`). */
export function configFromEnv(env: Record<string, string | undefined>): DatabaseConfig {
	return env.DATABASE_URL
		? { url: env.DATABASE_URL }
		: { dataDir: env.COUNTERPOINT_DATA || './data' };
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
	const db = config.url ? await openPostgres(config.url) : await openPglite(config.dataDir);
	try {
		await migrate(db);
	} catch (e) {
		await db.close();
		throw e;
	}
	return db;
}
