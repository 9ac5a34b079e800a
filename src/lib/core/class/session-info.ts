import { z } from '../schema/zod';
import { normaliseCode } from './code';

/**
 * A class session as the server describes it to one person (`GET /api/class/<code>`), and as
 * their browser keeps it to open the session's map again without the server. One description
 * for the server that writes it and the browser that reads it back.
 */

/** Whether students' additions wait for the teacher's approval. */
export const Moderation = z.enum(['open', 'approve']);
/** Whether classmates see who posted (the teacher always does). */
export const Names = z.enum(['shown', 'anonymous']);

/** Who may do what in a session, as the teacher chose when starting it. */
export const SessionSettings = z.strictObject({ moderation: Moderation, names: Names });
export type SessionSettings = z.infer<typeof SessionSettings>;

export const SessionInfo = z.strictObject({
	code: z.string().refine((c) => normaliseCode(c) === c, 'a class code'),
	settings: SessionSettings,
	locked: z.boolean(),
	/**
	 * When the server deletes the session and every word in it (its retention period): a browser
	 * that kept a copy deletes it then too.
	 */
	expiresAt: z.iso.datetime(),
	role: z.enum(['teacher', 'student']),
	/** The participant id the server knows this person by (`teacher` for the teacher). */
	you: z.strictObject({ id: z.string().min(1).max(64), name: z.string().max(80).optional() }),
	/** The debate, to be validated like a file before it is shown. */
	debate: z.unknown()
});
export type SessionInfo = z.infer<typeof SessionInfo>;
