import { describe, expect, it } from 'vitest';
import { contributionFromDraft } from '../../../../src/lib/core/contrib';
import { classBaseScores, studentParts } from '../../../../src/lib/core/class/class-results';
import type { Op } from '../../../../src/lib/core/oplog/op';
import { tallyPolls } from '../../../../src/lib/core/poll/tally';
import { fixtureGraph } from '../../graphs';

let n = 0;
function op(rest: object): Op {
	const id = `op-${String(++n).padStart(6, '0')}`;
	return { id, actor: 'someone-1', tab: 'tab-00000001', at: n, group: id, ...rest } as Op;
}
const stance = (when: 'before' | 'after', value: number) =>
	op({ kind: 'stance', when, answer: { stance: value, at: '2026-12-04T10:00:00.000Z' } });
const mark = (claim: string, on = true) => op({ kind: 'persuasive', claim, on });
function put(id: string) {
	const r = contributionFromDraft(
		{ target: 'p1', stance: 'con', text: 'An objection.' },
		{ id, now: 1, lang: 'en', debate: fixtureGraph('valid').debate }
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return op({ kind: 'put', base: null, value: r.contribution });
}

describe("a class session's results", () => {
	it("counts each student's latest answers once, and not the teacher's", () => {
		const parts = studentParts([
			{ by: 'mei', op: stance('before', 20) },
			{ by: 'mei', op: stance('before', 30) },
			{ by: 'mei', op: stance('after', 70) },
			{ by: 'sam', op: stance('before', 90) },
			{ by: 'teacher', op: stance('before', 0) },
			{ by: 'mei', op: put('x1') },
			{ by: 'mei', op: put('x2') }
		]);
		expect(parts.map((p) => p.id)).toEqual(['mei', 'sam']);
		expect(parts[0]!.poll.before?.stance).toBe(30);
		expect(parts[0]!.additions).toBe(2);
		const tally = tallyPolls(parts.map((p) => p.poll));
		expect(tally.answeredBefore).toBe(2);
		expect(tally.averageShift).toBe(40);
	});

	it('weighs a claim by the share of voters who found it most persuasive, never below neutral', () => {
		const parts = studentParts([
			{ by: 'mei', op: mark('c1') },
			{ by: 'mei', op: mark('c2') },
			{ by: 'sam', op: mark('c1') },
			{ by: 'li', op: mark('c2') },
			{ by: 'li', op: mark('c2', false) },
			{ by: 'li', op: mark('c3') }
		]);
		const tally = tallyPolls(parts.map((p) => p.poll));
		const voters = parts.filter((p) => p.poll.persuasive.length).length;
		expect(classBaseScores(tally, voters)).toEqual({
			c1: 0.5 + 0.5 * (2 / 3),
			c2: 0.5 + 0.5 / 3,
			c3: 0.5 + 0.5 / 3
		});
		expect(classBaseScores(tallyPolls([]), 0)).toEqual({});
	});
});
