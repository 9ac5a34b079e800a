import type { StoreProblem } from '$lib/state/problem';
import { t } from './i18n';

/** A storage problem in the reader's language; empty when there is none. */
export function problemText(problem: StoreProblem | null): string {
	if (!problem) return '';
	switch (problem.kind) {
		case 'work-full':
			return t.problem_work_full();
		case 'work-failed':
			return t.problem_work_failed({ error: problem.error });
	}
}
