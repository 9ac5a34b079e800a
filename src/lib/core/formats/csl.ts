import type { z } from 'zod';
import type { Debate, Source, SourceType } from '../schema/debate';
import { textIn } from '../schema/localised';
import { FORMATS } from './catalog';
import type { Codec } from './codec';

/**
 * The debate's sources as a CSL-JSON bibliography, the format Zotero, Pandoc and most citation
 * tools read. Names are written as `literal` so an organisation or a Chinese name is never split
 * into a wrong family and given name. Write-only.
 */

const CSL_TYPE: Record<z.infer<typeof SourceType>, string> = {
	article: 'article-newspaper',
	essay: 'post-weblog',
	letter: 'personal_communication',
	license: 'legislation',
	report: 'report',
	post: 'post',
	transcript: 'interview',
	book: 'book',
	other: 'document'
};

/** CSL's date: `{ 'date-parts': [[2024, 7, 23]] }` from `2024-07-23`, `2024-07` or `2024`. */
function issued(date: string | undefined) {
	if (!date) return undefined;
	return { 'date-parts': [date.split('-').map(Number)] };
}

export function toCsl(source: Source, lang: string, primary: string) {
	const names = [source.author].filter(Boolean).map((n) => ({ literal: n }));
	const item: Record<string, unknown> = {
		id: source.id,
		type: CSL_TYPE[source.type],
		title: textIn(source.title, lang, primary),
		language: source.language
	};
	if (names.length) item.author = names;
	else if (source.organisation) item.author = [{ literal: source.organisation }];
	const publisher = source.publisher ?? (source.author ? source.organisation : undefined);
	if (publisher) item.publisher = publisher;
	if (source.date) item.issued = issued(source.date);
	if (source.url) item.URL = source.url;
	const note = [
		`Counterpoint status: ${source.status}`,
		source.note ? textIn(source.note, lang, primary) : ''
	]
		.filter(Boolean)
		.join('. ');
	item.note = note;
	return item;
}

export function encodeCsl(debate: Debate, lang = debate.language): string {
	return (
		JSON.stringify(
			debate.sources.map((s) => toCsl(s, lang, debate.language)),
			null,
			2
		) + '\n'
	);
}

export const cslCodec: Codec<'csl'> = {
	...FORMATS.csl,
	encode: (debate, options) => encodeCsl(debate, options?.lang)
};
