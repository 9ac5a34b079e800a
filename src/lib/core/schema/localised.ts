import { z } from 'zod';

/** A BCP 47-style language tag as used in debate files: `en`, `zh`, `zh-Hant`, `pt-BR`. */
export const LanguageTag = z
	.string()
	.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "zh"');

/**
 * Text that may be given once or per language: `"Hello"` or `{ en: "Hello", zh: "你好" }`.
 * A plain string counts as the debate's primary language.
 */
export function localised(max?: number) {
	const text = max
		? z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
		: z.string().trim().min(1, 'must not be empty');
	return z.union([
		text,
		z
			.record(LanguageTag, text)
			.refine((r) => Object.keys(r).length > 0, 'give the text in at least one language')
	]);
}

export const LocalisedText = localised();
export type LocalisedText = z.infer<typeof LocalisedText>;

/**
 * Picks the text for `lang`, falling back to the primary language, then English, then any.
 * `fallback` is true when the text shown is not in the language asked for.
 */
export function pickText(
	value: LocalisedText | undefined,
	lang: string,
	primary = 'en'
): { text: string; lang: string; fallback: boolean } | undefined {
	if (value === undefined) return undefined;
	if (typeof value === 'string') return { text: value, lang: primary, fallback: lang !== primary };
	for (const candidate of [lang, primary, 'en', ...Object.keys(value)]) {
		const text = value[candidate];
		if (text !== undefined) return { text, lang: candidate, fallback: candidate !== lang };
	}
	return undefined;
}

/** Shorthand for {@link pickText} when only the string matters. */
export function textIn(value: LocalisedText | undefined, lang: string, primary = 'en'): string {
	return pickText(value, lang, primary)?.text ?? '';
}
