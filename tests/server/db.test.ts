import { afterAll, beforeAll, expect, test } from 'vitest';
import { migrate, MIGRATIONS } from '../../src/lib/server/db/migrations';
import { json, openDatabase, type Database } from '../../src/lib/server/db';
import { eachBackend, type Place } from './backends';

eachBackend('database', (backend) => {
	let place: Place;
	let db: Database;
	beforeAll(async () => {
		place = await backend.place();
		db = await place.open();
	});
	afterAll(async () => {
		await db?.close();
		await place?.remove();
	});

	test('migrations are applied once, and two servers starting at once take turns', async () => {
		const versions = await db.query<{ version: number }>(
			'select version from schema_migrations order by version'
		);
		expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
		// Opening again (a restart) applies nothing; on PostgreSQL, two at once both succeed.
		expect(await migrate(db)).toEqual([]);
		if (backend.name === 'postgres') {
			const [a, b] = await Promise.all([place.open(), place.open()]);
			await Promise.all([a.close(), b.close()]);
		}
	});

	test('a failed transaction leaves nothing behind', async () => {
		await db.exec('create table t_tx (n integer primary key)');
		await expect(
			db.transaction(async (tx) => {
				await tx.query('insert into t_tx values ($1)', [1]);
				throw new Error('changed my mind');
			})
		).rejects.toThrow('changed my mind');
		expect(await db.query('select * from t_tx')).toEqual([]);
	});

	test('JSON goes in and comes back as data, with the same parameters on both', async () => {
		const [row] = await db.query<{ j: unknown; n: number }>('select $1::jsonb as j, $2::int as n', [
			json({ a: [1, 'two'] }),
			7
		]);
		expect(row).toEqual({ j: { a: [1, 'two'] }, n: 7 });
	});

	test('a notification committed by one connection reaches a listener on another', async () => {
		const other = backend.name === 'postgres' ? await place.open() : db;
		const got: string[] = [];
		const stop = await other.listen('t_channel', (p) => got.push(p));
		await db.transaction(async (tx) => {
			await tx.query('select pg_notify($1, $2)', ['t_channel', 'inside']);
			// Not before commit.
			expect(got).toEqual([]);
		});
		await db.query('select pg_notify($1, $2)', ['t_channel', 'after']);
		await expect.poll(() => got).toEqual(['inside', 'after']);
		await stop();
		if (other !== db) await other.close();
	});
});

test('a second server on the same PGlite data folder is refused with a message', async () => {
	const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'counterpoint-lock-'));
	// Another live process holds the folder (this test's parent stands in for it).
	writeFileSync(join(dir, 'server.pid'), String(process.ppid));
	await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
		/in use by another Counterpoint server .* set COUNTERPOINT_DATA/
	);
	rmSync(dir, { recursive: true, force: true });
});

test('a PostgreSQL server that is not there is reported as unavailable', async () => {
	const { DatabaseUnavailable } = await import('../../src/lib/server/db');
	// Port 9 on loopback: nothing listens there.
	await expect(openDatabase({ url: 'postgres://nobody@127.0.0.1:9/none' })).rejects.toBeInstanceOf(
		DatabaseUnavailable
	);
});
