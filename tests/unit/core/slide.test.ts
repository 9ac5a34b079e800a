import { describe, expect, it } from 'vitest';
import { SLIDE, slideFrame, slideTop } from '$lib/core/view';

describe('a slide of the map', () => {
	it('fits a small view inside the 1920 × 1080 slide under its title, centred, texts legible', () => {
		const top = slideTop(true);
		const f = slideFrame({ w: 1200, h: 500 }, 22, top);
		expect(f.x).toBeGreaterThanOrEqual(SLIDE.margin);
		expect(f.x + f.w).toBeLessThanOrEqual(SLIDE.width - SLIDE.margin + 1e-9);
		expect(f.y).toBeGreaterThanOrEqual(top);
		expect(f.y + f.h).toBeLessThanOrEqual(SLIDE.height - SLIDE.margin + 1e-9);
		expect(f.x + f.w / 2).toBeCloseTo(SLIDE.width / 2);
		expect(f.textPx).toBeCloseTo(22 * f.scale);
		expect(f.legible).toBe(true);
	});

	it('does not blow up a view of two claims past twice its size', () => {
		expect(slideFrame({ w: 300, h: 100 }, 22, slideTop(false)).scale).toBe(SLIDE.maxScale);
	});

	it('says when a whole big map would be drawn too small to read', () => {
		const f = slideFrame({ w: 6000, h: 3000 }, 22, slideTop(false));
		expect(f.textPx).toBeLessThan(SLIDE.minTextPx);
		expect(f.legible).toBe(false);
	});
});
