import type { IArgdownResponse } from '@argdown/core/dist/index.js';
import type { ISection } from '@argdown/core/dist/model/model.js';
import { LocalisedText } from '../../schema/localised';
import { debateLanguage, importedFrame } from '../build';
import { markupFree, type FrontMatter } from './front-matter';
import type { Warn } from './model';

/** Every heading of the file, in file order (sections and the sections inside them). */
const allSections = (list: ISection[]): ISection[] =>
	list.flatMap((s) => [s, ...allSections(s.children ?? [])]);

/**
 * The debate's title: the front matter's `title` (as written, markup and all, when
 * `counterpoint.title` is it before `markupFree`), else the first heading, else the file's
 * name. Headings other than that one group the map, which Counterpoint does not: warned.
 */
function debateTitle(
	response: IArgdownResponse,
	{ fm, cp }: FrontMatter,
	file: string,
	warn: Warn
): string {
	const headings = allSections(response.sections ?? []);
	const fileName = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
	const given =
		typeof fm.title === 'string' || typeof fm.title === 'number' ? String(fm.title).trim() : '';
	// The title as written, with its markup characters, unless the front matter's has been
	// edited since (then that one is the author's).
	const exact = typeof cp.title === 'string' ? cp.title.trim() : '';
	const fmTitle = exact && markupFree(exact) === given ? exact : given;
	const headingTitle = fmTitle ? '' : (headings[0]?.title?.trim() ?? '');
	const groups = headingTitle ? headings.slice(1) : headings;
	if (groups.length > 0) {
		const n = groups.length;
		warn(
			groups[0]!.startLine ?? 0,
			`${n} heading${n > 1 ? 's' : ''} group${n > 1 ? '' : 's'} the Argdown map; Counterpoint has no groups, so ${n > 1 ? 'they were' : 'it was'} not kept`
		);
	}
	return fmTitle || headingTitle || fileName;
}

/** What the debate is made of besides its front matter: its claims and their ids, its thesis. */
interface Parts {
	claims: Record<string, unknown>[];
	ids: Set<string>;
	thesis: string;
}

/**
 * The debate: its title, its language (`counterpoint.language`, else told from the claims'
 * texts), id, summary (`counterpoint.summary`, `abstract` or `subTitle`) and tour (the ids of
 * claims that exist), with the front matter's tags, actors and sources and the claims read.
 */
export function readDebate(
	response: IArgdownResponse,
	front: FrontMatter,
	tags: unknown[],
	{ claims, ids, thesis }: Parts,
	file: string,
	warn: Warn
): Record<string, unknown> {
	const { fm, cp } = front;
	const title = debateTitle(response, front, file, warn);
	const language =
		typeof cp.language === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(cp.language)
			? cp.language
			: debateLanguage(
					claims.map((c) => String(c.text)),
					(message, hint) => warn(front.line, message, hint)
				);
	const debate = importedFrame({
		id: typeof cp.id === 'string' && cp.id.trim() ? cp.id : title,
		title,
		format: 'Argdown',
		file,
		language
	});
	const summary = [cp.summary, fm.abstract, fm.subTitle].find(
		(s) => s !== undefined && LocalisedText.safeParse(s).success
	);
	const tour = Array.isArray(cp.tour) ? cp.tour.filter((id) => ids.has(id as string)) : [];
	return {
		...debate,
		...(summary !== undefined ? { summary } : {}),
		...(tour.length > 0 ? { tour } : {}),
		thesis,
		tags,
		actors: front.actors,
		sources: front.sources,
		claims
	};
}
