import { readFileSync } from 'node:fs';
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import fc from 'fast-check';
import MarkdownIt, { type Token } from 'markdown-it';

import { describe, expect, it } from 'vitest';
import { Contribution, contributionFromDraft, mergeHandIn } from '../../../src/lib/core/contrib';
import { exportDebate, importDebate, type FormatId } from '../../../src/lib/core/formats';
import { encodeCsl } from '../../../src/lib/core/formats/csl';
import { encodeMarkdown } from '../../../src/lib/core/formats/markdown';
import { formatDiagnostic, loadDebate } from '../../../src/lib/core/load';
import { buildGraph } from '../../../src/lib/core/model';
import { textIn, type Debate } from '../../../src/lib/core/schema';
import { arrange } from '../../../src/lib/map/arrange';
import { toElements } from '../../../src/lib/map/elements';
import { standingImage } from '../../../src/lib/map/standing';
import { sceneOfLayout, sceneToSvg } from '../../../src/lib/map/svg';
import { hostileDebate } from './hostile-debate';

/**
 * Issue 21: whatever a debate holds, the files Counterpoint writes carry no active content and
 * no structure that a text put there. Each export is read the way the most permissive program
 * for its format would read it: Markdown by markdown-it with raw HTML on, links unchecked and
 * bare addresses linked; SVG by a strict XML parser; the exchange formats by their readers.
 */

/**
 * CommonMark renderers that sanitise nothing: raw HTML passes and any link scheme is allowed.
 * The second also links bare addresses (GFM's extended autolinks), as many site generators do.
 */
const commonmark = new MarkdownIt('commonmark', { html: true });
const linkify = new MarkdownIt({ html: true, linkify: true });
for (const renderer of [commonmark, linkify]) renderer.validateLink = () => true;

interface Rendered {
	/** The rendered text of each paragraph, heading or list item, entities decoded. */
	texts: string[];
	/** Every link and image target, as the renderer would write it into `href`/`src`. */
	targets: string[];
	/** Addresses written as `<…>` autolinks. */
	autolinks: string[];
	/** Raw HTML the renderer would pass through. */
	html: string[];
}

function render(markdown: string, renderer = commonmark): Rendered {
	const out: Rendered = { texts: [], targets: [], autolinks: [], html: [] };
	const attr = (token: Token, name: string) => String(token.attrGet(name) ?? '');
	const walk = (tokens: Token[]) => {
		for (const token of tokens) {
			if (token.type === 'html_block' || token.type === 'html_inline') out.html.push(token.content);
			if (token.type === 'link_open') {
				out.targets.push(attr(token, 'href'));
				if (token.markup === 'autolink') out.autolinks.push(attr(token, 'href'));
			}
			if (token.type === 'image') out.targets.push(attr(token, 'src'));
			if (token.type === 'inline') {
				out.texts.push(
					(token.children ?? [])
						.map((c) =>
							c.type === 'softbreak' || c.type === 'hardbreak'
								? '\n'
								: c.type === 'image'
									? `![${c.content}]`
									: c.content
						)
						.join('')
				);
				walk(token.children ?? []);
			}
		}
	};
	walk(renderer.parse(markdown, {}));
	return out;
}

/** Web and mail links only: the sources' autolinks, and what linkify makes of a bare address. */
const SAFE_LINK = /^(https?:\/\/|mailto:|ftp:\/\/)/i;

/** A text on one line: line breaks of any kind (NEL too, which XML parsers may turn into one). */
const oneLine = (s: string) => s.replace(/[\s\u0085]+/g, ' ').trim();

/**
 * Renders the handout with both renderers: no raw HTML, no link but web and mail links, and no
 * `<…>` link but the sources' addresses as stored (as the renderer writes them into an href).
 * Returns what CommonMark itself renders.
 */
function expectSafeHandout(debate: Debate, markdown: string) {
	for (const renderer of [linkify, commonmark]) {
		const r = render(markdown, renderer);
		expect(r.html, 'raw HTML in the handout').toEqual([]);
		for (const target of r.targets) expect(target).toMatch(SAFE_LINK);
		const addresses = new Set(
			debate.sources.flatMap((s) => (s.url ? [renderer.normalizeLink(s.url)] : []))
		);
		for (const link of r.autolinks) expect(addresses).toContain(link);
	}
	return render(markdown);
}

const load = (yaml: string) => {
	const r = loadDebate(yaml, { file: 'payload.yaml' });
	if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
	return r.value;
};

/** A debate with one claim citing one source at `url` (YAML-quoted as given). */
const withSource = (url: string) => `formatVersion: 1
id: payload
title: Payload
summary: A source address that tries to break out.
language: en
thesis: t
sources:
  - id: s1
    title: The source
    organisation: Org
    url: ${JSON.stringify(url)}
    type: article
    language: en
    status: confirmed
claims:
  - id: t
    text: The thesis.
    evidence:
      - { source: s1, kind: document, quote: The whole page., quoteLang: en, locator: all }
`;

describe('source addresses are stored in their WHATWG form', () => {
	it.each([
		[
			'https://example.org/a>[click](javascript:alert(1))',
			'https://example.org/a%3E[click](javascript:alert(1))'
		],
		[
			'https://example.org/a" onmouseover="alert(1)',
			'https://example.org/a%22%20onmouseover=%22alert(1)'
		],
		['  HTTPS://Example.ORG:443/a b?q=<x>#`f`', 'https://example.org/a%20b?q=%3Cx%3E#%60f%60'],
		['https://例子.中国/路径', 'https://xn--fsqu00a.xn--fiqs8s/%E8%B7%AF%E5%BE%84']
	])('%s is kept as %s', (given, stored) => {
		expect(load(withSource(given)).sources[0]!.url).toBe(stored);
	});

	it('refuses an address that does not parse, located at the url, as before', () => {
		for (const url of [
			'https://exa mple.org/',
			'javascript:alert(1)',
			'https://',
			'//example.org'
		]) {
			const r = loadDebate(withSource(url), { file: 'payload.yaml' });
			expect(r.ok, url).toBe(false);
			const e = r.ok ? undefined : r.errors[0];
			expect([e?.path, e?.line, e?.message], url).toEqual([
				'sources[0].url',
				11,
				'must be an http:// or https:// address'
			]);
		}
	});

	it('refuses an address that grows past the limit once written out, saying why', () => {
		// 700 Chinese characters are 700 characters typed, 6,300 once percent-encoded.
		const r = loadDebate(withSource(`https://example.org/${'路'.repeat(700)}`), {
			file: 'payload.yaml'
		});
		expect(r.ok).toBe(false);
		const e = r.ok ? undefined : r.errors[0];
		expect(e?.path).toBe('sources[0].url');
		expect(e?.line).toBe(11);
		expect(e?.message).toBe(
			'written as a web address it has 6,320 characters (spaces, quotes and letters outside A–Z become %XX codes); at most 2,048'
		);
	});
});

describe('addresses from student forms, hand-ins and stored additions are stored the same way', () => {
	const base = () => load(withSource('https://example.org/'));
	const PAYLOAD = 'https://example.org/a>[click](javascript:alert(1))';
	const STORED = 'https://example.org/a%3E[click](javascript:alert(1))';

	it('an addition typed into the form keeps the written-out address, as its source and its evidence', () => {
		const r = contributionFromDraft(
			{ target: 't', stance: 'con', text: 'A claim.', source: { url: ` ${PAYLOAD} ` } },
			{ id: 'my-1', now: 1, lang: 'en', debate: base() }
		);
		expect(r.ok && r.contribution.source?.url).toBe(STORED);
		expect(r.ok && r.contribution.claim.evidence?.[0]?.quote).toBe(STORED);
	});

	it('the form refuses an address too long once written out, saying why', () => {
		const r = contributionFromDraft(
			{
				target: 't',
				stance: 'con',
				text: 'A claim.',
				source: { url: `https://example.org/${'路'.repeat(700)}` }
			},
			{ id: 'my-1', now: 1, lang: 'en', debate: base() }
		);
		expect(!r.ok && r.errors.url).toEqual({
			code: 'address_too_long',
			length: 6320,
			max: 2048,
			message:
				'written as a web address it has 6,320 characters (spaces, quotes and letters outside A–Z become %XX codes); at most 2,048'
		});
	});

	it('a hand-in merged by the teacher and an addition read back from storage are written out too', async () => {
		const d = base();
		const handIn = {
			...d,
			sources: [...d.sources, { ...d.sources[0]!, id: 's-my-1', url: PAYLOAD }],
			claims: [
				...d.claims,
				{
					id: 'my-1',
					stance: 'con',
					target: 't',
					text: 'A claim.',
					contributor: { name: 'Mei', at: '2026-11-28T09:00:00Z' },
					evidence: [
						{ source: 's-my-1', kind: 'document', quote: 'x', quoteLang: 'en', locator: 'all' }
					]
				}
			]
		};
		const read = await importDebate(JSON.stringify(handIn), { file: 'mei.json' });
		expect(read.ok, read.ok ? '' : read.errors.map(formatDiagnostic).join('\n')).toBe(true);
		if (!read.ok) return;
		const merged = mergeHandIn(d, [], read.value, { file: 'mei.json', now: 1 });
		expect(merged.contributions.map((c) => c.source?.url)).toEqual([STORED]);
		const stored = {
			...merged.contributions[0]!,
			source: { ...merged.contributions[0]!.source!, url: PAYLOAD }
		};
		expect(Contribution.parse(stored).source?.url).toBe(STORED);
	});
});

describe('the Markdown handout, rendered by a renderer that sanitises nothing', () => {
	it('keeps the issue’s payload addresses inside their link', () => {
		const debate = load(readFileSync('tests/fixtures/hostile/breakout-url.yaml', 'utf8'));
		const markdown = encodeMarkdown(debate, 'en');
		expect(markdown).toContain('<https://example.org/a%3E[click](javascript:alert(1))>');
		expect(markdown).toContain('<https://example.org/a%22%20onmouseover=%22alert(1)>');
		const r = expectSafeHandout(debate, markdown);
		expect(r.autolinks).toEqual(debate.sources.map((s) => commonmark.normalizeLink(s.url!)));
		const img = load(withSource('https://example.org/a><img src=x onerror=alert(1)>'));
		expect(expectSafeHandout(img, encodeMarkdown(img, 'en')).autolinks).toHaveLength(1);
	});

	it('holds by itself: an address that skipped validation is never a live link', () => {
		const debate = load(withSource('https://example.org/'));
		for (const url of [
			'https://example.org/a>[click](javascript:alert(1))',
			'javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'https://example.org/a <b>bold</b>'
		]) {
			// As if a bug or an old stored copy let it through: the exporter does not rely on the schema.
			const raw = { ...debate, sources: [{ ...debate.sources[0]!, url }] };
			for (const renderer of [commonmark, linkify]) {
				const r = render(encodeMarkdown(raw, 'en'), renderer);
				expect(r.html, url).toEqual([]);
				for (const target of r.targets) expect(target, url).toMatch(/^https:\/\/example\.org\//);
			}
		}
	});

	it('keeps a text that starts like a list, a rule or an underline as the text it is', () => {
		for (const summary of [
			'---',
			'***',
			'1) first',
			'2.',
			'+',
			'- x',
			'===',
			'# x',
			'> quote',
			'    code'
		]) {
			const debate = { ...load(withSource('https://example.org/')), summary };
			const r = render(encodeMarkdown(debate, 'en'));
			expect(r.texts, summary).toContain(summary.trim());
		}
	});

	it('prints every text as written, with no HTML and no link but the sources’ (random hostile debates)', () => {
		fc.assert(
			fc.property(hostileDebate, (debate) => {
				const r = expectSafeHandout(debate, encodeMarkdown(debate, 'en'));
				const rendered = r.texts.map(oneLine);
				const shown = (s: string) => rendered.some((t) => t.includes(oneLine(s)));
				for (const c of debate.claims) expect(shown(textIn(c.text, 'en'))).toBe(true);
				expect(shown(textIn(debate.title, 'en'))).toBe(true);
				expect(shown(textIn(debate.summary, 'en'))).toBe(true);
			}),
			{ numRuns: 100 }
		);
	});
});

/** The elements and attributes the map's SVG is made of: anything else is a finding. */
const SVG_ELEMENTS = new Set([
	'svg',
	'title',
	'defs',
	'marker',
	'clipPath',
	'g',
	'path',
	'rect',
	'line',
	'image',
	'text',
	'tspan'
]);
const SVG_ATTRIBUTES = new Set([
	'xmlns',
	'width',
	'height',
	'viewBox',
	'id',
	'x',
	'y',
	'x1',
	'y1',
	'x2',
	'y2',
	'rx',
	'd',
	'fill',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'opacity',
	'refX',
	'refY',
	'markerWidth',
	'markerHeight',
	'markerUnits',
	'orient',
	'marker-start',
	'clip-path',
	'href',
	'font-family',
	'font-size',
	'font-weight',
	'text-anchor',
	'text-decoration'
]);
const FOOTER = 'data:image/svg+xml;charset=utf-8,';

/**
 * Parses `svg` as strict XML and checks every element and attribute against the lists above:
 * no script, no event attribute, no foreignObject, no link out. A footer image is an SVG of its
 * own and is checked the same way. Returns the text of each `<text>`, one entry per line.
 */
function checkSvg(svg: string): string[][] {
	const doc = new DOMParser({
		onError: (level, message) => {
			throw new Error(`not well-formed XML (${level}): ${message}`);
		}
	}).parseFromString(svg, 'image/svg+xml');
	const texts: string[][] = [];
	const visit = (node: XmlNode) => {
		if (
			node.nodeType === node.PROCESSING_INSTRUCTION_NODE ||
			node.nodeType === node.DOCUMENT_TYPE_NODE
		)
			throw new Error(`unexpected ${node.nodeName}`);
		if (node.nodeType !== node.ELEMENT_NODE) return;
		const el = node as XmlElement;
		expect(SVG_ELEMENTS, `element <${el.tagName}>`).toContain(el.tagName);
		expect(el.namespaceURI).toBe('http://www.w3.org/2000/svg');
		for (const attr of Array.from(el.attributes)) {
			expect(SVG_ATTRIBUTES, `attribute ${attr.name} on <${el.tagName}>`).toContain(attr.name);
			if (attr.name === 'href') {
				expect(el.tagName).toBe('image');
				expect(attr.value.startsWith(FOOTER), attr.value).toBe(true);
				checkSvg(decodeURIComponent(attr.value.slice(FOOTER.length)));
			}
			if (/url\(/.test(attr.value)) expect(attr.value).toMatch(/^url\(#[\w.-]+\)$/);
		}
		if (el.tagName === 'text')
			texts.push(Array.from(el.getElementsByTagName('tspan')).map((t) => t.textContent ?? ''));
		for (const child of Array.from(node.childNodes)) visit(child);
	};
	visit(doc.documentElement!);
	expect(doc.documentElement!.tagName).toBe('svg');
	return texts;
}

describe('the SVG picture, parsed as strict XML', () => {
	it('has no script, event attribute, link out or foreignObject, and every label as text (random hostile debates)', () => {
		fc.assert(
			fc.property(hostileDebate, fc.boolean(), (debate, brief) => {
				const graph = buildGraph(debate);
				const elements = toElements(graph, { lang: 'en' });
				const scene = sceneOfLayout(elements, arrange(graph, elements, 16 / 9), { brief });
				// Footers as the map draws them, so the images inside are checked too.
				const nodes = scene.nodes.map((n, i) => ({
					...n,
					footer: standingImage(
						i % 2 ? { label: 'IN', strength: 0.7, was: 'OUT' } : { struck: true },
						n.w,
						{ inset: 14, dark: false, brief }
					)
				}));
				const svg = sceneToSvg(
					{ ...scene, nodes },
					{ background: '#ffffff', title: textIn(debate.title, 'en') }
				);
				// Line breaks and separators inside a line are spacing to an SVG renderer.
				const texts = checkSvg(svg).map((lines) => lines.map(oneLine));
				expect(texts).toEqual(nodes.map((n) => n.label.split('\n').map(oneLine)));
			}),
			{ numRuns: 25 }
		);
	});
});

/**
 * Each claim's text as a format writes it: the exchange formats write a text on one line, and
 * Kialo defuses a text that reads as a link. Only YAML and JSON keep every character.
 */
const TEXT_AS_WRITTEN: Partial<Record<FormatId, (text: string) => string>> = {
	argdown: oneLine,
	aif: oneLine,
	kialo: (text) => {
		const line = oneLine(text);
		return /^->\s*See\s+(\d+(\.\d+)*\.?|discussion\b.*)\s*$/i.test(line)
			? line.replace(/^->/, '→')
			: line;
	}
};

/**
 * The claims and relations of a debate by claim text, sorted: the same whatever the ids. Kialo
 * has no undercut: it writes one as a relation to the claim whose support it questions.
 */
function structure(debate: Debate, format: FormatId) {
	const graph = buildGraph(debate);
	const written = TEXT_AS_WRITTEN[format] ?? ((s: string) => s);
	const text = (id: string) => written(textIn(graph.claims.get(id)!.text, 'en', debate.language));
	return {
		claims: debate.claims.map((c) => text(c.id)).sort(),
		relations: graph.relations
			.map((r) => {
				const to = !r.undercuts
					? text(r.to)
					: format === 'kialo'
						? text(r.undercuts.from)
						: `[${text(r.undercuts.from)} => ${text(r.undercuts.to)}]`;
				return `${text(r.from)} -${r.stance}-> ${to}`;
			})
			.sort()
	};
}

describe('the exchange formats, read back', () => {
	it.each(['yaml', 'json', 'argdown', 'kialo', 'aif'] as FormatId[])(
		'%s: no claim, relation or statement is added by a text (random hostile debates)',
		async (format) => {
			await fc.assert(
				fc.asyncProperty(hostileDebate, async (debate) => {
					const out = exportDebate(debate, format, { lang: 'en' });
					const back = await importDebate(out.text, { file: out.fileName, format });
					expect(back.ok, back.ok ? '' : back.errors.map(formatDiagnostic).join('\n')).toBe(true);
					if (!back.ok) return;
					expect(structure(back.value, format)).toEqual(structure(debate, format));
					if (format === 'yaml' || format === 'json') expect(back.value).toEqual(debate);
				}),
				{ numRuns: 60 }
			);
		}
	);

	it('CSL-JSON: each source is one item holding its own fields, its address as stored (random hostile debates)', () => {
		fc.assert(
			fc.property(hostileDebate, (debate) => {
				const items = JSON.parse(encodeCsl(debate, 'en')) as Record<string, unknown>[];
				expect(items.map((i) => i.id)).toEqual(debate.sources.map((s) => s.id));
				debate.sources.forEach((s, n) => {
					expect(items[n]!.title).toBe(textIn(s.title, 'en'));
					expect(items[n]!.URL).toBe(s.url);
					if (s.url) expect(s.url).toMatch(/^https?:\/\/[^\s<>"]+$/);
				});
			}),
			{ numRuns: 60 }
		);
	});
});
