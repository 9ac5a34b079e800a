import { z } from './zod';
import { IsoDateTime } from './localised';

/**
 * A student's stance poll on a debate's thesis: where they stood before the discussion and
 * after it (0 strongly against … 100 strongly for), a sentence why, and the claims they found
 * most persuasive. Kept in their browser and handed in with their additions.
 */
export const PollAnswer = z.strictObject({
	stance: z.number().int().min(0).max(100),
	why: z.string().trim().max(500, 'at most 500 characters').optional(),
	at: IsoDateTime
});
export type PollAnswer = z.infer<typeof PollAnswer>;

export const Poll = z.strictObject({
	before: PollAnswer.optional(),
	after: PollAnswer.optional(),
	/** Ids of the claims the student marked as most persuasive. */
	persuasive: z
		.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/))
		.max(50)
		.default([])
});
export type Poll = z.infer<typeof Poll>;

export { pollShift, stanceBand, type StanceBand } from './poll-scale';
