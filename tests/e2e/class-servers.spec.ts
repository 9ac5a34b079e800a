import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { closePeople, person } from './class';
import { DEBATE_ID, debateFile } from './debate';

/**
 * Class sessions across server processes, each started here on a loopback port of its own from
 * the built app (`npm start`'s script): a server restarted in the middle of a lesson, and two
 * instances sharing one PostgreSQL database.
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

const page = person;

async function live(p: Page) {
	await expect(p.getByTestId('class-status').getByRole('status')).toHaveAttribute(
		'data-connection',
		'live'
	);
}

async function startOn(p: Page, url: string) {
	await p.goto(`${url}/debate/${DEBATE_ID}`);
	// The page runs (its buttons answer) once its map is drawn.
	await p.waitForFunction(
		() =>
			(
				window as unknown as { __counterpointMap?: { nodeIds(): string[] } }
			).__counterpointMap?.nodeIds().length
	);
	await p.getByTestId('export-menu').locator('summary').click();
	await p.getByTestId('start-class').click();
	await p.waitForURL(/\/class\?code=/);
	await live(p);
	return (await p.getByTestId('class-code').textContent())!.trim();
}

async function joinOn(p: Page, url: string, code: string, name: string) {
	await p.goto(`${url}/join?code=${code}`);
	await p.getByTestId('join-name').fill(name);
	await p.getByRole('button', { name: 'Join' }).click();
	await p.waitForURL(/\/class\?code=/);
	await live(p);
}

async function post(p: Page, text: string) {
	await p.locator(`[role="treeitem"][data-claim="${debateFile.thesis}"]`).click();
	await p.getByTestId('add-con').click();
	await p.getByTestId('contribution-text').fill(text);
	await p.getByRole('button', { name: 'Add to the map' }).click();
}

const rows = (p: Page, text: string) => p.locator('[role="treeitem"]', { hasText: text });

test('a server restarted in the middle of a lesson loses no change: what waited is sent when it is back', async ({
	browser
}) => {
	const data = mkdtempSync(joinPath(tmpdir(), 'counterpoint-restart-'));
	// The embedded database unless the run has a PostgreSQL server (CI): either must survive.
	const env = { COUNTERPOINT_DATA: data };
	let server = await serve(BASE_PORT, env);
	try {
		const teacher = await page(browser);
		const code = await startOn(teacher, server.url);
		const ana = await page(browser);
		await joinOn(ana, server.url, code, 'Ana');
		await post(ana, 'Posted before the restart.');
		await expect(rows(teacher, 'Posted before the restart.')).toHaveCount(1);

		await server.stop();
		await post(ana, 'Written while the server restarts.');
		await expect(ana.getByTestId('class-waiting')).toHaveText('1 waiting to be sent');
		server = await serve(BASE_PORT, env);
		// Sent when the server is back, and every screen has both, once.
		await expect(ana.getByTestId('class-waiting')).toHaveCount(0, { timeout: 60_000 });
		await expect(rows(teacher, 'Written while the server restarts.')).toHaveCount(1, {
			timeout: 30_000
		});
		await teacher.reload();
		await live(teacher);
		for (const text of ['Posted before the restart.', 'Written while the server restarts.'])
			await expect(rows(teacher, text)).toHaveCount(1);
	} finally {
		await server.stop();
		rmSync(data, { recursive: true, force: true });
	}
});

test('two server instances on one PostgreSQL: a student on one sees what is posted on the other', async ({
	browser
}) => {
	test.skip(
		!process.env.DATABASE_URL,
		'needs a PostgreSQL server (DATABASE_URL); `bash scripts/with-postgres.sh npx playwright test` gives one, as CI does'
	);
	const a = await serve(BASE_PORT + 1, {});
	const b = await serve(BASE_PORT + 2, {});
	try {
		const teacher = await page(browser);
		const code = await startOn(teacher, a.url);
		const ana = await page(browser);
		await joinOn(ana, b.url, code, 'Ana');
		const ben = await page(browser);
		await joinOn(ben, a.url, code, 'Ben');
		await post(ana, 'Posted on the second instance.');
		await expect(rows(teacher, 'Posted on the second instance.')).toHaveCount(1);
		await expect(rows(ben, 'Posted on the second instance.')).toHaveCount(1);
		await post(ben, 'Posted on the first instance.');
		await expect(rows(ana, 'Posted on the first instance.')).toHaveCount(1);
	} finally {
		await Promise.all([a.stop(), b.stop()]);
	}
});
