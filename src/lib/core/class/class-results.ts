import type { Op } from '../oplog/op';
import { replay } from '../oplog/replay';
import type { PollTally } from '../poll/tally';
import type { Poll } from '../schema/poll';
import { TEACHER } from './permissions';

/**
 * A class session's results as the teacher's page counts them, live: each student's stance poll
 * and "most persuasive" marks, how much each student did, and the base scores that weigh the
 * map with the class's votes. Pure.
 */

/** One student's part in the session. */
export interface StudentPart {
	/** The participant id the server gave. */
	id: string;
	poll: Poll;
	/** Their additions on the map now (deleted ones not counted). */
	additions: number;
}

/**
 * Each student's poll and count of additions, from the session's events (`by`: who the server
 * says made each). The teacher's own answers are not the class's.
 */
export function studentParts(events: Iterable<{ by: string; op: Op }>): StudentPart[] {
	const byStudent = new Map<string, Op[]>();
	for (const { by, op } of events) {
		if (by === TEACHER || !by) continue;
		let ops = byStudent.get(by);
		if (!ops) byStudent.set(by, (ops = []));
		ops.push(op);
	}
	return [...byStudent].map(([id, ops]) => {
		const r = replay(ops);
		return { id, poll: r.poll, additions: r.items.filter((c) => !c.deleted).length };
	});
}

/**
 * The base score of each claim as the class judges it: a claim marked most persuasive by every
 * student who voted starts at 1, one nobody marked keeps the neutral 0.5, and in between in
 * proportion (half the voters: 0.75). Not marking a claim is not a vote against it, so no claim
 * goes below 0.5 on the class's word.
 */
export function classBaseScores(tally: PollTally, voters: number): Record<string, number> {
	const scores: Record<string, number> = {};
	if (voters === 0) return scores;
	for (const { id, count } of tally.persuasive)
		scores[id] = 0.5 + 0.5 * Math.min(1, count / voters);
	return scores;
}
