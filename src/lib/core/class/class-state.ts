import type { ModerationOp } from '../oplog/moderation';
import type { Op } from '../oplog/op';
import { TEACHER, type Visibility } from './permissions';

/**
 * What a class session's stream says beyond the additions themselves, as one browser has seen
 * it: which additions wait for the teacher's approval or are hidden from the class, which the
 * teacher reworded, and whether the session is locked or over. Derived from the events in the
 * order the server numbered them (their `seq`), so every screen that has seen the same events
 * shows the same thing. Pure: the page keeps the events, this reads them.
 */

/** One event of the session's log as the browser keeps it. */
export type ClassEvent =
	{ seq: number; by: string; op: Op } | { seq: number; by: string; mod: ModerationOp };

export interface ClassState {
	/** Additions that are not shown to the class (waiting for approval, or hidden). */
	states: ReadonlyMap<string, Exclude<Visibility, 'shown'>>;
	/** Who first wrote each addition (a participant id, or `teacher`). */
	owners: ReadonlyMap<string, string>;
	/** Additions the teacher changed after a student wrote them. */
	edited: ReadonlySet<string>;
	/** Additions the teacher put in the tour, in the order they were put there. */
	tour: readonly string[];
	locked: boolean;
	ended: boolean;
}

/**
 * Replays the session's events. `by` is who the server says made each (a participant id or
 * `teacher`), never what an operation says of itself. In an approve-first session a student's
 * new addition waits until the teacher approves it; the teacher's own never waits.
 */
export function classState(
	events: Iterable<ClassEvent>,
	moderation: 'open' | 'approve'
): ClassState {
	const sorted = [...events].sort((a, b) => a.seq - b.seq);
	const states = new Map<string, Exclude<Visibility, 'shown'>>();
	const owners = new Map<string, string>();
	const edited = new Set<string>();
	const tour = new Set<string>();
	let locked = false;
	let ended = false;
	for (const e of sorted) {
		if ('op' in e) {
			if (e.op.kind !== 'put') continue;
			const id = e.op.value.id;
			const owner = owners.get(id);
			if (owner === undefined) {
				owners.set(id, e.by);
				if (moderation === 'approve' && e.by !== TEACHER) states.set(id, 'pending');
			} else if (owner !== e.by && e.by === TEACHER) edited.add(id);
			continue;
		}
		const m = e.mod;
		switch (m.kind) {
			case 'approve':
			case 'restore':
				states.delete(m.claim);
				break;
			case 'hide':
				states.set(m.claim, 'hidden');
				break;
			case 'tour':
				// Taken off and put back: it goes to the end of the order, as the teacher did it.
				tour.delete(m.claim);
				if (m.on) tour.add(m.claim);
				break;
			case 'lock':
				locked = m.on;
				break;
			case 'end':
				ended = true;
				break;
		}
	}
	return { states, owners, edited, tour: [...tour], locked, ended };
}

/**
 * Whether `viewer` sees addition `id` on the map: the teacher sees everything (marked), a
 * student their own additions (marked) and what is shown to the class.
 */
export function seenBy(
	state: ClassState,
	id: string,
	viewer: { role: 'teacher' | 'student'; actor: string }
): boolean {
	if (viewer.role === 'teacher' || !state.states.has(id)) return true;
	return state.owners.get(id) === viewer.actor;
}
