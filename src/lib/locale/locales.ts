import { baseLocale, isLocale, type Locale } from '../paraglide/runtime.js';

/**
 * The interface's languages, one row each. Paraglide knows the codes (`project.inlang`, one
 * messages file per code); everything else about a language is here, and nowhere else: the
 * switch, `<html lang>`, dates and numbers, a language named in its own words. A locale in
 * `project.inlang/settings.json` without a row, or a row missing a field, does not compile;
 * `tests/unit/locales.test.ts` checks each row and each messages file.
 */
export interface LocaleInfo {
	/** On the language switch: short, in the language itself. */
	switchLabel: string;
	/** The language's name in itself, for a reader who does not read the interface's language. */
	ownName: string;
	/** `<html lang>`, a BCP 47 tag for screen readers, fonts and hyphenation. */
	htmlLang: string;
	/** The locale `Intl` formats dates and numbers with. */
	intl: string;
}

export const LOCALES = {
	en: { switchLabel: 'EN', ownName: 'English', htmlLang: 'en', intl: 'en-GB' },
	// The Chinese is Simplified, as written in mainland China.
	zh: { switchLabel: '中文', ownName: '中文', htmlLang: 'zh-Hans', intl: 'zh-CN' }
} as const satisfies Record<Locale, LocaleInfo>;

/** The row of a language the interface has. */
export function localeInfo(locale: Locale): LocaleInfo {
	return LOCALES[locale];
}

/**
 * The interface language for a language tag from a file or a command line: the tag itself, else
 * its primary language (`zh-Hant` → `zh`), else the base language.
 */
export function localeOf(tag: string): Locale {
	const primary = tag.split('-')[0]!.toLowerCase();
	return isLocale(tag) ? tag : isLocale(primary) ? primary : baseLocale;
}
