import type { z } from 'zod';
import { didYouMean } from './suggest';
import { Actor, Claim, Debate, Evidence, Relation, Source, Tag } from '../schema/debate';

/** A schema problem in plain words, before it is given a place in the file. */
export interface PlainIssue {
	path: PropertyKey[];
	message: string;
	hint?: string;
	/** Point at the field name rather than its value (unknown or missing fields). */
	atKey?: boolean;
}

const LOCALISED_HINT = 'write text, or text per language: { en: "…", zh: "…" }';
const RELATION_TARGET_HINT =
	'write a claim id, or { from: <claim id>, to: <claim id> } for an undercut';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let v: unknown = data;
	for (const seg of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<PropertyKey, unknown>)[seg];
	}
	return v;
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	if (typeof value === 'string')
		return `the text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	array: 'a list',
	object: 'a mapping of fields',
	record: 'a mapping of fields',
	boolean: 'true or false'
};

/** How far down a branch of a union got: the branch that failed deepest is the one meant. */
function depthOf(issues: readonly z.core.$ZodIssue[]): number {
	let best = 0;
	for (const i of issues) {
		const shallowType = i.code === 'invalid_type' && i.path.length === 0 ? 0 : 1;
		best = Math.max(best, i.path.length + shallowType);
	}
	return best;
}

/**
 * Turns zod's issues into messages an author can act on, with did-you-mean hints; at most
 * `limit` of them (a hostile file can have 200,000 unknown fields, each worth a hint).
 */
export function plainIssues(
	issues: readonly z.core.$ZodIssue[],
	data: unknown,
	base: PropertyKey[] = [],
	limit = Infinity
): PlainIssue[] {
	const out: PlainIssue[] = [];
	for (const issue of issues) {
		if (out.length >= limit) break;
		const path = [...base, ...issue.path];
		const value = valueAt(data, path);
		switch (issue.code) {
			case 'invalid_union': {
				// Pick the branch that matched furthest: `text` is a string or a per-language mapping,
				// and a 200-character string should hear "too long", not "expected a mapping".
				const branches = issue.errors;
				let chosen = branches[0] ?? [];
				for (const b of branches) if (depthOf(b) > depthOf(chosen)) chosen = b;
				if (value === undefined) {
					const name = String(path.at(-1));
					out.push({
						path,
						message: `missing required field "${name}"`,
						hint: LOCALISED_HINT,
						atKey: true
					});
				} else if (depthOf(chosen) === 0) {
					const isTarget = path.at(-1) === 'target';
					out.push({
						path,
						message: `must not be ${describe(value)}`,
						hint: isTarget ? RELATION_TARGET_HINT : LOCALISED_HINT
					});
				} else out.push(...plainIssues(chosen, data, path, limit - out.length));
				break;
			}
			case 'invalid_type': {
				const expected = EXPECTED[issue.expected] ?? issue.expected;
				if (value === undefined) {
					out.push({
						path,
						message: `missing required field "${String(path.at(-1))}"`,
						hint: `add it as ${expected}`,
						atKey: true
					});
				} else {
					out.push({ path, message: `must be ${expected}, not ${describe(value)}` });
				}
				break;
			}
			case 'unrecognized_keys': {
				for (const key of issue.keys.slice(0, limit - out.length)) {
					out.push({
						path: [...path, key],
						message: `unknown field "${key}"`,
						hint:
							didYouMean(key, knownFieldsFor(path)) ??
							'remove it, or check its spelling and indentation',
						atKey: true
					});
				}
				break;
			}
			case 'invalid_value': {
				const options = issue.values.map(String);
				const hint = typeof value === 'string' ? didYouMean(value, options) : undefined;
				const expected = options.length === 1 ? `${options[0]}` : `one of: ${options.join(', ')}`;
				out.push({ path, message: `must be ${expected}, not ${describe(value)}`, hint });
				break;
			}
			case 'too_big':
			case 'too_small': {
				const len =
					typeof value === 'string' || Array.isArray(value)
						? ` (it has ${value.length.toLocaleString('en-US')})`
						: '';
				out.push({ path, message: `${issue.message}${len}` });
				break;
			}
			case 'custom': {
				// A check of our own may say how to fix what it found.
				const hint = issue.params?.hint;
				out.push({ path, message: issue.message, ...(typeof hint === 'string' ? { hint } : {}) });
				break;
			}
			default:
				out.push({ path, message: issue.message });
		}
	}
	return out;
}

/** Field names valid at a path, for "did you mean" on misspelt keys; read off the schema itself. */
function knownFieldsFor(path: readonly PropertyKey[]): string[] {
	const byList: Record<string, string[]> = {
		claims: Object.keys(Claim.shape),
		evidence: Object.keys(Evidence.shape),
		sources: Object.keys(Source.shape),
		actors: Object.keys(Actor.shape),
		tags: Object.keys(Tag.shape),
		also: Object.keys(Relation.shape)
	};
	const list = [...path].reverse().find((s) => typeof s === 'string' && s in byList) as
		string | undefined;
	const fields = path.length === 0 ? Object.keys(Debate.shape) : (byList[list ?? ''] ?? []);
	return fields;
}
