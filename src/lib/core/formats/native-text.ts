import { stringify } from 'yaml';
import type { Debate } from '../schema/debate';

/**
 * A debate written as Counterpoint YAML, the form `arguments/` holds. Apart from the readers so
 * that a page can load just this (a student handing in their additions) ahead of need.
 */
export function debateToYaml(debate: Debate): string {
	return stringify(debate, { lineWidth: 100 });
}
