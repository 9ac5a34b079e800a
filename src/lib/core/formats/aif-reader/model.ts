/**
 * What the steps of reading an AIF file share: its JSON, its nodes and the graph their edges
 * make, the relations read from S-nodes, and small helpers for messages. See `decode.ts` for
 * the order the steps run in.
 */
import type { RelationTarget, Stance } from '../../schema/debate';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (v: unknown): v is JsonObject =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value of `key` in `o`, not one inherited (`"constructor"` is not a field of a node). */
export const own = (o: JsonObject, key: string): Json | undefined =>
	Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;

/** Ids may be strings or numbers ("510959", 12, "4_173158685654602051"). */
export function idOf(v: unknown): string | undefined {
	if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	return undefined;
}

/** A scalar as text; anything else (a list, an object, null) as no text. */
export function textOf(v: unknown): string {
	if (typeof v === 'string') return v;
	if (typeof v === 'number' || typeof v === 'boolean') return String(v);
	return '';
}

/** One node of the file, read. */
export interface AifNode {
	id: string;
	/** Upper-cased AIF type: I, RA, CA, MA, L, TA, YA, PA… */
	type: string;
	text: string;
	/** Position in the node list: relations are ordered by the S-node that made them. */
	index: number;
	/** A Counterpoint evidence I-node's `evidence` field (see `EVIDENCE_FIELD`), unchecked. */
	evidence?: Json;
}

/** The nodes of the file in order, and the nodes each one's edges come from and go to. */
export interface Graph {
	ordered: AifNode[];
	ins: (id: string) => AifNode[];
	outs: (id: string) => AifNode[];
}

/** A relation between claims (by claim id) that one S-node stands for. */
export interface Rel {
	from: string;
	target: RelationTarget;
	stance: Stance;
}

/** S-node types that relate claims: inference, conflict, rephrase. */
export const ARGUMENT = new Set(['RA', 'CA', 'MA']);
/** Node types of the dialogue layer: locutions, transitions, illocutions. */
export const DIALOGUE = new Set(['L', 'TA', 'YA']);
/** The stance of the relations each argument S-node type stands for. */
export const STANCE: Record<string, Stance> = { RA: 'pro', CA: 'con', MA: 'pro' };

/** Adds `value` to the list at `key`. */
export function push<T>(map: Map<string, T[]>, key: string, value: T) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** `s` matched literally inside a regular expression. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lists up to ten ids for a message: `"1", "2" and 3 more`. */
export function listIds(ids: string[]): string {
	const shown = ids.slice(0, 10).map((id) => `"${id}"`);
	return ids.length > 10 ? `${shown.join(', ')} and ${ids.length - 10} more` : shown.join(', ');
}

/** "1 node", "3 nodes". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The first line of a text, spaces folded, cut at a word to `max` characters with "…". */
export function shortTitle(text: string, max = 80): string {
	const first = text.trim().split(/\n\s*\n|\n/)[0] ?? '';
	const clean = first.replace(/\s+/g, ' ').trim();
	if (clean.length <= max) return clean;
	const cut = clean.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '') + '…';
}
