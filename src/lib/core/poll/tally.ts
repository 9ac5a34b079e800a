import type { Poll } from '../schema/poll';
import { pollShift, stanceBand, type StanceBand } from '../schema/poll-scale';

/**
 * A class's stance polls counted: how many stood where before the discussion and after it (in
 * the five bands of the 0–100 scale), how many answered, how far they moved on average, and which
 * claims they found most persuasive. Each student counts once: a poll handed in again replaces
 * the earlier one.
 */

/** The bands of the scale, from strongly against to strongly for. */
export const STANCE_BANDS: readonly StanceBand[] = [
	'strongly-against',
	'against',
	'undecided',
	'for',
	'strongly-for'
];

/** The lowest and highest stance of each band, read off `stanceBand` so the two cannot drift. */
export const BAND_RANGES: Readonly<Record<StanceBand, readonly [number, number]>> = (() => {
	const out = {} as Record<StanceBand, [number, number]>;
	for (let stance = 0; stance <= 100; stance++) {
		const band = stanceBand(stance);
		out[band] = [out[band]?.[0] ?? stance, stance];
	}
	return out;
})();

/** One student's poll in a class. */
export interface StudentPoll {
	/** Tells students apart (see `studentKey`): a poll with the same key replaces the earlier one. */
	key: string;
	/** How the student is shown: their name, else the name of the file they handed in. */
	student: string;
	poll: Poll;
}

/**
 * What tells one student's poll from another's: the name they gave; without one, when they first
 * answered (a student who re-answers "before" and hands in again without a name counts twice,
 * which is better than two nameless students counting as one); with neither, the file.
 */
export function studentKey(name: string | undefined, poll: Poll, file: string): string {
	if (name) return `name:${name}`;
	const at = poll.before?.at ?? poll.after?.at;
	return at ? `at:${at}` : `file:${file}`;
}

/** The class's polls with `entry` in it: in place of the same student's earlier poll, if any. */
export function withStudentPoll(
	polls: readonly StudentPoll[],
	entry: StudentPoll
): { polls: StudentPoll[]; replaced: boolean } {
	const at = polls.findIndex((p) => p.key === entry.key);
	if (at < 0) return { polls: [...polls, entry], replaced: false };
	return { polls: polls.map((p, i) => (i === at ? entry : p)), replaced: true };
}

export interface BandCount {
	band: StanceBand;
	/** The stances the band holds, both included: 0–15, 16–40… */
	from: number;
	to: number;
	before: number;
	after: number;
}

export interface PollTally {
	/** Polls counted (one a student). */
	students: number;
	/** How many answered before, after, and both. */
	answeredBefore: number;
	answeredAfter: number;
	answeredBoth: number;
	/** Every band, in order, with how many stood there before and after. */
	bands: BandCount[];
	/** The mean of after − before over those who answered both; undefined when no one did. */
	averageShift: number | undefined;
	/** Claims marked most persuasive, by how many students marked each: most first. */
	persuasive: { id: string; count: number }[];
}

/** Counts a class's polls (each student's once). */
export function tallyPolls(polls: readonly Poll[]): PollTally {
	const bands: BandCount[] = STANCE_BANDS.map((band) => ({
		band,
		from: BAND_RANGES[band][0],
		to: BAND_RANGES[band][1],
		before: 0,
		after: 0
	}));
	const index = new Map(STANCE_BANDS.map((b, i) => [b, i]));
	const votes = new Map<string, number>();
	let shifts = 0;
	let answeredBoth = 0;
	for (const poll of polls) {
		if (poll.before) bands[index.get(stanceBand(poll.before.stance))!]!.before++;
		if (poll.after) bands[index.get(stanceBand(poll.after.stance))!]!.after++;
		const shift = pollShift(poll);
		if (shift !== undefined) {
			shifts += shift;
			answeredBoth++;
		}
		// A claim marked twice in one poll is still one student's vote.
		for (const id of new Set(poll.persuasive)) votes.set(id, (votes.get(id) ?? 0) + 1);
	}
	return {
		students: polls.length,
		answeredBefore: polls.filter((p) => p.before).length,
		answeredAfter: polls.filter((p) => p.after).length,
		answeredBoth,
		bands,
		averageShift: answeredBoth ? shifts / answeredBoth : undefined,
		// Most votes first; a tie keeps the order claims were first marked in.
		persuasive: [...votes].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count)
	};
}
