import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src/lib/core/class/session-info';
import { openStore, sessionLogId } from '../../../src/lib/state/db';
import { recallSession, rememberSession } from '../../../src/lib/state/session-cache';
import { fixtureGraph } from '../graphs';

const DAY = 24 * 3600 * 1000;
const info = (code: string, expiresAt = new Date(Date.now() + 30 * DAY)): SessionInfo => ({
	code,
	settings: { moderation: 'open', names: 'shown' },
	locked: false,
	expiresAt: expiresAt.toISOString(),
	role: 'student',
	you: { id: 'participant-0001', name: 'Mei' },
	debate: fixtureGraph('valid').debate
});

describe('the class sessions this browser keeps, to open without the server', () => {
	it('gives back what the server last said of a session, and nothing for another code', async () => {
		const kept = info('ABC234');
		await rememberSession(kept);
		expect(await recallSession('ABC234')).toEqual(kept);
		expect(await recallSession('XYZ789')).toBeUndefined();
	});

	it('forgets a session past its retention date, with its log', async () => {
		const code = 'DEF345';
		await rememberSession(info(code, new Date(Date.now() + DAY)));
		const db = await openStore();
		await db.put('ops', { debateId: sessionLogId(code), id: 'op-00000001', op: {} });
		expect(await recallSession(code, Date.now() + 2 * DAY)).toBeUndefined();
		expect(await db.get('sessions', code)).toBeUndefined();
		expect(await db.getAll('ops')).toEqual([]);
	});

	it('reads nothing from a record that storage altered, rather than open it', async () => {
		const db = await openStore();
		await db.put('sessions', {
			code: 'GHJ456',
			info: { ...info('GHJ456'), role: 'admin' },
			savedAt: 1
		});
		expect(await recallSession('GHJ456')).toBeUndefined();
		await db.put('sessions', { code: 'KMN567', info: info('ABC234'), savedAt: 1 });
		expect(await recallSession('KMN567')).toBeUndefined();
	});
});
