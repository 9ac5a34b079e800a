import type { Op } from '../core/oplog/op';
import type { QuarantineRecord } from './db';

/**
 * The write-ahead journal of a debate's operations, in `localStorage`: written synchronously
 * when a change is made, so it outlives a reload or a closed tab that comes before IndexedDB
 * commits (which takes a few hundred milliseconds on a busy machine). One key per action
 * (`counterpoint:pending:<debate>:<group>`), written in one call, so an action is journalled
 * whole or not at all, and no two tabs ever write the same key.
 */
export interface Journal {
	/** Journals one action's operations; false when `localStorage` refused. */
	write(group: string, ops: Op[]): boolean;
	/** What earlier pages left: operations to write, keys to remove once written, and any junk. */
	read(
		check: (raw: unknown[]) => { ops: Op[]; unreadable: { index: number; problem: string }[] }
	): {
		ops: Op[];
		keys: string[];
		unreadable: QuarantineRecord[];
	};
	keysOf(ops: Op[]): string[];
	remove(keys: string[]): void;
}

export function journal(debateId: string): Journal {
	const prefix = `counterpoint:pending:${debateId}:`;
	const storage = (): Storage | undefined => {
		try {
			return localStorage;
		} catch {
			return undefined;
		}
	};
	return {
		write(group, ops) {
			try {
				storage()?.setItem(prefix + group, JSON.stringify(ops));
				return storage() !== undefined;
			} catch {
				return false;
			}
		},
		read(check) {
			const s = storage();
			const out = { ops: [] as Op[], keys: [] as string[], unreadable: [] as QuarantineRecord[] };
			if (!s) return out;
			const keptAt = new Date().toISOString();
			for (let i = 0; i < s.length; i++) {
				const key = s.key(i);
				if (!key?.startsWith(prefix)) continue;
				out.keys.push(key);
				const raw = s.getItem(key) ?? '';
				let list: unknown;
				try {
					list = JSON.parse(raw);
				} catch {
					list = undefined;
				}
				const items = Array.isArray(list) ? list : [raw];
				const { ops, unreadable } = check(items);
				out.ops.push(...ops);
				for (const bad of unreadable)
					out.unreadable.push({
						key: `journal:${debateId}:${keptAt}:${out.unreadable.length}`,
						store: 'journal',
						reason: `a change that could not be read (${bad.problem})`,
						keptAt,
						value: items[bad.index],
						debateId
					});
			}
			return out;
		},
		keysOf(ops) {
			return [...new Set(ops.map((o) => prefix + o.group))];
		},
		remove(keys) {
			try {
				for (const k of keys) storage()?.removeItem(k);
			} catch {
				// Left behind, a journal is written again on the next opening: harmless.
			}
		}
	};
}
