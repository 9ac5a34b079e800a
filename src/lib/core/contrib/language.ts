/**
 * The language a student writes in, read from the letters they typed: the page's language is
 * not a safe guess (a student may read in Chinese and write in English). Scripts decide what
 * they can — Han characters are Chinese, kana Japanese, Hangul Korean — and Latin letters keep
 * the reader's language if it is written in them, else English.
 */

/** Languages written mostly in one script, which that script points to. */
const BY_SCRIPT: [RegExp, string[]][] = [
	[/\p{Script=Hiragana}|\p{Script=Katakana}/gu, ['ja']],
	[/\p{Script=Hangul}/gu, ['ko']],
	[/\p{Script=Han}/gu, ['zh', 'ja']],
	[/\p{Script=Cyrillic}/gu, ['ru', 'uk', 'bg', 'sr']],
	[/\p{Script=Arabic}/gu, ['ar', 'fa', 'ur']],
	[/\p{Script=Greek}/gu, ['el']]
];
/** Languages not written in Latin letters (a reader's language a Latin text cannot be in). */
const NOT_LATIN = new Set(BY_SCRIPT.flatMap(([, langs]) => langs));

/**
 * The most likely language of `text` among `offered` (the languages a student may choose);
 * `reader` is the page's language, the tie-breaker. Text with no letters keeps `reader`.
 */
export function guessLanguage(text: string, offered: readonly string[], reader: string): string {
	const letters = (text.match(/\p{L}/gu) ?? []).length;
	if (letters === 0) return reader;
	const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
	// Han characters say much more per letter than Latin ones: a few in a sentence decide it.
	for (const [script, langs] of BY_SCRIPT) {
		const count = (text.match(script) ?? []).length;
		if (count === 0 || count * 3 < latin) continue;
		const lang = langs.find((l) => offered.includes(l)) ?? langs[0]!;
		if (lang === 'zh' && /\p{Script=Hiragana}|\p{Script=Katakana}/u.test(text)) return 'ja';
		return lang;
	}
	if (!NOT_LATIN.has(reader)) return reader;
	return offered.find((l) => !NOT_LATIN.has(l)) ?? 'en';
}
