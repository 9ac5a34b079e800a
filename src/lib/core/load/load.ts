import { Debate, SCHEMA_PATH } from '../schema/debate';
import { migrate } from '../schema/migrate';
import { formatPath, type Diagnostic, type LoadResult } from './diagnostic';
import { checkText } from './hygiene';
import { checkReferences, type CheckOptions } from './references';
import { readDebateText } from './read-text';
import { plainIssues, type PlainIssue } from './zod-issues';

/**
 * At most this many problems are listed, then a note that there are more: a hostile file can
 * have hundreds of thousands, and each is located and shown on the page.
 */
export const MAX_ERRORS = 100;

export interface LoadOptions extends CheckOptions {
	/** How the file is named in messages: `arguments/x.yaml`, `pasted text`. */
	file?: string;
}

/**
 * Reads a debate from YAML or JSON text: parses it, upgrades old format versions, checks it
 * against the schema and its own references, and reports every problem at once with its
 * line and column. Never throws on bad input.
 */
export function loadDebate(text: string, options: LoadOptions = {}): LoadResult<Debate> {
	const file = options.file ?? 'debate';
	const read = readDebateText(text, file);
	if (!read.ok) return { ok: false, errors: read.errors, warnings: [] };
	return validateDebateData(read.data, { ...options, file, locate: read.locate });
}

export interface ValidateOptions extends LoadOptions {
	/** Where a data path sits in the text it came from, for located messages (line 0: unknown). */
	locate?: (path: readonly PropertyKey[], at?: 'key' | 'value') => { line: number; column: number };
}

/**
 * Checks parsed data as a debate: upgrades old format versions, validates it against the schema
 * and its own references. Shared by every way a debate comes in — a YAML/JSON file, or data an
 * import codec built from Argdown, Kialo or AIF — so all are held to the same rules.
 */
export function validateDebateData(
	data: unknown,
	options: ValidateOptions = {}
): LoadResult<Debate> {
	const file = options.file ?? 'debate';
	const locate = options.locate ?? (() => ({ line: 0, column: 0 }));
	const migrated = migrate(data);
	if (!migrated.ok) {
		const pos = locate(['formatVersion']);
		return {
			ok: false,
			errors: [
				{
					severity: 'error',
					file,
					line: pos.line,
					column: pos.column,
					path: 'formatVersion',
					message: migrated.message,
					hint: migrated.hint
				}
			],
			warnings: []
		};
	}

	const toDiagnostic =
		(severity: Diagnostic['severity']) =>
		(issue: PlainIssue): Diagnostic => {
			const pos = locate(issue.path, issue.atKey ? 'key' : 'value');
			return {
				severity,
				file,
				line: pos.line,
				column: pos.column,
				path: formatPath(issue.path),
				message: issue.message,
				hint: issue.hint
			};
		};

	/** The first MAX_ERRORS problems, located, and a note when there were more. */
	const listed = (issues: PlainIssue[], severity: Diagnostic['severity']) => {
		const out = issues.slice(0, MAX_ERRORS).map(toDiagnostic(severity));
		if (issues.length > MAX_ERRORS)
			out.push({
				severity,
				file,
				line: 0,
				column: 0,
				path: '',
				message: `there are more ${severity}s: only the first ${MAX_ERRORS} are listed`,
				hint: 'fix these and read the file again'
			});
		return out;
	};

	const { data: input, dropped } = withoutForeignSchema(migrated.data);
	const parsed = Debate.safeParse(input);
	if (!parsed.success) {
		const issues = plainIssues(parsed.error.issues, input, [], MAX_ERRORS + 1);
		return { ok: false, errors: listed(issues, 'error'), warnings: listed(dropped, 'warning') };
	}
	const checked = checkReferences(parsed.data, options);
	const text = checkText(input);
	const warnings = listed([...dropped, ...checked.warnings, ...text.warnings], 'warning');
	const errors = [...checked.errors, ...text.errors];
	if (errors.length > 0) return { ok: false, errors: listed(errors, 'error'), warnings };
	return { ok: true, value: parsed.data, warnings };
}

/**
 * A `$schema` that names anything but Counterpoint's own schema is left out, with a warning:
 * the rest of the file is sound, and the address (a tracking link, `javascript:`) would
 * otherwise travel on into every export.
 */
function withoutForeignSchema(data: unknown): { data: unknown; dropped: PlainIssue[] } {
	if (typeof data !== 'object' || data === null || !Object.hasOwn(data, '$schema'))
		return { data, dropped: [] };
	const { $schema, ...rest } = data as Record<string, unknown>;
	if ($schema === SCHEMA_PATH) return { data, dropped: [] };
	const shown = typeof $schema === 'string' ? JSON.stringify($schema.slice(0, 80)) : 'this value';
	return {
		data: rest,
		dropped: [
			{
				path: ['$schema'],
				message: `${shown} is not Counterpoint's schema, so it was left out`,
				hint: `an editor could fetch that address; a Counterpoint file names "${SCHEMA_PATH}" or nothing`
			}
		]
	};
}

/**
 * Loads a debate file as shipped in `arguments/`: its id must be its file name, it has a single
 * root (the thesis) and evidence on every claim. Used alike by `npm run validate` and the build.
 */
export function loadAuthoredDebate(text: string, file: string): LoadResult<Debate> {
	const expectedId = (file.split('/').pop() ?? file).replace(/\.(ya?ml|json)$/, '');
	return loadDebate(text, { file, expectedId, authored: true });
}
