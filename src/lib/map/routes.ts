import type { Point } from './comb-layout';

/**
 * How an edge follows bend points, as the data the `edge.routed` style maps (style.ts):
 * Cytoscape's `segments` edges take each point as a weight along the line between the two node
 * centres and a distance perpendicular to it. Carried as data, a whole map's routes go into
 * Cytoscape with its elements, rather than as one style override per edge afterwards.
 * `source`/`target` are node centres; `from`/`to` are where the line leaves and enters, as
 * offsets from those centres in percent of the node's size.
 */
export interface SegmentRoute {
	weights: string;
	distances: string;
	sourceEndpoint: string;
	targetEndpoint: string;
}

export function segmentRoute(
	source: Point,
	target: Point,
	points: Point[],
	from: { x: number; y: number },
	to: { x: number; y: number }
): SegmentRoute {
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
		weights: weights.join(' '),
		distances: distances.join(' '),
		sourceEndpoint: `${from.x.toFixed(1)}% ${from.y.toFixed(1)}%`,
		targetEndpoint: `${to.x.toFixed(1)}% ${to.y.toFixed(1)}%`
	};
}
