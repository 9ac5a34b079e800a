import type { Diagnostic } from '../load/diagnostic';
import type { Coverage } from '../evaluate/coverage';
import type { Debate } from '../schema/debate';

// Free of zod: what the editor shows of a check (`check.ts`, loaded when needed).

/** A problem found, placed on the entry and field it concerns, for showing beside that field. */
export interface FieldProblem {
	severity: Diagnostic['severity'];
	/** `debate`, `claim:<id>` or `source:<id>`. */
	entry: string;
	/** The field inside the entry, as a path: `text.en`, `evidence[0].quote`; '' for the whole entry. */
	field: string;
	message: string;
	hint?: string;
}

/** A gap the author may want to fill: a claim nobody has answered, one with no source… */
export interface TodoItem {
	kind: keyof Coverage;
	claim: string;
}

export interface DraftCheck {
	/** The debate passes: the download will pass `npm run validate`. */
	ok: boolean;
	/** The checked debate, when it passes (what the download writes and the map shows). */
	debate?: Debate;
	problems: FieldProblem[];
	todo: TodoItem[];
}

/**
 * The problems of one field: those at `field` or inside it (a problem with `text.en` is shown
 * by the English text of `text`). `exact`: at the field only.
 */
export function problemsAt(
	problems: readonly FieldProblem[],
	entry: string,
	field: string,
	exact = false
): FieldProblem[] {
	return problems.filter(
		(p) =>
			p.entry === entry &&
			(p.field === field ||
				(!exact && (p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`))))
	);
}
