import { describe, expect, test } from 'vitest';
import {
	decide,
	type Addition,
	type SessionView
} from '../../../../src/lib/core/class/permissions';
import type { ClassOp as Op } from '../../../../src/lib/core/oplog/op';
import type { ModerationOp } from '../../../../src/lib/core/oplog/moderation';

const env = { id: 'op-00000001', actor: 'browser-1', tab: 'tab-00001', at: 1, group: 'grp-00001' };
const put = (id: string, target: unknown = 'thesis', extra: object = {}): Op =>
	({
		...env,
		kind: 'put',
		base: null,
		value: { id, claim: { id, text: { en: 'x' }, stance: 'pro', target, ...extra }, updatedAt: 1 }
	}) as Op;
const del = (claim: string): Op => ({ ...env, kind: 'delete', base: null, claim }) as Op;
const mod = (kind: ModerationOp['kind'], extra: object = {}) =>
	({ id: 'mod-00001', at: 1, kind, ...extra }) as ModerationOp;

function view(
	over: Partial<SessionView> & { additions?: Record<string, Addition> } = {}
): SessionView {
	const additions = over.additions ?? {};
	return {
		role: 'student',
		actor: 'ana',
		moderation: 'open',
		locked: false,
		isDebateClaim: (id) => id === 'thesis' || id === 'p1',
		addition: (id) => additions[id],
		...over
	};
}
const mine: Addition = { owner: 'ana', state: 'shown', deleted: false };
const bens: Addition = { owner: 'ben', state: 'shown', deleted: false };

describe('who may do what in a class session', () => {
	test('a student adds a reply to a claim they can see; it is theirs', () => {
		const d = decide(view(), put('c1'));
		expect(d).toMatchObject({
			ok: true,
			audience: 'all',
			addition: { id: 'c1', next: { owner: 'ana', state: 'shown' } }
		});
	});

	test('a student edits and deletes their own additions, not a classmate’s; the teacher may', () => {
		const v = view({ additions: { a: mine, b: bens } });
		expect(decide(v, put('a')).ok).toBe(true);
		expect(decide(v, del('a')).ok).toBe(true);
		expect(decide(v, put('b'))).toMatchObject({ ok: false, status: 403 });
		expect(decide(v, del('b'))).toMatchObject({ ok: false, status: 403 });
		const t = view({ role: 'teacher', actor: 'teacher', additions: { b: bens } });
		// The teacher's edit keeps the addition its author's.
		expect(decide(t, put('b'))).toMatchObject({ ok: true, addition: { next: { owner: 'ben' } } });
	});

	test('nobody replaces or deletes a claim of the debate, or replies to what is not there', () => {
		const v = view({ role: 'teacher', actor: 'teacher' });
		expect(decide(v, put('thesis'))).toMatchObject({ ok: false, status: 422 });
		expect(decide(v, del('p1'))).toMatchObject({ ok: false, status: 403 });
		expect(decide(v, put('c1', 'nowhere'))).toMatchObject({ ok: false, status: 422 });
		expect(decide(v, put('c1', 'c1'))).toMatchObject({ ok: false, status: 422 });
		// An undercut names two claims: both must be there.
		expect(decide(v, put('c1', { from: 'p1', to: 'gone' }))).toMatchObject({ ok: false });
		expect(decide(v, put('c1', { from: 'p1', to: 'thesis' })).ok).toBe(true);
		expect(decide(v, put('c1', 'thesis', { also: [{ target: 'gone', stance: 'con' }] })).ok).toBe(
			false
		);
	});

	test('approve-first: a student’s new addition is private until the teacher approves it', () => {
		const pending: Addition = { owner: 'ben', state: 'pending', deleted: false };
		const v = view({ moderation: 'approve', additions: { b: pending } });
		expect(decide(v, put('c1'))).toMatchObject({
			audience: 'private',
			addition: { next: { state: 'pending' } }
		});
		// A classmate cannot reply to (or even name) a pending addition; its author can.
		expect(decide(v, put('c1', 'b')).ok).toBe(false);
		expect(
			decide(
				view({ actor: 'ben', moderation: 'approve', additions: { b: pending } }),
				put('c1', 'b')
			).ok
		).toBe(true);
		const t = view({
			role: 'teacher',
			actor: 'teacher',
			moderation: 'approve',
			additions: { b: pending }
		});
		expect(decide(t, mod('approve', { claim: 'b' }))).toMatchObject({
			ok: true,
			audience: 'all',
			reveal: 'b',
			addition: { next: { state: 'shown' } }
		});
		// The teacher's own additions need no approval.
		expect(decide(t, put('c2'))).toMatchObject({ audience: 'all' });
	});

	test('hidden: off the class’s screens, the author’s edits stay private; restore shows the latest', () => {
		const t = view({ role: 'teacher', actor: 'teacher', additions: { a: mine } });
		expect(decide(t, mod('hide', { claim: 'a' }))).toMatchObject({
			ok: true,
			audience: 'all',
			addition: { next: { state: 'hidden' } }
		});
		expect(decide(t, mod('hide', { claim: 'a' }))).not.toHaveProperty('reveal');
		const hidden = { ...mine, state: 'hidden' as const };
		expect(decide(view({ additions: { a: hidden } }), put('a'))).toMatchObject({
			audience: 'private'
		});
		expect(decide({ ...t, addition: () => hidden }, mod('restore', { claim: 'a' }))).toMatchObject({
			reveal: 'a'
		});
	});

	test('the teacher adds a shown addition to the tour, never one the class may not see', () => {
		const held: Addition = { owner: 'ben', state: 'pending', deleted: false };
		const gone: Addition = { owner: 'ben', state: 'shown', deleted: true };
		const t = view({ role: 'teacher', actor: 'teacher', additions: { b: bens, h: held, g: gone } });
		expect(decide(t, mod('tour', { claim: 'b', on: true }))).toMatchObject({
			ok: true,
			audience: 'all'
		});
		expect(decide(t, mod('tour', { claim: 'h', on: true }))).toMatchObject({
			ok: false,
			status: 422
		});
		// Taking a held one off is allowed (it may have been hidden after it was added).
		expect(decide(t, mod('tour', { claim: 'h', on: false })).ok).toBe(true);
		for (const claim of ['g', 'p1', 'nothing'])
			expect(decide(t, mod('tour', { claim, on: true }))).toMatchObject({ ok: false, status: 422 });
	});

	test('only the teacher moderates; a locked session is read-only for students only', () => {
		for (const op of [
			mod('approve', { claim: 'a' }),
			mod('hide', { claim: 'a' }),
			mod('lock', { on: true }),
			mod('tour', { claim: 'a', on: true }),
			mod('end')
		])
			expect(decide(view({ additions: { a: mine } }), op)).toMatchObject({
				ok: false,
				status: 403
			});
		const locked = view({ locked: true, additions: { a: mine } });
		expect(decide(locked, put('a'))).toMatchObject({
			ok: false,
			status: 403,
			message: expect.stringMatching(/locked/)
		});
		expect(
			decide(locked, {
				...env,
				kind: 'stance',
				when: 'after',
				answer: { stance: 50, at: '2026-01-01T00:00:00Z' }
			} as Op).ok
		).toBe(false);
		expect(
			decide({ ...locked, role: 'teacher', actor: 'teacher' }, mod('lock', { on: false }))
		).toMatchObject({ ok: true, session: { locked: false } });
	});

	test('poll answers and persuasive marks are seen by the teacher and their author only', () => {
		const v = view();
		expect(
			decide(v, {
				...env,
				kind: 'stance',
				when: 'before',
				answer: { stance: 10, at: '2026-01-01T00:00:00Z' }
			} as Op)
		).toMatchObject({ ok: true, audience: 'private' });
		expect(decide(v, { ...env, kind: 'persuasive', claim: 'p1', on: true } as Op)).toMatchObject({
			ok: true,
			audience: 'private'
		});
		expect(decide(v, { ...env, kind: 'persuasive', claim: 'gone', on: true } as Op)).toMatchObject({
			ok: false,
			status: 422
		});
	});
});
