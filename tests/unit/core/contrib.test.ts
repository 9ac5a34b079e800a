import { describe, expect, it } from 'vitest';
import {
	contributionFromDraft,
	draftOf,
	mergeHandIn,
	mergeHandIns,
	withContributions,
	type Contribution
} from '../../../src/lib/core/contrib';
import { debateToJson, handInDebate, loadYamlWriter } from '../../../src/lib/core/contrib/hand-in';
import { importDebate } from '../../../src/lib/core/formats';
import { checkContributions } from '../../../src/lib/core/oplog/checks';
import { validateDebateData } from '../../../src/lib/core/load';
import { pollShift, stanceBand } from '../../../src/lib/core/schema';
import { textIn } from '../../../src/lib/core/schema/text';
import { fixtureGraph, shippedGraph } from '../graphs';

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
		expect(!r.ok && r.errors.text?.message).toMatch(/160 characters/);
		expect(!r.ok && r.errors.url?.message).toMatch(/http:\/\/ or https:\/\//);
		const empty = contributionFromDraft(
			{ target: 'p1', stance: 'pro', text: '   ' },
			{ id: 'my-3', now: 1, lang: 'en', debate: debate() }
		);
		expect(!empty.ok && empty.errors.text?.message).toBe('write the claim');
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

describe('merging hand-ins', () => {
	/** A hand-in with `claims` added by `name` (undefined: the student gave no name). */
	const handIn = (
		name: string | undefined,
		claims: { id: string; target: string; text: string }[]
	) => {
		const d = debate();
		return {
			...d,
			claims: [
				...d.claims,
				...claims.map((c) => ({
					...c,
					stance: 'con' as const,
					contributor: { ...(name ? { name } : {}), at: '2026-11-28T09:00:00Z' }
				}))
			]
		};
	};

	it("takes each student's additions with unique ids, keeps authors, and flags look-alikes", () => {
		const mei = handIn('Mei', [
			{ id: 'my-1', target: 'p1', text: 'The shop is far away.' },
			{ id: 'my-2', target: 'my-1', text: 'There is a bus.' }
		]);
		const sam = handIn('Sam', [{ id: 'my-1', target: 'p1', text: 'The shop is FAR away!' }]);
		const first = mergeHandIn(debate(), [], mei, { file: 'mei.yaml', now: 5 });
		expect(
			first.contributions.map((c) => [c.id, c.claim.target, c.claim.contributor?.name])
		).toEqual([
			['my-1', 'p1', 'Mei'],
			['my-2', 'my-1', 'Mei']
		]);
		const second = mergeHandIn(debate(), first.contributions, sam, { file: 'sam.yaml', now: 6 });
		expect(second.contributions.map((c) => c.id)).toEqual(['my-1-2']);
		expect(second.duplicates).toEqual([['my-1-2', 'my-1']]);
		const overlay = withContributions(debate(), [...first.contributions, ...second.contributions]);
		expect(validateDebateData(overlay.debate).ok).toBe(true);
		expect(overlay.debate.claims).toHaveLength(7);
	});

	it('refuses a hand-in for another debate even when its thesis has the same id', () => {
		// Another class's debate, also with a thesis called "t", and a claim "c1" of its own.
		const other = {
			...handIn('Mei', [{ id: 'my-1', target: 't', text: 'Ties are uncomfortable.' }]),
			id: 'school-uniforms-year-9'
		};
		const r = mergeHandIn(debate(), [], other, { file: 'year9.yaml', now: 1 });
		expect(r.contributions).toEqual([]);
		expect(r.warnings.map((w) => w.message)).toEqual([
			expect.stringMatching(/another debate \("school-uniforms-year-9".*not this one \("valid"\)/)
		]);
	});

	it('accounts for every claim of a hand-in: merged, the debate’s own, or reported with why', () => {
		const d = debate();
		const file = handIn('Mei', [{ id: 'my-1', target: 'p1', text: 'The shop is far away.' }]);
		file.claims = file.claims.map((c) =>
			// A student's addition that took the id "c1", which this debate uses for another claim…
			c.id === 'c1'
				? {
						id: 'c1',
						stance: 'con' as const,
						target: 'p1',
						text: 'Uniforms make hot days worse.',
						contributor: { name: 'Mei', at: '2026-11-28T09:00:00Z' }
					}
				: // …and one of the debate's claims that says something else in the file, unmarked.
					c.id === 'c2'
					? { ...c, text: 'Second-hand uniforms are not sold at school.' }
					: c
		);
		const r = mergeHandIn(d, [], file, { file: 'mei.yaml', now: 1 });
		// The addition reusing "c1" is merged under a new id, and said so.
		expect(r.contributions.map((c) => [c.id, textIn(c.claim.text, 'en')])).toEqual([
			['c1-2', 'Uniforms make hot days worse.'],
			['my-1', 'The shop is far away.']
		]);
		expect(r.warnings.find((w) => w.path === 'claims[2]')?.message).toMatch(
			/"c1" by Mei uses the id of one of this debate's claims.*added as "c1-2"/
		);
		// The changed claim of the debate is named, with the file's words, and not taken.
		const changed = r.warnings.find((w) => w.path === 'claims[3]');
		expect(changed?.message).toMatch(/"c2" is not the same as this debate's claim/);
		expect(changed?.hint).toContain('Second-hand uniforms are not sold at school.');
		// "t" and "p1" are the debate's own, unchanged: with the 2 merged and the 1 reported, that
		// is every claim of the file.
		expect(r.own).toBe(2);
		expect(r.own + r.contributions.length + 1).toBe(file.claims.length);
	});

	it("recognises every claim of a real hand-in that is the debate's own: no false alarm", async () => {
		const shipped = shippedGraph().debate;
		const file = handInDebate(withContributions(shipped, [make('my-1', 'p01', 'Mine.')]).debate, {
			persuasive: []
		});
		const { debateToYaml } = await loadYamlWriter();
		const read = await importDebate(debateToYaml(file), { file: 'mei.yaml' });
		const r = mergeHandIn(shipped, [], read.ok ? read.value : shipped, {
			file: 'mei.yaml',
			now: 1
		});
		expect(r.warnings).toEqual([]);
		expect(r.own).toBe(shipped.claims.length);
		expect(r.added).toEqual(['my-1']);
	});

	it('says when an addition answers a claim the debate no longer has', () => {
		const file = handIn('Sam', [{ id: 'my-1', target: 'c9', text: 'Answers a deleted claim.' }]);
		const r = mergeHandIn(debate(), [], file, { file: 'sam.yaml', now: 1 });
		expect(r.contributions.map((c) => c.id)).toEqual(['my-1']);
		expect(r.warnings[0]!.message).toMatch(/"my-1" answers "c9", which this debate does not have/);
	});

	it('names an unnamed student after the file only as the store allows: 1–80 characters', () => {
		// The additions of a student who gave no name go under the file's name: a name of 90
		// characters, or none at all (`.yaml`), would not be read back from storage.
		const anonymous = handIn(undefined, [
			{ id: 'my-1', target: 'p1', text: 'The shop is far away.' }
		]);
		const long = `${'a'.repeat(90)}.yaml`;
		for (const [file, name] of [
			[long, 'a'.repeat(80)],
			['.yaml', '.yaml'],
			['folder/  .json', '.json'],
			[`${'🦙'.repeat(50)}.yaml`, '🦙'.repeat(40)]
		] as const) {
			const r = mergeHandIn(debate(), [], anonymous, { file, now: 1 });
			expect(r.contributions.map((c) => c.claim.contributor?.name)).toEqual([name]);
			expect(r.students).toEqual([name]);
			// What the store reads back with takes every one of them.
			expect(checkContributions(r.contributions).refused).toEqual([]);
		}
	});

	it('checks additions as the store reads them back: a bad one is refused alone, with why', () => {
		const good = make('my-1', 'p1', 'The shop is far away.');
		const bad = {
			...make('my-2', 'p1', 'There is a bus.'),
			claim: { ...make('my-2', 'p1', 'There is a bus.').claim, contributor: { name: '' } }
		} as unknown as Contribution;
		const { ok, refused } = checkContributions([good, bad]);
		expect(ok).toEqual([good]);
		expect(refused.map((r) => [r.value.id, r.problem])).toEqual([
			['my-2', expect.stringMatching(/^claim\.contributor\.(name|at): /)]
		]);
	});

	it('refuses a hand-in for another debate, and names the file', () => {
		const other = { ...debate(), id: 'other', thesis: 'p1' };
		const r = mergeHandIn(debate(), [], other, { file: 'wrong.yaml', now: 1 });
		expect(r.contributions).toEqual([]);
		expect(r.warnings[0]).toMatchObject({ file: 'wrong.yaml' });
		expect(r.warnings[0]!.message).toMatch(/another debate/);
	});
});

describe('handing in again', () => {
	const handIn = (
		name: string | undefined,
		claims: { id: string; target: string; text: string }[],
		at = '2026-11-28T09:00:00Z'
	) => ({
		...debate(),
		claims: [
			...debate().claims,
			...claims.map((c) => ({
				...c,
				stance: 'con' as const,
				contributor: { ...(name ? { name } : {}), at }
			}))
		]
	});
	const mei1 = handIn('Mei', [
		{ id: 'my-a', target: 'p1', text: 'The shop is far away.' },
		{ id: 'my-b', target: 'my-a', text: 'There is a bus.' }
	]);

	it('a hand-in merged twice is recognised: the second time copies nothing', () => {
		const first = mergeHandIn(debate(), [], mei1, { file: 'mei.yaml', now: 5 });
		expect(first.contributions[0]!.origin).toEqual({
			contributor: 'Mei',
			id: 'my-a',
			at: '2026-11-28T09:00:00Z'
		});
		const again = mergeHandIn(debate(), first.contributions, mei1, {
			file: 'mei (1).yaml',
			now: 6
		});
		expect(again).toMatchObject({
			contributions: [],
			added: [],
			updated: [],
			unchanged: 2,
			kept: 0,
			duplicates: [],
			warnings: []
		});
	});

	it('a revised one updates the earlier additions (and what answers them), and adds only what is new', () => {
		// Sam's "my-a" was merged first, so Mei's became "my-a-2".
		const sam = mergeHandIn(
			debate(),
			[],
			handIn('Sam', [{ id: 'my-a', target: 'p1', text: 'Blazers itch.' }]),
			{ file: 'sam.yaml', now: 4 }
		);
		const first = mergeHandIn(debate(), sam.contributions, mei1, { file: 'mei.yaml', now: 5 });
		expect(first.added).toEqual(['my-a-2', 'my-b']);
		const existing = [...sam.contributions, ...first.contributions];
		const mei2 = handIn('Mei', [
			{ id: 'my-a', target: 'p1', text: 'The shop is very far away.' },
			{ id: 'my-b', target: 'my-a', text: 'There is a bus.' },
			{ id: 'my-c', target: 'my-a', text: 'The bus is slow.' }
		]);
		const second = mergeHandIn(debate(), existing, mei2, { file: 'mei.yaml', now: 9 });
		expect(
			second.contributions.map((c) => [c.id, c.claim.target, textIn(c.claim.text, 'en')])
		).toEqual([
			['my-a-2', 'p1', 'The shop is very far away.'],
			['my-c', 'my-a-2', 'The bus is slow.']
		]);
		expect(second).toMatchObject({
			students: ['Mei'],
			updated: ['my-a-2'],
			added: ['my-c'],
			unchanged: 1,
			kept: 0
		});
		// Laid over the debate: Sam's one and Mei's three, no copies.
		// As the store lays an update over what it holds: by id, in place.
		const updates = new Map(second.contributions.map((c) => [c.id, c]));
		const merged = [
			...existing.map((c) => updates.get(c.id) ?? c),
			...second.contributions.filter((c) => !existing.some((e) => e.id === c.id))
		];
		const overlay = withContributions(debate(), merged);
		expect(validateDebateData(overlay.debate).ok).toBe(true);
		expect(
			overlay.debate.claims
				.filter((c) => c.contributor)
				.map((c) => c.id)
				.sort()
		).toEqual(['my-a', 'my-a-2', 'my-b', 'my-c']);
	});

	it('the same file twice in one batch is merged once', () => {
		const files = [
			{ file: 'mei.yaml', debate: mei1 },
			{ file: 'mei (1).yaml', debate: mei1 }
		];
		const r = mergeHandIns(debate(), [], files, 5);
		expect(r.contributions.map((c) => c.id)).toEqual(['my-a', 'my-b']);
		expect(r.results.map((m) => [m.added.length, m.unchanged])).toEqual([
			[2, 0],
			[0, 2]
		]);
	});

	it('keeps what a re-hand-in has left out, and says how much', () => {
		const first = mergeHandIn(debate(), [], mei1, { file: 'mei.yaml', now: 5 });
		const fewer = handIn('Mei', [{ id: 'my-a', target: 'p1', text: 'The shop is far away.' }]);
		const r = mergeHandIn(debate(), first.contributions, fewer, { file: 'mei.yaml', now: 6 });
		expect(r).toMatchObject({ contributions: [], unchanged: 1, kept: 1 });
	});

	it("never takes one student's claim for another's", () => {
		// Two students who gave no name, each with a "my-1" added at another time.
		const a = mergeHandIn(
			debate(),
			[],
			handIn(undefined, [{ id: 'my-1', target: 'p1', text: 'Ties are silly.' }]),
			{ file: 'additions.yaml', now: 1 }
		);
		const b = mergeHandIn(
			debate(),
			a.contributions,
			handIn(
				undefined,
				[{ id: 'my-1', target: 'p1', text: 'Ties are smart.' }],
				'2026-11-28T09:05:00Z'
			),
			{ file: 'additions.yaml', now: 2 }
		);
		expect(b).toMatchObject({ added: ['my-1-2'], updated: [] });
		// Two students both called Sam: told apart by when they added their claim.
		const sam1 = mergeHandIn(
			debate(),
			[],
			handIn('Sam', [{ id: 'my-1', target: 'p1', text: 'Ties are silly.' }]),
			{ file: 'sam.yaml', now: 1 }
		);
		const sam2 = mergeHandIn(
			debate(),
			sam1.contributions,
			handIn(
				'Sam',
				[{ id: 'my-1', target: 'p1', text: 'Ties are smart.' }],
				'2026-11-28T10:00:00Z'
			),
			{ file: 'sam.yaml', now: 2 }
		);
		expect(sam2).toMatchObject({ added: ['my-1-2'], updated: [] });
	});
});

describe('the stance poll', () => {
	it('measures the shift once both answers exist, and words a stance', () => {
		const at = '2026-11-28T09:00:00Z';
		expect(pollShift({ persuasive: [], before: { stance: 30, at } })).toBeUndefined();
		expect(
			pollShift({ persuasive: [], before: { stance: 30, at }, after: { stance: 70, at } })
		).toBe(40);
		expect([0, 15, 16, 40, 41, 59, 60, 84, 85, 100].map(stanceBand)).toEqual([
			'strongly-against',
			'strongly-against',
			'against',
			'against',
			'undecided',
			'undecided',
			'for',
			'for',
			'strongly-for',
			'strongly-for'
		]);
	});

	it('travels in a hand-in file and is checked like the rest of it', () => {
		const d = debate();
		const ok = validateDebateData({
			...d,
			handIn: { poll: { before: { stance: 30, at: '2026-11-28T09:00:00Z' }, persuasive: ['p1'] } }
		});
		expect(ok.ok).toBe(true);
		const bad = validateDebateData({
			...d,
			handIn: { poll: { before: { stance: 130, at: 'yesterday' }, persuasive: [] } }
		});
		expect(bad.ok).toBe(false);
		expect(!bad.ok && bad.errors.map((e) => e.path)).toEqual(
			expect.arrayContaining(['handIn.poll.before.stance', 'handIn.poll.before.at'])
		);
	});
});

describe('a hand-in file', () => {
	it('reads back as the same debate, poll included, as YAML or as JSON (the offline fallback)', async () => {
		const withMine = withContributions(debate(), [make('my-1', 'p1', 'Blazers itch.')]).debate;
		const poll = { before: { stance: 30, at: '2026-11-28T09:00:00.000Z' }, persuasive: ['c1'] };
		const file = handInDebate(withMine, poll);
		expect(file.handIn).toEqual({ poll });
		// No poll answered: no poll in the file.
		expect(handInDebate(withMine, { persuasive: [] }).handIn).toBeUndefined();
		const { debateToYaml } = await loadYamlWriter();
		for (const [text, name] of [
			[debateToYaml(file), 'mei.yaml'],
			[debateToJson(file), 'mei.json']
		] as const) {
			const back = await importDebate(text, { file: name });
			expect(back.ok && back.value).toEqual(file);
		}
	});
});
