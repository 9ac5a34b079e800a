import { describe, expect, it } from 'vitest';
import { mapStyle, PALETTE, STRONG_PALETTE } from '../../../src/lib/map/style';

type Rgb = [number, number, number];
const rgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const luminance = (c: Rgb) => {
	const [r, g, b] = c.map((v) => {
		const s = v / 255;
		return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	}) as Rgb;
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG 2.1 contrast ratio. */
const contrast = (a: Rgb, b: Rgb) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};
/** `top` drawn at `alpha` over `under`. */
const over = (top: Rgb, under: Rgb, alpha: number) =>
	top.map((v, i) => v * alpha + under[i]! * (1 - alpha)) as Rgb;

const rule = (sheet: ReturnType<typeof mapStyle>, selector: string) =>
	sheet.find((r) => r.selector === selector)?.style ?? {};

describe('the map style', () => {
	const normal = mapStyle();
	const more = mapStyle({ contrast: 'more' });

	it('has the same selectors in both variants', () => {
		expect(more.map((r) => r.selector)).toEqual(normal.map((r) => r.selector));
		expect(mapStyle({ contrast: 'normal' })).toEqual(normal);
	});

	it('draws bolder and darker for more contrast: borders, lines, black text, stronger pro and con', () => {
		expect(Number(rule(more, 'node')['border-width'])).toBeGreaterThan(
			Number(rule(normal, 'node')['border-width'])
		);
		expect(Number(rule(more, 'edge').width)).toBeGreaterThan(Number(rule(normal, 'edge').width));
		expect(rule(more, 'node').color).toBe('#000000');
		expect(rule(more, 'node.pro')['border-color']).toBe(STRONG_PALETTE.pro);
		expect(rule(more, 'edge.con')['line-color']).toBe(STRONG_PALETTE.con);
		const white = rgb('#FFFFFF');
		for (const key of ['pro', 'con'] as const) {
			expect(contrast(rgb(STRONG_PALETTE[key]), white)).toBeGreaterThan(
				contrast(rgb(PALETTE[key]), white)
			);
			// Borders and bands against the claim's own fill: 7:1 or more.
			for (const fill of [STRONG_PALETTE.proFill, STRONG_PALETTE.conFill])
				expect(contrast(rgb(STRONG_PALETTE[key]), rgb(fill))).toBeGreaterThanOrEqual(6.5);
		}
		for (const key of ['hit', 'changed'] as const)
			expect(contrast(rgb(STRONG_PALETTE[key]), white)).toBeGreaterThanOrEqual(4.5);
	});

	it('keeps every text on a faded claim at 4.5:1 or more for more contrast', () => {
		const ground = [rgb('#FBFBFA'), rgb('#E5E7EB')]; // the map's background and its dots
		const fills = [
			STRONG_PALETTE.proFill,
			STRONG_PALETTE.conFill,
			STRONG_PALETTE.contributionFill,
			'#FFFFFF'
		];
		// Claim text in the ink; the strength footer's words in the standing image's ink.
		const inks = [rgb(STRONG_PALETTE.ink), rgb('#1F2937')];
		for (const selector of ['node.context', 'node.dim', 'node.struck']) {
			const alpha = Number(rule(more, selector).opacity);
			for (const under of ground)
				for (const fill of fills) {
					const body = over(rgb(fill), under, alpha);
					for (const ink of inks)
						expect(
							contrast(over(ink, body, alpha), body),
							`${selector} ${fill}`
						).toBeGreaterThanOrEqual(4.5);
				}
			// The normal variant fades further: that is what the option is for.
			expect(Number(rule(normal, selector).opacity)).toBeLessThan(alpha);
		}
		// The thesis: white on black, faded as context.
		const alpha = Number(rule(more, 'node.context').opacity);
		const body = over(rgb(STRONG_PALETTE.thesis), ground[0]!, alpha);
		expect(contrast(over(rgb('#FFFFFF'), body, alpha), body)).toBeGreaterThanOrEqual(4.5);
	});
});

describe('zoomed-out labels', () => {
	it('are all in one font, a long word cut rather than set smaller, and never leave a box blank', async () => {
		const { buildGraph } = await import('../../../src/lib/core/model/graph');
		const { toElements, BRIEF_FONT_SIZE, NODE } = await import('../../../src/lib/map/elements');
		const { loadDebateFile } = await import('../formats/read');
		const debate = loadDebateFile('arguments/llama-open-weights.yaml');
		// A title with a word longer than the card: it used to get a smaller font of its own.
		debate.claims[1]!.title = 'Donaudampfschifffahrtsgesellschaftskapitänsmütze';
		const graph = buildGraph(debate);
		const nodes = toElements(graph, { lang: 'en' }).nodes.map((n) => n.data);
		expect(new Set(nodes.map((n) => n.briefFontSize))).toEqual(new Set([BRIEF_FONT_SIZE]));
		expect(new Set(nodes.map((n) => n.fontSize))).toEqual(new Set([NODE.fontSize]));
		expect(nodes[1]!.brief.split('\n').length).toBeGreaterThan(1);
		const sheet = mapStyle();
		// Cytoscape hides a label under its min-zoomed-font-size: the farthest level never is.
		const far = rule(sheet, 'node.far') as Record<string, unknown>;
		expect(far['min-zoomed-font-size']).toBe(0);
		expect(far.label).toBe('data(far)');
		for (const n of nodes) expect(n.far.trim(), n.id).not.toBe('');
	});
});
