import { readdirSync, readFileSync } from 'node:fs';
import { ArgdownApplication } from '@argdown/core/dist/ArgdownApplication.js';
import { DataPlugin } from '@argdown/core/dist/plugins/DataPlugin.js';
import { ModelPlugin } from '@argdown/core/dist/plugins/ModelPlugin.js';
import { ParserPlugin } from '@argdown/core/dist/plugins/ParserPlugin.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argdownCodec, escapeArgdownText } from '../../../src/lib/core/formats/argdown';
import { CLAIM_FIELD_PART } from '../../../src/lib/core/formats/left-out';
import type { DecodeResult } from '../../../src/lib/core/formats/codec';
import { formatDiagnostic } from '../../../src/lib/core/load';
import { Debate, textIn, type Claim } from '../../../src/lib/core/schema';
import { Claim as ClaimSchema } from '../../../src/lib/core/schema/debate';
import { hasVisibleCharacter } from '../../../src/lib/core/schema/characters';
import { arbitraryDebate, buildGraph, relationSet } from './arbitrary';
import { expectGolden } from './golden';
import { everyField, readWith, shippedDebate, unexpectedProblems, validDebate } from './read';

const FIXTURES = 'tests/fixtures/formats/argdown';
const GOLDEN = 'tests/golden/argdown/valid.argdown';

const shipped = shippedDebate;
const valid = validDebate;

const encode = (d: Debate, lang: string) => argdownCodec.encode!(d, { lang });
const decode = (text: string, file = 'test.argdown') => argdownCodec.decode!(text, { file });

const read = (text: string, file = 'test.argdown') => readWith(argdownCodec, text, file);

/** `@argdown/core` alone, as any other Argdown tool would read the file. */
function parseWithArgdown(input: string) {
	const app = new ArgdownApplication();
	app.addPlugin(new ParserPlugin(), 'parse-input');
	app.addPlugin(new DataPlugin(), 'build-model');
	app.addPlugin(new ModelPlugin(), 'build-model');
	return app.run({ input, process: ['parse-input', 'build-model'], logLevel: 'none' });
}

/**
 * What @argdown/core sees in an export: no errors, one statement per claim with the claim's
 * text, and the support/attack relations between statements, by claim id.
 */
function argdownView(text: string) {
	const r = parseWithArgdown(text);
	expect(r.exceptions ?? []).toEqual([]);
	expect(r.lexerErrors ?? []).toEqual([]);
	expect((r.parserErrors ?? []).map((e) => e.message)).toEqual([]);
	const statements = Object.values(r.statements ?? {});
	const idOfTitle = new Map(statements.map((ec) => [ec.title!, String(ec.data?.id)]));
	const stance = (type: string) => (type === 'support' ? 'pro' : type === 'attack' ? 'con' : type);
	const relations = (r.relations ?? [])
		.map(
			(x) =>
				`${idOfTitle.get(x.from!.title!)} -${stance(x.relationType)}-> ${idOfTitle.get(x.to!.title!)}`
		)
		.sort();
	const texts = new Map(
		statements.map((ec) => {
			const def = ec.members.find((m) => !m.isReference)!;
			// Drop the #(tag)s that end the text and that Argdown read as tags: they are the
			// claim's tags. An escaped `\#(1)` in the text is text, and stays.
			let text = def.text!.trim();
			for (const tag of [...(def.tags ?? [])].reverse()) {
				const written = ` #(${tag})`;
				if (text.endsWith(written)) text = text.slice(0, -written.length).trimEnd();
			}
			return [String(ec.data?.id), text];
		})
	);
	return { statements, idOfTitle, relations, texts, arguments: Object.keys(r.arguments ?? {}) };
}

const sameText = (a: string) => a.replace(/\s+/g, ' ').trim();

function expectSameDebate(back: Debate, d: Debate, lang: string) {
	expect(back.claims.map((c) => c.id).sort()).toEqual(d.claims.map((c) => c.id).sort());
	expect(relationSet(buildGraph(back))).toEqual(relationSet(buildGraph(d)));
	const original = new Map(d.claims.map((c) => [c.id, c]));
	for (const c of back.claims) {
		const o = original.get(c.id)!;
		expect(c.text).toBe(sameText(textIn(o.text, lang, d.language)));
		expect(c.stance).toBe(o.stance);
		expect(c.target).toEqual(o.target);
		expect(c.evidence).toEqual(o.evidence);
		expect(c.tags).toEqual(o.tags);
		expect(c.actor).toEqual(o.actor);
	}
	expect(back.thesis).toBe(d.thesis);
	expect(back.id).toBe(d.id);
	expect(back.title).toBe(sameText(textIn(d.title, lang, d.language)));
	expect(back.language).toBe(lang);
	expect(back.sources).toEqual(d.sources);
	expect(back.actors).toEqual(d.actors);
	expect(back.tags.map((t) => t.id)).toEqual(d.tags.map((t) => t.id));
}

describe('Argdown export', () => {
	it('matches the golden file for the valid fixture', () => {
		expectGolden(GOLDEN, encode(valid(), 'en'));
	});

	const cases: [string, () => Debate, string][] = [
		['the shipped debate in English', shipped, 'en'],
		['the shipped debate in Chinese', shipped, 'zh'],
		['the valid fixture', valid, 'en'],
		['the valid fixture in Chinese', valid, 'zh']
	];
	for (const [name, get, lang] of cases) {
		it(`is read by @argdown/core itself with the same claims and relations: ${name}`, () => {
			const d = get();
			const view = argdownView(encode(d, lang));
			expect(view.statements).toHaveLength(d.claims.length);
			expect(view.arguments).toEqual([]);
			expect(view.relations).toEqual(relationSet(buildGraph(d)));
			for (const c of d.claims) {
				expect(view.texts.get(c.id)).toBe(sameText(textIn(c.text, lang, d.language)));
				// Titles are the claims' titles where they have one, else their ids.
				const title = [...view.idOfTitle].find(([, id]) => id === c.id)![0];
				expect(title).toBe(c.title ? textIn(c.title, lang, d.language) : c.id);
			}
		});

		it(`round-trips through the reader: ${name}`, async () => {
			const d = get();
			const { debate, warnings } = await read(encode(d, lang));
			expect(warnings.map(formatDiagnostic)).toEqual([]);
			expectSameDebate(debate, d, lang);
			expect(debate.tour).toEqual(d.tour);
			expect(debate.summary).toBe(textIn(d.summary, lang, d.language));
		});
	}

	it('writes undercuts, support of a link, further relations and second roots so they come back', async () => {
		const d = Debate.parse({
			formatVersion: 1,
			id: 'links',
			title: 'Links',
			summary: 'Relations of every kind.',
			language: 'en',
			thesis: 't',
			claims: [
				{ id: 't', text: 'The thesis.' },
				{ id: 'p1', stance: 'pro', target: 't', text: 'A reason.' },
				{
					id: 'p2',
					stance: 'con',
					target: 't',
					text: 'An objection.',
					also: [{ target: 'p1', stance: 'con' }]
				},
				{
					id: 'u1',
					stance: 'con',
					target: { from: 'p1', to: 't' },
					text: 'The reason does not bear on it.'
				},
				{
					id: 'u2',
					stance: 'con',
					target: { from: 'p2', to: 'p1' },
					text: 'The objection misses the reason.'
				},
				{
					id: 'u3',
					stance: 'pro',
					target: { from: 'p2', to: 't' },
					text: 'The objection does bear on it.'
				},
				{
					id: 'x',
					stance: 'pro',
					target: 'p1',
					text: 'More.',
					also: [{ target: { from: 'p2', to: 't' }, stance: 'con' }]
				},
				{ id: 'r', text: 'Another root, with more below it.' },
				{ id: 'r1', stance: 'pro', target: 'r', text: 'One.' },
				{ id: 'r2', stance: 'pro', target: 'r1', text: 'Two.' },
				{ id: 'r3', stance: 'con', target: 'r2', text: 'Three.' },
				{ id: 'r4', stance: 'con', target: 'r3', text: 'Four.' },
				{ id: 'r5', stance: 'con', target: 'r4', text: 'Five.' },
				{ id: 'r6', stance: 'con', target: 'r5', text: 'Six.' },
				{ id: 'r7', stance: 'con', target: 'r6', text: 'Seven.' },
				{ id: 'r8', stance: 'con', target: 'r7', text: 'Eight.' }
			]
		});
		const text = encode(d, 'en');
		expect(text).toContain('  _ [u1]: The reason does not bear on it.');
		expect(text).toContain('    _> [p2]');
		expect(parseWithArgdown(text).parserErrors).toEqual([]);
		const { debate, warnings } = await read(text);
		expect(warnings).toEqual([]);
		expectSameDebate(debate, d, 'en');
		const x = debate.claims.find((c) => c.id === 'x')!;
		expect(x.also).toEqual([{ target: { from: 'p2', to: 't' }, stance: 'con' }]);
	});

	it('keeps every claim field that has no Argdown syntax as data', async () => {
		const d = valid();
		const claims: Claim[] = d.claims.map((c) =>
			c.id === 'c1'
				? {
						...c,
						kind: 'question',
						note: { en: 'A note', zh: '注' },
						detail: 'More.',
						baseScore: 0.25
					}
				: c
		);
		const { debate } = await read(encode({ ...d, claims }, 'en'));
		const c1 = debate.claims.find((c) => c.id === 'c1')!;
		expect(c1).toMatchObject({
			kind: 'question',
			note: { en: 'A note', zh: '注' },
			detail: 'More.',
			baseScore: 0.25
		});
	});

	it('makes titles safe and unique', async () => {
		const d = Debate.parse({
			formatVersion: 1,
			id: 'titles',
			title: 'Titles',
			summary: 'Titles that Argdown would misread.',
			language: 'en',
			thesis: 't',
			claims: [
				{ id: 't', title: '[Thesis]: <x>', text: 'T.' },
				{ id: 'a', title: 'Same', stance: 'pro', target: 't', text: 'A.' },
				{ id: 'b', title: 'Same', stance: 'pro', target: 't', text: 'B.' },
				{ id: 'c', title: '- dash {data}', stance: 'con', target: 't', text: 'C.' },
				{ id: 'd', title: 'constructor', stance: 'con', target: 't', text: 'D.' },
				{ id: 'e', title: '\\', stance: 'con', target: 't', text: 'E.' }
			]
		});
		const text = encode(d, 'en');
		const view = argdownView(text);
		expect([...view.idOfTitle.keys()].sort()).toEqual(
			['Same', 'Same (b)', 'Thesis : x', 'constructor (d)', 'dash data', 'e'].sort()
		);
		const { debate } = await read(text);
		expectSameDebate(debate, d, 'en');
	});

	it('escapes text so that no character changes the structure', () => {
		expect(escapeArgdownText('a [b] <c> #d {e} *f* _g_ \\h')).toBe(
			'a \\[b\\] \\<c\\> \\#d \\{e\\} \\*f\\* \\_g\\_ \\\\h'
		);
		expect(escapeArgdownText('see http://x.org // not /* a comment')).toBe(
			'see http:\\//x.org \\// not \\/\\* a comment'
		);
		// Dots and colons stay as they are, except where Argdown would make a symbol of them.
		expect(escapeArgdownText('e.g. 1.2. a: b :heart: .^.')).toBe('e.g. 1.2. a: b \\:heart: \\.^.');
		expect(escapeArgdownText('a === b == c')).toBe('a \\=\\=\\= b == c');
		expect(escapeArgdownText('line\nbreak\t tab')).toBe('line break tab');
	});

	it('keeps the structure of random debates (oracle: @argdown/core) and round-trips them', async () => {
		await fc.assert(
			fc.asyncProperty(arbitraryDebate({ also: true, evidence: true }), async (d) => {
				const text = encode(d, 'en');
				const view = argdownView(text);
				expect(view.statements).toHaveLength(d.claims.length);
				expect(view.relations).toEqual(relationSet(buildGraph(d)));
				const { debate, warnings } = await read(text);
				expect(warnings).toEqual([]);
				expectSameDebate(debate, d, 'en');
			}),
			{ numRuns: 100 }
		);
	});

	it('escapes any text, title and front matter (random strings)', async () => {
		const hostile = fc.oneof(
			fc.string({ unit: 'grapheme', maxLength: 40 }),
			fc.string({ unit: 'binary', maxLength: 40 }),
			fc
				.array(
					fc.constantFrom(
						...['.', ':', '^', '->', 'heart', '\\', '=', '/', '*', '_', '[', ']', '{', '}'],
						...['<', '>', '#', '(', ')', ' ', 'a', '1', '-', '+', '@', '\n', '\t', '\u2028'],
						...['\u0085', '\u007f', ',', '"', "'", '`', '~', '|', '---', '===', '(1)', '<!--']
					),
					{ maxLength: 40 }
				)
				.map((a) => a.join(''))
		);
		// Control characters (and lone surrogates, which become U+FFFD on the way) are refused or
		// reported by validation itself, so they are not part of what must round-trip.
		const clean = (s: string, max: number) =>
			s
				.replace(
					// eslint-disable-next-line no-control-regex
					/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFD]/g,
					''
				)
				// Non-characters (U+FFFF…) are refused by validation too (issue 22).
				.replace(/\p{Noncharacter_Code_Point}/gu, '')
				.replace(/[\uD800-\uDFFF]/g, (c, i, all) =>
					/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(all.slice(i, i + 2)) ||
					/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(all.slice(i - 1, i + 1))
						? c
						: ''
				)
				.replace(/\s+/g, ' ')
				.trim()
				.slice(0, max)
				.trim();
		const visible = (s: string) => (hasVisibleCharacter(s) ? s : '');
		const debates = fc
			.tuple(
				arbitraryDebate({ also: true, evidence: true }),
				fc.array(fc.tuple(hostile, fc.option(hostile)), { minLength: 26, maxLength: 26 }),
				hostile
			)
			.map(([d, strings, title]) =>
				Debate.parse({
					...d,
					title: clean(title, 200) || 'x',
					summary: clean(strings[0]![0], 200) || 's',
					claims: d.claims.map((c, i) => {
						const [text, name] = strings[i]!;
						return {
							...c,
							// A claim must show something: one of only invisible characters is refused.
							text: visible(clean(text, 160)) || c.text,
							...(name && clean(name, 48) ? { title: clean(name, 48) } : {}),
							...(c.evidence
								? {
										evidence: c.evidence.map((e) => ({ ...e, quote: clean(text, 2000) || 'q' }))
									}
								: {})
						};
					})
				})
			);
		await fc.assert(
			fc.asyncProperty(debates, async (d) => {
				const text = encode(d, 'en');
				const view = argdownView(text);
				expect(view.statements).toHaveLength(d.claims.length);
				expect(view.relations).toEqual(relationSet(buildGraph(d)));
				for (const c of d.claims) expect(view.texts.get(c.id)).toBe(textIn(c.text, 'en'));
				const { debate, warnings } = await read(text);
				expect(warnings).toEqual([]);
				expectSameDebate(debate, d, 'en');
				expect(debate.summary).toBe(d.summary);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('Argdown import', () => {
	/** Every error is located (a line number, 0 only where there is no place) and nothing throws. */
	const expectLocated = (r: DecodeResult) => {
		if (r.ok) {
			// Whatever the reader makes of a file must pass validation like any debate.
			expect(unexpectedProblems(r.data, r.locate)).toEqual([]);
			return;
		}
		expect(r.errors.length).toBeGreaterThan(0);
		for (const e of r.errors) {
			expect(Number.isInteger(e.line) && e.line >= 0).toBe(true);
			expect(e.message).not.toMatch(/reader failed/);
		}
	};

	it('never throws on random text', async () => {
		const pieces = fc.constantFrom(
			...['[', ']', '{', '}', '\\', '\n', '\n  + ', '\n  - [', '<', '>', ':', '#', '_', '*'],
			...['===', '//', '/*', '(1)', '--', '\n\n', '  ', '\t', '"', '{a: [}', '@[', '><', '_>'],
			...['<_', '\n----\n', '\r', '[a]: ', '<b>: ', '\n    +> [a]', '[constructor]', 'x']
		);
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string(),
					fc.string({ unit: 'binary' }),
					fc
						.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 30 })
						.map((a) => a.join(''))
				),
				async (text) => expectLocated(await decode(text))
			),
			{ numRuns: 300 }
		);
	});

	it('never throws on damaged exports', async () => {
		const damage = fc.array(
			fc.record({
				at: fc.nat(),
				cut: fc.nat({ max: 6 }),
				insert: fc.oneof(
					fc.constantFrom(
						'[',
						']',
						'{',
						'}',
						'\\',
						'\n',
						'\n  + ',
						'<',
						'>',
						'#',
						'_',
						'===',
						'//',
						'{a: [}'
					),
					fc.string({ maxLength: 4 })
				)
			}),
			{ minLength: 1, maxLength: 6 }
		);
		await fc.assert(
			fc.asyncProperty(
				arbitraryDebate({ also: true, evidence: true }),
				damage,
				async (d, edits) => {
					let text = encode(d, 'en');
					for (const e of edits) {
						const at = e.at % (text.length + 1);
						text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
					}
					expectLocated(await decode(text));
				}
			),
			{ numRuns: 150 }
		);
	});

	const corpus = readdirSync(FIXTURES).filter((f) => f.endsWith('.argdown'));
	const broken = ['lexer-relations.argdown', ...corpus.filter((f) => f.startsWith('broken-'))];
	it('has the real files of the corpus', () => {
		expect(corpus).toEqual(
			expect.arrayContaining([
				'argdown-primer.argdown',
				'legalisation-softdrugs.argdown',
				'lexer-relations.argdown'
			])
		);
	});
	for (const f of corpus.filter((f) => !broken.includes(f) && !f.startsWith('partial-'))) {
		it(`reads ${f} into a valid debate`, async () => {
			const text = readFileSync(`${FIXTURES}/${f}`, 'utf8');
			expect(argdownCodec.sniff!(text)).toBeGreaterThanOrEqual(0.9);
			const { debate, warnings } = await read(text, f);
			expect(debate.claims.length).toBeGreaterThan(3);
			for (const w of warnings) expect(w.line).toBeGreaterThan(0);
		});
	}
	for (const f of broken) {
		it(`reports the errors of ${f} with line numbers`, async () => {
			const r = await decode(readFileSync(`${FIXTURES}/${f}`, 'utf8'), f);
			expect(r.ok).toBe(false);
			if (r.ok) return;
			for (const e of r.errors) {
				expect(e.file).toBe(f);
				expect(e.line).toBeGreaterThan(0);
			}
		});
	}

	it('imports what the parser recovers, its errors as located notes (issue 18, item 2)', async () => {
		for (const [f, line, kept] of [
			['partial-indentation.argdown', 3, ['uniforms', 'cost']],
			[
				'partial-town-centre.argdown',
				15,
				['closure', 'clean-air', 'ring-road', 'safety', 'shops', 'survey', 'buses', 'bypass']
			]
		] as const) {
			const { debate, warnings } = await read(readFileSync(`${FIXTURES}/${f}`, 'utf8'), f);
			expect(debate.claims.map((c) => c.id)).toEqual(expect.arrayContaining([...kept]));
			const note = warnings.find((w) => /not valid Argdown/.test(w.message));
			expect(note, f).toMatchObject({ severity: 'warning', file: f, line });
			expect(note!.message).toMatch(/was left out, the rest was imported$/);
		}
		// Nothing left: refused, with the parser's errors.
		const none = await decode('  + [A]: a\n    - [B]: b\n', 'x.argdown');
		expect(none.ok).toBe(false);
	});

	it('locates errors on the line where they are', async () => {
		const at = async (f: string) => {
			const r = await decode(readFileSync(`${FIXTURES}/${f}`, 'utf8'), f);
			return r.ok ? [] : r.errors.map((e) => e.line);
		};
		expect(await at('lexer-relations.argdown')).toEqual([1]);
		expect(await at('broken-trailing-backslash.argdown')).toEqual([3]);
		expect(await at('broken-data.argdown')).toEqual([3]);
		const reserved = await decode('[A]: a\n  + [constructor]: b\n');
		expect(!reserved.ok && reserved.errors.map((e) => [e.line, e.message])).toEqual([
			[2, expect.stringContaining('"constructor" cannot be used')]
		]);
		const empty = await decode(' \n');
		expect(!empty.ok && empty.errors[0]!.message).toBe('the file is empty');
	});

	it('reads the Argdown primer: statements, arguments, equivalence classes, reconstructions', async () => {
		const f = 'argdown-primer.argdown';
		const text = readFileSync(`${FIXTURES}/${f}`, 'utf8');
		const { debate, warnings } = await read(text, f);
		const rels = relationSet(buildGraph(debate));
		expect(debate.title).toBe('❤ Welcome to Argdown! ❤');
		expect(rels).toEqual(
			expect.arrayContaining([
				'argument-title -pro-> statement-2',
				'another-argument -con-> statement-2',
				'yet-another-argument -con-> another-argument',
				'intro -con-> argument-1',
				// <Argument 1>: its premises support it, it supports its conclusion (3).
				'statement-2 -pro-> argument-1',
				'untitled-11 -pro-> argument-1',
				'argument-1 -pro-> untitled-12',
				'untitled-12 -con-> statement-1',
				'untitled-1 -pro-> intro'
			])
		);
		const claim = (id: string) => debate.claims.find((c) => c.id === id)!;
		expect(claim('intro')).toMatchObject({
			title: 'Intro',
			text: 'Argdown is a simple syntax for defining argumentative structures, inspired by Markdown.'
		});
		// An equivalence class is one claim, with the text of its first definition.
		expect(claim('statement-2').text).toBe(
			"Let's do that now: The previous statement was @[Statement 1]."
		);
		expect(claim('argument-title')).toMatchObject({ title: 'Argument title', tags: ['tag'] });
		expect(claim('statement-1').tags).toEqual(['another-tag']);
		expect(debate.tags).toEqual(
			expect.arrayContaining([{ id: 'another-tag', label: 'Another tag' }])
		);
		// The argument has no description: its title is its text.
		expect(claim('argument-1').text).toBe('Argument 1');
		const said = warnings.map((w) => w.message).join('\n');
		expect(said).toMatch(/8 untitled paragraphs without relations were read as prose/);
		expect(said).toMatch(/<Argument 1>.*inference rules were not kept/);
		expect(said).toMatch(/"Statement 1" is longer than a claim may be/);
		expect(claim('statement-1').detail).toMatch(
			/^Another statement \(after a blank line\).*mention it in other statements\.$/
		);
	});

	it('writes arguments back as <Argument>s that @argdown/core reads as arguments, and reads them back the same', async () => {
		const f = 'argdown-primer.argdown';
		const { debate } = await read(readFileSync(`${FIXTURES}/${f}`, 'utf8'), f);
		const args = debate.claims.filter((c) => c.kind === 'argument').map((c) => c.id);
		expect(args.sort()).toEqual([
			'another-argument',
			'argument-1',
			'argument-title',
			'yet-another-argument'
		]);
		const out = encode(debate, 'en');
		// Argdown's own parser: no errors, the same arguments, and a statement for every other claim.
		const r = parseWithArgdown(out);
		expect(r.lexerErrors ?? []).toEqual([]);
		expect((r.parserErrors ?? []).map((e) => e.message)).toEqual([]);
		const ids = (o: Record<string, { data?: Record<string, unknown> }> | undefined) =>
			Object.values(o ?? {})
				.map((x) => String(x.data?.id))
				.sort();
		expect(ids(r.arguments)).toEqual(args);
		expect(ids(r.statements)).toEqual(
			debate.claims
				.filter((c) => c.kind !== 'argument')
				.map((c) => c.id)
				.sort()
		);
		// Read back: the same claims, kinds and relations (in the order written: tree order).
		const back = (await read(out, 'again.argdown')).debate;
		const kinds = (d: Debate) => d.claims.map((c) => `${c.id}:${c.kind ?? ''}`).sort();
		expect(kinds(back)).toEqual(kinds(debate));
		expect(relationSet(buildGraph(back))).toEqual(relationSet(buildGraph(debate)));
	});

	it('carries every field a claim may have (the schema lists them), or the format lists it as left out', async () => {
		const d = valid();
		const every = everyField(d);
		expect(Object.keys(every).sort()).toEqual(Object.keys(ClaimSchema.shape).sort());
		const debate = { ...d, claims: [...d.claims, every as Claim] };
		const back = (await read(encode(debate, 'en'), 'every.argdown')).debate;
		const again = back.claims.find((c) => c.id === 'x')! as Record<string, unknown>;
		for (const key of Object.keys(every) as (keyof Claim)[]) {
			const part = CLAIM_FIELD_PART[key];
			if (part !== 'kept' && argdownCodec.leavesOut.includes(part)) continue;
			expect(again[key], key).toEqual(every[key]);
		}
	});

	it('checks claim data with the debate schema: a base score or kind it refuses is left out, said', async () => {
		const text = [
			'[T]: A thesis. {id: t}',
			'  + [A]: A reason. {id: a, baseScore: 1.5, kind: "rumour"}',
			'  + [B]: Another. {id: b, baseScore: 0.25, kind: "question"}'
		].join('\n');
		const { debate, warnings } = await read(text);
		const claim = (id: string) => debate.claims.find((c) => c.id === id)!;
		expect(claim('a').baseScore).toBeUndefined();
		expect(claim('a').kind).toBeUndefined();
		expect(claim('b')).toMatchObject({ baseScore: 0.25, kind: 'question' });
		const said = warnings.map((w) => w.message).join('\n');
		expect(said).toMatch(/the baseScore of "A" is not a number from 0 to 1/);
		expect(said).toMatch(/the kind of "A" is not "claim", "question", "argument"/);
	});

	it('reads the soft-drugs debate: front matter, thesis, undercuts, tags, long texts', async () => {
		const f = 'legalisation-softdrugs.argdown';
		const text = readFileSync(`${FIXTURES}/${f}`, 'utf8');
		const { debate, warnings, decoded } = await read(text, f);
		expect(debate.title).toBe('Pros and Cons Legalisation of Soft Drugs');
		expect(debate.thesis).toBe('legalisation-of-soft-drugs');
		expect(debate.claims).toHaveLength(18);
		const claim = (id: string) => debate.claims.find((c) => c.id === id)!;
		expect(claim('legalisation-of-soft-drugs').text).toBe('Soft drugs should be legal.');
		expect(claim('no-harm-no-ban')).toMatchObject({
			title: 'No harm, no ban',
			stance: 'pro',
			tags: ['pro']
		});
		expect(claim('law-must-protect')).toMatchObject({
			stance: 'con',
			target: 'legalisation-of-soft-drugs'
		});
		// `<_` under an unreconstructed argument: the undercut of its one relation.
		expect(claim('poor-reason')).toMatchObject({
			stance: 'con',
			target: { from: 'alcohol-and-tobacco-analogy', to: 'legalisation-of-soft-drugs' }
		});
		// A second mention (`+ <Soft drugs are harmful>`) is a further relation, not a new claim.
		expect(claim('soft-drugs-are-harmful')).toMatchObject({
			stance: 'pro',
			target: 'law-must-protect',
			also: [
				{ target: 'no-harm-no-ban', stance: 'con' },
				{ target: 'minimize-destructive-activity', stance: 'pro' }
			]
		});
		expect(debate.tags.map((t) => t.id)).toEqual(['pro', 'con']);
		expect(claim('no-harm-no-ban').text.length).toBeLessThanOrEqual(160);
		expect(claim('no-harm-no-ban').detail).toMatch(
			/^The role of legislation.*not be a crime at all\.$/
		);
		expect(warnings.filter((w) => /longer than a claim/.test(w.message))).toHaveLength(16);
		// `locate` points at the line that defines each claim.
		const lines = text.split('\n');
		if (!decoded.ok) throw new Error('unreachable');
		debate.claims.forEach((c, i) => {
			const line = decoded.locate!(['claims', i, 'text']).line;
			const title = c.title ?? '';
			expect(lines[line - 1]).toContain(c.id === debate.thesis ? `[${title}]:` : `<${title}>:`);
		});
	});

	it('reads a reconstruction, a contradiction and an undercut of an inference', async () => {
		const f = 'reconstruction.argdown';
		const { debate, warnings } = await read(readFileSync(`${FIXTURES}/${f}`, 'utf8'), f);
		expect(debate.title).toBe('Uniforms, reconstructed');
		expect(debate.thesis).toBe('uniforms');
		expect(relationSet(buildGraph(debate))).toEqual(
			[
				'cheap -pro-> cost',
				'untitled-1 -pro-> cost',
				'cost -pro-> uniforms',
				'shop -con-> uniforms',
				'shop -con-> second-hand',
				'second-hand -con-> shop',
				'peer-pressure -con-> uniforms'
			].sort()
		);
		expect(debate.claims.find((c) => c.id === 'peer-pressure')!.target).toEqual({
			from: 'cost',
			to: 'uniforms'
		});
		expect(debate.claims.find((c) => c.id === 'untitled-1')!.title).toBeUndefined();
		const said = warnings.map((w) => w.message).join('\n');
		expect(said).toMatch(/contradiction between "Shop" and "Second-hand"/);
		expect(said).toMatch(/1 heading groups the Argdown map/);
	});

	it('reads ids from data, makes new ones where they are missing or taken, and reports relations it changes', async () => {
		const { debate, warnings } = await read(
			'[A]: a {id: p1}\n  + [B]: b {id: p1}\n  + [C]: c\n  _ [U]: u\n\n[D]: d\n  + [E]: e\n    + [D]\n'
		);
		expect(debate.claims.map((c) => c.id)).toEqual(['p1', 'b', 'c', 'u', 'd', 'e']);
		// An undercut of a claim with no relation of its own is read as an attack on it.
		expect(debate.claims.find((c) => c.id === 'u')).toMatchObject({ stance: 'con', target: 'p1' });
		// A circle: one claim becomes a root and keeps its relation under `also`.
		expect(debate.claims.find((c) => c.id === 'd')).toMatchObject({
			also: [{ target: 'e', stance: 'pro' }]
		});
		expect(debate.thesis).toBe('p1');
		expect(warnings.map((w) => [w.line, w.message])).toEqual([
			[2, expect.stringContaining('the id "p1" of "B" is not a valid, unused id')],
			[4, expect.stringContaining('the undercut of "A" was read as an attack on it')],
			[6, expect.stringContaining('the relations of "D" go round in a circle')],
			// Texts of one letter tell no language.
			[0, expect.stringContaining('the language of the texts could not be told')]
		]);
	});
});

describe('detecting Argdown', () => {
	it('is sure of its own exports and of real files, and not of Counterpoint YAML or JSON', () => {
		expect(argdownCodec.sniff!(encode(valid(), 'en'))).toBeGreaterThanOrEqual(0.9);
		expect(
			argdownCodec.sniff!(readFileSync(`${FIXTURES}/argdown-primer.argdown`, 'utf8'))
		).toBeGreaterThanOrEqual(0.9);
		expect(argdownCodec.sniff!('[A]: a statement\n  + [B]: a reason\n')).toBeGreaterThanOrEqual(
			0.9
		);
		expect(argdownCodec.sniff!('<A>: an argument\n  <+ <B>\n')).toBeGreaterThan(0.5);
		expect(argdownCodec.sniff!(readFileSync('tests/fixtures/debates/valid.yaml', 'utf8'))).toBe(0);
		expect(argdownCodec.sniff!(JSON.stringify(valid(), null, 2))).toBe(0);
		expect(argdownCodec.sniff!('Just some prose.\n\nMore prose.')).toBe(0);
		expect(
			argdownCodec.sniff!(
				'See [the docs](https://x.org).\n\n[1]: https://example.org\n- [ ] a task\n'
			)
		).toBe(0);
	});
});
