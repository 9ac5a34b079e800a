/**
 * Argdown (argdown.org), read with `@argdown/core` itself and written so that it reads back.
 *
 * Reading (parse + model by `@argdown/core`, then mapped):
 * - Every statement (an equivalence class: all `[Title]` with one title) and every argument
 *   (`<Title>`) becomes one claim. Its text is that of its first defining member (trailing
 *   `#tags` removed, Markdown marks dropped); an argument without a description, or a statement
 *   only ever referenced, takes its title as text. Texts longer than a claim may hold are cut
 *   (the whole text goes to `detail`) with a warning. The Argdown title becomes the claim's
 *   `title` unless it is the claim's id or one `@argdown/core` made up ("Untitled 3").
 * - Untitled paragraphs with no relation are Argdown's running prose: they are skipped, with a
 *   warning that counts them (Argdown does not draw them on its map either).
 * - Support (and `entails`, strict mode) → `pro`; attack (and `contrary`) → `con`;
 *   contradiction `><` → `con` both ways, with a warning.
 * - Undercut `_`: of a reconstructed argument's inference → the relation from the argument to
 *   its conclusion; of a statement or unreconstructed argument → the relation from it to what it
 *   points at, when that is unambiguous (exactly one) or named in the undercutter's data
 *   (`undercuts: [{from, to}]`, what the writer below records). Otherwise it is read as an attack
 *   on the undercut element, with a warning.
 * - Premise–conclusion structures: each premise (and intermediate conclusion) supports the
 *   argument, and the argument supports its main conclusion. What that flattens (intermediate
 *   inferences, inference rules) is reported.
 * - A claim's first relation becomes its `target` (preferring the relation written on the line
 *   that defines it, i.e. the indented tree), the others go to `also`. Relations that go round
 *   in a circle are resolved by choosing another relation as the target, or else by making one
 *   claim a root (reported).
 * - The thesis is the root marked `thesis: true` in its data, else the root with no relation
 *   that has the most claims under it (the first such in the file). Other roots stay roots.
 * - Ids come from `{id: …}` data when valid and unused, else from the title (`makeId`). Data may
 *   also carry `kind`, `actor`, `evidence`, `detail`, `note` and `baseScore`; pieces that are
 *   not valid are dropped with a warning. `#tags` become debate tags and claim tags.
 * - Front matter: `title` (else the first heading, else the file name), `abstract` or
 *   `subTitle` as summary, and a `counterpoint:` block (id, summary, language, tags, actors,
 *   sources, tour) as this writer makes it. Front matter is read as data only: it cannot change `@argdown/core`'s settings
 *   (`frontMatterSettingsMode: ignore`), so every file is read the same way.
 * - Headings (groups), inference rules, links' URLs, bold/italic and colours are not kept.
 * - Parser errors: what the parser recovered (as Argdown's own tools show it) is imported, each
 *   error a note on its line saying what was left out; only when nothing is left is the file
 *   refused, with the errors. Lexer errors are errors on their line; data blocks that are not
 *   valid YAML become errors on the line of the block. Nothing throws.
 *
 * Writing (one language): YAML front matter, then the thesis as `[Title]: text {data}` with its
 * tree indented below it (`+` supports the parent, `-` attacks it, `_` undercuts the parent's
 * relation named in the data), further relations of a claim as `+> [Title]` / `-> [Title]` /
 * `_> [Title]` lines under it, then the other roots. Titles are the claims' titles (or ids),
 * made safe and unique. Texts are escaped so that no character can change the structure.
 * Each claim keeps its id, evidence, actor, kind, detail, note and base score as data.
 *
 * Browser safety: only the CommonJS modules `ArgdownApplication`, `ParserPlugin`, `DataPlugin`,
 * `ModelPlugin` and `shortcodes` of `@argdown/core/dist` are imported, never the package root:
 * the root re-exports every plugin (highlight.js, xmlbuilder, the HTML and web-component
 * exporters). What these modules pull in is chevrotain, js-yaml, eventemitter3, lodash.*,
 * string-pixel-width, mdurl and punycode (the npm package) — no fs, path, child_process or
 * viz.js (only `SyncDotToSvgExportPlugin` and the prebuilt `argdown` application use viz.js).
 * The ESM build (`dist-esm`) is avoided: its `utils.js` calls `require()` and its imports have
 * no file extensions, so Node (the tests, the CLI) cannot load it. The reading modules are
 * imported on first use (`import()`), so the page does not load the parser until a file is read;
 * writing needs only the `shortcodes` table.
 */
import type { IArgdownRequest, IArgdownResponse } from '@argdown/core/dist/index.js';
import type {
	IInference,
	IRelation,
	ISection,
	IStatement
} from '@argdown/core/dist/model/model.js';
import { shortcodes } from '@argdown/core/dist/plugins/shortcodes.js';
import { stringify } from 'yaml';
import type { Diagnostic } from '../load/diagnostic';
import { lineTooLong, MAX_ARGDOWN_LINE_LENGTH } from '../load/lines';
import {
	Actor,
	Evidence,
	Id,
	Source,
	Tag,
	Claim,
	type Debate,
	type Stance
} from '../schema/debate';
import { LocalisedText, LONG_TEXT_MAX, textIn } from '../schema/localised';
import {
	error,
	fitClaimText,
	fitTitle,
	debateLanguage,
	importedFrame,
	makeId,
	warning
} from './build';
import { FORMATS } from './catalog';
import type { Codec, DecodeResult, EncodeOptions, Locate } from './codec';

// ---------------------------------------------------------------------------------------------
// Writing

/** Characters that always get a backslash in text: each starts Argdown syntax somewhere. */
const ALWAYS_ESCAPED = new Set(['\\', '#', '*', '_', '[', ']', '<', '>', '{', '}']);
/** What `@argdown/core`'s lexer reads as a special character (`.^.`, `:heart:`) at a dot or colon. */
const SPECIAL_CHAR = /^(?:\.[^\s]+?\.|:[^\s]+?:)[ \t]?/;

/**
 * Claim text as Argdown statement text that `@argdown/core` reads back unchanged (whitespace
 * collapsed to single spaces, as Argdown joins lines with one).
 */
export function escapeArgdownText(raw: string): string {
	const text = raw.replace(/\s+/g, ' ').trim();
	let out = '';
	let i = 0;
	while (i < text.length) {
		const ch = text[i]!;
		if (ch === '.' || ch === ':') {
			// The lexer takes `.x.`/`:x:` as one token: a shortcode turns into a symbol, anything
			// else is kept verbatim. Escape the opening character of a shortcode; keep the rest whole.
			const m = SPECIAL_CHAR.exec(text.slice(i));
			if (m && Object.hasOwn(shortcodes, m[0].trim())) {
				out += `\\${ch}`;
				i++;
			} else if (m) {
				out += m[0];
				i += m[0].length;
			} else {
				out += ch;
				i++;
			}
		} else if (ALWAYS_ESCAPED.has(ch)) {
			out += `\\${ch}`;
			i++;
		} else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
			// `//` and `/*` start comments.
			out += '\\/';
			i++;
		} else if (ch === '=') {
			// `===` starts front matter wherever a token starts.
			let j = i;
			while (text[j] === '=') j++;
			out += j - i >= 3 ? '\\='.repeat(j - i) : '='.repeat(j - i);
			i = j;
		} else {
			out += ch;
			i++;
		}
	}
	return out;
}

/** A statement title that the lexer reads back whole: no brackets, braces or line breaks. */
function safeTitle(raw: string): string {
	return raw
		.replace(/[[\]<>{}\\]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[-+_>:#@*\s]+/, '');
}

/** Escapes for characters inside JSON strings that would end an Argdown data block or upset YAML. */
function flowData(value: unknown): string {
	return JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"/g, (s) =>
		s.replace(
			/[{}\u007f-\u009f\u2028\u2029\ufffe\uffff]/g,
			(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
		)
	);
}

/**
 * Argdown tools put the front matter's `title` into HTML as it is: `@argdown/core`'s HTML export
 * writes it into `<title>` unescaped, so a debate called `x</title><script>…` would run there.
 * The title written there has no character of markup: `<`, `>` and `&` become the look-alikes
 * ‹ › ＆. The title as it is goes into `counterpoint.title`, which only Counterpoint reads.
 */
export const markupFree = (text: string): string =>
	text.replace(/[<>&]/g, (c) => (c === '<' ? '‹' : c === '>' ? '›' : '＆'));

/** YAML front matter that cannot contain `===` (which would end it early). */
function frontMatter(value: unknown): string {
	const yaml = stringify(value, {
		defaultStringType: 'QUOTE_DOUBLE',
		defaultKeyType: 'PLAIN',
		lineWidth: 0
	});
	// Every string is double-quoted, so `=` and odd characters only occur inside quotes.
	return yaml.replace(
		/[=\u007f-\u009f\u2028\u2029\ufffe\uffff]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
	);
}

function encodeArgdown(debate: Debate, options: EncodeOptions = {}): string {
	const primary = debate.language;
	const lang = options.lang ?? primary;
	const pick = (v: Parameters<typeof textIn>[0]) => textIn(v, lang, primary);

	// Titles: the claim's title in this language, else its id; unique.
	const titles = new Map<string, string>();
	const used = new Set<string>();
	for (const c of debate.claims) {
		const base = safeTitle(pick(c.title)) || c.id;
		let title = base;
		// @argdown/core keeps statements in a plain object: "constructor" would find a method.
		if (used.has(title) || title in Object.prototype) title = `${base} (${c.id})`;
		for (let n = 2; used.has(title); n++) title = `${base} (${c.id} ${n})`;
		used.add(title);
		titles.set(c.id, title);
	}

	// A claim read from an Argdown argument is written as one, `<Title>`; others as `[Title]`.
	const kinds = new Map(debate.claims.map((c) => [c.id, c.kind]));
	const ref = (id: string) =>
		kinds.get(id) === 'argument' ? `<${titles.get(id)}>` : `[${titles.get(id)}]`;

	const children = new Map<string, Claim[]>();
	const roots: Claim[] = [];
	for (const c of debate.claims) {
		if (c.target === undefined) {
			if (c.id === debate.thesis) roots.unshift(c);
			else roots.push(c);
			continue;
		}
		const parent = typeof c.target === 'string' ? c.target : c.target.from;
		children.set(parent, [...(children.get(parent) ?? []), c]);
	}

	const lines: string[] = [];
	const title = pick(debate.title);
	const head: Record<string, unknown> = { title: markupFree(title) };
	const cp: Record<string, unknown> = {
		id: debate.id,
		...(markupFree(title) !== title ? { title } : {}),
		language: lang,
		summary: pick(debate.summary)
	};
	if (debate.tags.length > 0)
		cp.tags = debate.tags.map((t) => ({ id: t.id, label: pick(t.label) }));
	if (debate.actors.length > 0) cp.actors = debate.actors;
	if (debate.sources.length > 0) cp.sources = debate.sources;
	if (debate.tour) cp.tour = debate.tour;
	head.counterpoint = cp;
	lines.push('===', frontMatter(head).trimEnd(), '===', '');

	const write = (c: Claim, depth: number, symbol: string) => {
		const indent = '  '.repeat(depth);
		const links = [
			...(c.target !== undefined && typeof c.target !== 'string'
				? [{ ...c.target, stance: c.stance! }]
				: []),
			...(c.also ?? []).flatMap((r) =>
				typeof r.target === 'string' ? [] : [{ ...r.target, stance: r.stance }]
			)
		];
		const data: Record<string, unknown> = { id: c.id };
		if (c.id === debate.thesis) data.thesis = true;
		// An argument says what it is by its brackets, `<Title>`.
		if (c.kind && c.kind !== 'argument') data.kind = c.kind;
		if (c.actor) data.actor = c.actor;
		if (c.detail !== undefined) data.detail = c.detail;
		if (c.note !== undefined) data.note = c.note;
		if (c.baseScore !== undefined) data.baseScore = c.baseScore;
		if (c.evidence?.length) data.evidence = c.evidence;
		if (links.length > 0) data.undercuts = links;
		const tags = (c.tags ?? []).map((t) => ` #(${t})`).join('');
		lines.push(
			`${indent}${symbol}${ref(c.id)}: ${escapeArgdownText(pick(c.text))}${tags} ${flowData(data)}`
		);
		const inner = '  '.repeat(depth + 1);
		for (const r of c.also ?? []) {
			const to = typeof r.target === 'string' ? r.target : r.target.from;
			const arrow =
				typeof r.target !== 'string' && r.stance === 'con'
					? '_>'
					: r.stance === 'pro'
						? '+>'
						: '->';
			lines.push(`${inner}${arrow} ${ref(to)}`);
		}
		for (const child of children.get(c.id) ?? []) {
			const undercut = typeof child.target !== 'string' && child.stance === 'con';
			write(child, depth + 1, undercut ? '_ ' : child.stance === 'pro' ? '+ ' : '- ');
		}
	};
	roots.forEach((root, i) => {
		if (i > 0) lines.push('');
		write(root, 0, '');
	});
	return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Reading

type Key = string;
type Target = { to: Key } | { link: { from: Key; to: Key } };
interface Edge {
	from: Key;
	target: Target;
	stance: Stance;
	line: number;
	/** Written on the line that defines `from`: the author's indented tree. */
	defining: boolean;
}
interface Node {
	key: Key;
	kind: 'statement' | 'argument';
	title: string;
	/** The title was written by the author, not made up by `@argdown/core` ("Untitled 3"). */
	explicit: boolean;
	text: string;
	line: number;
	data: Record<string, unknown>;
	tags: string[];
	id: string;
}
type Warn = (line: number, message: string, hint?: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const keyOf = (m: { type: string; title?: string }): Key =>
	`${m.type === 'argument' ? 'a' : 's'}:${m.title ?? ''}`;
const parentOf = (t: Target): Key => ('to' in t ? t.to : t.link.from);
const targetKey = (t: Target): string => ('to' in t ? t.to : `${t.link.from}~>${t.link.to}`);
const byLine = (a: { startLine?: number }, b: { startLine?: number }) =>
	(a.startLine ?? 0) - (b.startLine ?? 0);

/** A statement's text without the `#tags` that end it (they become claim tags). */
function memberText(s: IStatement): string {
	let text = s.text ?? '';
	const tags = (s.ranges ?? []).filter((r) => r.type === 'tag').sort((a, b) => b.start - a.start);
	for (const r of tags) {
		if (text.slice(r.stop + 1).trim() !== '') break;
		text = text.slice(0, r.start);
	}
	return text.replace(/\s+/g, ' ').trim();
}

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
async function loadArgdown() {
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
type ArgdownCore = Awaited<ReturnType<typeof loadArgdown>>;

/** Runs `@argdown/core`: parse, then (if that worked) build the model. Never throws. */
function runArgdown(
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
		const lexing = /lexing/i.test((e as Error).message ?? '');
		return {
			ok: false,
			errors: [
				error(
					file,
					lexerErrorLine(text),
					lexing
						? 'not valid Argdown: a character here cannot be read'
						: `not valid Argdown: ${(e as Error).message}`,
					lexing ? 'a backslash at the end of a line escapes nothing: remove it' : undefined
				)
			]
		};
	}
	const parserErrors = response.parserErrors ?? [];
	let parsed: Diagnostic[] = [];
	if (parserErrors.length > 0) {
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
		parsed = errors;
	}
	// The parser recovers from its errors (as Argdown's own tools do): the model is built from
	// what it read, and the caller decides whether enough is left.
	try {
		request.process = ['build-model'];
		response = app.run(request, response);
	} catch (e) {
		// Nothing could be built from what the parser recovered: its errors say why.
		if (parsed.length > 0) return { ok: false, errors: parsed };
		// A data block or the front matter is not valid YAML, or the model could not be built.
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
			return {
				ok: false,
				errors: [
					error(
						file,
						line,
						`not valid Argdown: this data is not valid YAML (${message})`,
						token?.tokenType.name === 'FrontMatter'
							? 'the front matter between the === lines is YAML'
							: 'data after a statement is YAML in braces, such as {id: p1}'
					)
				]
			};
		}
		// @argdown/core keeps elements in plain objects, where "constructor" or "toString" are
		// taken by built-in methods: such a title breaks its model.
		const lines = text.split(/\r\n|\r|\n/);
		for (let i = 0; i < lines.length; i++) {
			for (const m of lines[i]!.matchAll(/\[([^\]\n]+)\]|<([^>\n]+)>/g)) {
				const title = m[1] ?? m[2]!;
				if (title in Object.prototype)
					return {
						ok: false,
						errors: [
							error(
								file,
								i + 1,
								`not valid Argdown: the title "${title}" cannot be used, @argdown/core reserves it`,
								'rename the statement or argument'
							)
						]
					};
			}
		}
		return { ok: false, errors: [error(file, 0, `not valid Argdown: ${message}`)] };
	}
	return { ok: true, response, parserErrors: parsed };
}

function decodeArgdown(core: ArgdownCore, input: string, file: string): DecodeResult {
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	if (text.trim() === '')
		return {
			ok: false,
			errors: [error(file, 0, 'the file is empty', 'an Argdown file needs at least one statement')],
			warnings: []
		};
	const run = runArgdown(core, text, file);
	if (!run.ok) return { ok: false, errors: run.errors, warnings: [] };
	if (run.parserErrors.length === 0) return mapModel(run.response, file);
	// Parser errors: keep what the parser recovered, the errors as located notes on what was
	// skipped; refuse only when nothing is left to import.
	const recovered = mapModel(run.response, file);
	const claims = recovered.ok ? (recovered.data as { claims: unknown[] }).claims : [];
	if (!recovered.ok || claims.length === 0)
		return { ok: false, errors: run.parserErrors, warnings: [] };
	const skipped = run.parserErrors.map((e) => ({
		...e,
		severity: 'warning' as const,
		message: `${e.message}; what the parser could not read here was left out, the rest was imported`
	}));
	return { ...recovered, warnings: [...skipped, ...recovered.warnings] };
}

/** The debate made of `@argdown/core`'s model (see the module comment for the mapping). */
function mapModel(response: IArgdownResponse, file: string): DecodeResult {
	const warnings: Diagnostic[] = [];
	const warn: Warn = (line, message, hint) => warnings.push(warning(file, line, message, hint));
	const statements = Object.values(response.statements ?? {});
	const args = response.arguments ?? {};
	const frontMatterLine =
		(response.tokens ?? []).find((t) => t.tokenType.name === 'FrontMatter')?.startLine ?? 0;

	// Titles the author wrote, as opposed to "Untitled 3" made up by the model.
	const explicit = new Set<Key>();
	for (const t of response.tokens ?? []) {
		const name = t.tokenType.name;
		const m =
			name === 'StatementDefinition' || name === 'StatementReference'
				? /\[(.+)\]/.exec(t.image)
				: name === 'ArgumentDefinition' || name === 'ArgumentReference'
					? /<(.+)>/.exec(t.image)
					: null;
		if (m) explicit.add(`${name.startsWith('Statement') ? 's' : 'a'}:${m[1]}`);
	}

	// ---- Nodes: statements and arguments, in file order.
	const nodes: Node[] = [];
	const prose: number[] = [];
	for (const ec of statements) {
		const key = keyOf(ec);
		const members = [...ec.members].sort(byLine);
		const inPcs =
			ec.isUsedAsPremise || ec.isUsedAsMainConclusion || ec.isUsedAsIntermediaryConclusion;
		if (!explicit.has(key) && (ec.relations ?? []).length === 0 && !inPcs) {
			prose.push(members[0]?.startLine ?? 0);
			continue;
		}
		const defining =
			members.find((m) => !m.isReference && memberText(m) !== '') ??
			members.find((m) => memberText(m) !== '') ??
			members.find((m) => !m.isReference) ??
			members[0];
		nodes.push({
			key,
			kind: 'statement',
			title: ec.title ?? '',
			explicit: explicit.has(key),
			text: defining ? memberText(defining) : '',
			line: defining?.startLine ?? 0,
			data: isObject(ec.data) ? ec.data : {},
			tags: ec.tags ?? [],
			id: ''
		});
	}
	for (const a of Object.values(args)) {
		const key = keyOf(a);
		const members = [...a.members].sort(byLine);
		const described = members.find((m) => memberText(m) !== '');
		nodes.push({
			key,
			kind: 'argument',
			title: a.title ?? '',
			explicit: explicit.has(key),
			text: described ? memberText(described) : '',
			line: described?.startLine ?? members[0]?.startLine ?? a.startLine ?? 0,
			data: isObject(a.data) ? a.data : {},
			tags: a.tags ?? [],
			id: ''
		});
	}
	nodes.sort((a, b) => a.line - b.line || (a.key < b.key ? -1 : 1));
	if (prose.length > 0) {
		const n = prose.length;
		warn(
			Math.min(...prose),
			`${n} untitled paragraph${n > 1 ? 's' : ''} without relations ${n > 1 ? 'were' : 'was'} read as prose, not as claims, and left out`,
			'give a paragraph a [Title]: or a relation to make it a claim'
		);
	}
	if (nodes.length === 0)
		return {
			ok: false,
			errors: [
				error(
					file,
					prose[0] ?? 0,
					'the file has no statements or arguments to read',
					'write statements as [Title]: text, with relations indented under them: + supports, - attacks'
				)
			],
			warnings
		};
	const nodeOf = new Map(nodes.map((n) => [n.key, n]));

	// ---- Ids: from the data where valid and unused, else from the title.
	const taken = new Set<string>();
	for (const n of nodes) {
		const wanted = n.data.id;
		if (wanted === undefined) continue;
		const id = typeof wanted === 'number' ? String(wanted) : wanted;
		if (typeof id === 'string' && Id.safeParse(id).success && !taken.has(id)) {
			n.id = id;
			taken.add(id);
		} else
			warn(
				n.line,
				`the id ${JSON.stringify(wanted)} of "${n.title}" is not a valid, unused id; another was made`
			);
	}
	for (const n of nodes)
		if (!n.id) n.id = makeId(n.title, taken, n.kind === 'argument' ? 'a' : 's');
	const keyOfId = new Map(nodes.map((n) => [n.id, n.key]));

	// ---- Relations
	const edges: Edge[] = [];
	const seen = new Set<string>();
	const addEdge = (
		from: Key,
		target: Target,
		stance: Stance,
		line: number,
		defining = line === nodeOf.get(from)?.line
	) => {
		const ends = 'to' in target ? [target.to] : [target.link.from, target.link.to];
		if (!nodeOf.has(from) || ends.some((k) => !nodeOf.has(k))) return;
		if (parentOf(target) === from) {
			warn(line, `"${nodeOf.get(from)!.title}" is related to itself; that relation was left out`);
			return;
		}
		const id = `${from}|${targetKey(target)}|${stance}`;
		if (seen.has(id)) return;
		seen.add(id);
		edges.push({ from, target, stance, line, defining });
	};
	const lineOf = (r: IRelation) => {
		const line = Math.min(...r.occurrences.map((o) => o.startLine ?? Infinity));
		return Number.isFinite(line) ? line : 0;
	};
	const pending: { rel: IRelation; line: number }[] = [];
	for (const r of response.relations ?? []) {
		const line = lineOf(r);
		if (!r.from || !r.to) continue;
		if (r.from.type === 'inference') {
			warn(line, 'a relation from an inference cannot be represented; it was left out');
			continue;
		}
		if (r.relationType === 'undercut' || r.to.type === 'inference') {
			pending.push({ rel: r, line });
			continue;
		}
		const from = keyOf(r.from);
		const to = keyOf(r.to);
		switch (r.relationType) {
			case 'support':
			case 'entails':
				addEdge(from, { to }, 'pro', line);
				break;
			case 'attack':
			case 'contrary':
				addEdge(from, { to }, 'con', line);
				break;
			case 'contradictory':
				addEdge(from, { to }, 'con', line);
				addEdge(to, { to: from }, 'con', line);
				warn(
					line,
					`the contradiction between "${r.from.title}" and "${r.to.title}" was read as each attacking the other`
				);
				break;
			default:
				warn(line, `a relation of type "${r.relationType}" cannot be represented; it was left out`);
		}
	}

	// Premise–conclusion structures: premises support the argument, which supports its conclusion.
	for (const a of Object.values(args)) {
		if (a.pcs.length === 0) continue;
		const key = keyOf(a);
		const conclusion = a.pcs[a.pcs.length - 1]!;
		for (const s of a.pcs.slice(0, -1))
			addEdge(`s:${s.title}`, { to: key }, 'pro', s.startLine ?? 0);
		addEdge(key, { to: `s:${conclusion.title}` }, 'pro', conclusion.startLine ?? 0, false);
		const lost: string[] = [];
		if (a.pcs.some((s) => s.role === 'intermediary-conclusion'))
			lost.push('its intermediate conclusions were read as premises');
		const rules = a.pcs.flatMap(
			(s) => (s as { inference?: IInference }).inference?.inferenceRules ?? []
		);
		if (rules.some((r) => r !== '')) lost.push('its inference rules were not kept');
		if (lost.length > 0)
			warn(
				a.startLine ?? nodeOf.get(key)?.line ?? 0,
				`the premise–conclusion structure of <${a.title}> was read as premises supporting the argument and the argument supporting its conclusion: ${lost.join('; ')}`
			);
	}

	// Undercuts named in the data (what this module writes): `undercuts: [{from, to, stance}]`.
	const hints = (from: Key) => {
		const list = nodeOf.get(from)?.data.undercuts;
		return (Array.isArray(list) ? list : []).filter(isObject);
	};
	const plainTargets = (key: Key) =>
		edges.flatMap((e) => (e.from === key && 'to' in e.target ? [e.target.to] : []));
	for (const e of edges) {
		if (!('to' in e.target) || e.stance !== 'pro') continue;
		const x = e.target.to;
		const xId = nodeOf.get(x)!.id;
		const hint = hints(e.from).find(
			(h) =>
				h.from === xId &&
				h.stance === 'pro' &&
				plainTargets(x).includes(keyOfId.get(String(h.to)) ?? '')
		);
		if (hint) e.target = { link: { from: x, to: keyOfId.get(String(hint.to))! } };
	}
	for (const { rel, line } of pending) {
		const from = keyOf(rel.from!);
		const stance: Stance =
			rel.relationType === 'support' || rel.relationType === 'entails' ? 'pro' : 'con';
		const to = rel.to!;
		if (to.type === 'inference') {
			const a = to.argumentTitle !== undefined ? args[to.argumentTitle] : undefined;
			const conclusion = a?.pcs[a.pcs.length - 1];
			if (!a || !conclusion) {
				warn(line, 'a relation to an inference of no known argument was left out');
				continue;
			}
			if (to.conclusionIndex !== undefined && to.conclusionIndex !== a.pcs.length - 1)
				warn(
					line,
					`a relation to an intermediate inference of <${a.title}> was read as one to its main inference`
				);
			addEdge(from, { link: { from: keyOf(a), to: `s:${conclusion.title}` } }, stance, line);
			continue;
		}
		const x = keyOf(to);
		const xNode = nodeOf.get(x);
		if (!xNode || !nodeOf.has(from)) continue;
		const candidates = [...new Set(plainTargets(x))];
		const hint = hints(from).find(
			(h) =>
				h.from === xNode.id &&
				(h.stance ?? 'con') === stance &&
				candidates.includes(keyOfId.get(String(h.to)) ?? '')
		);
		const linkTo = hint
			? keyOfId.get(String(hint.to))
			: candidates.length === 1
				? candidates[0]
				: undefined;
		if (linkTo !== undefined) addEdge(from, { link: { from: x, to: linkTo } }, stance, line);
		else {
			addEdge(from, { to: x }, stance, line);
			warn(
				line,
				`the undercut of "${xNode.title}" was read as an attack on it: ${candidates.length === 0 ? 'it has no relation to undercut' : `it has ${candidates.length} relations and the undercut does not say which`}`
			);
		}
	}

	// ---- Each claim's main target: prefer the relation on its defining line; no circles.
	const outgoing = new Map<Key, Edge[]>(nodes.map((n) => [n.key, []]));
	for (const e of edges) outgoing.get(e.from)!.push(e);
	for (const list of outgoing.values())
		list.sort((a, b) => Number(b.defining) - Number(a.defining) || a.line - b.line);
	const primary = new Map<Key, Edge | undefined>(
		nodes.map((n) => [n.key, outgoing.get(n.key)![0]])
	);
	const madeRoots = new Set<Key>();
	for (;;) {
		// Which claims reach a root by following main targets?
		const reaches = new Map<Key, boolean>();
		const walk = (start: Key) => {
			const trail: Key[] = [];
			const onTrail = new Set<Key>();
			let at: Key | undefined = start;
			let result = false;
			while (at !== undefined) {
				const known = reaches.get(at);
				if (known !== undefined) {
					result = known;
					break;
				}
				if (onTrail.has(at)) break;
				trail.push(at);
				onTrail.add(at);
				const e = primary.get(at);
				if (!e) {
					result = true;
					break;
				}
				at = parentOf(e.target);
			}
			for (const k of trail) reaches.set(k, result);
		};
		for (const n of nodes) walk(n.key);
		const stuck = nodes.filter((n) => !reaches.get(n.key));
		if (stuck.length === 0) break;
		// The claims on a circle (not those merely leading into one).
		const circle = stuck.filter((n) => {
			let at = parentOf(primary.get(n.key)!.target);
			for (let i = 0; i <= nodes.length; i++) {
				if (at === n.key) return true;
				const e = primary.get(at);
				if (!e) return false;
				at = parentOf(e.target);
			}
			return false;
		});
		let fixed = false;
		for (const n of circle) {
			const alternative = outgoing
				.get(n.key)!
				.find((e) => e !== primary.get(n.key) && reaches.get(parentOf(e.target)));
			if (alternative) {
				primary.set(n.key, alternative);
				fixed = true;
				break;
			}
		}
		if (!fixed) {
			const n = circle[0] ?? stuck[0]!;
			primary.set(n.key, undefined);
			madeRoots.add(n.key);
			warn(
				n.line,
				`the relations of "${n.title}" go round in a circle, so it was made a root (its relations are kept as further relations)`
			);
		}
	}

	// ---- Front matter
	const fm = isObject(response.frontMatter) ? response.frontMatter : {};
	const cp = isObject(fm.counterpoint) ? fm.counterpoint : {};
	const listed = <T extends { id: string }>(
		name: string,
		schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }
	): T[] => {
		const value = cp[name];
		if (value === undefined) return [];
		const out: T[] = [];
		const ids = new Set<string>();
		for (const item of Array.isArray(value) ? value : [value]) {
			const parsed = schema.safeParse(item);
			if (parsed.success && !ids.has(parsed.data.id)) {
				ids.add(parsed.data.id);
				out.push(parsed.data);
			} else
				warn(
					frontMatterLine,
					`an entry of counterpoint.${name} in the front matter is not valid; it was left out`
				);
		}
		return out;
	};
	const sources = listed('sources', Source);
	const actors = listed('actors', Actor);
	const givenTags = listed('tags', Tag);
	const sourceIds = new Set(sources.map((s) => s.id));
	const actorIds = new Set(actors.map((a) => a.id));

	// ---- Tags: those of the front matter, then every #tag used by a claim.
	const tags: { id: string; label: unknown }[] = [...givenTags];
	const tagTaken = new Set(givenTags.map((t) => t.id));
	const tagId = new Map<string, string>(givenTags.map((t) => [t.id, t.id]));
	const tagFor = (name: string) => {
		let id = tagId.get(name);
		if (id === undefined) {
			id = makeId(name, tagTaken, 'tag');
			tagId.set(name, id);
			tags.push({ id, label: name });
		}
		return id;
	};

	// ---- Claims
	const claims: Record<string, unknown>[] = [];
	for (const n of nodes) {
		const claim: Record<string, unknown> = { id: n.id };
		const d = n.data;
		// Fields in the data are checked by the debate schema's own rules (`Claim.shape`), so a
		// field added to claims is read, and checked, the same way here.
		const kind = Claim.shape.kind.safeParse(d.kind);
		if (d.kind !== undefined && kind.success) claim.kind = kind.data;
		else if (n.kind === 'argument') claim.kind = 'argument';
		if (d.kind !== undefined && !kind.success)
			warn(
				n.line,
				`the kind of "${n.title}" is not ${Claim.shape.kind
					.unwrap()
					.options.map((o) => `"${o}"`)
					.join(', ')}; it was left out`
			);
		const fitted = fitClaimText(n.text || n.title);
		claim.text = fitted.text;
		if (n.explicit && n.title !== n.id) claim.title = fitTitle(n.title);
		const detail =
			d.detail !== undefined && LocalisedText.safeParse(d.detail).success ? d.detail : undefined;
		if (d.detail !== undefined && detail === undefined)
			warn(
				n.line,
				`the detail of "${n.title}" is not text of at most ${LONG_TEXT_MAX.toLocaleString('en-US')} characters; it was left out`
			);
		if (fitted.shortened) {
			warn(
				n.line,
				`the text of "${n.title}" is longer than a claim may be; it was shortened, and the whole text kept as its detail`
			);
			claim.detail = detail ?? fitted.detail;
		} else if (detail !== undefined) claim.detail = detail;
		const main = primary.get(n.key);
		const toTarget = (t: Target) =>
			'to' in t
				? nodeOf.get(t.to)!.id
				: { from: nodeOf.get(t.link.from)!.id, to: nodeOf.get(t.link.to)!.id };
		if (main) {
			claim.stance = main.stance;
			claim.target = toTarget(main.target);
		}
		const also = outgoing
			.get(n.key)!
			.filter((e) => e !== main)
			.map((e) => ({ target: toTarget(e.target), stance: e.stance }));
		if (also.length > 0) claim.also = also;
		if (d.actor !== undefined) {
			if (typeof d.actor === 'string' && actorIds.has(d.actor)) claim.actor = d.actor;
			else warn(n.line, `the actor of "${n.title}" is not in counterpoint.actors; it was left out`);
		}
		const claimTags = [...new Set(n.tags.map(tagFor))];
		if (claimTags.length > 0) claim.tags = claimTags;
		if (d.evidence !== undefined) {
			const list = Array.isArray(d.evidence) ? d.evidence : [d.evidence];
			const kept = list.flatMap((item) => {
				const parsed = Evidence.safeParse(item);
				return parsed.success && sourceIds.has(parsed.data.source) ? [parsed.data] : [];
			});
			if (kept.length < list.length)
				warn(
					n.line,
					`${list.length - kept.length} evidence entr${list.length - kept.length > 1 ? 'ies' : 'y'} of "${n.title}" ${list.length - kept.length > 1 ? 'are' : 'is'} not valid or name${list.length - kept.length > 1 ? '' : 's'} an unknown source; left out`
				);
			if (kept.length > 0) claim.evidence = kept;
		}
		if (d.note !== undefined) {
			if (LocalisedText.safeParse(d.note).success) claim.note = d.note;
			else
				warn(
					n.line,
					`the note of "${n.title}" is not text of at most ${LONG_TEXT_MAX.toLocaleString('en-US')} characters; it was left out`
				);
		}
		if (d.baseScore !== undefined) {
			const score = Claim.shape.baseScore.safeParse(d.baseScore);
			if (score.success) claim.baseScore = score.data;
			else
				warn(n.line, `the baseScore of "${n.title}" is not a number from 0 to 1; it was left out`);
		}
		claims.push(claim);
	}

	// ---- The thesis: marked in the data, else the root with most claims under it.
	const below = new Map<Key, number>();
	const childrenOf = new Map<Key, Key[]>();
	for (const n of nodes) {
		const e = primary.get(n.key);
		if (e)
			childrenOf.set(parentOf(e.target), [...(childrenOf.get(parentOf(e.target)) ?? []), n.key]);
	}
	const count = (root: Key): number => {
		let total = 0;
		const stack = [root];
		while (stack.length > 0) {
			for (const c of childrenOf.get(stack.pop()!) ?? []) {
				total++;
				stack.push(c);
			}
		}
		return total;
	};
	const roots = nodes.filter((n) => !primary.get(n.key));
	for (const r of roots) below.set(r.key, count(r.key));
	const rank = (n: Node) => [
		n.data.thesis === true ? 1 : 0,
		madeRoots.has(n.key) || outgoing.get(n.key)!.length > 0 ? 0 : 1,
		below.get(n.key) ?? 0
	];
	const thesis = roots.reduce((best, n) => {
		const [a, b] = [rank(n), rank(best)];
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]! ? n : best;
		return best;
	}, roots[0]!);

	// ---- The debate
	const sections: ISection[] = response.sections ?? [];
	const allSections = (list: ISection[]): ISection[] =>
		list.flatMap((s) => [s, ...allSections(s.children ?? [])]);
	const headings = allSections(sections);
	const fileName = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
	const given =
		typeof fm.title === 'string' || typeof fm.title === 'number' ? String(fm.title).trim() : '';
	// The title as written, with its markup characters, unless the front matter's has been
	// edited since (then that one is the author's).
	const exact = typeof cp.title === 'string' ? cp.title.trim() : '';
	const fmTitle = exact && markupFree(exact) === given ? exact : given;
	const headingTitle = fmTitle ? '' : (headings[0]?.title?.trim() ?? '');
	const title = fmTitle || headingTitle || fileName;
	const groups = headingTitle ? headings.slice(1) : headings;
	if (groups.length > 0) {
		const n = groups.length;
		warn(
			groups[0]!.startLine ?? 0,
			`${n} heading${n > 1 ? 's' : ''} group${n > 1 ? '' : 's'} the Argdown map; Counterpoint has no groups, so ${n > 1 ? 'they were' : 'it was'} not kept`
		);
	}
	const language =
		typeof cp.language === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(cp.language)
			? cp.language
			: debateLanguage(
					claims.map((c) => String(c.text)),
					(message, hint) => warn(frontMatterLine, message, hint)
				);
	const debate = importedFrame({
		id: typeof cp.id === 'string' && cp.id.trim() ? cp.id : title,
		title,
		format: 'Argdown',
		file,
		language
	});
	const summary = [cp.summary, fm.abstract, fm.subTitle].find(
		(s) => s !== undefined && LocalisedText.safeParse(s).success
	);
	const ids = new Set(nodes.map((n) => n.id));
	const tour = Array.isArray(cp.tour) ? cp.tour.filter((id) => ids.has(id as string)) : [];
	const data = {
		...debate,
		...(summary !== undefined ? { summary } : {}),
		...(tour.length > 0 ? { tour } : {}),
		thesis: thesis.id,
		tags,
		actors,
		sources,
		claims
	};
	const lines = nodes.map((n) => n.line);
	const locate: Locate = (path) => {
		const at = (line: number) => ({ line, column: line > 0 ? 1 : 0 });
		if (path[0] === 'claims' && typeof path[1] === 'number') return at(lines[path[1]] ?? 0);
		if (path[0] === 'thesis') return at(thesis.line);
		return at(frontMatterLine);
	};
	return { ok: true, data, warnings, locate };
}

// ---------------------------------------------------------------------------------------------
// Detecting

const TITLE = String.raw`(?:\[[^\]\n]+\]|<[^>\n]+>)`;
const RELATION = String.raw`(?:<?[+\-_]|[+\-_]>|><)`;
const DEFINITION_LINE = new RegExp(
	String.raw`^[ \t]*(?:${RELATION}[ \t]+)?${TITLE}:[ \t]+(?!<?(?:https?|ftp|mailto):)\S`,
	'gm'
);
const RELATION_LINE = new RegExp(String.raw`^[ \t]+${RELATION}[ \t]+${TITLE}(?!\()`, 'gm');

function sniffArgdown(input: string): number {
	const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).slice(0, 64 * 1024);
	// Counterpoint's own YAML and JSON.
	if (/^(?:\$schema|formatVersion)\s*:/m.test(text)) return 0;
	if (/^\s*\{[\s\S]*"formatVersion"\s*:/.test(text)) return 0;
	const definitions = text.match(DEFINITION_LINE)?.length ?? 0;
	const relations = text.match(RELATION_LINE)?.length ?? 0;
	if (definitions === 0 && relations === 0) return 0;
	if (/^\s*===+[ \t]*\r?\n[\s\S]*?\n===+[ \t]*(?:\r?\n|$)/.test(text)) return 0.95;
	if (definitions > 0 && relations > 0) return 0.9;
	return relations > 0 ? 0.6 : 0.5;
}

export const argdownCodec: Codec<'argdown'> = {
	...FORMATS.argdown,
	sniff: sniffArgdown,
	decode: async (text, { file }) => {
		// Before the parser is even loaded: a line no one can edit is refused with its number.
		const tooLong = lineTooLong(
			text,
			file,
			MAX_ARGDOWN_LINE_LENGTH,
			'break the text into lines: an Argdown statement goes on over the lines below it, up to the next empty line; a passage that long belongs in a source'
		);
		if (tooLong) return { ok: false, errors: [tooLong], warnings: [] };
		try {
			return decodeArgdown(await loadArgdown(), text, file);
		} catch (e) {
			// A bug here must give a message, not a broken page.
			return {
				ok: false,
				errors: [error(file, 0, `the Argdown reader failed: ${(e as Error).message}`)],
				warnings: []
			};
		}
	},
	encode: (debate, options) => encodeArgdown(debate, options)
};
