/**
 * `npm run bench:class [-- --json] [-- --sessions 5 --students 30 --seconds 20]`: class sessions
 * under load, over loopback. Simulated students (scripts/bench-class/clients.ts, in child
 * processes) join sessions of 30 by code, each holding one event stream and sending one action
 * every 6 s (a new addition, an edit, a vote or a poll answer); every stream is checked for each
 * event it should see, once and in order. Three configurations, one after the other:
 *
 * - baseline: a bare Node SSE broadcast server (bench-class/baseline-server.ts), the ceiling;
 * - the built server (`npm start`), 1 instance on the embedded PGlite in a fresh folder;
 * - 2 instances on one PostgreSQL server (students of a session spread over both, so deliveries
 *   cross instances): DATABASE_URL if set (a database of its own is made in it), else a
 *   throwaway server started by scripts/with-postgres.sh; skipped, with the reason, if there is
 *   no PostgreSQL on this machine.
 *
 * Per configuration: students connected, actions/s in, deliveries/s out, post → delivered
 * latency percentiles, CPU and memory of the server (and database) processes per connection,
 * lost / duplicated / out-of-order events, and deliveries/s as a share of the baseline's. A
 * table; with --json, one JSON object per line. Ports 4400–4419 on 127.0.0.1 (--port moves them).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Action, Done, Ready, Setup, Target } from './bench-class/clients';
import {
	cpuSeconds,
	machineCpuSeconds,
	openFilesLimit,
	postgresPids,
	rssKb,
	waitSeconds
} from './bench-class/procstat';
import { mergeSorted, percentile, sumReports } from './bench-class/tally';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = fileURLToPath(new URL('./bench-class/clients.ts', import.meta.url));
const BASELINE = fileURLToPath(new URL('./bench-class/baseline-server.ts', import.meta.url));

const { values: flags } = parseArgs({
	options: {
		json: { type: 'boolean', default: false },
		sessions: { type: 'string', default: '100' },
		students: { type: 'string', default: '30' },
		seconds: { type: 'string', default: '30' },
		interval: { type: 'string', default: '6' },
		warmup: { type: 'string' },
		drain: { type: 'string', default: '10' },
		clients: { type: 'string', default: '2' },
		only: { type: 'string', default: 'baseline,pglite,postgres' },
		mix: { type: 'string', default: 'new=0.6,edit=0.2,vote=0.1,poll=0.1' },
		port: { type: 'string', default: '4400' },
		/** A folder: the class servers write V8 CPU profiles there (open them in Chrome's DevTools). */
		profile: { type: 'string' }
	}
});

function number(name: keyof typeof flags, min: number): number {
	const v = Number(flags[name]);
	if (!Number.isFinite(v) || v < min) {
		console.error(`--${name} must be a number, at least ${min} (got "${flags[name]}").`);
		process.exit(2);
	}
	return v;
}
const sessions = number('sessions', 1);
const students = number('students', 1);
const seconds = number('seconds', 2);
const interval = number('interval', 0.05);
const drain = number('drain', 1);
const clientProcs = Math.min(number('clients', 1), sessions);
const portBase = number('port', 1024);
const warmup = flags.warmup === undefined ? Math.min(5, seconds / 4) : number('warmup', 0);
const only = new Set(flags.only!.split(','));
const mix = Object.fromEntries(
	flags.mix!.split(',').map((kv) => {
		const [k, v] = kv.split('=');
		if (!['new', 'edit', 'vote', 'poll'].includes(k!) || !(Number(v) >= 0)) {
			console.error(`--mix: "${kv}" is not action=share (actions: new, edit, vote, poll).`);
			process.exit(2);
		}
		return [k, Number(v)];
	})
) as Record<Action, number>;

const began = performance.now();
/** Progress, on stderr (not with --json), with the seconds since the run began. */
const log = (line: string) => {
	if (!flags.json)
		console.error(`[${Math.round((performance.now() - began) / 1000)} s] ${line.trim()}`);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One row of the report. */
interface Row {
	suite: 'class';
	config: string;
	instances: number;
	db: 'none' | 'pglite' | 'postgres';
	sessions: number;
	students: number;
	actions_per_s: number;
	target_actions_per_s: number;
	deliveries_per_s: number;
	p50_ms: number;
	p95_ms: number;
	p99_ms: number;
	max_ms: number;
	/** Made → acknowledged: the write path (outbox and request) without the fan-out. */
	ack_p50_ms: number;
	ack_p99_ms: number;
	/**
	 * Acknowledged events a stream should have had and did not, when the wait after the last
	 * action ended: lost if it ended because nothing more came (`drained` "stalled"), late if
	 * the 60 s wait ran out while events were still arriving ("still arriving").
	 */
	lost: number;
	drained: Done['drained'];
	duplicated: number;
	out_of_order: number;
	unexpected: number;
	incomplete_streams: number;
	/** Actions never acknowledged by the end of the drain (still in their outboxes). */
	unacknowledged: number;
	failed_requests: Record<string, number>;
	reconnects: number;
	server_cpu_pct: number;
	db_cpu_pct: number | null;
	client_cpu_pct: number;
	/**
	 * How long the servers' main threads were ready to run but waited for a core, % of the window
	 * (summed over instances): high when the machine, not the server, is the limit.
	 */
	server_wait_pct: number;
	/** CPU used by other programs on the machine during the window (% of one core; 200: both). */
	others_cpu_pct: number;
	/** Server (and database) CPU per acknowledged action: its cost, whatever else runs. */
	server_cpu_ms_per_action: number;
	server_cpu_ms_per_conn_s: number;
	/** Null below 300 connections: the server's own memory swings more than they take. */
	server_kb_per_conn: number | null;
	server_rss_mb: number;
	/** The machine's 1-minute load average when the measured window began (2 cores here). */
	load_avg: number;
	baseline_ratio: number | null;
}

/** A child process's line on stdout or stderr that says it is ready. */
function waitFor(child: ChildProcess, pattern: RegExp, what: string, ms = 180_000) {
	return new Promise<string>((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(
			() => reject(new Error(`${what}: not ready after ${ms / 1000} s`)),
			ms
		);
		const look = (chunk: Buffer) => {
			seen = (seen + chunk.toString()).slice(-4000);
			const m = seen.match(pattern);
			if (m) {
				clearTimeout(timer);
				resolve(m[1] ?? m[0]);
			}
		};
		child.stdout?.on('data', look);
		child.stderr?.on('data', look);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`${what} exited (${code}) before it was ready:\n${seen.trim()}`));
		});
	});
}

/** Children to stop however the run ends. */
const children = new Set<ChildProcess>();
function track<T extends ChildProcess>(c: T): T {
	children.add(c);
	c.once('exit', () => children.delete(c));
	return c;
}
async function stop(c: ChildProcess) {
	if (c.exitCode !== null || c.signalCode !== null) return;
	const gone = new Promise((r) => c.once('exit', r));
	c.kill('SIGTERM');
	await Promise.race([gone, sleep(5000)]);
	if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}
process.once('exit', () => {
	for (const c of children) c.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM'] as const)
	process.once(sig, () => {
		for (const c of children) c.kill('SIGTERM');
		process.exit(130);
	});

const profiling = flags.profile ? ['--cpu-prof', `--cpu-prof-dir=${flags.profile}`] : [];

/** Starts one class-server instance (`npm start`: builds first if the build is stale). */
async function startInstance(port: number, env: Record<string, string>): Promise<ChildProcess> {
	const base = { ...process.env };
	delete base.DATABASE_URL;
	delete base.ORIGIN;
	const child = track(
		spawn(process.execPath, [...profiling, 'scripts/start.mjs'], {
			cwd: ROOT,
			env: {
				...base,
				...env,
				PORT: String(port),
				HOST: '127.0.0.1',
				// The limits protect a school from one address; here every student is on 127.0.0.1.
				COUNTERPOINT_RATE_LIMIT_FACTOR: '1000'
			},
			stdio: ['ignore', 'pipe', 'pipe']
		})
	);
	await waitFor(child, /Counterpoint is running at/, `server on port ${port}`);
	return child;
}

async function json(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { origin: new URL(url).origin, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	return { status: res.status, body: await res.json().catch(() => null) };
}

/** Starts `sessions` class sessions on the shipped debate; their codes. */
async function createSessions(base: string): Promise<string[]> {
	const codes: string[] = [];
	for (let i = 0; i < sessions; i++) {
		const r = await json(`${base}/api/class`, { debate: 'llama-open-weights' });
		if (r.status !== 201)
			throw new Error(`starting a session: ${r.status} ${JSON.stringify(r.body)}`);
		codes.push((r.body as { code: string }).code);
	}
	return codes;
}

interface Running {
	config: string;
	target: Target;
	instances: number;
	db: Row['db'];
	bases: string[];
	codes: string[];
	serverPids: number[];
	dbPids: () => number[];
}

/** Asks a load generator and waits for its answer. */
function ask<T>(child: ChildProcess, message: unknown): Promise<T> {
	return new Promise((resolve, reject) => {
		const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
		child.once('message', (m) => {
			child.off('exit', onExit);
			resolve(m as T);
		});
		child.once('exit', onExit);
		child.send(message as never);
	});
}

let baselineDeliveries: number | null = null;

/** Drives one configuration's servers with the students; its row. */
async function measure(r: Running): Promise<Row> {
	await sleep(2000);
	const idleRss = rssKb(r.serverPids);
	const gens = Array.from({ length: clientProcs }, () =>
		track(
			fork(CLIENTS, [], {
				execArgv: ['--import', 'tsx'],
				serialization: 'advanced',
				stdio: ['ignore', 'inherit', 'inherit', 'ipc']
			})
		)
	);
	try {
		log(`  ${r.config}: ${sessions * students} students joining…`);
		const readies = await Promise.all(
			gens.map((g, i) =>
				ask<Ready>(g, {
					type: 'setup',
					target: r.target,
					bases: r.bases,
					sessions: r.codes.filter((_, j) => j % clientProcs === i),
					students,
					interval,
					seconds,
					warmup,
					drain,
					mix
				} satisfies Setup)
			)
		);
		const connected = readies.reduce((n, x) => n + x.connected, 0);
		const failures = readies.flatMap((x) => x.failures);
		if (failures.length)
			log(`  ${r.config}: some students could not connect: ${failures.join('; ')}`);
		await sleep(2000);
		const connRss = rssKb(r.serverPids);
		log(`  ${r.config}: ${connected} connected; ${seconds} s of actions…`);
		const at = Date.now() + 500;
		const results = Promise.all(gens.map((g) => ask<Done>(g, { type: 'go', at })));
		// CPU over the measured window: from the end of the warm-up to the last action.
		await sleep(at - Date.now() + warmup * 1000);
		const clientPids = gens.map((g) => g.pid!);
		const dbAtStart = r.dbPids();
		const cpu0 = {
			server: cpuSeconds(r.serverPids),
			db: cpuSeconds(dbAtStart),
			client: cpuSeconds(clientPids),
			machine: machineCpuSeconds(),
			me: cpuSeconds([process.pid]),
			wait: waitSeconds(r.serverPids)
		};
		const t0 = performance.now();
		const load = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
		await sleep(at - Date.now() + seconds * 1000);
		const dt = (performance.now() - t0) / 1000;
		const dbPids = [...new Set([...dbAtStart, ...r.dbPids()])];
		const pct = (now: number, before: number) => Math.round(((now - before) / dt) * 1000) / 10;
		const cpu = {
			server: pct(cpuSeconds(r.serverPids), cpu0.server),
			db: dbPids.length ? pct(cpuSeconds(dbPids), cpu0.db) : null,
			client: pct(cpuSeconds(clientPids), cpu0.client),
			machine: pct(machineCpuSeconds(), cpu0.machine),
			me: pct(cpuSeconds([process.pid]), cpu0.me),
			wait: pct(waitSeconds(r.serverPids), cpu0.wait)
		};
		const endRss = rssKb(r.serverPids);
		const done = await results;
		const lat = mergeSorted(done.map((d) => d.latencies));
		const streams = sumReports(done.map((d) => d.streams));
		const window = done[0]!.window;
		const failed: Record<string, number> = {};
		for (const d of done)
			for (const [k, v] of Object.entries(d.failed)) failed[k] = (failed[k] ?? 0) + v;
		const acks = mergeSorted(done.map((d) => d.acks));
		const ms = (p: number, of = lat) => Math.round(percentile(of, p) * 10) / 10;
		const deliveries = done.reduce((n, d) => n + d.delivered, 0) / window;
		const actionsPerS = done.reduce((n, d) => n + d.ackedInWindow, 0) / window;
		if (r.target === 'baseline') baselineDeliveries = deliveries;
		const round = (x: number, places = 1) => Math.round(x * 10 ** places) / 10 ** places;
		return {
			suite: 'class',
			config: r.config,
			instances: r.instances,
			db: r.db,
			sessions,
			students: connected,
			actions_per_s: round(actionsPerS),
			target_actions_per_s: round((sessions * students) / interval),
			deliveries_per_s: round(deliveries),
			p50_ms: ms(50),
			p95_ms: ms(95),
			p99_ms: ms(99),
			max_ms: round(lat[lat.length - 1] ?? NaN),
			ack_p50_ms: ms(50, acks),
			ack_p99_ms: ms(99, acks),
			lost: streams.lost,
			// The worst of the load generators' endings.
			drained:
				(['still arriving', 'stalled', 'complete'] as const).find((d) =>
					done.some((x) => x.drained === d)
				) ?? 'complete',
			duplicated: streams.duplicated,
			out_of_order: streams.outOfOrder,
			unexpected: streams.unexpected,
			incomplete_streams: done.reduce((n, d) => n + d.incomplete, 0),
			unacknowledged: done.reduce((n, d) => n + d.unacknowledged, 0),
			failed_requests: failed,
			reconnects: done.reduce((n, d) => n + d.reconnects, 0),
			server_cpu_pct: cpu.server,
			db_cpu_pct: cpu.db,
			client_cpu_pct: cpu.client,
			server_wait_pct: cpu.wait,
			others_cpu_pct: round(
				Math.max(0, cpu.machine - cpu.server - (cpu.db ?? 0) - cpu.client - cpu.me)
			),
			server_cpu_ms_per_action: round(
				((cpu.server + (cpu.db ?? 0)) * 10) / Math.max(1e-9, actionsPerS),
				2
			),
			server_cpu_ms_per_conn_s: round(
				((cpu.server + (cpu.db ?? 0)) * 10) / Math.max(1, connected),
				3
			),
			server_kb_per_conn: connected >= 300 ? round((connRss - idleRss) / connected) : null,
			server_rss_mb: round(endRss / 1024),
			load_avg: load,
			baseline_ratio: baselineDeliveries === null ? null : round(deliveries / baselineDeliveries, 2)
		};
	} finally {
		await Promise.all(
			gens.map(async (g) => {
				if (g.connected) g.send({ type: 'close' });
				await Promise.race([new Promise((res) => g.once('exit', res)), sleep(3000)]);
				await stop(g);
			})
		);
	}
}

async function runBaseline(): Promise<Row> {
	const port = portBase;
	const server = track(
		spawn(process.execPath, ['--import', 'tsx', BASELINE], {
			cwd: ROOT,
			env: { ...process.env, PORT: String(port) },
			stdio: ['ignore', 'pipe', 'pipe']
		})
	);
	try {
		await waitFor(server, /listening/, 'baseline server');
		return await measure({
			config: 'baseline',
			target: 'baseline',
			instances: 1,
			db: 'none',
			bases: [`http://127.0.0.1:${port}`],
			codes: Array.from({ length: sessions }, (_, i) => `room${i}`),
			serverPids: [server.pid!],
			dbPids: () => []
		});
	} finally {
		await stop(server);
	}
}

async function runPglite(): Promise<Row> {
	const dir = mkdtempSync(join(tmpdir(), 'counterpoint-bench-'));
	const port = portBase + 1;
	let server: ChildProcess | undefined;
	try {
		server = await startInstance(port, { COUNTERPOINT_DATA: dir });
		const base = `http://127.0.0.1:${port}`;
		return await measure({
			config: '1 instance, PGlite',
			target: 'class',
			instances: 1,
			db: 'pglite',
			bases: [base],
			codes: await createSessions(base),
			serverPids: [server.pid!],
			dbPids: () => []
		});
	} finally {
		if (server) await stop(server);
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The newest Debian PostgreSQL's programs, if installed. */
function postgresInstalled(): boolean {
	try {
		return readdirSync('/usr/lib/postgresql').some((v) =>
			existsSync(`/usr/lib/postgresql/${v}/bin/postgres`)
		);
	} catch {
		return false;
	}
}

/** A PostgreSQL server for the run: DATABASE_URL's, or a throwaway one. Undefined: why not. */
async function postgresServer(): Promise<
	{ url: string; port: number; stop: () => Promise<void> } | string
> {
	if (process.env.DATABASE_URL) {
		const url = process.env.DATABASE_URL;
		return { url, port: Number(new URL(url).port || 5432), stop: async () => {} };
	}
	if (!postgresInstalled())
		return 'PostgreSQL is not installed (apt-get install postgresql, or set DATABASE_URL)';
	const port = portBase + 10;
	// with-postgres.sh starts the server, runs the command, and deletes the server when it ends:
	// the command prints the address and waits for its input to close.
	const child = track(
		spawn(
			'bash',
			['scripts/with-postgres.sh', 'sh', '-c', 'echo "READY $DATABASE_URL"; exec cat'],
			{
				cwd: ROOT,
				env: { ...process.env, POSTGRES_PORT: String(port) },
				stdio: ['pipe', 'pipe', 'pipe']
			}
		)
	);
	try {
		const url = await waitFor(child, /READY (\S+)/, 'PostgreSQL', 60_000);
		return {
			url,
			port,
			stop: async () => {
				child.stdin!.end();
				await Promise.race([new Promise((r) => child.once('exit', r)), sleep(10_000)]);
			}
		};
	} catch (e) {
		child.stdin!.end();
		return `PostgreSQL did not start: ${(e as Error).message.split('\n')[0]}`;
	}
}

async function runPostgres(): Promise<Row | string> {
	const pg = await postgresServer();
	if (typeof pg === 'string') return pg;
	const { default: postgres } = await import('postgres');
	const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
	const name = `counterpoint_bench_${randomBytes(6).toString('hex')}`;
	const servers: ChildProcess[] = [];
	try {
		await admin.unsafe(`create database ${name}`);
		const url = new URL(pg.url);
		url.pathname = `/${name}`;
		const ports = [portBase + 2, portBase + 3];
		// One after the other: the first builds if the build is stale; both migrate (one waits).
		for (const port of ports)
			servers.push(await startInstance(port, { DATABASE_URL: url.toString() }));
		const bases = ports.map((p) => `http://127.0.0.1:${p}`);
		return await measure({
			config: '2 instances, PostgreSQL',
			target: 'class',
			instances: 2,
			db: 'postgres',
			bases,
			codes: await createSessions(bases[0]!),
			serverPids: servers.map((s) => s.pid!),
			dbPids: () => postgresPids(pg.port)
		});
	} finally {
		await Promise.all(servers.map(stop));
		await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
		await admin.end();
		await pg.stop();
	}
}

const COLUMNS: [string, (r: Row) => string][] = [
	['configuration', (r) => r.config],
	['students', (r) => r.students.toLocaleString('en-US')],
	['actions/s in', (r) => `${r.actions_per_s} / ${r.target_actions_per_s}`],
	['deliveries/s out', (r) => r.deliveries_per_s.toLocaleString('en-US')],
	['p50 / p95 / p99 ms', (r) => `${r.p50_ms} / ${r.p95_ms} / ${r.p99_ms}`],
	['ack p50 / p99 ms', (r) => `${r.ack_p50_ms} / ${r.ack_p99_ms}`],
	[
		'lost / dup / order',
		(r) =>
			`${r.lost}${r.lost && r.drained === 'still arriving' ? ' late' : ''} / ${r.duplicated} / ${r.out_of_order}`
	],
	[
		'CPU server (+db) / clients %',
		(r) =>
			`${r.server_cpu_pct}${r.db_cpu_pct === null ? '' : ` + ${r.db_cpu_pct}`} / ${r.client_cpu_pct}`
	],
	['server waited for CPU %', (r) => String(r.server_wait_pct)],
	['CPU ms/s per conn', (r) => String(r.server_cpu_ms_per_conn_s)],
	['CPU ms per action', (r) => String(r.server_cpu_ms_per_action)],
	['KB per conn', (r) => (r.server_kb_per_conn === null ? '–' : String(r.server_kb_per_conn))],
	["others' CPU % / load", (r) => `${r.others_cpu_pct} / ${r.load_avg}`],
	['× baseline', (r) => (r.baseline_ratio === null ? '–' : r.baseline_ratio.toFixed(2))]
];

function table(rows: Row[]): string {
	const cells = [COLUMNS.map(([h]) => h), ...rows.map((r) => COLUMNS.map(([, f]) => f(r)))];
	const widths = COLUMNS.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
	const line = (c: string[]) =>
		`| ${c.map((x, i) => (i === 0 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join(' | ')} |`;
	return [
		line(cells[0]!),
		`| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`,
		...cells.slice(1).map(line)
	].join('\n');
}

async function main() {
	const need = sessions * students + 100;
	const limit = openFilesLimit();
	if (limit < need) {
		console.error(
			`This run holds ${sessions * students} connections, and the limit on open files is ${limit}: raise it first (ulimit -n ${Math.max(need, 20000)}).`
		);
		process.exit(2);
	}
	log(
		`Class sessions under load: ${sessions} sessions × ${students} students, one action each every ${interval} s, ${seconds} s (the first ${warmup} s left out), ${clientProcs} load generator processes.`
	);
	const rows: Row[] = [];
	const notes: string[] = [];
	const emit = (row: Row) => {
		rows.push(row);
		if (flags.json) console.log(JSON.stringify(row));
	};
	if (only.has('baseline')) emit(await runBaseline());
	if (only.has('pglite')) emit(await runPglite());
	if (only.has('postgres')) {
		const row = await runPostgres();
		if (typeof row === 'string') notes.push(`2 instances, PostgreSQL: skipped: ${row}.`);
		else emit(row);
	}
	for (const n of notes) console.error(n);
	if (!flags.json) {
		console.log(table(rows));
		for (const r of rows) {
			const failed = Object.entries(r.failed_requests);
			if (failed.length || r.unexpected || r.incomplete_streams || r.reconnects || r.unacknowledged)
				console.log(
					`${r.config}: failed requests (sent again) ${JSON.stringify(r.failed_requests)}, actions never acknowledged ${r.unacknowledged}, events received that no acknowledgement announced ${r.unexpected}, streams incomplete ${r.incomplete_streams}, reconnections ${r.reconnects}`
				);
		}
	}
	log(`Done in ${Math.round((performance.now() - began) / 1000)} s.`);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
