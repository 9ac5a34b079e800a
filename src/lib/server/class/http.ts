import { z } from '$core/schema/zod';
import { ClassOp } from '$core/oplog/op';
import { ModerationOp } from '$core/oplog/moderation';
import { normaliseCode } from '$core/class/code';
import { Moderation, Names, type SessionInfo } from '$core/class/session-info';
import { formatDiagnostic, validateDebateData } from '$core/load';
import { formatPath } from '$core/load/diagnostic';
import { shippedDebates } from '../debates';
import { DatabaseUnavailable, isUnavailable } from '../db';
import type { ClassApp } from './app';
import { ClassError, notOpen } from './errors';
import type { Limit } from './rate-limit';
import type { Session, Viewer } from './service';

/**
 * The class-session API over HTTP, as plain Request → Response functions (the SvelteKit routes
 * under src/routes/api/class call them; tests call them directly). Every refusal is a 4xx with
 * `{ error }` saying what to do, and stores nothing.
 */

/** What a route hands over: the request, its URL, the code in the path, the caller's address. */
export interface Ctx {
	request: Request;
	url: URL;
	code?: string;
	address: string;
}

/** Bodies larger than these are refused before they are read whole. */
export const MAX_BODY = {
	/** A session on an imported debate carries the debate (as large as a debate file). */
	create: 6 * 1024 * 1024,
	join: 4 * 1024,
	ops: 256 * 1024
};
/** Operations in one request: an outbox sends what waited offline in a few requests. */
export const MAX_OPS = 100;
/** Event streams one person may hold open on one instance (one per open page). */
export const MAX_STREAMS = 5;

const STUDENT_COOKIE = 'cp_student';
const TEACHER_COOKIE = 'cp_teacher';

const Settings = z.strictObject({
	moderation: Moderation.default('open'),
	names: Names.default('shown')
});
const CreateBody = z.union([
	z.strictObject({ debate: z.string().min(1).max(200), settings: Settings.optional() }),
	z.strictObject({ snapshot: z.unknown(), settings: Settings.optional() })
]);
const JoinBody = z.strictObject({
	name: z
		.string()
		.trim()
		.min(1, 'type the name your classmates know you by')
		.max(40, 'at most 40 characters')
		.refine((n) => !/[\p{Cc}\p{Cf}]/u.test(n), 'letters, digits and punctuation only')
});
const TeacherBody = z.strictObject({ secret: z.string().min(1).max(200) });
const OpsBody = z.strictObject({
	ops: z
		// By `kind`, so a wrong operation is told what is wrong with it, not "invalid input".
		.array(z.discriminatedUnion('kind', [ClassOp, ModerationOp]))
		.min(1, 'send at least one operation')
		.max(MAX_OPS, `at most ${MAX_OPS} operations in one request; send the rest in another`)
});

/** Runs a handler, turning refusals and an unreachable database into their answers. */
export async function respond(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof ClassError) return problem(e.status, e.message, e.headers);
		if (e instanceof DatabaseUnavailable || isUnavailable(e))
			return problem(503, new DatabaseUnavailable().message, { 'retry-after': '5' });
		console.error('class session request failed:', e);
		return problem(500, 'The class server failed on this request; try again.');
	}
}

function problem(status: number, error: string, headers: Record<string, string> = {}) {
	return Response.json({ error }, { status, headers: { ...NO_STORE, ...headers } });
}
const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/** POST /api/class: starts a session → `{ code, teacherSecret, joinUrl }` (201). */
export async function createSession(app: ClassApp, ctx: Ctx): Promise<Response> {
	checkWrite(app, ctx, app.limiters.create);
	const body = parse(CreateBody, await readJson(ctx.request, MAX_BODY.create));
	let debate;
	if ('debate' in body) {
		debate = shippedDebates().get(body.debate);
		if (!debate)
			throw new ClassError(
				404,
				`debate: there is no shipped debate "${body.debate}"; send an imported debate as "snapshot"`
			);
	} else {
		// An imported debate is held to the same checks as a debate file.
		const loaded = validateDebateData(body.snapshot, { file: 'snapshot' });
		if (!loaded.ok)
			throw new ClassError(
				422,
				`The debate sent is not valid: ${loaded.errors.slice(0, 10).map(formatDiagnostic).join('; ')}`
			);
		debate = loaded.value;
	}
	const settings = body.settings ?? { moderation: 'open' as const, names: 'shown' as const };
	const { code, teacherSecret } = await app.service.create(debate, settings);
	const joinUrl = `${ctx.url.origin}/join?code=${code}`;
	const headers = new Headers(NO_STORE);
	headers.append('set-cookie', cookie(ctx, code, TEACHER_COOKIE, teacherSecret, app.retentionDays));
	return Response.json({ code, teacherSecret, joinUrl }, { status: 201, headers });
}

/** POST /api/class/[code]/join `{ name }`: a student joins → cookie, `{ participant, name }`. */
export async function joinSession(app: ClassApp, ctx: Ctx): Promise<Response> {
	checkWrite(app, ctx, app.limiters.join);
	const body = parse(JoinBody, await readJson(ctx.request, MAX_BODY.join));
	const session = await open(app, ctx);
	const p = await app.service.join(session, body.name);
	const headers = new Headers(NO_STORE);
	headers.append(
		'set-cookie',
		cookie(ctx, session.code, STUDENT_COOKIE, p.token, app.retentionDays)
	);
	return Response.json({ participant: p.id, name: p.name }, { status: 201, headers });
}

/** POST /api/class/[code]/teacher `{ secret }`: the control link opened on another device. */
export async function teacherSignIn(app: ClassApp, ctx: Ctx): Promise<Response> {
	checkWrite(app, ctx, app.limiters.join);
	const body = parse(TeacherBody, await readJson(ctx.request, MAX_BODY.join));
	const session = await open(app, ctx);
	const viewer = await app.service.viewer(session, { teacher: body.secret });
	if (!viewer) throw new ClassError(403, 'This is not the teacher link of this session.');
	const headers = new Headers(NO_STORE);
	headers.append(
		'set-cookie',
		cookie(ctx, session.code, TEACHER_COOKIE, body.secret, app.retentionDays)
	);
	return new Response(null, { status: 204, headers });
}

/** GET /api/class/[code]: the session as this person sees it (debate, settings, who they are). */
export async function sessionInfo(app: ClassApp, ctx: Ctx): Promise<Response> {
	take(app.limiters.perAddress, ctx.address, 'requests');
	const { session, viewer } = await openSignedIn(app, ctx);
	const info: SessionInfo = {
		code: session.code,
		settings: session.settings,
		locked: session.locked,
		expiresAt: session.expiresAt.toISOString(),
		role: viewer.role,
		you: { id: viewer.actor, name: viewer.name },
		debate: await app.service.debate(session)
	};
	return Response.json(info, { headers: NO_STORE });
}

/**
 * HEAD /api/class/[code]: whether the session is still open to the person asking, without
 * sending (or reading) its debate: 204 if so, else the status GET would give. A page whose event
 * stream was refused asks this before opening the stream again.
 */
export async function sessionAlive(app: ClassApp, ctx: Ctx): Promise<Response> {
	take(app.limiters.perAddress, ctx.address, 'requests');
	await openSignedIn(app, ctx);
	return new Response(null, { status: 204, headers: NO_STORE });
}

/**
 * DELETE /api/class/[code]: the teacher deletes the session (open or ended) and every student's
 * words in it → 204. Anyone else gets the same answer as for an unknown code.
 */
export async function deleteSession(app: ClassApp, ctx: Ctx): Promise<Response> {
	checkWrite(app, ctx);
	const code = normaliseCode(ctx.code ?? '');
	const secret =
		bearerOf(ctx.request) ?? parseCookies(ctx.request.headers.get('cookie')).get(TEACHER_COOKIE);
	if (!code || !secret || !(await app.service.remove(code, secret))) throw notOpen();
	const headers = new Headers(NO_STORE);
	// The teacher's credential for this session is of no more use.
	headers.append('set-cookie', cookie(ctx, code, TEACHER_COOKIE, '', 0));
	return new Response(null, { status: 204, headers });
}

/** POST /api/class/[code]/ops `{ ops }`: appends operations → `{ results: [{ id, seq }] }`. */
export async function postOps(app: ClassApp, ctx: Ctx): Promise<Response> {
	checkWrite(app, ctx);
	const body = parse(OpsBody, await readJson(ctx.request, MAX_BODY.ops));
	const { session, viewer } = await openSignedIn(app, ctx);
	const wait = app.limiters.ops.take(`${session.id}:${viewer.actor}`, body.ops.length);
	if (wait > 0)
		throw new ClassError(
			429,
			`You are sending changes faster than the class server takes them: they are kept, and sent again in ${wait} s.`,
			{ 'retry-after': String(wait) }
		);
	const results = await app.service.append(session, viewer, body.ops as never);
	return Response.json({ results }, { headers: NO_STORE });
}

/**
 * GET /api/class/[code]/events: the session's log as server-sent events, from after the
 * `Last-Event-ID` header (a browser's reconnection) or `?after=` (a page that already has
 * events stored), then live; a comment line keeps the connection open while nothing happens.
 */
export async function streamEvents(app: ClassApp, ctx: Ctx): Promise<Response> {
	take(app.limiters.perAddress, ctx.address, 'requests');
	const { session, viewer } = await openSignedIn(app, ctx);
	const cursor =
		ctx.request.headers.get('last-event-id') ?? ctx.url.searchParams.get('after') ?? '0';
	if (!/^\d{1,9}$/.test(cursor))
		throw new ClassError(400, 'Last-Event-ID (or after=) must be the number of an event.');
	if (app.hub.streams(session.id, viewer.actor) >= MAX_STREAMS)
		throw new ClassError(
			429,
			`This session is open in ${MAX_STREAMS} pages for you already: close one and reload.`,
			{ 'retry-after': '10' }
		);
	const encoder = new TextEncoder();
	let stop = () => {};
	let closed = false;
	const stream = new ReadableStream<Uint8Array>(
		{
			start(controller) {
				const close = () => {
					if (closed) return;
					closed = true;
					stop();
					controller.close();
				};
				const send = (text: string) => {
					if (closed) return;
					// A reader that stopped reading (1 MB behind) is cut off; it resumes from its last id.
					if ((controller.desiredSize ?? 0) <= 0) return close();
					controller.enqueue(encoder.encode(text));
				};
				send('retry: 2000\n\n');
				stop = app.hub.subscribe(session, viewer, Number(cursor), send, close);
			},
			cancel() {
				closed = true;
				stop();
			}
		},
		{ highWaterMark: 1024 * 1024, size: (chunk) => chunk.byteLength }
	);
	return new Response(stream, {
		headers: {
			...NO_STORE,
			'content-type': 'text/event-stream; charset=utf-8',
			// Proxies (nginx) must pass events on as they come.
			'x-accel-buffering': 'no'
		}
	});
}

/** The open session named by the path's code; a malformed code gets the same answer as an unknown one. */
async function open(app: ClassApp, ctx: Ctx): Promise<Session> {
	const code = normaliseCode(ctx.code ?? '');
	if (!code) throw notOpen();
	return app.service.open(code);
}

/** The open session named by the path's code, and the person signed in to it by cookie or bearer. */
async function openSignedIn(
	app: ClassApp,
	ctx: Ctx
): Promise<{ session: Session; viewer: Viewer }> {
	const code = normaliseCode(ctx.code ?? '');
	if (!code) throw notOpen();
	const cookies = parseCookies(ctx.request.headers.get('cookie'));
	const bearer = bearerOf(ctx.request);
	const { session, viewer } = await app.service.openAs(code, {
		teacher: bearer ?? cookies.get(TEACHER_COOKIE),
		student: bearer ?? cookies.get(STUDENT_COOKIE)
	});
	if (!viewer)
		throw new ClassError(401, 'Join the session first (with its code and your name) on /join.');
	return { session, viewer };
}

/**
 * Every write: from this site's own pages (its Origin — a browser always sends it on a POST, so
 * another site's page cannot act with a student's cookie), as JSON, within the address's limits.
 */
function checkWrite(app: ClassApp, ctx: Ctx, limit?: import('./rate-limit').RateLimiter) {
	const origin = ctx.request.headers.get('origin');
	if (origin !== ctx.url.origin)
		throw new ClassError(
			403,
			`Changes are accepted only from this site's own pages (Origin ${origin ?? 'missing'}, expected ${ctx.url.origin}).`
		);
	const type = ctx.request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type))
		throw new ClassError(415, 'Send the request as JSON (Content-Type: application/json).');
	take(app.limiters.perAddress, ctx.address, 'requests');
	if (limit) take(limit, ctx.address, 'requests of this kind');
}

function take(limiter: import('./rate-limit').RateLimiter, key: string, what: string) {
	const wait = limiter.take(key);
	if (wait > 0)
		throw new ClassError(429, `Too many ${what} from your network: wait ${wait} s and try again.`, {
			'retry-after': String(wait)
		});
}

/** The body as JSON, refused unread past `max` bytes. */
async function readJson(request: Request, max: number): Promise<unknown> {
	const tooLarge = () =>
		new ClassError(413, `The request is too large (over ${Math.round(max / 1024)} KB).`);
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > max) throw tooLarge();
	if (!request.body) throw new ClassError(400, 'The request has no body: send JSON.');
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > max) {
			await reader.cancel();
			throw tooLarge();
		}
		chunks.push(value);
	}
	const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new ClassError(400, `The request is not valid JSON: ${(e as Error).message}`);
	}
}

/** Checks a body against its schema; the first problems, with where they are. */
function parse<T>(schema: z.ZodType<T>, data: unknown): T {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	const issues = result.error.issues
		.slice(0, 5)
		.map((i) => `${formatPath(i.path) || 'body'}: ${i.message}`);
	throw new ClassError(422, `The request is not valid: ${issues.join('; ')}`);
}

/**
 * A session's credential as a cookie: sent only to this session's API (its path), never to
 * another site (SameSite=Strict), unreadable by scripts (HttpOnly), Secure over HTTPS, kept
 * until the session would expire.
 */
function cookie(ctx: Ctx, code: string, name: string, value: string, days: number): string {
	const secure = ctx.url.protocol === 'https:' ? '; Secure' : '';
	return `${name}=${value}; Path=/api/class/${code}; Max-Age=${days * 86_400}; HttpOnly; SameSite=Strict${secure}`;
}

function bearerOf(request: Request): string | undefined {
	return request.headers.get('authorization')?.match(/^Bearer ([\w-]{1,200})$/)?.[1];
}

function parseCookies(header: string | null): Map<string, string> {
	const out = new Map<string, string>();
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
	}
	return out;
}

export type { Limit };
