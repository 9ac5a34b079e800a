import { readFileSync } from 'node:fs';
import { analyse } from 'scslre';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
	blankLinesFirst,
	danglingTargetsJson,
	hugeLineYaml,
	kialoBlanks,
	unknownFieldsJson,
	unknownFieldsYaml
} from '../../../scripts/hostile-inputs';
import { importDebate } from '../../../src/lib/core/formats';
import { FOOTNOTE, KIALO_SIGNATURE, MARKER } from '../../../src/lib/core/formats/kialo';
import { JSON_SIGNATURE, YAML_SIGNATURE } from '../../../src/lib/core/formats/native';
import {
	findLongLine,
	formatDiagnostic,
	loadDebate,
	MAX_LINE_LENGTH,
	type Diagnostic
} from '../../../src/lib/core/load';
import { validDebate } from './read';

/**
 * Hostile inputs that once took time growing with the square of their size (seconds to minutes),
 * checked by counting the work they cause rather than by a clock, which fails on a busy machine:
 * at twice the size, about twice the work. Their speed is measured by `npm run bench`.
 *
 * The meter counts what grows with the input in the readers: YAML nodes looked at by our code,
 * pairs of keys the YAML library compares to find duplicates (when asked to), known ids each
 * unknown one is compared with for a did-you-mean hint, and runs of the YAML parser.
 */
const meter = vi.hoisted(() => ({ nodes: 0, keyPairs: 0, ids: 0, parses: 0 }));

vi.mock('yaml', async (importOriginal) => {
	const yaml = await importOriginal<typeof import('yaml')>();
	const counted =
		<A extends unknown[], R>(f: (...args: A) => R) =>
		(...args: A) => {
			meter.nodes++;
			return f(...args);
		};
	type Options = Parameters<typeof yaml.parseDocument>[1];
	const sameKey = (a: unknown, b: unknown) =>
		a === b || (yaml.isScalar(a) && yaml.isScalar(b) && a.value === b.value);
	return {
		...yaml,
		isMap: counted(yaml.isMap),
		isPair: counted(yaml.isPair),
		isScalar: counted(yaml.isScalar),
		isSeq: counted(yaml.isSeq),
		parseDocument: (source: string, options: Options) => {
			meter.parses++;
			// Unless told not to, the library compares each key of a mapping with every key before it.
			const equal = typeof options?.uniqueKeys === 'function' ? options.uniqueKeys : sameKey;
			const uniqueKeys =
				options?.uniqueKeys === false
					? false
					: (a: unknown, b: unknown) => {
							meter.keyPairs++;
							return equal(a as never, b as never);
						};
			return yaml.parseDocument(source, { ...options, uniqueKeys });
		}
	};
});

vi.mock('../../../src/lib/core/load/suggest', async (importOriginal) => {
	const suggest = await importOriginal<typeof import('../../../src/lib/core/load/suggest')>();
	return {
		...suggest,
		didYouMean: (wrong: string, known: Iterable<string>) => {
			const list = [...known];
			meter.ids += list.length;
			return suggest.didYouMean(wrong, list);
		}
	};
});

beforeEach(() => Object.assign(meter, { nodes: 0, keyPairs: 0, ids: 0, parses: 0 }));

/** The result of `run` and the work it took, by the meter. */
async function metered<T>(run: () => Promise<T> | T) {
	Object.assign(meter, { nodes: 0, keyPairs: 0, ids: 0, parses: 0 });
	const result = await run();
	return { result, work: meter.nodes + meter.keyPairs + meter.ids };
}

/**
 * Reads the input `make` builds at size n and 2n; expects the larger to take about twice the
 * work (at most 2.5 times: quadratic work would take 4 times), and at least n of it (the meter
 * sees every entry). Gives back the larger one's result.
 */
async function expectLinear(n: number, make: (n: number) => string, file: string) {
	const small = await metered(() => importDebate(make(n), { file }));
	const large = await metered(() => importDebate(make(2 * n), { file }));
	expect(small.work).toBeGreaterThanOrEqual(n);
	expect(
		large.work / small.work,
		`work ${small.work} at ${n}, ${large.work} at ${2 * n}`
	).toBeLessThan(2.5);
	return large.result;
}

const VALID_YAML = readFileSync('tests/fixtures/debates/valid.yaml', 'utf8');
const VALID_DATA = JSON.parse(JSON.stringify(validDebate())) as Record<string, unknown>;
const errorsOf = (r: { ok: boolean; errors?: Diagnostic[] }) => (r.ok ? [] : r.errors!);
const messages = (list: Diagnostic[]) => list.map(formatDiagnostic).join('\n');

describe('the meter', () => {
	it('sees the work of the traps it guards: a mapping with duplicate keys read with the library check costs pairs of keys', async () => {
		const { parseDocument } = await import('yaml');
		const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n');
		const small = await metered(() => parseDocument(keys(100)));
		const large = await metered(() => parseDocument(keys(200)));
		// The library's own check is quadratic: the meter says so.
		expect(large.work / small.work).toBeGreaterThan(3.5);
	});
});

describe('long lines, found before any parser runs', () => {
	it('a 15 MB line: located, and the YAML parser never runs (imports and debate files)', async () => {
		const text = hugeLineYaml(VALID_YAML, 3_000_000);
		const r = await metered(() => importDebate(text, { file: 'huge-line.yaml' }));
		// The parser would report the tab and the unclosed quote further down: it never sees them.
		expect(errorsOf(r.result).map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
			'10:1 line 10 is 15,000,012 characters long; the limit is 100,000'
		]);
		expect(meter.parses).toBe(0);
		// The same for a debate file (capped at 5 MB), read by loadDebate.
		const authored = loadDebate(hugeLineYaml(VALID_YAML, 900_000), {
			file: 'arguments/huge-line.yaml'
		});
		expect(errorsOf(authored).map((e) => e.message)).toEqual([
			'line 10 is 4,500,012 characters long; the limit is 100,000'
		]);
		expect(meter.parses).toBe(0);
	});

	/** `text` as findLongLine reads it, counting the characters it reads. */
	function counting(text: string) {
		const reads = { count: 0 };
		const spy = {
			length: text.length,
			charCodeAt: (i: number) => {
				reads.count++;
				return text.charCodeAt(i);
			}
		};
		return { text: spy as unknown as string, reads };
	}

	it('reads each character of 20 MB once, and none of a text shorter than the limit', () => {
		const line = 'A line of an ordinary length, as people write them.\n';
		const big = counting(line.repeat(400_000));
		expect(big.text.length).toBeGreaterThan(20_000_000);
		expect(findLongLine(big.text, MAX_LINE_LENGTH)).toBeUndefined();
		expect(big.reads.count).toBe(big.text.length);
		const small = counting(line.repeat(100));
		expect(findLongLine(small.text, MAX_LINE_LENGTH)).toBeUndefined();
		expect(small.reads.count).toBe(0);
	});
});

describe('quadratic traps, made linear', () => {
	it('a mapping of 20,000 unknown fields in YAML (50,000 took 31 s before): the first 100 listed; work linear', async () => {
		const r = await expectLinear(10_000, (n) => unknownFieldsYaml(VALID_YAML, n), 'keys.yaml');
		const found = errorsOf(r);
		expect(found).toHaveLength(101);
		expect(formatDiagnostic(found[0]!)).toMatch(/^keys\.yaml:\d+:1 k0: unknown field "k0"/);
		expect(found[100]!.message).toBe('there are more errors: only the first 100 are listed');
	});

	it('the same in JSON (50,000 took 39 s before): the first 100 listed; work linear', async () => {
		const r = await expectLinear(10_000, (n) => unknownFieldsJson(VALID_DATA, n), 'keys.json');
		expect(errorsOf(r)).toHaveLength(101);
	});

	it('10,000 claims aimed at claims that do not exist (40 s before): the first with a guess; work linear', async () => {
		const r = await expectLinear(5_000, (n) => danglingTargetsJson(VALID_DATA, n), 'nowhere.json');
		const found = errorsOf(r);
		expect(found).toHaveLength(101);
		expect(found[0]!.hint).toBe('did you mean "c1"?');
	});

	/** The patterns run over a whole file, or every line of one, as they read it. */
	const patterns: [string, RegExp][] = [
		['Counterpoint YAML, recognised', YAML_SIGNATURE],
		['Counterpoint JSON, recognised', JSON_SIGNATURE],
		['Kialo, recognised', KIALO_SIGNATURE],
		['a Kialo footnote', FOOTNOTE],
		['a Kialo footnote mark', MARKER]
	];
	it.each(patterns)(
		'the pattern for %s never backtracks more than linearly (checked by analysis)',
		(_, pattern) => {
			expect(analyse(pattern).reports.map((r) => r.type)).toEqual([]);
		}
	);

	it('the analysis finds the patterns that were quadratic before (16 s, 9 s)', () => {
		const before = [
			/^\uFEFF?(#[^\n]*\n|\s)*(\$schema|formatVersion)\s*:/m,
			/^[ \t]*\[(\d{1,9})\](?:[ \t]+(.*?))?[ \t]*$/,
			/[ \t]*\[(\d{1,9})\]/g
		];
		for (const p of before) expect(analyse(p).reports.length, String(p)).toBeGreaterThan(0);
	});

	it('recognising YAML by its content: 64 KB of blank lines before it', async () => {
		const r = await importDebate(blankLinesFirst(VALID_YAML, 64 * 1024), {
			file: 'blank-lines.yaml'
		});
		expect(r.ok, messages(errorsOf(r))).toBe(true);
		const unknown = await importDebate(blankLinesFirst('x', 64 * 1024), { file: 'pasted text' });
		expect(errorsOf(unknown)[0]!.message).toBe('the format of this file was not recognised');
	});

	it('Kialo: runs of 99,000 blanks in a claim and in a footnote are read as one space', async () => {
		const r = await importDebate(kialoBlanks(99_000), { file: 'blanks.txt' });
		expect(r.ok, messages(errorsOf(r))).toBe(true);
		const claim = r.ok ? r.value.claims[1]! : undefined;
		expect(claim?.text).toBe('It builds habits of study');
		expect(r.ok && r.value.sources[0]!.title).toBe('A survey of teachers');
	});
});
