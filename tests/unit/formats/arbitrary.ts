import fc from 'fast-check';
import { buildGraph, type ArgumentGraph } from '../../../src/lib/core/model';
import { Debate } from '../../../src/lib/core/schema';

/**
 * Random valid debates for property tests of the codecs: a thesis and up to 25 claims, each
 * answering an earlier one (so no cycles), with texts that include what trips exporters up —
 * brackets, angle brackets, hashes, colons, quotes, leading numbers, Chinese, "-> See 1.2.".
 */
const WORDS = [
	'open',
	'weights',
	'Llama',
	'safety',
	'[bracket]',
	'<angle>',
	'#tag',
	'{data}',
	'a: b',
	'"quoted"',
	"it's",
	'1.2.',
	'-> See 1.1.',
	'开放',
	'权重',
	'模型',
	'Pro:',
	'Con:',
	'(1)',
	'--',
	'\\back',
	'*star*',
	'_under_',
	'naïve',
	'—',
	'50%',
	'@[x]'
];

const text = fc
	.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 })
	.map((w) => w.join(' ').slice(0, 160).trim())
	.filter((t) => t.length > 0);

export interface ArbitraryOptions {
	/** Give claims `also` relations (a graph, not only a tree). */
	also?: boolean;
	/** Give claims evidence with sources. */
	evidence?: boolean;
}

export function arbitraryDebate(options: ArbitraryOptions = {}): fc.Arbitrary<Debate> {
	return fc
		.record({
			title: text,
			thesis: text,
			claims: fc.array(
				fc.record({
					text,
					parent: fc.nat(),
					stance: fc.constantFrom('pro' as const, 'con' as const),
					extra: fc.option(fc.record({ to: fc.nat(), stance: fc.constantFrom('pro', 'con') }), {
						nil: undefined
					}),
					quote: fc.option(text, { nil: undefined })
				}),
				{ maxLength: 25 }
			)
		})
		.map(({ title, thesis, claims }) => {
			const ids = ['t', ...claims.map((_, i) => `c${i + 1}`)];
			const debate = {
				formatVersion: 1,
				id: 'random',
				title,
				summary: 'A random debate.',
				language: 'en',
				thesis: 't',
				sources: options.evidence
					? [
							{
								id: 's1',
								title: 'A source',
								organisation: 'Org',
								url: 'https://example.org/a?b=1',
								type: 'article',
								language: 'en',
								status: 'confirmed'
							}
						]
					: [],
				claims: [
					{ id: 't', text: thesis },
					...claims.map((c, i) => {
						const target = ids[c.parent % (i + 1)]!;
						const other = c.extra ? ids[c.extra.to % (i + 1)] : undefined;
						return {
							id: ids[i + 1]!,
							stance: c.stance,
							target,
							text: c.text,
							...(options.also && other && other !== target
								? { also: [{ target: other, stance: c.extra!.stance }] }
								: {}),
							...(options.evidence && c.quote
								? {
										evidence: [
											{
												source: 's1',
												kind: 'quote',
												quote: c.quote,
												quoteLang: 'en',
												locator: 'para. 1'
											}
										]
									}
								: {})
						};
					})
				]
			};
			return Debate.parse(debate);
		});
}

/** The relations of a debate as comparable strings, `from -pro-> to`, sorted. */
export function relationSet(graph: ArgumentGraph, name: (id: string) => string = (id) => id) {
	return graph.relations.map((r) => `${name(r.from)} -${r.stance}-> ${name(r.to)}`).sort();
}

export { buildGraph };
