import type { StoreProblem } from '$lib/state/problem';
import { t } from './i18n';

/** A storage problem in the reader's language; empty when there is none. */
export function problemText(problem: StoreProblem | null): string {
	if (!problem) return '';
	switch (problem.kind) {
		case 'additions-unreadable':
			return t.problem_additions_unreadable();
		case 'additions-full':
			return t.problem_additions_full();
		case 'additions-failed':
			return t.problem_additions_failed({ error: problem.error });
		case 'poll-unreadable':
			return t.problem_poll_unreadable();
		case 'poll-unavailable':
			return t.problem_poll_unavailable({ error: problem.error });
		case 'poll-full':
			return t.problem_poll_full();
		case 'poll-failed':
			return t.problem_poll_failed({ error: problem.error });
	}
}
