import { z } from '../schema/zod';
import { Id } from '../schema/debate';
import { OpId } from './op';

/**
 * What only the teacher of a class session may do, as operations in the session's log beside
 * the students' (`op.ts`): approve an addition held for approval, hide one from the class and
 * restore it, add one to the tour, lock the session (read-only for students) or unlock it, and end it. Same envelope
 * rules: `id` unique (a re-sent operation is applied once), `at` the teacher's clock.
 */
const envelope = { id: OpId, at: z.number().int().nonnegative() };

/** The addition `claim` becomes visible to the class (an approve-first session). */
export const ApproveOp = z.strictObject({ ...envelope, kind: z.literal('approve'), claim: Id });
/** The addition `claim` is taken off the class's screens (its author and the teacher keep it). */
export const HideOp = z.strictObject({ ...envelope, kind: z.literal('hide'), claim: Id });
/** A hidden addition is shown again. */
export const RestoreOp = z.strictObject({ ...envelope, kind: z.literal('restore'), claim: Id });
/** `on`: students can no longer change anything; `off`: they can again. */
export const LockOp = z.strictObject({ ...envelope, kind: z.literal('lock'), on: z.boolean() });
/**
 * `on`: the addition `claim` joins the tour present mode walks, just after the claim it answers
 * (and that claim's replies already in the tour); `off`: it leaves the tour again.
 */
export const TourOp = z.strictObject({
	...envelope,
	kind: z.literal('tour'),
	claim: Id,
	on: z.boolean()
});
/** The session is over: nobody changes anything, its code is given back. */
export const EndOp = z.strictObject({ ...envelope, kind: z.literal('end') });

export const ModerationOp = z.discriminatedUnion('kind', [
	ApproveOp,
	HideOp,
	RestoreOp,
	LockOp,
	TourOp,
	EndOp
]);
export type ModerationOp = z.infer<typeof ModerationOp>;
export const MODERATION_KINDS = ['approve', 'hide', 'restore', 'lock', 'tour', 'end'] as const;
