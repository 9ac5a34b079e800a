import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODECS, exportDebate, importDebate, type FormatId } from '../../../src/lib/core/formats';
import {
	findLongLine,
	formatDiagnostic,
	loadAuthoredDebate,
	loadDebate,
	MAX_ARGDOWN_LINE_LENGTH,
	MAX_LINE_LENGTH,
	validateDebateData,
	type Diagnostic
} from '../../../src/lib/core/load';
import {
	CLAIM_TEXT_MAX,
	CLAIM_TITLE_MAX,
	LONG_TEXT_MAX,
	NAME_MAX,
	TITLE_MAX,
	URL_MAX
} from '../../../src/lib/core/schema';
import { debateJsonSchema } from '../../../src/lib/core/schema/json-schema';
import { validDebate } from './read';

/**
 * The hostile corpus (tests/fixtures/hostile) and generated monsters: every one gets located
 * errors or an honest warning — never an exception, never a hang (the test time limit in
 * vite.config.ts guards against one; work that must stay linear is counted in linear.test.ts, and
 * speed is measured by `npm run bench`), never a changed prototype.
 */
const DIR = 'tests/fixtures/hostile';
const read = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');

async function importFile(name: string, text = read(name)) {
	const r = await importDebate(text, { file: name });
	return r;
}

function messages(list: Diagnostic[]) {
	return list.map(formatDiagnostic).join('\n');
}

/** A debate of `n` claims as one line of JSON: a tree ten wide, or a chain. */
function claimsJson(n: number, chain: boolean) {
	return JSON.stringify({
		formatVersion: 1,
		id: 'big',
		title: 'Big',
		summary: 'Generated.',
		language: 'en',
		thesis: 'c0',
		claims: Array.from({ length: n }, (_, i) =>
			i === 0
				? { id: 'c0', text: 'Thesis.' }
				: {
						id: `c${i}`,
						stance: i % 2 ? 'pro' : 'con',
						target: chain ? `c${i - 1}` : `c${Math.floor((i - 1) / 10)}`,
						text: `Claim ${i}.`
					}
		)
	});
}

const PAYLOAD = /<script>|onerror=/;

describe('script payloads', () => {
	it('are kept as plain text in every field, in every format, and never change the structure', async () => {
		const r = await importFile('xss.yaml');
		expect(r.ok, r.ok ? '' : messages(r.errors)).toBe(true);
		const d = r.ok ? r.value : validDebate();
		expect(JSON.stringify(d)).toMatch(PAYLOAD);
		for (const format of ['argdown', 'kialo', 'aif'] as FormatId[]) {
			const out = exportDebate(d, format);
			const back = await importDebate(out.text, { file: out.fileName });
			expect(back.ok, `${format}: ${back.ok ? '' : messages(back.errors)}`).toBe(true);
			if (!back.ok) continue;
			// Same number of claims; the payload is still just text.
			expect(back.value.claims).toHaveLength(d.claims.length);
			expect(JSON.stringify(back.value.claims)).toMatch(PAYLOAD);
		}
	});
});

describe('the hostile corpus', () => {
	it('refuses a javascript: link, located at the url', async () => {
		const r = await importFile('javascript-url.yaml');
		expect(r.ok).toBe(false);
		const e = !r.ok ? r.errors.find((x) => x.path === 'sources[0].url') : undefined;
		expect(e?.line).toBe(11);
		expect(e?.message).toMatch(/http:\/\/ or https:\/\//);
	});

	it('stops a YAML alias bomb with a message', async () => {
		const r = await importFile('alias-bomb.yaml');
		expect(r.ok).toBe(false);
		expect(messages(!r.ok ? r.errors : [])).toMatch(/alias/i);
	});

	it('refuses control characters and reports direction overrides, by field', async () => {
		const r = await importFile('control-characters.yaml');
		expect(r.ok).toBe(false);
		const errors = !r.ok ? r.errors : [];
		expect(errors.map((e) => [e.path, e.line])).toEqual([['claims[0].text', 9]]);
		expect(errors[0]!.message).toMatch(/U\+0000/);
		expect(r.warnings.map((w) => w.path)).toEqual(['claims[1].text']);
		expect(r.warnings[0]!.message).toMatch(/U\+202E/);
	});

	it('never lets prototype keys change any object', async () => {
		const r = await importFile('prototype-keys.json');
		expect(r.ok).toBe(false);
		expect(messages(!r.ok ? r.errors : [])).toMatch(/unknown field "__proto__"/);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
		// Ids that are prototype names are just ids.
		const fixed = read('prototype-keys.json')
			.replace(/\s*"__proto__": \{ "polluted": true \},/, '')
			.replace(/, "constructor": \{ "prototype": \{ "polluted": true \} \}/, '');
		const ok = await importDebate(fixed, { file: 'fixed.json' });
		expect(ok.ok, ok.ok ? '' : messages(ok.errors)).toBe(true);
		expect(ok.ok && ok.value.claims.map((c) => c.id)).toEqual(['constructor', 'prototype']);
	});

	it('says where a truncated file breaks off', async () => {
		const r = await importFile('truncated.yaml');
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors.every((e) => e.line > 0)).toBe(true);
	});

	it('reports self-links and dangling references, each located', async () => {
		const r = await importFile('self-and-dangling.yaml');
		expect(r.ok).toBe(false);
		const found = !r.ok ? r.errors.map((e) => `${e.line} ${e.path}: ${e.message}`) : [];
		expect(found).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^9 claims\[1\]\.target: claim "c1" targets itself/),
				expect.stringMatching(/^10 claims\[2\]\.target: unknown claim "nowhere"/),
				expect.stringMatching(/^15 claims\[3\]\.evidence\[0\]\.source: unknown source "ghost"/)
			])
		);
	});
});

describe('monsters made on the spot', () => {
	it('refuses a file over 20 MB before parsing it', async () => {
		const huge = ' '.repeat(21 * 1024 * 1024);
		const r = await importDebate(huge, { file: 'huge.yaml' });
		expect(!r.ok && r.errors[0]!.message).toMatch(/larger than 20 MB/);
		// `npm run validate` holds a file to the same limit, in the same words.
		const authored = loadDebate(huge, { file: 'huge.yaml' });
		expect(!authored.ok && authored.errors[0]!.message).toBe(!r.ok && r.errors[0]!.message);
	});

	it('reads a 10 MB file of 100,000 claims only to refuse it by count, with a message', async () => {
		const text = claimsJson(100_000, false);
		expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
		const r = await importDebate(text, { file: 'many.json' });
		expect(!r.ok && r.errors[0]!.message).toMatch(
			/100000 claims; Counterpoint reads at most 50000/
		);
	});

	it('refuses claims nested 10,000 levels deep, saying how deep is allowed', async () => {
		const r = await importDebate(claimsJson(10_000, true), { file: 'deep.json' });
		expect(r.ok).toBe(false);
		expect(messages(!r.ok ? r.errors : [])).toMatch(/nest more than 200 levels deep/);
	});

	it('refuses data nested 20,000 brackets deep without running out of stack', async () => {
		const r = await importDebate('['.repeat(20_000) + ']'.repeat(20_000), {
			file: 'brackets.yaml',
			format: 'yaml'
		});
		expect(r.ok).toBe(false);
	});

	it('never throws on random bytes, for any reader', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ maxLength: 2000 }),
				fc.constantFrom(...CODECS.filter((c) => c.decode).map((c) => c.id)),
				async (bytes, format) => {
					const text = new TextDecoder().decode(bytes);
					const r = await importDebate(text, { file: 'noise.bin', format });
					if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
				}
			),
			{ numRuns: 200 }
		);
	});
});

const errorsOf = (r: { ok: boolean; errors?: Diagnostic[] }) => (r.ok ? [] : r.errors!);
const VALID_YAML = readFileSync('tests/fixtures/debates/valid.yaml', 'utf8');

describe('line length', () => {
	it('refuses a YAML file with a 100,001-character line: file, line, length, limit and what to do', async () => {
		const r = await importFile('long-line.yaml');
		expect(errorsOf(r).map(formatDiagnostic)).toEqual([
			'long-line.yaml:14:1 line 14 is 100,001 characters long; the limit is 100,000 (break the text into lines: in YAML a text may go on over several lines (write "key: >" and indent the lines below it); a passage that long belongs in a source, not in the debate)'
		]);
		// A debate file in arguments/ is held to the same limit.
		const authored = loadAuthoredDebate(read('long-line.yaml'), 'arguments/long-line.yaml');
		expect(errorsOf(authored).map((e) => [e.line, e.message])).toEqual([
			[14, 'line 14 is 100,001 characters long; the limit is 100,000']
		]);
	});

	it('takes a line of exactly 100,000 characters', async () => {
		const comment = '# ' + 'x'.repeat(MAX_LINE_LENGTH - 2);
		const r = await importDebate(`${comment}\n${VALID_YAML}`, { file: 'edge.yaml' });
		expect(r.ok, messages(errorsOf(r))).toBe(true);
	});

	it('counts lines as YAML does (LF, CRLF, CR) and characters as people do (an emoji is one)', () => {
		expect(findLongLine('a\r\nbb\rccc\ndddd', 2)).toEqual({ line: 3, length: 3 });
		expect(findLongLine('ab\ncd', 2)).toBeUndefined();
		expect(findLongLine('😀😀😀', 3)).toBeUndefined();
		expect(findLongLine('ok\n😀😀😀\n' + 'x'.repeat(9), 2)).toEqual({ line: 2, length: 3 });
	});

	it('refuses a long line in Kialo text, located, with a hint for Kialo', async () => {
		const text = `Discussion Name: Homework\n\n1. Thesis:\n${'Homework helps. '.repeat(6_250)}x\n`;
		const result = await importDebate(text, { file: 'homework.txt' });
		expect(errorsOf(result).map(formatDiagnostic)).toEqual([
			'homework.txt:4:1 line 4 is 100,001 characters long; the limit is 100,000 (break the text into lines: the lines of a Kialo entry are joined into one text, up to the next empty line; a passage that long belongs in a source)'
		]);
	});

	it('lets Argdown lines reach 1,000,000 characters, then refuses them; a long statement is refused by its length', async () => {
		const statement = (n: number) =>
			`[T]: ${'Homework helps. '.repeat(n / 16)}\n  - [A]: It does not.\n`;
		const over = await importDebate(statement(MAX_ARGDOWN_LINE_LENGTH + 16), {
			file: 'long.argdown'
		});
		expect(errorsOf(over).map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
			'1:1 line 1 is 1,000,021 characters long; the limit is 1,000,000'
		]);
		// 150,000 characters pass the line check; as a claim, the text is too long even for a detail.
		const under = await importDebate(statement(150_000), { file: 'long.argdown' });
		const e = errorsOf(under);
		expect(e.map((d) => `${d.path}: ${d.message}`)).toEqual([
			expect.stringMatching(
				/^claims\[\d\]\.detail: must be at most 10,000 characters \(it has 14\d,\d{3}\)$/
			)
		]);
	});

	it('has no line limit for JSON: minified megabytes are read; a broken one is located by its column', async () => {
		const json = claimsJson(30_000, false);
		expect(json.length).toBeGreaterThan(MAX_LINE_LENGTH * 10);
		expect(json).not.toContain('\n');
		const ok = await importDebate(json, { file: 'minified.json' });
		expect(ok.ok, messages(errorsOf(ok))).toBe(true);

		// Broken in the middle of its one line: said where, as JSON, not as a line length.
		const at = json.indexOf('"id":"c15000"');
		const broken = json.slice(0, at + 4) + json.slice(at + 5);
		for (const file of ['broken.json', 'broken.yaml']) {
			const r = await importDebate(broken, { file });
			expect(errorsOf(r).map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
				`1:${at + 5} not valid JSON: expected ":" after the property name, found """`
			]);
		}
	});

	it('has no line limit for AIF JSON either', async () => {
		const n = 5_000;
		const nodes = [{ nodeID: '0', text: 'Homework should be abolished.', type: 'I' }];
		const edges: { edgeID: string; fromID: string; toID: string }[] = [];
		for (let i = 1; i <= n; i++) {
			nodes.push({ nodeID: `${i}`, text: `Reason ${i}.`, type: 'I' });
			nodes.push({ nodeID: `ra${i}`, text: 'Default Inference', type: 'RA' });
			edges.push({ edgeID: `a${i}`, fromID: `${i}`, toID: `ra${i}` });
			edges.push({ edgeID: `b${i}`, fromID: `ra${i}`, toID: '0' });
		}
		const text = JSON.stringify({ nodes, edges, locutions: [] });
		expect(text.length).toBeGreaterThan(MAX_LINE_LENGTH * 5);
		// Named by hand: detection reads the first 64 KB, and the edges come after the nodes.
		const result = await importDebate(text, { file: 'big.json', format: 'aif' });
		expect(result.ok, messages(errorsOf(result))).toBe(true);
		expect(result.format).toBe('aif');
	});

	it('whatever Counterpoint writes it can read back: every text at its limit fits every line limit', async () => {
		const d = validDebate();
		const full = (n: number, c: string) => c.repeat(n);
		const both = (n: number) => ({ en: full(n, 'e'), zh: full(n, '中') });
		const claim = d.claims[1]!;
		claim.detail = both(LONG_TEXT_MAX);
		claim.note = both(LONG_TEXT_MAX);
		claim.evidence = Array.from({ length: 20 }, () => ({
			source: d.sources[0]!.id,
			kind: 'quote' as const,
			quote: full(LONG_TEXT_MAX, 'q'),
			quoteLang: 'en',
			translation: both(LONG_TEXT_MAX),
			locator: full(TITLE_MAX, 'l')
		}));
		const limits: [FormatId, number][] = [
			['yaml', MAX_LINE_LENGTH],
			['kialo', MAX_LINE_LENGTH],
			['argdown', MAX_ARGDOWN_LINE_LENGTH]
		];
		for (const [format, limit] of limits) {
			const out = exportDebate(d, format);
			expect(findLongLine(out.text, limit), format).toBeUndefined();
			const back = await importDebate(out.text, { file: out.fileName });
			expect(back.ok, `${format}: ${messages(errorsOf(back))}`).toBe(true);
		}
	});
});

/** `data` with the value at `path` replaced. */
function withValue(data: unknown, path: (string | number)[], value: unknown) {
	const copy = structuredClone(data) as Record<string | number, unknown>;
	let at = copy;
	for (const seg of path.slice(0, -1)) at = at[seg] as Record<string | number, unknown>;
	at[path.at(-1)!] = value;
	return copy;
}

/** The valid fixture as plain data, with an actor that has every field. */
const VALID_DATA = JSON.parse(JSON.stringify(validDebate())) as Record<string, unknown>;
VALID_DATA.actors = [
	{ id: 'head', name: 'The head teacher', role: 'Head', organisation: 'The school' }
];

describe('text fields', () => {
	it('every text in the format has a maximum length (read off the JSON Schema)', () => {
		// Patterns that bound their own length: ids and calendar dates.
		const bounded = new Set([
			'^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$',
			String.raw`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`
		]);
		const unbounded: string[] = [];
		const walk = (node: unknown, at: string) => {
			if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`));
			if (!node || typeof node !== 'object') return;
			const n = node as Record<string, unknown>;
			const isString = n.type === 'string' || (Array.isArray(n.type) && n.type.includes('string'));
			if (isString && n.maxLength === undefined && !n.enum && n.const === undefined)
				if (!bounded.has(String(n.pattern))) unbounded.push(at);
			for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
		};
		walk(debateJsonSchema(), '#');
		expect(unbounded).toEqual([]);
	});

	const fields: [string, (string | number)[], number][] = [
		['the debate title', ['title', 'zh'], TITLE_MAX],
		['the summary', ['summary'], LONG_TEXT_MAX],
		['a tag label', ['tags', 0, 'label'], NAME_MAX],
		["an actor's name", ['actors', 0, 'name'], NAME_MAX],
		["an actor's role", ['actors', 0, 'role'], TITLE_MAX],
		["an actor's organisation", ['actors', 0, 'organisation'], NAME_MAX],
		["a source's title", ['sources', 0, 'title'], TITLE_MAX],
		["a source's author", ['sources', 0, 'author'], NAME_MAX],
		["a source's organisation", ['sources', 0, 'organisation'], NAME_MAX],
		["a source's publisher", ['sources', 0, 'publisher'], NAME_MAX],
		["a source's note", ['sources', 0, 'note'], LONG_TEXT_MAX],
		["a claim's text", ['claims', 1, 'text'], CLAIM_TEXT_MAX],
		["a claim's text in one language", ['claims', 0, 'text', 'zh'], CLAIM_TEXT_MAX],
		["a claim's title", ['claims', 1, 'title'], CLAIM_TITLE_MAX],
		["a claim's detail", ['claims', 1, 'detail'], LONG_TEXT_MAX],
		["a claim's note", ['claims', 1, 'note'], LONG_TEXT_MAX],
		['a quote', ['claims', 1, 'evidence', 0, 'quote'], LONG_TEXT_MAX],
		["a quote's translation", ['claims', 1, 'evidence', 0, 'translation'], LONG_TEXT_MAX],
		['where a quote stands', ['claims', 1, 'evidence', 0, 'locator'], TITLE_MAX]
	];
	it.each(fields)(
		'%s: refused one character over its limit, with its path; taken at the limit',
		(_, path, max) => {
			const over = validateDebateData(withValue(VALID_DATA, path, 'x'.repeat(max + 1)), {
				file: 'x.yaml'
			});
			const shown = path
				.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
				.join('')
				.slice(1);
			expect(errorsOf(over).map((e) => `${e.path}: ${e.message}`)).toEqual([
				`${shown}: must be at most ${max.toLocaleString('en-US')} characters (it has ${(max + 1).toLocaleString('en-US')})`
			]);
			const at = validateDebateData(withValue(VALID_DATA, path, 'x'.repeat(max)), {
				file: 'x.yaml'
			});
			expect(at.ok, messages(errorsOf(at))).toBe(true);
		}
	);

	it('bounds addresses, contributors and the $schema link too', () => {
		const url = (n: number) => 'https://example.org/' + 'a'.repeat(n - 20);
		const long = validateDebateData(withValue(VALID_DATA, ['sources', 0, 'url'], url(URL_MAX + 1)));
		expect(errorsOf(long).map((e) => `${e.path}: ${e.message}`)).toEqual([
			'sources[0].url: must be at most 2,048 characters (it has 2,049)'
		]);
		expect(validateDebateData(withValue(VALID_DATA, ['sources', 0, 'url'], url(URL_MAX))).ok).toBe(
			true
		);
		const contributor = { name: 'Mei', at: `2026-11-28T09:00:00.${'0'.repeat(100)}Z` };
		expect(
			errorsOf(
				validateDebateData(withValue(VALID_DATA, ['claims', 1, 'contributor'], contributor))
			).map((e) => e.path)
		).toEqual(['claims[1].contributor.at']);
		// A $schema other than Counterpoint's own is left out, with a warning (issue 22).
		const schema = validateDebateData(withValue(VALID_DATA, ['$schema'], 'x'.repeat(URL_MAX + 1)));
		expect(schema.ok && schema.value.$schema).toBe(undefined);
		expect(schema.warnings.map((w) => w.path)).toEqual(['$schema']);
	});

	it('refuses a 5 MB claim text with its path and place (JSON: no line limit)', async () => {
		const text = JSON.stringify(
			withValue(VALID_DATA, ['claims', 1, 'text'], 'x'.repeat(5 * 1024 * 1024))
		);
		const result = await importDebate(text, { file: 'big-claim.json' });
		expect(errorsOf(result).map(formatDiagnostic)).toEqual([
			`big-claim.json:1:${text.indexOf('"xxx') + 1} claims[1].text: must be at most 160 characters (it has 5,242,880)`
		]);
	});

	it('refuses a 5 MB detail written over many short lines with its path and line', async () => {
		const lines = VALID_YAML.split('\n');
		const at = lines.findIndex((l) => l.includes('text: Uniforms cost families less'));
		const body = Array.from({ length: 65_536 }, () => `      ${'x'.repeat(73)}`);
		lines.splice(at + 1, 0, '    detail: >', ...body);
		const result = await importDebate(lines.join('\n'), { file: 'big-detail.yaml' });
		expect(errorsOf(result).map(formatDiagnostic)).toEqual([
			`big-detail.yaml:${at + 2}:13 claims[1].detail: must be at most 10,000 characters (it has 4,849,664)`
		]);
	});
});

describe('duplicate keys', () => {
	it('still finds a field given twice, at the second one, in the document and in a claim', async () => {
		const r = await importFile('duplicate-key.yaml');
		const authored = loadDebate(read('duplicate-key.yaml'), { file: 'duplicate-key.yaml' });
		// One reading path: an import and `npm run validate` say the same, hint and all.
		expect(errorsOf(r).map(formatDiagnostic)).toEqual(errorsOf(authored).map(formatDiagnostic));
		expect(errorsOf(authored).map(formatDiagnostic)).toEqual([
			'duplicate-key.yaml:5:1 not valid YAML: Map keys must be unique (each field may appear only once in a mapping)',
			'duplicate-key.yaml:15:5 not valid YAML: Map keys must be unique (each field may appear only once in a mapping)'
		]);
	});
});
