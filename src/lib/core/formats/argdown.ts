/**
 * Argdown (argdown.org), read with `@argdown/core` itself and written so that it reads back.
 *
 * Reading (parse + model by `@argdown/core`, then mapped; `argdown-reader/run.ts` runs the parser,
 * `argdown-reader/map-model.ts` maps its model, one module of `argdown-reader/` a step):
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
import { shortcodes } from '@argdown/core/dist/plugins/shortcodes.js';
import { stringify } from 'yaml';
import { lineTooLong, MAX_ARGDOWN_LINE_LENGTH } from '../load/lines';
import type { Claim, Debate } from '../schema/debate';
import { textIn } from '../schema/localised';
import { error } from './build';
import { FORMATS } from './catalog';
import type { Codec, DecodeResult, EncodeOptions } from './codec';
import { markupFree } from './argdown-reader/front-matter';
import { mapModel } from './argdown-reader/map-model';
import { loadArgdown, runArgdown, type ArgdownCore } from './argdown-reader/run';

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

/** The debate read from an Argdown file: parsed, and the model mapped (see `argdown-reader/map-model.ts`). */
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
