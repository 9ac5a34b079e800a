import { FONT } from './style';
import { estimateWidth, type Measure } from './wrap';

/**
 * Measures text with a canvas in the same font the map draws with, so wrapped labels fit their
 * nodes exactly. Falls back to an estimate where there is no canvas (node, old browsers).
 */
export function canvasMeasure(): Measure {
	if (typeof document === 'undefined') return estimateWidth;
	const ctx = document.createElement('canvas').getContext('2d');
	if (!ctx) return estimateWidth;
	return (text, fontSize, weight = 'normal') => {
		ctx.font = `${weight} ${fontSize}px ${FONT}`;
		return ctx.measureText(text).width;
	};
}
