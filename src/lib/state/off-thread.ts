import type { FormatId } from '../core/formats/codec';
import type { LoadResult } from '../core/load/diagnostic';
import type { Debate } from '../core/schema';
import type { ImportedEntry, ImportOutcome } from './imported';

/**
 * Imported debates are read, validated and stored in a Web Worker: a 10,000-claim file takes
 * the worker hundreds of milliseconds that would otherwise freeze the page. Where a worker
 * cannot start (an old browser, a test runner), the same functions run on the page instead.
 */

export type Request =
	| {
			kind: 'import';
			text: string;
			options: { file: string; format?: FormatId };
			shippedIds: string[];
	  }
	| { kind: 'load'; id: string }
	| { kind: 'list' };

let worker: Worker | null | undefined;
let next = 0;
const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();

function start(): Worker | null {
	if (worker !== undefined) return worker;
	try {
		worker = new Worker(new URL('./imported.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<{ n: number; value?: unknown; error?: string }>) => {
			const { n, value, error } = event.data;
			const w = waiting.get(n);
			waiting.delete(n);
			if (error === undefined) w?.ok(value);
			else w?.fail(new Error(error));
		};
		// A worker that cannot load at all: the calls waiting run on the page, and so do the next.
		worker.onerror = () => {
			worker?.terminate();
			worker = null;
			for (const w of waiting.values()) w.fail(new WorkerUnavailable());
			waiting.clear();
		};
	} catch {
		worker = null;
	}
	return worker;
}

class WorkerUnavailable extends Error {}

async function call<T>(request: Request, inline: () => Promise<T>): Promise<T> {
	const w = start();
	if (!w) return inline();
	const n = next++;
	try {
		return await new Promise<T>((ok, fail) => {
			waiting.set(n, { ok: ok as (v: unknown) => void, fail });
			w.postMessage({ n, request });
		});
	} catch (e) {
		if (e instanceof WorkerUnavailable) return inline();
		throw e;
	}
}

const imported = () => import('./imported');

export const importAndSave = (
	text: string,
	options: { file: string; format?: FormatId },
	shippedIds: readonly string[]
): Promise<ImportOutcome> =>
	call({ kind: 'import', text, options, shippedIds: [...shippedIds] }, async () =>
		(await imported()).importAndSave(text, options, shippedIds)
	);

export const loadImported = (id: string): Promise<LoadResult<Debate> | undefined> =>
	call({ kind: 'load', id }, async () => (await imported()).loadImported(id));

export const listImported = (): Promise<ImportedEntry[]> =>
	call({ kind: 'list' }, async () => (await imported()).listImported());
