/**
 * The format's words and limits as plain values, with no zod: what the page needs on its first
 * load (reading a link, drawing labels, sizing a form) without loading the validator. The zod
 * schemas in `debate.ts` are built from these, so there is still one definition of each.
 */

/** Maximum length of a claim's `text`: it is the node label, so it must stay short. */
export const CLAIM_TEXT_MAX = 160;

/** Maximum length of a claim's short `title`, shown on the zoomed-out map. */
export const CLAIM_TITLE_MAX = 48;

/** Ids name things inside one debate and appear in URLs (`?claim=p01`). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Whether `s` is a well-formed id (not whether the debate has it). */
export const isId = (s: string): boolean => ID_PATTERN.test(s);

/** A BCP 47-style language tag as used in debate files: `en`, `zh`, `zh-Hant`, `pt-BR`. */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Whether a claim supports (`pro`) or objects to (`con`) its target. */
export const STANCES = ['pro', 'con'] as const;

/** What a piece of evidence is. */
export const EVIDENCE_KINDS = [
	'quote',
	'statistic',
	'event',
	'opinion',
	'study',
	'document'
] as const;

/** What a source is. */
export const SOURCE_TYPES = [
	'article',
	'essay',
	'letter',
	'license',
	'report',
	'post',
	'transcript',
	'book',
	'other'
] as const;

/** How far a source has been checked. */
export const SOURCE_STATUSES = ['confirmed', 'secondary', 'unconfirmed'] as const;
