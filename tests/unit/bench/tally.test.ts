import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	Ledger,
	mergeSorted,
	percentile,
	SseParser,
	StreamTally,
	sumReports
} from '../../../scripts/bench-class/tally';

/**
 * The class benchmark's own accounting (scripts/bench-class/tally.ts): if it miscounts, the
 * benchmark's "0 lost, 0 duplicated" and its latency percentiles mean nothing.
 */

describe('reading an event stream', () => {
	const stream =
		'retry: 2000\n\n: keep-alive\n\nid: 1\ndata: {"seq":1}\n\nid: 2\r\ndata: a\r\ndata: b\r\n\r\ndata: no id\n\n';
	const expected = [{ id: '1', data: '{"seq":1}' }, { id: '2', data: 'a\nb' }, { data: 'no id' }];

	test('messages end at a blank line; comments and retry are skipped; data lines join', () => {
		expect(new SseParser().feed(stream)).toEqual(expected);
	});

	test('chunks cut anywhere (inside a line, between \\r and \\n) give the same messages', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }),
				(cuts) => {
					const at = [0, ...[...cuts].sort((a, b) => a - b), stream.length];
					const parser = new SseParser();
					const got = at.slice(1).flatMap((end, i) => parser.feed(stream.slice(at[i], end)));
					expect(got).toEqual(expected);
				}
			)
		);
	});

	test('a message waits for its blank line', () => {
		const parser = new SseParser();
		expect(parser.feed('id: 7\ndata: x\n')).toEqual([]);
		expect(parser.feed('\n')).toEqual([{ id: '7', data: 'x' }]);
	});
});

describe('checking a stream against its session ledger', () => {
	/** Ana's and Ben's session: 1 and 3 public, 2 Ben's private vote, 4 Ana's private poll answer. */
	function ledger() {
		const l = new Ledger();
		l.record(1, { opId: 'op1', actor: 'ana', public: true });
		l.record(2, { opId: 'op2', actor: 'ben', public: false });
		l.record(3, { opId: 'op3', actor: 'ben', public: true });
		l.record(4, { opId: 'op4', actor: 'ana', public: false });
		return l;
	}

	test("a reader expects every public event and its own private ones, not a classmate's", () => {
		expect(ledger().expectedBy('ana')).toBe(3);
		expect(ledger().expectedBy('ben')).toBe(3);
		expect(ledger().shows(2, 'ana')).toBe(false);
		expect(ledger().shows(5, 'ana')).toBe(false);
	});

	test('everything once and in order: nothing lost, doubled or out of order', () => {
		const ana = new StreamTally('ana');
		for (const [seq, op] of [
			[1, 'op1'],
			[3, 'op3'],
			[4, 'op4']
		] as const)
			ana.receive(seq, op);
		expect(ana.complete(ledger())).toBe(true);
		expect(ana.report(ledger())).toEqual({
			received: 3,
			lost: 0,
			duplicated: 0,
			outOfOrder: 0,
			unexpected: 0
		});
		expect(ana.lastSeq).toBe(4);
	});

	test('a missing event is lost; a second copy is a duplicate; a late one is out of order', () => {
		const ana = new StreamTally('ana');
		expect(ana.receive(3, 'op3')).toBe(true);
		expect(ana.receive(1, 'op1')).toBe(true);
		expect(ana.receive(3, 'op3')).toBe(false);
		expect(ana.complete(ledger())).toBe(false);
		expect(ana.report(ledger())).toMatchObject({
			received: 2,
			lost: 1,
			duplicated: 1,
			outOfOrder: 1
		});
		// Last-Event-ID stays at the highest seq received in order.
		expect(ana.lastSeq).toBe(3);
	});

	test("a classmate's private event, or an event under another operation's id, is unexpected", () => {
		const ana = new StreamTally('ana');
		ana.receive(1, 'op1');
		ana.receive(2, 'op2');
		ana.receive(3, 'op-wrong');
		expect(ana.report(ledger())).toMatchObject({ unexpected: 2, lost: 1 });
	});

	test('for any drops and repeats, lost and duplicated count exactly those', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 60 }),
				(copies) => {
					// Event i+1 (public) is delivered copies[i] times, in order.
					const l = new Ledger();
					const t = new StreamTally('ana');
					copies.forEach((n, i) => {
						l.record(i + 1, { opId: `op${i + 1}`, actor: 'ben', public: true });
						for (let k = 0; k < n; k++) t.receive(i + 1, `op${i + 1}`);
					});
					const r = t.report(l);
					expect(r.lost).toBe(copies.filter((n) => n === 0).length);
					expect(r.duplicated).toBe(copies.reduce((s, n) => s + Math.max(0, n - 1), 0));
					expect(r.outOfOrder).toBe(0);
				}
			)
		);
	});

	test('reports add up', () => {
		const one = { received: 3, lost: 1, duplicated: 0, outOfOrder: 2, unexpected: 0 };
		const two = { received: 4, lost: 0, duplicated: 5, outOfOrder: 0, unexpected: 1 };
		expect(sumReports([one, two])).toEqual({
			received: 7,
			lost: 1,
			duplicated: 5,
			outOfOrder: 2,
			unexpected: 1
		});
	});
});

describe('percentiles', () => {
	const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);

	test('nearest rank: the smallest value with p % of the values at or below it', () => {
		expect([50, 95, 99, 100].map((p) => percentile(hundred, p))).toEqual([50, 95, 99, 100]);
		expect(percentile([1, 2, 3, 4], 50)).toBe(2);
		expect(percentile([1, 2, 3, 4], 51)).toBe(3);
		expect(percentile([7], 1)).toBe(7);
		expect(percentile([], 99)).toBeNaN();
	});

	test('one slow delivery in a hundred is the p100, not the p99', () => {
		const samples = mergeSorted([Float64Array.from({ length: 99 }, () => 5), [900]]);
		expect(percentile(samples, 99)).toBe(5);
		expect(percentile(samples, 100)).toBe(900);
	});

	test('samples from several load generators are merged and sorted as numbers', () => {
		expect([...mergeSorted([[10, 9], [100, 1.5], []])]).toEqual([1.5, 9, 10, 100]);
	});

	test('p outside (0, 100] is refused', () => {
		expect(() => percentile(hundred, 0)).toThrow(RangeError);
		expect(() => percentile(hundred, 101)).toThrow(RangeError);
	});
});
