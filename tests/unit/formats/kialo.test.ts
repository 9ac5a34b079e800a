import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDebate } from '../../../src/lib/core/formats';
import type { DecodeResult } from '../../../src/lib/core/formats/codec';
import { kialoCodec } from '../../../src/lib/core/formats/kialo';
import { formatDiagnostic } from '../../../src/lib/core/load';
import { Debate, textIn } from '../../../src/lib/core/schema';
import { arbitraryDebate, buildGraph, relationSet } from './arbitrary';
import { expectGolden } from './golden';
import { readWith, shippedDebate, unexpectedProblems, validDebate } from './read';

const FIXTURES = 'tests/fixtures/formats/kialo';
const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}.txt`, 'utf8');

const shipped = shippedDebate;
const valid = validDebate;

const encode = (d: Debate, lang?: string) => kialoCodec.encode!(d, { lang });
const decode = (text: string, file = 'test.txt') => kialoCodec.decode!(text, { file });

const read = (text: string, file = 'test.txt') => readWith(kialoCodec, text, file);

/** The errors of input that must not decode, as `line: message`. */
async function errorsOf(text: string): Promise<string[]> {
	const r = await decode(text);
	expect(r.ok).toBe(false);
	return r.ok ? [] : r.errors.map((e) => `${e.line}: ${e.message}`);
}

/** Claims in the order a Kialo export writes them: depth first from the thesis. */
function treeOrder(d: Debate): string[] {
	const g = buildGraph(d);
	const out: string[] = [];
	const stack = [d.thesis];
	while (stack.length > 0) {
		const id = stack.pop()!;
		out.push(id);
		stack.push(...[...(g.children.get(id) ?? [])].reverse());
	}
	return out;
}

/**
 * A debate's shape with ids replaced by positions in tree order: every relation as
 * `from -stance-> to`, each claim's text, and its evidence quotes.
 */
function shape(d: Debate, lang = d.language) {
	const order = treeOrder(d);
	const pos = new Map(order.map((id, i) => [id, String(i)]));
	const byId = new Map(d.claims.map((c) => [c.id, c]));
	return {
		count: d.claims.length,
		relations: relationSet(buildGraph(d), (id) => pos.get(id)!),
		texts: order.map((id) => textIn(byId.get(id)!.text, lang, d.language).replace(/\s+/g, ' ')),
		quotes: order.map((id) => (byId.get(id)!.evidence ?? []).map((e) => e.quote))
	};
}

/** What the export does to a text that would read as a link. */
const asWritten = (text: string) =>
	/^->\s*See\s+(\d+(\.\d+)*\.?|discussion\b.*)\s*$/i.test(text) ? text.replace(/^->/, '→') : text;

describe('the Kialo codec', () => {
	it('describes itself', () => {
		expect(kialoCodec).toMatchObject({
			id: 'kialo',
			label: 'Kialo text export',
			extensions: ['txt'],
			mediaType: 'text/plain',
			lossless: false
		});
	});

	it('recognises both layouts from their first line', () => {
		const sniff = kialoCodec.sniff!;
		expect(sniff(fixture('new-format'))).toBe(1);
		expect(sniff(fixture('old-format'))).toBe(1);
		expect(sniff('\uFEFF\r\n  Discussion Name:\r\nX')).toBe(1);
		expect(sniff('1. Thesis:\r\nX')).toBe(0);
		expect(sniff('Notes. Discussion Name: X')).toBe(0);
		expect(sniff('')).toBe(0);
	});
});

describe('writing Kialo', () => {
	it('matches the golden file byte for byte (CRLF, no newline at the end)', () => {
		const text = encode(valid(), 'en');
		expect(text).not.toMatch(/[^\r]\n/);
		expect(text.endsWith('\n')).toBe(false);
		expectGolden('tests/golden/kialo/valid.txt', text);
	});

	it('writes a claim with a second parent once, and a "-> See" entry under the other parent', () => {
		const lines = encode(valid(), 'en').split('\r\n');
		expect(lines.filter((l) => l.includes('Second-hand uniforms'))).toHaveLength(1);
		expect(lines.slice(lines.indexOf('  1.2. Pro:'), lines.indexOf('  1.2. Pro:') + 2)).toEqual([
			'  1.2. Pro:',
			'  -> See 1.1.1.1.'
		]);
	});

	it('writes the texts in the language asked for, falling back to the primary one', () => {
		const text = encode(valid(), 'zh');
		expect(text.split('\r\n').slice(0, 5)).toEqual([
			'Discussion Name:',
			'校服',
			'',
			'1. Thesis:',
			'学校应当要求穿校服。'
		]);
		expect(text).toContain('Uniforms cost families less than fashionable clothes. [1]');
	});

	it('writes several roots as the theses of a question named after the debate', async () => {
		const d = Debate.parse({
			...valid(),
			claims: [
				...valid().claims,
				{ id: 'r2', text: 'Pupils should choose their clothes.' },
				{ id: 'r2a', stance: 'con', target: 'r2', text: 'Choice leads to teasing.' }
			],
			tour: undefined
		});
		const text = encode(d, 'en');
		expect(text).toMatch(
			/^Discussion Name:\r\nSchool uniforms\r\n\r\n1\. Question:\r\nSchool uniforms\r\n\r\n {2}1\.1\. Thesis:\r\n {2}Schools should require/
		);
		expect(text).toContain(
			'  1.2. Thesis:\r\n  Pupils should choose their clothes.\r\n\r\n    1.2.1. Con:\r\n'
		);
		expect(text).toContain('    1.1.2. Pro:\r\n    -> See 1.1.1.1.1.');
		const { debate } = await read(text);
		expect(debate.claims).toHaveLength(d.claims.length + 1);
		const thesis = debate.claims.find((c) => c.id === debate.thesis)!;
		expect(thesis).toEqual({ id: 'k1', kind: 'question', text: 'School uniforms' });
		expect(debate.claims.filter((c) => c.target === 'k1').map((c) => [c.text, c.stance])).toEqual([
			['Schools should require uniforms.', 'pro'],
			['Pupils should choose their clothes.', 'pro']
		]);
	});

	it('writes a question thesis as "1. Question:" with its pro answers as theses', async () => {
		const d = Debate.parse({
			formatVersion: 1,
			id: 'q',
			title: 'Budget',
			summary: 'A question.',
			language: 'en',
			thesis: 'q',
			claims: [
				{ id: 'q', kind: 'question', text: 'What should the budget buy?' },
				{ id: 'a', stance: 'pro', target: 'q', text: 'Laptops.' },
				{ id: 'b', stance: 'con', target: 'q', text: 'The question is premature.' },
				{ id: 'a1', stance: 'con', target: 'a', text: 'They break.' }
			]
		});
		const text = encode(d);
		expect(text).toBe(
			[
				'Discussion Name:',
				'Budget',
				'',
				'1. Question:',
				'What should the budget buy?',
				'',
				'  1.1. Thesis:',
				'  Laptops.',
				'',
				'    1.1.1. Con:',
				'    They break.',
				'',
				'  1.2. Con:',
				'  The question is premature.'
			].join('\r\n')
		);
		const { debate } = await read(text);
		expect(shape(debate)).toEqual(shape(d));
		expect(debate.claims[0]!.kind).toBe('question');
	});

	it('writes an undercut as a Pro or Con of the claim whose support it questions', async () => {
		const d = Debate.parse({
			...valid(),
			claims: [
				...valid().claims,
				{
					id: 'u',
					stance: 'con',
					target: { from: 'p1', to: 't' },
					text: 'Cheaper does not mean better.'
				}
			]
		});
		const text = encode(d, 'en');
		expect(text).toContain('    1.1.2. Con:\r\n    Cheaper does not mean better.');
		const { debate } = await read(text);
		const u = debate.claims.find((c) => c.text === 'Cheaper does not mean better.')!;
		expect(u).toMatchObject({ stance: 'con', target: 'k1-1' });
	});

	it('keeps texts that look like Kialo syntax from being read as syntax', async () => {
		const claims = [
			'-> See 1.1.',
			'-> See discussion #12: Other',
			'1.2. Pro:',
			'Sources:',
			'Cited as [1] and [3] in the report.',
			'[2] https://example.org',
			'  spaced\nover\tlines  '
		];
		const d = Debate.parse({
			...valid(),
			title: '1. Thesis:',
			claims: [
				{ id: 't', text: 'Thesis [2]' },
				...claims.map((text, i) => ({
					id: `c${i}`,
					stance: 'pro',
					target: i === 0 ? 't' : `c${i - 1}`,
					text,
					evidence: [
						{
							source: 'survey',
							kind: 'quote',
							quote: `Quote ${i}\n[9] not a footnote`,
							quoteLang: 'en',
							locator: 'p. 1'
						}
					]
				}))
			],
			tour: undefined
		});
		const text = encode(d, 'en');
		expect(text).toContain('\r\n  → See 1.1. [4]\r\n');
		expect(text).toContain('→ See discussion #12: Other [5]');
		expect(text).toContain('\r\n"Quote 0 [9] not a footnote"\r\n');
		expect(text).toContain('spaced over lines [');
		const { debate, warnings } = await read(text);
		expect(debate.title).toBe('1. Thesis:');
		expect(shape(debate).relations).toEqual(shape(d).relations);
		expect(debate.claims.map((c) => c.text)).toEqual([
			'Thesis [2]',
			'→ See 1.1.',
			'→ See discussion #12: Other',
			'1.2. Pro:',
			'Sources:',
			'Cited as [1] and [3] in the report.',
			'[2] https://example.org',
			'spaced over lines'
		]);
		expect(debate.claims[1]!.evidence![0]!.quote).toBe('Quote 0 [9] not a footnote');
		// The numbers used as text are skipped by the footnotes and read back as text.
		expect(text.match(/^\[\d+\]/gm)).toEqual(['[4]', '[5]', '[6]', '[7]', '[8]', '[9]', '[10]']);
		expect(warnings.map((w) => w.message)).toContain(
			'entry 1. cites footnote [2], which is not under "Sources:"; it was kept as text'
		);
	});

	it('names a source without an address by its title, and leaves out a quote that is only the address', async () => {
		const d = Debate.parse({
			...valid(),
			sources: [
				...valid().sources,
				{
					id: 'book',
					title: 'A Book',
					author: 'A. Writer',
					type: 'book',
					language: 'en',
					status: 'confirmed'
				}
			],
			claims: valid().claims.map((c) =>
				c.id === 'p1'
					? {
							...c,
							evidence: [
								{
									source: 'book',
									kind: 'quote',
									quote: 'Line one\nline two',
									quoteLang: 'en',
									locator: 'p. 9'
								},
								{
									source: 'survey',
									kind: 'document',
									quote: 'https://example.org/survey',
									quoteLang: 'en',
									locator: 'whole'
								}
							]
						}
					: c
			)
		});
		const text = encode(d, 'en');
		expect(text).toContain(
			'Sources:\r\n[1] A Book\r\n"Line one\r\nline two"\r\n[2] https://example.org/survey\r\n[3] '
		);
		const { debate } = await read(text);
		expect(debate.sources[0]).toEqual({
			id: 's1',
			title: 'A Book',
			organisation: 'unknown',
			type: 'other',
			language: 'en',
			status: 'unconfirmed'
		});
		expect(debate.claims[1]!.evidence).toEqual([
			{
				source: 's1',
				kind: 'quote',
				quote: 'Line one\nline two',
				quoteLang: 'en',
				locator: 'footnote [1]'
			},
			{
				source: 's2',
				kind: 'document',
				quote: 'https://example.org/survey',
				quoteLang: 'en',
				locator: 'footnote [2]'
			}
		]);
	});

	it('writes no "Sources:" section when nothing is cited', () => {
		const d = Debate.parse({
			...valid(),
			claims: valid().claims.map(({ evidence: _, ...c }) => c)
		});
		const text = encode(d, 'en');
		expect(text).not.toContain('Sources:');
		expect(text.endsWith('  -> See 1.1.1.1.')).toBe(true);
	});
});

describe('reading the new Kialo layout', () => {
	it('reads entries, multi-line bodies, footnotes and links', async () => {
		const { debate, warnings } = await read(fixture('new-format'), 'town.txt');
		expect(debate).toMatchObject({
			id: 'should-our-town-close-its-centre-to-cars',
			title: 'Should our town close its centre to cars?',
			language: 'en',
			thesis: 'k1'
		});
		const nitrogen =
			'Nitrogen dioxide fell by a third\n\nin the first year.\n1. Roadside stations\n2. Background stations';
		expect(debate.claims).toEqual([
			{ id: 'k1', text: 'The town centre should be closed to private cars.' },
			{
				id: 'k1-1',
				text: 'Air in the centre would be cleaner within a year.',
				stance: 'pro',
				target: 'k1',
				evidence: [
					{ source: 's1', kind: 'quote', quote: nitrogen, quoteLang: 'en', locator: 'footnote [1]' }
				]
			},
			{
				id: 'k1-1-1',
				text: 'Traffic would move to the ring road, so the pollution only moves.',
				stance: 'con',
				target: 'k1-1',
				evidence: [
					{
						source: 's2',
						kind: 'document',
						quote: 'https://example.com/traffic?id=7',
						quoteLang: 'en',
						locator: 'footnote [2]'
					}
				]
			},
			{
				id: 'k1-2',
				text: 'Shops in the centre depend on customers who come by car. Many of them are elderly and cannot walk far.',
				stance: 'con',
				target: 'k1',
				note: 'Kialo: a con link to another discussion was not imported (-> See discussion #4821: Do pedestrian zones help local shops?).'
			},
			{
				id: 'k1-2-2',
				text: 'A survey of shop owners found that most feared losing trade.',
				stance: 'pro',
				target: 'k1-2',
				evidence: [
					{
						source: 's3',
						kind: 'quote',
						quote: 'Most owners expected to lose trade.',
						quoteLang: 'en',
						locator: 'footnote [3]'
					},
					{ source: 's1', kind: 'quote', quote: nitrogen, quoteLang: 'en', locator: 'footnote [1]' }
				]
			},
			{ id: 'k1-3', text: 'Fewer cars make the streets safer.', stance: 'pro', target: 'k1' },
			{
				id: 'k1-3-1',
				text: 'Children could walk to school on their own.',
				stance: 'pro',
				target: 'k1-3',
				also: [{ target: 'k1-1', stance: 'pro' }]
			}
		]);
		expect(debate.sources).toEqual([
			{
				id: 's1',
				title: 'example.org/air/report-2023',
				organisation: 'example.org',
				url: 'https://example.org/air/report-2023',
				type: 'other',
				language: 'en',
				status: 'unconfirmed'
			},
			{
				id: 's2',
				title: 'example.com/traffic',
				organisation: 'example.com',
				url: 'https://example.com/traffic?id=7',
				type: 'other',
				language: 'en',
				status: 'unconfirmed'
			},
			{
				id: 's3',
				title: 'example.net/survey',
				organisation: 'example.net',
				url: 'https://example.net/survey',
				type: 'other',
				language: 'en',
				status: 'unconfirmed'
			}
		]);
		expect(warnings.map(formatDiagnostic)).toEqual([
			'town.txt:20:1 warning: claims[3].note: entry 1.2.1. links to another Kialo discussion (discussion #4821: Do pedestrian zones help local shops?), which was not imported (import that discussion on its own)'
		]);
	});

	it('is what the importer picks for a Kialo .txt file or pasted text', async () => {
		for (const file of ['town.txt', 'pasted text']) {
			const r = await importDebate(fixture('new-format'), { file });
			expect(r.ok && r.format).toBe('kialo');
			expect(r.ok && r.value.claims).toHaveLength(7);
		}
		const old = await importDebate(fixture('old-format'), { file: 'hotdog.txt' });
		expect(old.ok && old.value.sources).toHaveLength(2);
		const broken = await importDebate(fixture('broken-parent'), { file: 'p.txt' });
		expect(!broken.ok && broken.errors.map((e) => e.line)).toEqual([10]);
	});

	it('turns a reused claim ("-> See") into one claim with two relations', async () => {
		const { debate } = await read(fixture('new-format'));
		const g = buildGraph(debate);
		expect(debate.claims.filter((c) => c.text.toString().startsWith('Children'))).toHaveLength(1);
		expect(g.outgoing.get('k1-3-1')!.map((r) => `${r.stance} ${r.to} ${r.primary}`)).toEqual([
			'pro k1-3 true',
			'pro k1-1 false'
		]);
	});

	it('reads a multi-thesis discussion as a question answered by its theses', async () => {
		const { debate, warnings } = await read(fixture('question'));
		expect(warnings).toEqual([]);
		expect(debate.claims).toEqual([
			{ id: 'k1', kind: 'question', text: 'How should the school spend its new budget?' },
			{ id: 'k1-1', text: 'Buy a laptop for every pupil.', stance: 'pro', target: 'k1' },
			{
				id: 'k1-1-1',
				text: 'Pupils learn less when lessons move to screens.',
				stance: 'con',
				target: 'k1-1',
				also: [{ target: 'k1-2', stance: 'pro' }]
			},
			{ id: 'k1-2', text: 'Hire two more teachers.', stance: 'pro', target: 'k1' },
			{
				id: 'k1-2-1',
				text: 'Smaller classes let teachers give each pupil more feedback.',
				stance: 'pro',
				target: 'k1-2'
			}
		]);
	});

	it('reads LF, CR, mixed line endings, a byte-order mark, a final newline and tab indents alike', async () => {
		const text = fixture('new-format');
		const expected = (await read(text)).debate;
		const lf = text.replace(/\r\n/g, '\n');
		const variants = [
			lf,
			text.replace(/\r\n/g, '\r'),
			lf.replace(/\n(\s*1\.[12])/g, '\r\n$1'),
			`\uFEFF${text}`,
			`${text}\r\n\r\n`,
			`\r\n${text}`,
			text.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2)),
			text.replace(/\[(\d)\]/g, '\t[$1]')
		];
		for (const v of variants) expect((await read(v)).debate).toEqual(expected);
	});

	it('locates claims and sources at their lines for schema messages', async () => {
		const text = fixture('new-format');
		const lines = text.split('\r\n');
		const { locate } = await read(text);
		expect(locate(['claims', 0, 'text'])).toEqual({ line: 4, column: 1 });
		expect(locate(['claims', 3, 'stance'])).toEqual({
			line: lines.indexOf('  1.2. Con:') + 1,
			column: 1
		});
		expect(locate(['sources', 1, 'url'])).toEqual({
			line: lines.indexOf('[2] https://example.com/traffic?id=7') + 1,
			column: 1
		});
		expect(locate(['thesis'])).toEqual({ line: 4, column: 1 });
		expect(locate(['title'])).toEqual({ line: 2, column: 1 });
		expect(locate(['tour'])).toEqual({ line: 0, column: 0 });
	});

	it('shortens a claim over 160 characters, keeps it in full as detail, and says where', async () => {
		const long = 'word '.repeat(50).trim();
		const { debate, warnings } = await read(
			`Discussion Name:\nLong\n\n1. Thesis:\nShort.\n\n  1.1. Con:\n  ${long}`
		);
		expect(debate.claims[1]!.text.toString().length).toBeLessThanOrEqual(160);
		expect(debate.claims[1]!.detail).toBe(long);
		expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
			'7: the text of entry 1.1. is longer than 160 characters; it was shortened and kept in full as its detail',
			'0: the language of the texts could not be told; the debate was marked as English (en)'
		]);
	});

	it('warns about a link to a missing entry and notes it on the claim it stood under', async () => {
		const { debate, warnings } = await read(fixture('broken-link'));
		expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
			'10: entry 1.1.1. links to 1.9., which is not in the file; the link was left out'
		]);
		expect(debate.claims).toHaveLength(2);
		expect(debate.claims[1]!.note).toBe(
			'Kialo: a con link (-> See 1.9.) led to no entry and was not imported.'
		);
	});

	it('warns about footnotes it cannot use, and odd labels', async () => {
		const { debate, warnings } = await read(
			[
				'Discussion Name:',
				'Odd',
				'',
				'1. Con:',
				'Root [7] text [1].',
				'',
				'  1.1. Thesis:',
				'  Not under a question.',
				'',
				'  1.2. Pro:',
				'  -> See 1.',
				'',
				'Sources:',
				'stray line',
				'[1] https://example.org/a',
				'[1] https://example.org/b',
				'[2] https://example.org/unused',
				'[3]'
			].join('\n')
		);
		expect(debate.claims[0]!.text).toBe('Root [7] text.');
		expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
			'14: this line under "Sources:" is not in a footnote and was left out',
			'16: footnote [1] appears twice; the first one is used',
			'18: footnote [3] is empty',
			'4: entry 1. cites footnote [7], which is not under "Sources:"; it was kept as text',
			'4: the root 1. is labelled Con:; it was read as the thesis',
			'7: entry 1.1. is labelled Thesis: but is not an answer to a "1. Question:"; it was read as Pro',
			'17: footnote [2] is not cited by any entry and was left out',
			'10: entry 1.2. links to the entry it stands under; the link was left out',
			// "Root text", "Not under a question": too few words to tell a language by.
			'0: the language of the texts could not be told; the debate was marked as English (en)'
		]);
	});
});

describe('reading the old Kialo layout', () => {
	it('reads one claim a line, undoing escapes and turning links into sources', async () => {
		const { debate, warnings } = await read(fixture('old-format'));
		expect(warnings).toEqual([]);
		expect(debate).toMatchObject({
			id: 'is-a-hot-dog-a-sandwich',
			title: 'Is a hot dog a sandwich?'
		});
		expect(debate.claims).toEqual([
			{ id: 'k1', text: 'A hot dog is a sandwich.' },
			{
				id: 'k1-1',
				text: 'A sandwich is meat between bread (or a split roll), says the dictionary.',
				stance: 'pro',
				target: 'k1',
				evidence: [
					{
						source: 's1',
						kind: 'document',
						quote: 'https://www.example.org/dictionary/sandwich_(food)',
						quoteLang: 'en',
						locator: 'link "the dictionary"'
					}
				]
			},
			{
				id: 'k1-1-1',
				text: 'Dictionaries describe how words are used; they do not settle categories [citation needed].',
				stance: 'con',
				target: 'k1-1',
				also: [{ target: 'k1-2', stance: 'pro' }]
			},
			{
				id: 'k1-2',
				text: 'Nobody asks for "a sandwich" and expects a hot dog. Ask @ballpark_fans on any forum.',
				stance: 'con',
				target: 'k1'
			},
			{
				id: 'k1-3',
				text: 'The bun is one piece of bread, like a sub roll, and a sub is a sandwich.',
				stance: 'pro',
				target: 'k1',
				evidence: [
					{
						source: 's2',
						kind: 'document',
						quote: 'https://example.com/sub',
						quoteLang: 'en',
						locator: 'link "a sub roll"'
					}
				]
			}
		]);
		expect(debate.sources.map((s) => [s.id, s.title, s.organisation, s.url])).toEqual([
			[
				's1',
				'www.example.org/dictionary/sandwich_(food)',
				'www.example.org',
				'https://www.example.org/dictionary/sandwich_(food)'
			],
			['s2', 'example.com/sub', 'example.com', 'https://example.com/sub']
		]);
	});

	it('reads CRLF and a byte-order mark alike, and a line without a side as Pro', async () => {
		const text = fixture('old-format');
		const expected = (await read(text)).debate;
		expect((await read(`\uFEFF${text.replace(/\n/g, '\r\n')}\r\n`)).debate).toEqual(expected);
		const { debate, warnings } = await read(
			'Discussion Title: T\n\n1. Root\n1.1. Child [x](mailto:a@b.c)'
		);
		expect(debate.claims[1]).toMatchObject({
			text: 'Child x',
			stance: 'pro',
			evidence: [{ quote: 'mailto:a@b.c' }]
		});
		expect(debate.sources[0]).toMatchObject({ title: 'mailto:a@b.c', organisation: 'unknown' });
		expect(debate.sources[0]!.url).toBeUndefined();
		expect(warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
			'4: entry 1.1. has no side (Pro: or Con:); it was read as Pro',
			'0: the language of the texts could not be told; the debate was marked as English (en)'
		]);
	});
});

describe('refusing broken Kialo files', () => {
	it('locates a bad entry number', async () => {
		expect(await errorsOf(fixture('broken-numbering'))).toEqual([
			'10: bad entry number "1.2": Kialo numbers end with a dot, as in "1.2."'
		]);
		expect(await errorsOf(fixture('broken-old'))).toEqual([
			'5: bad entry number "1.1": Kialo numbers end with a dot, as in "1.2."',
			'6: entry 1.2.1. has no parent 1.2.'
		]);
	});

	it('locates an entry whose parent is missing, with a hint', async () => {
		const r = await decode(fixture('broken-parent'), 'p.txt');
		expect(!r.ok && r.errors.map(formatDiagnostic)).toEqual([
			'p.txt:10:1 entry 1.3.2. has no parent 1.3. (Kialo numbers each entry after the one it answers; add entry 1.3. or correct the number)'
		]);
	});

	it('refuses a file without its header', async () => {
		expect(await errorsOf(fixture('broken-header'))).toEqual([
			'1: this is not a Kialo text export: it does not start with "Discussion Name:" or "Discussion Title:"'
		]);
		expect(await errorsOf('')).toHaveLength(1);
		expect(await errorsOf('\r\n\r\n  \r\nDiscussion Nam:\r\nX')).toEqual([
			'4: this is not a Kialo text export: it does not start with "Discussion Name:" or "Discussion Title:"'
		]);
	});

	it('locates duplicate numbers, missing texts, a second root, a missing root and entries under links', async () => {
		const head = 'Discussion Name:\nT\n\n';
		expect(await errorsOf(`${head}1. Thesis:\nA\n\n  1.1. Pro:\n  B\n\n  1.1. Con:\n  C`)).toEqual([
			'10: entry 1.1. appears twice'
		]);
		expect(await errorsOf(`${head}1. Thesis:\nA\n\n  1.1. Pro:\n\n  1.2. Con:\n  C`)).toEqual([
			'7: entry 1.1. has no text'
		]);
		expect(await errorsOf(`${head}1. Thesis:\nA\n\n2. Thesis:\nB`)).toEqual([
			'7: entry 2. is a second root'
		]);
		expect(await errorsOf(`${head}  1.1. Pro:\n  B\n\n  1.2. Pro:\n  C`)).toEqual([
			'4: the discussion has no root entry "1."'
		]);
		expect(await errorsOf(`${head}`)).toEqual(['3: the discussion has no entries']);
		expect(
			await errorsOf(`${head}1. Thesis:\nA\n\n  1.1. Pro:\n  -> See 1.\n\n    1.1.1. Con:\n    C`)
		).toEqual(['10: entry 1.1.1. is under 1.1., which is only a link (-> See 1.)']);
		expect(
			await errorsOf(
				`${head}1. Thesis:\nA\nstray\n\n  text without header\n  more\n\n  1.1. Pro:\n  B`
			)
		).toEqual(['8: "text without header" is not a Kialo entry header']);
	});
});

describe('round trips through Kialo', () => {
	for (const lang of ['en', 'zh']) {
		it(`keeps the shipped debate's claims, relations and quotes (${lang})`, async () => {
			const d = shipped();
			const { debate } = await read(encode(d, lang));
			const before = shape(d, lang);
			const after = shape(debate);
			expect(after.count).toBe(d.claims.length);
			expect(after.relations).toEqual(before.relations);
			expect(after.texts).toEqual(before.texts.map(asWritten));
			expect(after.quotes).toEqual(before.quotes);
			expect(debate.language).toBe(lang);
		});
	}

	it('keeps the valid fixture', async () => {
		const d = valid();
		const { debate, warnings } = await read(encode(d, 'en'));
		expect(warnings).toEqual([]);
		expect(shape(debate)).toEqual(shape(d, 'en'));
		expect(debate.sources).toHaveLength(1);
		expect(
			debate.claims.find((c) => c.text === 'Second-hand uniforms are sold cheaply at school.')
		).toMatchObject({
			stance: 'con',
			target: 'k1-1-1',
			also: [{ target: 'k1', stance: 'pro' }]
		});
	});

	it('keeps the relation structure, texts and quotes of random debates', async () => {
		await fc.assert(
			fc.asyncProperty(arbitraryDebate({ also: true, evidence: true }), async (d) => {
				const { debate } = await read(encode(d));
				const before = shape(d);
				const after = shape(debate);
				expect(after.count).toBe(before.count);
				expect(after.relations).toEqual(before.relations);
				expect(after.texts).toEqual(before.texts.map(asWritten));
				expect(after.quotes).toEqual(before.quotes);
			}),
			{ numRuns: 150 }
		);
	});
});

describe('reading whatever comes in', () => {
	/** Decoding never throws; what it accepts also passes validation. */
	async function check(text: string) {
		const r: DecodeResult = await decode(text);
		if (!r.ok) {
			expect(r.errors.length).toBeGreaterThan(0);
			for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(0);
			return;
		}
		expect(unexpectedProblems(r.data, r.locate)).toEqual([]);
	}

	it('never throws on random text, with or without a Kialo header', async () => {
		const noise = fc.string({ unit: 'binary', maxLength: 300 });
		const kialoish = fc
			.tuple(
				fc.array(
					fc.oneof(
						fc.constantFrom(
							'',
							'1. Thesis:',
							'1. Question:',
							'  1.1. Pro:',
							'  1.1. Con:',
							'    1.1.1. Thesis:',
							'1.2. Con: text [1]',
							'-> See 1.1.',
							'-> See 1.',
							'-> See discussion #3: X',
							'Sources:',
							'[1] https://example.org/x',
							'[2] not a url',
							'"a quote"',
							'[1](http://a.b) \\( \\[',
							'text [1] [2]'
						),
						fc.string({ maxLength: 30 })
					),
					{ maxLength: 30 }
				),
				fc.constantFrom('\n', '\r\n', '\r')
			)
			.map(([lines, eol]) => lines.join(eol));
		await fc.assert(fc.asyncProperty(noise, check), { numRuns: 150 });
		await fc.assert(
			fc.asyncProperty(
				kialoish,
				fc.constantFrom('Discussion Name:\nT\n', 'Discussion Title: T\n'),
				(body, head) => check(head + body)
			),
			{ numRuns: 300 }
		);
	});

	it('never throws on mangled exports', async () => {
		const mutation = fc.record({
			at: fc.nat(),
			op: fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'cut', 'blank'),
			insert: fc.constantFrom(
				'',
				'1. Thesis:',
				'  1.1. Pro:',
				'-> See 1.9.',
				'Sources:',
				'[1] x',
				'[99] https://a.b',
				'\t'
			)
		});
		await fc.assert(
			fc.asyncProperty(
				arbitraryDebate({ also: true, evidence: true }),
				fc.array(mutation, { minLength: 1, maxLength: 6 }),
				async (d, mutations) => {
					const lines = encode(d).split('\r\n');
					for (const m of mutations) {
						const i = m.at % lines.length;
						if (m.op === 'delete') lines.splice(i, 1);
						else if (m.op === 'duplicate') lines.splice(i, 0, lines[i]!);
						else if (m.op === 'swap') lines.splice(i, 2, ...lines.slice(i, i + 2).reverse());
						else if (m.op === 'insert') lines.splice(i, 0, m.insert);
						else if (m.op === 'cut') lines[i] = lines[i]!.slice(0, m.at % 7);
						else lines[i] = '';
						if (lines.length === 0) lines.push('');
					}
					await check(lines.join('\r\n'));
				}
			),
			{ numRuns: 300 }
		);
	});
});
