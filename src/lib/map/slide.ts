import { SLIDE, type SlideFrame } from '$lib/core/view/slide';

/** What a slide says above the map: a short title, and the debate's title under a focus. */
export interface SlideTitles {
	title: string;
	subtitle?: string;
}

/** The page's own fonts (app.css), Chinese ones included, for the titles drawn on the canvas. */
const FONT =
	"system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', sans-serif";

/**
 * Draws a slide: a white 1920 × 1080 ground, the title block, and the map picture (drawn by
 * Cytoscape at `frame.scale`) in its frame. Returns the PNG.
 */
export async function drawSlide(
	picture: Blob,
	frame: SlideFrame,
	titles: SlideTitles
): Promise<Blob> {
	const canvas = document.createElement('canvas');
	canvas.width = SLIDE.width;
	canvas.height = SLIDE.height;
	const ctx = canvas.getContext('2d');
	if (!ctx) throw new Error('this browser cannot draw on a canvas');
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, SLIDE.width, SLIDE.height);
	ctx.textBaseline = 'top';
	const width = SLIDE.width - 2 * SLIDE.margin;
	ctx.fillStyle = '#111827';
	ctx.font = `700 ${SLIDE.titlePx}px ${FONT}`;
	ctx.fillText(fitText(ctx, titles.title, width), SLIDE.margin, SLIDE.margin);
	if (titles.subtitle) {
		ctx.fillStyle = '#374151';
		ctx.font = `400 ${SLIDE.subtitlePx}px ${FONT}`;
		ctx.fillText(
			fitText(ctx, titles.subtitle, width),
			SLIDE.margin,
			SLIDE.margin + SLIDE.titlePx * 1.25
		);
	}
	const bitmap = await createImageBitmap(picture);
	ctx.drawImage(bitmap, frame.x, frame.y, frame.w, frame.h);
	bitmap.close();
	return new Promise((done, fail) =>
		canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('no picture'))), 'image/png')
	);
}

/** `text`, cut with an ellipsis where it would run past `width` in the canvas's current font. */
function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
	if (ctx.measureText(text).width <= width) return text;
	const chars = [...text];
	let lo = 0;
	let hi = chars.length;
	// The longest start that fits with its ellipsis (binary search: titles can be long).
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (ctx.measureText(`${chars.slice(0, mid).join('').trimEnd()}…`).width <= width) lo = mid;
		else hi = mid - 1;
	}
	return `${chars.slice(0, lo).join('').trimEnd()}…`;
}
