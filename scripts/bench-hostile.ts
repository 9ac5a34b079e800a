/**
 * The hostile-input half of `npm run bench`: each input that once took quadratic time
 * (scripts/hostile-inputs.ts), read at size n and 2n in this one process, median of three runs.
 * The ratio of the two times is what tells linear (about 2) from quadratic (about 4); the tests
 * count the work instead (tests/unit/formats/linear.test.ts), since a clock fails on a busy machine.
 * Prints one JSON object per case.
 */
import { readFileSync } from 'node:fs';
import { importDebate } from '../src/lib/core/formats';
import { findLongLine, loadDebate, MAX_LINE_LENGTH } from '../src/lib/core/load';
import {
	blankLinesFirst,
	danglingTargetsJson,
	hugeLineYaml,
	kialoBlanks,
	unknownFieldsJson,
	unknownFieldsYaml
} from './hostile-inputs';

const yaml = readFileSync('tests/fixtures/debates/valid.yaml', 'utf8');
const loaded = loadDebate(yaml);
if (!loaded.ok) throw new Error('tests/fixtures/debates/valid.yaml is not valid');
const data = JSON.parse(JSON.stringify(loaded.value)) as Record<string, unknown>;

/** The median of three runs, after one to warm up the JIT. */
async function ms(run: () => unknown) {
	await run();
	const out: number[] = [];
	for (let i = 0; i < 3; i++) {
		const t = performance.now();
		await run();
		out.push(performance.now() - t);
	}
	return out.sort((a, b) => a - b)[1]!;
}

const read = (make: (n: number) => string, file: string) => (n: number) => {
	const text = make(n);
	return () => importDebate(text, { file });
};

const cases: [string, number, (n: number) => () => unknown][] = [
	['a line of n words (YAML)', 1_500_000, read((n) => hugeLineYaml(yaml, n), 'long.yaml')],
	[
		'n ordinary lines, checked for length',
		200_000,
		(n) => {
			const text = 'A line of an ordinary length, as people write them.\n'.repeat(n);
			return () => findLongLine(text, MAX_LINE_LENGTH);
		}
	],
	['n unknown fields (YAML)', 25_000, read((n) => unknownFieldsYaml(yaml, n), 'keys.yaml')],
	['n unknown fields (JSON)', 25_000, read((n) => unknownFieldsJson(data, n), 'keys.json')],
	[
		'n claims aimed at nowhere (JSON)',
		10_000,
		read((n) => danglingTargetsJson(data, n), 'nowhere.json')
	],
	['n blank lines before YAML', 32 * 1024, read((n) => blankLinesFirst(yaml, n), 'blank.yaml')],
	['runs of n blanks (Kialo)', 50_000, read(kialoBlanks, 'blanks.txt')]
];

for (const [name, n, make] of cases) {
	const small = await ms(make(n));
	const large = await ms(make(2 * n));
	console.log(
		JSON.stringify({
			suite: 'hostile',
			case: name,
			n,
			n_ms: Math.round(small * 10) / 10,
			twice_n_ms: Math.round(large * 10) / 10,
			ratio: Math.round((large / small) * 100) / 100
		})
	);
}
