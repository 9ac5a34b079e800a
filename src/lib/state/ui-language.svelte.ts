import {
	baseLocale,
	defineCustomClientStrategy,
	getLocale,
	isLocale,
	setLocale,
	type Locale
} from '$lib/paraglide/runtime.js';
import { LOCALES } from '$lib/locale/locales';

/** The languages of the interface, which are also the languages the claims are shown in. */
export type UiLang = Locale;

/** `?lang=` in the address, read if it names a language we have. */
function langParam(): UiLang | undefined {
	if (typeof location === 'undefined') return undefined;
	const lang = new URLSearchParams(location.search).get('lang');
	return lang && isLocale(lang) ? lang : undefined;
}

// Paraglide's first strategy (vite.config.ts): the address's `?lang=` wins, then the language
// this browser remembers (localStorage), then English. The pages write `?lang=` themselves,
// together with the rest of what is on screen, so setting it here does nothing.
defineCustomClientStrategy('custom-query', { getLocale: langParam, setLocale: () => {} });

/**
 * The one language switch: the interface and the claims follow it together. A rune, so every
 * message that reads it re-renders when it changes — no reload, nothing else on the page lost.
 * English while a page is prerendered and hydrated; `restore()` picks the reader's language
 * once the page runs in a browser.
 */
class UiLanguage {
	current = $state<UiLang>(baseLocale);

	/** Browser only: the language Paraglide resolves for this page (link, then memory, then English). */
	restore(): UiLang {
		let lang: UiLang;
		try {
			lang = getLocale();
		} catch {
			// Storage that cannot be read (privacy settings): the address alone decides.
			lang = langParam() ?? baseLocale;
		}
		this.set(lang);
		return lang;
	}

	/** Switches the language and remembers it in this browser. */
	set(lang: UiLang) {
		this.current = lang;
		if (typeof document === 'undefined') return;
		document.documentElement.lang = LOCALES[lang].htmlLang;
		try {
			// Written through Paraglide's strategies (localStorage); the page is not reloaded.
			setLocale(lang, { reload: false });
		} catch {
			// Remembering is a convenience; private browsing may refuse it.
		}
	}
}

export const uiLanguage = new UiLanguage();

/** A language code from the view or a file, as one of the interface's languages. */
export function uiLang(lang: string): UiLang {
	return isLocale(lang) ? lang : baseLocale;
}

/** The locale `Intl` writes dates and numbers with in `lang` (the interface's language if not given). */
export function intlLocale(lang: string = uiLanguage.current): string {
	return LOCALES[uiLang(lang)].intl;
}
