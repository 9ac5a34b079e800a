import { encode } from 'uqr';

/**
 * A QR code as one SVG path: the dark modules, one unit square each, with the four-module quiet
 * zone the standard asks for around them. Drawn as markup the app builds itself (no HTML string),
 * so it scales to any size and prints sharp. Error correction M: readable with a little glare
 * from a projector.
 */
export function qrPath(text: string): { size: number; d: string } {
	const border = 4;
	const { size, data } = encode(text, { ecc: 'M', border });
	let d = '';
	data.forEach((row, y) => {
		row.forEach((dark, x) => {
			if (dark) d += `M${x} ${y}h1v1h-1z`;
		});
	});
	return { size, d };
}
