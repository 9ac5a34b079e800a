import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Json, type Database, type Queryable, type Row } from './types';

/**
 * The embedded database: PostgreSQL compiled to WebAssembly, in a data folder. One process may
 * open a folder at a time (PGlite has one connection and no lock of its own), so the folder holds
 * a `server.pid` file: a second server on the same folder is refused with a message, not allowed
 * to corrupt it. `dataDir` undefined keeps everything in memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	let release = () => {};
	let store: string | undefined;
	if (dataDir) {
		mkdirSync(dataDir, { recursive: true });
		release = lockFolder(dataDir);
		store = join(dataDir, 'pglite');
	}
	let pg;
	try {
		pg = await PGlite.create(store);
	} catch (e) {
		release();
		throw e;
	}
	const db = pg;
	const wrap = (q: { query: typeof db.query; exec: typeof db.exec }): Queryable => ({
		async query<T extends Row>(sql: string, params?: readonly unknown[]) {
			const values = params?.map((p) => (p instanceof Json ? JSON.stringify(p.value) : p));
			return (await q.query<T>(sql, values)).rows;
		},
		async exec(sql: string) {
			await q.exec(sql);
		}
	});
	return {
		kind: 'pglite',
		...wrap(db),
		transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
		async listen(channel, onNotify, onConnect) {
			const stop = await db.listen(channel, onNotify);
			// In-process: the "connection" is made once and never drops.
			onConnect?.();
			return () => stop();
		},
		async close() {
			if (!db.closed) await db.close();
			release();
		}
	};
}

/** Claims `dir` for this process; returns the release. Throws if a live process holds it. */
function lockFolder(dir: string): () => void {
	const file = join(dir, 'server.pid');
	let holder: number | undefined;
	try {
		holder = Number(readFileSync(file, 'utf8').trim());
	} catch {
		// No lock: the folder is free.
	}
	if (holder && holder !== process.pid && alive(holder))
		throw new Error(
			`The data folder ${dir} is in use by another Counterpoint server (process ${holder}). Stop it, or set COUNTERPOINT_DATA to another folder.`
		);
	writeFileSync(file, String(process.pid));
	return () => rmSync(file, { force: true });
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: it exists but belongs to someone else.
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}
