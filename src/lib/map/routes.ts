import type { Point } from './comb-layout';

/**
 * Cytoscape style for an edge that follows bend points: `segments` edges take each point as a
 * weight along the line between the two node centres and a distance perpendicular to it.
 * `source`/`target` are node centres; `from`/`to` are where the line leaves and enters, as
 * offsets from those centres in percent of the node's size.
 */
export function segmentStyle(
	source: Point,
	target: Point,
	points: Point[],
	from: { x: number; y: number },
	to: { x: number; y: number }
): Record<string, string> {
	const dx = target.x - source.x;
	const dy = target.y - source.y;
	const len2 = dx * dx + dy * dy || 1;
	const len = Math.sqrt(len2);
	const weights: string[] = [];
	const distances: string[] = [];
	for (const p of points) {
		const px = p.x - source.x;
		const py = p.y - source.y;
		weights.push(((px * dx + py * dy) / len2).toFixed(4));
		distances.push(((py * dx - px * dy) / len).toFixed(2));
	}
	return {
		'curve-style': 'segments',
		'edge-distances': 'node-position',
		'segment-weights': weights.join(' '),
		'segment-distances': distances.join(' '),
		'source-endpoint': `${from.x.toFixed(1)}% ${from.y.toFixed(1)}%`,
		'target-endpoint': `${to.x.toFixed(1)}% ${to.y.toFixed(1)}%`
	};
}
