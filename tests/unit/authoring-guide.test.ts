import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The authoring guide (docs/authoring.md) teaches by the shipped debate's own claims: every
 * example it quotes must be in that debate word for word, in English and in Chinese, so the
 * guide cannot drift from the file it points to.
 */

const guide = readFileSync('docs/authoring.md', 'utf8');
const debate = parse(readFileSync('arguments/llama-open-weights.yaml', 'utf8')) as unknown;

/** Every text in the debate file. */
function texts(v: unknown, out: string[] = []): string[] {
	if (typeof v === 'string') out.push(v);
	else if (Array.isArray(v)) v.forEach((x) => texts(x, out));
	else if (v && typeof v === 'object') Object.values(v).forEach((x) => texts(x, out));
	return out;
}

/** The guide's examples: italic passages long enough to be quotes, joined across quoted lines. */
const examples = [...guide.replace(/\n>[ \t]?/g, ' ').matchAll(/(?<![\w`])_([^_`\n]+)_(?!\w)/g)]
	.map((m) => m[1]!.replace(/\s+/g, ' ').trim())
	// An example cut short ("…") is checked up to the cut; short ones are words, not examples.
	.map((e) => e.replace(/…+$/, ''))
	.filter((e) => e.length >= 8);

describe('the authoring guide', () => {
	it('quotes the Llama debate word for word, in both languages', () => {
		const all = texts(debate);
		expect(examples.length).toBeGreaterThan(15);
		expect(examples.some((e) => /[\u4e00-\u9fff]/.test(e))).toBe(true);
		const missing = examples.filter((e) => !all.some((t) => t.includes(e)));
		expect(missing).toEqual([]);
	});
});
