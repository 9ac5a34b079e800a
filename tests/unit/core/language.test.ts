import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../../src/lib/core/contrib/language';

const offered = ['en', 'zh'];

describe('the language a student writes in', () => {
	it('is read from the letters, not from the page', () => {
		expect(guessLanguage('Open weights help attackers.', offered, 'zh')).toBe('en');
		expect(guessLanguage('开放权重会帮助攻击者。', offered, 'en')).toBe('zh');
	});

	it('is Chinese when Han characters carry the sentence, even with a Latin name in it', () => {
		expect(guessLanguage('Meta 发布 Llama 的权重是对的', offered, 'en')).toBe('zh');
	});

	it('stays English with a Chinese word quoted in an English sentence', () => {
		expect(
			guessLanguage('The article calls it 开源 but the licence says otherwise', offered, 'zh')
		).toBe('en');
	});

	it("keeps the reader's language when it is written in Latin letters too", () => {
		expect(guessLanguage('Les poids ouverts aident les attaquants.', ['en', 'fr'], 'fr')).toBe(
			'fr'
		);
	});

	it('keeps the reader’s language for text without letters', () => {
		expect(guessLanguage('42 !', offered, 'zh')).toBe('zh');
	});

	it('tells Japanese from Chinese by its kana', () => {
		expect(guessLanguage('オープンな重みは危険です', ['en', 'zh', 'ja'], 'en')).toBe('ja');
	});
});
