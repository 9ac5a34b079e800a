import type { SessionInfo } from '../core/class/session-info';
import { forgetSession, openStore } from './db';

/**
 * The class sessions this browser opened, as the server last described them: a session's map
 * opens again from here when the server cannot be reached (the school's network, the server or
 * its database down), or no longer has the session (ended, or deleted while this browser was
 * away). Kept until the server's retention period ends, then forgotten with the session's log.
 */

/** Keeps what the server said of a session, replacing what was kept before. */
export async function rememberSession(info: SessionInfo): Promise<void> {
	try {
		const db = await openStore();
		await db.put('sessions', { code: info.code, info, savedAt: Date.now() });
	} catch {
		// Without storage the session opens only while the server answers, as before.
	}
}

/**
 * What this browser kept of session `code`, checked again (storage is not trusted); undefined if
 * nothing usable is kept. A session past its retention date is forgotten here, log and all.
 */
export async function recallSession(
	code: string,
	now = Date.now()
): Promise<SessionInfo | undefined> {
	try {
		const db = await openStore();
		const record = await db.get('sessions', code);
		if (!record) return undefined;
		const { SessionInfo } = await import('../core/class/session-info');
		const read = SessionInfo.safeParse(record.info);
		if (!read.success || read.data.code !== code) return undefined;
		if (Date.parse(read.data.expiresAt) <= now) {
			await forgetSession(code);
			return undefined;
		}
		return read.data;
	} catch {
		return undefined;
	}
}
