/**
 * A problem with what this browser keeps of the reader's work on a debate (additions, stance
 * poll) that the reader must know about. Kept as what happened, not as a sentence: the page
 * words it in the reader's language, and words it again when they switch.
 */
export type StoreProblem = { kind: 'work-full' } | { kind: 'work-failed'; error: string };
