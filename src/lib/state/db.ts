import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FormatId } from '../core/formats';
import type { Debate } from '../core/schema';

/**
 * Counterpoint's storage in this browser (IndexedDB): imported debates, each debate's classroom
 * additions, and anything that could not be read, kept aside rather than deleted.
 */

export interface ImportedRecord {
	id: string;
	debate: Debate;
	importedAt: string;
	format: FormatId;
	fileName: string;
}

/** A debate's additions as stored; `items` is checked on every read (it may be old or edited). */
export interface ContributionRecord {
	debateId: string;
	items: unknown;
	savedAt: number;
}

/** A student's stance poll on one debate; `poll` is checked on every read. */
export interface PollRecord {
	debateId: string;
	poll: unknown;
	savedAt: number;
}

export interface QuarantineRecord {
	key: string;
	store: string;
	reason: string;
	keptAt: string;
	value: unknown;
}

interface Schema extends DBSchema {
	debates: { key: string; value: ImportedRecord };
	contributions: { key: string; value: ContributionRecord };
	quarantine: { key: string; value: QuarantineRecord };
	polls: { key: string; value: PollRecord };
}

export type CounterpointDB = IDBPDatabase<Schema>;

let db: Promise<CounterpointDB> | undefined;

export function openStore(): Promise<CounterpointDB> {
	db ??= openDB<Schema>('counterpoint', 3, {
		upgrade(database, oldVersion) {
			if (oldVersion < 1) database.createObjectStore('debates', { keyPath: 'id' });
			if (oldVersion < 2) {
				database.createObjectStore('contributions', { keyPath: 'debateId' });
				database.createObjectStore('quarantine', { keyPath: 'key' });
			}
			if (oldVersion < 3) database.createObjectStore('polls', { keyPath: 'debateId' });
		},
		blocking() {
			// A newer version of the app opened the database in another tab: let it upgrade.
			void db?.then((d) => d.close());
			db = undefined;
		}
	});
	return db;
}
