import type { FormatId } from '../core/formats';
import type { Diagnostic } from '../core/load/diagnostic';
import { validateDebateData, type LoadResult } from '../core/load';
import { summarise, type DebateSummary } from '../core/model';
import type { Debate } from '../core/schema';
import { openStore } from './db';

export type { ImportedRecord } from './db';

/**
 * Debates a reader imported, kept in this browser (IndexedDB) beside the shipped ones. What is
 * stored was validated on import and is validated again when read: storage can be edited by
 * hand or left behind by an older version.
 */

export interface ImportedEntry {
	id: string;
	summary: DebateSummary;
	importedAt: string;
	format: FormatId;
	fileName: string;
}

const open = openStore;

export async function listImported(): Promise<ImportedEntry[]> {
	const all = await (await open()).getAll('debates');
	const out: ImportedEntry[] = [];
	for (const r of all) {
		const checked = validateDebateData(r.debate, { file: r.fileName });
		if (!checked.ok) continue;
		out.push({ ...r, summary: summarise(checked.value) });
	}
	return out.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/**
 * Stores an imported debate under an id no shipped or stored debate has (`x`, else `x-2`, …)
 * and returns that id.
 */
export async function saveImported(
	debate: Debate,
	meta: { format: FormatId; fileName: string },
	shippedIds: readonly string[]
): Promise<string> {
	const store = await open();
	const taken = new Set([...shippedIds, ...(await store.getAllKeys('debates'))]);
	let id = debate.id;
	for (let n = 2; taken.has(id); n++) id = `${debate.id}-${n}`;
	// A plain copy: IndexedDB clones data, and Svelte state proxies cannot be cloned.
	const plain = JSON.parse(JSON.stringify({ ...debate, id })) as Debate;
	await store.put('debates', {
		id,
		debate: plain,
		importedAt: new Date().toISOString(),
		...meta
	});
	return id;
}

export async function loadImported(id: string): Promise<LoadResult<Debate> | undefined> {
	const record = await (await open()).get('debates', id);
	if (!record) return undefined;
	return validateDebateData(record.debate, { file: record.fileName });
}

export async function deleteImported(id: string): Promise<void> {
	await (await open()).delete('debates', id);
}

/** What became of an import: located errors, or the id it was stored under and what it holds. */
export type ImportOutcome =
	| { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] }
	| {
			ok: true;
			warnings: Diagnostic[];
			format: FormatId;
			id: string;
			title: Debate['title'];
			language: string;
			claims: number;
	  };

/**
 * Reads and validates an import in any format and stores it: everything the import panel needs
 * done, in one call that can run in a worker (off-thread.ts), so the page stays responsive while
 * a big file is read. Fails (throws) only when storage does.
 */
export async function importAndSave(
	text: string,
	options: { file: string; format?: FormatId },
	shippedIds: readonly string[]
): Promise<ImportOutcome> {
	const { importDebate } = await import('../core/formats');
	const result = await importDebate(text, options);
	if (!result.ok) return { ok: false, errors: result.errors, warnings: result.warnings };
	const format = result.format ?? 'yaml';
	const id = await saveImported(result.value, { format, fileName: options.file }, shippedIds);
	return {
		ok: true,
		warnings: result.warnings,
		format,
		id,
		title: result.value.title,
		language: result.value.language,
		claims: result.value.claims.length
	};
}
