import type { YAMLError } from 'yaml';
import { Debate, SCHEMA_PATH } from '../schema/debate';
import { migrate } from '../schema/migrate';
import { formatPath, type Diagnostic, type LoadResult } from './diagnostic';
import { SourceMap } from './locate';
import { checkText } from './hygiene';
import { checkYamlLines } from './lines';
import { checkReferences, type CheckOptions } from './references';
import { parseYaml } from './yaml';
import { plainIssues, type PlainIssue } from './zod-issues';

/** Files larger than this are refused before parsing: no classroom debate comes near it. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/**
 * At most this many problems are listed, then a note that there are more: a hostile file can
 * have hundreds of thousands, and each is located and shown on the page.
 */
export const MAX_ERRORS = 100;
/** YAML aliases may not expand a small file into a huge one (a "billion laughs" bomb). */
export const MAX_ALIAS_COUNT = 100;

export interface LoadOptions extends CheckOptions {
	/** How the file is named in messages: `arguments/x.yaml`, `pasted text`. */
	file?: string;
}

const YAML_HINTS: Record<string, string> = {
	DUPLICATE_KEY: 'each field may appear only once in a mapping',
	TAB_AS_INDENT: 'indent with spaces, not tabs',
	BAD_INDENT: 'check that this line is indented like its siblings',
	MISSING_CHAR: 'a quote or bracket is not closed',
	BLOCK_AS_IMPLICIT_KEY: 'a value that contains ": " needs quotes',
	MULTILINE_IMPLICIT_KEY: 'a value that contains ": " needs quotes, or a key is missing its colon',
	UNEXPECTED_TOKEN: 'check the punctuation on this line; text with ": " or "#" needs quotes'
};

/**
 * Reads a debate from YAML or JSON text: parses it, upgrades old format versions, checks it
 * against the schema and its own references, and reports every problem at once with its
 * line and column. Never throws on bad input.
 */
export function loadDebate(text: string, options: LoadOptions = {}): LoadResult<Debate> {
	const file = options.file ?? 'debate';
	const fail = (errors: Diagnostic[]): LoadResult<Debate> => ({ ok: false, errors, warnings: [] });
	const at = (
		line: number,
		column: number,
		message: string,
		hint?: string,
		path = ''
	): Diagnostic => ({
		severity: 'error',
		file,
		line,
		column,
		path,
		message,
		hint
	});

	if (text.length > MAX_FILE_BYTES) {
		return fail([
			at(
				0,
				0,
				`the file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
				'split the debate, or remove embedded data'
			)
		]);
	}
	// A byte-order mark is invisible in editors and harmless; drop it rather than complain.
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '')
		return fail([
			at(0, 0, 'the file is empty', 'a debate needs at least formatVersion, id, title and claims')
		]);

	// Before the parser: a line no one can edit is refused with its number (JSON is exempt).
	const longLine = checkYamlLines(body, file);
	if (longLine) return fail([longLine]);

	const { doc, lines, errors } = parseYaml(body);
	if (errors.length > 0) {
		return fail(
			errors.map((e: YAMLError) => {
				const opened = e.code === 'MISSING_CHAR' ? unclosedQuoteBefore(body, e.pos[0]) : undefined;
				if (opened) {
					const msg = 'not valid YAML: a quoted text starts here and is never closed';
					return at(
						opened.line,
						opened.column,
						msg,
						'add the closing quote at the end of the text'
					);
				}
				const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
				const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
				if (/call stack/i.test(message))
					return at(
						pos.line,
						pos.col,
						'the file nests lists or mappings too deeply to read',
						'a debate is a flat list of claims; check for runaway brackets'
					);
				return at(pos.line, pos.col, `not valid YAML: ${message}`, YAML_HINTS[e.code]);
			})
		);
	}
	const map = new SourceMap(doc, lines);

	let data: unknown;
	try {
		data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (e) {
		return fail([
			at(
				1,
				1,
				`the file could not be read: ${(e as Error).message}`,
				'remove YAML aliases (*name) that repeat large parts of the file'
			)
		]);
	}

	return validateDebateData(data, { ...options, file, locate: (path, at) => map.locate(path, at) });
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
 * YAML reports an unclosed quote where the file ends, which can be hundreds of lines away.
 * The last line before that with an odd number of unescaped double quotes is where it opened.
 */
function unclosedQuoteBefore(
	text: string,
	offset: number
): { line: number; column: number } | undefined {
	const lines = text.slice(0, offset).split('\n');
	for (let i = lines.length - 1; i >= 0; i--) {
		const line = lines[i]!;
		const quotes = [...line.matchAll(/(?<!\\)"/g)];
		if (quotes.length % 2 === 1)
			return { line: i + 1, column: quotes[quotes.length - 1]!.index! + 1 };
	}
	return undefined;
}

/**
 * Loads a debate file as shipped in `arguments/`: its id must be its file name, it has a single
 * root (the thesis) and evidence on every claim. Used alike by `npm run validate` and the build.
 */
export function loadAuthoredDebate(text: string, file: string): LoadResult<Debate> {
	const expectedId = (file.split('/').pop() ?? file).replace(/\.(ya?ml|json)$/, '');
	return loadDebate(text, { file, expectedId, authored: true });
}
