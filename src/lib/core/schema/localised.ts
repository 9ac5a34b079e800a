import { z } from './zod';
import { characterCount, codePointOf, firstNotText, hasVisibleCharacter } from './characters';
import { LANGUAGE_TAG_PATTERN } from './vocabulary';
import { withProblem, type TextProblem } from './problem';

// How long texts may be: generous (the longest text in the shipped debate is a 550-character
// note) but bounded, so that a 5 MB "claim" in an import is refused with its path instead of being
// indexed, drawn and stored. Every text field has one of these, or a tighter limit of its own (a
// claim's text and title, a contributor's name, an id); tests/unit/formats/hostile.test.ts checks
// that no text field of the format is left without one.

/** A claim's detail or note, a quote and its translation, a source's note, a debate's summary: about 1,500 words. */
export const LONG_TEXT_MAX = 10_000;
/** A debate's or a source's title, an actor's role, where a quote stands in its source. */
export const TITLE_MAX = 1_000;
/** The name of an actor, an author, an organisation or a publisher; a tag's label. */
export const NAME_MAX = 300;
/** A web address: about as long as browsers and servers handle reliably. */
export const URL_MAX = 2_048;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * What is wrong with a text that has a character that is not text (U+FFFF, half of an emoji):
 * no script uses one, and an SVG export could not carry it. Undefined when there is none.
 */
function notTextIssue(
	text: string,
	words?: (code: string) => string
): z.core.$ZodRawIssue | undefined {
	const ch = firstNotText(text);
	if (ch === undefined) return undefined;
	const code = codePointOf(ch);
	return {
		code: 'custom',
		message: words?.(code) ?? `contains a character that is not text (${code})`,
		input: text,
		...withProblem({ code: 'not_text', char: code })
	};
}

/**
 * Non-empty text of at most `max` characters (UTF-16 units), trimmed and stored in NFC, with
 * nothing that is not text.
 */
export function boundedText(max: number) {
	return z
		.string()
		.trim()
		.normalize('NFC')
		.min(1, 'must not be empty')
		.max(max, `must be at most ${count(max)} characters`)
		.check((ctx) => {
			const notText = notTextIssue(ctx.value);
			if (notText) ctx.issues.push(notText);
		});
}

/** What {@link countedText} says when the text is empty, has nothing visible, or is too long. */
export interface CountedTextWords {
	empty: string;
	invisible: (text: string) => string;
	/** How to fix a text with nothing visible. */
	invisibleHint?: string;
	tooLong: (has: number) => string;
	/** A character that is not text (a non-character, half of one), named `U+FFFF`. */
	notText?: (code: string) => string;
}

const codePoints = (text: string) =>
	[...new Set(text)]
		.slice(0, 5)
		.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
		.join(', ');

/**
 * Text with a visible character (`hasVisibleCharacter`), of at most `max` characters as a reader
 * counts them — grapheme clusters after NFC (`characterCount`), as the add-a-claim form's counter
 * shows them: 160 🦙 fit, and so does an "é" typed as e + a combining accent. Trimmed and stored
 * in NFC. The JSON Schema gives `maxLength: max`, which editors count in code points, so an
 * editor may flag a text of accents or emoji sequences early that this check takes.
 */
export function countedText(
	max: number,
	words: CountedTextWords = {
		empty: 'must not be empty',
		invisible: (text) => `has no visible character, only invisible ones (${codePoints(text)})`,
		invisibleHint:
			'write the text in letters, digits or signs; zero-width characters, combining marks and spaces alone show as a blank card',
		tooLong: (has) => `must be at most ${count(max)} characters (it has ${count(has)})`
	}
) {
	return z
		.string()
		.trim()
		.normalize('NFC')
		.min(1, { message: words.empty, abort: true })
		.check((ctx) => {
			const notText = notTextIssue(ctx.value, words.notText);
			if (notText) {
				ctx.issues.push(notText);
				return;
			}
			// A claim of zero-width characters, lone accents or spaces would be a blank card.
			if (!hasVisibleCharacter(ctx.value)) {
				const hint = words.invisibleHint;
				ctx.issues.push({
					code: 'custom',
					message: words.invisible(ctx.value),
					input: ctx.value,
					params: {
						problem: { code: 'invisible' } satisfies TextProblem,
						...(hint ? { hint } : {})
					}
				});
				return;
			}
			const has = characterCount(ctx.value);
			if (has > max)
				ctx.issues.push({
					code: 'custom',
					message: words.tooLong(has),
					input: ctx.value,
					...withProblem({ code: 'too_long', max })
				});
		})
		.meta({ maxLength: max });
}

/**
 * An ISO 8601 date and time with its offset (`2026-11-28T09:00:00Z`). Bounded: the format allows
 * any number of digits after the seconds' decimal point.
 */
export const IsoDateTime = z.iso
	.datetime({ offset: true })
	.max(40, { message: 'must be an ISO date and time such as 2026-11-28T09:00:00Z', abort: true });

/** A BCP 47-style language tag as used in debate files: `en`, `zh`, `zh-Hant`, `pt-BR`. */
export const LanguageTag = z
	.string()
	.max(35, {
		message: 'must be a language tag such as "en" or "zh", at most 35 characters',
		abort: true
	})
	.regex(LANGUAGE_TAG_PATTERN, 'must be a language tag such as "en" or "zh"');

/**
 * Text that may be given once or per language: `"Hello"` or `{ en: "Hello", zh: "你好" }`.
 * A plain string counts as the debate's primary language. Each text is at most `max` long, or
 * as `text` checks it.
 */
export function localised(max: number, text: z.ZodType<string, string> = boundedText(max)) {
	return z.union([
		text,
		z
			.record(LanguageTag, text)
			.refine((r) => Object.keys(r).length > 0, 'give the text in at least one language')
	]);
}

/** Text in one or more languages, of at most {@link LONG_TEXT_MAX} characters each. */
export const LocalisedText = localised(LONG_TEXT_MAX);
export type LocalisedText = z.infer<typeof LocalisedText>;

export { pickText, textIn } from './text';
