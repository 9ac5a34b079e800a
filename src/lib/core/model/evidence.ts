import type { Evidence } from '../schema/debate';

/** A claim's quotes from one source, in the order the claim gives them. */
export interface SourceGroup<E extends Evidence = Evidence> {
	source: string;
	quotes: E[];
}

/**
 * A claim's evidence grouped by source, each source where its first quote stands: a reader sees
 * a source's title, status and note once, with all the quotes taken from it.
 */
export function groupBySource<E extends Evidence>(evidence: readonly E[]): SourceGroup<E>[] {
	const groups = new Map<string, SourceGroup<E>>();
	for (const ev of evidence) {
		const group = groups.get(ev.source);
		if (group) group.quotes.push(ev);
		else groups.set(ev.source, { source: ev.source, quotes: [ev] });
	}
	return [...groups.values()];
}

/**
 * Where a quote stands in its source, as a reader can use it:
 * - `class`: given in class (what the add-a-claim form writes);
 * - `whole`: the whole source;
 * - `quote-start`: the quote's own opening words are the locator (a source without paragraph
 *   numbers): the place is "the sentence the quote begins with", found by searching for `words`;
 * - `opening`: the sentence beginning with `words`, found by searching for them;
 * - `text`: a paragraph, page or time as the author wrote it.
 */
export type Locator =
	| { kind: 'class' }
	| { kind: 'whole' }
	| { kind: 'quote-start'; words: string }
	| { kind: 'opening'; words: string }
	| { kind: 'text'; text: string };

/** Spaces and a trailing ellipsis do not matter when comparing a locator with its quote. */
const plain = (s: string) =>
	s
		.replace(/\s+/g, ' ')
		.replace(/(…|\.\.\.)$/, '')
		.trim();

export function describeLocator(locator: string, quote: string): Locator {
	if (locator === 'given in class') return { kind: 'class' };
	if (locator === 'the whole source') return { kind: 'whole' };
	const words = plain(locator);
	const body = plain(quote).replace(/^["“‘「『]/, '');
	// Words, three letters or more: "p. 3", "14:05" or "12" found in a quote are a coincidence.
	const isWords = (words.match(/\p{L}/gu)?.length ?? 0) >= 3;
	if (isWords && !/^(p|pp|para|paras|§)\.?\s*\d/i.test(words)) {
		if (body.startsWith(words)) return { kind: 'quote-start', words };
		if (body.includes(words)) return { kind: 'opening', words };
	}
	return { kind: 'text', text: locator };
}

/**
 * A link that opens `url` scrolled to the first place where `words` stand, with them highlighted
 * (a text fragment, `#:~:text=`, which Chromium and Safari follow and other browsers ignore, still
 * opening the page). Commas and hyphens mean something in a fragment, so they are escaped too.
 */
export function passageLink(url: string, words: string): string {
	const base = url.split('#')[0]!;
	const escaped = encodeURIComponent(words).replace(/-/g, '%2D');
	return `${base}#:~:text=${escaped}`;
}
