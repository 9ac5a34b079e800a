import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeMarkdown, ENGLISH_MARKDOWN_WORDS } from '../../src/lib/core/formats/markdown';
import { readViewParams } from '../../src/lib/core/view';
import { LOCALES, localeOf, type LocaleInfo } from '../../src/lib/locale/locales';
import { markdownWords } from '../../src/lib/locale/markdown-words';
import { baseLocale, locales } from '../../src/lib/paraglide/runtime.js';
import { graphOfFile } from './graphs';

/**
 * The interface's languages: one row of `src/lib/locale/locales.ts` and one messages file each.
 * A language added to `project.inlang` without its row, a row missing a field, or a messages
 * file missing a message fails here by name.
 */
const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as {
	baseLocale: string;
	locales: string[];
};
const messagesOf = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const base = messagesOf(settings.baseLocale);
const FIELDS: (keyof LocaleInfo)[] = ['switchLabel', 'ownName', 'htmlLang', 'intl'];

it('has a row for every language of the project, and none more', () => {
	expect(Object.keys(LOCALES).sort()).toEqual([...settings.locales].sort());
	// The compiled messages are of the same languages (run `npm run i18n` after a change).
	expect([...locales].sort()).toEqual([...settings.locales].sort());
	expect(baseLocale).toBe(settings.baseLocale);
	// A link without `?lang=` is in the base language, and writes none for it.
	expect(readViewParams(new URLSearchParams()).state.lang).toBe(baseLocale);
});

describe.each(settings.locales.map((l) => [l]))('%s', (locale) => {
	const row = (LOCALES as Record<string, Partial<LocaleInfo> | undefined>)[locale];

	it('has every field of its row', () => {
		for (const field of FIELDS) expect(row?.[field], `${locale}.${field}`).toMatch(/\S/);
	});

	it('names tags that Intl and browsers understand', () => {
		expect(Intl.getCanonicalLocales(row!.htmlLang!)).toHaveLength(1);
		expect(Intl.DateTimeFormat.supportedLocalesOf([row!.intl!])).toHaveLength(1);
		// The page and Intl name the same language.
		expect(new Intl.Locale(row!.intl!).language).toBe(new Intl.Locale(row!.htmlLang!).language);
	});

	it('has a messages file with every message, and none the base language lacks', () => {
		const file = `messages/${locale}.json`;
		expect(existsSync(file), file).toBe(true);
		const messages = messagesOf(locale);
		const missing = Object.keys(base).filter((k) => !(k in messages));
		expect(missing, `${file} lacks`).toEqual([]);
		expect(Object.keys(messages).filter((k) => !(k in base))).toEqual([]);
		for (const other of settings.locales)
			expect(messages[`language_${other}`], `${file}: language_${other}`).toMatch(/\S/);
	});

	it("writes the Markdown handout's words from its messages", () => {
		const messages = messagesOf(locale);
		const words = markdownWords(locale);
		expect(words.thesis).toBe(messages.markdown_thesis);
		expect(words.status.unconfirmed).toBe(messages.markdown_status_unconfirmed);
		const md = encodeMarkdown(
			graphOfFile('arguments/llama-open-weights.yaml').debate,
			locale,
			words
		);
		expect(md).toContain(`**${messages.markdown_thesis}:**`);
		expect(md).toContain(`## ${messages.markdown_sources}`);
	});
});

it('writes the handout in English without words given, in the English messages', () => {
	const en = messagesOf('en');
	expect(markdownWords('en')).toEqual(ENGLISH_MARKDOWN_WORDS);
	expect(ENGLISH_MARKDOWN_WORDS.claims).toBe(en.markdown_claims);
});

it('takes a language tag to the interface language it belongs to', () => {
	expect(localeOf('zh')).toBe('zh');
	expect(localeOf('zh-Hant')).toBe('zh');
	expect(localeOf('en-GB')).toBe('en');
	expect(localeOf('und')).toBe(baseLocale);
	expect(markdownWords('zh-Hant')).toEqual(markdownWords('zh'));
});
