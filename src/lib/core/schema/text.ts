import type { LocalisedText } from './localised';

// Reading localised texts needs no validator: these helpers stay out of zod's module, so the
// map page can draw labels before (or without) loading it.

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
