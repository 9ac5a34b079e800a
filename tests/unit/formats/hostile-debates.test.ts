import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contributionFromDraft } from '../../../src/lib/core/contrib';
import { codecById, importDebate } from '../../../src/lib/core/formats';
import { formatDiagnostic } from '../../../src/lib/core/load';
import { checkText } from '../../../src/lib/core/load/hygiene';
import { Debate, SCHEMA_PATH } from '../../../src/lib/core/schema/debate';
import { validDebate } from './read';

/** Hostile debates (issue 22): what a crafted file may no longer carry in, or on into exports. */

const VALID_YAML = readFileSync('tests/fixtures/debates/valid.yaml', 'utf8');

describe('$schema', () => {
	for (const address of ['https://tracker.example/pixel.json?id=42', 'javascript:alert(1)']) {
		it(`another address (${address}) is left out on import, said where, and no export carries it`, async () => {
			const r = await importDebate(`$schema: "${address}"\n${VALID_YAML}`, { file: 'x.yaml' });
			expect(r.ok).toBe(true);
			expect(r.warnings.map(formatDiagnostic)).toEqual([
				expect.stringMatching(
					/^x\.yaml:1:10 warning: \$schema: ".*" is not Counterpoint's schema, so it was left out/
				)
			]);
			if (!r.ok) return;
			expect(r.value.$schema).toBe(undefined);
			for (const id of ['yaml', 'json'])
				expect(codecById(id)!.encode!(r.value)).not.toContain(address.slice(0, 12));
		});
	}

	it('our own schema beside the file is kept, and written again', async () => {
		const r = await importDebate(`$schema: ${SCHEMA_PATH}\n${VALID_YAML}`, { file: 'x.yaml' });
		expect(r.ok && r.warnings).toEqual([]);
		if (!r.ok) return;
		expect(r.value.$schema).toBe(SCHEMA_PATH);
		expect(codecById('json')!.encode!(r.value)).toContain(`"$schema": "${SCHEMA_PATH}"`);
	});

	it('the debate schema itself takes no other address (stored data is held to it too)', () => {
		const other = { ...validDebate(), $schema: 'https://tracker.example/s.json' };
		expect(Debate.safeParse(other).success).toBe(false);
		expect(Debate.safeParse({ ...other, $schema: SCHEMA_PATH }).success).toBe(true);
	});
});

/** Every character XML 1.0 (and so an SVG) can carry. */
const XML_CHAR = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('characters that are not text', () => {
	it('every character an import takes is one XML (an SVG export) can carry', () => {
		const taken: string[] = [];
		const astral = [0x1fffe, 0x1ffff, 0x10fffe, 0x10ffff, 0x1f999, 0x20000];
		const codes = [...Array.from({ length: 0x10000 }, (_, i) => i), ...astral];
		for (const code of codes) {
			// A lone surrogate when `code` is one: what a JSON "\ud800" reads as.
			const ch = String.fromCodePoint(code);
			if (checkText({ text: `a${ch}b` }).errors.length === 0) taken.push(ch);
		}
		expect(taken.filter((ch) => !XML_CHAR.test(ch)).map((ch) => ch.codePointAt(0))).toEqual([]);
		// Ordinary text is still taken: letters, emoji, the replacement character (reported).
		expect(taken).toEqual(expect.arrayContaining(['é', '中', '\u{1F999}', '\uFFFD']));
	});

	it('a claim with U+FFFF, U+FDD0 or half an emoji is refused on import, with its place', async () => {
		const data = JSON.parse(JSON.stringify(validDebate()));
		data.claims[1].text = 'Cheaper\uFFFF';
		data.claims[2].text = { en: 'Dearer \uFDD0' };
		data.title = 'Uniforms \uD83E';
		const r = await importDebate(JSON.stringify(data, null, 2), { file: 'x.json' });
		expect(r.ok).toBe(false);
		if (r.ok) return;
		// Every one at once, each with its path, place and the character's code.
		expect(r.errors.map((e) => `${e.path}: ${e.message}`).sort()).toEqual([
			expect.stringMatching(/^claims\[1\]\.text: .*\(U\+FFFF\)/),
			expect.stringMatching(/^claims\[2\]\.text\.en: .*\(U\+FDD0\)/),
			expect.stringMatching(/^title: .*\(U\+D83E\)/)
		]);
		expect(r.errors.every((e) => e.line > 0)).toBe(true);
	});

	it('the add-a-claim form refuses them too, and names the character', () => {
		for (const [field, draft] of [
			['text', { text: 'Cheaper\uFFFF' }],
			['author', { text: 'Cheaper', author: 'Mei\uFFFE' }],
			['quote', { text: 'Cheaper', source: { title: 'Survey', quote: 'Quote \uFDEF' } }]
		] as const) {
			const r = contributionFromDraft(
				{ target: 'p1', stance: 'con', ...draft },
				{ id: 'my-1', now: 1, lang: 'en', debate: validDebate() }
			);
			expect(r.ok).toBe(false);
			const problem = !r.ok ? r.errors[field] : undefined;
			expect(problem?.message).toMatch(
				/^remove the character U\+(FFFF|FFFE|FDEF): it is not text$/
			);
			expect(problem).toMatchObject({ code: 'not_text', char: expect.stringMatching(/^U\+/) });
		}
	});
});
