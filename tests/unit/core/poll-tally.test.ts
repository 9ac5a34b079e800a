import { describe, expect, it } from 'vitest';
import { mergeHandIn } from '../../../src/lib/core/contrib';
import {
	BAND_RANGES,
	STANCE_BANDS,
	studentKey,
	tallyPolls,
	withStudentPoll
} from '../../../src/lib/core/poll/tally';
import type { Poll } from '../../../src/lib/core/schema';
import { fixtureGraph } from '../graphs';

const at = '2026-11-28T09:00:00Z';
const answer = (stance: number) => ({ stance, at });
const poll = (before?: number, after?: number, persuasive: string[] = []): Poll => ({
	...(before !== undefined ? { before: answer(before) } : {}),
	...(after !== undefined ? { after: answer(after) } : {}),
	persuasive
});

describe("a class's stance polls", () => {
	it('cover the whole scale in five bands, as the poll words them', () => {
		expect(STANCE_BANDS.map((b) => BAND_RANGES[b])).toEqual([
			[0, 15],
			[16, 40],
			[41, 59],
			[60, 84],
			[85, 100]
		]);
	});

	it('count where students stood before and after, how many answered, the mean shift and the votes', () => {
		const tally = tallyPolls([
			poll(10, 30, ['c1', 'p1']),
			poll(50, 90, ['c1']),
			poll(45, undefined, ['c1', 'c1']),
			poll(undefined, 100, ['p1', 'c2'])
		]);
		expect(tally.bands.map((b) => [b.band, b.before, b.after])).toEqual([
			['strongly-against', 1, 0],
			['against', 0, 1],
			['undecided', 2, 0],
			['for', 0, 0],
			['strongly-for', 0, 2]
		]);
		expect(tally).toMatchObject({
			students: 4,
			answeredBefore: 3,
			answeredAfter: 3,
			answeredBoth: 2,
			averageShift: 30
		});
		// A claim marked twice by one student is one vote; most votes first.
		expect(tally.persuasive).toEqual([
			{ id: 'c1', count: 3 },
			{ id: 'p1', count: 2 },
			{ id: 'c2', count: 1 }
		]);
		expect(tallyPolls([poll(40)]).averageShift).toBeUndefined();
	});

	it("take a student's poll handed in again in place of the earlier one", () => {
		const first = withStudentPoll([], { key: 'name:Mei', student: 'Mei', poll: poll(20) });
		const other = withStudentPoll(first.polls, { key: 'name:Sam', student: 'Sam', poll: poll(60) });
		const again = withStudentPoll(other.polls, {
			key: 'name:Mei',
			student: 'Mei',
			poll: poll(20, 70)
		});
		expect([first.replaced, other.replaced, again.replaced]).toEqual([false, false, true]);
		const tally = tallyPolls(again.polls.map((p) => p.poll));
		expect(tally).toMatchObject({ students: 2, answeredBefore: 2, answeredAfter: 1 });
	});

	it('tell students apart by name, else by when they first answered, else by file', () => {
		expect(studentKey('Mei', poll(20), 'a.yaml')).toBe('name:Mei');
		expect(studentKey(undefined, poll(20), 'a.yaml')).toBe(`at:${at}`);
		expect(studentKey(undefined, poll(undefined, undefined, ['c1']), 'a.yaml')).toBe('file:a.yaml');
	});
});

describe('a hand-in with a stance poll', () => {
	const debate = () => fixtureGraph('valid').debate;

	it('is merged for its poll even when it adds no claim', () => {
		const r = mergeHandIn(
			debate(),
			[],
			{ ...debate(), handIn: { poll: poll(30, 70, ['c1']) } },
			{ file: 'additions.yaml', now: 1 }
		);
		expect(r.warnings).toEqual([]);
		expect(r.poll).toEqual({
			key: `at:${at}`,
			student: 'additions',
			poll: poll(30, 70, ['c1'])
		});
	});

	it('names the claims the student marked as they are called once merged', () => {
		const taken = mergeHandIn(
			debate(),
			[],
			{
				...debate(),
				claims: [
					...debate().claims,
					{
						id: 'my-1',
						stance: 'con',
						target: 'p1',
						text: 'Sam’s.',
						contributor: { name: 'Sam', at }
					}
				]
			},
			{ file: 'sam.yaml', now: 1 }
		);
		const mei = {
			...debate(),
			claims: [
				...debate().claims,
				{
					id: 'my-1',
					stance: 'con' as const,
					target: 'p1',
					text: 'Mei’s.',
					contributor: { name: 'Mei', at }
				}
			],
			handIn: { poll: poll(30, 70, ['my-1', 'c1']) }
		};
		const r = mergeHandIn(debate(), taken.contributions, mei, { file: 'mei.yaml', now: 2 });
		expect(r.added).toEqual(['my-1-2']);
		expect(r.poll).toMatchObject({ key: 'name:Mei', student: 'Mei' });
		expect(r.poll!.poll.persuasive).toEqual(['my-1-2', 'c1']);
	});
});
