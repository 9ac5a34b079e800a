/**
 * What the steps of reading `@argdown/core`'s model into a debate share: the claims-to-be
 * (`Node`), the relations between them (`Edge`), and the keys that name both before the claims
 * have ids. See `map-model.ts` for the order the steps run in.
 */
import type { IStatement } from '@argdown/core/dist/model/model.js';
import type { Stance } from '../../schema/debate';

/** A statement (`s:Title`) or an argument (`a:Title`) of the model, before it has a claim id. */
export type Key = string;
/** What a relation points at: a claim, or the relation from one claim to another (an undercut). */
export type Target = { to: Key } | { link: { from: Key; to: Key } };

/** One relation read from the model, from a claim to its target. */
export interface Edge {
	from: Key;
	target: Target;
	stance: Stance;
	line: number;
	/** Written on the line that defines `from`: the author's indented tree. */
	defining: boolean;
}

/** A statement or argument of the model that becomes one claim. */
export interface Node {
	key: Key;
	kind: 'statement' | 'argument';
	title: string;
	/** The title was written by the author, not made up by `@argdown/core` ("Untitled 3"). */
	explicit: boolean;
	text: string;
	line: number;
	data: Record<string, unknown>;
	tags: string[];
	/** The claim's id, given once every node is read (`assignIds`). */
	id: string;
}

/** Records a warning on a line of the file being read. */
export type Warn = (line: number, message: string, hint?: string) => void;

/** A plain object: Argdown data and front matter, as opposed to a list or a scalar. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The key of a statement or argument as the model refers to it (`{type, title}`). */
export const keyOf = (m: { type: string; title?: string }): Key =>
	`${m.type === 'argument' ? 'a' : 's'}:${m.title ?? ''}`;
/** The claim a relation hangs under: its target, or the supporting end of the undercut relation. */
export const parentOf = (t: Target): Key => ('to' in t ? t.to : t.link.from);
/** A target as one string, to tell repeated relations apart. */
export const targetKey = (t: Target): string => ('to' in t ? t.to : `${t.link.from}~>${t.link.to}`);
/** Orders model elements by the line they start on. */
export const byLine = (a: { startLine?: number }, b: { startLine?: number }) =>
	(a.startLine ?? 0) - (b.startLine ?? 0);

/** A statement's text without the `#tags` that end it (they become claim tags). */
export function memberText(s: IStatement): string {
	let text = s.text ?? '';
	const tags = (s.ranges ?? []).filter((r) => r.type === 'tag').sort((a, b) => b.start - a.start);
	for (const r of tags) {
		if (text.slice(r.stop + 1).trim() !== '') break;
		text = text.slice(0, r.start);
	}
	return text.replace(/\s+/g, ' ').trim();
}
