import { describe, expect, it } from 'vitest';
import { estimateWidth, wrapText } from '../../../src/lib/map/wrap';

/** A measure where every character is 10 px wide: easy to reason about. */
const mono = (text: string) => text.length * 10;

describe('wrapping node labels', () => {
	it('breaks English between words and never exceeds the width', () => {
		const lines = wrapText('Open weights let law firms keep their data in house', 120, 15, mono);
		expect(lines).toEqual(['Open weights', 'let law', 'firms keep', 'their data', 'in house']);
		for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(120);
	});

	it('cuts a word longer than the line instead of letting it spill out', () => {
		const lines = wrapText('Supercalifragilistic', 80, 15, mono);
		expect(lines.join('')).toBe('Supercalifragilistic');
		for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(80);
	});

	it('breaks Chinese between characters and keeps closing punctuation with its character', () => {
		const lines = wrapText('开源模型更容易被滥用，落入坏人之手。', 60, 15, mono);
		expect(lines.join('')).toBe('开源模型更容易被滥用，落入坏人之手。');
		for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(60);
		expect(lines.some((l) => l.startsWith('，') || l.startsWith('。'))).toBe(false);
	});

	it('keeps mixed Latin and Chinese text breakable inside the Chinese part', () => {
		const lines = wrapText('Llama模型的下载量超过6亿次', 60, 15, mono);
		expect(lines.join('')).toBe('Llama模型的下载量超过6亿次');
		for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(60);
	});

	it('estimates Chinese characters as about twice as wide as Latin letters', () => {
		expect(estimateWidth('模型', 10)).toBeCloseTo(20);
		expect(estimateWidth('ab', 10)).toBeLessThan(12);
	});
});

describe('hyphenated words', () => {
	it('may break after a hyphen rather than inside a word', () => {
		const lines = wrapText('Pre-emptive rules', 80, 15, mono);
		expect(lines).toEqual(['Pre-', 'emptive', 'rules']);
	});
});

describe('long unbroken words (a pasted web address)', () => {
	const address = 'https://example.org/reports/2024/open-weights-and-safety-final-version.pdf';

	it('are cut to the width wherever they stand, after other words too, losing nothing', () => {
		const text = `See ${address} for the figures`;
		const lines = wrapText(text, 120, 15, mono);
		for (const l of lines) expect(mono(l), l).toBeLessThanOrEqual(120);
		expect(lines[0]).toBe('See');
		expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
	});

	it('fit a card of the map by the estimate the map uses without a canvas', () => {
		const inner = 200;
		for (const text of [address, `Source: ${address}`, `${address} ${address}`]) {
			const lines = wrapText(text, inner, 15);
			for (const l of lines) expect(estimateWidth(l, 15), l).toBeLessThanOrEqual(inner);
		}
	});

	it('are cut between characters, never inside an emoji or an accented letter', () => {
		/** 10 px a character as a reader counts them. */
		const perCharacter = (s: string) => [...new Intl.Segmenter().segment(s)].length * 10;
		const llamas = wrapText('🦙'.repeat(12), 50, 15, perCharacter);
		expect(llamas).toEqual(['🦙🦙🦙🦙🦙', '🦙🦙🦙🦙🦙', '🦙🦙']);
		const accents = wrapText('e\u0301'.repeat(7), 30, 15, perCharacter);
		expect(accents).toEqual(['e\u0301'.repeat(3), 'e\u0301'.repeat(3), 'e\u0301']);
	});
});
