import type { Core } from 'cytoscape';
import { slideFrame, slideTop } from '../core/view';
import type { ImageRequest, SlideResult } from '../state/debate-view.svelte';
import { NODE } from './elements';
import type { Scene } from './svg';

/*
 * The drawn map as a file: a picture (PNG or SVG) or a 16:9 slide. Each draws the map at the
 * level of detail it is read at, then hands it back to `restore` to set the zoom's own again.
 * The SVG writer and the slide's drawing are export code: they load when asked for.
 */

/** Two frames: label layout is cached per rendered frame, and must be redone for new texts. */
const nextFrames = () =>
	new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));

/** Browsers refuse (or run out of memory on) canvases much larger than this, in pixels. */
const MAX_SIDE = 16000;
const MAX_AREA = 120e6;

/** The whole map as a picture, with full texts whatever the zoom on screen. */
export async function exportImage(
	instance: Core,
	{ format, scale, background }: ImageRequest,
	restore: () => void
): Promise<Blob> {
	// A picture is for reading close up: full texts, whatever the zoom on screen.
	instance.batch(() => instance.nodes().removeClass('brief far'));
	// Let the renderer redo the label layout for full texts before drawing, or the picture gets
	// the zoomed-out line spacing.
	await nextFrames();
	const bg = background === 'white' ? '#ffffff' : undefined;
	try {
		if (format === 'svg') {
			const { sceneToSvg } = await import('./svg');
			return new Blob([sceneToSvg(sceneOf(instance), { background: bg })], {
				type: 'image/svg+xml'
			});
		}
		// A big map at 4× is drawn at the largest scale that fits, and the menu reports the size.
		const box = instance.elements().boundingBox();
		// 0.5 % short of the limit: Cytoscape rounds the canvas up, and the box it draws can be a
		// hair wider than this one (a 16,001-pixel picture was seen).
		const fit =
			0.995 *
			Math.min(
				MAX_SIDE / Math.max(1, box.w),
				MAX_SIDE / Math.max(1, box.h),
				Math.sqrt(MAX_AREA / Math.max(1, box.w * box.h))
			);
		return await instance.png({
			output: 'blob-promise',
			full: true,
			scale: Math.min(scale, fit),
			bg
		});
	} finally {
		restore();
	}
}

/**
 * A 16:9 slide of the map with its titles: short titles, as large as the slide allows; no
 * picture (`blob: null`) when even they would be too small to read.
 */
export async function exportSlide(
	instance: Core,
	titles: { title: string; subtitle?: string },
	restore: () => void
): Promise<SlideResult> {
	// A slide is read from the back of a room: short titles, as large as the slide allows.
	instance.batch(() => instance.nodes().removeClass('far').addClass('brief'));
	await nextFrames();
	try {
		const box = instance.elements().boundingBox();
		const smallest = Math.min(
			...instance.nodes().map((n) => Number(n.data('briefFontSize')) || NODE.fontSize)
		);
		const frame = slideFrame({ w: box.w, h: box.h }, smallest, slideTop(!!titles.subtitle));
		if (!frame.legible) return { blob: null, textPx: frame.textPx };
		const picture = await instance.png({
			output: 'blob-promise',
			full: true,
			scale: frame.scale,
			bg: '#ffffff'
		});
		const { drawSlide } = await import('./slide');
		return { blob: await drawSlide(picture, frame, titles), textPx: frame.textPx };
	} finally {
		restore();
	}
}

/** The drawn map's geometry, for the SVG export. */
function sceneOf(instance: Core): Scene {
	return {
		nodes: instance.nodes().map((node) => ({
			id: node.id(),
			...node.position(),
			w: node.data('width'),
			h: node.data('height'),
			classes: node.classes(),
			label: node.data('label'),
			fontSize: node.data('fontSize'),
			footer: node.data('standing')
		})),
		edges: instance.edges().map((edge) => {
			const segments = edge.style('curve-style') === 'segments';
			const middle = (segments ? edge.segmentPoints() : edge.controlPoints()) ?? [];
			return {
				id: edge.id(),
				classes: edge.classes(),
				points: [edge.sourceEndpoint(), ...middle, edge.targetEndpoint()],
				curve: segments ? 'segments' : 'bezier'
			};
		})
	};
}
