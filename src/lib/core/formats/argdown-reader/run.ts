/**
 * Running `@argdown/core` on a file: its reading modules loaded on first use, then parse and
 * build the model, every failure turned into a located error. See `argdown.ts` for why only
 * these modules of the package are imported.
 */
import type { IArgdownRequest, IArgdownResponse } from '@argdown/core/dist/index.js';
import type { Diagnostic } from '../../load/diagnostic';
import { error } from '../build';

/**
 * Where a lexer failure is: `@argdown/core` only says that there is one. The one character its
 * lexer cannot read is a backslash that escapes nothing (at the end of a line or of the file).
 */
function lexerErrorLine(text: string): number {
	let line = 1;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '\\') {
			const next = text[i + 1];
			if (next === undefined || /[\r\n\u2028\u2029]/.test(next)) return line;
			i++;
		} else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
	}
	return 1;
}

/**
 * The parts of `@argdown/core` that read Argdown (chevrotain, js-yaml, lodash: a few hundred kB),
 * loaded when the first file is read rather than with the page.
 */
export async function loadArgdown() {
	const [application, parser, data, model] = await Promise.all([
		import('@argdown/core/dist/ArgdownApplication.js'),
		import('@argdown/core/dist/plugins/ParserPlugin.js'),
		import('@argdown/core/dist/plugins/DataPlugin.js'),
		import('@argdown/core/dist/plugins/ModelPlugin.js')
	]);
	return {
		ArgdownApplication: application.ArgdownApplication,
		ParserPlugin: parser.ParserPlugin,
		DataPlugin: data.DataPlugin,
		ModelPlugin: model.ModelPlugin,
		ignoreFrontMatterSettings: data.FrontMatterSettingsModes.IGNORE
	};
}
export type ArgdownCore = Awaited<ReturnType<typeof loadArgdown>>;

/** The error of a file the lexer could not read, on the line of the backslash that broke it. */
function lexingFailure(e: unknown, text: string, file: string): Diagnostic {
	const lexing = /lexing/i.test((e as Error).message ?? '');
	return error(
		file,
		lexerErrorLine(text),
		lexing
			? 'not valid Argdown: a character here cannot be read'
			: `not valid Argdown: ${(e as Error).message}`,
		lexing ? 'a backslash at the end of a line escapes nothing: remove it' : undefined
	);
}

/**
 * The parser's errors as located diagnostics in an author's words, each (line, message) once,
 * twenty at the most.
 */
function parserDiagnostics(
	parserErrors: NonNullable<IArgdownResponse['parserErrors']>,
	file: string
): Diagnostic[] {
	const seen = new Set<string>();
	const errors: Diagnostic[] = [];
	for (const e of parserErrors) {
		const line = Number.isFinite(e.token?.startLine) ? e.token.startLine! : 0;
		const column = Number.isFinite(e.token?.startColumn) ? e.token.startColumn! : 1;
		const message = `not valid Argdown: ${e.message.split('\n')[0]}`;
		if (seen.has(`${line}:${message}`)) continue;
		seen.add(`${line}:${message}`);
		// The parser speaks in tokens; say what usually causes it in words an author knows.
		const hint = /EOF|Indent|Dedent/i.test(e.message)
			? 'relations (+, -, _) must be indented under the statement they answer, by the same steps throughout'
			: 'compare this line with the syntax at argdown.org/syntax';
		errors.push({
			...error(file, line, message, hint),
			column: line > 0 ? Math.max(column, 1) : 0
		});
		if (errors.length >= 20) break;
	}
	return errors;
}

/**
 * The first title `@argdown/core` cannot hold: it keeps elements in plain objects, where
 * "constructor" or "toString" are taken by built-in methods, so such a title breaks its model.
 */
function reservedTitle(text: string, file: string): Diagnostic | undefined {
	const lines = text.split(/\r\n|\r|\n/);
	for (let i = 0; i < lines.length; i++) {
		for (const m of lines[i]!.matchAll(/\[([^\]\n]+)\]|<([^>\n]+)>/g)) {
			const title = m[1] ?? m[2]!;
			if (title in Object.prototype)
				return error(
					file,
					i + 1,
					`not valid Argdown: the title "${title}" cannot be used, @argdown/core reserves it`,
					'rename the statement or argument'
				);
		}
	}
	return undefined;
}

/**
 * Why the model could not be built: a data block or the front matter that is not valid YAML (on
 * its line), a reserved title, or else what `@argdown/core` said.
 */
function buildFailure(
	e: unknown,
	response: IArgdownResponse,
	text: string,
	file: string
): Diagnostic {
	const mark = (e as { mark?: { line?: number; buffer?: string } }).mark;
	const message = ((e as Error).message ?? String(e)).split('\n')[0];
	if (mark && typeof mark.buffer === 'string') {
		const first = mark.buffer.replace(/\0$/, '').trim().split('\n')[0] ?? '';
		const token = (response.tokens ?? []).find(
			(t) =>
				(t.tokenType.name === 'Data' || t.tokenType.name === 'FrontMatter') &&
				first !== '' &&
				t.image.includes(first)
		);
		const line = token ? (token.startLine ?? 0) + (mark.line ?? 0) : 0;
		return error(
			file,
			line,
			`not valid Argdown: this data is not valid YAML (${message})`,
			token?.tokenType.name === 'FrontMatter'
				? 'the front matter between the === lines is YAML'
				: 'data after a statement is YAML in braces, such as {id: p1}'
		);
	}
	return reservedTitle(text, file) ?? error(file, 0, `not valid Argdown: ${message}`);
}

/** Runs `@argdown/core`: parse, then (if that worked) build the model. Never throws. */
export function runArgdown(
	core: ArgdownCore,
	text: string,
	file: string
):
	| { ok: true; response: IArgdownResponse; parserErrors: Diagnostic[] }
	| { ok: false; errors: Diagnostic[] } {
	const { ArgdownApplication, ParserPlugin, DataPlugin, ModelPlugin } = core;
	const app = new ArgdownApplication();
	app.addPlugin(new ParserPlugin(), 'parse-input');
	app.addPlugin(new DataPlugin(), 'build-model');
	app.addPlugin(new ModelPlugin(), 'build-model');
	const request: IArgdownRequest = {
		input: text,
		process: ['parse-input'],
		logLevel: 'none',
		// Exceptions are ours to report: without this @argdown/core drops some of them silently.
		throwExceptions: true,
		logExceptions: false,
		data: { frontMatterSettingsMode: core.ignoreFrontMatterSettings },
		model: { removeTagsFromText: false, transformArgumentRelations: true }
	};
	let response: IArgdownResponse;
	try {
		response = app.run(request);
	} catch (e) {
		return { ok: false, errors: [lexingFailure(e, text, file)] };
	}
	const parsed = parserDiagnostics(response.parserErrors ?? [], file);
	// The parser recovers from its errors (as Argdown's own tools do): the model is built from
	// what it read, and the caller decides whether enough is left.
	try {
		request.process = ['build-model'];
		response = app.run(request, response);
	} catch (e) {
		// Nothing could be built from what the parser recovered: its errors say why.
		if (parsed.length > 0) return { ok: false, errors: parsed };
		// A data block or the front matter is not valid YAML, or the model could not be built.
		return { ok: false, errors: [buildFailure(e, response, text, file)] };
	}
	return { ok: true, response, parserErrors: parsed };
}
