/**
 * One interface over the two databases a class server can use: the embedded PGlite (a data
 * folder, nothing to install) and a PostgreSQL server (`DATABASE_URL`). Both speak the same SQL,
 * with `$1` parameters; JSON goes in wrapped by `json()` into `$n::jsonb` and comes out parsed.
 */

export type Row = Record<string, unknown>;

/**
 * A parameter to be stored as JSON (`$1::jsonb`): wrap it with `json(value)`. The two clients
 * encode JSON parameters differently (PGlite takes the text, `postgres` serialises the value
 * itself and would store a string as a JSON string), so each adapter unwraps it its own way.
 */
export class Json {
	constructor(readonly value: unknown) {}
}
export const json = (value: unknown) => new Json(value);

/** Runs statements: the database itself, or one open transaction. */
export interface Queryable {
	/** One statement with `$1…` parameters; the rows it returns. */
	query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
	/** Several statements, no parameters (migrations). */
	exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
	readonly kind: 'pglite' | 'postgres';
	/** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
	transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
	/**
	 * Calls `onNotify` with the payload of every `pg_notify(channel, …)` committed from now on, by
	 * any process on this database. `onConnect` runs each time the listening connection is
	 * (re)made: notifications sent while it was down are lost, so the caller re-reads then.
	 * Resolves to a function that stops listening.
	 */
	listen(
		channel: string,
		onNotify: (payload: string) => void,
		onConnect?: () => void
	): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

/**
 * The database cannot be reached (refused, timed out, shut down). Requests answer 503 with this
 * message; a client keeps its changes and sends them again later.
 */
export class DatabaseUnavailable extends Error {
	constructor(cause?: unknown) {
		super(
			'The class-session database cannot be reached right now. Changes are kept in your browser and sent when it is back.',
			{ cause }
		);
		this.name = 'DatabaseUnavailable';
	}
}

/** Error codes of a connection that failed or dropped (Node's and PostgreSQL's). */
const UNAVAILABLE = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'EPIPE',
	'CONNECT_TIMEOUT',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now
	'53300', // too_many_connections
	'08000',
	'08001',
	'08003',
	'08006'
]);

/** True when an error means "the database is not there", not "this statement is wrong". */
export function isUnavailable(e: unknown): boolean {
	if (e instanceof DatabaseUnavailable) return true;
	const code = (e as { code?: unknown } | null)?.code;
	if (typeof code === 'string' && UNAVAILABLE.has(code)) return true;
	// Node reports a refused connection to every address of a host as an AggregateError.
	if (e instanceof AggregateError) return e.errors.some(isUnavailable);
	return false;
}
