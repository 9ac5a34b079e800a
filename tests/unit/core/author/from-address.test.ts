import { describe, expect, it } from 'vitest';
import { fillFromAddress } from '../../../../src/lib/core/author/from-address';

describe('filling a source from its address, offline', () => {
	it('reads the site, the date and a title from a news address', () => {
		expect(
			fillFromAddress(
				'https://www.reuters.com/technology/2024/11/01/chinese-researchers-develop-ai-model-for-military-use-back-metas-llama/'
			)
		).toEqual({
			url: 'https://www.reuters.com/technology/2024/11/01/chinese-researchers-develop-ai-model-for-military-use-back-metas-llama/',
			publisher: 'Reuters',
			date: '2024-11-01',
			title: 'Chinese researchers develop ai model for military use back metas llama',
			type: 'article'
		});
	});

	it('knows a report, a video, a blog post and a page in Chinese', () => {
		expect(fillFromAddress('https://arxiv.org/pdf/2407.21783')).toMatchObject({
			publisher: 'arXiv',
			type: 'report'
		});
		expect(fillFromAddress('https://youtu.be/abc123')).toMatchObject({
			publisher: 'YouTube',
			type: 'transcript'
		});
		expect(
			fillFromAddress('https://about.fb.com/news/2024/07/open-source-ai-is-the-path-forward/')
		).toMatchObject({
			publisher: 'about.fb.com',
			date: '2024-07',
			title: 'Open source ai is the path forward'
		});
		expect(
			fillFromAddress('https://www.fortunechina.com/zh/shangye/c/2025-01/13/content_1.htm')
		).toMatchObject({
			publisher: '财富中文网',
			language: 'zh',
			date: '2025-01-13'
		});
		expect(fillFromAddress('https://en.wikipedia.org/wiki/Llama_(language_model)')).toMatchObject({
			publisher: 'Wikipedia',
			language: 'en'
		});
	});

	it('guesses nothing it cannot read, and refuses what is not a web address', () => {
		expect(fillFromAddress('https://example.org/p?id=42')).toEqual({
			url: 'https://example.org/p?id=42',
			publisher: 'example.org',
			type: 'article'
		});
		expect(fillFromAddress('javascript:alert(1)')).toBeUndefined();
		expect(fillFromAddress('not an address')).toBeUndefined();
	});
});
