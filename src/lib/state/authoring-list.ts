import { foldEntries } from '../core/author/entries';
import { draftOf, type Texts } from '../core/author/draft';
import type { Op } from '../core/oplog/op';
import { forgetLog, openStore } from './db';
import { EDIT_PREFIX } from './authoring.svelte';
import { loadOpChecks } from './oplog.svelte';

/** A debate being written in this browser, as the library lists it. */
export interface DraftEntry {
	key: string;
	id: string;
	title: Texts;
	language: string;
	claims: number;
	/** When it last changed (milliseconds since 1970). */
	changedAt: number;
}

/** The debates being written in this browser, most recently changed first. */
export async function listDrafts(): Promise<DraftEntry[]> {
	const db = await openStore();
	const records = await db.getAll(
		'ops',
		IDBKeyRange.bound([EDIT_PREFIX, ''], [`${EDIT_PREFIX}\uffff`, ''])
	);
	const byLog = new Map<string, unknown[]>();
	for (const r of records) byLog.set(r.debateId, [...(byLog.get(r.debateId) ?? []), r.op]);
	const { readOps } = await loadOpChecks();
	const out: DraftEntry[] = [];
	for (const [log, raw] of byLog) {
		const ops: Op[] = readOps(raw).ops;
		const draft = draftOf(foldEntries(ops).entries);
		if (!draft.head) continue;
		out.push({
			key: log.slice(EDIT_PREFIX.length),
			id: draft.head.id,
			title: draft.head.title,
			language: draft.head.language,
			claims: draft.claims.length,
			changedAt: Math.max(0, ...ops.map((o) => o.at))
		});
	}
	return out.sort((a, b) => b.changedAt - a.changedAt);
}

/** Deletes a debate being written from this browser, with every change made to it. */
export function deleteDraft(key: string): Promise<void> {
	return forgetLog(EDIT_PREFIX + key);
}
