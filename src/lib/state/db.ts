import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FormatId } from '../core/formats';
import type { Debate } from '../core/schema';

/**
 * Counterpoint's storage in this browser (IndexedDB): imported debates, each debate's log of
 * classroom changes (additions, stances), and anything that could not be read, kept aside rather
 * than deleted.
 */

export interface ImportedRecord {
	id: string;
	debate: Debate;
	importedAt: string;
	format: FormatId;
	fileName: string;
}

/**
 * A debate's additions as version 3 stored them (one list); read once, turned into operations
 * and removed.
 */
export interface ContributionRecord {
	debateId: string;
	items: unknown;
	savedAt: number;
}

/** A student's stance poll as version 3 stored it; turned into operations like the additions. */
export interface PollRecord {
	debateId: string;
	poll: unknown;
	savedAt: number;
}

/** One operation of a debate's log (`src/lib/core/oplog`); `op` is checked on every read. */
export interface OpRecord {
	debateId: string;
	id: string;
	op: unknown;
}

/**
 * Where one operation stands with a class session's server: acknowledged (`acked`, the event id
 * the server gave it), received from the server's stream (`seq`), or refused (why); a teacher's moderation, which
 * is not an operation of the log, is kept here whole. An operation
 * of this student with no record here is still to be sent.
 */
export interface SyncRecord {
	logId: string;
	opId: string;
	acked?: number;
	seq?: number;
	refused?: string;
	/** Who the server says made it (a participant id, or `teacher`). */
	by?: string;
	/** Their display name, when the teacher's page was told it. */
	name?: string;
	/** A teacher's moderation (approve, hide, lock…), kept with its place in the stream. */
	mod?: unknown;
}

/**
 * A class session this browser opened, as the server described it then (`SessionInfo`: the
 * debate, the settings, who this person is): it opens the session's map again when the server
 * cannot be reached, or no longer has the session. Checked again when read.
 */
export interface SessionRecord {
	code: string;
	info: unknown;
	/** When the server last described it (ms). */
	savedAt: number;
}

export interface QuarantineRecord {
	key: string;
	store: string;
	reason: string;
	keptAt: string;
	value: unknown;
	/** The debate it belongs to (records kept by earlier versions say it in `key`). */
	debateId?: string;
	/** The reader has seen the message about it (it stays kept aside). */
	seen?: boolean;
}

interface Schema extends DBSchema {
	debates: { key: string; value: ImportedRecord };
	contributions: { key: string; value: ContributionRecord };
	quarantine: { key: string; value: QuarantineRecord };
	polls: { key: string; value: PollRecord };
	ops: { key: [string, string]; value: OpRecord };
	sync: { key: [string, string]; value: SyncRecord };
	sessions: { key: string; value: SessionRecord };
}

export type CounterpointDB = IDBPDatabase<Schema>;

/**
 * The database's version: 4 added the operation log (and where it stands with a server), 5 the
 * class sessions this browser opened.
 */
export const DB_VERSION = 5;

let db: Promise<CounterpointDB> | undefined;

export function openStore(): Promise<CounterpointDB> {
	db ??= openDB<Schema>('counterpoint', DB_VERSION, {
		upgrade(database, oldVersion) {
			if (oldVersion < 1) database.createObjectStore('debates', { keyPath: 'id' });
			if (oldVersion < 2) {
				database.createObjectStore('contributions', { keyPath: 'debateId' });
				database.createObjectStore('quarantine', { keyPath: 'key' });
			}
			if (oldVersion < 3) database.createObjectStore('polls', { keyPath: 'debateId' });
			// Version 4: each change is a record of its own (the operation log).
			if (oldVersion < 4) {
				database.createObjectStore('ops', { keyPath: ['debateId', 'id'] });
				database.createObjectStore('sync', { keyPath: ['logId', 'opId'] });
			}
			if (oldVersion < 5) database.createObjectStore('sessions', { keyPath: 'code' });
		},
		blocking() {
			// A newer version of the app opened the database in another tab: let it upgrade.
			void db?.then((d) => d.close());
			db = undefined;
		}
	});
	return db;
}

/** The log of class session `code` (its operations and where they stand with the server). */
export const sessionLogId = (code: string) => `class:${code}`;

/** Deletes one log's operations and where they stood with a server (a draft deleted). */
export async function forgetLog(logId: string): Promise<void> {
	await forget(logId);
}

/**
 * Deletes everything this browser kept of class session `code`: its log, where each operation
 * stood with the server, and what the server said of it (the teacher deleted the session, or it
 * is over: its students' words go from this browser too). One transaction: all of it or none.
 */
export async function forgetSession(code: string): Promise<void> {
	await forget(sessionLogId(code), code);
}

async function forget(logId: string, session?: string): Promise<void> {
	const db = await openStore();
	const range = IDBKeyRange.bound([logId, ''], [logId, '\uffff']);
	const tx = db.transaction(['ops', 'sync', 'sessions'], 'readwrite');
	await Promise.all([
		tx.objectStore('ops').delete(range),
		tx.objectStore('sync').delete(range),
		...(session === undefined ? [] : [tx.objectStore('sessions').delete(session)])
	]);
	await tx.done;
}
