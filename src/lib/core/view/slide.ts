/**
 * A slide of the map for a projector: a 16:9 picture, 1920 × 1080, with a title on top and the
 * map as it is shown (its focus, folds and filters) below, claims by their short titles.
 */
export const SLIDE = {
	width: 1920,
	height: 1080,
	/** Space kept clear at each edge. */
	margin: 56,
	/** The title, and the line under it (the debate, when the title is a focused claim). */
	titlePx: 60,
	subtitlePx: 34,
	/** Smallest text a class reads on a projected 1920 × 1080 picture from the back row. */
	minTextPx: 24,
	/** A view of two or three claims is not blown up past this. */
	maxScale: 2
} as const;

/** Where the map picture goes on the slide, and how large its smallest text ends up. */
export interface SlideFrame {
	/** Map units to slide pixels. */
	scale: number;
	/** The picture's box on the slide. */
	x: number;
	y: number;
	w: number;
	h: number;
	/** The smallest claim title, in slide pixels. */
	textPx: number;
	/** Whether that is at least {@link SLIDE.minTextPx}: a map too big for one slide is not. */
	legible: boolean;
}

/**
 * Fits a map of `size` (map units) under the title block (`top` pixels high), centred, as large
 * as the slide allows; `smallestFont` is its smallest title font in map units.
 */
export function slideFrame(
	size: { w: number; h: number },
	smallestFont: number,
	top: number
): SlideFrame {
	const room = {
		w: SLIDE.width - 2 * SLIDE.margin,
		h: SLIDE.height - top - SLIDE.margin
	};
	const scale = Math.min(
		room.w / Math.max(1, size.w),
		room.h / Math.max(1, size.h),
		SLIDE.maxScale
	);
	const w = size.w * scale;
	const h = size.h * scale;
	const textPx = smallestFont * scale;
	return {
		scale,
		x: (SLIDE.width - w) / 2,
		y: top + (room.h - h) / 2,
		w,
		h,
		textPx,
		legible: textPx >= SLIDE.minTextPx
	};
}

/** The title block's height: the title, and the line under it when there is one. */
export function slideTop(subtitle: boolean): number {
	return SLIDE.margin + SLIDE.titlePx * 1.2 + (subtitle ? SLIDE.subtitlePx * 1.4 : 0) + 24;
}
