import { describe, expect, it } from 'vitest';
import {
	contributionFromDraft,
	draftOf,
	mergeContributions,
	withContributions,
	type Contribution
} from '../../../src/lib/core/contrib';
import { validateDebateData } from '../../../src/lib/core/load';
import { fixtureGraph } from '../graphs';

const debate = () => fixtureGraph('valid').debate;

function make(id: string, target: string, text: string, now = 1000): Contribution {
	const r = contributionFromDraft(
		{ target, stance: 'con', text },
		{ id, now, lang: 'en', debate: debate() }
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.contribution;
}

describe('a student addition', () => {
	it('becomes a claim marked as added in class, with its source as unconfirmed evidence', () => {
		const r = contributionFromDraft(
			{
				target: 'p1',
				stance: 'con',
				text: '  Second-hand blazers are hard to find.  ',
				author: 'Sam',
				source: { title: 'Shop survey', url: 'https://example.org/s', quote: 'Only 3 in stock.' }
			},
			{ id: 'my-1', now: Date.UTC(2026, 10, 28, 9), lang: 'en', debate: debate() }
		);
		expect(r.ok).toBe(true);
		const c = r.ok ? r.contribution : undefined;
		expect(c?.claim).toMatchObject({
			id: 'my-1',
			text: { en: 'Second-hand blazers are hard to find.' },
			stance: 'con',
			target: 'p1',
			contributor: { name: 'Sam', at: '2026-11-28T09:00:00.000Z' },
			evidence: [{ source: 's-my-1', kind: 'quote', quote: 'Only 3 in stock.' }]
		});
		expect(c?.source).toMatchObject({ id: 's-my-1', status: 'unconfirmed', author: 'Sam' });
		// Laid over the debate, it passes the same validation as a debate file.
		const overlay = withContributions(debate(), [c!]);
		expect(validateDebateData(overlay.debate).ok).toBe(true);
		expect(draftOf(c!, 'en')).toMatchObject({ text: 'Second-hand blazers are hard to find.' });
	});

	it('says what is wrong with each field', () => {
		const r = contributionFromDraft(
			{
				target: 'p1',
				stance: 'con',
				text: 'x'.repeat(161),
				source: { url: 'javascript:alert(1)' }
			},
			{ id: 'my-2', now: 1, lang: 'en', debate: debate() }
		);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.errors.text).toMatch(/160 characters/);
		expect(!r.ok && r.errors.url).toMatch(/http:\/\/ or https:\/\//);
		const empty = contributionFromDraft(
			{ target: 'p1', stance: 'pro', text: '   ' },
			{ id: 'my-3', now: 1, lang: 'en', debate: debate() }
		);
		expect(!empty.ok && empty.errors.text).toBe('write the claim');
	});
});

describe('merging copies of the additions (two tabs)', () => {
	it('keeps the newer version of each, deletions included, and both tabs’ new ones', () => {
		const a = make('my-a', 'p1', 'Old text.', 1000);
		const edited = { ...make('my-a', 'p1', 'New text.', 2000) };
		const deleted = { ...make('my-b', 'p1', 'Gone.', 3000), deleted: true };
		const b = make('my-b', 'p1', 'Gone.', 1500);
		const merged = mergeContributions([a, b], [edited, deleted, make('my-c', 't', 'New.', 2500)]);
		expect(merged.map((c) => [c.id, c.updatedAt, !!c.deleted])).toEqual([
			['my-a', 2000, false],
			['my-b', 3000, true],
			['my-c', 2500, false]
		]);
		// The older copy arriving later changes nothing.
		expect(mergeContributions(merged, [a, b])).toEqual(merged);
	});
});

describe('laying additions over the debate', () => {
	it('adds answers to answers, and hides those whose claim is gone', () => {
		const first = make('my-1', 'p1', 'First.');
		const reply = make('my-2', 'my-1', 'Reply to the first.');
		const orphan = make('my-3', 'my-9', 'Answers a deleted addition.');
		// The reply comes first in storage order: it still finds its target.
		const overlay = withContributions(debate(), [reply, first, orphan]);
		expect(overlay.debate.claims.map((c) => c.id).slice(-2)).toEqual(['my-1', 'my-2']);
		expect(overlay.orphans).toEqual(['my-3']);
		const deleted = withContributions(debate(), [{ ...first, deleted: true }, reply]);
		expect(deleted.orphans).toEqual(['my-2']);
		expect(deleted.debate.claims).toHaveLength(4);
	});
});
