import type { Database } from './types';

/**
 * The schema, as numbered steps applied in order, each once. A step is never edited after it
 * ships: a change is a new step. One SQL dialect serves PGlite and PostgreSQL.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
	{
		version: 1,
		name: 'class sessions and their event log',
		sql: `
create table sessions (
	id text primary key,
	code text not null,
	debate_id text not null,
	teacher_secret_hash text not null,
	moderation text not null check (moderation in ('open', 'approve')),
	names text not null check (names in ('shown', 'anonymous')),
	-- The per-session counter: the last event's seq. Read FOR UPDATE by the transaction that
	-- appends, so a session's events commit in seq order (see events).
	last_seq integer not null default 0,
	created_at timestamptz not null default now(),
	locked_at timestamptz,
	ended_at timestamptz,
	expires_at timestamptz not null
);
-- A code names one open session; an ended one gives its code back.
create unique index sessions_open_code on sessions (code) where ended_at is null;
create index sessions_expiry on sessions (expires_at);

-- The debate as it was when the session started (large; kept off the hot counter row), and
-- its claims' ids (what an addition may reply to).
create table session_debates (
	session_id text primary key references sessions (id) on delete cascade,
	debate jsonb not null,
	claim_ids jsonb not null
);

create table participants (
	id text primary key,
	session_id text not null references sessions (id) on delete cascade,
	display_name text not null,
	token_hash text not null unique,
	joined_at timestamptz not null default now()
);
create unique index participants_name on participants (session_id, lower(display_name));

-- The session's append-only log: every accepted operation, in order. seq is the SSE event id
-- and the replay cursor; op_id makes a re-sent operation a no-op.
create table events (
	session_id text not null references sessions (id) on delete cascade,
	seq integer not null,
	op_id text not null,
	actor text not null,
	kind text not null,
	-- 'all': everyone in the session; 'private': the teacher and the actor only (an addition
	-- awaiting approval or hidden, a student's poll answer).
	audience text not null check (audience in ('all', 'private')),
	payload jsonb not null,
	at timestamptz not null default now(),
	primary key (session_id, seq),
	unique (session_id, op_id)
);

-- Derived from events, kept in the same transaction: who owns each addition and whether the
-- class sees it. Permission checks read it instead of replaying the log.
create table contributions (
	session_id text not null references sessions (id) on delete cascade,
	claim_id text not null,
	owner text not null,
	state text not null check (state in ('pending', 'shown', 'hidden')),
	deleted boolean not null default false,
	last_put_seq integer,
	primary key (session_id, claim_id)
);
`
	}
];

/** Any constant: the advisory lock that lets one starting server migrate at a time. */
const MIGRATION_LOCK = 748_215_903;

/**
 * Brings the schema up to date in one transaction. Two servers starting at once on one database
 * take turns on an advisory lock: the second finds the work done.
 */
export async function migrate(db: Database): Promise<number[]> {
	return db.transaction(async (tx) => {
		await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
		await tx.exec(
			'create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())'
		);
		const done = new Set(
			(await tx.query<{ version: number }>('select version from schema_migrations')).map(
				(r) => r.version
			)
		);
		const applied: number[] = [];
		for (const m of MIGRATIONS) {
			if (done.has(m.version)) continue;
			await tx.exec(m.sql);
			await tx.query('insert into schema_migrations (version) values ($1)', [m.version]);
			applied.push(m.version);
		}
		return applied;
	});
}
