import type { Poll } from './poll';

// Reading a poll needs no validator (see vocabulary.ts).

/** How far the student moved toward the thesis (positive) or away from it; undefined until both answers exist. */
export function pollShift(poll: Poll): number | undefined {
	return poll.before && poll.after ? poll.after.stance - poll.before.stance : undefined;
}

/** Where a stance on the 0–100 scale falls, in five bands; each UI language words them. */
export type StanceBand = 'strongly-against' | 'against' | 'undecided' | 'for' | 'strongly-for';

/** The band of a stance on the 0–100 scale. */
export function stanceBand(stance: number): StanceBand {
	if (stance <= 15) return 'strongly-against';
	if (stance <= 40) return 'against';
	if (stance < 60) return 'undecided';
	if (stance < 85) return 'for';
	return 'strongly-for';
}
