import { z } from '../schema/zod';
import { Id } from '../schema/debate';
import { PollAnswer } from '../schema/poll';
import { Contribution } from '../contrib/contribution';

/**
 * One operation on a debate's class work: a student's addition put or deleted, a stance poll
 * answered, a claim marked most persuasive. Everything a student does is one of these, appended
 * to a log and never rewritten; what the page shows is the log replayed (`replay.ts`). The same
 * operations are kept in this browser and, in a class session, sent to the server, so one log
 * works both ways.
 *
 * - `id` is unique (random, made where the operation is made): applying an operation twice is
 *   applying it once, so a change may be re-sent until it is acknowledged.
 * - `actor` is the person (one browser), `tab` the tab or device that made it: undo undoes only
 *   what this tab did.
 * - `at` orders the log: a clock that never goes backwards and stays ahead of every operation
 *   seen (a hybrid logical clock), ties broken by `id`.
 * - `group` binds the operations of one action (a merge of hand-ins, a claim deleted with its
 *   replies): undo takes the whole group back.
 * - `base` (puts and deletes) is the operation the change was made on (the addition's version
 *   this tab saw; `null` for a new one). An undo or redo whose base is no longer the latest
 *   version would overwrite a newer change made elsewhere, and is refused.
 */

/** Ids made by the app: random letters and digits (≥ 96 bits for a new operation). */
export const OpId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'letters, digits, - or _ (8–64)');
export type OpId = z.infer<typeof OpId>;

const envelope = {
	id: OpId,
	actor: OpId,
	tab: OpId,
	at: z.number().int().nonnegative(),
	group: OpId
};

/** Marks an operation made by Undo (of group `undoes`) or Redo (of the undo group `redoes`). */
const history = {
	undoes: OpId.optional(),
	redoes: OpId.optional()
};

export const PutOp = z.strictObject({
	...envelope,
	...history,
	kind: z.literal('put'),
	base: OpId.nullable(),
	/** The addition as it now reads (its `updatedAt` is the operation's `at`). */
	value: Contribution
});

export const DeleteOp = z.strictObject({
	...envelope,
	...history,
	kind: z.literal('delete'),
	base: OpId.nullable(),
	claim: Id
});

export const StanceOp = z.strictObject({
	...envelope,
	kind: z.literal('stance'),
	when: z.enum(['before', 'after']),
	answer: PollAnswer
});

export const PersuasiveOp = z.strictObject({
	...envelope,
	kind: z.literal('persuasive'),
	claim: Id,
	on: z.boolean()
});

export const Op = z.discriminatedUnion('kind', [PutOp, DeleteOp, StanceOp, PersuasiveOp]);
export type Op = z.infer<typeof Op>;
export type PutOp = z.infer<typeof PutOp>;
export type DeleteOp = z.infer<typeof DeleteOp>;
export type StanceOp = z.infer<typeof StanceOp>;
export type PersuasiveOp = z.infer<typeof PersuasiveOp>;
/** Operations on additions (the ones undo and redo act on). */
export type EditOp = PutOp | DeleteOp;
