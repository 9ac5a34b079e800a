import type { ModerationOp } from '$lib/core/oplog/moderation';
import { OpLog } from '$lib/state/oplog.svelte';
import type { Outbox } from '$lib/state/outbox.svelte';

type Kind = ModerationOp['kind'];

/**
 * Sends one of the teacher's decisions: on addition `claim` (approve, hide, restore), or on the
 * session (`lock` with `on`, `end`); `tour` puts an addition in the tour or takes it out. The page changes when the server's event comes back.
 */
export function moderate(
	outbox: Outbox,
	what:
		| { kind: Extract<Kind, 'approve' | 'hide' | 'restore'>; claim: string }
		| { kind: 'lock'; on: boolean }
		| { kind: 'tour'; claim: string; on: boolean }
		| { kind: 'end' }
): Promise<boolean> {
	return outbox.moderate({ ...what, id: OpLog.newId(), at: Date.now() } as ModerationOp);
}
