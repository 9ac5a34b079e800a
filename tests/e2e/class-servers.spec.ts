import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect, test } from '@playwright/test';
import { closePeople, join, live, object, person, rowsWith, startClass } from './class';

/**
 * Class sessions across server processes, each started here on a loopback port of its own from
 * the built app (`npm start`'s script): a server restarted in the middle of a lesson, two
 * instances sharing one PostgreSQL database, and a database that stops answering while the
 * server runs.
 */

test.afterEach(closePeople);
test.describe.configure({ timeout: 180_000 });

const BASE_PORT = Number(process.env.E2E_PORT ?? 4327) + 40;

/** Runs `npm start`'s server on `port` and waits until it answers; returns how to stop it. */
async function serve(port: number, env: Record<string, string>) {
	const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: 'ignore'
	});
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${url}/join`)).ok) break;
		} catch {
			// Not listening yet.
		}
		if (i > 300 || child.exitCode !== null) throw new Error(`the server on ${port} did not start`);
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

/**
 * A loopback relay to PostgreSQL that the test cuts and restores: while cut, every connection
 * through it is dropped, so the app server runs with its database unreachable.
 */
async function relay(target: URL) {
	let up = true;
	const sockets = new Set<Socket>();
	const server = createServer((client) => {
		if (!up) return void client.destroy();
		const upstream = connect(Number(target.port || 5432), target.hostname);
		const close = () => {
			for (const s of [client, upstream]) {
				s.destroy();
				sockets.delete(s);
			}
		};
		for (const s of [client, upstream]) {
			sockets.add(s);
			s.on('error', close).on('close', close);
		}
		client.pipe(upstream).pipe(client);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = new URL(target);
	url.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
	const cut = () => {
		up = false;
		for (const s of sockets) s.destroy();
	};
	return {
		url: url.href,
		cut,
		restore: () => void (up = true),
		close: () => {
			cut();
			return new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

const NEEDS_POSTGRES =
	'needs a PostgreSQL server (DATABASE_URL); `bash scripts/with-postgres.sh npx playwright test` gives one, as CI does';

test('a server restarted in the middle of a lesson loses no change: what waited is sent when it is back', async ({
	browser
}) => {
	const data = mkdtempSync(joinPath(tmpdir(), 'counterpoint-restart-'));
	// The embedded database unless the run has a PostgreSQL server (CI): either must survive.
	const env = { COUNTERPOINT_DATA: data };
	let server = await serve(BASE_PORT, env);
	try {
		const { teacher, code } = await startClass(browser, { origin: server.url });
		const ana = await person(browser);
		await join(ana, 'Ana', undefined, `${server.url}/join?code=${code}`);
		await object(ana, 'Posted before the restart.');
		await expect(rowsWith(teacher, 'Posted before the restart.')).toHaveCount(1);

		await server.stop();
		await object(ana, 'Written while the server restarts.');
		await expect(ana.getByTestId('class-waiting')).toHaveText('1 waiting to be sent');
		server = await serve(BASE_PORT, env);
		// Sent when the server is back, and every screen has both, once.
		await expect(ana.getByTestId('class-waiting')).toHaveCount(0, { timeout: 60_000 });
		await expect(rowsWith(teacher, 'Written while the server restarts.')).toHaveCount(1, {
			timeout: 30_000
		});
		await teacher.reload();
		await live(teacher);
		for (const text of ['Posted before the restart.', 'Written while the server restarts.'])
			await expect(rowsWith(teacher, text)).toHaveCount(1);
	} finally {
		await server.stop();
		rmSync(data, { recursive: true, force: true });
	}
});

test('two server instances on one PostgreSQL: a student on one sees what is posted on the other', async ({
	browser
}) => {
	test.skip(!process.env.DATABASE_URL, NEEDS_POSTGRES);
	const a = await serve(BASE_PORT + 1, {});
	const b = await serve(BASE_PORT + 2, {});
	try {
		const { teacher, code } = await startClass(browser, { origin: a.url });
		const ana = await person(browser);
		await join(ana, 'Ana', undefined, `${b.url}/join?code=${code}`);
		const ben = await person(browser);
		await join(ben, 'Ben', undefined, `${a.url}/join?code=${code}`);
		await object(ana, 'Posted on the second instance.');
		await expect(rowsWith(teacher, 'Posted on the second instance.')).toHaveCount(1);
		await expect(rowsWith(ben, 'Posted on the second instance.')).toHaveCount(1);
		await object(ben, 'Posted on the first instance.');
		await expect(rowsWith(ana, 'Posted on the first instance.')).toHaveCount(1);
	} finally {
		await Promise.all([a.stop(), b.stop()]);
	}
});

test('the database unreachable mid-lesson: students are told, their work is kept through a reload, and sent once it is back', async ({
	browser
}) => {
	test.skip(!process.env.DATABASE_URL, NEEDS_POSTGRES);
	const db = await relay(new URL(process.env.DATABASE_URL!));
	const server = await serve(BASE_PORT + 3, { DATABASE_URL: db.url });
	try {
		const { teacher, code } = await startClass(browser, { origin: server.url });
		const ana = await person(browser);
		await join(ana, 'Ana', undefined, `${server.url}/join?code=${code}`);
		await object(ana, 'Posted before the database went away.');
		await expect(rowsWith(teacher, 'Posted before the database went away.')).toHaveCount(1);

		db.cut();
		const text = 'Written while the database is unreachable.';
		await object(ana, text);
		await expect(ana.getByTestId('class-waiting')).toHaveText('1 waiting to be sent');
		const status = ana.getByTestId('class-status').getByRole('status');
		await expect(status).toHaveAttribute('data-connection', 'offline');
		await expect(status).toContainText('Your changes wait in this browser');
		// A reload while the server cannot read its database opens the map from what this
		// browser kept: both posts, the unsent one still waiting.
		await ana.reload();
		await expect(rowsWith(ana, text)).toHaveCount(1);
		await expect(rowsWith(ana, 'Posted before the database went away.')).toHaveCount(1);
		await expect(ana.getByTestId('class-waiting')).toHaveText('1 waiting to be sent');
		await expect(rowsWith(teacher, text)).toHaveCount(0);

		db.restore();
		await expect(ana.getByTestId('class-waiting')).toHaveCount(0, { timeout: 60_000 });
		await expect(rowsWith(teacher, text)).toHaveCount(1, { timeout: 30_000 });
		await expect(status).toHaveAttribute('data-connection', 'live', { timeout: 30_000 });
		// Once: a reload of the teacher's page shows it one time.
		await teacher.reload();
		await live(teacher);
		await expect(rowsWith(teacher, text)).toHaveCount(1);
	} finally {
		await server.stop();
		await db.close();
	}
});
