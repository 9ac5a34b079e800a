import {
	DatabaseUnavailable,
	isUnavailable,
	Json,
	type Database,
	type Queryable,
	type Row
} from './types';

/**
 * A PostgreSQL server at `url` (`postgres://user:pass@host:port/db`), through the `postgres`
 * client: a pool of connections for queries and one more that LISTENs, re-made by the client
 * when it drops. A connection that cannot be made becomes `DatabaseUnavailable`.
 */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
	const { default: postgres } = await import('postgres');
	const sql = postgres(url, {
		max: options.max ?? 10,
		connect_timeout: 5,
		onnotice: () => {},
		// Ints stay numbers (our counters are `integer`); dates come back as Date.
		prepare: true
	});
	const guard = async <T>(run: () => Promise<T>): Promise<T> => {
		try {
			return await run();
		} catch (e) {
			throw isUnavailable(e) ? new DatabaseUnavailable(e) : e;
		}
	};
	/** The pool, or one transaction's connection: both run `unsafe` alike. */
	type Sql = Pick<typeof sql, 'unsafe'>;
	const wrap = (s: Sql): Queryable => ({
		query: <T extends Row>(text: string, params?: readonly unknown[]) =>
			guard(async () => {
				const values = (params ?? []).map((p) => (p instanceof Json ? p.value : p));
				return (await s.unsafe(text, values as never[])) as unknown as T[];
			}),
		exec: (text: string) =>
			guard(async () => {
				await s.unsafe(text).simple();
			})
	});
	// Fail now, with a clear error, if the server is not there.
	await guard(() => sql`select 1`);
	return {
		kind: 'postgres',
		...wrap(sql),
		transaction: (fn) => guard(() => sql.begin((tx) => fn(wrap(tx))) as Promise<never>),
		async listen(channel, onNotify, onConnect) {
			const sub = await guard(() => sql.listen(channel, onNotify, onConnect));
			return () => sub.unlisten();
		},
		close: () => sql.end({ timeout: 5 })
	};
}
