import { describe, expect, it } from 'vitest';
import { contributionFromDraft } from '../../../../src/lib/core/contrib';
import { classState, seenBy, type ClassEvent } from '../../../../src/lib/core/class/class-state';
import type { ModerationOp } from '../../../../src/lib/core/oplog/moderation';
import type { Op } from '../../../../src/lib/core/oplog/op';
import { fixtureGraph } from '../../graphs';

let n = 0;
const nextId = () => `op-${String(++n).padStart(6, '0')}`;

/** `by` puts addition `id` (a new one, or a new version of it), as event `seq`. */
function put(seq: number, by: string, id: string, text = 'An objection.'): ClassEvent {
	const r = contributionFromDraft(
		{ target: 'p1', stance: 'con', text },
		{ id, now: 1, lang: 'en', debate: fixtureGraph('valid').debate }
	);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const opId = nextId();
	const op = {
		id: opId,
		actor: `${by}-actor`,
		tab: 'tab-00000001',
		at: seq,
		group: opId,
		kind: 'put',
		base: null,
		value: r.contribution
	} as Op;
	return { seq, by, op };
}
type Decision = ModerationOp extends infer M
	? M extends ModerationOp
		? Omit<M, 'id' | 'at'>
		: never
	: never;
const mod = (seq: number, m: Decision): ClassEvent => ({
	seq,
	by: 'teacher',
	mod: { id: nextId(), at: seq, ...m } as ModerationOp
});

describe('what the teacher decided, replayed from the stream', () => {
	it('holds a student’s new addition for approval in an approve-first session, not the teacher’s', () => {
		const events = [put(1, 'mei', 'x1'), put(2, 'teacher', 'x2')];
		const s = classState(events, 'approve');
		expect(s.states.get('x1')).toBe('pending');
		expect(s.states.has('x2')).toBe(false);
		// In an open session nothing waits.
		expect(classState(events, 'open').states.size).toBe(0);
	});

	it('shows an approved addition, and one restored after it was hidden', () => {
		const approved = classState(
			[put(1, 'mei', 'x1'), mod(2, { kind: 'approve', claim: 'x1' })],
			'approve'
		);
		expect(approved.states.has('x1')).toBe(false);
		const hidden = [put(1, 'mei', 'x1'), mod(2, { kind: 'hide', claim: 'x1' })];
		expect(classState(hidden, 'open').states.get('x1')).toBe('hidden');
		const restored = [...hidden, mod(3, { kind: 'restore', claim: 'x1' })];
		expect(classState(restored, 'open').states.has('x1')).toBe(false);
	});

	it('follows the server’s numbering, not the order events reached this browser', () => {
		const events = [
			mod(3, { kind: 'restore', claim: 'x1' }),
			put(1, 'mei', 'x1'),
			mod(2, { kind: 'hide', claim: 'x1' })
		];
		expect(classState(events, 'open').states.has('x1')).toBe(false);
	});

	it('marks an addition the teacher reworded, not one its author changed', () => {
		const s = classState(
			[
				put(1, 'mei', 'x1'),
				put(2, 'mei', 'x1', 'Mei again.'),
				put(3, 'sam', 'x2'),
				put(4, 'teacher', 'x2', 'Corrected.')
			],
			'open'
		);
		expect([...s.edited]).toEqual(['x2']);
		expect(s.owners.get('x2')).toBe('sam');
	});

	it('locks, unlocks and ends the session', () => {
		expect(classState([mod(1, { kind: 'lock', on: true })], 'open').locked).toBe(true);
		const unlocked = classState(
			[mod(1, { kind: 'lock', on: true }), mod(2, { kind: 'lock', on: false })],
			'open'
		);
		expect(unlocked.locked).toBe(false);
		expect(unlocked.ended).toBe(false);
		expect(classState([mod(1, { kind: 'end' })], 'open').ended).toBe(true);
	});

	it('keeps the additions the teacher put in the tour, in the order put there', () => {
		const s = classState(
			[
				put(1, 'mei', 'x1'),
				put(2, 'sam', 'x2'),
				mod(3, { kind: 'tour', claim: 'x2', on: true }),
				mod(4, { kind: 'tour', claim: 'x1', on: true }),
				mod(5, { kind: 'tour', claim: 'x2', on: false })
			],
			'open'
		);
		expect(s.tour).toEqual(['x1']);
		const again = classState(
			[
				mod(1, { kind: 'tour', claim: 'x2', on: true }),
				mod(2, { kind: 'tour', claim: 'x1', on: true }),
				mod(3, { kind: 'tour', claim: 'x2', on: false }),
				mod(4, { kind: 'tour', claim: 'x2', on: true })
			],
			'open'
		);
		expect(again.tour).toEqual(['x1', 'x2']);
	});

	it('lets the teacher and the author see a held or hidden addition, and no classmate', () => {
		const s = classState(
			[put(1, 'mei', 'x1'), put(2, 'sam', 'x2'), mod(3, { kind: 'hide', claim: 'x2' })],
			'approve'
		);
		expect(seenBy(s, 'x1', { role: 'student', actor: 'mei' })).toBe(true);
		expect(seenBy(s, 'x1', { role: 'student', actor: 'sam' })).toBe(false);
		expect(seenBy(s, 'x2', { role: 'student', actor: 'sam' })).toBe(true);
		expect(seenBy(s, 'x2', { role: 'student', actor: 'mei' })).toBe(false);
		expect(seenBy(s, 'x1', { role: 'teacher', actor: 'teacher' })).toBe(true);
		expect(seenBy(s, 'x2', { role: 'teacher', actor: 'teacher' })).toBe(true);
	});
});
