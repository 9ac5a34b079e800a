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

/** Stops the worker; whatever else was waiting on it is told so rather than left hanging. */
function stop() {
	worker?.terminate();
	worker = undefined;
	for (const w of waiting.values()) w.fail(new Error('the worker reading imports was stopped'));
	waiting.clear();
}

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

/**
 * How long reading one import may take before the worker is stopped. Valid files of 20 MB take
 * a few seconds; some hostile ones would keep a parser busy for minutes (docs/threat-model.md).
 * Browser tests lower it through localStorage `counterpoint:import-time-limit` (milliseconds).
 */
export const IMPORT_TIME_LIMIT_MS = 30_000;

function importTimeLimit(): number {
	try {
		const set = Number(localStorage.getItem('counterpoint:import-time-limit'));
		return set > 0 ? set : IMPORT_TIME_LIMIT_MS;
	} catch {
		return IMPORT_TIME_LIMIT_MS;
	}
}

export async function importAndSave(
	text: string,
	options: { file: string; format?: FormatId },
	shippedIds: readonly string[]
): Promise<ImportOutcome> {
	const limit = importTimeLimit();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const stopped = new Promise<ImportOutcome>((done) => {
		timer = setTimeout(() => {
			// The worker is busy for good: stop it; the next call starts a fresh one.
			stop();
			done({
				ok: false,
				warnings: [],
				errors: [
					{
						severity: 'error',
						file: options.file,
						line: 0,
						column: 0,
						path: '',
						message: `reading this file took longer than ${Math.round(limit / 1000)} s, so it was stopped`,
						hint: 'a class debate reads in a second or two: check that this is the file you meant, or split it'
					}
				]
			});
		}, limit);
	});
	try {
		return await Promise.race([
			stopped,
			call({ kind: 'import', text, options, shippedIds: [...shippedIds] }, async () =>
				(await imported()).importAndSave(text, options, shippedIds)
			)
		]);
	} finally {
		clearTimeout(timer);
	}
}

export const loadImported = (id: string): Promise<LoadResult<Debate> | undefined> =>
	call({ kind: 'load', id }, async () => (await imported()).loadImported(id));

export const listImported = (): Promise<ImportedEntry[]> =>
	call({ kind: 'list' }, async () => (await imported()).listImported());
