import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionFromDraft, type Contribution } from '../../../src/lib/core/contrib';
import {
	fromLegacyContributions,
	fromLegacyPoll,
	readOps
} from '../../../src/lib/core/oplog/checks';
import type { EditOp, Op } from '../../../src/lib/core/oplog/op';
import {
	historyOf,
	replay,
	repliesTo,
	revert,
	type Step
} from '../../../src/lib/core/oplog/replay';
import { fixtureGraph } from '../graphs';

const debate = () => fixtureGraph('valid').debate;

function addition(id: string, text: string, target = 'p1'): Contribution {
	const r = contributionFromDraft(
		{ target, stance: 'con', text },
		{ id, now: 1, lang: 'en', debate: debate() }
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.contribution;
}

let n = 0;
/** An operation by `tab`, numbered in the order the test makes them. */
function op<T extends Partial<Op>>(tab: string, at: number, rest: T) {
	const id = `op-${String(++n).padStart(6, '0')}`;
	return { id, actor: 'person-1', tab, at, group: id, ...rest } as unknown as Op;
}
const put = (tab: string, at: number, value: Contribution, base: string | null, more = {}) =>
	op(tab, at, { kind: 'put', value, base, ...more }) as EditOp;
const del = (tab: string, at: number, claim: string, base: string | null, more = {}) =>
	op(tab, at, { kind: 'delete', claim, base, ...more }) as EditOp;
const text = (c: Contribution | undefined) =>
	c && typeof c.claim.text !== 'string' ? c.claim.text.en : undefined;

/** What Undo would append in `tab`, as the store makes it (or the additions it would overwrite). */
function undoIn(log: Op[], tab: string, at: number) {
	const r = replay(log);
	const step = historyOf(r, tab).undo.at(-1)!;
	return backOps(r, step, tab, at, { undoes: step.group });
}
function redoIn(log: Op[], tab: string, at: number) {
	const r = replay(log);
	const step = historyOf(r, tab).redo.at(-1)!;
	return backOps(r, step, tab, at, { redoes: step.group });
}
function backOps(
	r: ReturnType<typeof replay>,
	step: Step,
	tab: string,
	at: number,
	mark: object
): EditOp[] | { refused: string[] } {
	const back = revert(r, step);
	if (!back.ok) return { refused: back.changedSince.map((c) => text(c)!) };
	const group = `grp-${++n}-x`;
	return back.changes.map((c) =>
		c.to
			? put(tab, at, c.to, c.base, { ...mark, group })
			: del(tab, at, c.id, c.base, { ...mark, group })
	);
}

describe('the operation log', () => {
	it('applies an operation sent twice once', () => {
		const a = put('tab-AAAA', 10, addition('my-x', 'X'), null);
		const r = replay([a, a, { ...a }]);
		expect(r.items).toHaveLength(1);
		expect(r.ops).toHaveLength(1);
	});

	it('reads the same in any order (every tab and the server agree)', () => {
		const ops: Op[] = [
			put('tab-AAAA', 10, addition('my-x', 'X'), null),
			put('tab-BBBB', 12, addition('my-x', 'X by B'), null),
			put('tab-AAAA', 12, addition('my-y', 'Y', 'my-x'), null),
			del('tab-BBBB', 15, 'my-y', null),
			op('tab-AAAA', 11, {
				kind: 'stance',
				when: 'before',
				answer: { stance: 20, at: '2026-12-01T09:00:00Z' }
			}),
			op('tab-BBBB', 11, { kind: 'persuasive', claim: 'c1', on: true })
		];
		const expected = replay(ops);
		fc.assert(
			fc.property(fc.shuffledSubarray(ops, { minLength: ops.length }), (shuffled) => {
				const r = replay(shuffled);
				expect(r.items).toEqual(expected.items);
				expect(r.poll).toEqual(expected.poll);
			})
		);
	});

	it("never lets a tab's stale poll overwrite another tab's answer (tabs A and B)", () => {
		// A answers "before"; B (reloaded) answers "after"; A, never reloaded, marks a claim.
		const log = [
			op('tab-AAAA', 10, {
				kind: 'stance',
				when: 'before',
				answer: { stance: 20, at: '2026-12-01T09:00:00Z' }
			}),
			op('tab-BBBB', 20, {
				kind: 'stance',
				when: 'after',
				answer: { stance: 80, at: '2026-12-01T09:40:00Z' }
			}),
			op('tab-AAAA', 30, { kind: 'persuasive', claim: 'c05', on: true })
		];
		const { poll } = replay(log);
		expect(poll.before?.stance).toBe(20);
		expect(poll.after?.stance).toBe(80);
		expect(poll.persuasive).toEqual(['c05']);
	});

	it("refuses an undo in one tab that would erase another tab's edit, and keeps both texts", () => {
		const add = put('tab-AAAA', 10, addition('my-x', 'X'), null);
		const edit = put('tab-BBBB', 20, addition('my-x', 'X, as B wrote it'), add.id);
		const log: Op[] = [add, edit];
		// A's Undo (of adding X) would delete B's newer text: refused, naming it.
		expect(undoIn(log, 'tab-AAAA', 30)).toEqual({ refused: ['X, as B wrote it'] });
		// B's own undo is fine: back to X.
		const undone = undoIn(log, 'tab-BBBB', 30) as EditOp[];
		expect(text(replay([...log, ...undone]).items[0])).toBe('X');
		// Every version stays in the log.
		expect([...replay(log).versions.values()].map((v) => text(v.after))).toEqual([
			'X',
			'X, as B wrote it'
		]);
	});

	it('refuses an undo that arrives after a newer change it never saw (two tabs at once)', () => {
		const add = put('tab-AAAA', 10, addition('my-x', 'X'), null);
		// A's undo and B's edit are made at once, both on A's version; B's comes first.
		const edit = put('tab-BBBB', 20, addition('my-x', 'B was here'), add.id);
		const undo = del('tab-AAAA', 21, 'my-x', add.id, { undoes: add.group });
		const r = replay([add, undo, edit]);
		expect(r.refused.has(undo.id)).toBe(true);
		expect(text(r.items[0])).toBe('B was here');
		expect(r.items[0]!.deleted).toBeUndefined();
		// The refused undo leaves A's history as it was.
		expect(historyOf(r, 'tab-AAAA').undo.map((s) => s.group)).toEqual([add.group]);
	});

	it('undoes and redoes only what this tab did, in order, and the history is in the log', () => {
		const x = put('tab-AAAA', 10, addition('my-x', 'X'), null);
		const y = put('tab-BBBB', 11, addition('my-y', 'Y'), null);
		const x2 = put('tab-AAAA', 12, addition('my-x', 'X2'), x.id);
		let log: Op[] = [x, y, x2];
		log = [...log, ...(undoIn(log, 'tab-AAAA', 20) as EditOp[])];
		expect(text(replay(log).items.find((c) => c.id === 'my-x'))).toBe('X');
		log = [...log, ...(undoIn(log, 'tab-AAAA', 21) as EditOp[])];
		let r = replay(log);
		expect(r.items.find((c) => c.id === 'my-x')?.deleted).toBe(true);
		// B's addition is untouched; A has nothing left to undo, two steps to redo.
		expect(r.items.find((c) => c.id === 'my-y')?.deleted).toBeUndefined();
		expect(historyOf(r, 'tab-AAAA').undo).toHaveLength(0);
		expect(historyOf(r, 'tab-AAAA').redo).toHaveLength(2);
		log = [...log, ...(redoIn(log, 'tab-AAAA', 22) as EditOp[])];
		log = [...log, ...(redoIn(log, 'tab-AAAA', 23) as EditOp[])];
		r = replay(log);
		expect(text(r.items.find((c) => c.id === 'my-x'))).toBe('X2');
		expect(historyOf(r, 'tab-AAAA')).toMatchObject({ redo: [] });
		expect(historyOf(r, 'tab-AAAA').undo).toHaveLength(2);
		// A new change clears what could be redone.
		log = [...log, ...(undoIn(log, 'tab-AAAA', 24) as EditOp[])];
		log = [...log, put('tab-AAAA', 25, addition('my-z', 'Z'), null)];
		expect(historyOf(replay(log), 'tab-AAAA').redo).toHaveLength(0);
	});

	it('finds every addition answering one, directly or not (deleted with it)', () => {
		const items = [
			addition('my-a', 'A'),
			addition('my-b', 'B', 'my-a'),
			addition('my-c', 'C', 'my-b'),
			addition('my-d', 'D', 'p1')
		];
		expect(repliesTo(items, 'my-a').map((c) => c.id)).toEqual(['my-b', 'my-c']);
	});

	it('keeps a stance poll: the latest answer wins, marks come and go', () => {
		const a1 = { stance: 10, at: '2026-12-01T09:00:00Z' };
		const a2 = { stance: 30, at: '2026-12-01T09:01:00Z' };
		const { poll } = replay([
			op('tab-1111', 1, { kind: 'stance', when: 'before', answer: a1 }),
			op('tab-1111', 2, { kind: 'stance', when: 'before', answer: a2 }),
			op('tab-1111', 3, { kind: 'persuasive', claim: 'c1', on: true }),
			op('tab-1111', 4, { kind: 'persuasive', claim: 'c2', on: true }),
			op('tab-1111', 5, { kind: 'persuasive', claim: 'c1', on: false })
		]);
		expect(poll).toEqual({ before: a2, persuasive: ['c2'] });
	});
});

describe('reading stored operations', () => {
	it('keeps every readable operation and sets aside only the unreadable ones', () => {
		const good = put('tab-AAAA', 10, addition('my-x', 'X'), null);
		const { ops, unreadable } = readOps([good, { kind: 'put', junk: true }, 'nonsense', good]);
		expect(ops).toHaveLength(2);
		expect(unreadable.map((u) => u.index)).toEqual([1, 2]);
		expect(unreadable[0]!.problem).toMatch(/\w/);
	});

	it("turns an earlier version's list of additions into operations, one junk item set aside", () => {
		const items = [
			{ ...addition('my-1', 'One'), updatedAt: 100 },
			{ broken: true },
			{ ...addition('my-2', 'Two'), updatedAt: 200 },
			{ ...addition('my-3', 'Three'), updatedAt: 300, deleted: true }
		];
		const { ops, unreadable } = fromLegacyContributions(items);
		expect(unreadable).toEqual([{ broken: true }]);
		const r = replay(ops);
		expect(r.items.map((c) => [c.id, !!c.deleted])).toEqual([
			['my-1', false],
			['my-2', false],
			['my-3', true]
		]);
		// The same list converted in two tabs makes the same operations (stored once).
		expect(fromLegacyContributions(items).ops.map((o) => o.id)).toEqual(ops.map((o) => o.id));
	});

	it("turns an earlier version's poll into operations, and refuses one it cannot read", () => {
		const ops = fromLegacyPoll(
			{ before: { stance: 40, at: '2026-12-01T09:00:00Z' }, persuasive: ['c1'] },
			1000
		);
		expect(replay(ops!).poll).toEqual({
			before: { stance: 40, at: '2026-12-01T09:00:00Z' },
			persuasive: ['c1']
		});
		expect(fromLegacyPoll({ before: { stance: 'high' } }, 1000)).toBeNull();
	});
});
