/** A problem found in a debate file, located so an author can go straight to it. */
export interface Diagnostic {
	severity: 'error' | 'warning';
	/** The file as the author named it (`arguments/x.yaml`), or a label such as "pasted text". */
	file: string;
	/** 1-based line and column; 0 when the problem has no place (an empty file). */
	line: number;
	column: number;
	/** Where in the data: `claims[12].target`; empty for the whole document. */
	path: string;
	/** What is wrong, in one sentence. */
	message: string;
	/** How to fix it, when there is something better to say than the message. */
	hint?: string;
}

/** `arguments/x.yaml:42:7 claims[12].target: unknown claim "c-99" (did you mean "c-09"?)` */
export function formatDiagnostic(d: Diagnostic): string {
	const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
	const path = d.path ? ` ${d.path}:` : '';
	const hint = d.hint ? ` (${d.hint})` : '';
	const level = d.severity === 'warning' ? ' warning:' : '';
	return `${where}${level}${path} ${d.message}${hint}`;
}

/** Renders a data path such as ['claims', 12, 'target'] as `claims[12].target`. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const seg of path) {
		if (typeof seg === 'number') out += `[${seg}]`;
		else out += out === '' ? String(seg) : `.${String(seg)}`;
	}
	return out;
}

export type LoadResult<T> =
	| { ok: true; value: T; warnings: Diagnostic[] }
	| { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };
