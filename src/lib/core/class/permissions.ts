import type { ClassOp } from '../oplog/op';
import type { ModerationOp } from '../oplog/moderation';
import type { Claim, RelationTarget } from '../schema/debate';

/**
 * Who may do what in a class session, decided for one operation at a time from the session's
 * current state. Pure: the server reads the state, asks, and stores the operation with the
 * decision's effects in one transaction.
 *
 * - A student adds additions (replies to a claim they can see), and changes or deletes only
 *   the additions they made; marks claims persuasive and answers the stance poll for
 *   themselves. Nothing once the session is locked.
 * - The teacher may change or delete any addition, and alone approves, hides, restores, adds
 *   to the tour, locks and ends.
 * - In an approve-first session a student's new addition is seen by the teacher and its author
 *   only, until approved; a hidden one likewise. Poll answers and persuasive marks are seen by
 *   the teacher and the student who made them (classmates see totals, not who chose what).
 */

export type Role = 'teacher' | 'student';
/** Whether the class sees an addition: awaiting approval, shown, or hidden by the teacher. */
export type Visibility = 'pending' | 'shown' | 'hidden';
/** Who sees an event: everyone in the session, or the teacher and the event's author only. */
export type Audience = 'all' | 'private';

export interface Addition {
	owner: string;
	state: Visibility;
	deleted: boolean;
}

export interface SessionView {
	role: Role;
	/** The participant making the operation (`teacher` for the teacher). */
	actor: string;
	moderation: 'open' | 'approve';
	locked: boolean;
	/** A claim of the debate the session started from. */
	isDebateClaim(id: string): boolean;
	/** An addition made in this session, as it stands before this operation. */
	addition(id: string): Addition | undefined;
}

export type Decision =
	| {
			ok: true;
			audience: Audience;
			/** The addition as it stands after this operation. */
			addition?: { id: string; next: Addition; put: boolean };
			/** Attach the addition's latest version to the event (approved or restored). */
			reveal?: string;
			/** The session's state after this operation. */
			session?: { locked?: boolean; ended?: boolean };
	  }
	| { ok: false; status: 403 | 422; message: string };

/** The claims a claim replies to: its target and its other relations (an undercut names two). */
export function repliesTo(claim: Pick<Claim, 'target' | 'also'>): string[] {
	const ids = (t: RelationTarget | undefined) =>
		t === undefined ? [] : typeof t === 'string' ? [t] : [t.from, t.to];
	return [...ids(claim.target), ...(claim.also ?? []).flatMap((r) => ids(r.target))];
}

const refuse = (status: 403 | 422, message: string): Decision => ({ ok: false, status, message });

/** The teacher's own actor name in the log. */
export const TEACHER = 'teacher';

/**
 * The id of the end the server makes when the teacher deletes a session: every page that sees
 * it forgets what its browser kept of the session.
 */
export const DELETED_END_ID = 'session-deleted';

export function decide(view: SessionView, op: ClassOp | ModerationOp): Decision {
	const teacher = view.role === 'teacher';
	if (!teacher && view.locked)
		return refuse(403, 'the session is locked: the teacher has made it read-only');
	/** A claim this person can see (and so reply to, or mark). */
	const visible = (id: string) => {
		if (view.isDebateClaim(id)) return true;
		const a = view.addition(id);
		if (!a || a.deleted) return false;
		return teacher || a.state === 'shown' || a.owner === view.actor;
	};
	const own = (a: Addition) => teacher || a.owner === view.actor;
	switch (op.kind) {
		case 'put': {
			const { value } = op;
			if (value.claim.id !== value.id)
				return refuse(422, `value.claim.id: must be the addition's id "${value.id}"`);
			if (view.isDebateClaim(value.id))
				return refuse(
					422,
					`value.id: "${value.id}" is a claim of the debate; an addition needs an id of its own`
				);
			if (!value.claim.target)
				return refuse(422, 'value.claim.target: an addition replies to a claim');
			for (const id of repliesTo(value.claim))
				if (id === value.id || !visible(id))
					return refuse(422, `value.claim.target: there is no claim "${id}" in this session`);
			const before = view.addition(value.id);
			if (before && !own(before)) return refuse(403, 'you can change only the additions you made');
			const state: Visibility =
				before?.state ?? (!teacher && view.moderation === 'approve' ? 'pending' : 'shown');
			const next = { owner: before?.owner ?? view.actor, state, deleted: !!value.deleted };
			return {
				ok: true,
				audience: state === 'shown' ? 'all' : 'private',
				addition: { id: value.id, next, put: true }
			};
		}
		case 'delete': {
			if (view.isDebateClaim(op.claim))
				return refuse(403, 'the claims of the debate cannot be deleted in class');
			const before = view.addition(op.claim);
			if (!before || !visible(op.claim))
				return refuse(422, `claim: there is no addition "${op.claim}" in this session`);
			if (!own(before)) return refuse(403, 'you can delete only the additions you made');
			return {
				ok: true,
				audience: before.state === 'shown' ? 'all' : 'private',
				addition: { id: op.claim, next: { ...before, deleted: true }, put: false }
			};
		}
		case 'stance':
			return { ok: true, audience: 'private' };
		case 'persuasive':
			if (!visible(op.claim))
				return refuse(422, `claim: there is no claim "${op.claim}" in this session`);
			return { ok: true, audience: 'private' };
	}
	// What is left is moderation.
	if (!teacher)
		return refuse(
			403,
			'only the teacher can approve, hide, restore, change the tour, lock or end the session'
		);
	switch (op.kind) {
		case 'approve':
		case 'hide':
		case 'restore': {
			const before = view.addition(op.claim);
			if (!before || before.deleted)
				return refuse(422, `claim: there is no addition "${op.claim}" in this session`);
			const state: Visibility = op.kind === 'hide' ? 'hidden' : 'shown';
			return {
				ok: true,
				audience: 'all',
				addition: { id: op.claim, next: { ...before, state }, put: false },
				...(state === 'shown' && before.state !== 'shown' ? { reveal: op.claim } : {})
			};
		}
		case 'tour': {
			const before = view.addition(op.claim);
			if (!before || before.deleted)
				return refuse(422, `claim: there is no addition "${op.claim}" in this session`);
			// The tour is projected to the class: only what the class may see goes in it.
			if (op.on && before.state !== 'shown')
				return refuse(422, 'claim: show this addition to the class before adding it to the tour');
			return { ok: true, audience: 'all' };
		}
		case 'lock':
			return { ok: true, audience: 'all', session: { locked: op.on } };
		case 'end':
			return { ok: true, audience: 'all', session: { ended: true } };
	}
}
