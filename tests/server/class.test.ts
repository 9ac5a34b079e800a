import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as http from '../../src/lib/server/class/http';
import { NOT_OPEN } from '../../src/lib/server/class/errors';
import { classApp, closeClassApp } from '../../src/lib/server/class/app';
import type { Database, Queryable } from '../../src/lib/server/db';
import { eachBackend, type Place } from './backends';
import { del, moderate, ORIGIN, put, Server, stance, THESIS } from './harness';

/** How many events a session's log holds (all sessions: `undefined`). */
async function stored(db: Database): Promise<number> {
	const [row] = await db.query<{ n: number }>('select count(*)::int as n from events');
	return row!.n;
}

eachBackend('class sessions', (backend) => {
	let place: Place;
	let db: Database;
	let server: Server;
	beforeAll(async () => {
		place = await backend.place();
		db = await place.open();
		server = await Server.start(db);
	});
	afterAll(async () => {
		await server?.close();
		await place?.remove();
	});

	test('an operation sent again (alone or twice in one request) is stored once and keeps its seq', async () => {
		const { code } = await server.create();
		const ana = await server.join(code, 'Ana');
		const op = put('c-ana-1');
		const [first] = await server.send(code, ana.cookie, [op]);
		const before = await stored(db);
		expect(await server.send(code, ana.cookie, [op])).toEqual([first]);
		const again = await server.send(code, ana.cookie, [op, stance(70), op]);
		expect(again[0]).toBe(first);
		expect(again[2]).toBe(first);
		expect(await stored(db)).toBe(before + 1);
	});

	test('concurrent posts get seqs 1…n without gaps, and a stream receives them in order', async () => {
		const { code, cookie: teacher } = await server.create();
		const students = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((n) => server.join(code, n)));
		const watcher = await server.stream(code, teacher);
		const seqs = (
			await Promise.all(
				students.flatMap((s, i) =>
					Array.from({ length: 8 }, (_, k) => server.send(code, s.cookie, [put(`c-${i}-${k}`)]))
				)
			)
		).flat();
		expect([...seqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		await expect.poll(() => watcher.ids.length, { timeout: 20_000 }).toBe(40);
		expect(watcher.ids).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		await watcher.close();
	});

	test('a stream resumed from Last-Event-ID gets what it missed, in order, nothing twice', async () => {
		const { code, cookie: teacher } = await server.create();
		const ana = await server.join(code, 'Ana');
		const first = await server.stream(code, ana.cookie);
		for (let i = 0; i < 5; i++) await server.send(code, ana.cookie, [put(`c-r-${i}`)]);
		await expect.poll(() => first.ids).toEqual([1, 2, 3, 4, 5]);
		await first.close();
		// Offline: the teacher and Ana go on.
		await server.send(code, teacher, [put('c-t-1')]);
		await server.send(code, ana.cookie, [put('c-r-5'), put('c-r-6')]);
		const resumed = await server.stream(code, ana.cookie, 5);
		await server.send(code, ana.cookie, [put('c-r-7')]);
		await expect.poll(() => resumed.ids).toEqual([6, 7, 8, 9]);
		await resumed.close();
	});

	test('an event posted on one instance reaches a stream on another', async () => {
		// Two instances: on PostgreSQL two connections (as two processes have); PGlite is
		// embedded in one process, where two app instances share it.
		const otherDb = backend.name === 'postgres' ? await place.open() : db;
		const other = await Server.start(otherDb);
		try {
			const { code, cookie: teacher } = await server.create();
			const ana = await server.join(code, 'Ana');
			const onOther = await other.stream(code, teacher);
			const onThis = await server.stream(code, ana.cookie);
			await server.send(code, ana.cookie, [put('c-x-1')]);
			await other.send(code, teacher, [put('c-x-2', 'c-x-1')]);
			await expect.poll(() => onOther.ids).toEqual([1, 2]);
			await expect.poll(() => onThis.ids).toEqual([1, 2]);
			await Promise.all([onOther.close(), onThis.close()]);
		} finally {
			// Stops the instance; on PGlite the shared database stays open for the rest.
			if (otherDb !== db) await other.close();
		}
	});

	test('a restarted server keeps every acknowledged operation', async () => {
		const { code } = await server.create();
		const ana = await server.join(code, 'Ana');
		const op = put('c-keep');
		const acked = await server.send(code, ana.cookie, [op, stance(40)]);
		await server.close();
		db = await place.open();
		server = await Server.start(db);
		const replay = await server.stream(code, ana.cookie, 0);
		await expect.poll(() => replay.ids).toEqual(acked);
		// The outbox re-sends what it had no answer for: the same seq, nothing stored twice.
		expect(await server.send(code, ana.cookie, [op])).toEqual([acked[0]]);
		await replay.close();
	});

	test("a student's action is one read of the session and its sender, then one transaction", async () => {
		// Statements are the cost of a write (PGlite runs each in this process): count them.
		const sent: string[] = [];
		const counted = (q: Queryable): Queryable => ({
			query: (sql, params) => (sent.push(sql), q.query(sql, params)),
			exec: (sql) => (sent.push(sql), q.exec(sql))
		});
		const counting: Database = {
			...db,
			...counted(db),
			transaction: (fn) => db.transaction((tx) => fn(counted(tx)))
		};
		const quiet = await Server.start(counting);
		try {
			const { code } = await quiet.create();
			const ana = await quiet.join(code, 'Ana');
			// The first write also reads the debate's claim ids, kept for the session's life.
			await quiet.send(code, ana.cookie, [stance(10)]);
			sent.length = 0;
			await quiet.send(code, ana.cookie, [put('c-counted')]);
			// Session and sender; then the counter (locked), the id's first use, the addition's
			// owner, the event, the addition, and the counter's new value with the notification.
			expect(sent).toHaveLength(7);
			sent.length = 0;
			await quiet.send(code, ana.cookie, [stance(30)]);
			expect(sent).toHaveLength(5);
		} finally {
			await quiet.app.hub.stop();
		}
	});

	test('a quiet stream is kept open with comments, which carry no event', async () => {
		const quick = await Server.start(db, { heartbeatMs: 50 });
		try {
			const { code, cookie } = await quick.create();
			const reader = await quick.stream(code, cookie);
			await expect.poll(() => reader.comments).toBeGreaterThan(1);
			expect(reader.events).toEqual([]);
			await reader.close();
		} finally {
			await quick.app.hub.stop();
		}
	});

	describe('permissions', () => {
		test('a student changes and deletes only their own additions; only the teacher moderates', async () => {
			const { code, cookie: teacher } = await server.create();
			const ana = await server.join(code, 'Ana');
			const ben = await server.join(code, 'Ben');
			await server.send(code, ana.cookie, [put('c-own')]);
			const before = await stored(db);
			for (const [op, message] of [
				[put('c-own', THESIS, 'Ben rewrites it'), /only the additions you made/],
				[del('c-own'), /only the additions you made/],
				[del(THESIS), /claims of the debate cannot be deleted/],
				[put(THESIS), /is a claim of the debate/],
				[put('c-reply', 'c-nowhere'), /no claim "c-nowhere"/],
				[moderate('hide', { claim: 'c-own' }), /only the teacher/],
				[moderate('end'), /only the teacher/]
			] as const) {
				const res = await server.post(code, ben.cookie, [op]);
				expect(res.status).toBeGreaterThanOrEqual(403);
				expect(res.status).toBeLessThan(500);
				expect(((await res.json()) as { error: string }).error).toMatch(message);
			}
			expect(await stored(db)).toBe(before);
			// Ana edits and deletes her own; the teacher may edit anyone's.
			await server.send(code, ana.cookie, [put('c-own', THESIS, 'Ana clarifies')]);
			await server.send(code, teacher, [put('c-own', THESIS, 'Teacher corrects a typo')]);
			await server.send(code, ana.cookie, [del('c-own')]);
		});

		test('one bad operation in a request stores none of it', async () => {
			const { code } = await server.create();
			const ana = await server.join(code, 'Ana');
			const before = await stored(db);
			const res = await server.post(code, ana.cookie, [
				put('c-ok'),
				moderate('lock', { on: true })
			]);
			expect(res.status).toBe(403);
			expect(((await res.json()) as { error: string }).error).toMatch(/^ops\[1\] \(lock /);
			expect(await stored(db)).toBe(before);
		});

		test('approve-first: a new addition reaches classmates only once approved', async () => {
			const { code, cookie: teacher } = await server.create({ moderation: 'approve' });
			const ana = await server.join(code, 'Ana');
			const ben = await server.join(code, 'Ben');
			const benSees = await server.stream(code, ben.cookie);
			const teacherSees = await server.stream(code, teacher);
			const anaSees = await server.stream(code, ana.cookie);
			await server.send(code, ana.cookie, [put('c-wait')]);
			await expect.poll(() => teacherSees.ids).toEqual([1]);
			await expect.poll(() => anaSees.ids).toEqual([1]);
			// Ben cannot reply to what he cannot see.
			expect((await server.post(code, ben.cookie, [put('c-b', 'c-wait')])).status).toBe(422);
			await server.send(code, teacher, [moderate('approve', { claim: 'c-wait' })]);
			await expect.poll(() => benSees.events.map((e) => e.data.op.kind)).toEqual(['approve']);
			const reveal = benSees.events[0]!.data.op.reveal as { value: { id: string } };
			expect(reveal.value.id).toBe('c-wait');
			await server.send(code, teacher, [moderate('hide', { claim: 'c-wait' })]);
			await expect
				.poll(() => benSees.events.map((e) => e.data.op.kind))
				.toEqual(['approve', 'hide']);
			// Hidden: Ana's edit reaches only Ana and the teacher.
			await server.send(code, ana.cookie, [put('c-wait', THESIS, 'Edited while hidden')]);
			await expect.poll(() => teacherSees.ids).toEqual([1, 2, 3, 4]);
			await expect.poll(() => anaSees.ids).toEqual([1, 2, 3, 4]);
			expect(benSees.ids).toEqual([2, 3]);
			await Promise.all([benSees.close(), teacherSees.close(), anaSees.close()]);
		});

		test('anonymous: classmates see no names, the teacher and the author do', async () => {
			const { code, cookie: teacher } = await server.create({ names: 'anonymous' });
			const ana = await server.join(code, 'Ana Lima');
			const ben = await server.join(code, 'Ben');
			const [benSees, anaSees, teacherSees] = await Promise.all([
				server.stream(code, ben.cookie),
				server.stream(code, ana.cookie),
				server.stream(code, teacher)
			]);
			await server.send(code, ana.cookie, [put('c-anon', THESIS, 'A point', 'Ana Lima')]);
			for (const s of [benSees, anaSees, teacherSees]) await expect.poll(() => s.ids).toEqual([1]);
			expect(JSON.stringify(benSees.events)).not.toContain('Ana');
			expect(anaSees.events[0]!.data.by).toBe('Ana Lima');
			expect(teacherSees.events[0]!.data.by).toBe('Ana Lima');
			expect(JSON.stringify(teacherSees.events[0]!.data.op)).toContain('Ana Lima');
			await Promise.all([benSees.close(), anaSees.close(), teacherSees.close()]);
		});

		test('a locked session is read-only for students, and an ended one is closed to everyone', async () => {
			const { code, cookie: teacher } = await server.create();
			const ana = await server.join(code, 'Ana');
			const anaSees = await server.stream(code, ana.cookie);
			await server.send(code, teacher, [moderate('lock', { on: true })]);
			const locked = await server.post(code, ana.cookie, [put('c-late')]);
			expect(locked.status).toBe(403);
			expect(((await locked.json()) as { error: string }).error).toMatch(/locked/);
			await server.send(code, teacher, [moderate('lock', { on: false })]);
			await server.send(code, ana.cookie, [put('c-late')]);
			await server.send(code, teacher, [moderate('end')]);
			await expect.poll(() => anaSees.ended).toBe(true);
			expect(anaSees.events.map((e) => e.data.op.kind)).toEqual(['lock', 'lock', 'put', 'end']);
			// After the end, the code answers exactly as a code never used.
			const ended = await server.call(http.joinSession, `/api/class/${code}/join`, {
				body: { name: 'Cy' }
			});
			const unknown = await server.call(http.joinSession, '/api/class/ZZZZ22/join', {
				body: { name: 'Cy' }
			});
			const answer = await ended.text();
			expect([ended.status, answer]).toEqual([unknown.status, await unknown.text()]);
			expect([ended.status, JSON.parse(answer).error]).toEqual([404, NOT_OPEN]);
		});
	});

	describe('after class', () => {
		test("the teacher deletes the session with every student's words in it; nobody else can", async () => {
			const { code, cookie: teacher } = await server.create();
			const [{ id }] = (await db.query<{ id: string }>('select id from sessions where code = $1', [
				code
			])) as [{ id: string }];
			const ana = await server.join(code, 'Ana');
			const anaSees = await server.stream(code, ana.cookie);
			await server.send(code, ana.cookie, [put('c-mine'), stance(40)]);
			const remove = (cookie: string) =>
				server.call(http.deleteSession, `/api/class/${code}`, {
					method: 'DELETE',
					cookie,
					headers: { origin: ORIGIN, 'content-type': 'application/json' }
				});
			const left = async () => {
				let n = 0;
				for (const table of [
					'sessions',
					'session_debates',
					'participants',
					'events',
					'contributions'
				]) {
					const [row] = await db.query<{ n: number }>(
						`select count(*)::int as n from ${table} where ${table === 'sessions' ? 'id' : 'session_id'} = $1`,
						[id]
					);
					n += row!.n;
				}
				return n;
			};
			// A student's credential deletes nothing, and is told what anyone is told.
			const refused = await remove(ana.cookie);
			expect([refused.status, ((await refused.json()) as { error: string }).error]).toEqual([
				404,
				NOT_OPEN
			]);
			expect(await left()).toBeGreaterThan(0);
			expect((await remove(teacher)).status).toBe(204);
			// Everyone still connected is told the session is over.
			await expect.poll(() => anaSees.ended).toBe(true);
			expect(await left()).toBe(0);
			// An ended session can be deleted too.
			const ended = await server.create();
			await server.send(ended.code, ended.cookie, [moderate('end')]);
			const again = await server.call(http.deleteSession, `/api/class/${ended.code}`, {
				method: 'DELETE',
				cookie: ended.cookie,
				headers: { origin: ORIGIN, 'content-type': 'application/json' }
			});
			expect(again.status).toBe(204);
		});
	});

	test('a page checks the session is still open without downloading its debate again', async () => {
		const { code, cookie: teacher } = await server.create();
		const ana = await server.join(code, 'Ana');
		const reads = { debate: 0 };
		const service = server.app.service;
		const debate = service.debate.bind(service);
		service.debate = (session) => {
			reads.debate++;
			return debate(session);
		};
		try {
			const probe = (cookie?: string, at = code) =>
				server.call(http.sessionAlive, `/api/class/${at}`, { method: 'HEAD', cookie });
			const open = await probe(ana.cookie);
			expect([open.status, await open.text()]).toEqual([204, '']);
			// Someone who never joined is sent to join, as GET would.
			expect((await probe()).status).toBe(401);
			expect((await probe(ana.cookie, 'ZZZZ22')).status).toBe(404);
			expect(reads.debate).toBe(0);
			// GET still sends it (the check above counts its reads).
			expect(
				(await server.call(http.sessionInfo, `/api/class/${code}`, { cookie: ana.cookie })).status
			).toBe(200);
			expect(reads.debate).toBe(1);
			await server.send(code, teacher, [moderate('end')]);
			// Ended: the same answer as for an unknown code, so the page opens its own copy read-only.
			expect((await probe(ana.cookie)).status).toBe(404);
		} finally {
			service.debate = debate;
		}
	});

	describe('bad and hostile requests', () => {
		test('are refused with a 4xx and a message, and store nothing', async () => {
			const { code, cookie: teacher } = await server.create();
			const ana = await server.join(code, 'Ana');
			const path = `/api/class/${code}/ops`;
			const before = await stored(db);
			const cases: [string, Response, number, RegExp][] = [
				[
					'not JSON',
					await server.call(http.postOps, path, { raw: '{"ops": [', cookie: ana.cookie }),
					400,
					/not valid JSON/
				],
				[
					'too large',
					await server.call(http.postOps, path, {
						raw: JSON.stringify({ ops: [put('c-big', THESIS, 'x'.repeat(300_000))] }),
						cookie: ana.cookie
					}),
					413,
					/too large/
				],
				[
					'too many',
					await server.call(http.postOps, path, {
						body: { ops: Array.from({ length: 101 }, (_, i) => put(`c-many-${i}`)) },
						cookie: ana.cookie
					}),
					422,
					/at most 100 operations/
				],
				[
					'unknown kind',
					await server.call(http.postOps, path, {
						body: { ops: [{ ...stance(1), kind: 'grant-admin' }] },
						cookie: ana.cookie
					}),
					422,
					/ops\[0\]\.kind/
				],
				[
					// A debate being written stays in the browser it is written in.
					"an author's edit of the debate",
					await server.call(http.postOps, path, {
						body: {
							ops: [
								{
									...stance(1),
									kind: 'set',
									base: null,
									key: `claim:${THESIS}`,
									value: { id: THESIS, text: { en: 'Rewritten by a student' } }
								}
							]
						},
						cookie: ana.cookie
					}),
					422,
					/ops\[0\]\.kind/
				],
				[
					'extra field',
					await server.call(http.postOps, path, {
						body: { ops: [{ ...stance(1), role: 'teacher' }] },
						cookie: ana.cookie
					}),
					422,
					/role/
				],
				[
					'no origin',
					await server.call(http.postOps, path, {
						body: { ops: [stance(1)] },
						cookie: ana.cookie,
						headers: { origin: '' }
					}),
					403,
					/this site's own pages/
				],
				[
					'other site',
					await server.call(http.postOps, path, {
						body: { ops: [stance(1)] },
						cookie: ana.cookie,
						headers: { origin: 'https://evil.example' }
					}),
					403,
					/this site's own pages/
				],
				[
					'form post',
					await server.call(http.postOps, path, {
						body: { ops: [stance(1)] },
						cookie: ana.cookie,
						headers: { 'content-type': 'text/plain' }
					}),
					415,
					/JSON/
				],
				[
					'no token',
					await server.call(http.postOps, path, { body: { ops: [stance(1)] } }),
					401,
					/Join the session/
				],
				[
					'forged token',
					await server.call(http.postOps, path, {
						body: { ops: [stance(1)] },
						cookie: 'cp_student=forged'
					}),
					401,
					/Join the session/
				],
				[
					'bad cursor',
					await server.call(http.streamEvents, `/api/class/${code}/events`, {
						cookie: ana.cookie,
						headers: { 'last-event-id': '-1' }
					}),
					400,
					/Last-Event-ID/
				],
				[
					'malformed code',
					await server.call(http.postOps, '/api/class/<script>/ops', {
						body: { ops: [stance(1)] },
						cookie: ana.cookie
					}),
					404,
					/no open class session/
				],
				[
					'hostile name',
					await server.call(http.joinSession, `/api/class/${code}/join`, {
						body: { name: 'Ana\u202eevil' }
					}),
					422,
					/letters, digits/
				],
				[
					'empty name',
					await server.call(http.joinSession, `/api/class/${code}/join`, { body: { name: '   ' } }),
					422,
					/your classmates know you by/
				],
				[
					'name taken',
					await server.call(http.joinSession, `/api/class/${code}/join`, { body: { name: 'ana' } }),
					409,
					/already called/
				],
				[
					'wrong teacher link',
					await server.call(http.teacherSignIn, `/api/class/${code}/teacher`, {
						body: { secret: 'guess' }
					}),
					403,
					/not the teacher link/
				],
				[
					'unknown debate',
					await server.call(http.createSession, '/api/class', { body: { debate: 'nope' } }),
					404,
					/no shipped debate/
				],
				[
					'invalid snapshot',
					await server.call(http.createSession, '/api/class', {
						body: { snapshot: { formatVersion: 1, id: 'x', claims: 'no' } }
					}),
					422,
					/The debate sent is not valid: snapshot/
				]
			];
			for (const [what, res, status, message] of cases) {
				expect([what, res.status]).toEqual([what, status]);
				expect(((await res.json()) as { error: string }).error, what).toMatch(message);
			}
			expect(await stored(db)).toBe(before);
			// The teacher's link works on another device.
			const { teacherSecret } = await server.create();
			expect(teacher).toMatch(/^cp_teacher=/);
			expect(teacherSecret.length).toBeGreaterThanOrEqual(43);
		});

		test('a session on an imported debate is checked like a debate file, and replies to its claims', async () => {
			// An imported debate, as the browser holds it after reading a file.
			const snapshot = parse(readFileSync('tests/fixtures/debates/branches.yaml', 'utf8'));
			const res = await server.call(http.createSession, '/api/class', { body: { snapshot } });
			expect(res.status, await res.clone().text()).toBe(201);
			const { code } = (await res.json()) as { code: string };
			const ana = await server.join(code, 'Ana');
			expect(await server.send(code, ana.cookie, [put('c-u', 't')])).toEqual([1]);
		});

		test('a full request (what an outbox kept while offline) passes the default limits', async () => {
			// A server of its own: the shared one has started more sessions from this address than
			// the default limit allows in an hour.
			const fresh = await Server.start(db);
			try {
				const { code } = await fresh.create();
				const ana = await fresh.join(code, 'Ana');
				const ops = Array.from({ length: http.MAX_OPS }, (_, i) => stance(i));
				expect(await fresh.send(code, ana.cookie, ops)).toHaveLength(http.MAX_OPS);
			} finally {
				await fresh.app.hub.stop();
			}
		});

		test('too many operations from one student: 429 with Retry-After and a message', async () => {
			const limited = await Server.start(db, {
				limits: { opsPerParticipant: { burst: 3, perSecond: 0.5 } }
			});
			try {
				const { code } = await limited.create();
				const ana = await limited.join(code, 'Ana');
				await limited.send(code, ana.cookie, [stance(1), stance(2), stance(3)]);
				const res = await limited.post(code, ana.cookie, [stance(4)]);
				expect(res.status).toBe(429);
				expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
				expect(((await res.json()) as { error: string }).error).toMatch(
					/they are kept, and sent again/
				);
			} finally {
				await limited.app.hub.stop();
			}
		});
	});
});

test('a database that cannot be reached: 503 with a message, and the next request tries again', async () => {
	const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' };
	const request = new Request('http://class.test/api/class/ABCDEF/join', {
		method: 'POST',
		headers: { origin: 'http://class.test', 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'Ana' })
	});
	for (let i = 0; i < 2; i++) {
		const res = await http.respond(async () =>
			http.joinSession(await classApp(env), {
				request: request.clone(),
				url: new URL(request.url),
				code: 'ABCDEF',
				address: '127.0.0.1'
			})
		);
		expect(res.status).toBe(503);
		expect(res.headers.get('retry-after')).toBe('5');
		expect(((await res.json()) as { error: string }).error).toMatch(
			/database cannot be reached .* kept in your browser/
		);
	}
});

describe('COUNTERPOINT_RATE_LIMIT_FACTOR', () => {
	/** A join request from the one address a whole school may share. */
	const joinAs = async (env: Record<string, string>, code: string, name: string) =>
		http.respond(async () =>
			http.joinSession(await classApp(env), {
				request: new Request(`http://class.test/api/class/${code}/join`, {
					method: 'POST',
					headers: { origin: 'http://class.test', 'content-type': 'application/json' },
					body: JSON.stringify({ name })
				}),
				url: new URL(`http://class.test/api/class/${code}/join`),
				code,
				address: '10.9.9.9'
			})
		);

	test('raises every limit: more students join from one address than the default allows', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'counterpoint-factor-'));
		const env = { COUNTERPOINT_DATA: dir, COUNTERPOINT_RATE_LIMIT_FACTOR: '2' };
		try {
			const app = await classApp(env);
			const { code } = await app.service.create(
				parse(readFileSync('arguments/llama-open-weights.yaml', 'utf8')),
				{ moderation: 'open', names: 'shown' }
			);
			// The default lets 120 joins through at once from one address; twice that with factor 2.
			const statuses = [];
			for (let i = 0; i < 130; i++) statuses.push((await joinAs(env, code, `Student ${i}`)).status);
			expect(statuses.filter((s) => s !== 201)).toEqual([]);
		} finally {
			await closeClassApp();
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('a value that is not a number above 0 is refused with what to set', async () => {
		// Refused before any database is opened (none is made at this address).
		const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:9/none' };
		try {
			await expect(classApp({ ...env, COUNTERPOINT_RATE_LIMIT_FACTOR: 'lots' })).rejects.toThrow(
				/COUNTERPOINT_RATE_LIMIT_FACTOR must be a number above 0 .* not "lots"/
			);
		} finally {
			await closeClassApp();
		}
	});
});
