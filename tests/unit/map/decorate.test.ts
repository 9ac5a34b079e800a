import { describe, expect, it } from 'vitest';
import { compareEvaluations, evaluate } from '../../../src/lib/core/evaluate';
import { computeVisibility, emptyFilters } from '../../../src/lib/core/view';
import { decorate } from '../../../src/lib/map/decorate';
import { standingImage } from '../../../src/lib/map/standing';
import { fixtureGraph } from '../graphs';

const svgOf = (uri: string) => decodeURIComponent(uri.slice(uri.indexOf(',') + 1));

describe('map decorations', () => {
	it('fades the context, marks the focus, and dims what a search does not pick out', () => {
		const g = fixtureGraph('branches');
		const v = computeVisibility(g, { focus: 'c1', filters: emptyFilters() });
		const d = decorate(g, v.visible, [], {
			context: v.context,
			focus: 'c1',
			highlight: new Set(['c2']),
			evaluation: evaluate(g),
			diff: null
		});
		expect(d.nodes.get('t')!.classes).toEqual(['context', 'dim']);
		expect(d.nodes.get('c1')!.classes).toEqual(['focus', 'dim']);
		expect(d.nodes.get('c2')!.classes).toEqual(['hit']);
	});

	it('marks a struck claim and the claims whose label a what-if flipped', () => {
		const g = fixtureGraph('branches');
		const before = evaluate(g);
		const after = evaluate(g, { struck: ['c2'] });
		const d = decorate(
			g,
			g.order,
			g.relations.map((r) => r.id),
			{
				context: new Set(),
				focus: null,
				highlight: null,
				evaluation: after,
				diff: compareEvaluations(g, before, after)
			}
		);
		expect(d.nodes.get('c2')!.classes).toContain('struck');
		// Without c2's rebuttal, c1 defeats p1 again.
		expect(before.labels.get('c1')).toBe('OUT');
		expect(d.nodes.get('c1')!.standing).toMatchObject({ label: 'IN', was: 'OUT' });
		expect(d.nodes.get('c1')!.classes).toContain('changed');
		expect(d.edges.get('c2->c1')).toContain('struck');
	});
});

describe('the strength footer', () => {
	it('shows the label in words, a bar as long as the strength and the number', () => {
		const svg = svgOf(
			standingImage({ label: 'IN', strength: 0.75 }, 268, { inset: 24, dark: false })
		);
		expect(svg).toContain('✓ holds');
		expect(svg).toContain('0.75');
		const widths = [...svg.matchAll(/<rect[^>]* width='([\d.]+)'/g)].map((m) => Number(m[1]));
		// The track, then the fill: three quarters of it.
		expect(widths[1]! / widths[0]!).toBeCloseTo(0.75, 1);
	});

	it('says what a what-if flipped, and that a claim is struck out', () => {
		expect(
			svgOf(
				standingImage({ label: 'IN', strength: 0.5, was: 'OUT' }, 268, { inset: 24, dark: false })
			)
		).toContain('OUT → IN');
		expect(svgOf(standingImage({ struck: true }, 268, { inset: 24, dark: false }))).toContain(
			'struck out'
		);
	});

	it('zoomed out, keeps the bar and drops the words; like strengths share one image', () => {
		const brief = (strength: number) =>
			standingImage({ label: 'IN', strength }, 268, { inset: 24, dark: false, brief: true });
		const svg = svgOf(brief(0.75));
		expect(svg).not.toContain('<text');
		const widths = [...svg.matchAll(/<rect[^>]* width='([\d.]+)'/g)].map((m) => Number(m[1]));
		expect(widths[1]! / widths[0]!).toBeCloseTo(0.75, 1);
		expect(brief(0.741)).toBe(brief(0.749));
		expect(brief(0.8)).not.toBe(brief(0.75));
	});
});
