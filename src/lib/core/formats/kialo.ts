import type { Diagnostic } from '../load/diagnostic';
import { lineTooLong, MAX_LINE_LENGTH } from '../load/lines';
import type { Claim, Debate, Evidence, RelationTarget, Stance } from '../schema/debate';
import { LONG_TEXT_MAX } from '../schema/localised';
import { textIn } from '../schema/localised';
import {
	debateLanguage,
	error,
	fitClaimText,
	guessLanguage,
	importedFrame,
	makeId,
	warning
} from './build';
import { FORMATS } from './catalog';
import { fullText } from './left-out';
import type { Codec, DecodeResult, Locate } from './codec';

/**
 * Kialo's plain-text export, in both of its layouts (see `formats.md` in the research notes).
 *
 * NEW (current) layout, which `encode` writes:
 *
 *     Discussion Name:␍␤<title>␍␤␍␤1. Thesis:␍␤<text>␍␤␍␤  1.1. Pro:␍␤  <text [1]>␍␤␍␤ …
 *     Sources:␍␤[1] https://…␍␤"quoted excerpt"      (CRLF, no newline at the end)
 *
 * OLD layout, read only: `Discussion Title: <title>`, a blank line, then one line per claim
 * (`1.2.3. Con: text`) in Kialo markdown — `\( \) \[ \] \@` escaped, links as `[label](url)`.
 *
 * What does not fit, and what is done about it:
 * - A claim with a second parent (`also`) is written once, under its main target, and as a
 *   `-> See <its number>` entry under each other target. Reading turns each `-> See` entry back
 *   into an `also` relation of the linked claim (one claim, two relations).
 * - Kialo has one root. A debate whose thesis is a question is written as `1. Question:`, its
 *   pro answers as `1.N. Thesis:`. A debate with several roots is written as a `1. Question:`
 *   holding the debate's title, with each root as a `1.N. Thesis:` below it; reading that back
 *   gives the question as the thesis and the roots as its answers (pro claims of the question).
 * - An undercut (a relation aimed at the link from claim A to claim B) is written as a Pro/Con
 *   of A, the claim whose support it questions: the nearest Kialo can say. It reads back as a
 *   plain relation to A.
 * - Evidence becomes footnotes: a marker `[n]` after the claim text for each piece, numbered
 *   across the file in order of appearance, and `[n] <url or source title>` with the quote in
 *   double quotes under `Sources:`. Numbers that a claim text already contains as `[n]` are
 *   skipped, so such text reads back as text. Reading makes one source per distinct URL.
 * - Claim texts are written on one line (line breaks become spaces). A text that would read as
 *   a link (`-> See 1.2.`) is written with `→` instead of `->`. Titles, details, notes, tags,
 *   actors and translations are not written: the format has no place for them.
 * - A Kialo `-> See discussion #n: …` link (to another discussion) and a `-> See` link to an
 *   entry that does not exist cannot be imported: each gives a warning and a note on the claim
 *   the link stood under.
 *
 * Reading: claim ids come from the Kialo numbers (`1.2.3.` → `k1-2-3`), stances are relative to
 * the parent entry, a `1. Question:` root becomes a thesis of kind `question` whose `1.N. Thesis:`
 * entries are its pro claims. Each web address cited (a footnote's URL, an old-layout link) is one
 * source (title: host and path; organisation: host; type `other`; status `unconfirmed`); a
 * footnote without one is a source of its own, named by its text or the start of its quote. Each
 * marker `[n]` is a piece of evidence (kind `quote` with the footnote's quote, else `document`
 * with the address as its quote; locator `footnote [n]`) and is taken out of the claim text.
 * Any line ending, a byte-order mark, tabs and a missing final newline are all accepted; errors
 * name the line of the entry they are about.
 */

type Label = 'Thesis' | 'Question' | 'Pro' | 'Con';

const HEADER = /^[ \t]*(\d+(?:\.\d+)*\.)[ \t]+(Thesis|Question|Pro|Con)[ \t]*:[ \t]*$/i;
const OLD_LINE = /^[ \t]*(\d+(?:\.\d+)*\.)(?:[ \t]+(.*))?$/;
const OLD_LABEL = /^(Thesis|Question|Pro|Con):(?:[ \t]+(.*)|[ \t]*)$/i;
const LINK = /^->[ \t]*See[ \t]+(\d+(?:\.\d+)*)\.?[ \t]*$/i;
const DISCUSSION_LINK = /^->[ \t]*See[ \t]+discussion\b/i;
// Both patterns are linear on a line of 100,000 spaces: the text after a footnote number is
// trimmed by the reader rather than by a lazy `(.*?)[ \t]*$`, and a marker's leading blanks are
// matched only from the start of a run of blanks; each was quadratic before (4 s on one line).
export const FOOTNOTE = /^[ \t]*\[(\d{1,9})\](?:[ \t](.*))?$/;
export const MARKER = /(?<![ \t])[ \t]*\[(\d{1,9})\]/g;
/** How a Kialo export starts; anchored to the start of the text, so tried once. */
export const KIALO_SIGNATURE = /^\uFEFF?\s*Discussion (Name|Title)[ \t]*:/i;
const SOURCES = /^Sources[ \t]*:[ \t]*$/i;
const NAME = /^Discussion Name[ \t]*:[ \t]*(.*)$/i;
const TITLE = /^Discussion Title[ \t]*:[ \t]*(.*)$/i;
/** A line that looks like an entry but whose number is misspelt: `1.2 Pro:`, `1..2. Con: text`. */
const BAD_NUMBER = /^[ \t]*(\d[\d.]*)[ \t]*(?:Thesis|Question|Pro|Con)[ \t]*:/i;
const MAX_ERRORS = 100;

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
const labelOf = (s: string) => (s[0]!.toUpperCase() + s.slice(1).toLowerCase()) as Label;
/** `1.02.3` → `1.2.3.`: one spelling per entry number. */
const keyOf = (number: string) =>
	number
		.replace(/\.$/, '')
		.split('.')
		.map((p) => p.replace(/^0+(?=\d)/, ''))
		.join('.') + '.';
const parentKeyOf = (key: string) => key.replace(/\d+\.$/, '');
const depthOf = (key: string) => key.split('.').length - 1;

function webUrl(s: string): URL | undefined {
	try {
		const url = new URL(s);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
			? url
			: undefined;
	} catch {
		return undefined;
	}
}

// ---------------------------------------------------------------------------------------------
// Writing

interface Item {
	number: string;
	label: Label;
	/** The claim written here, or (with `link`) the claim a `-> See` entry points at. */
	claim?: Claim;
	link?: boolean;
	/** Text of an entry that is no claim: the question above several roots. */
	text?: string;
}

function encodeKialo(debate: Debate, lang?: string): string {
	const primary = debate.language;
	const say = (v: Parameters<typeof textIn>[0]) => textIn(v, lang ?? primary, primary);
	const byId = new Map(debate.claims.map((c) => [c.id, c]));
	const sources = new Map(debate.sources.map((s) => [s.id, s]));
	const parentOf = (t: RelationTarget) => (typeof t === 'string' ? t : t.from);

	// What goes under each claim, in file order: its claims, and links to claims it also has.
	const kids = new Map<string, { claim: Claim; stance: Stance; link: boolean }[]>();
	const add = (parent: string, kid: { claim: Claim; stance: Stance; link: boolean }) => {
		if (!byId.has(parent)) return;
		const list = kids.get(parent) ?? [];
		list.push(kid);
		kids.set(parent, list);
	};
	for (const c of debate.claims) {
		if (c.target !== undefined && c.stance !== undefined)
			add(parentOf(c.target), { claim: c, stance: c.stance, link: false });
		for (const r of c.also ?? [])
			add(parentOf(r.target), { claim: c, stance: r.stance, link: true });
	}

	const items: Item[] = [];
	const numberOf = new Map<string, string>();
	const childLabel = (parent: Item, stance: Stance): Label =>
		parent.label === 'Question' && stance === 'pro' ? 'Thesis' : stance === 'pro' ? 'Pro' : 'Con';
	const visit = (start: Item) => {
		const stack = [start];
		while (stack.length > 0) {
			const item = stack.pop()!;
			if (item.claim && !item.link) {
				if (numberOf.has(item.claim.id)) continue;
				numberOf.set(item.claim.id, item.number);
			}
			items.push(item);
			if (!item.claim || item.link) continue;
			const below = (kids.get(item.claim.id) ?? []).map((k, i): Item => ({
				number: `${item.number}${i + 1}.`,
				label: childLabel(item, k.stance),
				claim: k.claim,
				link: k.link
			}));
			stack.push(...below.reverse());
		}
	};

	const thesis = byId.get(debate.thesis) ?? debate.claims[0]!;
	const others = debate.claims.filter((c) => c.target === undefined && c !== thesis);
	if (others.length === 0) {
		visit({
			number: '1.',
			label: thesis.kind === 'question' ? 'Question' : 'Thesis',
			claim: thesis
		});
	} else if (thesis.kind === 'question') {
		visit({ number: '1.', label: 'Question', claim: thesis });
		const n = kids.get(thesis.id)?.length ?? 0;
		others.forEach((c, i) => visit({ number: `1.${n + i + 1}.`, label: 'Thesis', claim: c }));
	} else {
		items.push({ number: '1.', label: 'Question', text: say(debate.title) });
		[thesis, ...others].forEach((c, i) =>
			visit({ number: `1.${i + 1}.`, label: 'Thesis', claim: c })
		);
	}

	const bodyOf = (item: Item): string => {
		if (item.link) return `-> See ${numberOf.get(item.claim!.id) ?? '1.'}`;
		// The whole text, not the 160 characters a claim shows: Kialo holds long texts.
		const text = clean(item.text ?? fullText(item.claim!, lang ?? primary, primary));
		return LINK.test(text) || DISCUSSION_LINK.test(text) ? text.replace(/^->/, '→') : text;
	};
	const bodies = items.map(bodyOf);

	// Footnotes, numbered in order of appearance, skipping numbers the texts use as text.
	const literal = new Set(bodies.flatMap((b) => [...b.matchAll(MARKER)].map((m) => Number(m[1]))));
	let next = 0;
	const footnotes: string[] = [];
	const lines = ['Discussion Name:', clean(say(debate.title)), ''];
	items.forEach((item, i) => {
		let body = bodies[i]!;
		if (item.claim && !item.link) {
			for (const ev of item.claim.evidence ?? []) {
				do next++;
				while (literal.has(next));
				body += ` [${next}]`;
				footnotes.push(...footnote(next, ev));
			}
		}
		const indent = '  '.repeat(depthOf(item.number) - 1);
		lines.push(`${indent}${item.number} ${item.label}:`, `${indent}${body}`, '');
	});

	function footnote(n: number, ev: Evidence): string[] {
		const source = sources.get(ev.source);
		const ref = source?.url
			? source.url.trim().replace(/\s/g, (c) => encodeURIComponent(c))
			: clean(source ? say(source.title) : ev.source) || ev.source;
		if (ev.kind === 'document' && ev.quote.trim() === ref) return [`[${n}] ${ref}`];
		const quote: string[] = [];
		for (const line of `"${ev.quote}"`.split(/\r\n|\r|\n/)) {
			// A quote line must not read as the start of the next footnote.
			if (quote.length > 0 && FOOTNOTE.test(line)) quote[quote.length - 1] += ` ${line.trim()}`;
			else quote.push(line);
		}
		return [`[${n}] ${ref}`, ...quote];
	}

	if (footnotes.length > 0) lines.push('Sources:', ...footnotes);
	else lines.pop();
	return lines.join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// Reading

interface Entry {
	key: string;
	number: string;
	label?: Label;
	line: number;
	body: string[];
}

interface Footnote {
	n: string;
	line: number;
	url?: string;
	ref: string;
	quote: string;
	used: boolean;
}

interface Read {
	title: string;
	titleLine: number;
	entries: Entry[];
	footnotes: Map<string, Footnote>;
	hasSources: boolean;
	old: boolean;
}

/**
 * Errors and notes, the first {@link MAX_ERRORS} of each listed in full (a damaged file of
 * 100,000 entries must not make 100,000 messages) and the rest counted in a last "and N more".
 */
class Problems {
	private readonly listedErrors: Diagnostic[] = [];
	private readonly listedWarnings: Diagnostic[] = [];
	private moreErrors = 0;
	private moreWarnings = 0;
	constructor(readonly file: string) {}
	error(line: number, message: string, hint?: string) {
		if (this.listedErrors.length < MAX_ERRORS)
			this.listedErrors.push(error(this.file, line, message, hint));
		else this.moreErrors++;
	}
	warn(line: number, message: string, hint?: string, path = '') {
		if (this.listedWarnings.length < MAX_ERRORS)
			this.listedWarnings.push(warning(this.file, line, message, hint, path));
		else this.moreWarnings++;
	}
	get errors(): Diagnostic[] {
		return this.moreErrors === 0
			? this.listedErrors
			: [
					...this.listedErrors,
					error(
						this.file,
						0,
						`and ${this.moreErrors} more errors, not listed`,
						'fix the ones above and import again to see them'
					)
				];
	}
	get warnings(): Diagnostic[] {
		return this.moreWarnings === 0
			? this.listedWarnings
			: [
					...this.listedWarnings,
					warning(this.file, 0, `and ${this.moreWarnings} more notes, not listed`)
				];
	}
}

/** Splits the text into lines, whatever the line endings, without a byte-order mark. */
function splitLines(text: string): string[] {
	return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
}

function readNew(lines: string[], at: number, problems: Problems): Read {
	const inline = clean(NAME.exec(lines[at]!.trim())![1]!);
	let title = inline;
	let titleLine = at + 1;
	let i = at + 1;
	if (!title) {
		const next = lines[i];
		if (next !== undefined && next.trim() !== '') {
			title = clean(next);
			titleLine = i + 1;
			i++;
		}
	}
	if (!title)
		problems.warn(
			at + 1,
			'the discussion has no name',
			'put it on the line after "Discussion Name:"'
		);

	const entries: Entry[] = [];
	let state: 'between' | 'header' | 'body' | 'skip' = 'between';
	let sourcesAt = -1;
	for (; i < lines.length; i++) {
		const line = lines[i]!;
		const trimmed = line.trim();
		if (trimmed === '') {
			state = 'between';
			continue;
		}
		if (state === 'header') {
			// The line after an entry header is always its text, whatever it looks like.
			entries[entries.length - 1]!.body.push(trimmed);
			state = 'body';
			continue;
		}
		if (state !== 'skip' && SOURCES.test(line) && !/^\s/.test(line)) {
			sourcesAt = i;
			break;
		}
		const header = HEADER.exec(line);
		if (header && state !== 'skip') {
			entries.push({
				key: keyOf(header[1]!),
				number: header[1]!,
				label: labelOf(header[2]!),
				line: i + 1,
				body: []
			});
			state = 'header';
			continue;
		}
		if (state === 'body') {
			entries[entries.length - 1]!.body.push(trimmed);
			continue;
		}
		if (state === 'skip') continue;
		if (!badNumber(line, i + 1, problems))
			problems.error(
				i + 1,
				`"${trimmed.slice(0, 60)}" is not a Kialo entry header`,
				'each entry starts with its number and side on a line of its own, as in "1.2. Pro:"'
			);
		// Skip the rest of this entry: one mistake, one message.
		state = 'skip';
	}

	const footnotes = new Map<string, Footnote>();
	if (sourcesAt >= 0) {
		let current: { n: string; line: number; rest: string; lines: string[] } | undefined;
		const finish = () => {
			if (!current) return;
			const note = readFootnote(current.n, current.line, current.rest, current.lines);
			if (footnotes.has(note.n))
				problems.warn(
					note.line,
					`footnote [${note.n}] appears twice; the first one is used`,
					`the first is at line ${footnotes.get(note.n)!.line}`
				);
			else if (!note.ref && !note.quote && !note.url)
				problems.warn(note.line, `footnote [${note.n}] is empty`);
			else footnotes.set(note.n, note);
		};
		for (let j = sourcesAt + 1; j < lines.length; j++) {
			const line = lines[j]!;
			const m = FOOTNOTE.exec(line);
			if (m) {
				finish();
				current = { n: String(Number(m[1])), line: j + 1, rest: (m[2] ?? '').trim(), lines: [] };
			} else if (current) current.lines.push(line);
			else if (line.trim() !== '')
				problems.warn(
					j + 1,
					'this line under "Sources:" is not in a footnote and was left out',
					'footnotes start with their number, as in "[1] https://…"'
				);
		}
		finish();
	}
	return { title, titleLine, entries, footnotes, hasSources: sourcesAt >= 0, old: false };
}

/** Reports a misspelt entry number on `line`, if that is what it has. */
function badNumber(line: string, at: number, problems: Problems): boolean {
	const number = BAD_NUMBER.exec(line)?.[1];
	if (number === undefined) return false;
	problems.error(
		at,
		number.endsWith('.')
			? `bad entry number "${number}": Kialo numbers are whole numbers joined by dots, as in "1.2."`
			: `bad entry number "${number}": Kialo numbers end with a dot, as in "1.2."`,
		'correct the number; it is the number of the entry this one answers, a dot, and its own place'
	);
	return true;
}

/** One footnote: `[n] <url or reference>`, then an optional quote over any number of lines. */
function readFootnote(n: string, line: number, rest: string, more: string[]): Footnote {
	const lines = [...more];
	while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
	while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
	const first = rest.split(/\s+/)[0] ?? '';
	const url = first ? webUrl(first) : undefined;
	let ref = '';
	let quote: string;
	if (url) {
		const remainder = rest.slice(first.length).trim();
		quote = [remainder, ...lines].filter((l, i) => i > 0 || l !== '').join('\n');
	} else if (lines.length > 0 || !/^["“]/.test(rest)) {
		ref = clean(rest);
		quote = lines.join('\n');
	} else quote = rest;
	quote = quote.trim();
	if (/^["“]/.test(quote) && /["”]$/.test(quote) && quote.length >= 2)
		quote = quote.slice(1, -1).trim();
	return { n, line, url: url ? first : undefined, ref, quote, used: false };
}

function readOld(lines: string[], at: number, problems: Problems): Read {
	const title = clean(TITLE.exec(lines[at]!.trim())![1]!);
	if (!title)
		problems.warn(at + 1, 'the discussion has no title', 'write it after "Discussion Title:"');
	const entries: Entry[] = [];
	for (let i = at + 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.trim() === '') continue;
		const m = OLD_LINE.exec(line);
		if (!m) {
			if (!badNumber(line, i + 1, problems))
				problems.error(
					i + 1,
					`"${line.trim().slice(0, 60)}" is not a Kialo claim line`,
					'each line holds one claim: its number, its side and its text, as in "1.2. Pro: text"'
				);
			continue;
		}
		const rest = (m[2] ?? '').trim();
		const labelled = OLD_LABEL.exec(rest);
		entries.push({
			key: keyOf(m[1]!),
			number: m[1]!,
			label: labelled ? labelOf(labelled[1]!) : undefined,
			line: i + 1,
			body: [labelled ? (labelled[2] ?? '').trim() : rest].filter((b) => b !== '')
		});
	}
	return {
		title,
		titleLine: at + 1,
		entries,
		footnotes: new Map(),
		hasSources: false,
		old: true
	};
}

/** Kialo markdown to plain text: escapes undone, `[label](url)` links to their label. */
function readMarkdown(raw: string): { text: string; links: { label: string; url: string }[] } {
	const links: { label: string; url: string }[] = [];
	let text = '';
	let i = 0;
	while (i < raw.length) {
		const ch = raw[i]!;
		if (ch === '\\' && i + 1 < raw.length) {
			const next = raw[i + 1]!;
			if (next === 'n') text += ' ';
			else if (/[!-/:-@[-`{-~]/.test(next)) text += next;
			else text += ch + next;
			i += 2;
			continue;
		}
		if (ch === '[') {
			const link = readLink(raw, i);
			if (link) {
				const label = readMarkdown(link.label);
				text += label.text;
				links.push(...label.links, { label: clean(label.text), url: link.url });
				i = link.end;
				continue;
			}
		}
		text += ch;
		i++;
	}
	return { text, links };
}

/** A `[label](url)` link starting at `start`, escapes and nested brackets allowed. */
function readLink(
	raw: string,
	start: number
): { label: string; url: string; end: number } | undefined {
	let depth = 0;
	let i = start;
	for (; i < raw.length; i++) {
		const ch = raw[i];
		if (ch === '\\') i++;
		else if (ch === '[') depth++;
		else if (ch === ']' && --depth === 0) break;
	}
	if (i >= raw.length || raw[i + 1] !== '(') return undefined;
	const labelEnd = i;
	depth = 0;
	for (i = labelEnd + 1; i < raw.length; i++) {
		const ch = raw[i];
		if (ch === '\\') i++;
		else if (ch === '(') depth++;
		else if (ch === ')' && --depth === 0) break;
	}
	if (i >= raw.length) return undefined;
	const url = raw
		.slice(labelEnd + 2, i)
		.replace(/\\(.)/g, '$1')
		.trim();
	return { label: raw.slice(start + 1, labelEnd), url, end: i + 1 };
}

function decodeKialo(text: string, file: string): DecodeResult {
	const tooLong = lineTooLong(
		text,
		file,
		MAX_LINE_LENGTH,
		'break the text into lines: the lines of a Kialo entry are joined into one text, up to the next empty line; a passage that long belongs in a source'
	);
	if (tooLong) return { ok: false, errors: [tooLong], warnings: [] };
	const problems = new Problems(file);
	const lines = splitLines(text);
	const at = lines.findIndex((l) => l.trim() !== '');
	const first = at >= 0 ? lines[at]!.trim() : '';
	let read: Read;
	if (NAME.test(first)) read = readNew(lines, at, problems);
	else if (TITLE.test(first)) read = readOld(lines, at, problems);
	else {
		problems.error(
			Math.max(at, 0) + 1,
			'this is not a Kialo text export: it does not start with "Discussion Name:" or "Discussion Title:"',
			'export the discussion from Kialo again, or add the header line back'
		);
		return { ok: false, errors: problems.errors, warnings: problems.warnings };
	}
	return build(read, file, problems);
}

/** The entries by number, the root, and which entries are links: or errors, located. */
interface Outline {
	byKey: Map<string, Entry>;
	root: Entry;
	/** `-> See` entries: `to` is the linked number, absent for a link to another discussion. */
	links: Map<Entry, { to?: string; text: string }>;
}

function outline(read: Read, problems: Problems): Outline | undefined {
	const { entries } = read;
	const byKey = new Map<string, Entry>();
	for (const e of entries) {
		const seen = byKey.get(e.key);
		if (seen)
			problems.error(
				e.line,
				`entry ${e.number} appears twice`,
				`the first is at line ${seen.line}; give each entry its own number`
			);
		else byKey.set(e.key, e);
	}
	const root = byKey.get('1.');
	if (entries.length === 0 && problems.errors.length === 0)
		problems.error(
			read.titleLine + 1,
			'the discussion has no entries',
			read.old
				? 'claims follow the title, as in "1. text"'
				: 'entries follow the name, starting with "1. Thesis:"'
		);
	else if (entries.length > 0 && !root)
		problems.error(
			entries[0]!.line,
			'the discussion has no root entry "1."',
			'a Kialo discussion starts with "1. Thesis:" (or "1. Question:")'
		);
	for (const e of entries) {
		if (byKey.get(e.key) !== e) continue;
		const parent = parentKeyOf(e.key);
		if (depthOf(e.key) === 1 && e !== root)
			problems.error(
				e.line,
				`entry ${e.number} is a second root`,
				'a Kialo discussion has one root, "1."; number this entry under it'
			);
		else if (depthOf(e.key) > 1 && !byKey.has(parent) && (root || parent !== '1.'))
			// Without a root every top-level entry misses it: that is said once, above.
			problems.error(
				e.line,
				`entry ${e.number} has no parent ${parent}`,
				`Kialo numbers each entry after the one it answers; add entry ${parent} or correct the number`
			);
		if (e.body.length === 0)
			problems.error(e.line, `entry ${e.number} has no text`, 'write its text on the next line');
	}
	if (problems.errors.length > 0 || !root) return undefined;

	// The root is always a claim, whatever its text.
	const links = new Map<Entry, { to?: string; text: string }>();
	for (const e of entries) {
		if (e === root) continue;
		const text = clean(e.body.join(' '));
		const see = LINK.exec(text);
		if (see) links.set(e, { to: keyOf(see[1]!), text });
		else if (DISCUSSION_LINK.test(text)) links.set(e, { text });
	}
	for (const e of entries) {
		const parent = byKey.get(parentKeyOf(e.key));
		if (parent && links.has(parent))
			problems.error(
				e.line,
				`entry ${e.number} is under ${parent.number}, which is only a link (${links.get(parent)!.text})`,
				'move it under the entry the link points at'
			);
	}
	return problems.errors.length > 0 ? undefined : { byKey, root, links };
}

interface EvidenceData {
	source: string;
	kind: 'quote' | 'document';
	quote: string;
	quoteLang: string;
	locator: string;
}

/** A claim being built; `toData` orders its fields as in a debate file. */
interface Draft {
	entry: Entry;
	id: string;
	question: boolean;
	text: string;
	detail?: string;
	stance?: Stance;
	target?: string;
	also: { target: string; stance: Stance }[];
	evidence: EvidenceData[];
	notes: string[];
}

const toData = (d: Draft) => ({
	id: d.id,
	...(d.question ? { kind: 'question' } : {}),
	text: d.text,
	...(d.detail ? { detail: d.detail } : {}),
	...(d.stance ? { stance: d.stance, target: d.target } : {}),
	...(d.also.length > 0 ? { also: d.also } : {}),
	...(d.evidence.length > 0 ? { evidence: d.evidence } : {}),
	...(d.notes.length > 0 ? { note: joinNotes(d.notes) } : {})
});

/** A claim's notes as one text that fits a note, the ones that do not fit counted at its end. */
function joinNotes(notes: readonly string[]): string {
	const all = notes.join(' ');
	if (all.length <= LONG_TEXT_MAX) return all;
	const room = LONG_TEXT_MAX - 80;
	let text = '';
	let kept = 0;
	while (kept < notes.length && text.length + notes[kept]!.length + 1 <= room)
		text += (kept++ > 0 ? ' ' : '') + notes[kept - 1];
	return `${text} (and ${notes.length - kept} more notes like these, which did not fit)`;
}

/** Sources made from footnotes and links: one per distinct web address. */
class Sources {
	readonly list: Record<string, unknown>[] = [];
	readonly lines: number[] = [];
	private readonly ids = new Set<string>();
	private readonly byKey = new Map<string, string>();

	/** The id of the source for `url` (or, without one, for `key`), made on first use. */
	get(
		url: string | undefined,
		key: string,
		line: number,
		words: { ref: string; quote: string; fallback: string }
	): string {
		const web = url ? webUrl(url) : undefined;
		const k = web ? `url:${web.href}` : key;
		const known = this.byKey.get(k);
		if (known) return known;
		const id = makeId(`s${this.byKey.size + 1}`, this.ids, 's');
		const start = clean(words.quote);
		const title = web
			? (web.host + (web.pathname === '/' ? '' : web.pathname)).slice(0, 200)
			: words.ref || (start.length > 60 ? `${start.slice(0, 59)}…` : start) || words.fallback;
		this.list.push({
			id,
			title,
			organisation: web?.host ?? 'unknown',
			...(web ? { url } : {}),
			type: 'other',
			language: guessLanguage([words.quote || words.ref || title]),
			status: 'unconfirmed'
		});
		this.lines.push(line);
		this.byKey.set(k, id);
		return id;
	}
}

function build(read: Read, file: string, problems: Problems): DecodeResult {
	const shape = outline(read, problems);
	if (!shape) return { ok: false, errors: problems.errors, warnings: problems.warnings };
	const { byKey, root, links } = shape;
	const sources = new Sources();
	const ids = new Set<string>();
	const drafts: Draft[] = [];
	const draftOf = new Map<Entry, Draft>();

	for (const e of read.entries) {
		if (links.has(e)) continue;
		const index = drafts.length;
		const { text, evidence } = read.old
			? oldText(e, sources)
			: newText(e, read, sources, problems, index);
		const fit = fitClaimText(text);
		if (fit.shortened)
			problems.warn(
				e.line,
				`the text of entry ${e.number} is longer than 160 characters; it was shortened and kept in full as its detail`,
				undefined,
				`claims[${index}].text`
			);
		const parent = e === root ? undefined : byKey.get(parentKeyOf(e.key))!;
		if (!parent && (e.label === 'Pro' || e.label === 'Con'))
			problems.warn(
				e.line,
				`the root ${e.number} is labelled ${e.label}:; it was read as the thesis`
			);
		const draft: Draft = {
			entry: e,
			id: makeId(`k${e.key.slice(0, -1).replace(/\./g, '-')}`, ids, 'k'),
			question: e.label === 'Question',
			text: fit.text,
			detail: fit.detail,
			stance: parent ? stanceOf(e, parent, root, problems, index) : undefined,
			also: [],
			evidence,
			notes: []
		};
		drafts.push(draft);
		draftOf.set(e, draft);
	}
	// Targets once every claim has its id: a hand-edited file may list a parent after its children.
	for (const d of drafts)
		if (d.stance) d.target = draftOf.get(byKey.get(parentKeyOf(d.entry.key))!)!.id;

	for (const note of read.footnotes.values())
		if (!note.used)
			problems.warn(note.line, `footnote [${note.n}] is not cited by any entry and was left out`);

	// `-> See X`: claim X also answers this entry's parent, with this entry's side.
	const indexOf = new Map(drafts.map((d, i) => [d, i]));
	for (const [e, link] of links) {
		const parentEntry = byKey.get(parentKeyOf(e.key))!;
		const parent = draftOf.get(parentEntry)!;
		const stance = stanceOf(e, parentEntry, root, problems, -1);
		const notePath = `claims[${indexOf.get(parent)}].note`;
		if (link.to === undefined) {
			problems.warn(
				e.line,
				`entry ${e.number} links to another Kialo discussion (${link.text.replace(/^->\s*See\s+/i, '')}), which was not imported`,
				'import that discussion on its own',
				notePath
			);
			parent.notes.push(
				`Kialo: a ${stance} link to another discussion was not imported (${link.text}).`
			);
			continue;
		}
		// A link to a link counts as a link to where that one leads.
		let target = byKey.get(link.to);
		const seen = new Set<Entry>();
		while (target && links.has(target) && !seen.has(target)) {
			seen.add(target);
			const next = links.get(target)!.to;
			target = next === undefined ? undefined : byKey.get(next);
		}
		const linked = target ? draftOf.get(target) : undefined;
		if (!linked) {
			problems.warn(
				e.line,
				`entry ${e.number} links to ${link.to}, which is not in the file; the link was left out`,
				'check the number after "-> See"',
				notePath
			);
			parent.notes.push(
				`Kialo: a ${stance} link (${link.text}) led to no entry and was not imported.`
			);
		} else if (linked === parent)
			problems.warn(
				e.line,
				`entry ${e.number} links to the entry it stands under; the link was left out`
			);
		else if (
			!(linked.target === parent.id && linked.stance === stance) &&
			!linked.also.some((r) => r.target === parent.id && r.stance === stance)
		)
			linked.also.push({ target: parent.id, stance });
	}

	const frame = importedFrame({
		id: read.title || 'kialo',
		title: read.title || clean(root.body.join(' ')),
		format: 'Kialo text export',
		file,
		language: debateLanguage([read.title, ...drafts.map((d) => d.text)], (message, hint) =>
			problems.warn(0, message, hint)
		)
	});
	const data = {
		...frame,
		thesis: draftOf.get(root)!.id,
		sources: sources.list,
		claims: drafts.map(toData)
	};
	const locate: Locate = (path) => {
		const [head, index] = path;
		let line = 0;
		if (head === 'claims' && typeof index === 'number') line = drafts[index]?.entry.line ?? 0;
		else if (head === 'sources' && typeof index === 'number') line = sources.lines[index] ?? 0;
		else if (head === 'thesis') line = root.line;
		else if (head === 'title' || head === 'id') line = read.titleLine;
		return { line, column: line > 0 ? 1 : 0 };
	};
	return { ok: true, data, warnings: problems.warnings, locate };
}

/** An old-layout claim line: Kialo markdown, whose links become evidence. */
function oldText(e: Entry, sources: Sources): { text: string; evidence: EvidenceData[] } {
	const raw = e.body.join(' ');
	const md = readMarkdown(raw);
	const evidence: EvidenceData[] = [];
	for (const link of md.links) {
		const quote = link.url || link.label;
		if (!quote) continue;
		const source = sources.get(link.url, `ref:${quote}`, e.line, {
			ref: quote,
			quote: '',
			fallback: 'link'
		});
		if (!evidence.some((x) => x.source === source && x.quote === quote))
			evidence.push({
				source,
				kind: 'document',
				quote,
				quoteLang: guessLanguage([quote]),
				locator: link.label ? `link "${link.label}"` : 'link'
			});
	}
	return { text: clean(md.text) || clean(raw), evidence };
}

/** A new-layout body: plain text whose footnote markers `[n]` become evidence. */
function newText(
	e: Entry,
	read: Read,
	sources: Sources,
	problems: Problems,
	index: number
): { text: string; evidence: EvidenceData[] } {
	const raw = e.body.join(' ');
	const cited: Footnote[] = [];
	const stripped = raw.replace(MARKER, (marker: string, n: string) => {
		const note = read.footnotes.get(String(Number(n)));
		if (!note) {
			if (read.hasSources)
				problems.warn(
					e.line,
					`entry ${e.number} cites footnote [${n}], which is not under "Sources:"; it was kept as text`,
					undefined,
					`claims[${index}].text`
				);
			return marker;
		}
		if (!cited.includes(note)) cited.push(note);
		return '';
	});
	const evidence = cited.map((note): EvidenceData => {
		note.used = true;
		const quote = note.quote || note.url || note.ref;
		return {
			source: sources.get(note.url, `fn:${note.n}`, note.line, {
				ref: note.ref,
				quote: note.quote,
				fallback: `Footnote [${note.n}]`
			}),
			kind: note.quote ? 'quote' : 'document',
			quote,
			quoteLang: guessLanguage([quote]),
			locator: `footnote [${note.n}]`
		};
	});
	// A body of markers alone keeps them as its text: a claim needs words.
	return { text: clean(stripped) || clean(raw), evidence };
}

/** The side of an entry relative to the one it stands under. */
function stanceOf(e: Entry, parent: Entry, root: Entry, problems: Problems, index: number): Stance {
	const path = index >= 0 ? `claims[${index}].stance` : '';
	switch (e.label) {
		case 'Pro':
			return 'pro';
		case 'Con':
			return 'con';
		case 'Thesis':
			if (parent !== root || root.label !== 'Question')
				problems.warn(
					e.line,
					`entry ${e.number} is labelled Thesis: but is not an answer to a "1. Question:"; it was read as Pro`,
					undefined,
					path
				);
			return 'pro';
		case 'Question':
			problems.warn(
				e.line,
				`entry ${e.number} is a question below the root; it was read as a Pro question`,
				undefined,
				path
			);
			return 'pro';
		default:
			problems.warn(
				e.line,
				`entry ${e.number} has no side (Pro: or Con:); it was read as Pro`,
				undefined,
				path
			);
			return 'pro';
	}
}

export const kialoCodec: Codec<'kialo'> = {
	...FORMATS.kialo,
	sniff: (text) => (KIALO_SIGNATURE.test(text) ? 1 : 0),
	decode: async (text, { file }) => {
		try {
			return decodeKialo(text, file);
		} catch (e) {
			return {
				ok: false,
				errors: [error(file, 0, `the Kialo file could not be read: ${(e as Error).message}`)],
				warnings: []
			};
		}
	},
	encode: (debate, options) => encodeKialo(debate, options?.lang)
};
