/**
 * Hostile inputs of a chosen size, for the tests that count the work they cause
 * (tests/unit/formats/linear.test.ts) and for `npm run bench`, which times them at two sizes.
 * Each once took time growing with the square of its size; `base` is a valid debate to spoil,
 * as YAML text or as plain data.
 */

/** `base` (YAML) with a mapping of `n` fields no debate has, at the top level. */
export function unknownFieldsYaml(base: string, n: number): string {
	return `${base}\n${Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n')}\n`;
}

/** `base` (data) with `n` fields no debate has, as one line of JSON. */
export function unknownFieldsJson(base: Record<string, unknown>, n: number): string {
	return JSON.stringify({
		...base,
		...Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]))
	});
}

/** `base` (data) whose claims, `n` of them, all answer claims that do not exist. */
export function danglingTargetsJson(base: Record<string, unknown>, n: number): string {
	const claims = Array.from({ length: n }, (_, i) =>
		i === 0 ? { id: 'c0', text: 'T.' } : { id: `c${i}`, stance: 'pro', target: `x${i}`, text: 'x' }
	);
	return JSON.stringify({ ...base, thesis: 'c0', tour: undefined, claims });
}

/** `base` (YAML) after `n` blank lines: what the format is has to be found past them. */
export function blankLinesFirst(base: string, n: number): string {
	return '\n'.repeat(n) + base;
}

/** A Kialo export whose claim and footnote each hold a run of `n` blanks. */
export function kialoBlanks(n: number): string {
	const blanks = ' \t'.repeat(n / 2);
	return `Discussion Name: Homework\n\n1. Thesis:\nHomework should go.\n\n1.1. Con:\nIt builds habits${blanks}of study [1]\n\nSources:\n[1] A survey${blanks}of teachers\n`;
}

/** `base` (YAML) with one line of `n` words in a claim's detail, and damage the parser would report. */
export function hugeLineYaml(base: string, n: number): string {
	const lines = base.split('\n');
	lines.splice(9, 0, `    detail: ${'word '.repeat(n)}`);
	lines.push('\ttabbed: "never closed');
	return lines.join('\r\n');
}
