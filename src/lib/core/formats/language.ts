/**
 * The language of an imported debate, from its texts, when the file does not say. No language
 * is assumed without a word: when the texts do not tell, the import says so.
 *
 * How (a heuristic, small enough to ship with the importers; a statistical detector such as
 * franc would know more languages, at many times the size):
 * 1. Script: letters of a script used by one language decide it (Hangul → ko, kana → ja, Greek
 *    → el, Hebrew → he, Thai → th…); Han characters without kana → zh. Each Han character counts
 *    like four Latin letters (one carries about a word).
 * 2. Latin and Cyrillic texts: the share of words that are among the most common function
 *    words of each language (stopword lists below). The best language must cover at least 15 %
 *    of the words and clearly beat the next (by half again), on at least 8 words; else the
 *    texts do not tell.
 */

const STOPWORDS: Record<string, string> = {
	en: 'the of and to in is that it for on are with as be this was by not or have from but they which an at we would there can should more will their its than a you do does if so what who any has his her been were no how could because about into them these those our us',
	de: 'der die und das ist nicht zu den von mit sich des auf für ein eine dem im sie es auch als wird werden an sind oder aber nach bei einer durch kann noch wenn nur',
	fr: 'le la les de des et est un une du en que qui pas pour dans sur au ce il sont par plus ne se aux avec ou mais elle nous cette être',
	es: 'el la los las de y en que es un una del por con para no se su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también',
	it: 'il lo la gli le di e che è un una del della per non con si sono da in al nel più come ma anche questo ha dei alla delle',
	nl: 'de het een en van is dat op te zijn niet met voor in die er aan ook als bij maar om dan worden door naar kan wordt geen deze',
	pt: 'o a os as de e do da em que um uma para com não por se dos das mais como mas ao no na foi são pela ele isso está',
	ru: 'и в не на что с как это по но из он к то за от все так его для же бы же мы только или уже если вы'
};

const WORDS = new Map(
	Object.entries(STOPWORDS).map(([lang, list]) => [lang, new Set(list.split(' '))])
);

/** Scripts that name one language (Han is handled apart: Chinese, or Japanese with kana). */
const SCRIPTS: [RegExp, string][] = [
	[/\p{Script=Hangul}/gu, 'ko'],
	[/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
	[/\p{Script=Greek}/gu, 'el'],
	[/\p{Script=Hebrew}/gu, 'he'],
	[/\p{Script=Arabic}/gu, 'ar'],
	[/\p{Script=Thai}/gu, 'th'],
	[/\p{Script=Devanagari}/gu, 'hi']
];

export interface Detected {
	/** A language tag: the language found, or `en` when the texts do not tell. */
	language: string;
	/** False when the texts did not tell: the import must say so. */
	sure: boolean;
}

/** The language most of `texts` are written in (see the module comment for how). */
export function detectLanguage(texts: Iterable<string>): Detected {
	let all = '';
	for (const t of texts) {
		all += ` ${t}`;
		// Enough to tell; a 20 MB import need not be read twice.
		if (all.length > 200_000) break;
	}
	const count = (re: RegExp) => all.match(re)?.length ?? 0;
	const han = count(/\p{Script=Han}/gu);
	const latin = count(/\p{Script=Latin}/gu);
	const cyrillic = count(/\p{Script=Cyrillic}/gu);
	const scripts = SCRIPTS.map(([re, lang]) => ({ lang, n: count(re) }));
	const kana = scripts.find((s) => s.lang === 'ja')!.n;
	const candidates = [
		...scripts.map((s) => ({ lang: s.lang, n: s.lang === 'ja' ? s.n + han : s.n })),
		{ lang: 'zh', n: kana > 0 ? 0 : han * 4 },
		{ lang: 'latin', n: latin },
		{ lang: 'cyrillic', n: cyrillic }
	].sort((a, b) => b.n - a.n);
	const top = candidates[0]!;
	if (top.n === 0) return { language: 'en', sure: false };
	if (top.lang !== 'latin' && top.lang !== 'cyrillic') return { language: top.lang, sure: true };

	const words = all.toLowerCase().match(/[\p{L}']+/gu) ?? [];
	const scores = [...WORDS]
		.filter(([lang]) => (top.lang === 'cyrillic') === (lang === 'ru'))
		.map(([lang, set]) => ({ lang, n: words.filter((w) => set.has(w)).length }))
		.sort((a, b) => b.n - a.n);
	const [best, next] = scores;
	if (best && words.length >= 8 && best.n >= words.length * 0.15 && best.n >= (next?.n ?? 0) * 1.5)
		return { language: best.lang, sure: true };
	return { language: 'en', sure: false };
}
