import { isoNow } from '../core/contrib/overlay';
import type { Poll, PollAnswer } from '../core/schema/poll';
import { openStore } from './db';
import type { StoreProblem } from './problem';

/**
 * A student's stance poll on one debate — before and after the discussion, and the claims they
 * found most persuasive — saved in this browser after every change. An unreadable record is
 * reported and replaced only when the student saves again (it is kept aside first).
 */
export class PollStore {
	poll = $state.raw<Poll>({ persuasive: [] });
	problem = $state<StoreProblem | null>(null);

	constructor(readonly debateId: string) {}

	async load() {
		try {
			const record = await (await openStore()).get('polls', this.debateId);
			if (!record) return;
			// The schema loads only when there is a stored poll to check, not with the page.
			const { Poll } = await import('../core/schema/poll');
			const parsed = Poll.safeParse(record.poll);
			if (parsed.success) this.poll = parsed.data;
			else {
				const db = await openStore();
				await db.put('quarantine', {
					key: `polls:${this.debateId}:${isoNow()}`,
					store: 'polls',
					reason: 'unreadable poll found on opening',
					keptAt: isoNow(),
					value: record.poll
				});
				this.problem = { kind: 'poll-unreadable' };
			}
		} catch (e) {
			this.problem = { kind: 'poll-unavailable', error: (e as Error).message };
		}
	}

	answer(when: 'before' | 'after', stance: number, why: string) {
		const answer: PollAnswer = {
			stance: Math.round(Math.min(100, Math.max(0, stance))),
			...(why.trim() ? { why: why.trim().slice(0, 500) } : {}),
			at: isoNow()
		};
		return this.set({ ...this.poll, [when]: answer });
	}

	isPersuasive(id: string) {
		return this.poll.persuasive.includes(id);
	}

	togglePersuasive(id: string) {
		const list = this.poll.persuasive;
		return this.set({
			...this.poll,
			persuasive: list.includes(id) ? list.filter((p) => p !== id) : [...list, id].slice(0, 50)
		});
	}

	private async set(next: Poll) {
		this.poll = next;
		try {
			await (
				await openStore()
			).put('polls', {
				debateId: this.debateId,
				poll: next,
				savedAt: Date.now()
			});
			this.problem = null;
		} catch (e) {
			const full = (e as { name?: string }).name === 'QuotaExceededError';
			this.problem = full
				? { kind: 'poll-full' }
				: { kind: 'poll-failed', error: (e as Error).message };
		}
	}
}
