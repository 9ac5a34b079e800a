import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	codecById,
	detectCodec,
	exportDebate,
	importDebate,
	MAX_FILE_BYTES
} from '../../../src/lib/core/formats';
import { encodeCsl } from '../../../src/lib/core/formats/csl';
import { encodeMarkdown, escapeMarkdown } from '../../../src/lib/core/formats/markdown';
import { markdownWords } from '../../../src/lib/locale/markdown-words';
import { arbitraryDebate } from './arbitrary';
import { expectGolden } from './golden';
import { shippedDebate, validDebate } from './read';

const shipped = shippedDebate;
const valid = validDebate;

describe('Counterpoint YAML and JSON', () => {
	for (const format of ['yaml', 'json'] as const) {
		it(`${format} gives back exactly the debate it was given (shipped debate)`, async () => {
			const d = shipped();
			const out = exportDebate(d, format);
			expect(out.fileName).toBe(`llama-open-weights.${format}`);
			const back = await importDebate(out.text, { file: out.fileName });
			expect(back.ok && back.format).toBe(format);
			expect(back.ok && back.value).toEqual(d);
		});

		it(`${format} round-trips random debates`, async () => {
			await fc.assert(
				fc.asyncProperty(arbitraryDebate({ also: true, evidence: true }), async (d) => {
					const out = exportDebate(d, format);
					const back = await importDebate(out.text, { file: out.fileName });
					expect(back.ok && back.value).toEqual(d);
				}),
				{ numRuns: 60 }
			);
		});
	}

	it('locates a schema problem in an imported JSON file by line', async () => {
		const d = valid();
		const json = JSON.stringify({ ...d, claims: [...d.claims, { id: 'x', text: '' }] }, null, 2);
		const r = await importDebate(json, { file: 'broken.json' });
		expect(r.ok).toBe(false);
		const e = !r.ok ? r.errors.find((x) => x.path.startsWith('claims[4]')) : undefined;
		expect(e?.line).toBe(json.split('\n').findIndex((l) => l.includes('"id": "x"')) + 2);
	});
});

describe('detecting the format', () => {
	it('goes by the file name where it decides, else by content', () => {
		const yaml = readFileSync('tests/fixtures/debates/valid.yaml', 'utf8');
		expect(detectCodec('a.yaml', yaml)?.id).toBe('yaml');
		expect(detectCodec(undefined, yaml)?.id).toBe('yaml');
		const json = JSON.stringify(valid());
		expect(detectCodec('a.json', json)?.id).toBe('json');
		expect(detectCodec('pasted text', json)?.id).toBe('json');
		expect(detectCodec('notes.txt', 'Discussion Name:\r\nX\r\n\r\n1. Thesis:\r\nY')?.id).toBe(
			'kialo'
		);
		expect(
			detectCodec(undefined, '{"nodes": [{"nodeID": "1", "type": "I", "text": "x"}], "edges": []}')
				?.id
		).toBe('aif');
		expect(detectCodec('x.argdown', '[A]: a.\n  + [B]: b.')?.id).toBe('argdown');
		expect(detectCodec(undefined, 'just some words')).toBeUndefined();
	});
});

describe('importing', () => {
	it('refuses a file over the size limit with a message, without reading it', async () => {
		const r = await importDebate('x'.repeat(MAX_FILE_BYTES + 1), { file: 'huge.yaml' });
		expect(!r.ok && r.errors[0]!.message).toMatch(/larger than 20 MB/);
	});

	it('says when the format is not recognised, and how to choose one', async () => {
		const r = await importDebate('just some words', { file: 'notes' });
		expect(!r.ok && r.errors[0]!.message).toMatch(/not recognised/);
		expect(!r.ok && r.errors[0]!.hint).toMatch(/Argdown/);
	});

	it('never throws, whatever bytes come in', async () => {
		await fc.assert(
			fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
				const r = await importDebate(text, { file: 'random' });
				if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
			}),
			{ numRuns: 150 }
		);
	});
});

describe('the Markdown handout', () => {
	it('matches the golden file', () => {
		expectGolden('tests/golden/markdown/valid.md', encodeMarkdown(valid(), 'en'));
	});

	it('nests every claim under the one it answers and numbers the sources it cites', () => {
		const md = encodeMarkdown(shipped(), 'en');
		const d = shipped();
		for (const c of d.claims) {
			const text = typeof c.text === 'string' ? c.text : c.text.en!;
			expect(md).toContain(escapeMarkdown(text));
		}
		const cited = new Set(d.claims.flatMap((c) => (c.evidence ?? []).map((e) => e.source)));
		const listed = md.split('## Sources')[1]!.trim().split('\n');
		expect(listed).toHaveLength(cited.size);
		expect(listed[0]).toMatch(/^1\. /);
	});

	it('prints hostile text as text', () => {
		expect(escapeMarkdown('# [x](y) *z* <b> &amp;')).toBe(
			'\\# \\[x\\](y) \\*z\\* &lt;b&gt; &amp;amp;'
		);
		expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
	});

	it('writes the claims in Chinese when asked, with the Chinese messages', () => {
		const md = encodeMarkdown(shipped(), 'zh', markdownWords('zh'));
		expect(md).toContain('**论题:**');
		expect(md).toContain('## 来源');
	});
});

describe('the CSL-JSON bibliography', () => {
	it('matches the golden file', () => {
		expectGolden('tests/golden/csl/valid.sources.json', encodeCsl(validDebate(), 'en'));
	});

	it('lists every source with its type, title, authors, date and link', () => {
		const d = shipped();
		const items = JSON.parse(encodeCsl(d, 'en')) as Record<string, unknown>[];
		expect(items).toHaveLength(d.sources.length);
		for (const [i, s] of d.sources.entries()) {
			const item = items[i]!;
			expect(item.id).toBe(s.id);
			expect(typeof item.title).toBe('string');
			expect(item.author).toBeDefined();
			if (s.url) expect(item.URL).toBe(s.url);
			if (s.date)
				expect((item.issued as { 'date-parts': number[][] })['date-parts'][0]).toEqual(
					s.date.split('-').map(Number)
				);
		}
		expect(codecById('csl')!.decode).toBeUndefined();
	});
});
