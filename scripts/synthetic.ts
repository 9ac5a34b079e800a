/**
 * Deterministic synthetic debates for `npm run bench`: the same seed gives the same debate on
 * every run and every machine, so timings compare.
 */

export type Shape = 'tree' | 'tree+links';

/** A deterministic pseudo-random generator (mulberry32), so every run benches the same debate. */
function rng(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS =
	'open weights model safety release meta llama risk research community licence cost innovation misuse regulation competition trust benchmark developer data'.split(
		' '
	);

/** A debate of `n` claims: each answers a random earlier one (at most 20 levels deep). */
export function syntheticDebate(n: number, shape: Shape) {
	const random = rng(n * 7 + (shape === 'tree' ? 1 : 2));
	const depth = [0];
	const claims: Record<string, unknown>[] = [
		{ id: 'c0', text: 'The thesis of a synthetic debate.' }
	];
	const sentence = () =>
		Array.from(
			{ length: 8 + Math.floor(random() * 10) },
			() => WORDS[Math.floor(random() * WORDS.length)]
		)
			.join(' ')
			.slice(0, 150) + '.';
	for (let i = 1; i < n; i++) {
		let parent = Math.floor(random() * i);
		while (depth[parent]! >= 20) parent = Math.floor(random() * i);
		depth.push(depth[parent]! + 1);
		claims.push({
			id: `c${i}`,
			stance: random() < 0.5 ? 'pro' : 'con',
			target: `c${parent}`,
			text: sentence()
		});
	}
	if (shape === 'tree+links') {
		for (let k = 0; k < Math.floor(n / 10); k++) {
			const from = 1 + Math.floor(random() * (n - 1));
			const to = Math.floor(random() * from);
			const c = claims[from]!;
			if (c.target === `c${to}`) continue;
			c.also = [
				...((c.also as unknown[]) ?? []),
				{ target: `c${to}`, stance: random() < 0.5 ? 'pro' : 'con' }
			];
		}
	}
	return {
		formatVersion: 1,
		id: 'synthetic',
		title: `Synthetic ${n} (${shape})`,
		summary: 'Generated for the benchmark.',
		language: 'en',
		thesis: 'c0',
		claims
	};
}
