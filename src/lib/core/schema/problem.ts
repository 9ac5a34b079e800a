import type { z } from './zod';

/**
 * What is wrong with a text a person typed, as a code with the numbers it needs: a page words it
 * in the reader's language from the code, never by matching the English message. A check that
 * finds one of these puts it on its zod issue as `params.problem`; `problemOf` reads it back.
 *
 * A new problem is one more member here: every page that words problems keeps a table over
 * `TextProblem['code']`, so the type checker asks each for its words.
 */
export type TextProblem =
	/** Nothing written. */
	| { code: 'empty' }
	/** Only invisible characters (zero-width, lone accents, spaces): it would show as a blank. */
	| { code: 'invisible' }
	/** More than `max` characters, counted as a reader counts them. */
	| { code: 'too_long'; max: number }
	/** A character that is not text (U+FFFF, half of an emoji), named `U+FFFF`. */
	| { code: 'not_text'; char: string }
	/** Not an http:// or https:// address. */
	| { code: 'not_web_address' }
	/** Written out as a web address (%XX codes) it has `length` characters, more than `max`. */
	| { code: 'address_too_long'; length: number; max: number }
	/** A source with neither a title nor an address. */
	| { code: 'source_unnamed' }
	/** Anything else: its English message is all there is to show. */
	| { code: 'other' };

/** A problem with a field, with the English message the command line and logs show. */
export type CodedProblem = TextProblem & { message: string };

/** The `params` a check puts on its zod issue so that {@link problemOf} can read the code. */
export const withProblem = (problem: TextProblem) => ({ params: { problem } });

/** The problem a zod issue reports: the code its check gave, or one read from zod's own code. */
export function problemOf(issue: z.core.$ZodIssue): CodedProblem {
	const message = issue.message;
	const given =
		issue.code === 'custom' ? (issue.params?.problem as TextProblem | undefined) : undefined;
	if (given) return { ...given, message };
	// zod's own length checks (`.min`, `.max`) carry their bound.
	if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1)
		return { code: 'empty', message };
	if (issue.code === 'too_big' && issue.origin === 'string')
		return { code: 'too_long', max: Number(issue.maximum), message };
	return { code: 'other', message };
}
