import type { Debate } from '../schema/debate';
import type { Poll } from '../schema/poll';
export { debateToJson } from '../formats/json-text';

/**
 * A student's hand-in: the debate as they see it (their additions are the claims marked
 * `contributor`) with their stance poll, written as Counterpoint YAML, or as Counterpoint JSON
 * when the YAML writer cannot be had (the classroom's connection dropped before it loaded).
 * This module is light on purpose: the JSON form needs nothing that must be downloaded.
 */

/** The debate to hand in: with the student's stance poll when they answered any of it. */
export function handInDebate(debate: Debate, poll: Poll): Debate {
	const answered = poll.before || poll.after || poll.persuasive.length;
	return answered ? { ...debate, handIn: { poll } } : debate;
}

/** The file a hand-in is saved as: `llama-open-weights-additions.yaml`. */
export const handInFileName = (debateId: string, format: 'yaml' | 'json') =>
	`${debateId}-additions.${format}`;

/** The YAML writer, loaded apart from the page: fetch it early (when idle) to hand in offline. */
export const loadYamlWriter = () => import('../formats/native-text');
