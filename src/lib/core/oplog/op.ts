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

/**
 * What a class session carries: a student's additions, stances and marks. The class server
 * takes these and nothing else.
 */
export const ClassOp = z.discriminatedUnion('kind', [PutOp, DeleteOp, StanceOp, PersuasiveOp]);
export type ClassOp = z.infer<typeof ClassOp>;

/**
 * Every operation a log in this browser may hold: a class's, or an author's writing of a debate
 * (`set`, `unset`: see `core/author`), which stays in the browser it was written in.
 */
/**
 * One entry of a debate being written: its heading (`debate`: title, summary, languages, thesis…),
 * a claim (`claim:<id>`) or a source (`source:<id>`).
 */
export const EntryKey = z
	.string()
	.regex(
		/^(debate|(claim|source):[A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/,
		'debate, claim:<id> or source:<id>'
	);

/** The largest entry: a claim with a long detail and many quotes fits many times over. */
export const MAX_ENTRY_CHARS = 200_000;

/**
 * An entry as the author left it, checked or not: half-written text is kept as typed (so nothing
 * typed is lost) and held to the debate schema when the debate is checked or downloaded. Bounded,
 * so that one entry cannot fill the browser's storage.
 */
export const EntryValue = z
	.record(z.string(), z.json())
	.refine((v) => JSON.stringify(v).length <= MAX_ENTRY_CHARS, {
		message: `an entry may be at most ${MAX_ENTRY_CHARS.toLocaleString('en-US')} characters as JSON`
	});

/** An entry of a debate being written, as it now reads. */
export const SetOp = z.strictObject({
	...envelope,
	...history,
	kind: z.literal('set'),
	base: OpId.nullable(),
	key: EntryKey,
	value: EntryValue
});

/** An entry of a debate being written, taken out (a deleted claim or source). */
export const UnsetOp = z.strictObject({
	...envelope,
	...history,
	kind: z.literal('unset'),
	base: OpId.nullable(),
	key: EntryKey
});

export const Op = z.discriminatedUnion('kind', [...ClassOp.options, SetOp, UnsetOp]);
export type Op = z.infer<typeof Op>;
export type PutOp = z.infer<typeof PutOp>;
export type DeleteOp = z.infer<typeof DeleteOp>;
export type StanceOp = z.infer<typeof StanceOp>;
export type PersuasiveOp = z.infer<typeof PersuasiveOp>;
export type SetOp = z.infer<typeof SetOp>;
export type UnsetOp = z.infer<typeof UnsetOp>;
/** Operations on the entries of a debate being written (the ones its undo and redo act on). */
export type AuthorOp = SetOp | UnsetOp;
/** Operations on additions (the ones undo and redo act on). */
export type EditOp = PutOp | DeleteOp;
