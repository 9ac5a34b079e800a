import fc from 'fast-check';
import { formatDiagnostic, validateDebateData } from '../../../src/lib/core/load';
import { hasVisibleCharacter, NOT_TEXT } from '../../../src/lib/core/schema/characters';
import type { Debate } from '../../../src/lib/core/schema';

/**
 * Random debates written by someone hostile: every text and address drawn from what breaks
 * out of exported files — markup, entities, Markdown, quotes, angle brackets, line breaks and
 * other control characters, direction controls, Argdown, Kialo and YAML syntax — and only
 * debates that validation accepts (the debate an exporter is given has been through it).
 */

const MARKUP = [
	'<',
	'>',
	'</',
	'/>',
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<a href="javascript:alert(1)">x</a>',
	'<svg onload=alert(1)>',
	'<foreignObject>',
	'<!--',
	'-->',
	'<![CDATA[',
	']]>',
	'<?xml version="1.0"?>',
	'<!DOCTYPE x [<!ENTITY e "x">]>',
	'&',
	'&amp;',
	'&lt;b&gt;',
	'&#106;avascript:',
	'&e;',
	'javascript:alert(1)',
	'JaVaScRiPt:',
	'data:text/html,<b>x</b>',
	'vbscript:'
];
const MARKDOWN = [
	'[',
	']',
	'(',
	')',
	'[x](javascript:alert(1))',
	'![i](data:image/svg+xml,x)',
	'[x]: javascript:alert(1)',
	'[x][]',
	'<https://example.org>',
	'<mailto:a@b.c>',
	'`',
	'```',
	'*',
	'_',
	'**',
	'#',
	'# ',
	'> ',
	'- ',
	'+ ',
	'* ',
	'1. ',
	'1) ',
	'---',
	'===',
	'|',
	'| a | b |',
	'~',
	'~~~',
	'\\',
	'!',
	'    ',
	'www.example.org',
	'http://x.org'
];
const QUOTES = ['"', "'", '“', '”', '‘', '’', '«', '»', '「', '」'];
const BREAKS = ['\t', '\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\u0080', '\u009F'];
const INVISIBLE = ['\u00A0', '\u200B', '\u200D', '\uFEFF', '\u00AD', '\u034F'];
const DIRECTION = [
	'\u202A',
	'\u202B',
	'\u202C',
	'\u202D',
	'\u202E',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069',
	'\u200E',
	'\u200F',
	'\u061C'
];
const ARGDOWN = [
	'[T]:',
	'<A>:',
	'+ ',
	'- ',
	'+> ',
	'<+ ',
	'-> ',
	'<- ',
	'_> ',
	'<_ ',
	'#tag',
	'#(tag with spaces)',
	'{a: b}',
	'{isInMap: false}',
	'// comment',
	'/*',
	'*/',
	'(1)',
	'----',
	'@',
	'^',
	':',
	','
];
const KIALO = [
	'Discussion Name:',
	'Discussion Title:',
	'1. Thesis:',
	'1.1. Pro:',
	'1.2. Con:',
	'-> See 1.1.',
	'-> See discussion #1: x',
	'Sources:',
	'[1]',
	'[2] https://example.org/x',
	'\\(',
	'\\[',
	'\\@'
];
const YAML = [': ', '&anchor', '*alias', '!!js/function', '%YAML 1.2', '...', '{', '}', 'null'];
const WORDS = [
	'a',
	'word',
	'Llama',
	'开放',
	'权重',
	'עברית',
	'عربي',
	'ﷺ',
	'🦙',
	'é',
	'e\u0301',
	'1'
];

const PIECES = [
	...MARKUP,
	...MARKDOWN,
	...QUOTES,
	...BREAKS,
	...INVISIBLE,
	...DIRECTION,
	...ARGDOWN,
	...KIALO,
	...YAML,
	...WORDS
];

/**
 * What validation refuses outright (with its path, tests/unit/formats/hostile.test.ts): C0
 * control characters but tab and line breaks, DEL, and what is not text (non-characters such
 * as U+FFFF, lone surrogates: `NOT_TEXT`). Neither is an export's business: it never gets such
 * text.
 */
const refused = (s: string) =>
	s
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
		.replace(new RegExp(NOT_TEXT.source, 'gu'), '')
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

/** A hostile string of at most `max` UTF-16 units, anything from the pieces above to noise. */
function hostile(max: number, minLength = 0) {
	return fc
		.oneof(
			{ weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength, maxLength: 12 }) },
			{
				weight: 1,
				arbitrary: fc.array(
					fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })),
					{ minLength, maxLength: 8 }
				)
			}
		)
		.map((parts) => refused(refused(parts.join('')).slice(0, max)));
}

/** Text for a field that must not be empty: blank or invisible text gets a visible word. */
const text = (max: number) =>
	hostile(max).map((s) => (hasVisibleCharacter(s.trim()) ? s : refused(`x ${s}`.slice(0, max))));

/** A web address with a hostile path, query and fragment (and host, as far as one parses). */
export const hostileAddress = fc
	.tuple(
		fc.constantFrom('https://', 'http://', 'HTTPS://', ' https://', 'https:\\\\'),
		fc.constantFrom(
			'example.org',
			'EXAMPLE.org:443',
			'user:p@ss@example.org',
			'例子.中国',
			'127.0.0.1:8080',
			'[::1]'
		),
		fc.array(
			fc.oneof(
				fc.constantFrom(
					'/',
					'/a',
					' ',
					'"',
					"'",
					'<',
					'>',
					'`',
					'(',
					')',
					'[',
					']',
					'{',
					'}',
					'\\',
					'|',
					'^',
					'#',
					'?',
					'&',
					'=',
					'%',
					'%3E',
					'%zz',
					'\t',
					'\n',
					'\u202E',
					'开放',
					'🦙',
					'>[click](javascript:alert(1))',
					'" onmouseover="alert(1)',
					'><script>alert(1)</script>',
					'javascript:alert(1)',
					'*',
					'_',
					'!'
				),
				fc.constantFrom(...MARKUP, ...MARKDOWN)
			),
			{ maxLength: 10 }
		)
	)
	.map(([scheme, host, path]) => `${scheme}${host}/${refused(path.join(''))}`);

const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/**
 * A debate as a file would hold it (input, before validation): a thesis and up to 12 claims,
 * each answering an earlier one, some with a second relation or an undercut; up to 3 sources
 * with hostile names and addresses; quotes, notes and details of hostile text.
 */
export const hostileDebateInput = fc
	.record({
		title: text(200),
		summary: text(500),
		thesis: text(150),
		sources: fc.array(
			fc.record({
				title: text(200),
				author: optional(text(100)),
				organisation: text(100),
				publisher: optional(text(100)),
				url: optional(hostileAddress),
				note: optional(text(300))
			}),
			{ maxLength: 3 }
		),
		claims: fc.array(
			fc.record({
				text: text(150),
				title: optional(text(48)),
				detail: optional(text(300)),
				note: optional(text(300)),
				parent: fc.nat(),
				stance: fc.constantFrom('pro' as const, 'con' as const),
				undercut: fc.boolean(),
				extra: optional(fc.record({ to: fc.nat(), stance: fc.constantFrom('pro', 'con') })),
				evidence: optional(
					fc.record({
						source: fc.nat(),
						quote: text(300),
						locator: text(100),
						document: fc.boolean()
					})
				)
			}),
			{ maxLength: 12 }
		)
	})
	.map(({ title, summary, thesis, sources, claims }) => {
		const ids = ['t', ...claims.map((_, i) => `c${i + 1}`)];
		const targets: Record<string, unknown>[] = [];
		return {
			formatVersion: 1,
			id: 'hostile',
			title,
			summary,
			language: 'en',
			thesis: 't',
			sources: sources.map((s, i) => ({
				id: `s${i + 1}`,
				...s,
				type: 'article',
				language: 'en',
				status: 'confirmed'
			})),
			claims: [
				{ id: 't', text: thesis },
				...claims.map((c, i) => {
					const p = c.parent % (i + 1);
					const parent = ids[p]!;
					// An undercut aims at the relation from the parent to the claim it answers.
					const above = p > 0 ? targets[p - 1] : undefined;
					const target =
						c.undercut && typeof above?.target === 'string'
							? { from: parent, to: above.target }
							: parent;
					const other = c.extra ? ids[c.extra.to % (i + 1)] : undefined;
					const claim: Record<string, unknown> = {
						id: ids[i + 1]!,
						stance: c.stance,
						target,
						text: c.text,
						...(c.title && hasVisibleCharacter(c.title.trim()) ? { title: c.title } : {}),
						...(c.detail ? { detail: c.detail } : {}),
						...(c.note ? { note: c.note } : {})
					};
					if (other && other !== parent) claim.also = [{ target: other, stance: c.extra!.stance }];
					if (c.evidence && sources.length > 0)
						claim.evidence = [
							{
								source: `s${(c.evidence.source % sources.length) + 1}`,
								kind: c.evidence.document ? 'document' : 'quote',
								quote: c.evidence.quote,
								quoteLang: 'en',
								locator: c.evidence.locator
							}
						];
					targets.push(claim);
					return claim;
				})
			]
		};
	});

/** A hostile debate as an exporter gets it: validated (and so normalised) like any file. */
export const hostileDebate: fc.Arbitrary<Debate> = hostileDebateInput.map((input) => {
	const r = validateDebateData(input, { file: 'hostile.yaml' });
	// The generator makes only debates validation accepts: a refusal is a bug in this file.
	if (!r.ok) throw new Error(r.errors.map(formatDiagnostic).join('\n'));
	return r.value;
});
