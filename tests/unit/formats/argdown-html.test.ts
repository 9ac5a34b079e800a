import { ArgdownApplication } from '@argdown/core/dist/ArgdownApplication.js';
import { DataPlugin } from '@argdown/core/dist/plugins/DataPlugin.js';
import { HtmlExportPlugin } from '@argdown/core/dist/plugins/HtmlExportPlugin.js';
import { ModelPlugin } from '@argdown/core/dist/plugins/ModelPlugin.js';
import { ParserPlugin } from '@argdown/core/dist/plugins/ParserPlugin.js';
import { describe, expect, it } from 'vitest';
import { argdownCodec } from '../../../src/lib/core/formats/argdown';
import type { Debate } from '../../../src/lib/core/schema';
import { readWith, validDebate } from './read';

/**
 * Our Argdown export turned into a web page by Argdown's own HTML export, as a teacher might do
 * with the Argdown tools: whatever a debate's texts say, the page gets no markup from them.
 */
function argdownHtml(input: string): string {
	const app = new ArgdownApplication();
	app.addPlugin(new ParserPlugin(), 'parse-input');
	app.addPlugin(new DataPlugin(), 'build-model');
	app.addPlugin(new ModelPlugin(), 'build-model');
	app.addPlugin(new HtmlExportPlugin(), 'export-html');
	const r = app.run({
		input,
		process: ['parse-input', 'build-model', 'export-html'],
		logLevel: 'none'
	});
	return r.html ?? '';
}

const PAYLOAD = 'Class debate</title><script>window.__pwned = 1</script><title> & more';

/** The valid fixture with the payload in its title, summary and a claim's text and title. */
function hostile(): Debate {
	const d = validDebate();
	return {
		...d,
		title: PAYLOAD,
		summary: `<img src=x onerror=alert(1)> ${PAYLOAD}`,
		claims: d.claims.map((c, i) =>
			i === 1 ? { ...c, title: '<b>bold</b>', text: `Cheaper <script>alert(1)</script>` } : c
		)
	};
}

describe("Argdown's HTML export of our Argdown", () => {
	it('makes no element of a debate’s texts: the title shows, as text, in <title>', () => {
		const html = argdownHtml(argdownCodec.encode!(hostile(), { lang: 'en' }));
		expect(html).toContain('<div class="argdown">');
		// The only elements are Argdown's own: none named in the payload.
		expect(html).not.toMatch(/<script|<img|<b>|<\/title><script/i);
		const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
		expect(title).toBe('Class debate‹/title›‹script›window.__pwned = 1‹/script›‹title› ＆ more');
		// Exactly one <title>, closed once: the head is Argdown's.
		expect(html.match(/<\/?title>/g)).toEqual(['<title>', '</title>']);
	});

	it('still gives Counterpoint the title exactly as it was written', async () => {
		const text = argdownCodec.encode!(hostile(), { lang: 'en' });
		const { debate } = await readWith(argdownCodec, text, 'hostile.argdown');
		expect(debate.title).toBe(PAYLOAD);
		// A title edited in the front matter since wins over the one Counterpoint kept.
		const edited = text.replace(/^title: .*$/m, 'title: "Renamed by hand"');
		const renamed = await readWith(argdownCodec, edited, 'hostile.argdown');
		expect(renamed.debate.title).toBe('Renamed by hand');
	});

	it('leaves a title without markup characters as it was (no extra field)', () => {
		const text = argdownCodec.encode!(validDebate(), { lang: 'en' });
		expect(text).not.toMatch(/^ {2}title:/m);
		expect(argdownHtml(text)).toContain('<title>School uniforms</title>');
	});
});
