import type { IArgdownResponse } from '@argdown/core/dist/index.js';
import { Actor, Source, Tag } from '../../schema/debate';
import { makeId } from '../build';
import { isObject, type Warn } from './model';

/**
 * Argdown tools put the front matter's `title` into HTML as it is: `@argdown/core`'s HTML export
 * writes it into `<title>` unescaped, so a debate called `x</title><script>…` would run there.
 * The title written there has no character of markup: `<`, `>` and `&` become the look-alikes
 * ‹ › ＆. The title as it is goes into `counterpoint.title`, which only Counterpoint reads.
 */
export const markupFree = (text: string): string =>
	text.replace(/[<>&]/g, (c) => (c === '<' ? '‹' : c === '>' ? '›' : '＆'));

type Schema<T> = { safeParse(v: unknown): { success: true; data: T } | { success: false } };

/** What the front matter holds: its fields, and the lists of its `counterpoint:` block, checked. */
export interface FrontMatter {
	/** The line the front matter starts on (0 without one): where its warnings point. */
	line: number;
	/** The front matter's fields (`title`, `abstract`, `subTitle`…). */
	fm: Record<string, unknown>;
	/** Its `counterpoint:` block, as this writer makes it. */
	cp: Record<string, unknown>;
	sources: Source[];
	actors: Actor[];
	tags: Tag[];
}

/**
 * The entries of `counterpoint.<name>` that the debate schema accepts, each id once; others are
 * left out, warned. A single entry may stand without a list.
 */
function listed<T extends { id: string }>(
	cp: Record<string, unknown>,
	name: string,
	schema: Schema<T>,
	line: number,
	warn: Warn
): T[] {
	const value = cp[name];
	if (value === undefined) return [];
	const out: T[] = [];
	const ids = new Set<string>();
	for (const item of Array.isArray(value) ? value : [value]) {
		const parsed = schema.safeParse(item);
		if (parsed.success && !ids.has(parsed.data.id)) {
			ids.add(parsed.data.id);
			out.push(parsed.data);
		} else
			warn(
				line,
				`an entry of counterpoint.${name} in the front matter is not valid; it was left out`
			);
	}
	return out;
}

/**
 * The front matter, read as data only (it cannot change `@argdown/core`'s settings): its fields
 * and the sources, actors and tags of its `counterpoint:` block.
 */
export function readFrontMatter(response: IArgdownResponse, warn: Warn): FrontMatter {
	const line =
		(response.tokens ?? []).find((t) => t.tokenType.name === 'FrontMatter')?.startLine ?? 0;
	const fm = isObject(response.frontMatter) ? response.frontMatter : {};
	const cp = isObject(fm.counterpoint) ? fm.counterpoint : {};
	const sources = listed(cp, 'sources', Source, line, warn);
	const actors = listed(cp, 'actors', Actor, line, warn);
	const tags = listed(cp, 'tags', Tag, line, warn);
	return { line, fm, cp, sources, actors, tags };
}

/**
 * The debate's tags: those of the front matter, then every `#tag` a claim uses, in the order
 * first used, each given an id (`tagFor`).
 */
export class DebateTags {
	readonly list: { id: string; label: unknown }[];
	private readonly taken: Set<string>;
	private readonly idOf: Map<string, string>;

	constructor(given: Tag[]) {
		this.list = [...given];
		this.taken = new Set(given.map((t) => t.id));
		this.idOf = new Map(given.map((t) => [t.id, t.id]));
	}

	/** The id of the tag called `name`, added to the debate's tags when new. */
	tagFor(name: string): string {
		let id = this.idOf.get(name);
		if (id === undefined) {
			id = makeId(name, this.taken, 'tag');
			this.idOf.set(name, id);
			this.list.push({ id, label: name });
		}
		return id;
	}
}
