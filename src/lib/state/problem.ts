/**
 * A problem with what this browser keeps (the reader's additions, their stance poll) that the
 * reader must know about. Kept as what happened, not as a sentence: the page words it in the
 * reader's language, and words it again when they switch.
 */
export type StoreProblem =
	| { kind: 'additions-unreadable' }
	| { kind: 'additions-full' }
	| { kind: 'additions-failed'; error: string }
	| { kind: 'poll-unreadable' }
	| { kind: 'poll-unavailable'; error: string }
	| { kind: 'poll-full' }
	| { kind: 'poll-failed'; error: string };
