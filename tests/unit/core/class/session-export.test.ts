import { describe, expect, it } from 'vitest';
import { contributionFromDraft, type Contribution } from '../../../../src/lib/core/contrib';
import { classState } from '../../../../src/lib/core/class/class-state';
import type { StudentPart } from '../../../../src/lib/core/class/class-results';
import { pollCsv, sessionDebate } from '../../../../src/lib/core/class/session-export';
import type { ModerationOp } from '../../../../src/lib/core/oplog/moderation';
import type { Op } from '../../../../src/lib/core/oplog/op';
import { fixtureGraph } from '../../graphs';

const debate = () => fixtureGraph('valid').debate;
function addition(id: string, text: string): Contribution {
	const r = contributionFromDraft(
		{ target: 'p1', stance: 'con', text },
		{ id, now: Date.UTC(2026, 11, 4, 10), lang: 'en', debate: debate() }
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.contribution;
}
const putBy = (seq: number, by: string, value: Contribution) => ({
	seq,
	by,
	op: {
		id: `op-0000000${seq}`,
		actor: by,
		tab: 'tab-00000001',
		at: seq,
		group: 'g-0000001',
		kind: 'put',
		base: null,
		value
	} as Op
});

describe('what the teacher takes home from a session', () => {
	it('the debate with the shown additions, each marked with its author and time; hidden and waiting ones left out', () => {
		const a = addition('x1', 'Shown to the class.');
		const b = addition('x2', 'Hidden by the teacher.');
		const c = addition('x3', 'Still waiting.');
		const hide: ModerationOp = { kind: 'hide', id: 'hide-00001', at: 4, claim: 'x2' };
		const approve: ModerationOp = { kind: 'approve', id: 'appr-00001', at: 5, claim: 'x1' };
		const state = classState(
			[
				putBy(1, 'p-ana', a),
				putBy(2, 'p-ben', b),
				putBy(3, 'p-ana', c),
				{ seq: 4, by: 'teacher', mod: hide },
				{ seq: 5, by: 'teacher', mod: approve }
			],
			'approve'
		);
		const out = sessionDebate(
			debate(),
			[a, b, c],
			state,
			new Map([
				['p-ana', 'Ana'],
				['p-ben', 'Ben']
			])
		);
		const added = out.claims.filter((cl) => cl.contributor);
		expect(added.map((cl) => cl.id)).toEqual(['x1']);
		expect(added[0]!.contributor).toEqual({ name: 'Ana', at: '2026-12-04T10:00:00.000Z' });
		expect(out.claims).toHaveLength(debate().claims.length + 1);
	});

	it('the tour as the class walked it: an addition the teacher put in it, and no other', () => {
		const a = addition('x1', 'Put in the tour.');
		const b = addition('x2', 'Left out of the tour.');
		const tour: ModerationOp = { kind: 'tour', id: 'tour-00001', at: 3, claim: 'x1', on: true };
		const events = [putBy(1, 'p-ana', a), putBy(2, 'p-ben', b)];
		const walked = sessionDebate(
			debate(),
			[a, b],
			classState([...events, { seq: 3, by: 'teacher', mod: tour }], 'open'),
			new Map()
		);
		// x1 answers p1: it comes after p1 and p1's branch (c1, c2).
		expect(walked.tour).toEqual(['t', 'p1', 'c1', 'c2', 'x1']);
		const none = sessionDebate(debate(), [a, b], classState(events, 'open'), new Map());
		expect(none.tour).toEqual(['t', 'p1', 'c1', 'c2']);
	});

	it('the poll as CSV a spreadsheet opens safely: quoted where needed, no formula from a name', () => {
		const part = (
			id: string,
			before?: number,
			after?: number,
			persuasive: string[] = []
		): StudentPart => ({
			id,
			additions: 0,
			poll: {
				...(before !== undefined
					? { before: { stance: before, at: '2026-12-04T10:00:00.000Z' } }
					: {}),
				...(after !== undefined
					? { after: { stance: after, at: '2026-12-04T10:40:00.000Z' } }
					: {}),
				persuasive
			}
		});
		const csv = pollCsv(
			[part('a', 20, 70, ['p1', 'c2']), part('b', 50), part('c')],
			new Map([
				['a', 'Ana, "the quick"'],
				['b', '=HYPERLINK("http://x")'],
				['c', 'Cai']
			])
		);
		expect(csv.split('\r\n')).toEqual([
			'student,before,after,shift,most_persuasive',
			'"Ana, ""the quick""",20,70,50,p1 c2',
			`"'=HYPERLINK(""http://x"")",50,,,`,
			'Cai,,,,',
			''
		]);
	});
});
