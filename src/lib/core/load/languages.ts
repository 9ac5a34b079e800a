import type { Debate } from '../schema/debate';
import { pickText, type LocalisedText } from '../schema/localised';
import type { PlainIssue } from './zod-issues';

/**
 * Which texts of a debate lack a language a class reads it in: the debate's title and summary,
 * and each claim's text, title, detail and note. A plain string counts as the debate's primary
 * language. For `npm run validate -- --langs en,zh`; the app shows the fallback with a marker.
 */
export function missingLanguages(debate: Debate, langs: readonly string[]): PlainIssue[] {
	const out: PlainIssue[] = [];
	const check = (value: LocalisedText | undefined, path: PropertyKey[]) => {
		if (value === undefined) return;
		for (const lang of langs) {
			const picked = pickText(value, lang, debate.language);
			if (picked && picked.fallback)
				out.push({
					path,
					message: `no ${lang} text (readers of ${lang} see the ${picked.lang} one)`,
					hint: `write it as { ${picked.lang}: …, ${lang}: … }`
				});
		}
	};
	check(debate.title, ['title']);
	check(debate.summary, ['summary']);
	debate.claims.forEach((c, i) => {
		check(c.text, ['claims', i, 'text']);
		check(c.title, ['claims', i, 'title']);
		check(c.detail, ['claims', i, 'detail']);
		check(c.note, ['claims', i, 'note']);
	});
	return out;
}
