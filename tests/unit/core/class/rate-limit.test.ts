import { expect, test } from 'vitest';
import { RateLimiter } from '../../../../src/lib/server/class/rate-limit';

test('a rate limit allows a burst, then refills at its rate, and says how long to wait', () => {
	let now = 0;
	const limit = new RateLimiter({ burst: 3, perSecond: 0.5 }, () => now);
	expect([limit.take('ana'), limit.take('ana'), limit.take('ana')]).toEqual([0, 0, 0]);
	expect(limit.take('ana')).toBe(2);
	// Someone else is not held back by Ana.
	expect(limit.take('ben')).toBe(0);
	now += 2000;
	expect(limit.take('ana')).toBe(0);
	expect(limit.take('ana', 3)).toBe(6);
	// More than the burst at once can never pass: the answer says so rather than "wait 0".
	expect(limit.take('cy', 10)).toBeGreaterThan(0);
});

test('the table of keys is bounded: the least recently seen is forgotten first', () => {
	const limit = new RateLimiter({ burst: 1, perSecond: 0.001 }, () => 0, 2);
	limit.take('a');
	limit.take('b');
	limit.take('c');
	// `a` was dropped (a fresh bucket), `c` was not.
	expect(limit.take('a')).toBe(0);
	expect(limit.take('c')).toBeGreaterThan(0);
});
