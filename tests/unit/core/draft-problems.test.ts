import { describe, expect, it } from 'vitest';
import { contributionFromDraft, type DraftErrors } from '../../../src/lib/core/contrib';
import type { TextProblem } from '../../../src/lib/core/schema/problem';
import { CLAIM_TEXT_MAX } from '../../../src/lib/core/schema/vocabulary';
import { fixtureGraph } from '../graphs';

/**
 * The add-a-claim form words each problem from its code, in the reader's language: every code
 * the checks give must come with the numbers the words need, whatever the English says.
 */
const errorsOf = (draft: Record<string, unknown>): DraftErrors => {
	const r = contributionFromDraft(
		{ target: 't', stance: 'con', ...draft },
		{ id: 'my-1', now: 1, lang: 'en', debate: fixtureGraph('valid').debate }
	);
	if (r.ok) throw new Error('the draft was taken');
	return r.errors;
};

describe('what the add-a-claim form is told, as codes', () => {
	const cases: [string, Record<string, unknown>, keyof DraftErrors, TextProblem][] = [
		['an empty claim', { text: '   ' }, 'text', { code: 'empty' }],
		['a claim of invisible characters', { text: '\u200b\u200b' }, 'text', { code: 'invisible' }],
		[
			'a claim too long',
			{ text: 'x'.repeat(400) },
			'text',
			{ code: 'too_long', max: CLAIM_TEXT_MAX }
		],
		[
			'a name too long',
			{ text: 'A claim.', author: 'n'.repeat(81) },
			'author',
			{ code: 'too_long', max: 80 }
		],
		[
			'a character that is not text',
			{ text: 'A\uFFFF' },
			'text',
			{ code: 'not_text', char: 'U+FFFF' }
		],
		[
			'an address that is not a web one',
			{ text: 'A claim.', source: { url: 'javascript:alert(1)' } },
			'url',
			{ code: 'not_web_address' }
		],
		[
			'an address too long once written out',
			{ text: 'A claim.', source: { url: `https://example.org/${'路'.repeat(700)}` } },
			'url',
			{ code: 'address_too_long', length: 6320, max: 2048 }
		],
		[
			'a source with only a quote',
			{ text: 'A claim.', source: { quote: 'Said so.' } },
			'title',
			{ code: 'source_unnamed' }
		]
	];
	it.each(cases)('%s', (_case, draft, field, problem) => {
		const errors = errorsOf(draft);
		expect(errors[field]).toMatchObject(problem);
		expect(errors[field]!.message.length).toBeGreaterThan(0);
	});
});
