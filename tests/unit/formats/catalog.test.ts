import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	exportFileName,
	FORMAT_LIST,
	FORMATS,
	isFormatId,
	READABLE,
	READABLE_ACCEPT,
	WRITABLE
} from '../../../src/lib/core/formats/catalog';
import { CODECS, codecById, detectCodec, READERS, WRITERS } from '../../../src/lib/core/formats';
import { exportDebate } from '../../../src/lib/core/formats';
import { loadDebate } from '../../../src/lib/core/load';

const messages = (lang: string) =>
	JSON.parse(readFileSync(`messages/${lang}.json`, 'utf8')) as Record<string, string>;

describe('format catalog', () => {
	it('lists every codec, in menu order, with what it can do', () => {
		expect(FORMAT_LIST.map((f) => f.id)).toEqual(CODECS.map((c) => c.id));
		expect(READABLE.map((f) => f.id)).toEqual(READERS.map((c) => c.id));
		expect(WRITABLE.map((f) => f.id)).toEqual(WRITERS.map((c) => c.id));
		for (const codec of CODECS) {
			expect(codec.reads, codec.id).toBe(Boolean(codec.decode));
			expect(codec.writes, codec.id).toBe(Boolean(codec.encode));
			expect(codecById(codec.id)).toBe(codec);
		}
	});

	it('names every format with a message in each UI language', () => {
		for (const lang of ['en', 'zh']) {
			const m = messages(lang);
			for (const f of FORMAT_LIST) expect(m[f.nameKey], `${lang} ${f.nameKey}`).toBeTruthy();
		}
	});

	it('gives the file chooser every ending a reader owns, and detection follows the endings', () => {
		const accepted = READABLE_ACCEPT.split(',');
		for (const f of READABLE) for (const e of f.extensions) expect(accepted).toContain(`.${e}`);
		for (const f of FORMAT_LIST.filter((f) => !f.reads))
			for (const e of f.extensions)
				if (!READABLE.some((r) => r.extensions.includes(e)))
					expect(accepted).not.toContain(`.${e}`);
		// An ending owned by one reader without a content check decides alone.
		expect(detectCodec('x.argdown', 'anything')?.id).toBe('argdown');
		expect(detectCodec('x.yml', 'formatVersion: 1')?.id).toBe('yaml');
	});

	it('names exported files from the entry: suffix and first ending', () => {
		expect(exportFileName('d', 'aif')).toBe('d.aif.json');
		expect(exportFileName('d', 'csl')).toBe('d.sources.json');
		expect(exportFileName('d', 'yaml')).toBe('d.yaml');
		const debate = loadDebate(readFileSync('arguments/llama-open-weights.yaml', 'utf8'));
		if (!debate.ok) throw new Error('the sample debate must load');
		for (const f of WRITABLE) {
			const out = exportDebate(debate.value, f.id);
			expect(out.fileName).toBe(`${debate.value.id}${f.fileSuffix}.${f.extensions[0]}`);
			expect(out.mediaType).toBe(f.mediaType);
		}
	});

	it('tells a format id from any other word', () => {
		expect(isFormatId('aif')).toBe(true);
		expect(isFormatId('toString')).toBe(false);
		expect(isFormatId('AIF')).toBe(false);
		expect(isFormatId(undefined)).toBe(false);
		expect(Object.keys(FORMATS)).toEqual(FORMAT_LIST.map((f) => f.id));
	});
});
