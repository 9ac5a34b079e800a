import { webAddress } from '../schema/web-address';

/**
 * What a web address says about its page without fetching it: who publishes it (the site), when
 * (a date in the path), what it may be called (the last part of the path), what kind of source
 * it is and its language. Nothing is fetched — the editor works offline, and a page's own words
 * are for the author to read and confirm — so each is a guess for the author to check.
 */
export interface AddressFill {
	/** The address as it will be stored. */
	url: string;
	publisher: string;
	title?: string;
	date?: string;
	type?: 'article' | 'report' | 'post' | 'transcript' | 'other';
	language?: string;
}

/** Sites whose name is not their address. */
const PUBLISHERS: Record<string, string> = {
	'arxiv.org': 'arXiv',
	'bbc.co.uk': 'BBC',
	'bbc.com': 'BBC',
	'fortune.com': 'Fortune',
	'fortunechina.com': '财富中文网',
	'github.com': 'GitHub',
	'medium.com': 'Medium',
	'nytimes.com': 'The New York Times',
	'reuters.com': 'Reuters',
	'theguardian.com': 'The Guardian',
	'theverge.com': 'The Verge',
	'washingtonpost.com': 'The Washington Post',
	'wikipedia.org': 'Wikipedia',
	'youtube.com': 'YouTube',
	'youtu.be': 'YouTube'
};

const TRANSCRIPT_HOSTS = new Set(['youtube.com', 'youtu.be', 'vimeo.com', 'bilibili.com']);
const POST_HOSTS = new Set(['medium.com', 'substack.com', 'x.com', 'twitter.com', 'weibo.com']);

/** Reads what an address tells of its page; undefined when it is not a web address. */
export function fillFromAddress(raw: string): AddressFill | undefined {
	const stored = webAddress(raw.trim());
	if (!stored) return undefined;
	const url = new URL(stored);
	const host = url.hostname.replace(/^www\./, '');
	const site = known(host, PUBLISHERS);
	const path = safeDecode(url.pathname);
	const fill: AddressFill = { url: stored, publisher: site ?? host };
	const date = dateIn(path);
	if (date) fill.date = date;
	const title = titleIn(path);
	if (title) fill.title = title;
	const language = languageOf(host, path, url.searchParams);
	if (language) fill.language = language;
	fill.type = /\.pdf$/i.test(path)
		? 'report'
		: hostIn(host, TRANSCRIPT_HOSTS)
			? 'transcript'
			: hostIn(host, POST_HOSTS) || /(^|\/)blog(s)?\//i.test(path) || host.startsWith('blog.')
				? 'post'
				: host === 'arxiv.org'
					? 'report'
					: 'article';
	return fill;
}

/** The value for `host` or any site it is part of (`en.wikipedia.org` is Wikipedia). */
function known(host: string, table: Record<string, string>): string | undefined {
	for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1))
		if (Object.hasOwn(table, h)) return table[h];
	return undefined;
}

function hostIn(host: string, set: ReadonlySet<string>): boolean {
	for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) if (set.has(h)) return true;
	return false;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

/** A date written in the path: `/2024/07/23/`, `/2024-07-23-…`, `/20240723/`, `/2024/07/`. */
function dateIn(path: string): string | undefined {
	const m =
		/(?:^|[/_-])((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?=$|[/_.-])/.exec(
			path
		) ?? /(?:^|\/)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(path);
	if (!m) return undefined;
	return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

/** The last part of the path as words, if it reads as words (not an id or a number). */
function titleIn(path: string): string | undefined {
	const parts = path.split('/').filter(Boolean);
	for (let i = parts.length - 1; i >= 0; i--) {
		const words = parts[i]!.replace(/\.(html?|php|aspx?|pdf)$/i, '')
			.replace(/[-_+]+/g, ' ')
			// A date or a number at either end is not part of the title.
			.replace(/^(\d+\s+)+|(\s+\d+)+$/g, '')
			.trim();
		const letters = words.replace(/[^\p{L}]/gu, '').length;
		if (words.includes(' ') && letters >= 6)
			return words.charAt(0).toLocaleUpperCase() + words.slice(1);
	}
	return undefined;
}

/** A language the address names: a path part (`/zh/`, `/en-us/`), `?lang=`, or a site for one. */
function languageOf(host: string, path: string, query: URLSearchParams): string | undefined {
	const tag = (s: string | null | undefined) => {
		const m = /^([a-z]{2})(?:[-_][a-z]{2,4})?$/i.exec(s ?? '');
		return m && LANGUAGES.has(m[1]!.toLowerCase()) ? m[1]!.toLowerCase() : undefined;
	};
	const first = path.split('/').filter(Boolean)[0];
	return (
		tag(query.get('lang') ?? query.get('hl')) ??
		tag(first) ??
		tag(host.split('.')[0]!.length === 2 ? host.split('.')[0] : undefined) ??
		(/\.(cn|tw|hk)$/.test(host) ? 'zh' : undefined)
	);
}

/** Language codes an address part is taken for (not every two letters: `/ai/`, `/us/` are not). */
const LANGUAGES = new Set(['en', 'zh', 'fr', 'de', 'es', 'it', 'ja', 'ko', 'pt', 'ru', 'ar', 'nl']);
