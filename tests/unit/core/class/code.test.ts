import { describe, expect, test } from 'vitest';
import {
	CODE_ALPHABET,
	CODE_LENGTH,
	makeCode,
	normaliseCode
} from '../../../../src/lib/core/class/code';
import { newCode } from '../../../../src/lib/server/class/secrets';

describe('join codes', () => {
	test('leave out characters that are read or typed one for another', () => {
		for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
		expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
	});

	test('are six characters of the alphabet, every character reachable', () => {
		let i = 0;
		// A "random" source that walks the alphabet: every position takes every character.
		const seen = new Set<string>();
		for (let k = 0; k < CODE_ALPHABET.length; k++) {
			const code = makeCode((n) => i++ % n);
			expect(code).toHaveLength(CODE_LENGTH);
			for (const c of code) seen.add(c);
		}
		expect([...seen].sort().join('')).toBe([...CODE_ALPHABET].sort().join(''));
		for (let k = 0; k < 200; k++) expect(normaliseCode(newCode())).toBeDefined();
	});

	test('as typed by a student: case, spaces and dashes do not matter; anything else is no code', () => {
		expect(normaliseCode(' k7m-q2x ')).toBe('K7MQ2X');
		expect(normaliseCode('K7M Q2X')).toBe('K7MQ2X');
		for (const wrong of ['K7MQ2', 'K7MQ2XY', 'K7MQ2O', 'K7MQ21', '<scrip', '', 'x'.repeat(1000)])
			expect(normaliseCode(wrong), wrong).toBeUndefined();
	});
});
