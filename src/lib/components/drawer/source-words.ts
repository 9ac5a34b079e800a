import type { Source } from '$lib/core/schema';
import { sourceTypeWord } from '../claim-words';
import { t } from '../i18n';

/** A source's organisation; a source added in class says so in the reader's language. */
export const organisationWord = (organisation: string | undefined) =>
	organisation === 'Added in class' ? t.added_in_class() : organisation;

/** A language's name in the reader's language: "Chinese" (中文), from the browser's own list. */
export function languageName(code: string, lang: string) {
	try {
		return new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/**
 * What a source's title says when the title is in another language than the reader's: who
 * published it, what it is and in what language ("BBC · news article, in Chinese").
 */
export function foreignTitle(source: Source, titleLang: string, lang: string) {
	return t.source_label({
		by: organisationWord(source.organisation) ?? source.publisher ?? source.author ?? '',
		type: sourceTypeWord(source.type, lang),
		language: languageName(titleLang, lang)
	});
}

/** Who stands behind a source: author, organisation and publisher, each named once. */
export const sourceNames = (source: Source) =>
	[source.author, organisationWord(source.organisation), source.publisher]
		.filter(Boolean)
		.filter((v, j, a) => a.indexOf(v) === j)
		.join(' · ');

/** The sign beside a source's status: confirmed, secondary, or not confirmed. */
export const statusSign = (status: Source['status']) =>
	status === 'confirmed' ? '✔' : status === 'secondary' ? '◐' : '?';
