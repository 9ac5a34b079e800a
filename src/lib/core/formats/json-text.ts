import type { Debate } from '../schema/debate';

/**
 * A debate written as Counterpoint JSON. Needs no other module: a student whose connection has
 * dropped can still hand in this way when the YAML writer was never loaded.
 */
export function debateToJson(debate: Debate): string {
	return JSON.stringify(debate, null, 2) + '\n';
}
