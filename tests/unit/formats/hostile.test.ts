import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODECS, exportDebate, importDebate, type FormatId } from '../../../src/lib/core/formats';
import { formatDiagnostic, type Diagnostic } from '../../../src/lib/core/load';
import { validDebate } from './read';

/**
 * The hostile corpus (tests/fixtures/hostile) and generated monsters: every one gets located
 * errors or an honest warning — never an exception, never a hang (each test has a time limit as
 * a hang guard; speed itself is measured by `npm run bench`), never a changed prototype.
 */
const DIR = 'tests/fixtures/hostile';
const read = (name: string) => readFileSync(`${DIR}/${name}`, 'utf8');
const GUARD = { timeout: 15_000 };

async function importFile(name: string, text = read(name)) {
	const r = await importDebate(text, { file: name });
	return r;
}

function messages(list: Diagnostic[]) {
	return list.map(formatDiagnostic).join('\n');
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

	it('stops a YAML alias bomb with a message', GUARD, async () => {
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
	const claimsJson = (n: number, chain: boolean) =>
		JSON.stringify({
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

	it('refuses a file over 20 MB before parsing it', GUARD, async () => {
		const r = await importDebate(' '.repeat(21 * 1024 * 1024), { file: 'huge.yaml' });
		expect(!r.ok && r.errors[0]!.message).toMatch(/larger than 20 MB/);
	});

	it(
		'reads a 10 MB file of 100,000 claims only to refuse it by count, with a message',
		GUARD,
		async () => {
			const text = claimsJson(100_000, false);
			expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
			const r = await importDebate(text, { file: 'many.json' });
			expect(!r.ok && r.errors[0]!.message).toMatch(
				/100000 claims; Counterpoint reads at most 50000/
			);
		}
	);

	it('refuses claims nested 10,000 levels deep, saying how deep is allowed', GUARD, async () => {
		const r = await importDebate(claimsJson(10_000, true), { file: 'deep.json' });
		expect(r.ok).toBe(false);
		expect(messages(!r.ok ? r.errors : [])).toMatch(/nest more than 200 levels deep/);
	});

	it('refuses data nested 20,000 brackets deep without running out of stack', GUARD, async () => {
		const r = await importDebate('['.repeat(20_000) + ']'.repeat(20_000), {
			file: 'brackets.yaml',
			format: 'yaml'
		});
		expect(r.ok).toBe(false);
	});

	it('never throws on random bytes, for any reader', GUARD, async () => {
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
