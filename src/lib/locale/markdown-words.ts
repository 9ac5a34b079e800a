import type { MarkdownWords } from '../core/formats/markdown';
import { m } from '../paraglide/messages.js';
import { localeOf } from './locales';

/**
 * The Markdown handout's words in a language, from its messages (`markdown_*`): what the export
 * menu and the CLI pass to the handout. A language tag the interface lacks gets the base
 * language's words. Relative imports: the CLI runs this in Node.
 */
export function markdownWords(lang: string): MarkdownWords {
	const l = { locale: localeOf(lang) };
	return {
		thesis: m.markdown_thesis({}, l),
		claims: m.markdown_claims({}, l),
		sources: m.markdown_sources({}, l),
		pro: m.markdown_pro({}, l),
		con: m.markdown_con({}, l),
		forThesis: m.markdown_for_thesis({}, l),
		againstThesis: m.markdown_against_thesis({}, l),
		note: m.markdown_note({}, l),
		also: m.markdown_also({}, l),
		supports: m.markdown_supports({}, l),
		objectsTo: m.markdown_objects_to({}, l),
		status: {
			confirmed: m.markdown_status_confirmed({}, l),
			secondary: m.markdown_status_secondary({}, l),
			unconfirmed: m.markdown_status_unconfirmed({}, l)
		}
	};
}
