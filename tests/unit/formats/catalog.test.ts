import { describe, expect, it } from 'vitest';
import { FORMAT_LIST, READABLE, WRITABLE } from '../../../src/lib/core/formats/catalog';
import { CODECS, READERS, WRITERS } from '../../../src/lib/core/formats';

describe('format catalog', () => {
	it('lists every codec, in menu order, with what it can do', () => {
		expect(FORMAT_LIST.map((f) => f.id)).toEqual(CODECS.map((c) => c.id));
		expect(READABLE.map((f) => f.id)).toEqual(READERS.map((c) => c.id));
		expect(WRITABLE.map((f) => f.id)).toEqual(WRITERS.map((c) => c.id));
		for (const codec of CODECS) {
			expect(codec.reads, codec.id).toBe(Boolean(codec.decode));
			expect(codec.writes, codec.id).toBe(Boolean(codec.encode));
		}
	});
});
