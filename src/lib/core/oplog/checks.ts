import { z } from '../schema/zod';
import { Contribution } from '../contrib/contribution';
import { Poll } from '../schema/poll';
import { formatPath } from '../load/diagnostic';
import { Op } from './op';
import { ModerationOp } from './moderation';

/**
 * Reading operations from storage or the network: each is checked on its own, so one that
 * cannot be read is put aside and every other one is kept. Loaded when first needed (it brings
 * zod), never with the map page.
 */

/** A record that did not pass, by its place in the input, with what is wrong. */
export interface Unreadable {
	index: number;
	problem: string;
}

/** The operations that pass the schema, and the places of those that do not. */
export function readOps(raw: readonly unknown[]): { ops: Op[]; unreadable: Unreadable[] } {
	const ops: Op[] = [];
	const unreadable: Unreadable[] = [];
	raw.forEach((item, index) => {
		const parsed = Op.safeParse(item);
		if (parsed.success) ops.push(parsed.data);
		else unreadable.push({ index, problem: firstProblem(parsed.error) });
	});
	return { ops, unreadable };
}

/** A teacher's moderation (approve, hide, restore, lock, end) if it passes its schema. */
export function readModeration(raw: unknown): ModerationOp | undefined {
	const parsed = ModerationOp.safeParse(raw);
	return parsed.success ? parsed.data : undefined;
}

/** An addition that would not be read back from storage, and why. */
export interface Refused {
	value: Contribution;
	problem: string;
}

/**
 * Additions about to be stored, held to the rules stored operations are read back with (a put's
 * value is a `Contribution`): one that would be put aside on the next opening is refused now, on
 * its own, and the others pass.
 */
export function checkContributions(values: readonly Contribution[]): {
	ok: Contribution[];
	refused: Refused[];
} {
	const ok: Contribution[] = [];
	const refused: Refused[] = [];
	for (const value of values) {
		const parsed = Contribution.safeParse(value);
		if (parsed.success) ok.push(value);
		else refused.push({ value, problem: firstProblem(parsed.error) });
	}
	return { ok, refused };
}

function firstProblem(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'not an operation';
	return issue.path.length ? `${formatPath(issue.path)}: ${issue.message}` : issue.message;
}

/**
 * A short, stable id from text (FNV-1a, 64 bits, hex): the same stored item becomes the same
 * operation in every tab that converts it, so two tabs converting at once store it once.
 */
function stableId(prefix: string, text: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x01000193;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
		h2 = Math.imul(h2 ^ c, 0x85ebca6b) >>> 0;
	}
	return `${prefix}-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

/** The person and tab of operations converted from an earlier version's store. */
const EARLIER = 'earlier-version';

/**
 * An earlier version kept a debate's additions as one list: each readable item becomes a put
 * (and a delete, if it was deleted) at its own `updatedAt`; each unreadable one is returned on
 * its own, to be kept aside while the rest are kept.
 */
export function fromLegacyContributions(items: unknown): { ops: Op[]; unreadable: unknown[] } {
	const list = Array.isArray(items) ? items : [items];
	const ops: Op[] = [];
	const unreadable: unknown[] = [];
	for (const item of list) {
		const parsed = Contribution.safeParse(item);
		if (!parsed.success) {
			unreadable.push(item);
			continue;
		}
		const c = parsed.data;
		const key = `${c.id}:${c.updatedAt}`;
		const group = stableId('legacy', key);
		const envelope = { actor: EARLIER, tab: EARLIER, group, base: null };
		ops.push(
			Op.parse({
				...envelope,
				id: stableId('legacy-put', key),
				kind: 'put',
				at: c.updatedAt,
				value: { ...c, deleted: undefined }
			})
		);
		if (c.deleted)
			ops.push(
				Op.parse({
					...envelope,
					id: stableId('legacy-del', key),
					kind: 'delete',
					at: c.updatedAt + 1,
					claim: c.id
				})
			);
	}
	return { ops, unreadable };
}

/** An earlier version's stance poll as operations; null when it cannot be read. */
export function fromLegacyPoll(poll: unknown, savedAt: number): Op[] | null {
	const parsed = Poll.safeParse(poll);
	if (!parsed.success) return null;
	const p = parsed.data;
	const at = Number.isSafeInteger(savedAt) && savedAt > 0 ? savedAt : 0;
	const envelope = (what: string) => ({
		actor: EARLIER,
		tab: EARLIER,
		group: stableId('legacy-poll', `${at}`),
		id: stableId('legacy-poll', `${what}:${at}`),
		at
	});
	const ops: Op[] = [];
	for (const when of ['before', 'after'] as const) {
		const answer = p[when];
		if (answer) ops.push(Op.parse({ ...envelope(when), kind: 'stance', when, answer }));
	}
	for (const claim of p.persuasive)
		ops.push(Op.parse({ ...envelope(`persuasive:${claim}`), kind: 'persuasive', claim, on: true }));
	return ops;
}
