import type { PollAnswer } from '../core/schema/poll';
import { OpLog } from './oplog.svelte';

/**
 * A student's stance poll on one debate — before and after the discussion, and the claims they
 * found most persuasive: a view of the debate's operation log. Each answer and each mark is an
 * operation of its own, so a tab that has not heard of another's answer cannot overwrite it.
 */
export class PollStore {
	constructor(readonly log: OpLog) {}

	get poll() {
		return this.log.state.poll;
	}

	/** A problem saving the reader's work, shown in the poll's dialog too (it covers the page). */
	get problem() {
		return this.log.problem;
	}

	answer(when: 'before' | 'after', stance: number, why: string) {
		const answer: PollAnswer = {
			stance: Math.round(Math.min(100, Math.max(0, stance))),
			...(why.trim() ? { why: why.trim().slice(0, 500) } : {}),
			// A timestamp, not state.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			at: new Date().toISOString()
		};
		return this.log.append([{ ...this.envelope(), kind: 'stance', when, answer }]);
	}

	isPersuasive(id: string) {
		return this.poll.persuasive.includes(id);
	}

	togglePersuasive(id: string) {
		return this.log.append([
			{ ...this.envelope(), kind: 'persuasive', claim: id, on: !this.isPersuasive(id) }
		]);
	}

	private envelope() {
		const id = OpLog.newId();
		const { actor, tab } = this.log.identity;
		return { id, group: id, actor, tab, at: this.log.nextAt() };
	}
}
