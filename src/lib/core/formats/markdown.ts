import { buildGraph, type ArgumentGraph } from '../model/graph';
import type { Debate, Source } from '../schema/debate';
import { textIn } from '../schema/localised';
import { webAddress } from '../schema/web-address';
import { FORMATS } from './catalog';
import type { Codec } from './codec';

/**
 * A Markdown handout: the thesis, then every claim nested under the claim it answers, each with
 * its side of the thesis and numbered references to the sources behind it, fact-check notes, and
 * the sources listed at the end with the quotes used. Write-only: a handout is for reading.
 */

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Escapes what Markdown would read as formatting, a link, an entity or raw HTML, so a claim's text
 * prints as written in any CommonMark renderer, sanitising or not. `<`, `>` and `&` are written as
 * entities, not backslash escapes: no `<` is left to open HTML even in a renderer that ignores
 * `\<` (Markdown.pl) or lets a bare address swallow the backslash before it (markdown-it's
 * linkify). Line breaks become spaces, so a text cannot start a block of its own; at its start,
 * what would begin a list, a thematic break or a heading underline is escaped too.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\\`*_{}[\]#|~]/g, '\\$&')
		.replace(/[<>&]/g, (c) => ENTITIES[c]!)
		.replace(/^(\d+)([.)])/, '$1\\$2')
		.replace(/^[-+=]/, '\\$&');
}

/**
 * A source's address as a Markdown autolink, written in its WHATWG form whatever the debate says,
 * so no character in it ends the link; anything that is not an http(s) address is plain text.
 */
function addressOf(url: string): string {
	const href = webAddress(url);
	return href ? `<${href}>` : escapeMarkdown(url);
}

/**
 * The handout's headings and labels in one language. They are UI messages (`markdown_*` in
 * `messages/`): the page and the CLI pass them in the language asked for
 * (`src/lib/locale/markdown-words.ts`), the core reads no messages.
 */
export interface MarkdownWords {
	thesis: string;
	claims: string;
	sources: string;
	pro: string;
	con: string;
	forThesis: string;
	againstThesis: string;
	note: string;
	also: string;
	supports: string;
	objectsTo: string;
	status: Record<Source['status'], string>;
}

/** The English messages, for a handout written without words given (a test checks they match). */
export const ENGLISH_MARKDOWN_WORDS: MarkdownWords = {
	thesis: 'Thesis',
	claims: 'Claims for and against',
	sources: 'Sources',
	pro: 'Pro',
	con: 'Con',
	forThesis: 'for the thesis',
	againstThesis: 'against the thesis',
	note: 'Fact-check',
	also: 'also',
	supports: 'supports',
	objectsTo: 'objects to',
	status: {
		confirmed: 'primary source seen',
		secondary: 'known through a secondary report',
		unconfirmed: 'primary not found'
	}
};

function sourceLine(source: Source, lang: string, primary: string, words: MarkdownWords) {
	const who = [source.author, source.organisation].filter(Boolean).join(', ');
	const title = textIn(source.title, lang, primary);
	const parts = [
		who ? escapeMarkdown(who) : '',
		`*${escapeMarkdown(title)}*`,
		source.publisher && source.publisher !== source.organisation
			? escapeMarkdown(source.publisher)
			: '',
		source.date ?? '',
		source.url ? addressOf(source.url) : ''
	].filter(Boolean);
	return `${parts.join('. ')} (${words.status[source.status]})`;
}

export function encodeMarkdown(
	debate: Debate,
	lang = debate.language,
	words: MarkdownWords = ENGLISH_MARKDOWN_WORDS
): string {
	const graph: ArgumentGraph = buildGraph(debate);
	const t = (v: Parameters<typeof textIn>[0]) => textIn(v, lang, debate.language);
	const sourceIndex = new Map<string, number>();
	const refs = (id: string): string => {
		const nums = new Set<number>();
		for (const e of graph.claims.get(id)?.evidence ?? []) {
			if (!sourceIndex.has(e.source)) sourceIndex.set(e.source, sourceIndex.size + 1);
			nums.add(sourceIndex.get(e.source)!);
		}
		return nums.size ? ' ' + [...nums].map((n) => `[${n}]`).join('') : '';
	};
	const out: string[] = [
		`# ${escapeMarkdown(t(debate.title))}`,
		'',
		escapeMarkdown(t(debate.summary)),
		''
	];
	const thesis = graph.claims.get(debate.thesis)!;
	out.push(`**${words.thesis}:** ${escapeMarkdown(t(thesis.text))}${refs(thesis.id)}`, '');
	if (thesis.note) out.push(`> ${words.note}: ${escapeMarkdown(t(thesis.note))}`, '');
	out.push(`## ${words.claims}`, '');

	const walk = (id: string, depth: number) => {
		const claim = graph.claims.get(id)!;
		const indent = '  '.repeat(depth);
		const stance = claim.stance === 'pro' ? `＋ ${words.pro}` : `− ${words.con}`;
		const side = graph.side.get(id) === -1 ? words.againstThesis : words.forThesis;
		out.push(`${indent}- **${stance}** (${side}): ${escapeMarkdown(t(claim.text))}${refs(id)}`);
		for (const rel of graph.outgoing.get(id) ?? []) {
			if (rel.primary) continue;
			const other = graph.claims.get(rel.to);
			if (other)
				out.push(
					`${indent}  - *${words.also} ${rel.stance === 'pro' ? words.supports : words.objectsTo}:* ${escapeMarkdown(t(other.text))}`
				);
		}
		if (claim.note) out.push(`${indent}  - *${words.note}:* ${escapeMarkdown(t(claim.note))}`);
		for (const child of graph.children.get(id) ?? []) walk(child, depth + 1);
	};
	for (const child of graph.children.get(debate.thesis) ?? []) walk(child, 0);
	// Other roots (imports may have several) follow, each as its own list.
	for (const root of graph.roots) {
		if (root === debate.thesis) continue;
		out.push('', `**${escapeMarkdown(t(graph.claims.get(root)!.text))}**${refs(root)}`, '');
		for (const child of graph.children.get(root) ?? []) walk(child, 0);
	}

	if (sourceIndex.size > 0) {
		out.push('', `## ${words.sources}`, '');
		const byId = new Map(debate.sources.map((s) => [s.id, s]));
		for (const [id, n] of sourceIndex) {
			const source = byId.get(id);
			if (source) out.push(`${n}. ${sourceLine(source, lang, debate.language, words)}`);
		}
	}
	return out.join('\n') + '\n';
}

export const markdownCodec: Codec<'markdown'> = {
	...FORMATS.markdown,
	encode: (debate, options) => encodeMarkdown(debate, options?.lang, options?.markdownWords)
};
