/** Edit distance between two short strings (ids), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
	const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let diag = prev[0]!;
		prev[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const up = prev[j]!;
			prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
			diag = up;
		}
	}
	return prev[b.length]!;
}

/** The known id closest to `wrong`, if it is close enough to be a likely typo. */
export function closest(wrong: string, known: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	const limit = Math.max(1, Math.floor(wrong.length / 3));
	for (const candidate of known) {
		const d = editDistance(wrong.toLowerCase(), candidate.toLowerCase());
		if (d < bestDistance) {
			best = candidate;
			bestDistance = d;
		}
	}
	return bestDistance <= limit ? best : undefined;
}

export function didYouMean(wrong: string, known: Iterable<string>): string | undefined {
	const guess = closest(wrong, known);
	return guess === undefined ? undefined : `did you mean "${guess}"?`;
}
