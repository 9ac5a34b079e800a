import { describe, expect, it } from 'vitest';
import { contributionFromDraft } from '../../../src/lib/core/contrib';
import { importDebate } from '../../../src/lib/core/formats';
import { fitClaimText } from '../../../src/lib/core/formats/build';
import { formatDiagnostic, validateDebateData } from '../../../src/lib/core/load';
import { CLAIM_TEXT_MAX } from '../../../src/lib/core/schema';
import {
	characterCount,
	firstCharacters,
	hasVisibleCharacter
} from '../../../src/lib/core/schema/characters';
import { fixtureGraph } from '../graphs';
import { validDebate } from '../formats/read';

/** "é" as e + a combining acute accent (NFD), and as one character (NFC). */
const E_ACUTE_NFD = 'e\u0301';
const E_ACUTE = '\u00e9';
const LLAMA = '🦙';

const draft = (text: string) =>
	contributionFromDraft(
		{ target: 'p1', stance: 'con', text },
		{ id: 'my-1', now: 1000, lang: 'en', debate: fixtureGraph('valid').debate }
	);

/** The valid fixture with claim 1's text replaced. */
function withClaimText(text: string) {
	const data = JSON.parse(JSON.stringify(validDebate())) as { claims: { text: unknown }[] };
	data.claims[1]!.text = text;
	return validateDebateData(data, { file: 'x.yaml' });
}

describe('counting characters as a reader sees them', () => {
	it('counts an emoji, an accent typed in two parts, a flag and a family as one character each', () => {
		expect(characterCount(LLAMA.repeat(160))).toBe(160);
		expect(characterCount(E_ACUTE_NFD.repeat(160))).toBe(160);
		expect(characterCount('🇫🇷👨‍👩‍👧‍👦')).toBe(2);
		expect(characterCount('校服 cost less')).toBe(12);
		expect(characterCount('a\r\nb')).toBe(3);
	});

	it('cuts text only between characters', () => {
		expect(firstCharacters(LLAMA.repeat(5), 3)).toBe(LLAMA.repeat(3));
		expect(firstCharacters(`${E_ACUTE_NFD}x`, 1)).toBe(E_ACUTE_NFD);
		expect(firstCharacters('abc', 5)).toBe('abc');
	});
});

describe('the add-a-claim check counts as the counter does', () => {
	it(`takes 160 🦙 and refuses 161, saying to keep it to ${CLAIM_TEXT_MAX}`, () => {
		expect(draft(LLAMA.repeat(160)).ok).toBe(true);
		const over = draft(LLAMA.repeat(161));
		expect(over.ok ? {} : over.errors).toEqual({
			text: {
				code: 'too_long',
				max: 160,
				message: 'keep it to 160 characters; put the rest in a source'
			}
		});
	});

	it('takes 160 "é" typed as e + accent, and stores them as 160 single characters (NFC)', () => {
		const r = draft(E_ACUTE_NFD.repeat(160));
		expect(r.ok).toBe(true);
		expect(r.ok && r.contribution.claim.text).toEqual({ en: E_ACUTE.repeat(160) });
	});
});

describe('claim texts in debate files and imports count the same way', () => {
	it('take 160 🦙 and 160 "é" typed in two parts (stored in NFC); refuse 161 with the count', () => {
		expect(withClaimText(LLAMA.repeat(160)).ok).toBe(true);
		const accents = withClaimText(E_ACUTE_NFD.repeat(160));
		expect(accents.ok && accents.value.claims[1]!.text).toBe(E_ACUTE.repeat(160));
		const over = withClaimText(LLAMA.repeat(161));
		expect(over.ok ? [] : over.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
			'claims[1].text: must be at most 160 characters (it has 161)'
		]);
	});

	it('an importer shortens a long claim to 160 characters, never splitting an emoji, and keeps 160 whole', async () => {
		const long = fitClaimText(`${LLAMA.repeat(100)} ${LLAMA.repeat(100)}`);
		expect(long.shortened).toBe(true);
		expect(characterCount(long.text)).toBeLessThanOrEqual(CLAIM_TEXT_MAX);
		expect(long.text).toMatch(/^(🦙)+…$/u);
		expect(fitClaimText(LLAMA.repeat(160))).toEqual({ text: LLAMA.repeat(160), shortened: false });
		// Through a reader: a Kialo claim of 160 🦙 arrives whole.
		const kialo = `Discussion Name: Llamas\n\n1. Thesis:\n${LLAMA.repeat(160)}\n`;
		const r = await importDebate(kialo, { file: 'llamas.txt' });
		expect(r.ok ? r.value.claims[0]!.text : r.errors.map(formatDiagnostic)).toBe(LLAMA.repeat(160));
	});
});

describe('a claim with nothing visible is refused', () => {
	const blank = [
		['zero-width spaces', '\u200B\u200B'],
		['zero-width non-joiner and joiner', '\u200C\u200D'],
		['a word joiner between byte-order marks', '\uFEFF\u2060\uFEFF'],
		['combining accents alone', '\u0301\u0308'],
		['zero-width characters between spaces', ' \u200B \u200D '],
		['a Hangul filler and a variation selector', '\u3164\uFE0F']
	];
	it.each(blank)('%s: refused in the add-a-claim form, as an unwritten claim', (_, text) => {
		const r = draft(text);
		expect(r.ok ? {} : r.errors).toEqual({
			text: { code: expect.stringMatching(/^(empty|invisible)$/), message: 'write the claim' }
		});
	});

	it.each(blank)('%s: refused in a debate file, with its path, saying how to fix it', (_, text) => {
		const r = withClaimText(text);
		const e = r.ok ? [] : r.errors;
		expect(e.map((d) => d.path)).toEqual(['claims[1].text']);
		expect(e[0]!.hint).toMatch(/^write the text in letters, digits or signs/);
		expect(e[0]!.message).toMatch(/^has no visible character, only invisible ones \(U\+/);
	});

	it('names the invisible characters and says what to write, in an import too', async () => {
		const yaml = `formatVersion: 1\nid: blank\ntitle: Blank\nsummary: A claim of nothing.\nlanguage: en\nthesis: t\nclaims:\n  - id: t\n    text: "\\u200B\\u200C"\n`;
		const r = await importDebate(yaml, { file: 'blank.yaml' });
		expect(r.ok ? [] : r.errors.map(formatDiagnostic)).toEqual([
			'blank.yaml:9:11 claims[0].text: has no visible character, only invisible ones (U+200B, U+200C) (write the text in letters, digits or signs; zero-width characters, combining marks and spaces alone show as a blank card)'
		]);
	});

	it('takes any text with one visible character: letters of any script, emoji, a sign', () => {
		for (const text of ['a\u200B', '校服', 'نعم', '🦙', '?', 'e\u0301', '👨‍👩‍👧']) {
			expect(hasVisibleCharacter(text), text).toBe(true);
			expect(draft(text).ok, text).toBe(true);
		}
	});
});
