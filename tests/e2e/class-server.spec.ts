import { expect, test } from '@playwright/test';
import { closePeople, person } from './class';

test.afterEach(closePeople);

/**
 * The class-session API through the real server (`npm start`) from a page of the app, as the
 * class pages will use it: same-origin fetches under the page's Content-Security-Policy
 * (`connect-src 'self'`), the student's HttpOnly cookie, one EventSource. Two people: separate
 * browser contexts.
 */
test('a teacher starts a session, a student joins, posts, and the teacher’s page receives it live', async ({
	browser
}) => {
	const teacher = await person(browser);
	const student = await person(browser);
	const refused: string[] = [];
	for (const page of [teacher, student]) {
		page.on(
			'console',
			(m) => m.text().includes('Content Security Policy') && refused.push(m.text())
		);
		await page.goto('/');
	}
	const started = (await teacher.evaluate(async () => {
		const res = await fetch('/api/class', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ debate: 'llama-open-weights', settings: { names: 'shown' } })
		});
		return { status: res.status, body: await res.json() };
	})) as { status: number; body: { code: string; joinUrl: string } };
	expect(started.status).toBe(201);
	const { code, joinUrl } = started.body;
	expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
	// The address students are given is this server's, over plain http on loopback.
	expect(joinUrl).toBe(new URL(`/join?code=${code}`, teacher.url()).href);

	// The teacher's page follows the session (its cookie was set when it started it).
	await teacher.evaluate((code) => {
		const w = window as unknown as { got: string[] };
		w.got = [];
		new EventSource(`/api/class/${code}/events`).onmessage = (e) => w.got.push(e.data);
	}, code);

	const sent = await student.evaluate(async (code) => {
		const json = { 'content-type': 'application/json' };
		const join = await fetch(`/api/class/${code}/join`, {
			method: 'POST',
			headers: json,
			body: JSON.stringify({ name: 'Ana' })
		});
		const at = new Date().toISOString();
		const op = {
			id: 'op-e2e-0001',
			actor: 'browser-e2e',
			tab: 'tab-e2e-01',
			at: Date.now(),
			group: 'grp-e2e-01',
			kind: 'put',
			base: null,
			value: {
				id: 'c-e2e',
				claim: {
					id: 'c-e2e',
					text: { en: 'Open weights let us check it.' },
					stance: 'pro',
					target: 'thesis',
					contributor: { at }
				},
				updatedAt: Date.now()
			}
		};
		const post = () =>
			fetch(`/api/class/${code}/ops`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ ops: [op] })
			}).then((r) => r.json());
		// Sent twice (an outbox retrying): one seq.
		return {
			joined: join.status,
			cookieVisible: document.cookie,
			first: await post(),
			again: await post()
		};
	}, code);
	expect(sent.joined).toBe(201);
	// HttpOnly: the page's scripts cannot read the token.
	expect(sent.cookieVisible).toBe('');
	expect(sent.first).toEqual({ results: [{ id: 'op-e2e-0001', seq: 1 }] });
	expect(sent.again).toEqual(sent.first);

	await expect
		.poll(async () =>
			(await teacher.evaluate(() => (window as unknown as { got: string[] }).got)).map(
				(d) => JSON.parse(d).by
			)
		)
		.toEqual(['Ana']);
	expect(refused).toEqual([]);
});
