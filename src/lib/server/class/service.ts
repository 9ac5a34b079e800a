import type { Debate } from '$core/schema';
import type { ClassOp as Op } from '$core/oplog/op';
import type { ModerationOp } from '$core/oplog/moderation';
import type { SessionSettings } from '$core/class/session-info';
import {
	decide,
	DELETED_END_ID,
	repliesTo,
	TEACHER,
	type Addition,
	type Role
} from '$core/class/permissions';
import { json, type Database } from '../db';
import { ClassError, notOpen } from './errors';
import { hashSecret, newCode, newId, newSecret, secretMatches } from './secrets';

/**
 * The channel every instance LISTENs on; payload `<session id>:<last seq>`, or
 * `<session id>:deleted` when the teacher deleted the session.
 */
export const CHANNEL = 'class_events';

export type Settings = SessionSettings;

/** An open session, as requests see it. */
export interface Session {
	id: string;
	code: string;
	debateId: string;
	settings: Settings;
	lastSeq: number;
	locked: boolean;
	teacherSecretHash: string;
	expiresAt: Date;
}

/** Who is asking: the teacher, or one participant. */
export interface Viewer {
	role: Role;
	/** `teacher`, or the participant's id. */
	actor: string;
	name: string;
}

/** One event of a session's log, as read back. */
export interface EventRow {
	seq: number;
	op_id: string;
	actor: string;
	kind: string;
	audience: 'all' | 'private';
	payload: Record<string, unknown>;
	at: Date;
	display_name: string | null;
}

interface SessionRow {
	id: string;
	code: string;
	debate_id: string;
	moderation: Settings['moderation'];
	names: Settings['names'];
	last_seq: number;
	locked_at: Date | null;
	teacher_secret_hash: string;
	expires_at: Date;
}

const toSession = (r: SessionRow): Session => ({
	id: r.id,
	code: r.code,
	debateId: r.debate_id,
	settings: { moderation: r.moderation, names: r.names },
	lastSeq: r.last_seq,
	locked: r.locked_at !== null,
	teacherSecretHash: r.teacher_secret_hash,
	expiresAt: r.expires_at
});

/** A session's row with the participant (if any) whose token was given. */
type SignedInRow = SessionRow & {
	participant_id: string | null;
	participant_name: string | null;
} & Record<string, unknown>;

const SESSION_COLUMNS =
	's.id, s.code, s.debate_id, s.moderation, s.names, s.last_seq, s.locked_at, s.teacher_secret_hash, s.expires_at';
const OPEN_BY_CODE = 's.code = $1 and s.ended_at is null and s.expires_at > now()';

const TEACHER_VIEWER: Viewer = { role: 'teacher', actor: TEACHER, name: TEACHER };
const isTeacher = (session: Session, secret: string | undefined) =>
	!!secret && secretMatches(secret, session.teacherSecretHash);

/** Postgres's "unique constraint broken". */
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

/**
 * Class sessions on one database: starting and joining them, and appending operations to their
 * logs with every check made on the server. Holds nothing of a session in memory but the set of
 * its debate's claim ids (which never change), so any number of instances may share a database.
 */
export class ClassService {
	private claimIds = new Map<string, ReadonlySet<string>>();

	constructor(
		readonly db: Database,
		private readonly retentionDays = 30
	) {}

	/** Starts a session on `debate`; the secret is returned once and stored hashed. */
	async create(debate: Debate, settings: Settings) {
		const id = newId();
		const teacherSecret = newSecret();
		const claimIds = debate.claims.map((c) => c.id);
		for (let attempt = 0; ; attempt++) {
			const code = newCode();
			try {
				await this.db.transaction(async (tx) => {
					await tx.query(
						`insert into sessions (id, code, debate_id, teacher_secret_hash, moderation, names, expires_at)
						 values ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))`,
						[
							id,
							code,
							debate.id,
							hashSecret(teacherSecret),
							settings.moderation,
							settings.names,
							this.retentionDays
						]
					);
					await tx.query(
						'insert into session_debates (session_id, debate, claim_ids) values ($1, $2::jsonb, $3::jsonb)',
						[id, json(debate), json(claimIds)]
					);
				});
				return { id, code, teacherSecret };
			} catch (e) {
				// Another open session has this code (one chance in hundreds of millions): draw again.
				if (isUniqueViolation(e) && attempt < 5) continue;
				throw e;
			}
		}
	}

	/** The open session with this code (not ended, not expired), or the one "not open" answer. */
	async open(code: string): Promise<Session> {
		const [row] = await this.db.query<SessionRow & Record<string, unknown>>(
			`select ${SESSION_COLUMNS} from sessions s where ${OPEN_BY_CODE}`,
			[code]
		);
		if (!row) throw notOpen();
		return toSession(row);
	}

	/**
	 * The open session with this code and who holds these credentials in it, in one statement:
	 * every request of a signed-in person needs both, and statements are most of what a
	 * student's action costs (`npm run bench:class`).
	 */
	async openAs(
		code: string,
		credentials: { teacher?: string; student?: string }
	): Promise<{ session: Session; viewer: Viewer | undefined }> {
		const [row] = await this.db.query<SignedInRow>(
			`select ${SESSION_COLUMNS}, p.id as participant_id, p.display_name as participant_name
			 from sessions s left join participants p on p.session_id = s.id and p.token_hash = $2
			 where ${OPEN_BY_CODE}`,
			[code, credentials.student ? hashSecret(credentials.student) : null]
		);
		if (!row) throw notOpen();
		const session = toSession(row);
		const viewer: Viewer | undefined = isTeacher(session, credentials.teacher)
			? TEACHER_VIEWER
			: row.participant_id
				? { role: 'student', actor: row.participant_id, name: row.participant_name! }
				: undefined;
		return { session, viewer };
	}

	/** The debate the session started from. */
	async debate(session: Session): Promise<Debate> {
		const [row] = await this.db.query<{ debate: Debate }>(
			'select debate from session_debates where session_id = $1',
			[session.id]
		);
		if (!row) throw notOpen();
		return row.debate;
	}

	/** A student joins under a display name; the token is returned once and stored hashed. */
	async join(session: Session, name: string) {
		const id = newId();
		const token = newSecret();
		try {
			await this.db.query(
				'insert into participants (id, session_id, display_name, token_hash) values ($1, $2, $3, $4)',
				[id, session.id, name, hashSecret(token)]
			);
		} catch (e) {
			if (isUniqueViolation(e))
				throw new ClassError(
					409,
					`Someone in this session is already called "${name}": add an initial or choose another name.`
				);
			throw e;
		}
		return { id, name, token };
	}

	/** Who holds this secret: the session's teacher, one of its participants, or nobody. */
	async viewer(
		session: Session,
		credentials: { teacher?: string; student?: string }
	): Promise<Viewer | undefined> {
		if (isTeacher(session, credentials.teacher)) return TEACHER_VIEWER;
		if (credentials.student) {
			const [p] = await this.db.query<{ id: string; display_name: string }>(
				'select id, display_name from participants where token_hash = $1 and session_id = $2',
				[hashSecret(credentials.student), session.id]
			);
			if (p) return { role: 'student', actor: p.id, name: p.display_name };
		}
		return undefined;
	}

	/**
	 * Appends operations to the session's log, checked, in one transaction: all are stored or
	 * none. Each gets the next seq from the session's counter row, locked until commit, so
	 * events commit in seq order and a reader that saw seq n has seen every seq below it. An
	 * operation whose id is already in the log is not stored again: its seq is returned.
	 * Every instance is told after commit (NOTIFY).
	 */
	async append(
		session: Session,
		viewer: Viewer,
		ops: readonly (Op | ModerationOp)[]
	): Promise<{ id: string; seq: number }[]> {
		const ids = await this.debateClaims(session);
		return this.db.transaction(async (tx) => {
			const [s] = await tx.query<{
				last_seq: number;
				locked_at: Date | null;
				ended_at: Date | null;
				moderation: Settings['moderation'];
			}>(
				'select last_seq, locked_at, ended_at, moderation from sessions where id = $1 for update',
				[session.id]
			);
			if (!s || s.ended_at) throw notOpen();
			let seq = s.last_seq;
			let locked = s.locked_at !== null;
			let ended = false;
			const additions = new Map<string, (Addition & { lastPutSeq: number | null }) | null>();
			const load = async (claim: string | undefined) => {
				if (claim === undefined || additions.has(claim) || ids.has(claim)) return;
				const [row] = await tx.query<{
					owner: string;
					state: Addition['state'];
					deleted: boolean;
					last_put_seq: number | null;
				}>(
					'select owner, state, deleted, last_put_seq from contributions where session_id = $1 and claim_id = $2',
					[session.id, claim]
				);
				additions.set(
					claim,
					row
						? {
								owner: row.owner,
								state: row.state,
								deleted: row.deleted,
								lastPutSeq: row.last_put_seq
							}
						: null
				);
			};
			const results: { id: string; seq: number }[] = [];
			for (const [i, op] of ops.entries()) {
				const where = `ops[${i}] (${op.kind} ${op.id})`;
				const [dup] = await tx.query<{ seq: number; actor: string }>(
					'select seq, actor from events where session_id = $1 and op_id = $2',
					[session.id, op.id]
				);
				if (dup) {
					if (dup.actor !== viewer.actor)
						throw new ClassError(409, `${where}: this id is already used by another operation`);
					results.push({ id: op.id, seq: dup.seq });
					continue;
				}
				if (ended) throw new ClassError(409, `${where}: the session ended earlier in this request`);
				if (op.kind === 'put') {
					await load(op.value.id);
					for (const id of repliesTo(op.value.claim)) await load(id);
				} else if ('claim' in op) await load(op.claim);
				const decision = decide(
					{
						role: viewer.role,
						actor: viewer.actor,
						moderation: s.moderation,
						locked,
						isDebateClaim: (id) => ids.has(id),
						addition: (id) => additions.get(id) ?? undefined
					},
					op
				);
				if (!decision.ok) throw new ClassError(decision.status, `${where}: ${decision.message}`);
				seq++;
				let payload: Record<string, unknown> = op;
				if (decision.reveal) {
					const latest = additions.get(decision.reveal)?.lastPutSeq;
					const [put] = latest
						? await tx.query<{ payload: unknown }>(
								'select payload from events where session_id = $1 and seq = $2',
								[session.id, latest]
							)
						: [];
					if (put) payload = { ...op, reveal: put.payload };
				}
				await tx.query(
					`insert into events (session_id, seq, op_id, actor, kind, audience, payload)
					 values ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
					[session.id, seq, op.id, viewer.actor, op.kind, decision.audience, json(payload)]
				);
				if (decision.addition) {
					const { id, next, put } = decision.addition;
					const before = additions.get(id);
					const lastPutSeq = put ? seq : (before?.lastPutSeq ?? null);
					await tx.query(
						`insert into contributions (session_id, claim_id, owner, state, deleted, last_put_seq)
						 values ($1, $2, $3, $4, $5, $6)
						 on conflict (session_id, claim_id) do update
						 set state = excluded.state, deleted = excluded.deleted, last_put_seq = excluded.last_put_seq`,
						[session.id, id, next.owner, next.state, next.deleted, lastPutSeq]
					);
					additions.set(id, { ...next, lastPutSeq });
				}
				if (decision.session?.locked !== undefined) {
					locked = decision.session.locked;
					await tx.query(
						`update sessions set locked_at = ${locked ? 'now()' : 'null'} where id = $1`,
						[session.id]
					);
				}
				if (decision.session?.ended) {
					ended = true;
					await tx.query('update sessions set ended_at = now() where id = $1', [session.id]);
				}
				results.push({ id: op.id, seq });
			}
			if (seq > s.last_seq) {
				// One statement: the counter, and the notification every instance gets when the
				// transaction commits, never before (a woken reader finds the rows).
				await tx.query(
					`with counter as (update sessions set last_seq = $2 where id = $1)
					 select pg_notify($3, $4)`,
					[session.id, seq, CHANNEL, `${session.id}:${seq}`]
				);
			}
			return results;
		});
	}

	/** Events after `after`, in order: live delivery and `Last-Event-ID` replay alike. */
	read(sessionId: string, after: number, limit = 500): Promise<EventRow[]> {
		return this.db.query<EventRow & Record<string, unknown>>(
			`select e.seq, e.op_id, e.actor, e.kind, e.audience, e.payload, e.at, p.display_name
			 from events e left join participants p on p.id = e.actor
			 where e.session_id = $1 and e.seq > $2 order by e.seq limit $3`,
			[sessionId, after, limit]
		);
	}

	/**
	 * The teacher deletes their session (open or ended) with everything in it: the students'
	 * names, words and answers. An open one is ended first, so every screen is told. False when
	 * no session with this code has this teacher secret.
	 */
	async remove(code: string, teacherSecret: string): Promise<boolean> {
		const rows = await this.db.query<
			SessionRow & { ended_at: Date | null } & Record<string, unknown>
		>(`select ${SESSION_COLUMNS}, s.ended_at from sessions s where s.code = $1`, [code]);
		const row = rows.find((r) => isTeacher(toSession(r), teacherSecret));
		if (!row) return false;
		if (!row.ended_at) {
			const session = toSession(row);
			// Ended as deleted: the pages still open forget what their browsers kept of it.
			await this.append(session, TEACHER_VIEWER, [
				{ kind: 'end', id: DELETED_END_ID, at: Date.now() }
			]);
		}
		await this.db.query('delete from sessions where id = $1', [row.id]);
		// Streams on any instance that have not read the end yet (its rows are gone) are told.
		await this.db.query('select pg_notify($1, $2)', [CHANNEL, `${row.id}:deleted`]);
		this.claimIds.delete(row.id);
		return true;
	}

	/** Deletes sessions past their retention, with everything in them. Returns how many. */
	async purgeExpired(): Promise<number> {
		const rows = await this.db.query('delete from sessions where expires_at <= now() returning id');
		return rows.length;
	}

	private async debateClaims(session: Session): Promise<ReadonlySet<string>> {
		let ids = this.claimIds.get(session.id);
		if (!ids) {
			const [row] = await this.db.query<{ claim_ids: string[] }>(
				'select claim_ids from session_debates where session_id = $1',
				[session.id]
			);
			ids = new Set(row?.claim_ids ?? []);
			// A bounded cache of data that never changes: dropping an entry costs one read.
			if (this.claimIds.size > 1000) this.claimIds.clear();
			this.claimIds.set(session.id, ids);
		}
		return ids;
	}
}
